"""Grids of cells pasted without resampling look like matplotlib's own drawing of the same image.

The oracle is stock matplotlib: the same ``AxesImage`` settings drawn by ``AxesImage.draw``. Away from
the cells' edges (where a fractional edge may fall on either side of a pixel) every pixel must agree.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import AxesImage

from convlesson.pictures import fast_text
from convlesson.pictures.fast_cells import CellImage


def canvas_with(image_cls, data, extent, **kw):
    fig = Figure(figsize=(4.0, 3.0), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 400)
    ax.set_ylim(300, 0)  # y grows downwards, as in every picture of the package
    ax.set_axis_off()
    im = image_cls(ax, interpolation="nearest", origin="upper", **kw)
    im.set_data(data)
    im.set_extent(extent)
    ax.add_image(im)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).astype(int), im


def away_from_edges(extent, shape, size=(300, 400)):
    """Pixels whose centres are more than 1 px from every cell edge (and inside the grid)."""
    x0, x1, y1, y0 = extent
    h, w = shape
    ys, xs = np.mgrid[0 : size[0], 0 : size[1]] + 0.5
    u, v = (xs - x0) / (x1 - x0) * w, (ys - y0) / (y1 - y0) * h
    du, dv = (x1 - x0) / w, (y1 - y0) / h
    inside = (u > 0) & (u < w) & (v > 0) & (v < h)
    return inside & (np.abs(u - np.round(u)) * du > 1) & (np.abs(v - np.round(v)) * dv > 1)


@pytest.mark.parametrize(
    "extent", [(10.0, 250.0, 190.0, 20.0), (33.3, 391.7, 287.2, 5.6), (100.5, 107.5, 30.5, 23.5)]
)
@pytest.mark.parametrize("kind", ["values", "rgba bytes", "rgba floats", "with gaps"])
def test_cells_are_pasted_with_the_colours_matplotlib_draws(kind, extent):
    if not fast_text.fast_text():
        pytest.skip(f"labels are drawn by {fast_text.text_path()}: cells are drawn by matplotlib too")
    rng = np.random.default_rng(3)
    data = rng.normal(size=(7, 9))
    kw = {"cmap": "RdBu_r"}
    if kind == "rgba bytes":
        data, kw = rng.integers(0, 256, size=(7, 9, 4)).astype(np.uint8), {}
        data[..., 3] = 255
    elif kind == "rgba floats":
        data, kw = rng.uniform(size=(7, 9, 4)), {}
        data[..., 3] = 1.0
    elif kind == "with gaps":
        data[2, :] = np.nan  # a gutter between blocks: see-through
    stock, _ = canvas_with(AxesImage, data, extent, **kw)
    fast, _ = canvas_with(CellImage, data, extent, **kw)
    where = away_from_edges(extent, data.shape[:2])
    assert where.sum() > 0 or extent[1] - extent[0] < 9
    diff = np.abs(fast - stock)[where]
    tolerance = 1 if kind == "rgba floats" else 0  # floats are rounded to bytes a half-step apart
    assert diff.size == 0 or diff.max() <= tolerance, diff.max()
    # and nothing is painted outside the grid
    x0, x1, y1, y0 = extent
    ys, xs = np.mgrid[0:300, 0:400] + 0.5
    far = (xs < x0 - 1) | (xs > x1 + 1) | (ys < y0 - 1) | (ys > y1 + 1)
    assert (fast[far] == 255).all()


def test_other_renderers_alpha_and_the_stock_path_draw_as_matplotlib_does(monkeypatch):
    rng = np.random.default_rng(4)
    data = rng.normal(size=(5, 5))
    extent = (10.0, 210.0, 210.0, 10.0)
    fig = Figure(figsize=(4.0, 3.0), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    im = CellImage(ax, interpolation="nearest", origin="upper", cmap="viridis")
    im.set_data(data)
    im.set_extent(extent)
    ax.add_image(im)
    svg = io.StringIO()
    fig.savefig(svg, format="svg")  # not Agg: matplotlib's own drawing
    assert "<image" in svg.getvalue()
    calls = []
    monkeypatch.setattr(AxesImage, "draw", lambda self, r: calls.append("stock"))
    im.set_alpha(0.5)
    fig.canvas.draw()
    assert calls == ["stock"], "an image with alpha is drawn by matplotlib"
    im.set_alpha(None)
    monkeypatch.setattr(fast_text, "fast_text", lambda: False)
    from convlesson.pictures import fast_cells

    monkeypatch.setattr(fast_cells, "fast_text", lambda: False)
    fig.canvas.draw()
    assert calls == ["stock", "stock"], "the stock label path draws cells with matplotlib too"


def test_a_grid_makes_its_block_again_only_when_what_it_shows_changed(monkeypatch):
    if not fast_text.fast_text():
        pytest.skip(f"labels are drawn by {fast_text.text_path()}: cells are drawn by matplotlib too")
    data = np.arange(12.0).reshape(3, 4)
    _, im = canvas_with(CellImage, data, (10.0, 250.0, 190.0, 20.0), cmap="viridis")
    im.set_clim(-6.0, 12.0)  # as every picture sets its limits
    im.figure.canvas.draw()
    made = []
    block = CellImage._block
    monkeypatch.setattr(CellImage, "_block", lambda self, r: made.append(1) or block(self, r))
    canvas = im.figure.canvas
    canvas.draw()
    assert made == [], "the same cells, limits and place: the block pasted last is pasted again"
    changed = data.copy()
    changed[1, 2] = -5.0
    im.set_data(changed)
    canvas.draw()
    assert made == [1], "one cell changed: the block is made again"
    im.set_extent((12.0, 250.0, 190.0, 20.0))
    canvas.draw()
    assert made == [1, 1], "moved: made again"
    assert im._made is not None
    im.set_visible(False)
    assert im._made is None, "a hidden grid keeps no block"
