"""The summary picture (kernel → filter → layer, and one output number): what it shows, read at 840 px.

Its grids hold the course's named filters (checked against the filters built by loops here, not by the
picture's own code); every text is at least 12 px on screen in an 850-px column, inside the picture,
and no two texts overlap.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from matplotlib.text import Text

from convlesson.core.samples import named_filter
from convlesson.pictures.render import render_png
from convlesson.pictures.summary_figure import FILTER, LAYER_FILTERS, summary_figure
from convlesson.pictures.text_art import NumberArt

COLUMN = 850


@pytest.fixture(scope="module")
def fig():
    figure = summary_figure()
    render_png(figure)
    return figure


def texts(fig):
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def test_it_is_a_column_wide_and_as_tall_as_it_needs(fig):
    w, h = fig.get_figwidth() * fig.dpi, fig.get_figheight() * fig.dpi
    assert w == 840 and 300 <= h <= 600
    renderer = fig.canvas.get_renderer()
    lowest = min(t.get_window_extent(renderer).y0 for t in texts(fig))
    assert lowest <= 30, "no empty band under the equation"


def test_every_text_is_large_enough_inside_and_apart(fig):
    renderer = fig.canvas.get_renderer()
    width, height = fig.get_figwidth() * fig.dpi, fig.get_figheight() * fig.dpi
    boxes = []
    for t in texts(fig):
        assert t.get_fontsize() * fig.dpi / 72 * min(1.0, COLUMN / width) >= 12, t.get_text()
        bb = t.get_window_extent(renderer)
        assert bb.x0 >= 0 and bb.x1 <= width and bb.y0 >= 0 and bb.y1 <= height, t.get_text()
        boxes.append((t.get_text(), bb))
    for (a, ba), (b, bb) in itertools.combinations(boxes, 2):
        overlap = min(ba.x1, bb.x1) - max(ba.x0, bb.x0), min(ba.y1, bb.y1) - max(ba.y0, bb.y0)
        assert overlap[0] <= 1 or overlap[1] <= 1, f"{a!r} overlaps {b!r}"
    for art in fig.findobj(NumberArt):
        if art.get_visible() and art.texts:
            assert art.fontsize * fig.dpi / 72 >= 12


def test_it_names_the_three_shapes_and_both_layouts(fig):
    said = " ".join(t.get_text() for t in texts(fig))
    for words in ("2-D: (kh, kw)", "3-D: (kh, kw, C_in)", "4-D", "HWIO", "OIHW", "bias[f]", "Σ_c"):
        assert words in said, words
    assert f"(3, 3, 3, {LAYER_FILTERS})" in said and f"({LAYER_FILTERS}, 3, 3, 3)" in said


def edge(k):
    return np.array([[-1.0 if c < (k - 1) / 2 else (1.0 if c > (k - 1) / 2 else 0.0) for c in range(k)]] * k)


def test_its_grids_hold_the_named_filters(fig):
    picture = fig.picture
    signs = (1, 1, -1)  # yellow-blue: R and G one way, B the other
    assert FILTER == 1
    np.testing.assert_array_equal(picture.kernel.values, edge(3))
    for c in range(3):
        np.testing.assert_array_equal(picture.filter[c].values, signs[c] * edge(3))
        np.testing.assert_array_equal(picture.layer[0][c].values, signs[c] * np.ones((3, 3)))
        np.testing.assert_array_equal(picture.layer[1][c].values, signs[c] * edge(3))
        np.testing.assert_array_equal(
            picture.layer[1][c].values, named_filter("yellow-blue edges", 3, 3)[..., c]
        )
    grids = [picture.kernel, *picture.filter, *(g for row in picture.layer for g in row)]
    assert not any(g.numbers_hidden for g in grids), "every kernel's numbers fit"
