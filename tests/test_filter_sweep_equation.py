"""The line under FilterSweep's picture that works the step out, as d2l writes it.

``filter 0: (3·1 + 2·1 + …) + (…) + (…) + 2 = 12 + 8 − 6 + 2 = 16``: each bracket holds one kernel's
products with its window, the partial sums and the value follow. The numbers are checked against loops
over the window and against the output, and the lines against the column: for every setting the
controls allow, in both modes, every line fits the picture's 840 px at a legible size.
"""

from __future__ import annotations

import itertools
import re

import pytest

import convlesson as cl
from convlesson.pictures import style
from convlesson.pictures.filter_sweep import MARGIN, step_equation
from convlesson.pictures.text_art import measure


def number(text: str) -> float:
    return float(text.replace("−", "-").strip("()"))


def products(group: str) -> list[tuple[float, float]]:
    """``(3·1 + 0·(−1))`` as ``[(3, 1), (0, -1)]``; ``0`` (a kernel of zeros) as ``[]``."""
    if group == "0":
        return []
    return [tuple(number(f) for f in term.split("·")) for term in group[1:-1].split(" + ")]


def groups_of(equation: str, c_in: int) -> list[str]:
    """The C_in bracketed groups of one filter's equation, in channel order."""
    body = equation.split(": ", 1)[1]
    found = re.findall(r"\((?:[^()]|\([^()]*\))*\)|(?<![\d)])0(?= [+−])", body)
    return found[:c_in]


@pytest.mark.parametrize(
    "settings",
    [
        {"filters": 1, "step": 4},  # 04's stored frame
        {"c_in": 3, "filters": 2, "kernel_size": 3, "step": 4},  # 05's and the README's
        {"c_in": 4, "filters": 3, "kernel_size": 2, "input_size": 6, "padding": "same", "step": 13},
        {"c_in": 2, "filters": 2, "weights": "random", "strides": 2, "input_size": 7, "step": 5},
        {"c_in": 1, "filters": 1, "kernel_size": 1, "step": 7},
    ],
)
def test_each_bracket_is_one_kernels_products_and_the_line_ends_in_the_output(settings):
    ex = cl.FilterSweep(**settings)
    try:
        s = ex.state
        trace, w = ex.trace, ex.layer.weights
        step = trace.step(s["step"])
        kh, kw, c_in, filters = w.shape
        r0, c0 = step.origin
        for j in range(filters):
            line = step_equation(step, w, ex.layer.bias, j)
            assert line.startswith(f"filter {j}: ")
            groups = groups_of(line, c_in)
            assert len(groups) == c_in, line
            total = 0.0
            for c, group in enumerate(groups):
                expect = [
                    (trace.padded[r0 + a, c0 + b, c], w[a, b, c, j])
                    for a in range(kh)
                    for b in range(kw)
                    if w[a, b, c, j] != 0
                ]  # the window under the kernel, tap by tap, the zero weights left out
                assert products(group) == expect, (c, group)
                total += sum(x * k for x, k in expect)
            value = number(line.rsplit("= ", 1)[1])
            i, jj = step.out_pos
            assert value == pytest.approx(total + ex.layer.bias[j]) == pytest.approx(ex.output[i, jj, j])
            shown = [line for head, line in ex.picture.equations]
            assert any(t.startswith(f"filter {j}:") for t in shown)
    finally:
        ex.close()


def test_the_stored_frames_equations():
    """The lines 04 and 05 store (also in the report of what the course shows)."""
    ex = cl.FilterSweep(c_in=3, filters=2, kernel_size=3, step=4)
    try:
        lines = [step_equation(ex.trace.step(4), ex.layer.weights, ex.layer.bias, j) for j in range(2)]
    finally:
        ex.close()
    assert lines[0].endswith("+ 2 = 12 + 8 − 6 + 2 = 16")
    assert lines[1].endswith("− 1 = −1 + 5 + 2 − 1 = 5")


def all_settings():
    """Every combination the controls allow (the step aside), with a kernel that fits the input."""
    for c_in, k, strides, padding, size, weights in itertools.product(
        range(1, 5), range(1, 6), range(1, 4), ("valid", "same", "full"), range(3, 9), ("named", "random")
    ):
        if cl.output_size(size, k, strides, padding) >= 1:
            yield settings(c_in, k, strides, padding, size, weights)


def settings(c_in, k, strides, padding, size, weights):
    return {
        "c_in": c_in,
        "filters": 3,
        "kernel_size": k,
        "strides": strides,
        "padding": padding,
        "input_size": size,
        "weights": weights,
        "step": 0,
        "view": "numbers",
    }


def some_steps(trace):
    """The first, the middle and the last step (the first and last sit at the padded corners)."""
    return sorted({0, len(trace) // 2, len(trace) - 1})


@pytest.fixture(params=[False, True], ids=["normal", "lecture"])
def sweep(request):
    cl.lecture_mode(request.param)
    ex = cl.FilterSweep()
    try:
        least = 18.0 if request.param else 12.0
        assert style.sizes().label * ex.figure.dpi / 72 >= least
        yield ex
    finally:
        ex.close()
        cl.lecture_mode(False)


def test_no_piece_of_any_line_is_too_wide_for_the_column_in_any_setting(sweep):
    """Lines break at spaces: for every setting, each unbreakable piece fits a line on its own."""
    ex = sweep
    room = ex.WIDTH - 2 * MARGIN - 16  # a line that goes on is indented
    pieces, checked = set(), 0
    for s in all_settings():
        _, _, trace, _, _ = ex._layer(s)
        for n in some_steps(trace):
            step = trace.step(n)
            for j in range(3):
                for products in (True, False):
                    pieces.update(step_equation(step, trace.weights, trace.bias, j, products).split(" "))
        checked += 1
    assert checked > 1500
    widest = max(pieces, key=lambda p: measure(ex.ax, p)[0])
    assert measure(ex.ax, widest)[0] <= room, widest


@pytest.mark.parametrize("c_in", [1, 4])
@pytest.mark.parametrize("geometry", [(8, "full", 1), (8, "valid", 1), (3, "same", 3), (5, "same", 2)])
def test_every_line_fits_the_column(sweep, c_in, geometry):
    """Measured whole, at the largest kernels and inputs, every line of every filter fits."""
    ex = sweep
    size, padding, strides = geometry
    room = ex.WIDTH - 2 * MARGIN
    for k, weights in itertools.product(range(1, 6), ("named", "random")):
        if cl.output_size(size, k, strides, padding) < 1:
            continue
        _, _, trace, _, _ = ex._layer(settings(c_in, k, strides, padding, size, weights))
        for n in some_steps(trace):
            lines = ex.picture.equation_lines(trace, trace.step(n), room)
            assert lines[0][1].startswith("By hand, at this step")
            for head, line in lines:
                assert measure(ex.ax, line)[0] + (0 if head else 16) <= room, (k, weights, n, line)
            assert sum(1 for head, line in lines if head and line.startswith("filter")) == 3
