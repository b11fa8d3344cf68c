"""Widget-free rendering for the explorers: a figure on an Agg canvas, and its frame as PNG bytes.

A live picture ships every frame as PNG bytes, so the PNG encoder here is tuned for flat pictures
(no row filters, fast zlib). Labels are drawn by :mod:`convlesson.pictures.fast_text`. Nothing in this
module knows about widgets (those live in :mod:`convlesson.explorers`).
"""

from __future__ import annotations

import struct
import zlib

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = ["new_figure", "render_png", "png_bytes", "still_png"]


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
    """A Figure of ``width_px x height_px`` pixels at ``dpi`` on an Agg canvas, made without pyplot."""
    fig = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


def render_png(fig: Figure) -> bytes:
    """Draw ``fig`` on its canvas and return the frame as PNG bytes (see :func:`png_bytes`)."""
    canvas = fig.canvas
    canvas.draw()
    return png_bytes(np.asarray(canvas.buffer_rgba()))


def still_png(fig: Figure) -> bytes:
    """The figure's last frame as a smaller PNG (row filters, zlib level 6): for pictures that are stored.

    A live frame favours speed (:func:`png_bytes`); a picture stored in a notebook is written once and
    read many times, so it is worth about 20 ms to make it a third smaller.
    """
    import io

    from PIL import Image

    rgba = np.asarray(fig.canvas.buffer_rgba())
    out = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgba[..., :3])).save(out, format="png", compress_level=6)
    return out.getvalue()
