"""Widget-free rendering for the explorers: a figure on an Agg canvas, and its frame as PNG bytes.

A live picture ships every frame as PNG bytes, so the PNG encoder here is tuned for flat pictures
(no row filters, fast zlib). Most moves change a part of the picture only (a step moves a window and
fills one more cell), so :class:`BandedPng` encodes a frame in bands of rows and deflates again only
the bands whose pixels changed since the last frame. Labels are drawn by
:mod:`convlesson.pictures.fast_text`. Nothing in this module knows about widgets (those live in
:mod:`convlesson.explorers`).
"""

from __future__ import annotations

import itertools
import struct
import weakref
import zlib

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..core.bounded_cache import BoundedCache

__all__ = ["new_figure", "render_png", "png_bytes", "still_png", "BandedPng"]


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


# ----------------------------------------------------------------------------- frames by bands of rows
#: The most bytes of last frames kept to compare the next frame with (one canvas, 2-4 MB, per live
#: picture): a picture whose last frame was forgotten encodes its next frame whole, the same bytes.
LAST_FRAME_BYTES = 8 * 2**20
_last_frames = BoundedCache(LAST_FRAME_BYTES)  # encoder number -> the RGBA pixels it encoded last
_numbers = itertools.count()
_ADLER = 65521
_END = b"\x03\x00"  # a last, empty deflate block (fixed codes): the bands' blocks are not final


def adler32_combine(a1: int, a2: int, len2: int) -> int:
    """The Adler-32 of ``A + B`` from those of ``A`` and ``B`` and ``len(B)`` (zlib's adler32_combine)."""
    rem = len2 % _ADLER
    s1 = a1 & 0xFFFF
    s2 = (rem * s1) % _ADLER
    s1 = (s1 + (a2 & 0xFFFF) + _ADLER - 1) % _ADLER
    s2 = (s2 + ((a1 >> 16) & 0xFFFF) + ((a2 >> 16) & 0xFFFF) + _ADLER - rem) % _ADLER
    return s1 | (s2 << 16)


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


class BandedPng:
    """PNG frames of one live picture, encoded in bands of :attr:`ROWS` rows; unchanged bands are kept.

    Each band is deflated on its own (zlib level 1, no row filters, like :func:`png_bytes`), ends on a
    byte boundary (``Z_SYNC_FLUSH``) and is stored in an IDAT chunk of its own, so a frame is the
    bands' chunks in order, then an empty last block and the Adler-32 of every row (combined from the
    bands'). A band is deflated again only when its pixels differ from the last frame's, compared
    byte for byte: the PNG depends on the pixels alone, never on which bands were kept, so a frame
    made from kept bands is byte for byte the one :meth:`encode` makes from scratch.

    Memory: the kept bands (one compressed frame) and, to compare with, the last frame's pixels in a
    cache shared by every picture and bounded by bytes (:data:`LAST_FRAME_BYTES`).
    """

    ROWS = 16

    def __init__(self):
        self.key = next(_numbers)
        self.bands: list = []  # per band: (IDAT chunk, Adler-32 of its raw rows, raw length) or None
        weakref.finalize(self, _last_frames.discard, self.key)  # let go of the pixels with the encoder

    def encode(self, rgba: np.ndarray) -> bytes:
        """The PNG (RGB, 8 bits) of an ``(h, w, 4)`` uint8 frame."""
        rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
        h, w, _ = rgba.shape
        n = -(-h // self.ROWS)
        last = _last_frames.get(self.key)
        keep = [False] * n
        if last is not None and last.shape[1] == w and self.bands:
            rows = min(h, last.shape[0])  # rows count from the top: a taller or shorter frame keeps its top
            same = _same_rows(last[:rows], rgba[:rows])
            for b in range(min(n, len(self.bands), -(-rows // self.ROWS))):
                r0, r1 = b * self.ROWS, min((b + 1) * self.ROWS, h)
                # a whole band in both frames (not the last, shorter band of either) whose rows are the same
                keep[b] = r1 <= rows and r1 - r0 == min((b + 1) * self.ROWS, last.shape[0]) - r0
                keep[b] = keep[b] and bool(same[r0:r1].all())
        bands = [self.bands[b] if keep[b] else None for b in range(n)]
        for b in range(n):
            if bands[b] is None:
                bands[b] = _band(rgba, b * self.ROWS, min((b + 1) * self.ROWS, h))
        self.bands = bands
        if last is not None and last.shape == rgba.shape:  # the kept copy brought up to date where it differs
            for b in range(n):
                if not keep[b]:
                    last[b * self.ROWS : (b + 1) * self.ROWS] = rgba[b * self.ROWS : (b + 1) * self.ROWS]
        else:
            _last_frames.put(self.key, rgba.copy())
        adler = 1
        parts = [b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))]
        parts.append(_chunk(b"IDAT", b"\x78\x01"))  # the zlib header: deflate, 32 KB window, level 1
        for chunk, band_adler, length in bands:
            parts.append(chunk)
            adler = adler32_combine(adler, band_adler, length)
        parts.append(_chunk(b"IDAT", _END + struct.pack(">I", adler)))
        parts.append(_chunk(b"IEND", b""))
        return b"".join(parts)


def _same_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per row, whether two ``(h, w, 4)`` uint8 images hold the same bytes (a pixel compared as one
    4-byte number)."""
    return (a.view(np.uint32)[..., 0] == b.view(np.uint32)[..., 0]).all(axis=1)


def _band(rgba: np.ndarray, r0: int, r1: int) -> tuple[bytes, int, int]:
    """Rows ``r0:r1`` as PNG scanlines (filter byte 0, RGB), deflated on their own into an IDAT chunk."""
    h, w = r1 - r0, rgba.shape[1]
    raw = np.zeros((h, w * 3 + 1), np.uint8)
    rgb = raw[:, 1:].reshape(h, w, 3)
    for channel in range(3):
        rgb[:, :, channel] = rgba[r0:r1, :, channel]
    deflate = zlib.compressobj(1, zlib.DEFLATED, -15)
    data = deflate.compress(memoryview(raw)) + deflate.flush(zlib.Z_SYNC_FLUSH)
    return _chunk(b"IDAT", data), zlib.adler32(memoryview(raw)), raw.size
