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

from . import stable
from .bounded_cache import BoundedCache
from .conv import check_size
from .language import catalog
from .shapes import _is_int, as_seed, show

__all__ = [
    "photo",
    "scene",
    "scene_channel_names",
    "synthetic_channels",
    "small_grid",
    "CLASSIC_KERNELS",
    "classic_kernel",
    "RGB_NAMES",
    "NAMED_FILTERS",
    "named_filter",
    "filter_bank",
    "filter_label",
]

say = catalog("core")

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
        raise TypeError(say("classic.type", value=show(name), kind=type(name).__name__, choices=choices))
    key = name.lower()
    if key not in CLASSIC_KERNELS:
        raise ValueError(say("classic.unknown", value=repr(name), choices=choices))
    return CLASSIC_KERNELS[key].copy()


def _check_size(size, name="size", minimum=1, maximum=None):
    if not _is_int(size):
        raise TypeError(
            say(
                "count.type",
                name=name,
                minimum=minimum,
                value=show(size),
                kind=type(size).__name__,
                example=max(minimum, 5),
            )
        )
    if size < minimum:
        raise ValueError(say("count.small", name=name, minimum=minimum, value=show(size)))
    if maximum is not None and size > maximum:
        raise ValueError(say("count.range", name=name, minimum=minimum, maximum=maximum, value=show(size)))
    return int(size)


@lru_cache(maxsize=1)
def _portrait():
    """The portrait decoded once (a slider through every size would decode the JPEG at every step):
    a square crop around the face, as a Pillow image that is only ever resized, never changed."""
    from matplotlib import cbook
    from PIL import Image

    with cbook.get_sample_data("grace_hopper.jpg") as fh:
        img = Image.open(fh).convert("RGB")
        w, h = img.size
        side = min(w, h)
        top = max(0, int(0.05 * h))
        return img.crop(((w - side) // 2, top, (w - side) // 2 + side, min(h, top + side)))


#: The most bytes of resized portraits kept (as bytes): resizing costs a few milliseconds and a slider
#: passes the same sizes again; 1 MB holds the sizes near the last one (every size from 8 to 128 would
#: take 2.1 MB).
PHOTO_BYTES = 2**20
_photos = BoundedCache(PHOTO_BYTES)  # size -> the portrait resized to it, (size, size, 3) uint8


def _resized(size: int) -> np.ndarray:
    """The portrait resized to ``size``: ``(size, size, 3)`` bytes, made afresh."""
    from PIL import Image

    # Pillow 9.1 moved the filters into Image.Resampling (and deprecated Image.LANCZOS for a while)
    return np.asarray(_portrait().resize((size, size), getattr(Image, "Resampling", Image).LANCZOS))


def _photo_bytes(size: int) -> np.ndarray:
    """:func:`_resized`, kept while there is room (never changed in place)."""
    arr = _photos.get(size)
    if arr is None:
        arr = _resized(size)
        arr.setflags(write=False)
        _photos.put(size, arr)
    return arr


def photo(size: int = 64) -> np.ndarray:
    """Grace Hopper's portrait (bundled with matplotlib) as a ``(size, size, 3)`` RGB array in [0, 1]."""
    size = _check_size(size, minimum=4)
    check_size(
        say("what.photo"), size * size * 3, np.dtype(float), (size, size, 3), advice=say("advice.size")
    )
    return _photo_bytes(size) / 255.0  # a new array: the kept bytes are never handed out


def synthetic_channels(size: int = 16, c_in: int = 3, seed: int = 0) -> np.ndarray:
    """``(size, size, c_in)`` channels, each a different simple pattern in [0, 1].

    Stripes, a disc, a gradient and a checkerboard cycle through the channels, with a little
    seeded noise so no two channels are equal.
    """
    size = _check_size(size)
    c_in = _check_size(c_in, "c_in")
    seed = as_seed(seed)
    shape = (size, size, c_in)
    check_size(
        say("what.channels"), size * size * c_in, np.dtype(float), shape, advice=say("advice.size_c_in")
    )
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
    check_size(say("what.grid"), size * size, np.dtype(float), (size, size), advice=say("advice.size"))
    rng = np.random.default_rng(seed)
    return rng.integers(0, high + 1, size=(size, size)).astype(float)


# ----------------------------------------------------------------------------- a colourful scene
#: The scene's shapes: (what, colour RGB, inside(u, v) on the unit square, u across, v down).
_SHAPES = (
    ("red disc", (0.92, 0.12, 0.10), lambda u, v: (u - 0.3) ** 2 + (v - 0.3) ** 2 < 0.2**2),
    ("green square", (0.10, 0.78, 0.22), lambda u, v: (0.58 < u) & (u < 0.88) & (0.12 < v) & (v < 0.42)),
    ("blue bar", (0.15, 0.30, 0.95), lambda u, v: (0.10 < u) & (u < 0.50) & (0.62 < v) & (v < 0.88)),
    ("yellow diamond", (0.90, 0.90, 0.10), lambda u, v: np.abs(u - 0.72) + np.abs(v - 0.72) < 0.19),
)
_BACKGROUND = (0.08, 0.08, 0.12)
_SUPERSAMPLE = 4  # sub-pixels per pixel and axis: smooth edges at every size


def scene_channel_names(c_in: int) -> list[str]:
    """``R``, ``G``, ``B`` for the scene's first three channels, then ``c3``, ``c4``, ... ."""
    c_in = _check_size(c_in, "c_in")
    return [("R", "G", "B")[c] if c < 3 else f"c{c}" for c in range(c_in)]


@lru_cache(maxsize=32)
def _scene(size: int, c_in: int, levels: int | None) -> np.ndarray:
    n = size * _SUPERSAMPLE
    v, u = (np.mgrid[0:n, 0:n] + 0.5) / n
    rgb = np.empty((n, n, 3))
    rgb[:] = _BACKGROUND
    for _, colour, inside in _SHAPES:
        rgb[inside(u, v)] = colour
    extra = [
        0.5 + 0.5 * np.sin(2 * np.pi * 3 * u),  # stripes across
        v,  # a gradient downwards
        ((np.floor(u * 4) + np.floor(v * 4)) % 2).astype(float),  # a checkerboard
        (np.abs(np.hypot(u - 0.5, v - 0.5) - 0.3) < 0.07).astype(float),  # a ring
        1.0 - u,  # a gradient leftwards
    ]
    fine = [rgb[..., c] if c < 3 else extra[(c - 3) % len(extra)] for c in range(c_in)]
    # each channel averaged on its own, so a channel's numbers never depend on how many there are
    img = np.stack(
        [f.reshape(size, _SUPERSAMPLE, size, _SUPERSAMPLE).mean(axis=(1, 3)) for f in fine], axis=-1
    )
    if levels is not None:
        img = np.round(img * levels)
    img.setflags(write=False)
    return img


def scene(size: int = 48, c_in: int = 3, levels: int | None = None) -> np.ndarray:
    """A colourful picture made of shapes: a red disc, a green square, a blue bar, a yellow diamond.

    Channels 0, 1, 2 are its red, green and blue; channels 3 and up (for ``c_in`` > 3) are extra
    patterns (stripes, gradients, a checkerboard, a ring). Channel ``c`` is the same whatever
    ``c_in`` is: asking for more channels only adds channels. Each colour tells a different story
    per channel (yellow is as red as it is green), which is what a filter that mixes channels sees.

    Parameters
    ----------
    size : int
        Height and width in pixels (at least 3).
    c_in : int
        Number of channels.
    levels : int, optional
        Whole numbers ``0..levels`` instead of values in ``[0, 1]`` (``levels=3`` gives the small
        numbers a sweep is checked with by hand).

    Returns
    -------
    numpy.ndarray
        ``(size, size, c_in)``, float.

    Introduced in ``04_many_channels``.
    """
    size = _check_size(size, minimum=3)
    c_in = _check_size(c_in, "c_in")
    if levels is not None:
        levels = _check_size(levels, "levels", minimum=1, maximum=255)
    shape = (size, size, c_in)
    n = size * _SUPERSAMPLE
    check_size(
        say("what.scene"), n * n * max(c_in, 3), np.dtype(float), shape, advice=say("advice.size_c_in")
    )
    return _scene(size, c_in, levels).copy()


# ----------------------------------------------------------------------------- named filters
#: The named filters, in the order a layer holds them; filters after these are random. Each uses every
#: channel: a kernel of its own on R, G and B, so that every channel adds its part to the sum.
NAMED_FILTERS = ("yellow minus blue", "yellow-blue edges", "brightness blur")

#: The sign of each colour channel's kernel in the two yellow/blue filters: yellow is red and green
#: light together, blue its opponent. Channels after B (not colours) take the pattern with +.
_YELLOW_BLUE = (1.0, 1.0, -1.0)


def _edge(k: int) -> np.ndarray:
    """-1 on the left columns, +1 on the right ones (0 in the middle one): bright-to-the-right edges."""
    cols = np.sign(np.arange(k) - (k - 1) / 2)
    return np.tile(cols, (k, 1))


def named_filter(name: str, kernel_size: int, c_in: int) -> np.ndarray:
    """One named filter ``(k, k, C_in)`` of whole numbers (kernel ``c`` depends on the name, ``k``, ``c``).

    Every kernel of a named filter holds non-zero weights, so every channel adds its part:

    * ``'yellow minus blue'``: a box of +1 on R and on G, of -1 on B -- the yellow/blue opponent
      of colour vision (yellow is red and green light together): yellow things come out most
      positive, red and green ones positive, blue ones negative;
    * ``'yellow-blue edges'``: an edge kernel (-1 left, +1 right) on R and on G, the opposite edge
      on B: a colour-opponent edge, positive where the picture turns more yellow and less blue
      from left to right;
    * ``'brightness blur'``: the same box of ones on every channel: it adds the channels up.

    Channels after B (the scene's extra patterns) take the filter's pattern with a + sign. With
    ``kernel_size`` 1 an edge has no room: ``'yellow-blue edges'`` is then ``[[±1]]`` like
    ``'yellow minus blue'``.
    """
    if name not in NAMED_FILTERS:
        raise ValueError(say("named.unknown", choices=", ".join(map(repr, NAMED_FILTERS)), value=show(name)))
    k = _check_size(kernel_size, "kernel_size")
    c_in = _check_size(c_in, "c_in")
    signs = np.array([_YELLOW_BLUE[c] if c < 3 else 1.0 for c in range(c_in)])
    if name == "yellow minus blue":
        return np.ones((k, k, 1)) * signs
    if name == "yellow-blue edges":
        pattern = _edge(k) if k > 1 else np.ones((1, 1))
        return pattern[..., None] * signs
    return np.ones((k, k, c_in))


def filter_label(name: str) -> str:
    """A named filter's name (one of :data:`NAMED_FILTERS`, or ``'random'``) in the language in use.

    The names themselves stay the keys a program passes (``named_filter('yellow minus blue', ...)``);
    this is how a picture or a menu writes them.
    """
    if name not in (*NAMED_FILTERS, "random"):
        raise ValueError(
            say("named.unknown", choices=", ".join(map(repr, (*NAMED_FILTERS, "random"))), value=show(name))
        )
    return say(f"filter.{name}")


def filter_bank(kernel_size: int, c_in: int, filters: int, weights: str = "named", seed: int = 0):
    """A layer's weights ``(k, k, C_in, filters)`` of small whole numbers, and each filter's name.

    The names are for a picture to write, in the language in use (see :func:`filter_label`).

    ``weights='named'``: filter ``j`` is ``NAMED_FILTERS[j]`` (see :func:`named_filter`) while there
    are names left, then random; ``weights='random'``: every kernel random, from -1, 0 and 1. A
    random kernel ``(j, c)`` depends only on ``seed``, ``j``, ``c`` and the kernel size, so adding a
    filter or a channel never changes the others.
    """
    if weights not in ("named", "random"):
        raise ValueError(say("named.weights", value=show(weights)))
    k = _check_size(kernel_size, "kernel_size")
    c_in = _check_size(c_in, "c_in")
    filters = _check_size(filters, "filters")
    j, c, r, q = np.meshgrid(np.arange(filters), np.arange(c_in), np.arange(k), np.arange(k), indexing="ij")
    out = stable.integers(as_seed(seed), "small kernel", -1, 1, j, c, k, r, q).astype(float)
    out = out.transpose(2, 3, 1, 0).copy()  # (k, k, C_in, filters)
    names = []
    for f in range(filters):
        if weights == "named" and f < len(NAMED_FILTERS):
            out[..., f] = named_filter(NAMED_FILTERS[f], k, c_in)
            names.append(filter_label(NAMED_FILTERS[f]))
        else:
            names.append(filter_label("random"))
    return out, names
