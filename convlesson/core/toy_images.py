"""Small RGB pictures for the toy CNN: red or green, stripes or a disc.

Every class is a colour (red or green) times a shape (vertical stripes, horizontal stripes, a
disc), so a network has to see both. Colour cannot be read from one channel: the background and
the shape get independent random brightnesses, so a red shape can be darker *or* brighter than
its background in R. What always holds is that red has more R than G and green more G than R --
the first layer has to subtract one channel from another (a colour-opponent filter). Shape needs
edges: vertical and horizontal stripes have the same colours and the same amount of them, and only
differ in the direction their edges run.

Every picture is drawn from ``numpy.random.default_rng(seed)``: the same seed gives the same
pictures on every machine.
"""

from __future__ import annotations

import numpy as np

from .language import catalog
from .shapes import _positive_int, as_seed, show

__all__ = ["CLASS_NAMES", "COLOURS", "SHAPES", "toy_images", "class_label"]

say = catalog("core")

#: The two colours, as which channel is high: red = (1, low, low), green = (low, 1, low).
COLOURS = ("red", "green")
#: The three shapes.
SHAPES = ("vertical stripes", "horizontal stripes", "disc")
#: Class ``k`` is ``COLOURS[k % 2]`` and ``SHAPES[k // 2]``: "red vertical stripes", ...
CLASS_NAMES = tuple(f"{colour} {shape}" for shape in SHAPES for colour in COLOURS)

#: The most pictures one call draws (100,000 16 x 16 pictures take 600 MB).
MAX_PICTURES = 100_000
#: Brightness ranges (0..1) of the background and of the coloured shape, drawn independently.
_BACKGROUND = (0.1, 0.8)
_SHAPE = (0.35, 1.0)
#: The two "low" channels of a colour are this fraction of its high channel (the hue jitter).
_LOW = (0.0, 0.35)
#: Each background channel is tinted by up to this much, and every pixel gets Gaussian noise.
_TINT = 0.05
_NOISE = 0.04


def _stripes(rng: np.random.Generator, size: int) -> np.ndarray:
    """A 1-D 0/1 profile of stripes: random period, width and phase."""
    period = int(rng.integers(4, 8))  # 4..7 pixels
    width = int(rng.integers(2, period - 1))  # stripe and gap both at least 2 pixels wide
    phase = int(rng.integers(0, period))
    return (((np.arange(size) + phase) % period) < width).astype(float)


def _disc(rng: np.random.Generator, size: int) -> np.ndarray:
    """A 2-D 0/1 mask of a disc with random centre and radius, well inside the picture."""
    radius = rng.uniform(0.22, 0.38) * size
    cy, cx = rng.uniform(radius * 0.8, size - radius * 0.8, size=2)
    yy, xx = np.mgrid[0:size, 0:size] + 0.5
    return ((yy - cy) ** 2 + (xx - cx) ** 2 < radius**2).astype(float)


def _mask(rng: np.random.Generator, shape: str, size: int) -> np.ndarray:
    if shape == "vertical stripes":
        return np.tile(_stripes(rng, size), (size, 1))
    if shape == "horizontal stripes":
        return np.tile(_stripes(rng, size)[:, None], (1, size))
    return _disc(rng, size)


def class_label(name: str) -> str:
    """A class's name (one of :data:`CLASS_NAMES`) in the language in use, for a picture or a readout.

    The names themselves stay the keys a program passes (``toy_images(..., classes=["red disc"])``).
    """
    if name not in CLASS_NAMES:
        raise ValueError(say("toy.classes", names=CLASS_NAMES, value=show(name)))
    return say(f"class.{name}")


def toy_images(n, seed, size=16, classes=None):
    """Draw ``n`` labelled RGB pictures, the same ones for the same ``seed``.

    Parameters
    ----------
    n : int
        How many pictures (1 to 100,000). Labels are drawn at random, so every class appears about
        ``n / len(classes)`` times.
    seed : int
        Seed for ``numpy.random.default_rng``; use different seeds for training and test pictures.
    size : int, default 16
        Height and width in pixels, from 8 to 256.
    classes : sequence of str, optional
        Which of :data:`CLASS_NAMES` to draw (default: all six). Labels index this sequence.

    Returns
    -------
    x : numpy.ndarray
        ``(n, size, size, 3)`` float64 in ``[0, 1]``, channels-last RGB.
    labels : numpy.ndarray
        ``(n,)`` int64, the index of each picture's class in ``class_names``.
    class_names : tuple of str

    Introduced in ``07_learned_filters`` (``cl.toy_images``), where the network learns from them.

    Examples
    --------
    >>> x, labels, names = toy_images(4, seed=0)
    >>> x.shape, labels.shape, len(names)
    ((4, 16, 16, 3), (4,), 6)
    """
    n = _positive_int(n, "n")
    if n > MAX_PICTURES:
        raise ValueError(say("toy.n", limit=f"{MAX_PICTURES:,}", value=show(n)))
    if not 8 <= _positive_int(size, "size") <= 256:
        raise ValueError(say("toy.size", value=show(size)))
    seed = as_seed(seed, "seed")
    names = CLASS_NAMES if classes is None else tuple(classes) if isinstance(classes, (list, tuple)) else ()
    unknown = [c for c in names if c not in CLASS_NAMES]
    if unknown or not names:
        raise ValueError(say("toy.classes", names=CLASS_NAMES, value=show(classes)))
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, len(names), size=n)
    x = np.empty((n, size, size, 3))
    for i, label in enumerate(labels):
        colour, shape = names[label].split(" ", 1)
        background = rng.uniform(*_BACKGROUND) + rng.uniform(-_TINT, _TINT, size=3)
        high = rng.uniform(*_SHAPE)
        fg = high * rng.uniform(*_LOW, size=3)  # hue jitter: the two low channels
        fg[COLOURS.index(colour)] = high  # R for red, G for green
        mask = _mask(rng, shape, size)[:, :, None]
        x[i] = background * (1 - mask) + fg * mask
        x[i] += rng.normal(0.0, _NOISE, size=(size, size, 3))
    np.clip(x, 0.0, 1.0, out=x)
    return x, labels.astype(np.int64), names
