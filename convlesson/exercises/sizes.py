"""Exercises 1–10 of ``09_exercises``: output sizes and padding, then reading feature maps.

The words (questions, hints, feedback) are in ``texts/en/sizes.py``; here, what is right and which
wrong answers are known slips.
"""

from __future__ import annotations

from . import solutions as s
from .records import Exercise, answers, assemble, slip
from .texts import table

__all__ = ["SIZE_EXERCISES"]

ANSWERS = (
    answers(
        1,
        "02_padding_and_output_size",
        "int",
        s.ex01,
        slips=[slip(15), slip(12, "off-by-one"), slip(14)],
        tags=("output-size",),
    ),
    answers(
        2,
        "02_padding_and_output_size",
        "int",
        s.ex02,
        slips=[
            slip(4.5, "forgot-floor"),
            slip(5, "forgot-floor"),
            slip(8, "forgot-strides"),
            slip(3, "off-by-one"),
            slip(6),
        ],
        tags=("output-size", "strides"),
    ),
    answers(
        3,
        "02_padding_and_output_size",
        "int",
        s.ex03,
        slips=[slip(11, "same-with-strides"), slip(4), slip(5.5), slip(5)],
        tags=("output-size", "padding", "strides"),
    ),
    answers(
        4,
        "08_beyond",
        "shape",
        s.ex04,
        slips=[slip((3, 3)), slip((3, 2), "odd-pixel-before"), slip((0, 0)), slip(5), slip((2.5, 2.5))],
        tags=("padding", "strides"),
    ),
    answers(
        5,
        "08_beyond",
        "int",
        s.ex05,
        slips=[slip(6), slip(10, "padding-total"), slip(18), slip(16), slip(13, "off-by-one")],
        tags=("padding",),
    ),
    answers(
        6,
        "08_beyond",
        "int",
        s.ex06,
        slips=[slip(30, "padding-total"), slip(28), slip(36), slip(31, "off-by-one")],
        tags=("output-size", "padding"),
    ),
    answers(
        7,
        "08_beyond",
        "int",
        s.ex07,
        slips=[slip(13), slip(9), slip(10, "off-by-one"), slip(12, "dilation-span")],
        tags=("output-size", "dilation"),
    ),
    answers(
        8,
        "03_kernels",
        "shape",
        s.ex08,
        slips=[
            slip((30, 15), "forgot-floor"),
            slip((30, 30), "square-kernel"),
            slip((14, 30)),
            slip((30, 28), "forgot-strides"),
            slip((29, 13), "off-by-one"),
        ],
        tags=("output-size", "strides"),
    ),
    answers(
        9,
        "04_many_channels",
        "float",
        s.ex09,
        slips=[slip(7, "flipped-kernel"), slip(2, "forgot-bias"), slip(1)],
        tags=("feature-map",),
    ),
    answers(
        10,
        "04_many_channels",
        "float",
        s.ex10,
        slips=[
            slip(-0.25),
            slip(-0.5),
            slip(0.08333333333333334, "averaged-channels"),
            slip(3.75),
            slip((1.5, -4.0, 2.0), "one-map-per-kernel"),
        ],
        tags=("feature-map", "channels"),
    ),
)

SIZE_EXERCISES: tuple[Exercise, ...] = assemble(ANSWERS, table("sizes"), "texts/en/sizes.py")
