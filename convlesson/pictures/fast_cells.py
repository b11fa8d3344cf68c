"""Fast grids of cells for live pictures: each screen pixel takes the colour of the cell under it.

matplotlib draws an image by resampling it to the screen, about 40 ns a pixel for a large grid even
with ``interpolation='nearest'`` (a 632 × 632-pixel input panel costs 15 ms a frame). A grid of
cells needs no resampling: :class:`CellImage` colours the cells once (the image's own colour map and
norm, or its RGBA), picks for every screen row and column the cell under the pixel's centre with
numpy, and pastes the block with the renderer's public ``draw_image`` -- the call the label stamps
use, whose row order :mod:`convlesson.pictures.fast_text` checks once, at first use.

Whenever that shortcut does not apply -- labels drawn by stock matplotlib (the check failed, or
``CONVLESSON_STOCK_TEXT=1``), a renderer other than Agg (saving to SVG or PDF), an image with
alpha, a clip path or another interpolation -- the image draws as an ordinary ``AxesImage``.

From frame to frame most grids stay as they were (a step fills one output cell; the input and the
kernels do not move), so each image keeps the block it made last, with what it was made from (the
cells' bytes, the colour map and limits, where it lands on which canvas): when all of that is the
same, the block is pasted again without being made again. That is one block per image, as many bytes
as the image covers on screen (0.4-3.2 MB for a whole picture); it goes when the image is hidden or
let go of. Inside :func:`~convlesson.pictures.fast_text.without_frame_caches` every block is made
afresh.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.colors import Normalize
from matplotlib.image import AxesImage

from .fast_text import fast_text, frame_caches

__all__ = ["CellImage"]


class CellImage(AxesImage):
    """An ``AxesImage`` of cells (nearest neighbours, origin 'upper') pasted without resampling."""

    _made = None  # (cells, mask, where, block): the block made last, and what it was made from

    def set_visible(self, b) -> None:
        """As ``Artist.set_visible``; a hidden image lets go of the block it made last."""
        if not b:
            self._made = None
        super().set_visible(b)

    def set_extent(self, extent, **kwargs):
        """As ``AxesImage.set_extent``, but on an Axes whose limits are set by hand (no autoscaling) the
        data limits, which only autoscaling reads, are left alone: about half a millisecond a call."""
        ax = self.axes
        if kwargs or ax is None or ax.get_autoscalex_on() or ax.get_autoscaley_on():
            return super().set_extent(extent, **kwargs)
        values = [float(v) for v in extent]
        if not all(math.isfinite(v) for v in values):
            return super().set_extent(extent)  # refused there, with matplotlib's own message
        self._extent = values
        self.sticky_edges.x[:] = values[:2]
        self.sticky_edges.y[:] = values[2:]
        self.stale = True

    def draw(self, renderer):
        if not self._pastes(renderer):
            return super().draw(renderer)
        block = self._kept_block(renderer) if frame_caches() else self._block(renderer)
        if block is not None:
            left, bottom, pixels = block
            gc = renderer.new_gc()
            renderer.draw_image(gc, left, bottom, pixels)
            gc.restore()
        self.stale = False

    def _pastes(self, renderer) -> bool:
        return (
            self.get_visible()
            and fast_text()
            and isinstance(renderer, RendererAgg)
            and self.get_alpha() is None
            and self.get_interpolation() == "nearest"
            and self.origin == "upper"
            and self.get_clip_path() is None
            and self.get_transform().is_affine
            and self.get_array() is not None
        )

    def _kept_block(self, renderer):
        """:meth:`_block`, pasted again while what it is made from has not changed."""
        data = self.get_array()
        cells = np.ascontiguousarray(np.ma.getdata(data))
        mask = np.ascontiguousarray(np.ma.getmaskarray(data)) if np.ma.is_masked(data) else np.zeros(0, bool)
        norm = self.norm
        if type(norm) is not Normalize:  # a norm with more to it than its limits: made every time
            return self._block(renderer)
        clip = self.get_clip_box() if self.get_clip_on() else None
        where = (
            norm.vmin,
            norm.vmax,
            norm.clip,
            self.cmap,  # compared by its colour table (Colormap.__eq__); never changed in place here
            tuple(self.get_extent()),
            self.get_transform().get_matrix().tobytes(),
            None if clip is None else tuple(clip.bounds),
            renderer.width,
            renderer.height,
        )
        made = self._made
        if made is not None and made[2] == where and _same(made[0], cells) and _same(made[1], mask):
            return made[3]
        block = self._block(renderer)
        self._made = (cells.copy(), mask.copy(), where, block)
        return block

    def _block(self, renderer):
        """``(left, bottom, rows bottom-up)`` of the pixels to paste, or None when none are on screen."""
        data = self.get_array()
        h, w = data.shape[:2]
        x0, x1, y_bottom, y_top = self.get_extent()
        trans = self.get_transform()
        (ax0, ay_top), (ax1, ay_bottom) = trans.transform([(x0, y_top), (x1, y_bottom)])  # display, y up
        # the pixels whose centres fall inside the grid, cropped to the canvas (and the clip box)
        lo_x, hi_x = sorted((ax0, ax1))
        lo_y, hi_y = sorted((ay_top, ay_bottom))
        clip = self.get_clip_box() if self.get_clip_on() else None
        if clip is not None:
            lo_x, hi_x = max(lo_x, clip.x0), min(hi_x, clip.x1)
            lo_y, hi_y = max(lo_y, clip.y0), min(hi_y, clip.y1)
        px0, px1 = max(math.ceil(lo_x - 0.5), 0), min(math.ceil(hi_x - 0.5), int(renderer.width))
        py0, py1 = max(math.ceil(lo_y - 0.5), 0), min(math.ceil(hi_y - 0.5), int(renderer.height))
        if px1 <= px0 or py1 <= py0 or ax1 == ax0 or ay_bottom == ay_top:
            return None
        centres_x = np.arange(px0, px1) + 0.5
        centres_y = np.arange(py0, py1) + 0.5  # bottom-up, as draw_image wants its rows
        cols = np.clip(np.floor((centres_x - ax0) / (ax1 - ax0) * w).astype(np.intp), 0, w - 1)
        rows = np.clip(np.floor((centres_y - ay_top) / (ay_bottom - ay_top) * h).astype(np.intp), 0, h - 1)
        # each cell as one 4-byte value, rows then columns: the same pixels as a 2-D fancy index, faster
        cells = np.ascontiguousarray(self._colours()).view(np.uint32)[..., 0]
        pixels = cells.take(rows, axis=0).take(cols, axis=1)
        return px0, py0, pixels.view(np.uint8).reshape(len(rows), len(cols), 4)

    def _colours(self) -> np.ndarray:
        """The cells as ``(h, w, 4)`` uint8 RGBA: through the colour map and norm, or as painted."""
        data = self.get_array()
        if data.ndim == 2:
            return self.to_rgba(data, bytes=True)
        rgba = np.ma.getdata(data)
        if rgba.dtype != np.uint8:
            rgba = (np.clip(rgba.astype(float), 0.0, 1.0) * 255 + 0.5).astype(np.uint8)
        if rgba.shape[2] == 3:
            rgba = np.dstack([rgba, np.full(rgba.shape[:2], 255, np.uint8)])
        return rgba


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """The same shape, type and bytes (NaNs included, bit for bit)."""
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()
