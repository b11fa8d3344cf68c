"""Widget-free rendering for the explorers: an Agg canvas that caches label bitmaps, and PNG bytes.

A live picture redraws the same labels frame after frame and ships each frame as PNG bytes, so
the two costs worth shaving are text rasterising and PNG compression; both are handled here.
Nothing in this module knows about widgets (those live in :mod:`convlesson.explorers`).
"""

from __future__ import annotations

import struct
import zlib

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.figure import Figure

__all__ = ["new_figure", "render_png", "png_bytes"]


class _TextCachingRenderer(RendererAgg):
    """Agg renderer that keeps each label's rendered bitmap, keyed by text, font, dpi and antialiasing.

    Frames redraw the same labels over and over; rendering them glyph by glyph each time is most of
    a frame's cost. Rotated text and mathtext take Agg's usual path.
    """

    _cache: dict = {}
    _CACHE_MAX = 4000

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or angle % 360:
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        key = (s, hash(prop), self.dpi, gc.get_antialiased())
        hit = self._cache.get(key)
        if hit is None:
            font = self._prepare_font(prop)
            font.set_text(s, 0, flags=get_hinting_flag())
            font.draw_glyphs_to_bitmap(antialiased=gc.get_antialiased())
            xo, yo = font.get_bitmap_offset()
            hit = (np.asarray(font.get_image()).copy(), xo / 64, yo / 64, font.get_descent() / 64)
            if len(self._cache) >= self._CACHE_MAX:
                self._cache.clear()
            self._cache[key] = hit
        img, xo, yo, descent = hit
        self._renderer.draw_text_image(img, round(x + xo), round(y + yo + descent) + 1, 0, gc)


class Canvas(FigureCanvasAgg):
    """FigureCanvasAgg drawing with :class:`_TextCachingRenderer` (labels rasterised once)."""

    def get_renderer(self):
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = _TextCachingRenderer(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer


def png_bytes(rgba: np.ndarray) -> bytes:
    """An RGB PNG of an ``(h, w, 4)`` uint8 image: no row filters, zlib level 1 (fast; pictures are flat)."""
    h, w, _ = rgba.shape
    raw = np.zeros((h, w * 3 + 1), np.uint8)  # column 0: filter type None for every row
    rgb = raw[:, 1:].reshape(h, w, 3)  # a view into raw
    for channel in range(3):  # one plane at a time: much faster than copying the strided RGB at once
        rgb[:, :, channel] = rgba[:, :, channel]

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(memoryview(raw), 1))
        + chunk(b"IEND", b"")
    )


def new_figure(width_px: int, height_px: int, dpi: float) -> Figure:
    """A Figure of ``width_px x height_px`` pixels at ``dpi`` with a :class:`Canvas`, made without pyplot."""
    fig = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
    Canvas(fig)
    return fig


def render_png(fig: Figure) -> bytes:
    """Draw ``fig`` on its canvas and return the frame as PNG bytes (see :func:`png_bytes`)."""
    canvas = fig.canvas
    canvas.draw()
    return png_bytes(np.asarray(canvas.buffer_rgba()))
