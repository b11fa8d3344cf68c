"""Exercises 24–39 of ``09_exercises``: whole layers, chains of layers, groups, code to write, and cost.

Output shapes, parameter counts and weight layouts of one Conv2D layer; a chain RGB -> Conv2D(6, 3) ->
Conv2D(10, 3), whose second layer's filters each hold 6 kernels; grouped, depthwise and 1 × 1
convolutions; the sweep with strides and a multi-channel convolution written from scratch; then a
layer's multiply-adds, and the kernels a depthwise layer's filters hold.

The words (questions, hints, feedback) are in ``texts/en/layers.py``; here, what is right and which
wrong answers are known slips.
"""

from __future__ import annotations

from . import solutions as s
from .records import Exercise, answers, assemble, slip
from .texts import table

__all__ = ["LAYER_EXERCISES"]

ANSWERS = (
    answers(
        24,
        "06_conv2d_layer",
        "shape",
        s.ex24,
        slips=[
            slip((10, 18, 18, 3)),
            slip((10, 20, 20, 4), "no-shrink"),
            slip((18, 18, 4)),
            slip((10, 18, 18, 12), "one-map-per-kernel"),
            slip((10, 4, 18, 18), "channels-first"),
            slip((10, 18, 18, 1), "summed-filters"),
            slip((10, 17, 17, 4), "off-by-one"),
        ],
        tags=("kernel-vs-filter", "output-size"),
    ),
    answers(
        25,
        "06_conv2d_layer",
        "shape",
        s.ex25,
        slips=[
            slip((32, 32, 24), "one-map-per-kernel"),
            slip((30, 30, 8)),
            slip((32, 32, 3)),
            slip((8, 32, 32), "channels-first"),
            slip((32, 32, 1), "summed-filters"),
        ],
        tags=("kernel-vs-filter", "output-size", "padding"),
    ),
    answers(
        26,
        "06_conv2d_layer",
        "int",
        s.ex26,
        slips=[
            slip(300, "forgot-bias"),
            slip(312, "one-bias-per-kernel"),
            slip(104, "filters-as-kernels"),
            slip(100, "filters-as-kernels"),
            slip(76),
            slip(64),
            slip(303),
        ],
        tags=("kernel-vs-filter", "parameters"),
    ),
    answers(
        27,
        "06_conv2d_layer",
        "int",
        s.ex27,
        slips=[
            slip(10368, "forgot-bias"),
            slip(11520, "one-bias-per-kernel"),
            slip(480, "filters-as-kernels"),
            slip(432, "filters-as-kernels"),
            slip(10392),
        ],
        tags=("parameters",),
    ),
    answers(
        28,
        "06_conv2d_layer",
        "shape",
        s.ex28,
        slips=[
            slip((16, 32, 3, 3), "in-out-swapped"),
            slip((3, 3, 16, 32), "hwio-layout"),
            slip((32, 3, 3, 16)),
        ],
        tags=("layouts",),
    ),
    answers(
        29,
        "06_conv2d_layer",
        "int",
        s.ex29,
        slips=[
            slip(3, "previous-c-in"),
            slip(10, "kernels-as-filters"),
            slip(60),
            slip(18),
            slip(1, "one-kernel"),
        ],
        tags=("kernel-vs-filter", "chains"),
    ),
    answers(
        30,
        "06_conv2d_layer",
        "int",
        s.ex30,
        slips=[
            slip(48, "previous-c-in"),
            slip(16, "filters-as-kernels"),
            slip(60),
            slip(18),
            slip(702, "weights-as-kernels"),
        ],
        tags=("kernel-vs-filter", "chains"),
    ),
    answers(
        31,
        "06_conv2d_layer",
        "int",
        s.ex31,
        slips=[
            slip(702, "forgot-bias"),
            slip(780, "one-bias-per-kernel"),
            slip(448, "previous-c-in"),
            slip(168),
            slip(550),
        ],
        tags=("kernel-vs-filter", "chains", "parameters"),
    ),
    answers(
        32,
        "08_beyond",
        "int",
        s.ex32,
        slips=[slip(32, "groups-ignored"), slip(8, "filters-as-kernels"), slip(4)],
        tags=("kernel-vs-filter", "groups"),
    ),
    answers(
        33,
        "08_beyond",
        "shape",
        s.ex33,
        slips=[
            slip((3, 3, 4, 8), "groups-ignored"),
            slip((8, 2, 3, 3), "oihw-layout"),
            slip((3, 3, 2, 4)),
            slip((3, 3, 8), "filter-2d"),
        ],
        tags=("kernel-vs-filter", "groups", "layouts"),
    ),
    answers(
        34,
        "08_beyond",
        "int",
        s.ex34,
        slips=[slip(9248, "groups-ignored"), slip(288, "forgot-bias"), slip(9216, "groups-ignored")],
        tags=("kernel-vs-filter", "groups", "parameters"),
    ),
    answers(
        35,
        "08_beyond",
        "int",
        s.ex35,
        slips=[slip(32, "filters-as-kernels"), slip(1024, "forgot-bias"), slip(2048, "one-bias-per-kernel")],
        tags=("kernel-vs-filter", "parameters"),
    ),
    answers(36, "01_the_sweep", "code", s.my_corr2d, tags=("code",), check="corr2d"),
    answers(37, "06_conv2d_layer", "code", s.my_conv2d, tags=("kernel-vs-filter", "code"), check="conv2d"),
    answers(
        38,
        "06_conv2d_layer",
        "int",
        s.ex38,
        slips=[
            slip(1036800),
            slip(73728, "filters-as-kernels"),
            slip(147456),
            slip(1160),
            slip(1152),
        ],
        tags=("kernel-vs-filter", "parameters"),
    ),
    answers(
        39,
        "08_beyond",
        "shape",
        s.ex39,
        slips=[
            slip((24, 1152), "groups-ignored"),
            slip((2, 96)),
            slip((1, 24)),
            slip((2, 48)),
        ],
        tags=("kernel-vs-filter", "groups"),
    ),
    answers(
        40,
        "07_learned_filters",
        "float",
        s.ex40,
        slips=[
            slip(3, "one-kernel"),
            slip((3, -2, 0), "one-map-per-kernel"),
            slip(1 / 3, "averaged-channels"),
            slip(0.33, "averaged-channels"),
            slip(5),
        ],
        tags=("kernel-vs-filter", "channels"),
    ),
)

LAYER_EXERCISES: tuple[Exercise, ...] = assemble(ANSWERS, table("layers"), "texts/en/layers.py")
