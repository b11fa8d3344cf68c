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
    v = np.abs(full).max()
    out = ex.picture.output
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
    ex = cl.FilterBank(c_in=8, filters=5, kernel_size=7)
    img = pixels(ex)
    m = ex.picture.bank.mosaic
    x0, y0, x1, y1 = m.bounds
    r_mid = [to_pixel(ex, x0, (lambda b: (b[1] + b[3]) / 2)(m.block_bounds(j, 0)))[0] for j in range(5)]
    c0, c1 = to_pixel(ex, x0 + 1, y0)[1], to_pixel(ex, x1 - 1, y0)[1]
    for r in r_mid:
        assert blocks_along(img[r, c0 : c1 + 1]) == 8
    cols = [to_pixel(ex, (lambda b: (b[0] + b[2]) / 2)(m.block_bounds(0, c)), y0)[1] for c in range(8)]
    r0, r1 = to_pixel(ex, x0, y0 + 1)[0], to_pixel(ex, x0, y1 - 1)[0]
    for c in cols:
        assert blocks_along(img[r0 : r1 + 1, c]) == 5


def test_weight_cells_have_the_colour_of_their_weight():
    ex = cl.FilterBank(c_in=3, filters=2, kernel_size=3)
    img = pixels(ex)
    k = ex.layer.kernel
    v = np.abs(k).max()
    m = ex.picture.bank.mosaic
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
    v = np.abs(want).max()
    m = ex.picture.outputs.mosaic
    assert m.cell * 30 > 150  # the output map is drawn large
    rng = np.random.default_rng(0)
    for i, j in rng.integers(0, 30, size=(40, 2)):
        rc = to_pixel(ex, m.origin[0] + (j + 0.5) * m.cell, m.origin[1] + (i + 0.5) * m.cell)
        assert near(img[rc], cell_colour("RdBu_r", want[i, j], v), 14), (i, j)


def test_colour_scales_overlap_no_panel():
    for ex in (cl.ChannelSum(), cl.ChannelSum(c_in=8), cl.FilterBank(c_in=8, filters=8, kernel_size=7)):
        pic = ex.picture
        scales = [pic.weight_scale.grid.image, pic.map_scale.grid.image]
        panels = [a.mosaic.image for a in vars(pic).values() if hasattr(a, "mosaic")]
        panels += [getattr(pic, n).image for n in ("summed", "biased", "activated") if hasattr(pic, n)]
        for s in scales:
            sx0, sx1, sy1, sy0 = s.get_extent()
            for p in panels:
                if not p.get_visible():
                    continue
                px0, px1, py1, py0 = p.get_extent()
                overlap = min(sx1, px1) > max(sx0, px0) and min(sy1, py1) > max(sy0, py0)
                assert not overlap
