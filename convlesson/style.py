"""Opt-in presentation style for the explorers: ``lecture_mode()`` for a projector.

Nothing here runs at import: no rcParams change, no backend switch. The explorers read
:func:`scale` each time they draw, so switching lecture mode also enlarges explorers that already
exist, on their next redraw. Introduced in ``00_start_here``.
"""

from __future__ import annotations

from .shapes import as_bool

__all__ = ["lecture_mode", "scale", "BASE_DPI"]

#: Dots per inch of an explorer's picture outside lecture mode (about 1000 pixels wide).
BASE_DPI = 100

#: How much lecture mode enlarges pictures and type.
LECTURE_SCALE = 1.5

_state = {"scale": 1.0}


def lecture_mode(on: bool = True) -> None:
    """Enlarge the explorers' pictures and type for a projector (``on=False`` turns it off).

    Pictures are drawn at ``1.5 x`` the resolution, so every line and label grows together and the
    layout stays the same; explorers made before the call grow on their next redraw.

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
    _state["scale"] = LECTURE_SCALE if as_bool(on, "on") else 1.0


def scale() -> float:
    """The current enlargement: 1.0 normally, 1.5 in lecture mode."""
    return _state["scale"]
