"""Exercises 1–10 of ``08_exercises``: output sizes and padding, then reading feature maps."""

from __future__ import annotations

from . import solutions as s
from .grading import FLOOR
from .records import Exercise, slip

__all__ = ["SIZE_EXERCISES"]

PER_SIDE = (
    "PyTorch's nn.Conv2d(padding=2) puts 2 zeros on EACH side (top AND bottom), 4 in total; "
    "d2l.ai's formulas write the total, 4"
)
SAME_STRIDES = (
    "TensorFlow's 'same' keeps the size only with strides 1; in general the output is ⌈n / strides⌉"
)


def _ex(number, lesson, topic, kind, question, hint, worked, right, slips=(), tags=()):
    return Exercise(number, None, lesson, topic, kind, question, hint, worked, worked(), right, slips, tags)


SIZE_EXERCISES: tuple[Exercise, ...] = (
    _ex(
        1,
        "02_padding_and_output_size",
        "output size",
        "int",
        "A 15 × 15 single-channel image is swept by a 3 × 3 kernel, strides 1, padding 'valid'.\n"
        "How many output pixels wide is the feature map?",
        "Count the positions where the 3-wide kernel fits entirely inside 15 pixels.",
        s.ex01,
        "15 − 3 + 1 = 13: the kernel's left edge can sit at pixels 0, 1, …, 12.",
        [
            slip(
                15,
                "'valid' means no padding, so the feature map shrinks: the kernel cannot hang over the edge",
            ),
            slip(12, "the kernel's first position counts too, so it is 15 − 3 + 1", "off-by-one"),
            slip(14, "a 3-wide kernel loses one pixel at EACH edge: 15 − 3 + 1"),
        ],
        ("output-size",),
    ),
    _ex(
        2,
        "02_padding_and_output_size",
        "output size with strides (the floor)",
        "int",
        "A 12-pixel-wide channel, kernel_size 5, strides 2, padding 'valid'.\n"
        "How many output pixels wide is the feature map?",
        "List the kernel's left edges: 0, 2, 4, … and stop when it would run past pixel 11.",
        s.ex02,
        "⌊(12 − 5) / 2⌋ + 1 = ⌊3.5⌋ + 1 = 4: windows start at 0, 2, 4 and 6; a 5th, at 8, would need "
        "pixels 8 to 12, and pixel 12 does not exist.",
        [
            slip(4.5, FLOOR, "forgot-floor"),
            slip(5, "rounded up; " + FLOOR + "; pixel 11 is simply never looked at", "forgot-floor"),
            slip(8, "divide (12 − 5) by strides before adding 1", "forgot-strides"),
            slip(3, "forgot the + 1 for the first position", "off-by-one"),
            slip(
                6,
                "that is the 'same' size, ⌈12 / 2⌉; 'valid' pads nothing, so the 5-wide kernel fits fewer "
                "times",
            ),
        ],
        ("output-size", "strides"),
    ),
    _ex(
        3,
        "02_padding_and_output_size",
        "'same' with strides",
        "int",
        "An 11-pixel-wide channel, kernel_size 5, strides 2, padding 'same' (TensorFlow/Keras).\n"
        "How many output pixels wide is the feature map?",
        "In TensorFlow, 'same' picks the padding so that the output is ⌈input / strides⌉ wide.",
        s.ex03,
        "⌈11 / 2⌉ = 6 (TensorFlow pads (6 − 1)·2 + 5 − 11 = 4 zeros, 2 on each side: "
        "⌊(11 + 4 − 5) / 2⌋ + 1 = 6).",
        [
            slip(11, SAME_STRIDES, "same-with-strides"),
            slip(
                4,
                "that is the 'valid' size, ⌊(11 − 5) / 2⌋ + 1; 'same' pads first, so the output is ⌈11 / 2⌉",
            ),
            slip(5.5, "sizes are whole numbers: 'same' gives ⌈11 / 2⌉"),
            slip(
                5,
                "'same' rounds UP: ⌈11 / 2⌉ = 6, not ⌊11 / 2⌋ = 5 (or, if you padded one zero on each side "
                "as for a 3-wide kernel: this 5-wide kernel gets 2 on each side)",
            ),
        ],
        ("output-size", "padding", "strides"),
    ),
    _ex(
        4,
        "02_padding_and_output_size",
        "TensorFlow's 'same' padding amounts",
        "shape",
        "TensorFlow 'same' padding on a 224-pixel-tall image, kernel_size 7, strides 2.\n"
        "How many zero rows go on top and how many at the bottom? Answer a pair (top, bottom).",
        "First the output height ⌈224 / 2⌉, then the total padding (out − 1) · strides + kernel_size − 224, "
        "then split it.",
        s.ex04,
        "112 outputs need (112 − 1)·2 + 7 = 229 rows, 5 more than 224: 5 // 2 = 2 on top, and the odd row "
        "goes at the bottom, 3.",
        [
            slip(
                (3, 3),
                "(7 − 1) / 2 = 3 on each side is 'same' at strides 1; with strides 2 only "
                "(112 − 1)·2 + 7 − 224 = 5 zero rows are needed in all",
            ),
            slip(
                (3, 2),
                "with an odd total (5) the extra zero row goes at the bottom (or right), not on top",
                "odd-pixel-before",
            ),
            slip((0, 0), "'same' does pad here: 112 outputs need 229 rows and the input has 224"),
            slip(5, "that is the total padding; answer the pair (top, bottom)"),
            slip((2.5, 2.5), "zeros come whole: 5 // 2 = 2 on top, and the odd one goes at the bottom"),
        ],
        ("padding", "strides"),
    ),
    _ex(
        5,
        "02_padding_and_output_size",
        "'full' padding in a framework",
        "int",
        "A 10-pixel-wide channel is padded by hand for 'full' (numpy's mode='full': every position where\n"
        "the kernel overlaps the input by at least one pixel), then swept by a 5-wide kernel, strides 1.\n"
        "How many output pixels wide is the feature map?",
        "How many zeros go on each side so that the kernel can hang over the edge by all but one pixel? "
        "Then count the positions in the padded row.",
        s.ex05,
        "k − 1 = 4 zeros on each side make the row 18 wide; the 5-wide kernel fits at 18 − 5 + 1 = 14 "
        "places: n + k − 1, as with mode='full'.",
        [
            slip(6, "that is the 'valid' size, 10 − 5 + 1; 'full' pads k − 1 = 4 zeros on each side first"),
            slip(
                10,
                "that is the 'same' size (2 zeros a side, 4 in all); 'full' pads k − 1 = 4 on EACH side",
                "padding-total",
            ),
            slip(18, "18 is the padded row; the 5-wide kernel fits at 18 − 5 + 1 places in it"),
            slip(16, "the kernel must still overlap the input by one pixel: k − 1 = 4 zeros a side, not k"),
            slip(13, "the first position counts too: 18 − 5 + 1", "off-by-one"),
        ],
        ("padding",),
    ),
    _ex(
        6,
        "07_beyond",
        "per-side vs total padding",
        "int",
        "PyTorch: nn.Conv2d(in_channels=3, out_channels=8, kernel_size=5, padding=2) on a 32 × 32 input.\n"
        "How many pixels wide is each output channel?",
        "PyTorch's padding=2 is the number of zeros on EACH side.",
        s.ex06,
        "(32 + 2·2 − 5) + 1 = 32: padding 2 per side is exactly 'same' for a 5 × 5 kernel.",
        [
            slip(30, "you treated padding=2 as the total; " + PER_SIDE, "padding-total"),
            slip(28, "forgot the padding: padding=2 adds 2 zeros on each side"),
            slip(
                36,
                "the padding is added to the input, then the kernel's 5 pixels are taken off: 32 + 4 − 5 + 1",
            ),
        ],
        ("output-size", "padding"),
    ),
    _ex(
        7,
        "07_beyond",
        "dilation",
        "int",
        "A 15-pixel-wide channel, kernel_size 3, dilation_rate 2 (Keras), strides 1, 'valid'.\n"
        "How many output pixels wide is the feature map?",
        "A dilated kernel's taps are dilation_rate pixels apart: it spans dilation_rate · (k − 1) + 1.",
        s.ex07,
        "The kernel spans 2·(3 − 1) + 1 = 5 pixels (taps at 0, 2 and 4), so 15 − 5 + 1 = 11.",
        [
            slip(13, "forgot the dilation: the 3 taps now span 5 pixels, not 3"),
            slip(
                9,
                "counted dilation from 0 like CS231n (gaps of 2 pixels, a span of 7); in Keras and PyTorch "
                "dilation_rate 1 is the ordinary kernel and 2 leaves ONE pixel between taps",
            ),
            slip(
                10,
                "the first position counts too: 15 − 5 + 1 (or, if you took the span as 3 · 2 = 6: the taps "
                "sit at 0, 2 and 4, a span of 2·(3 − 1) + 1 = 5)",
                "off-by-one",
            ),
        ],
        ("output-size", "dilation"),
    ),
    _ex(
        8,
        "03_kernels",
        "a rectangular kernel with strides",
        "shape",
        "A kernel of kernel_size (3, 5) sweeps a 32 × 32 channel with strides (1, 2), padding 'valid'.\n"
        "What is the feature map's size (H', W')?",
        "Work out each axis on its own: the height with 3 and strides 1, the width with 5 and strides 2.",
        s.ex08,
        "H' = 32 − 3 + 1 = 30; W' = ⌊(32 − 5) / 2⌋ + 1 = 13 + 1 = 14.",
        [
            slip((30, 15), "⌊27 / 2⌋ = 13, then + 1; " + FLOOR, "forgot-floor"),
            slip(
                (30, 30),
                "kernel_size (3, 5) is 3 tall and 5 wide, and strides (1, 2) differ too",
                "square-kernel",
            ),
            slip((14, 30), "(3, 5) and (1, 2) are (height, width): the width gets the 5 and the 2"),
            slip((30, 28), "the width moves 2 pixels per step: ⌊(32 − 5) / 2⌋ + 1", "forgot-strides"),
        ],
        ("output-size", "strides"),
    ),
    _ex(
        9,
        "04_many_channels",
        "reading a feature map",
        "float",
        "One channel x, a 2 × 2 kernel k and a bias of 1, strides 1, 'valid':\n\n"
        "    x = [[1, 2, 0, 3],        k = [[1,  2],\n"
        "         [0, 1, 2, 1],             [0, -1]]\n"
        "         [3, 0, 1, 2],\n"
        "         [1, 2, 1, 0]]\n\n"
        "What is the value of the feature map at row 1, column 0 (counting from 0)?",
        "Lay the kernel over x with its top-left corner on x's row 1, column 0; multiply the four pairs, add "
        "them up, add the bias.",
        s.ex09,
        "Window [[0, 1], [3, 0]]: 0·1 + 1·2 + 3·0 + 0·(−1) = 2, plus the bias 1.",
        [
            slip(
                7,
                "you flipped the kernel (mathematical convolution); deep-learning frameworks lay it "
                "over the input as it is (cross-correlation)",
                "flipped-kernel",
            ),
            slip(2, "add 1 after the sum", "forgot-bias"),
            slip(1, "that is row 0, column 1: rows go down, columns go across"),
        ],
        ("feature-map",),
    ),
    _ex(
        10,
        "04_many_channels",
        "adding the channels",
        "float",
        "A filter sweeps a 3-channel input. At one pixel its three kernels give 1.5, −4.0 and 2.0 on their\n"
        "channels; the filter's bias is 0.25 and the layer's activation is ReLU.\n"
        "What is the output at that pixel?",
        "Per-channel results are added, then the bias, then ReLU(z) = max(z, 0).",
        s.ex10,
        "1.5 − 4.0 + 2.0 + 0.25 = −0.25, and ReLU(−0.25) = 0.",
        [
            slip(-0.25, "forgot the ReLU: max(−0.25, 0) = 0"),
            slip(-0.5, "forgot the bias and the ReLU"),
            slip(
                0.25 - 0.5 / 3,
                "the per-channel maps are ADDED into one map, not averaged",
                "averaged-channels",
            ),
            slip(
                3.75, "a filter adds its channels' results; only the sum goes through ReLU, not each channel"
            ),
            slip(
                (1.5, -4.0, 2.0),
                "a filter's C_in partial results are ADDED into one number, one output channel",
                "one-map-per-kernel",
            ),
        ],
        ("feature-map", "channels"),
    ),
)
