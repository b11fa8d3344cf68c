"""The drawing functions: what they draw is the data given, labelled as the course names it."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

import convlesson as cl


@pytest.fixture
def ax():
    fig = Figure(figsize=(8, 5), dpi=100)
    return fig.add_subplot()


def drawn(image) -> np.ndarray:
    return np.ma.filled(image.get_array().astype(float), np.nan)


def texts_of(ax) -> list[str]:
    return [t.get_text() for t in ax.texts if t.get_visible()] + [ax.get_title()]


def test_draw_kernel_draws_the_kernel_with_symmetric_limits_and_numbers(ax):
    k = np.array([[1.0, -2.0, 0.5], [0.0, 3.0, -1.0], [2.0, 1.0, 0.0]])
    before = k.copy()
    art = cl.draw_kernel(ax, k)
    np.testing.assert_array_equal(drawn(art.image), k)
    np.testing.assert_array_equal(k, before)
    assert art.image.get_clim() == (-3.0, 3.0)
    assert "(3, 3)" in ax.get_title()
    assert len(art.numbers.texts) == 9 and "\u22122.00" in art.numbers.texts
    np.testing.assert_allclose(art.numbers.positions[0], (0.5, 0.5))
    assert plt.get_fignums() == []


def test_numbers_are_hidden_when_cells_are_too_small(ax):
    art = cl.draw_kernel(ax, np.random.default_rng(0).normal(size=(60, 60)))
    assert art.numbers.texts == []
    art = cl.draw_kernel(ax, np.ones((3, 3)), numbers=False)
    assert art.numbers.texts == []


def test_draw_filter_shows_every_kernel_by_channel_and_the_shape(ax):
    f = np.arange(3 * 3 * 3, dtype=float).reshape(3, 3, 3) - 13
    pic = cl.draw_filter(ax, f)
    blocks = pic.mosaic.blocks()
    assert len(blocks) == 1 and len(blocks[0]) == 3
    for c in range(3):
        np.testing.assert_array_equal(blocks[0][c], f[:, :, c])
    words = texts_of(ax)
    assert {"R", "G", "B"} <= set(words)
    assert any("(3, 3, 3)" in w for w in words)
    lo, hi = pic.mosaic.image.get_clim()
    assert lo == -hi == -13


def test_draw_filter_names_channels_c0_beyond_three(ax):
    cl.draw_filter(ax, np.ones((2, 2, 5)))
    words = set(texts_of(ax))
    assert {"c0", "c4"} <= words and "R" not in words


def test_draw_layer_weights_rows_are_filters_and_groups_leave_kernels_out(ax):
    k = np.random.default_rng(1).normal(size=(3, 3, 2, 4))
    pic = cl.draw_layer_weights(ax, k, groups=2)
    blocks = pic.mosaic.blocks()
    assert len(blocks) == 4 and all(len(r) == 4 for r in blocks)
    for j in range(4):
        g = j // 2
        for c in range(4):
            if 2 * g <= c < 2 * g + 2:
                np.testing.assert_array_equal(blocks[j][c], k[:, :, c - 2 * g, j])
            else:
                assert np.isnan(blocks[j][c]).all()
    assert {"filter 0", "filter 3"} <= set(texts_of(ax))
    assert pic.absent.mask.any()


def test_draw_channels_and_maps(ax):
    x = cl.photo(8)
    pic = cl.draw_channels(ax, x, padding=((1, 1), (2, 2)))
    blocks = pic.mosaic.blocks()[0]
    for c in range(3):
        np.testing.assert_array_equal(blocks[c], np.pad(x[..., c], ((1, 1), (2, 2))))
    assert pic.hatch.mask.sum() == 3 * (10 * 12 - 8 * 8)
    fig = Figure()
    ax2 = fig.add_subplot()
    maps = np.random.default_rng(2).normal(size=(5, 5, 2))
    mp = cl.draw_maps(ax2, maps)
    for j in range(2):
        np.testing.assert_array_equal(mp.mosaic.blocks()[0][j], maps[..., j])
    lo, hi = mp.mosaic.image.get_clim()
    assert -lo == hi == pytest.approx(np.abs(maps).max())
    assert {"map 0", "map 1"} <= set(texts_of(ax2))


def test_draw_sweep_shows_the_window_products_and_partial_output(ax):
    x = cl.small_grid(5, seed=0)
    k = np.array([[1.0, 0.0], [0.0, -1.0]])
    trace = cl.sweep(x, k)
    pic = cl.draw_sweep(ax, trace, step=5)
    st = trace.step(5)
    np.testing.assert_array_equal(drawn(pic.products.image), st.products)
    out = drawn(pic.output.image)
    full = cl.conv2d(x, k)
    np.testing.assert_array_equal(out.ravel()[:6], full.ravel()[:6])
    assert np.isnan(out.ravel()[6:]).all()
    x0, y0 = pic.window.get_xy()
    ix, iy = pic.input.origin
    r0, c0 = st.origin
    assert (x0, y0) == pytest.approx((ix + c0 * pic.input.cell, iy + r0 * pic.input.cell))


def test_shape_text_plugs_the_numbers_in():
    lines = cl.shape_text(28, 3, 3, 2)
    assert lines[1].endswith("(26, 26, 2)")
    assert lines[2].endswith("= 56")
    assert "/groups" in cl.shape_text(8, 4, 3, 4, groups=2)[2]


@pytest.mark.parametrize(
    ("func", "arg", "name"),
    [
        (cl.draw_kernel, np.ones((2, 2, 2)), "kernel"),
        (cl.draw_filter, np.ones((2, 2)), "filt"),
        (cl.draw_layer_weights, np.ones((2, 2, 2)), "kernel"),
        (cl.draw_channels, np.ones((2, 2, 2, 2)), "x"),
        (cl.draw_maps, np.ones(3), "maps"),
        (cl.draw_sweep, np.ones((3, 3)), "trace"),
    ],
)
def test_bad_input_names_the_parameter(ax, func, arg, name):
    with pytest.raises((ValueError, TypeError), match=rf"^{name}\b"):
        func(ax, arg)


def test_bad_groups_names_the_parameter(ax):
    with pytest.raises(ValueError, match="groups"):
        cl.draw_layer_weights(ax, np.ones((3, 3, 2, 4)), groups=3)
