"""The layer drawn as volumes: which slices it shows, where, and what they are called."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

import convlesson as cl


@pytest.fixture
def ax():
    fig = Figure(figsize=(8.4, 3.8), dpi=100)
    FigureCanvasAgg(fig)
    return fig.add_axes((0, 0, 1, 1))


def drawn(grid):
    return np.ma.filled(grid.image.get_array().astype(float), np.nan)


def texts(ax) -> set[str]:
    return {t.get_text() for t in ax.figure.findobj(Text) if t.get_visible() and t.get_text()}


def test_slices_hold_the_channels_the_kernels_and_the_maps(ax):
    rng = np.random.default_rng(1)
    x = rng.uniform(size=(7, 6, 3))
    layer = cl.Conv2D(2, (3, 2), c_in=3, seed=4)
    pic = cl.draw_volumes(ax, x, layer, names=["R", "G", "B"])
    out = cl.conv2d(x, layer.weights, layer.bias)
    assert len([g for g in pic.input.slices if g.image.get_visible()]) == 3
    for c in range(3):
        np.testing.assert_array_equal(drawn(pic.input.slices[c]), x[..., c])
    for j in range(2):
        for c in range(3):
            np.testing.assert_array_equal(drawn(pic.filters[j].slices[c]), layer.weights[:, :, c, j])
        np.testing.assert_allclose(drawn(pic.output.slices[j]), out[..., j])


def test_slices_stack_backwards_up_and_to_the_right(ax):
    pic = cl.draw_volumes(ax, np.ones((6, 6, 4)), cl.Conv2D(3, 3, c_in=4))
    for stack, n in ((pic.input, 4), (pic.output, 3), (pic.filters[0], 4)):
        origins = np.array(stack.origins)
        assert len(origins) == n
        steps = np.diff(origins, axis=0)
        assert (steps[:, 0] > 0).all() and np.allclose(steps[:, 0], -steps[:, 1]), (
            "each slice behind the last"
        )
        assert np.allclose(steps, steps[0]), "evenly deep"
    # input, then the filters, then the output, left to right
    assert pic.input.bounds(0)[2] < pic.filters[0].bounds(0)[0] < pic.output.bounds(0)[0]


def test_labels_use_the_course_words(ax):
    cl.draw_volumes(ax, np.ones((5, 5, 3)), cl.Conv2D(2, 3, c_in=3), names=["R", "G", "B"])
    words = texts(ax)
    for want in (
        "input",
        "(5, 5, 3)",
        "filter 0: (3, 3, 3)",
        "filter 1: (3, 3, 3)",
        "3 kernels each",
        "output",
        "(3, 3, 2)",
        "map 0 ← filter 0",
        "map 1 ← filter 1",
        "depth = filters = 2",
    ):
        assert want in words, want
    assert any("depth C_in = 3" in w for w in words)


def test_every_kernel_of_a_filter_shows_whole_beside_the_name_of_the_channel_it_reads(ax):
    """A filter's block is pulled apart along its depth: no kernel hides another (filter 1's -1 on G)."""
    names = ["R", "G", "B"]
    pic = cl.draw_volumes(ax, np.ones((5, 5, 3)), cl.Conv2D(2, 3, c_in=3), names=names)
    labels = [t for t in ax.figure.findobj(Text) if t.get_visible() and t.get_text() in names]
    for j in range(2):
        rects = [pic.filters[j].bounds(c) for c in range(3)]
        for a in range(3):
            for b in range(a + 1, 3):
                (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = rects[a], rects[b]
                assert ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0, (j, a, b, "overlap")
        for c, (x0, y0, _, y1) in enumerate(rects):
            beside = [
                t
                for t in labels
                if t.get_text() == names[c]
                and x0 - 20 < t.get_position()[0] <= x0
                and y0 <= t.get_position()[1] <= y1
            ]
            assert beside, f"filter {j}'s kernel for {names[c]} is not named beside it"


def test_with_a_step_the_output_shows_only_the_cells_made_so_far(ax):
    layer = cl.Conv2D(2, 3, c_in=3, seed=2)
    pic = cl.draw_volumes(ax, np.ones((5, 5, 3)), layer, step=4)  # outputs 0..4 of 9 made
    white = np.array([1.0, 1.0, 1.0, 1.0])
    for j in range(2):
        rgba = np.asarray(pic.output.slices[j].image.get_array(), dtype=float)
        rgba = rgba / 255 if rgba.max() > 1 else rgba  # painted cells may be stored as bytes
        assert rgba.shape == (3, 3, 4)
        blank = np.all(np.isclose(rgba, white), axis=-1).ravel()
        assert not blank[:5].any() and blank[5:].all(), blank


def test_the_step_outlines_a_window_box_and_an_output_column(ax):
    layer = cl.Conv2D(2, 3, c_in=3)
    pic = cl.draw_volumes(ax, np.ones((5, 5, 3)), layer, step=4)  # output position (1, 1)
    xs, ys = pic.windows.line.get_data()
    front = pic.input.slices[0]
    x0, y0 = front.origin
    cell = front.cell
    assert (xs[0], ys[0]) == pytest.approx((x0 + 1 * cell, y0 + 1 * cell))  # the window's top-left
    assert (xs[2], ys[2]) == pytest.approx((x0 + 4 * cell, y0 + 4 * cell))  # 3 cells on
    cx, cy = pic.cells.line.get_data()
    out = pic.output.slices[0]
    assert (cx[0], cy[0]) == pytest.approx((out.origin[0] + out.cell, out.origin[1] + out.cell))


@pytest.mark.parametrize(
    ("args", "kwargs", "exc", "words"),
    [
        ((None, np.ones((4, 4, 2)), None), {}, TypeError, "ax"),
        (("ax", np.ones((4, 4)), "layer"), {}, ValueError, "x"),
        (("ax", np.ones((4, 4, 2)), "not a layer"), {}, TypeError, "layer must be a cl.Conv2D"),
        (
            ("ax", np.ones((4, 4, 2)), "layer"),
            {"step": 4},
            ValueError,
            "step must be None or an int from 0 to 3",
        ),
        (("ax", np.ones((4, 4, 2)), "layer"), {"names": ["R"]}, ValueError, "names"),
    ],
)
def test_bad_arguments_are_named(ax, args, kwargs, exc, words):
    layer = cl.Conv2D(1, 3)
    args = [{"ax": ax, "layer": layer}.get(a, a) if isinstance(a, str) else a for a in args]
    with pytest.raises(exc, match=words):
        cl.draw_volumes(*args, **kwargs)
