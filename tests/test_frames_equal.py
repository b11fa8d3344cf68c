"""A live frame made the fast way shows exactly the pixels of a full redraw.

The fast way (an explorer's default) keeps what it drew last: label stamps made from kept glyph bitmaps,
grids' pasted pixels, and the PNG's bands, of which only those whose pixels changed are deflated again.
The full redraw (``FRAMES = "full"``) draws every frame whole with none of those caches, with module
caches of its own, made empty for the test, and encodes it with ``png_bytes``. The two PNGs are
different zlib streams (one stream against one per band), so they are compared DECODED, pixel for
pixel (Pillow, an independent decoder), over random control sequences of every explorer in normal and
lecture mode; and the fast frame's bytes are compared with a :class:`BandedPng` made afresh from the same
pixels (a frame made from kept bands is byte for byte one encoded from scratch).
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from contextlib import contextmanager

import numpy as np
import pytest
from live_helpers import module_caches, spec_value
from PIL import Image

import convlesson as cl
from convlesson.core.bounded_cache import BoundedCache
from convlesson.explorers.controls import BadType, BadValue
from convlesson.explorers.frames import FrameLoop
from convlesson.pictures import render
from convlesson.pictures.render import BandedPng, adler32_combine

CLASSES = [getattr(cl, name) for name in cl._EXPLORERS]
MOVES = 14


def _decoded(png: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(png)) as im:
        assert im.mode == "RGB"
        return np.asarray(im).copy()


# ----------------------------------------------------------------------------- the encoder alone
def test_adler32_combine_agrees_with_zlib_on_the_concatenation():
    rng = np.random.default_rng(0)
    for _ in range(200):
        a = rng.integers(0, 256, int(rng.integers(0, 3000)), np.uint8).tobytes()
        b = rng.integers(0, 256, int(rng.integers(0, 70000)), np.uint8).tobytes()
        assert adler32_combine(zlib.adler32(a), zlib.adler32(b), len(b)) == zlib.adler32(a + b)


def _frame(rng, h, w) -> np.ndarray:
    """A flat picture with a few blocks and some noise, like a frame (RGBA, alpha 255)."""
    img = np.full((h, w, 4), 255, np.uint8)
    for _ in range(6):
        y, x = int(rng.integers(0, h)), int(rng.integers(0, w))
        img[y : y + int(rng.integers(1, 40)), x : x + int(rng.integers(1, 90)), :3] = rng.integers(0, 256, 3)
    noise = rng.random((h, w)) < 0.01
    img[noise, :3] = rng.integers(0, 256, (int(noise.sum()), 3))
    return img


def test_banded_frames_decode_to_their_pixels_and_equal_a_fresh_encoding():
    """Random edits, taller and shorter frames, a new width: every frame decodes to its pixels, and
    the bytes made with the kept bands are those a new encoder makes from the same pixels."""
    rng = np.random.default_rng(1)
    png = BandedPng()
    img = _frame(rng, 203, 120)
    kept_somewhere = 0
    for i in range(60):
        kind = i % 6
        if kind in (0, 1, 2):  # a few pixels or a block changed
            y, x = int(rng.integers(0, img.shape[0])), int(rng.integers(0, img.shape[1]))
            img = img.copy()
            img[y : y + int(rng.integers(1, 20)), x : x + 5, :3] = rng.integers(0, 256, 3)
        elif kind == 3:  # taller or shorter, the top the same
            h = int(rng.integers(1, 260))
            grown = _frame(rng, h, img.shape[1])
            rows = min(h, img.shape[0])
            grown[:rows] = img[:rows]
            img = grown
        elif kind == 4 and i % 12 == 4:  # another width
            img = _frame(rng, int(rng.integers(1, 200)), int(rng.integers(1, 150)))
        before = [b for b in png.bands]
        out = png.encode(img)
        kept_somewhere += sum(any(b is k for k in before) for b in png.bands)
        assert out == BandedPng().encode(img)
        assert np.array_equal(_decoded(out), img[..., :3])
        assert zlib.decompress(b"".join(_idat(out)))  # one valid zlib stream, checksum included
    assert kept_somewhere > 100  # the bands were kept, not all encoded again


def _idat(png: bytes) -> list[bytes]:
    """The data of every IDAT chunk, each chunk's CRC checked."""
    out, i = [], 8
    while i < len(png):
        (n,) = struct.unpack(">I", png[i : i + 4])
        kind, data = png[i + 4 : i + 8], png[i + 8 : i + 8 + n]
        (crc,) = struct.unpack(">I", png[i + 8 + n : i + 12 + n])
        assert crc == zlib.crc32(kind + data) & 0xFFFFFFFF
        if kind == b"IDAT":
            out.append(data)
        i += 12 + n
    return out


def test_a_forgotten_last_frame_only_costs_a_whole_encoding(monkeypatch):
    monkeypatch.setattr(render, "_last_frames", BoundedCache(1000))  # smaller than any frame
    rng = np.random.default_rng(2)
    png = BandedPng()
    for _ in range(3):
        img = _frame(rng, 50, 40)
        assert png.encode(img) == BandedPng().encode(img)


# ----------------------------------------------------------------------------- the explorers
class _Caches:
    """Module caches of one path, swapped in while that path draws (the reference shares none)."""

    def __init__(self):
        self.own = {(m, n): BoundedCache(getattr(m, n).max_bytes, getattr(m, n)._size) for m, n in _CACHES}

    @contextmanager
    def active(self):
        saved = {(m, n): getattr(m, n) for m, n in self.own}
        for (m, n), cache in self.own.items():
            setattr(m, n, cache)
        try:
            yield
        finally:
            for (m, n), cache in saved.items():
                setattr(m, n, cache)


_CACHES = module_caches()


def _moves(cls, ex, rng: random.Random, n: int) -> list[dict]:
    """Random moves: one control (often ``step``, a neighbour or anywhere), sometimes two at once."""
    out = []
    names = list(cls.SPECS)
    for _ in range(n):
        move = {}
        for _ in range(1 if rng.random() < 0.8 else 2):
            name = "step" if "step" in names and rng.random() < 0.4 else rng.choice(names)
            move[name] = spec_value(cls.SPECS[name], rng)
        out.append(move)
    return out


def _apply(ex, move: dict) -> bool:
    try:
        if len(move) == 1:
            ((name, value),) = move.items()
            ex.controls[name].value = value  # as a slider does it
        else:
            ex.set(**move)
    except (BadValue, BadType):
        return False
    return True


def _same_frames(fast, full, where: str) -> None:
    assert fast.state == full.state, where
    png = fast.image.value
    reference = _decoded(full.image.value)
    pixels = _decoded(png)
    assert pixels.shape == reference.shape, f"{where}: {pixels.shape} vs {reference.shape}"
    differ = np.argwhere((pixels != reference).any(axis=2))
    assert not len(differ), f"{where}: {len(differ)} pixels differ, first at (row, col) {tuple(differ[0])}"
    rgba = np.asarray(fast.figure.canvas.buffer_rgba())
    assert png == BandedPng().encode(rgba), f"{where}: kept bands give other bytes than a fresh encoding"


def _pair(cls, kw, full_caches):
    fast = cls(**kw)
    with full_caches.active():
        saved, FrameLoop.FRAMES = FrameLoop.FRAMES, "full"
        try:
            full = cls(**kw)
        finally:
            FrameLoop.FRAMES = saved
        full.FRAMES = "full"  # every later frame too
    assert fast.FRAMES == "changed" and full.FRAMES == "full"
    return fast, full


@pytest.mark.parametrize("mode", ["normal", "lecture"])
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_random_moves_give_the_pixels_of_a_full_redraw(cls, mode):
    rng = random.Random(f"{cls.__name__} {mode}")
    full_caches = _Caches()
    cl.lecture_mode(mode == "lecture")
    try:
        fast, full = _pair(cls, {}, full_caches)
        _same_frames(fast, full, f"{cls.__name__} {mode}, first frame")
        drawn = 0
        for i, move in enumerate(_moves(cls, fast, rng, MOVES)):
            if i == MOVES // 2:  # the other mode, half way: every explorer redraws at its next frame
                cl.lecture_mode(mode != "lecture")
            ok = _apply(fast, move)
            with full_caches.active():
                assert _apply(full, move) == ok
            if ok:
                drawn += 1
                _same_frames(fast, full, f"{cls.__name__} {mode}, move {i} {move}")
        assert drawn >= MOVES // 3
        fast.close()
        with full_caches.active():
            full.close()
    finally:
        cl.lecture_mode(False)


@pytest.mark.parametrize("view", ["numbers", "3-D"])
def test_play_at_the_largest_sweep_gives_the_pixels_of_a_full_redraw(view):
    """Play's steps (one window further, one more output cell), the frames that keep most bands."""
    kw = {"c_in": 4, "filters": 3, "kernel_size": 5, "input_size": 8, "padding": "full", "view": view}
    full_caches = _Caches()
    fast, full = _pair(cl.FilterSweep, kw, full_caches)
    last = fast.controls["step"].max
    for step in [*range(1, 24), last - 1, last, 0]:
        fast.controls["step"].value = step
        with full_caches.active():
            full.controls["step"].value = step
        _same_frames(fast, full, f"Play {view}, step {step}")
