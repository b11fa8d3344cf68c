"""Exercises 24–37 of ``08_exercises``: whole layers, chains of layers, groups, and code to write.

Output shapes, parameter counts and weight layouts of one Conv2D layer; a chain RGB -> Conv2D(6, 3) ->
Conv2D(10, 3), whose second layer's filters each hold 6 kernels; grouped, depthwise and 1 × 1
convolutions; then the sweep with strides and a multi-channel convolution written from scratch.
"""

from __future__ import annotations

from . import solutions as s
from .records import Exercise, slip

__all__ = ["LAYER_EXERCISES"]

NO_BIAS = "each filter has one bias, so add `filters` to the weights"
CHAIN = "An RGB input goes through Conv2D(6, 3), then Conv2D(10, 3) (both 'valid', strides 1)."


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
        "A batch of shape (10, 20, 20, 3) goes through Conv2D(4, 3, activation='relu')\n"
        "(padding 'valid', strides 1). What is the output shape?",
        "Batch stays, each side shrinks by kernel_size − 1, and the channels become `filters`.",
        s.ex24,
        "(10, 18, 18, 4): each of the 4 filters makes one 18 × 18 map per image.",
        [
            slip((10, 18, 18, 3), "the output has one channel per FILTER (4), not per input channel"),
            slip((10, 20, 20, 4), "with 'valid', each side is 20 − 3 + 1 = 18", "no-shrink"),
            slip((18, 18, 4), "keep the batch axis: 10 images in, 10 feature maps out"),
            slip(
                (10, 18, 18, 12),
                "each filter's 3 per-channel maps are added into ONE map, so 4 channels, not 4 × 3",
                "one-map-per-kernel",
            ),
            slip(
                (10, 4, 18, 18),
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
        "How many trainable parameters does Conv2D(4, 5) have on an RGB (3-channel) input?",
        "Weights: filters × (kernel_size² × C_in); then the biases.",
        s.ex26,
        "4 × (5·5·3) + 4 = 300 weights + 4 biases = 304.",
        [
            slip(300, NO_BIAS, "forgot-bias"),
            slip(
                312,
                "a filter has ONE bias, however many kernels it holds: 300 weights + 4 biases",
                "one-bias-per-kernel",
            ),
            slip(104, "each filter holds C_in = 3 kernels, one per input channel", "filters-as-kernels"),
            slip(
                100,
                "each filter holds 3 kernels (4 × 25 counts one per filter); and " + NO_BIAS,
                "filters-as-kernels",
            ),
            slip(76, "that is one filter (75 weights + 1 bias); the layer has 4 filters"),
            slip(64, "kernel_size 5 means 5 × 5 = 25 weights per kernel: 4 × (5·5·3) + 4"),
            slip(303, "the bias count is one per filter (4), not one per input channel"),
        ],
        ("kernel-vs-filter", "parameters"),
    ),
    _ex(
        27,
        "06_conv2d_layer",
        "parameter count",
        "int",
        "How many trainable parameters does Conv2D(48, 3) have on a 24-channel input?",
        "Each of the 48 filters holds 24 kernels of 3 × 3 weights, and has one bias.",
        s.ex27,
        "48 × (3·3·24) + 48 = 10368 + 48 = 10416.",
        [
            slip(10368, NO_BIAS, "forgot-bias"),
            slip(11520, "a filter has ONE bias, not one per kernel: 10368 + 48", "one-bias-per-kernel"),
            slip(480, "each filter holds C_in = 24 kernels, one per input channel", "filters-as-kernels"),
            slip(
                432,
                "each filter holds 24 kernels (48 × 9 counts one per filter); and " + NO_BIAS,
                "filters-as-kernels",
            ),
            slip(10392, "the bias count is one per filter (48), not one per input channel"),
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
        "Layer 2's input is layer 1's output, 6 channels (one per layer-1 filter): 6 kernels per filter.",
        [
            slip(
                3,
                "3 is the RGB input's channels; layer 2's input is layer 1's output, 6 channels",
                "previous-c-in",
            ),
            slip(
                10,
                "10 is how many filters layer 2 has; each holds one kernel per input channel",
                "kernels-as-filters",
            ),
            slip(60, "60 is all of layer 2's kernels (10 filters × 6); the question asks per filter"),
            slip(18, "18 is all of layer 1's kernels (6 filters × 3); layer 2's filters each hold 6"),
        ],
        ("kernel-vs-filter", "chains"),
    ),
    _ex(
        30,
        "06_conv2d_layer",
        "a chain: all the kernels",
        "int",
        CHAIN + "\nHow many 2-D kernels do the two layers hold together?",
        "Layer by layer: filters × kernels per filter, where layer 2's filters see layer 1's 6 channels.",
        s.ex30,
        "Layer 1: 6 × 3 = 18; layer 2: 10 × 6 = 60; together 78.",
        [
            slip(
                48,
                "layer 2's filters see layer 1's 6 output channels, not the 3 RGB ones: 18 + 10 × 6",
                "previous-c-in",
            ),
            slip(
                16,
                "6 + 10 counts filters; each filter holds one kernel per input channel",
                "filters-as-kernels",
            ),
            slip(60, "that is layer 2 alone; add layer 1's 6 × 3 = 18"),
            slip(18, "that is layer 1 alone; add layer 2's 10 × 6 = 60"),
            slip(
                702,
                "that counts weights (78 kernels × 9, without the biases); the question asks for kernels",
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
        "Layer 1: 6 × 27 + 6 = 168; layer 2: 10 × 54 + 10 = 550; together 718.",
        [
            slip(702, NO_BIAS + ": 162 + 6 and 540 + 10", "forgot-bias"),
            slip(780, "one bias per FILTER: 6 + 10 biases, not 18 + 60", "one-bias-per-kernel"),
            slip(448, "layer 2's input has layer 1's 6 channels: 10 × (3 · 3 · 6) + 10", "previous-c-in"),
            slip(168, "that is layer 1 alone; add layer 2's 550"),
            slip(550, "that is layer 2 alone; add layer 1's 168"),
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
            slip(
                8,
                "8 counts one kernel per filter, or one group's kernels alone (4 filters × 2); each of the "
                "8 filters holds C_in / groups = 2 kernels: 8 × 2",
                "filters-as-kernels",
            ),
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
        "implement the sweep with strides",
        "code",
        "Write my_corr2d(x, k, strides=1): sweep the 2-D kernel k (kh, kw) over the single channel x (H, W)\n"
        "with no padding, moving it `strides` pixels at a time (down and across), and return the feature\n"
        "map, of shape (⌊(H − kh) / strides⌋ + 1, ⌊(W − kw) / strides⌋ + 1). With strides=1 it is 01's\n"
        "corr2d.",
        "Start from 01's corr2d: only two things change. How many output positions are there (the shape "
        "in the question)? And after i steps down and j steps across, how many pixels has the kernel "
        "moved: where does the window of output (i, j) start in x?",
        s.my_corr2d,
        "It matches cl.conv2d on every test input.",
        tags=("code",),
        check="corr2d",
    ),
    _ex(
        37,
        "06_conv2d_layer",
        "implement a multi-channel convolution",
        "code",
        "Write my_conv2d(x, weights): x is (H, W, C_in), weights is (kh, kw, C_in, filters). Return the\n"
        "(H − kh + 1, W − kw + 1, filters) output, strides 1, no padding, no bias. You may use my_corr2d.",
        "weights[:, :, c, j] is the kernel filter j applies to channel c. For each filter j, sweep every "
        "channel with its kernel and add the C_in maps: that sum is output channel j.",
        s.my_conv2d,
        "It matches cl.conv2d on every test input.",
        tags=("kernel-vs-filter", "code"),
        check="conv2d",
    ),
)
