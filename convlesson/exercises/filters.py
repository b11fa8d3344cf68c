"""Exercises 11–23 of ``08_exercises``: the kernel/filter distinction itself.

True or false on the two words, the shape of a filter, counting kernels and filters, reading C_in,
filters and the number of kernels off a weight shape in Keras's and PyTorch's layouts, and picking one
kernel out of the 4-D weights in both layouts.
"""

from __future__ import annotations

from . import solutions as s
from .records import Exercise, slip

__all__ = ["FILTER_EXERCISES"]

KF = "kernel-vs-filter"


def _ex(number, lesson, topic, kind, question, hint, worked, right, slips=(), tags=(), **options):
    return Exercise(
        number,
        None,
        lesson,
        topic,
        kind,
        question,
        hint,
        worked,
        worked(),
        right,
        slips,
        (KF, *tags),
        **options,
    )


def _pick(question: str, choices: tuple[str, ...]) -> str:
    """A question followed by its lettered options, one a line."""
    return question + "\n" + "\n".join(f"  ({'abcd'[i]}) {c}" for i, c in enumerate(choices))


KERAS_SLICES = ("w[:, :, 4, 1]", "w[:, :, 1, 4]", "w[4, 1]", "w[:, :, :, 4]")
TORCH_SLICES = ("weight[1, 4]", "weight[4, 1]", "weight[:, :, 1, 4]", "weight[4]")

FILTER_EXERCISES: tuple[Exercise, ...] = (
    _ex(
        11,
        "05_filters",
        "true or false: a bigger kernel?",
        "truefalse",
        "True or False: a filter is a bigger kernel — a 3 × 3 kernel becomes a filter when it grows to\n"
        "5 × 5.",
        "Think of Conv2D(2, 3) on an RGB input: what does one of its filters hold?",
        s.ex11,
        "A filter is not bigger in height or width: it is a stack of C_in kernels of the same size, "
        "(kh, kw, C_in).",
        [
            slip(
                True,
                "size is not the difference. A filter stacks C_in kernels of the SAME size, one per "
                "input channel: Conv2D(2, 3) on RGB has filters of shape (3, 3, 3), three 3 × 3 kernels each",
            ),
        ],
    ),
    _ex(
        12,
        "04_many_channels",
        "true or false: what one kernel sees",
        "truefalse",
        "True or False: in a Conv2D layer on an RGB input, each kernel is swept over all three channels\n"
        "at once.",
        "A kernel is 2-D. Which channel does the filter's first kernel multiply?",
        s.ex12,
        "A kernel is 2-D and belongs to ONE input channel; the filter, a stack of 3 kernels, sees all three.",
        [
            slip(
                True,
                "that describes a filter. A kernel is 2-D and belongs to one input channel; the filter's "
                "3 kernels take one channel each, and their 3 maps are added",
            ),
        ],
        ("channels",),
    ),
    _ex(
        13,
        "05_filters",
        "true or false: one filter, one output channel",
        "truefalse",
        "True or False: one filter makes one output channel, however many channels the input has.",
        "Each of the filter's kernels makes a map on its channel. What happens to those maps?",
        s.ex13,
        "Its C_in kernels' maps are added (then the bias) into ONE map: filters = output channels.",
        [
            slip(
                False,
                "each kernel does make a map on its own channel, but the filter ADDS its C_in maps into "
                "ONE map, so one filter makes one output channel",
                "one-map-per-kernel",
            ),
        ],
        ("channels",),
    ),
    _ex(
        14,
        "05_filters",
        "a grayscale input",
        "int",
        "Conv2D(8, 3) is applied to a 28 × 28 grayscale image (one channel).\n"
        "How many 2-D kernels does EACH of its filters hold?",
        "A filter holds one kernel per input channel. How many channels are there?",
        s.ex14,
        "C_in = 1, so each filter is one kernel, shape (3, 3, 1): here the two words name the same "
        "numbers, which is why one-channel pictures make them look alike.",
        [
            slip(
                8, "8 is the number of filters; each holds one kernel per input channel", "kernels-as-filters"
            ),
            slip(3, "3 is each kernel's height and width; the count is one per input channel"),
            slip(9, "9 counts a kernel's weights (3 × 3); the question asks for kernels"),
        ],
    ),
    _ex(
        15,
        "06_conv2d_layer",
        "true or false: the bias",
        "truefalse",
        "True or False: Conv2D(4, 3) on an 8-channel input holds 32 biases, one for each of its 32 kernels.",
        "The bias is added after a filter's maps are added up. How many summed maps are there?",
        s.ex15,
        "False: one bias per filter, added once to its summed map: 4 biases for 4 filters (and 32 kernels).",
        [
            slip(
                True,
                "the bias is added ONCE, to a filter's summed map, not to each kernel's map: 4 filters, "
                "4 biases, however many kernels (32) they hold",
                "one-bias-per-kernel",
            ),
        ],
        ("parameters",),
    ),
    _ex(
        16,
        "06_conv2d_layer",
        "true or false: Keras's layer.kernel",
        "truefalse",
        "True or False: a Keras Conv2D layer's layer.kernel (the tensor kernel_initializer fills) is one\n"
        "2-D kernel of shape (kh, kw).",
        "Keras's Conv2D(2, 3) on an RGB input: how many numbers does layer.kernel hold?",
        s.ex16,
        "By another convention Keras calls the layer's whole 4-D weight tensor (kh, kw, C_in, filters) its "
        'kernel (d2l calls it "the convolution kernel"); in this course that is the layer\'s weights '
        "(layer.weights), and a kernel is one 2-D slice of it.",
        [
            slip(
                True,
                "by another convention Keras calls the WHOLE 4-D weight tensor (kh, kw, C_in, filters) the "
                "layer's kernel; in this course a kernel is one 2-D slice of it, weights[:, :, c, j]",
            ),
        ],
        ("layouts",),
    ),
    _ex(
        17,
        "05_filters",
        "the shape of one filter",
        "shape",
        "A Conv2D layer with kernel_size (5, 3) (5 tall, 3 wide) is applied to an 8-channel input.\n"
        "What is the shape of ONE of its filters (channels-last, like Keras)?",
        "A filter stacks one kernel per input channel.",
        s.ex17,
        "One (5, 3) kernel for each of the 8 input channels: (5, 3, 8).",
        [
            slip(
                (5, 3),
                "that is one kernel (2-D, one channel); a filter stacks C_in = 8 of them",
                "one-kernel",
            ),
            slip((8, 5, 3), "this question asks channels-last, like Keras: (kh, kw, C_in)", "channels-first"),
            slip((3, 5, 8), "kernel_size (5, 3) means 5 tall and 3 wide: (kh, kw, C_in)"),
            slip((5, 5, 8), "kernel_size (5, 3) is 5 tall and 3 wide", "square-kernel"),
            slip((3, 3, 8), "kernel_size (5, 3) is 5 tall and 3 wide", "square-kernel"),
        ],
    ),
    _ex(
        18,
        "05_filters",
        "how many kernels",
        "int",
        "Conv2D(filters=12, kernel_size=5) is applied to a 6-channel input.\n"
        "How many 2-D kernels does the layer hold?",
        "Each filter holds one kernel per input channel.",
        s.ex18,
        "12 filters × 6 kernels each = 72 kernels, each of 5 × 5 weights.",
        [
            slip(12, "each filter holds C_in = 6 kernels, one per input channel", "filters-as-kernels"),
            slip(6, "each of the 12 filters has its own 6 kernels"),
            slip(300, "kernel_size 5 is the size of each kernel (5 × 5 weights), not a count: 12 × 6"),
            slip(
                1800,
                "12 × 6 × 5 × 5 counts the numbers in the kernels; the question asks for kernels",
                "weights-as-kernels",
            ),
            slip(18, "there is one kernel per (filter, input channel) pair: multiply, do not add"),
        ],
        ("parameters",),
    ),
    _ex(
        19,
        "05_filters",
        "how many filters",
        "int",
        "A layer with 3 × 3 kernels must turn a 5-channel input into a 10-channel output.\n"
        "How many filters does it need?",
        "Each filter makes one output channel.",
        s.ex19,
        "One filter per output channel: 10 filters, each holding 5 kernels (Conv2D(10, 3)).",
        [
            slip(
                50,
                "50 is the number of kernels; they are grouped into 10 filters of 5 kernels each",
                "kernels-as-filters",
            ),
            slip(
                5,
                "the input's 5 channels set how many kernels each filter holds, not how many filters",
            ),
            slip(
                2,
                "10 / 5 would be filters per input channel, but a filter reads ALL 5 channels and makes ONE "
                "output channel: 10 output channels need 10 filters",
            ),
            slip(15, "the input's channels are not made by filters: one filter per OUTPUT channel"),
            slip(3, "3 is each kernel's height and width, not a count of filters"),
        ],
    ),
    _ex(
        20,
        "06_conv2d_layer",
        "from a Keras weight shape to kernels",
        "shape",
        "A Keras Conv2D layer's weights have shape (3, 3, 64, 128), Keras's layout (kh, kw, C_in, filters).\n"
        "(By another convention Keras calls this whole 4-D tensor the layer's kernel; in this course it is\n"
        "the layer's weights, and a kernel is one 2-D slice of it.)\n"
        "Answer (C_in, filters, number of 2-D kernels).",
        "Read C_in and filters off the last two axes; each filter holds one kernel per input channel.",
        s.ex20,
        "C_in = 64, filters = 128, and 128 filters × 64 kernels = 8192 kernels of 3 × 3.",
        [
            slip(
                (128, 64, 8192),
                "Keras's layout is (kh, kw, C_in, filters): C_in comes before filters",
                "in-out-swapped",
            ),
            slip(
                (3, 3, 9),
                "you read the shape as (out_channels, in_channels, kh, kw); this one is Keras's "
                "channels-last (kh, kw, C_in, filters)",
                "channels-first",
            ),
            slip((64, 128, 128), "each of the 128 filters holds 64 kernels: 128 × 64", "filters-as-kernels"),
            slip(
                (64, 128, 73728),
                "3 × 3 × 64 × 128 counts numbers; one kernel is a 3 × 3 slice",
                "weights-as-kernels",
            ),
            slip(
                (64, 128, 192), "there is one kernel per (input channel, filter) pair: multiply, do not add"
            ),
        ],
        ("layouts",),
    ),
    _ex(
        21,
        "06_conv2d_layer",
        "from a PyTorch weight shape to kernels",
        "shape",
        "A PyTorch nn.Conv2d's weight has shape (32, 16, 5, 5), PyTorch's layout\n"
        "(out_channels, in_channels, kh, kw). Answer (C_in, filters, number of 2-D kernels).",
        "PyTorch's out_channels is Keras's filters, and it comes first.",
        s.ex21,
        "C_in = 16, filters = out_channels = 32, and 32 filters × 16 kernels = 512 kernels of 5 × 5.",
        [
            slip(
                (32, 16, 512),
                "PyTorch puts out_channels (= filters) first, then in_channels",
                "in-out-swapped",
            ),
            slip(
                (5, 5, 25),
                "you read it as (kh, kw, C_in, filters); PyTorch's layout is channels-first: "
                "(out_channels, in_channels, kh, kw)",
                "channels-last",
            ),
            slip((16, 32, 32), "each of the 32 filters holds 16 kernels: 32 × 16", "filters-as-kernels"),
            slip(
                (16, 32, 12800),
                "32 × 16 × 5 × 5 counts numbers; one kernel is a 5 × 5 slice",
                "weights-as-kernels",
            ),
        ],
        ("layouts",),
    ),
    _ex(
        22,
        "06_conv2d_layer",
        "one kernel out of Keras's weights",
        "choice",
        _pick(
            "w = layer.weights has shape (3, 3, 6, 6) in Keras's layout (kh, kw, C_in, filters) (Keras\n"
            "calls this 4-D tensor layer.kernel, by another convention). Which expression is the 2-D kernel\n"
            "that filter 4 sweeps over input channel 1? Answer its letter or the expression, in quotes.",
            KERAS_SLICES,
        ),
        "Keep both kernel axes whole (:), then pick the channel on axis 2 and the filter on axis 3.",
        s.ex22,
        "w[:, :, c, j] is the kernel filter j sweeps over channel c: here w[:, :, 1, 4], shape (3, 3).",
        [
            slip(
                KERAS_SLICES[0],
                "that is the kernel filter 1 sweeps over channel 4: in Keras's layout the channel axis (2) "
                "comes before the filter axis (3)",
                "in-out-swapped",
            ),
            slip(
                KERAS_SLICES[2],
                "w[4, 1] indexes like PyTorch's (out_channels, in_channels, kh, kw); on this channels-last w "
                "axis 0 is kh = 3, so index 4 does not even exist",
                "channels-first",
            ),
            slip(
                KERAS_SLICES[3],
                "w[:, :, :, 4] is filter 4 whole, shape (3, 3, 6): all six of its kernels; one kernel also "
                "picks the channel",
                "whole-filter",
            ),
        ],
        ("layouts",),
        choices=KERAS_SLICES,
        lettered=True,
        aliases={
            "w[..., 1, 4]": KERAS_SLICES[1],
            "w[..., 4]": KERAS_SLICES[3],
            "w[..., 4, 1]": KERAS_SLICES[0],
        },
    ),
    _ex(
        23,
        "06_conv2d_layer",
        "one kernel out of PyTorch's weights",
        "choice",
        _pick(
            "weight = conv.weight has shape (6, 6, 3, 3) in PyTorch's layout\n"
            "(out_channels, in_channels, kh, kw). Which expression is the 2-D kernel that filter 4 sweeps\n"
            "over input channel 1? Answer its letter or the expression, in quotes.",
            TORCH_SLICES,
        ),
        "PyTorch's layout is channels-first: the filter (out_channels) on axis 0, the channel on axis 1.",
        s.ex23,
        "weight[j, c] is the kernel filter j sweeps over channel c: here weight[4, 1], shape (3, 3).",
        [
            slip(
                TORCH_SLICES[0],
                "that is filter 1's kernel for channel 4: PyTorch puts out_channels (the filter) first",
                "in-out-swapped",
            ),
            slip(
                TORCH_SLICES[2],
                "weight[:, :, 1, 4] indexes like Keras's (kh, kw, C_in, filters); on this channels-first "
                "weight axes 2 and 3 are kh and kw (3 each), so index 4 does not even exist",
                "channels-last",
            ),
            slip(
                TORCH_SLICES[3],
                "weight[4] is filter 4 whole, shape (6, 3, 3): all six of its kernels; one kernel also "
                "picks the channel",
                "whole-filter",
            ),
        ],
        ("layouts",),
        choices=TORCH_SLICES,
        lettered=True,
        aliases={"weight[4, 1, :, :]": TORCH_SLICES[1], "weight[4][1]": TORCH_SLICES[1]},
    ),
)
