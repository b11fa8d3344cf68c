"""How the pictures look: the column they are drawn for, type sizes, colours, and lecture mode.

Every picture is drawn for a notebook column on a projector, about 850 px wide (848 px in Chromium
at 1280×720 with JupyterLab's file browser open; 844 px at 1024×768). Pictures are
:data:`WIDTH_PX` wide, so the column never shrinks them, and every text in them is at least
``sizes().min_px`` on screen: 12 px normally, 18 px in lecture mode.

Lecture mode does not add pixels -- a wider picture would be shrunk back into the column, and its
type with it. It draws larger type and fewer, larger panels: at most ``sizes().detail`` channels or
filters in full, the others summed up in a line.

Colours: a diverging map centred at 0 for signed numbers (weights, products, maps before ReLU), a
sequential map for numbers that cannot be negative (maps of non-negative filters, maps after ReLU),
and each input channel as the light it holds (black to red for R, to green for G, to blue for B,
to white for other channels). All change steadily in lightness, so they read without colour
vision too (ColorBrewer's RdBu, viridis, and the channels' black-to-colour ramps). Colour limits
follow :func:`nice_limit`, so they change in steps, not on every move, and colours compare across
moves.

Nothing here runs at import: no rcParams change, no backend switch. The explorers read
:func:`sizes` each time they draw, so switching lecture mode also changes explorers that already
exist, at their next redraw. Introduced in ``00_start_here``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..core.shapes import as_bool

__all__ = [
    "lecture_mode",
    "lecture",
    "sizes",
    "Sizes",
    "BASE_DPI",
    "WIDTH_PX",
    "COLUMN_PX",
    "SIGNED",
    "POSITIVE",
    "channel_cmap",
    "nice_limit",
    "px",
]

#: Dots per inch of every picture (1 pt = 100/72 px).
BASE_DPI = 100

#: The width of a notebook column on a projector, which the legibility rules are stated for.
COLUMN_PX = 850

#: The width of every explorer picture: a little narrower than the column, so it is never shrunk.
WIDTH_PX = 840


@dataclass(frozen=True)
class Sizes:
    """Type sizes (points) and how much is drawn in full, for one mode."""

    number: float  #: numbers inside cells
    label: float  #: names of channels, kernels and maps; notes
    title: float  #: panel titles (bold)
    symbol: float  #: ⊛, =, +, Σ, → between panels
    min_px: float  #: the smallest text allowed on screen, in pixels
    detail: int | None  #: at most this many channels / filters drawn in full (None: all)


NORMAL = Sizes(number=9.5, label=10.0, title=11.0, symbol=16.0, min_px=12.0, detail=None)
LECTURE = Sizes(number=14.0, label=14.0, title=15.0, symbol=22.0, min_px=18.0, detail=3)

_state = {"lecture": False}


def lecture_mode(on: bool = True) -> None:
    """Larger type and fewer, larger panels for a projector (``on=False`` turns it off).

    The pictures stay as wide as a notebook column; their type grows by about half and each
    shows at most three channels or filters in full (the others are summed up in a line).
    Explorers made before the call change at their next redraw.

    Parameters
    ----------
    on : bool
        True for lecture mode, False for the normal size (numpy bools are fine).

    Examples
    --------
    >>> import convlesson as cl
    >>> cl.lecture_mode()
    >>> cl.lecture_mode(False)
    """
    _state["lecture"] = as_bool(on, "on")


def lecture() -> bool:
    """True in lecture mode."""
    return _state["lecture"]


def sizes() -> Sizes:
    """The type sizes of the current mode."""
    return LECTURE if _state["lecture"] else NORMAL


def px(points: float) -> float:
    """Points as pixels on a picture (at :data:`BASE_DPI`)."""
    return points * BASE_DPI / 72.0


#: Signed numbers: diverging, white at 0 (weights, products, maps before ReLU).
SIGNED = "RdBu_r"

#: Numbers that cannot be negative: sequential (maps of non-negative filters, maps after ReLU).
POSITIVE = "viridis"

#: The colour a channel's full value shows in (0 is black): how much red, green or blue there is.
CHANNEL_COLOURS = {"R": (0.92, 0.12, 0.10), "G": (0.10, 0.72, 0.22), "B": (0.20, 0.40, 1.00)}
_channel_cmaps: dict = {}


def channel_cmap(name: str):
    """The colour map of an input channel: black to red for R, to green for G, to blue for B, else to white.

    A channel is drawn as the light it holds, so the red channel of a photo looks like its red light.
    """
    if name not in _channel_cmaps:
        from matplotlib.colors import LinearSegmentedColormap

        top = CHANNEL_COLOURS.get(name, (1.0, 1.0, 1.0))
        _channel_cmaps[name] = LinearSegmentedColormap.from_list(f"channel {name}", [(0, 0, 0), top])
    return _channel_cmaps[name]


def nice_limit(value: float) -> float:
    """The smallest of ..., 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, ... holding ``value`` (1 for 0 or nothing).

    Colour limits taken from here change in steps, not on every move, so a colour means the same
    number from one move to the next unless the numbers cross a step.
    """
    v = abs(float(value))
    if not math.isfinite(v) or v == 0:
        return 1.0
    exp = math.floor(math.log10(v))
    for step in (1, 1.5, 2, 3, 5, 7.5, 10):
        limit = float(f"{step * 10.0**exp:.12g}")  # 0.3, not 0.30000000000000004
        if limit >= v * (1 - 1e-12):
            return limit
    return 10.0 ** (exp + 1)
