"""Exercises 24–37 of ``08_exercises``: whole layers, chains of layers, groups, and code to write.

Output shapes, parameter counts and weight layouts of one Conv2D layer; a chain RGB -> Conv2D(8, 3) ->
Conv2D(16, 3), whose second layer's filters each hold 8 kernels; grouped, depthwise and 1 × 1
convolutions; then the sweep and a multi-channel convolution written from scratch.
"""

from __future__ import annotations

from . import solutions as s
from .exercise_records import Exercise, slip

__all__ = ["LAYER_EXERCISES"]

NO_BIAS = "each filter has one bias, so add `filters` to the weights"
CHAIN = "An RGB input goes through Conv2D(8, 3), then Conv2D(16, 3) (both 'valid', strides 1)."


def _ex(number, lesson, topic, kind, question, hint, worked, right, slips=(), tags=(), check=""):
    answer = worked if kind == "code" else worked()
    return Exercise(
        number, None, lesson, topic, kind, question, hint, worked, answer, right, slips, tags, check=check
    )


LAYER_EXERCISES: tuple[Exercise, ...] = (
    _ex(
        24,
        "06_conv2d_layer",
        "the layer's output shape",
        "shape",
        "The article's example: a batch of shape (4, 28, 28, 3) goes through\n"
        "Conv2D(2, 3, activation='relu') (padding 'valid', strides 1). What is the output shape?",
        "Batch stays, each side shrinks by kernel_size − 1, and the channels become `filters`.",
        s.ex24,
        "(4, 26, 26, 2): each of the 2 filters makes one 26 × 26 map per image.",
        [
            slip((4, 26, 26, 3), "the output has one channel per FILTER (2), not per input channel"),
            slip((4, 28, 28, 2), "'valid' does not pad, so 28 shrinks to 26", "no-shrink"),
            slip((26, 26, 2), "keep the batch axis: 4 images in, 4 feature maps out"),
            slip(
                (4, 26, 26, 6),
                "each filter's 3 per-channel maps are added into ONE map, so 2 channels, not 2 × 3",
                "one-map-per-kernel",
            ),
            slip(
                (4, 2, 26, 26),
                "this question is channels-last, like Keras: (N, H', W', filters)",
                "channels-first",
            ),
        ],
        ("kernel-vs-filter", "output-size"),
    ),
    _ex(
        25,
        "06_conv2d_layer",
        "output shape with 'same'",
        "shape",
        "Conv2D(8, 3, padding='same') (strides 1) on an input of shape (32, 32, 3).\n"
        "What is the output shape (channels-last)?",
        "'same' with strides 1 keeps the height and width; then count the output channels.",
        s.ex25,
        "(32, 32, 8): 'same' keeps 32 × 32, and each of the 8 filters makes one map.",
        [
            slip(
                (32, 32, 24),
                "each filter's 3 kernels make 3 maps, but the filter ADDS them into ONE: 8 channels, not 24",
                "one-map-per-kernel",
            ),
            slip((30, 30, 8), "'same' pads so that, with strides 1, the output keeps the input's 32 × 32"),
            slip((32, 32, 3), "the output has one channel per FILTER (8), not per input channel"),
            slip(
                (8, 32, 32),
                "this question asks channels-last, like Keras: (H', W', filters)",
                "channels-first",
            ),
        ],
        ("kernel-vs-filter", "output-size", "padding"),
    ),
    _ex(
        26,
        "06_conv2d_layer",
        "parameter count",
        "int",
        "How many trainable parameters does Conv2D(2, 3) have on an RGB (3-channel) input?",
        "Weights: filters × (kernel_size² × C_in); then the biases.",
        s.ex26,
        "2 × (3·3·3) + 2 = 54 weights + 2 biases = 56.",
        [
            slip(54, NO_BIAS, "forgot-bias"),
            slip(
                60,
                "a filter has ONE bias, however many kernels it holds: 54 weights + 2 biases",
                "one-bias-per-kernel",
            ),
            slip(20, "each filter holds C_in = 3 kernels, one per input channel", "filters-as-kernels"),
            slip(
                18,
                "each filter holds 3 kernels (2 × 9 counts one per filter); and " + NO_BIAS,
                "filters-as-kernels",
            ),
            slip(28, "that is one filter (27 weights + 1 bias); the layer has 2 filters"),
        ],
        ("kernel-vs-filter", "parameters"),
    ),
    _ex(
        27,
        "06_conv2d_layer",
        "parameter count",
        "int",
        "How many trainable parameters does Conv2D(64, 3) have on a 32-channel input?",
        "Each of the 64 filters holds 32 kernels of 3 × 3 weights, and has one bias.",
        s.ex27,
        "64 × (3·3·32) + 64 = 18432 + 64 = 18496.",
        [
            slip(18432, NO_BIAS, "forgot-bias"),
            slip(20480, "a filter has ONE bias, not one per kernel: 18432 + 64", "one-bias-per-kernel"),
            slip(640, "each filter holds C_in = 32 kernels, one per input channel", "filters-as-kernels"),
            slip(
                576,
                "each filter holds 32 kernels (64 × 9 counts one per filter); and " + NO_BIAS,
                "filters-as-kernels",
            ),
            slip(18464, "the bias count is one per filter (64), not one per input channel"),
        ],
        ("parameters",),
    ),
    _ex(
        28,
        "06_conv2d_layer",
        "weight layouts",
        "shape",
        "Keras stores a Conv2D layer's weights as one 4-D tensor of shape (3, 3, 16, 32) = (kh, kw, C_in,\n"
        "filters); by another convention Keras calls this whole tensor the layer's kernel (layer.kernel).\n"
        "What shape does PyTorch's nn.Conv2d.weight store the same weights in?",
        "PyTorch's nn.Conv2d.weight is (out_channels, in_channels, kh, kw).",
        s.ex28,
        "(32, 16, 3, 3); cl.keras_to_torch does weights.transpose(3, 2, 0, 1).",
        [
            slip((16, 32, 3, 3), "PyTorch puts out_channels (= filters = 32) first", "in-out-swapped"),
            slip(
                (3, 3, 16, 32),
                "that is Keras's layout; PyTorch moves the two channel axes to the front",
                "channels-last",
            ),
            slip((32, 3, 3, 16), "PyTorch is channels-first: (out_channels, in_channels, kh, kw)"),
        ],
        ("layouts",),
    ),
    _ex(
        29,
        "06_conv2d_layer",
        "a chain: kernels per filter",
        "int",
        CHAIN + "\nHow many kernels does each filter of the SECOND layer hold?",
        "A filter holds one kernel per channel of ITS input. What is the second layer's input?",
        s.ex29,
        "Layer 2's input is layer 1's output, 8 channels (one per layer-1 filter): 8 kernels per filter.",
        [
            slip(
                3,
                "3 is the RGB input's channels; layer 2's input is layer 1's output, 8 channels",
                "previous-c-in",
            ),
            slip(
                16,
                "16 is how many filters layer 2 has; each holds one kernel per input channel",
                "kernels-as-filters",
            ),
            slip(128, "128 is all of layer 2's kernels (16 filters × 8); the question asks per filter"),
            slip(24, "24 is all of layer 1's kernels (8 filters × 3); layer 2's filters each hold 8"),
        ],
        ("kernel-vs-filter", "chains"),
    ),
    _ex(
        30,
        "06_conv2d_layer",
        "a chain: all the kernels",
        "int",
        CHAIN + "\nHow many 2-D kernels do the two layers hold together?",
        "Layer by layer: filters × kernels per filter, where layer 2's filters see layer 1's 8 channels.",
        s.ex30,
        "Layer 1: 8 × 3 = 24; layer 2: 16 × 8 = 128; together 152.",
        [
            slip(
                72,
                "layer 2's filters see layer 1's 8 output channels, not the 3 RGB ones: 24 + 16 × 8",
                "previous-c-in",
            ),
            slip(
                24,
                "8 + 16 counts filters; each filter holds one kernel per input channel",
                "filters-as-kernels",
            ),
            slip(128, "that is layer 2 alone; add layer 1's 8 × 3 = 24"),
            slip(
                1368,
                "that counts weights (without the biases); the question asks for kernels",
                "weights-as-kernels",
            ),
        ],
        ("kernel-vs-filter", "chains"),
    ),
    _ex(
        31,
        "06_conv2d_layer",
        "a chain: all the parameters",
        "int",
        CHAIN + "\nHow many trainable parameters do the two layers hold together?",
        "Layer by layer: filters × (3 · 3 · C_in) + filters, where layer 2's C_in is layer 1's filters.",
        s.ex31,
        "Layer 1: 8 × 27 + 8 = 224; layer 2: 16 × 72 + 16 = 1168; together 1392.",
        [
            slip(1368, NO_BIAS + ": 216 + 8 and 1152 + 16", "forgot-bias"),
            slip(1520, "one bias per FILTER: 8 + 16 biases, not 24 + 128", "one-bias-per-kernel"),
            slip(672, "layer 2's input has layer 1's 8 channels: 16 × (3 · 3 · 8) + 16", "previous-c-in"),
            slip(224, "that is layer 1 alone; add layer 2's 1168"),
            slip(1168, "that is layer 2 alone; add layer 1's 224"),
        ],
        ("kernel-vs-filter", "chains", "parameters"),
    ),
    _ex(
        32,
        "07_beyond",
        "grouped convolution: kernels",
        "int",
        "Conv2D(filters=8, kernel_size=3, groups=2) on a 4-channel input.\n"
        "How many 2-D kernels does the layer hold?",
        "groups=2 splits the input channels into 2 groups; each filter sees the channels of one group only.",
        s.ex32,
        "Each filter sees C_in / groups = 2 channels, so holds 2 kernels: 8 × 2 = 16.",
        [
            slip(
                32, "with groups=2 each filter sees only C_in / groups = 2 channels: 8 × 2", "groups-ignored"
            ),
            slip(8, "each filter still holds C_in / groups = 2 kernels", "filters-as-kernels"),
            slip(4, "groups splits the input channels, not the filters: all 8 filters stay, 2 kernels each"),
        ],
        ("kernel-vs-filter", "groups"),
    ),
    _ex(
        33,
        "07_beyond",
        "grouped convolution: the weights' shape",
        "shape",
        "The same layer, Conv2D(filters=8, kernel_size=3, groups=2) on a 4-channel input: what is the shape\n"
        "of its 4-D weights in Keras's layout (kh, kw, C_in / groups, filters)?",
        "Each filter holds one kernel per channel it sees.",
        s.ex33,
        "(3, 3, 2, 8): 8 filters, each a stack of 2 kernels.",
        [
            slip((3, 3, 4, 8), "with groups=2 each filter sees only 4 / 2 = 2 channels", "groups-ignored"),
            slip((8, 2, 3, 3), "this question asks Keras's channels-last layout", "channels-first"),
            slip((3, 3, 2, 4), "groups splits the input channels, not the filters: all 8 filters stay"),
        ],
        ("kernel-vs-filter", "groups", "layouts"),
    ),
    _ex(
        34,
        "07_beyond",
        "depthwise convolution",
        "int",
        "A depthwise convolution on a 32-channel input: groups=32, 32 filters, kernel_size 3, with bias.\n"
        "How many trainable parameters?",
        "With groups = C_in each filter sees one channel, so it holds one kernel.",
        s.ex34,
        "32 filters × 1 kernel × 9 weights + 32 biases = 320.",
        [
            slip(
                9248,
                "that is an ordinary convolution; with groups=32 each filter holds C_in / groups = 1 kernel",
                "groups-ignored",
            ),
            slip(288, NO_BIAS, "forgot-bias"),
        ],
        ("kernel-vs-filter", "groups", "parameters"),
    ),
    _ex(
        35,
        "07_beyond",
        "1 × 1 convolution",
        "int",
        "Conv2D(16, 1), a 1 × 1 convolution, on a 64-channel input. How many trainable parameters?",
        "A 1 × 1 kernel is a single weight; how many kernels does each filter hold?",
        s.ex35,
        "16 filters × 64 kernels of 1 weight + 16 biases = 1040: a 1 × 1 filter still mixes all 64 channels.",
        [
            slip(
                32,
                "each filter holds C_in = 64 one-weight kernels, one per input channel",
                "filters-as-kernels",
            ),
            slip(1024, NO_BIAS, "forgot-bias"),
            slip(2048, "a filter has ONE bias, not one per kernel: 1024 + 16", "one-bias-per-kernel"),
        ],
        ("kernel-vs-filter", "parameters"),
    ),
    _ex(
        36,
        "01_the_sweep",
        "implement the sweep",
        "code",
        "Write my_corr2d(x, k): sweep the 2-D kernel k (kh, kw) over the single channel x (H, W) with\n"
        "strides 1 and no padding, and return the (H − kh + 1, W − kw + 1) feature map.",
        "Two loops over output positions; each output is (x[i:i+kh, j:j+kw] * k).sum().",
        s.my_corr2d,
        "It matches cl.conv2d on every test input.",
        tags=("code",),
        check="corr2d",
    ),
    _ex(
        37,
        "04_many_channels",
        "implement a multi-channel convolution",
        "code",
        "Write my_conv2d(x, weights): x is (H, W, C_in), weights is (kh, kw, C_in, filters). Return the\n"
        "(H − kh + 1, W − kw + 1, filters) output, strides 1, no padding, no bias. You may use my_corr2d.",
        "For each filter f: add up my_corr2d(x[:, :, c], weights[:, :, c, f]) over the channels c; that sum "
        "is output channel f.",
        s.my_conv2d,
        "It matches cl.conv2d on every test input.",
        tags=("kernel-vs-filter", "code"),
        check="conv2d",
    ),
)
