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
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.image import AxesImage

from .fast_text import fast_text

__all__ = ["CellImage"]


class CellImage(AxesImage):
    """An ``AxesImage`` of cells (nearest neighbours, origin 'upper') pasted without resampling."""

    def draw(self, renderer):
        if not self._pastes(renderer):
            return super().draw(renderer)
        block = self._block(renderer)
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
        return px0, py0, self._colours()[rows[:, None], cols[None, :]]

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
