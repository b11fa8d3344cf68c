"""Figure regression: the rendered PNGs show what they should, pixel by pixel, at fixed states.

Positions come from the pictures' own geometry (data coordinates -> pixels); colours are worked
out here from the colour map and conv2d, so a picture that is drawn wrong fails even when the
code runs.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib import colormaps
from PIL import Image

import convlesson as cl
from convlesson.core import samples
from convlesson.pictures import style

RED = np.array([0xD6, 0x27, 0x28])


def pixels(ex) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(ex.image.value)).convert("RGB"), dtype=float)


def to_pixel(ex, x, y) -> tuple[int, int]:
    """(row, col) in the PNG of data point (x, y) on the explorer's Axes."""
    px, py = ex.ax.transData.transform((x, y))
    height = ex.figure.bbox.height
    return int(round(height - py)), int(round(px))


def near(rgb, want, tol=12.0) -> bool:
    return bool(np.abs(np.asarray(rgb, float) - np.asarray(want, float)).max() <= tol)


def cell_colour(cmap_name, value, vmax):
    return np.array(colormaps[cmap_name]((value + vmax) / (2 * vmax))[:3]) * 255


@pytest.mark.parametrize("step", [0, 4, 8])
def test_sweep_window_is_drawn_red_at_the_step_position(step):
    ex = cl.KernelSweep(input_size=5, kernel_size=3, step=step)
    img = pixels(ex)
    art = ex.picture.input
    i, j = divmod(step, 3)
    # the middle of the window's top and left edges, and a point well inside it
    top = to_pixel(ex, art.origin[0] + (j + 1.5) * art.cell, art.origin[1] + i * art.cell)
    left = to_pixel(ex, art.origin[0] + j * art.cell, art.origin[1] + (i + 1.5) * art.cell)
    assert near(img[top], RED, 40) and near(img[left], RED, 40)
    # one cell to the right of the window's right edge (inside the input) is not red
    r, c = to_pixel(ex, art.origin[0] + (j + 3.5) * art.cell, art.origin[1] + (i + 1.3) * art.cell)
    if j + 3 < 5:
        assert not near(img[r, c], RED, 40)
    # the output cell being written is outlined in red too
    out = ex.picture.output
    r, c = to_pixel(ex, out.origin[0] + (j + 0.5) * out.cell, out.origin[1] + i * out.cell)
    assert near(img[r, c], RED, 40)


def test_sweep_output_cells_show_conv2d_through_the_colour_map():
    ex = cl.KernelSweep(input_size=6, kernel_size=3, step=15)
    img = pixels(ex)
    x = cl.small_grid(6, seed=0)
    full = cl.conv2d(x, ex.kernel)
    out = ex.picture.output
    v = out.image.get_clim()[1]
    assert out.image.get_clim() == (-v, v) and v >= np.abs(full).max()
    for i in range(4):
        for j in range(4):
            # a corner of the cell, away from its number
            rc = to_pixel(ex, out.origin[0] + (j + 0.15) * out.cell, out.origin[1] + (i + 0.15) * out.cell)
            assert near(img[rc], cell_colour("RdBu_r", full[i, j], v)), (i, j)


def blocks_along(line: np.ndarray) -> int:
    """How many separate runs of non-white pixels a row or column of pixels crosses."""
    coloured = np.abs(line - 255).max(axis=1) > 3  # the background is pure white; weight 0 is not
    return int(np.count_nonzero(coloured[1:] & ~coloured[:-1]) + coloured[0])


def test_layer_mosaic_has_filters_by_c_in_blocks():
    ex = cl.FilterBank(c_in=8, filters=5, kernel_size=7, weights="random")
    img = pixels(ex)
    m = ex.picture.bank
    x0, y0, x1, y1 = m.bounds
    r_mid = [to_pixel(ex, x0, (lambda b: (b[1] + b[3]) / 2)(m.block_bounds(j, 0)))[0] for j in range(5)]
    c0, c1 = to_pixel(ex, x0 + 1, y0)[1], to_pixel(ex, x1 - 1, y0)[1]
    for r in r_mid:
        assert blocks_along(img[r, c0 : c1 + 1]) == 8
    # and 5 rows: block (j, c) holds filter j's kernel for channel c, its middle weight in the middle
    k = ex.layer.weights
    v = m.image.get_clim()[1]
    for j in range(5):
        for c in range(8):
            bx0, by0, bx1, by1 = m.block_bounds(j, c)
            rc = to_pixel(ex, (bx0 + bx1) / 2, (by0 + by1) / 2)
            assert near(img[rc], cell_colour("RdBu_r", k[3, 3, c, j], v)), (j, c)


def test_weight_cells_have_the_colour_of_their_weight():
    ex = cl.FilterBank(c_in=3, filters=2, kernel_size=3, weights="random")
    img = pixels(ex)
    k = ex.layer.weights
    m = ex.picture.bank
    v = m.image.get_clim()[1]
    assert v >= np.abs(k).max()
    for j in range(2):
        for c in range(3):
            bx0, by0, _, _ = m.block_bounds(j, c)
            for r in range(3):
                for q in range(3):
                    rc = to_pixel(ex, bx0 + (q + 0.12) * m.cell, by0 + (r + 0.12) * m.cell)
                    assert near(img[rc], cell_colour("RdBu_r", k[r, q, c, j], v)), (j, c, r, q)


def test_playground_output_shows_the_sobel_edges():
    ex = cl.Playground(kernel="sobel x", input_size=32)
    img = pixels(ex)
    grey = cl.photo(32).mean(axis=2)
    want = cl.conv2d(grey, cl.classic_kernel("sobel x"))
    m = ex.picture.outputs
    v = ex.picture.map_limits[0]
    # full colour at the 99th percentile of |want| (rank 0.99 x 899 = 890.01 of 900 sorted values): the
    # few strongest edges saturate, the many fainter ones show
    ranked = np.sort(np.abs(want).ravel())
    p99 = ranked[890] + 0.01 * (ranked[891] - ranked[890])
    assert v == style.nice_limit(p99) < np.abs(want).max()
    assert m.cell * 30 > 150  # the output map is drawn large
    x0, y0, _, _ = m.block_bounds(0, 0)
    rng = np.random.default_rng(0)
    for i, j in rng.integers(0, 30, size=(40, 2)):
        rc = to_pixel(ex, x0 + (j + 0.5) * m.cell, y0 + (i + 0.5) * m.cell)
        assert near(img[rc], cell_colour("RdBu_r", want[i, j], v), 14), (i, j)


def test_channels_are_drawn_as_the_light_they_hold():
    """Input channels: black where a channel is 0, its own colour where it is full."""
    ex = cl.ChannelSum(c_in=3, input_size=24)
    img = pixels(ex)
    x = samples.scene(24, 3)
    for n, want in ((0, (0.92, 0.12, 0.10)), (1, (0.10, 0.72, 0.22)), (2, (0.20, 0.40, 1.00))):
        grid = ex.picture.rows[n].channel
        hot = np.unravel_index(np.argmax(x[..., n]), x.shape[:2])
        cold = np.unravel_index(np.argmin(x[..., n]), x.shape[:2])
        for (i, j), level in ((hot, x[hot + (n,)]), (cold, x[cold + (n,)])):
            rc = to_pixel(ex, grid.origin[0] + (j + 0.5) * grid.cell, grid.origin[1] + (i + 0.5) * grid.cell)
            assert near(img[rc], np.array(want) * 255 * level, 14), (n, i, j)


def test_colour_scales_sit_next_to_what_they_explain_and_cover_no_panel():
    for ex in (cl.ChannelSum(), cl.ChannelSum(c_in=8), cl.FilterBank(c_in=8, filters=8, kernel_size=7)):
        pic = ex.picture
        scales = [pic.weight_scale.grid.image, pic.map_scale.grid.image]
        panels = [im for im in ex.ax.images if im.get_visible() and im not in scales]
        for sc in scales:
            sx0, sx1, sy1, sy0 = sc.get_extent()
            for p in panels:
                px0, px1, py1, py0 = p.get_extent()
                if p.get_array().shape[0] == 1 and p.get_array().size == 64:  # another scale
                    continue
                overlap = min(sx1, px1) > max(sx0, px0) and min(sy1, py1) > max(sy0, py0)
                assert not overlap
        # the weights' scale is under the kernels, the maps' under the maps
        wx0, wx1, _, w_top = pic.weight_scale.grid.image.get_extent()
        kernels = pic.bank.bounds if hasattr(pic, "bank") else pic.rows[0].kernel.bounds
        assert kernels[0] - 1 <= (wx0 + wx1) / 2 <= kernels[2] + 1 and w_top > kernels[3]


def test_sweep_leaves_ghosts_of_the_earlier_windows():
    ex = cl.KernelSweep(input_size=7, kernel_size=3, strides=2, step=5)
    xs, ys = ex.picture.ghosts.line.get_data()
    rects = np.isnan(np.asarray(xs, dtype=float)).sum()
    assert rects == 5  # steps 0..4, one outline each
    art = ex.picture.input
    starts = [(xs[k * 6], ys[k * 6]) for k in range(5)]
    want = [
        (art.origin[0] + 2 * j * art.cell, art.origin[1] + 2 * i * art.cell)
        for i, j in map(lambda k: divmod(k, 3), range(5))
    ]
    np.testing.assert_allclose(starts, want)


@pytest.mark.parametrize(
    "make",
    [
        lambda: cl.FilterBank(),
        lambda: cl.FilterBank(c_in=3, filters=3),
        lambda: cl.FilterBank(c_in=8, filters=8, kernel_size=7),
        lambda: cl.GroupedConv(),
        lambda: cl.Playground(),
    ],
)
def test_each_input_channel_sits_above_the_kernels_that_read_it_and_level_with_no_filter(make):
    """Channel c is centred over kernel column c; no channel shares a height with a filter's row.

    Drawn level with the filters' rows, three channels beside three filters read as "one filter per
    channel": the very mix-up between kernels and filters the course exists to undo.
    """
    ex = make()
    pic = ex.picture
    rows = [pic.bank.block_bounds(n, 0) for n in range(len(pic.filters))]
    for m, _ in enumerate(pic.channels):
        x0, y0, x1, y1 = pic.inputs.block_bounds(0, m)
        k0, _, k1, _ = pic.bank.block_bounds(0, m)
        assert abs((x0 + x1) / 2 - (k0 + k1) / 2) < 1.0, f"channel {m} is not above kernel column {m}"
        for r in rows:
            assert y1 < r[1] or y0 > r[3], f"channel {m} is level with a filter's row"


def test_one_map_before_filters_are_taught_is_titled_with_its_2d_shape():
    """Playground's one map (notebook 03): the title and the text under it both say (H', W')."""
    from matplotlib.text import Text

    ex = cl.Playground(kernel="sobel x", input_size=32)
    try:
        texts = [t.get_text() for t in ex.figure.findobj(Text) if t.get_visible()]
        assert "(30, 30)" in texts and "(30, 30, 1)" not in texts
        ex.set(filters=2)  # two filters: the output is a 3-D stack again
        texts = [t.get_text() for t in ex.figure.findobj(Text) if t.get_visible()]
        assert "(30, 30, 2)" in texts
    finally:
        ex.close()


@pytest.mark.parametrize("lecture", [False, True])
def test_a_kernel_under_the_input_still_has_its_multiplication_sign(lecture):
    """Two rows (input on top, kernel = products → output below): '⊙' stands left of the kernel."""
    cl.lecture_mode(lecture)
    try:
        ex = cl.KernelSweep(input_size=7, kernel_size=3, dilation_rate=2)
        pic = ex.picture
        kx0, ky0, _, ky1 = pic.kernel.bounds
        assert pic.input.bounds[3] < ky0, "the kernel is in a row under the input"
        signs = [t for t in pic.symbols.visible if t.get_text() == "⊙"]
        assert any(t.get_position()[0] < kx0 and ky0 <= t.get_position()[1] <= ky1 for t in signs)
        assert all(t.get_window_extent().x0 >= 0 for t in signs), "inside the picture"
        ex.close()
    finally:
        cl.lecture_mode(False)
