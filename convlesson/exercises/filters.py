"""Exercises 11–23 of ``09_exercises``: the kernel/filter distinction itself.

True or false on the two words, the shape of a filter, counting kernels and filters, reading C_in,
filters and the number of kernels off a weight shape in Keras's and PyTorch's layouts, and picking one
kernel out of the 4-D weights in both layouts.

The words (questions, hints, feedback) are in ``texts/en/filters.py``; here, what is right and which
wrong answers are known slips.
"""

from __future__ import annotations

from . import solutions as s
from .records import Exercise, answers, assemble, slip
from .texts import table

__all__ = ["FILTER_EXERCISES"]

KERAS_SLICES = ("w[:, :, 4, 1]", "w[:, :, 1, 4]", "w[4, 1]", "w[:, :, :, 4]")
TORCH_SLICES = ("weight[1, 4]", "weight[4, 1]", "weight[:, :, 1, 4]", "weight[4]")

ANSWERS = (
    answers(11, "05_filters", "truefalse", s.ex11, slips=[slip(True)], tags=("kernel-vs-filter",)),
    answers(
        12, "04_many_channels", "truefalse", s.ex12, slips=[slip(True)], tags=("kernel-vs-filter", "channels")
    ),
    answers(
        13,
        "05_filters",
        "truefalse",
        s.ex13,
        slips=[slip(False, "one-map-per-kernel")],
        tags=("kernel-vs-filter", "channels"),
    ),
    answers(
        14,
        "05_filters",
        "int",
        s.ex14,
        slips=[slip(8, "kernels-as-filters"), slip(3), slip(9)],
        tags=("kernel-vs-filter",),
    ),
    answers(
        15,
        "06_conv2d_layer",
        "truefalse",
        s.ex15,
        slips=[slip(True, "one-bias-per-kernel")],
        tags=("kernel-vs-filter", "parameters"),
    ),
    answers(
        16, "06_conv2d_layer", "truefalse", s.ex16, slips=[slip(True)], tags=("kernel-vs-filter", "layouts")
    ),
    answers(
        17,
        "05_filters",
        "shape",
        s.ex17,
        slips=[
            slip((5, 3), "one-kernel"),
            slip((8, 5, 3), "oihw-layout"),
            slip((3, 5, 8)),
            slip((5, 5, 8), "square-kernel"),
            slip((3, 3, 8), "square-kernel"),
        ],
        tags=("kernel-vs-filter",),
    ),
    answers(
        18,
        "05_filters",
        "int",
        s.ex18,
        slips=[
            slip(12, "filters-as-kernels"),
            slip(6),
            slip(300),
            slip(1800, "weights-as-kernels"),
            slip(18),
        ],
        tags=("kernel-vs-filter", "parameters"),
    ),
    answers(
        19,
        "05_filters",
        "int",
        s.ex19,
        slips=[slip(50, "kernels-as-filters"), slip(5), slip(2), slip(15), slip(3)],
        tags=("kernel-vs-filter",),
    ),
    answers(
        20,
        "06_conv2d_layer",
        "shape",
        s.ex20,
        slips=[
            slip((128, 64, 8192), "in-out-swapped"),
            slip((3, 3, 9), "oihw-layout"),
            slip((64, 128, 128), "filters-as-kernels"),
            slip((64, 128, 73728), "weights-as-kernels"),
            slip((64, 128, 192)),
        ],
        tags=("kernel-vs-filter", "layouts"),
    ),
    answers(
        21,
        "06_conv2d_layer",
        "shape",
        s.ex21,
        slips=[
            slip((32, 16, 512), "in-out-swapped"),
            slip((5, 5, 25), "hwio-layout"),
            slip((16, 32, 32), "filters-as-kernels"),
            slip((16, 32, 12800), "weights-as-kernels"),
        ],
        tags=("kernel-vs-filter", "layouts"),
    ),
    answers(
        22,
        "06_conv2d_layer",
        "choice",
        s.ex22,
        slips=[
            slip("w[:, :, 4, 1]", "in-out-swapped"),
            slip("w[4, 1]", "oihw-layout"),
            slip("w[:, :, :, 4]", "whole-filter"),
        ],
        tags=("kernel-vs-filter", "layouts"),
        choices=KERAS_SLICES,
        lettered=True,
        aliases={
            "w[..., 1, 4]": "w[:, :, 1, 4]",
            "w[..., 4]": "w[:, :, :, 4]",
            "w[..., 4, 1]": "w[:, :, 4, 1]",
        },
    ),
    answers(
        23,
        "06_conv2d_layer",
        "choice",
        s.ex23,
        slips=[
            slip("weight[1, 4]", "in-out-swapped"),
            slip("weight[:, :, 1, 4]", "hwio-layout"),
            slip("weight[4]", "whole-filter"),
        ],
        tags=("kernel-vs-filter", "layouts"),
        choices=TORCH_SLICES,
        lettered=True,
        aliases={"weight[4, 1, :, :]": "weight[4, 1]", "weight[4][1]": "weight[4, 1]"},
    ),
)

FILTER_EXERCISES: tuple[Exercise, ...] = assemble(ANSWERS, table("filters"), "texts/en/filters.py")
