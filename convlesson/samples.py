"""Sample inputs and classic kernels for the lessons.

``photo()`` is matplotlib's bundled portrait of Grace Hopper (no download), shrunk to a size
that sweeps quickly; ``synthetic_channels()`` makes any number of distinct, deterministic
channels; ``small_grid()`` makes the small integer images whose numbers stay legible in a sweep.
Classic kernels are introduced in ``03_kernels``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

import numpy as np

from .conv import check_size
from .shapes import _is_int, as_seed, show

__all__ = ["photo", "synthetic_channels", "small_grid", "CLASSIC_KERNELS", "classic_kernel", "RGB_NAMES"]

RGB_NAMES = ("R", "G", "B")

#: The classic kernels by name, read-only (a mapping, and read-only arrays); ``classic_kernel(name)``
#: gives a copy to change.
CLASSIC_KERNELS: Mapping[str, np.ndarray] = {
    "identity": np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=float),
    "box blur": np.full((3, 3), 1 / 9),
    "gaussian blur": np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]], dtype=float) / 16,
    "sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=float),
    "sobel x": np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=float),
    "sobel y": np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=float),
    "laplacian": np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=float),
}
for _k in CLASSIC_KERNELS.values():
    _k.setflags(write=False)
CLASSIC_KERNELS = MappingProxyType(CLASSIC_KERNELS)


def classic_kernel(name: str) -> np.ndarray:
    """A copy of the classic 3x3 kernel called ``name`` (see ``CLASSIC_KERNELS``), any case."""
    choices = ", ".join(repr(k) for k in CLASSIC_KERNELS)
    if not isinstance(name, str):
        raise TypeError(
            f"name must be the name of a kernel as a str, got {show(name)} ({type(name).__name__}); "
            f"choose one of {choices}"
        )
    key = name.lower()
    if key not in CLASSIC_KERNELS:
        raise ValueError(f"name {name!r} is not a classic kernel; choose one of {choices}")
    return CLASSIC_KERNELS[key].copy()


def _check_size(size, name="size", minimum=1, maximum=None):
    if not _is_int(size):
        raise TypeError(
            f"{name} must be an int of at least {minimum}, got {show(size)} ({type(size).__name__}); "
            f"for example {name}={max(minimum, 5)}"
        )
    if size < minimum:
        raise ValueError(f"{name} must be an int of at least {minimum}, got {show(size)}")
    if maximum is not None and size > maximum:
        raise ValueError(f"{name} must be an int from {minimum} to {maximum}, got {show(size)}")
    return int(size)


@lru_cache(maxsize=8)
def _photo(size: int) -> np.ndarray:
    from matplotlib import cbook
    from PIL import Image

    with cbook.get_sample_data("grace_hopper.jpg") as fh:
        img = Image.open(fh).convert("RGB")
        # a square crop around the face, then shrink
        w, h = img.size
        side = min(w, h)
        top = max(0, int(0.05 * h))
        img = img.crop(((w - side) // 2, top, (w - side) // 2 + side, min(h, top + side)))
        # Pillow 9.1 moved the filters into Image.Resampling (and deprecated Image.LANCZOS for a while)
        img = img.resize((size, size), getattr(Image, "Resampling", Image).LANCZOS)
    arr = np.asarray(img, dtype=float) / 255.0
    arr.setflags(write=False)
    return arr


def photo(size: int = 64) -> np.ndarray:
    """Grace Hopper's portrait (bundled with matplotlib) as a ``(size, size, 3)`` RGB array in [0, 1]."""
    size = _check_size(size, minimum=4)
    check_size("photo", size * size * 3, np.dtype(float), (size, size, 3), advice="use a smaller size")
    return _photo(size).copy()


def synthetic_channels(size: int = 16, c_in: int = 3, seed: int = 0) -> np.ndarray:
    """``(size, size, c_in)`` channels, each a different simple pattern in [0, 1].

    Stripes, a disc, a gradient and a checkerboard cycle through the channels, with a little
    seeded noise so no two channels are equal.
    """
    size = _check_size(size)
    c_in = _check_size(c_in, "c_in")
    seed = as_seed(seed)
    shape = (size, size, c_in)
    check_size("channels", size * size * c_in, np.dtype(float), shape, advice="use a smaller size or c_in")
    yy, xx = np.mgrid[0:size, 0:size] / max(size - 1, 1)
    patterns = [
        (xx + yy) / 2,
        ((xx - 0.5) ** 2 + (yy - 0.5) ** 2 < 0.1).astype(float),
        0.5 + 0.5 * np.sin(2 * np.pi * 3 * xx),
        ((np.floor(xx * 4) + np.floor(yy * 4)) % 2).astype(float),
        0.5 + 0.5 * np.cos(2 * np.pi * 2 * yy),
        np.abs(xx - yy),
        (np.abs(xx - 0.5) < 0.15).astype(float),
        (np.abs(yy - 0.5) < 0.15).astype(float),
    ]
    rng = np.random.default_rng(seed)
    chans = [patterns[c % len(patterns)] for c in range(c_in)]
    out = np.stack(chans, axis=-1) + rng.uniform(-0.08, 0.08, size=(size, size, c_in))
    return np.clip(out, 0.0, 1.0)


def small_grid(size: int = 5, seed: int = 0, high: int = 3) -> np.ndarray:
    """A ``(size, size)`` single channel of small integers ``0..high`` (as floats), for sweeps by hand.

    ``high`` is at least 1 and at most ``2**53`` (the largest int every float holds exactly).
    """
    size = _check_size(size)
    seed = as_seed(seed)
    high = _check_size(high, "high", minimum=1, maximum=2**53)
    check_size("grid", size * size, np.dtype(float), (size, size), advice="use a smaller size")
    rng = np.random.default_rng(seed)
    return rng.integers(0, high + 1, size=(size, size)).astype(float)
