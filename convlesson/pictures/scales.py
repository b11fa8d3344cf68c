"""Colour scales: the strip that says what a panel's colours mean, with its limits written under it.

Drawn beside the panels it explains (:mod:`.channel_sum`, :mod:`.layer`), from the same artists as the
panels themselves (:class:`~.art.GridArt` for the strip, :class:`~.art.OutlineArt` for its frame).
"""

from __future__ import annotations

import numpy as np

from .art import GridArt, OutlineArt
from .text_art import TextPool, fmt_number, measure

__all__ = ["ScaleArt"]


class ScaleArt:
    """An honest colour scale: a horizontal strip in the colour map and limits of what it explains.

    Drawn next to the panels it explains: the title on its left, the limits under its ends and
    0 under its middle when the scale is signed.
    """

    HEIGHT = 10.0  #: pixels of the colour strip

    def __init__(self, ax, cmap):
        self.grid = GridArt(ax, cmap)
        self.labels = TextPool(ax, role="label")
        self.frame = OutlineArt(ax, linewidth=0.6, color="0.4")

    def height(self) -> float:
        """Pixels the scale takes up, its labels included."""
        return self.HEIGHT + 2 + measure(self.grid.ax, "0", "label")[1]

    def _limits(self, vmin: float, vmax: float) -> tuple[str, str, float, float]:
        """The two limits as written under the strip, and their widths in pixels."""
        integer = float(vmin).is_integer() and float(vmax).is_integer()
        low, high = fmt_number(vmin, integer), fmt_number(vmax, integer)
        return low, high, measure(self.grid.ax, low)[0], measure(self.grid.ax, high)[0]

    def min_width(self, vmin: float, vmax: float) -> float:
        """The narrowest strip whose labels (both limits, and 0 between them when signed) do not touch."""
        _, _, w_low, w_high = self._limits(vmin, vmax)
        w_zero = measure(self.grid.ax, "0")[0] if vmin < 0 < vmax else 0.0
        if not w_zero:
            return w_low + w_high + 8
        return 2 * max(w_low, w_high) + w_zero + 16  # 0 sits in the middle of a symmetric scale

    def reach(self, vmin: float, vmax: float, x: float, width: float) -> float:
        """The right edge of a scale drawn from ``x``, ``width`` wide: its labels may reach past the strip."""
        _, _, w_low, w_high = self._limits(vmin, vmax)
        return x + max(width, w_low + w_high + 8)

    def update(self, vmin: float, vmax: float, x: float, y: float, width: float, title: str = "", cmap=None):
        """Draw the strip from ``(x, y)`` (top left), ``width`` pixels wide; labels go below it."""
        strip = np.linspace(vmin, vmax, 64)[None, :]
        self.grid.update(strip, (x, y), 1.0, clim=(vmin, vmax), numbers=False, cmap=cmap)
        self.grid.image.set_extent((x, x + width, y + self.HEIGHT, y))
        self.frame.update([(x, y, x + width, y + self.HEIGHT)])
        below = y + self.HEIGHT + 2
        low, high, w_low, w_high = self._limits(vmin, vmax)
        entries = [
            (x, below, low, {"va": "top", "ha": "left"}),
            (self.reach(vmin, vmax, x, width), below, high, {"va": "top", "ha": "right"}),
        ]
        zero_x = x + width * (0 - vmin) / (vmax - vmin) if vmin < 0 < vmax else None
        w_zero = measure(self.grid.ax, "0")[0]
        if (
            zero_x is not None
            and x + w_low + 4 < zero_x - w_zero / 2
            and zero_x + w_zero / 2 < x + width - w_high - 4
        ):
            entries.append((zero_x, below, "0", {"va": "top"}))
        if title:
            entries.append((x - 6, y + self.HEIGHT / 2, title, {"ha": "right"}))
        self.labels.show(entries)

    def hide(self) -> None:
        self.grid.image.set_visible(False)
        self.frame.update([])
        self.labels.show([])
