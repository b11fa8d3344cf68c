"""Predictions the lesson notebooks ask before they show: questions keyed by short names.

A lesson asks, for example, ``answer = None`` then ``cl.check("sweep-size", answer)``: until the learner
replaces None, the cell only says that the prediction is waiting, so no stored output gives the answer
away. ``cl.hint(key)``, ``cl.solution(key)`` and ``cl.exercise(key)`` work as for numbered exercises,
and the grading is the same (:mod:`convlesson.exercises.grading`).

The words (questions, hints, feedback) are in ``texts/en/predictions.py``; here, what is right and which
wrong answers are known slips.
"""

from __future__ import annotations

from . import prediction_solutions as ps
from .records import Exercise, answers, assemble, slip
from .texts import table

__all__ = ["PREDICTIONS"]

ANSWERS = (
    answers(
        "sweep-size",
        "01_the_sweep",
        "shape",
        ps.sweep_size,
        slips=[slip((5, 5), "no-shrink"), slip((2, 2), "off-by-one"), slip(9)],
        tags=("output-size",),
    ),
    answers(
        "stride-positions",
        "01_the_sweep",
        "int",
        ps.stride_positions,
        slips=[slip(5, "forgot-strides"), slip(4), slip(2, "off-by-one"), slip(9)],
        tags=("output-size", "strides"),
    ),
    answers(
        "padding-sizes",
        "02_padding_and_output_size",
        "shape",
        ps.padding_sizes,
        slips=[
            slip((3, 5, 5), "padding-total"),
            slip((3, 5, 9)),
            slip((3, 3, 3)),
            slip((5, 5, 7), "no-shrink"),
            slip((7, 5, 3)),
        ],
        tags=("output-size", "padding"),
    ),
    answers(
        "same-extra-zero",
        "08_beyond",
        "choice",
        ps.same_extra_zero,
        slips=[slip("before", "odd-pixel-before")],
        tags=("padding", "strides"),
        choices=("before", "after"),
        aliases={"top": "before", "left": "before", "bottom": "after", "right": "after", "end": "after"},
    ),
    answers(
        "rectangular-output",
        "03_kernels",
        "shape",
        ps.rectangular_output,
        slips=[slip((60, 64)), slip((60, 60), "square-kernel"), slip((64, 64), "no-shrink"), slip((63, 60))],
        tags=("output-size",),
    ),
    answers(
        "kernels-for-one-map",
        "04_many_channels",
        "int",
        ps.kernels_for_one_map,
        slips=[slip(1), slip(64)],
        tags=("kernel-vs-filter", "channels"),
    ),
    answers(
        "one-number",
        "04_many_channels",
        "float",
        ps.one_number,
        slips=[
            slip(3, "forgot-bias"),
            slip((4, -2, 1), "one-map-per-kernel"),
            slip((3, -3, 0), "one-map-per-kernel"),
            slip(0),
            slip(6),
        ],
        tags=("kernel-vs-filter", "channels"),
    ),
    answers(
        "step-by-hand",
        "04_many_channels",
        "float",
        ps.step_by_hand,
        slips=[
            slip(14, "forgot-bias"),
            slip(28),
            slip(22),
            slip((12, 8, -6), "one-map-per-kernel"),
            slip(20 / 3, "averaged-channels"),
            slip(20, "one-bias-per-kernel"),
        ],
        tags=("kernel-vs-filter", "channels"),
    ),
    answers(
        "layer-kernels",
        "05_filters",
        "int",
        ps.layer_kernels,
        slips=[slip(16, "filters-as-kernels"), slip(8), slip(144), slip(1152, "weights-as-kernels")],
        tags=("kernel-vs-filter",),
    ),
    answers(
        "weights-shape",
        "06_conv2d_layer",
        "shape",
        ps.weights_shape,
        slips=[
            slip((2, 3, 3, 3), "oihw-layout"),
            slip((3, 3, 2, 3), "in-out-swapped"),
            slip((3, 3, 3)),
            slip((3, 3, 6)),
            slip((3, 3, 2), "filter-2d"),
        ],
        tags=("kernel-vs-filter", "layouts"),
    ),
    answers(
        "params-64-32",
        "06_conv2d_layer",
        "int",
        ps.params_64_32,
        slips=[
            slip(18432, "forgot-bias"),
            slip(20480, "one-bias-per-kernel"),
            slip(640, "filters-as-kernels"),
            slip(18464),
        ],
        tags=("kernel-vs-filter", "parameters"),
    ),
    answers(
        "chain-kernels",
        "06_conv2d_layer",
        "int",
        ps.chain_kernels,
        slips=[slip(3, "previous-c-in"), slip(16, "kernels-as-filters"), slip(128)],
        tags=("kernel-vs-filter", "chains"),
    ),
    answers(
        "same-kernels-colour",
        "07_learned_filters",
        "truefalse",
        ps.same_kernels_colour,
        slips=[slip(True, "one-map-per-kernel")],
        tags=("kernel-vs-filter", "channels"),
    ),
    answers(
        "layer2-filter-shape",
        "07_learned_filters",
        "shape",
        ps.layer2_filter_shape,
        slips=[
            slip((3, 3, 3), "previous-c-in"),
            slip((3, 3, 16), "in-out-swapped"),
            slip((3, 3, 8, 16)),
            slip((3, 3)),
        ],
        tags=("kernel-vs-filter", "chains"),
    ),
    answers(
        "network-kernels",
        "07_learned_filters",
        "int",
        ps.network_kernels,
        slips=[slip(24), slip(128), slip(72, "previous-c-in"), slip(1368, "weights-as-kernels")],
        tags=("kernel-vs-filter", "chains"),
    ),
    answers(
        "grouped-kernels",
        "08_beyond",
        "int",
        ps.grouped_kernels,
        slips=[slip(4, "groups-ignored"), slip(1), slip(8)],
        tags=("kernel-vs-filter", "groups"),
    ),
)

PREDICTIONS: tuple[Exercise, ...] = assemble(ANSWERS, table("predictions"), "texts/en/predictions.py")
