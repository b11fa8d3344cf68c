"""Reusable matplotlib artists behind :mod:`convlesson.draw`: grids with numbers, mosaics, hatching.

Every class here owns a fixed set of artists on one Axes and changes them in place (``set_data``,
``set_extent``, ``set_text``, ``set_clim``) when its ``update`` method is called, so a live picture
never rebuilds its figure. Coordinates are data coordinates with y growing downwards (the Axes'
y-limits are inverted), which is how arrays are read: row 0 on top.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.artist import Artist, getp
from matplotlib.font_manager import FontProperties
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from ._fasttext import FastText, draw_labels

__all__ = [
    "TextPool",
    "NumberArt",
    "GridArt",
    "MosaicArt",
    "HatchArt",
    "ScaleArt",
    "OutlineArt",
    "mosaic",
    "symmetric_limit",
    "px_per_unit",
    "fit_axes",
]

#: Hatching drawn over padding cells and over absent kernels (RGBA).
PAD_FILL = (0.55, 0.55, 0.55, 0.30)
PAD_STRIPE = (0.3, 0.3, 0.3, 0.4)
ABSENT_FILL = (0.93, 0.93, 0.93, 1.0)
ABSENT_STRIPE = (0.62, 0.62, 0.62, 1.0)
_HATCH_UP = 6  # sub-pixels per cell in a hatch overlay


def symmetric_limit(*arrays) -> float:
    """The largest absolute finite value in ``arrays`` (1.0 when they hold none, or only zeros).

    Used as ``vmin=-v, vmax=v`` so that a diverging colour map is centred at 0.
    """
    v = 0.0
    for a in arrays:
        a = np.asarray(a, dtype=float)
        finite = a[np.isfinite(a)]
        if finite.size:
            v = max(v, float(np.abs(finite).max()))
    return v if v > 0 else 1.0


def px_per_unit(ax) -> float:
    """Display pixels per data unit on ``ax`` (the smaller of the two axes, as an equal aspect shows it)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    return min(ax.bbox.width / max(abs(x1 - x0), 1e-12), ax.bbox.height / max(abs(y1 - y0), 1e-12))


def fit_axes(ax, bounds, margin: float = 0.0) -> None:
    """Show ``bounds = (x0, y0, x1, y1)`` on ``ax`` with square cells, row 0 on top, no ticks."""
    x0, y0, x1, y1 = bounds
    ax.set_xlim(x0 - margin, x1 + margin)
    ax.set_ylim(y1 + margin, y0 - margin)
    ax.set_aspect("equal")
    ax.set_axis_off()


def mosaic(blocks, gutter: int = 1):
    """Lay out rows of equally-shaped 2-D blocks as one array, separated by NaN gutters.

    Parameters
    ----------
    blocks : list of list of array_like or None
        ``blocks[r][c]`` is the block in row ``r``, column ``c``; None leaves an absent (NaN) block.
        Every block must have the same shape; every row the same length.
    gutter : int
        NaN cells between neighbouring blocks.

    Returns
    -------
    array : numpy.ndarray
        The mosaic, float, NaN in gutters and absent blocks.
    slices : list of list of (slice, slice)
        Where each block sits in ``array``.
    """
    rows = len(blocks)
    cols = len(blocks[0]) if rows else 0
    shape = next((np.shape(b) for row in blocks for b in row if b is not None), (1, 1))
    bh, bw = shape
    out = np.full((rows * bh + (rows - 1) * gutter, cols * bw + (cols - 1) * gutter), np.nan)
    slices = []
    for r, row in enumerate(blocks):
        if len(row) != cols:
            raise ValueError(f"every row of blocks must hold {cols} blocks, row {r} holds {len(row)}")
        srow = []
        for c, b in enumerate(row):
            sl = (
                slice(r * (bh + gutter), r * (bh + gutter) + bh),
                slice(c * (bw + gutter), c * (bw + gutter) + bw),
            )
            if b is not None:
                if np.shape(b) != (bh, bw):
                    raise ValueError(
                        f"every block must have shape {(bh, bw)}, block ({r}, {c}) has {np.shape(b)}"
                    )
                out[sl] = b
            srow.append(sl)
        slices.append(srow)
    return out, slices


_SETTERS = {
    "color": Text.set_color,
    "fontsize": Text.set_fontsize,
    "ha": Text.set_horizontalalignment,
    "va": Text.set_verticalalignment,
}


class TextPool:
    """A pool of Text artists reused from frame to frame; extra ones are hidden, not removed.

    An entry's props apply to that entry only: a reused Text first gets back the pool's defaults
    for every prop the previous entry set, so a label never inherits another label's size or colour.
    """

    def __init__(self, ax, **defaults):
        self.ax = ax
        self.defaults = {"ha": "center", "va": "center", "fontsize": 9, "zorder": 5, **defaults}
        self.items = []
        self._set_last: list[dict] = []  # per item, the props its last entry set
        self._template = Text(0, 0, "", **self.defaults)

    def _default(self, key):
        if key not in self.defaults:
            self.defaults[key] = getp(self._template, key)
        return self.defaults[key]

    def show(self, entries) -> list:
        """Show ``entries``: each ``(x, y, text)`` or ``(x, y, text, props)``. Returns the shown Texts."""
        shown = []
        for i, entry in enumerate(entries):
            x, y, s = entry[:3]
            props = entry[3] if len(entry) > 3 and entry[3] else {}
            if i < len(self.items):
                t = self.items[i]
            else:
                t = FastText(0, 0, "", **self.defaults)
                self.ax.add_artist(t)
                t.set_clip_on(False)
                self.items.append(t)
                self._set_last.append({})
            t.set_position((x, y))
            t.set_text(s)
            t.set_visible(True)
            stale = {k: self._default(k) for k in self._set_last[i] if k not in props}
            for key, value in {**stale, **props}.items():
                setter = _SETTERS.get(key)
                if setter is None:
                    t.update({key: value})
                else:
                    setter(t, value)
            self._set_last[i] = props
            shown.append(t)
        for t in self.items[len(entries) :]:
            t.set_visible(False)
        return shown

    @property
    def visible(self) -> list:
        """The Texts shown now."""
        return [t for t in self.items if t.get_visible()]


#: At most this many numbers are printed in one grid (more would not be read, only slow the picture).
MAX_NUMBERS = 150


class NumberArt(Artist):
    """Many short centred labels (the numbers in a grid's cells) drawn by ONE artist.

    A grid of numbers as separate Text artists costs a full artist draw per cell; here one artist
    hands them all to :func:`convlesson._fasttext.draw_labels`, which pastes each string's cached
    stamp (or, on the stock path and for SVG or PDF, draws ordinary text). ``texts``,
    ``positions`` and ``colors`` tell what is shown.
    """

    def __init__(self, ax, zorder: float = 5.0):
        super().__init__()
        self.axes = ax
        self.set_figure(ax.figure)
        self.set_transform(ax.transData)
        self.set_zorder(zorder)
        self.positions = np.zeros((0, 2))
        self.texts: list[str] = []
        self.colors: list[str] = []
        self.fontsize = 9.0

    def show(self, positions, texts, colors, fontsize: float) -> None:
        """Show ``texts[i]`` centred at data point ``positions[i]`` in ``colors[i]`` ('black'/'white')."""
        self.positions = np.asarray(positions, dtype=float).reshape(-1, 2)
        self.texts = list(texts)
        self.colors = list(colors)
        self.fontsize = float(fontsize)
        self.stale = True

    def draw(self, renderer):
        if not self.get_visible() or not self.texts:
            return
        xy = self.get_transform().transform(self.positions)
        draw_labels(renderer, self.figure, xy, self.texts, self.colors, FontProperties(size=self.fontsize))
        self.stale = False


def _fmt(v: float, integer: bool) -> str:
    if integer:
        s = f"{v:.0f}"
        if s == "-0":
            s = "0"
    else:
        s = f"{v:.2f}"
        if s in ("-0.00", "0.00"):
            s = "0"
    return s.replace("-", "\u2212")


class GridArt:
    """A 2-D array drawn as one image at ``origin`` with square cells of side ``cell``, numbers optional."""

    def __init__(self, ax, cmap, *, zorder: float = 1.0, fontsize_max: float = 11.0, min_pt: float = 6.5):
        self.ax = ax
        self.image = AxesImage(ax, cmap=cmap, interpolation="nearest", origin="upper", zorder=zorder)
        self.image.set_data(np.zeros((1, 1)))
        ax.add_image(self.image)
        self.numbers = NumberArt(ax, zorder=zorder + 0.5)
        ax.add_artist(self.numbers)
        self.fontsize_max = fontsize_max
        self.min_pt = min_pt
        self.origin = (0.0, 0.0)
        self.cell = 1.0
        self.shape = (1, 1)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """``(x0, y0, x1, y1)`` of the drawn array in data coordinates."""
        x, y = self.origin
        h, w = self.shape
        return (x, y, x + w * self.cell, y + h * self.cell)

    def cell_centre(self, r: float, c: float) -> tuple[float, float]:
        x, y = self.origin
        return (x + (c + 0.5) * self.cell, y + (r + 0.5) * self.cell)

    def update(self, array, origin=(0.0, 0.0), cell: float = 1.0, clim=None, numbers=None, visible=True):
        """Show ``array`` at ``origin``; ``numbers`` True/False/None (None: only while legible)."""
        arr = np.asarray(array, dtype=float)
        self.origin = (float(origin[0]), float(origin[1]))
        self.cell = float(cell)
        self.shape = arr.shape
        self.image.set_data(arr)
        x0, y0, x1, y1 = self.bounds
        self.image.set_extent((x0, x1, y1, y0))
        if clim is not None:
            self.image.set_clim(*clim)
        self.image.set_visible(visible)
        self._show_numbers(arr, numbers if visible else False)
        return self

    def number_size(self, arr) -> float:
        """The font size (points) that fits ``arr``'s widest number in one cell at the current scale."""
        arr = np.asarray(arr, dtype=float)
        finite = arr[np.isfinite(arr)]
        integer = bool(np.all(np.round(finite) == finite)) if finite.size else True
        width = (
            max((len(_fmt(v, integer)) for v in (finite.min(), finite.max())), default=1)
            if finite.size
            else 1
        )
        cell_pt = self.cell * px_per_unit(self.ax) * 72.0 / self.ax.figure.dpi
        return min(self.fontsize_max, cell_pt * 0.85 / (0.6 * max(width, 2)), cell_pt * 0.5)

    def _show_numbers(self, arr, numbers) -> None:
        finite = np.isfinite(arr)
        if numbers is False or not finite.any():
            self.numbers.show([], [], [], 9)
            return
        size = self.number_size(arr)
        if numbers is None and (size < self.min_pt or finite.sum() > MAX_NUMBERS):
            self.numbers.show([], [], [], 9)
            return
        vals = arr[finite]
        integer = bool(np.all(np.round(vals) == vals))
        rgba = self.image.cmap(self.image.norm(vals))
        lum = 0.299 * rgba[:, 0] + 0.587 * rgba[:, 1] + 0.114 * rgba[:, 2]
        rows, cols = np.nonzero(finite)
        x, y = self.origin
        xy = np.column_stack((x + (cols + 0.5) * self.cell, y + (rows + 0.5) * self.cell))
        texts = [_fmt(v, integer) for v in vals.tolist()]
        colors = np.where(lum < 0.5, "white", "black").tolist()
        self.numbers.show(xy, texts, colors, size)


class MosaicArt(GridArt):
    """Rows of equally-shaped blocks drawn as ONE image (NaN gutters); :meth:`blocks` reads them back."""

    def update_blocks(self, blocks, origin=(0.0, 0.0), cell=1.0, gutter: int = 1, clim=None, numbers=None):
        arr, self.slices = mosaic(blocks, gutter)
        self.gutter = gutter
        return self.update(arr, origin, cell, clim, numbers)

    def blocks(self) -> list[list[np.ndarray]]:
        """The blocks as drawn, read back from the image's data (NaN where a block is absent)."""
        data = np.ma.filled(self.image.get_array().astype(float), np.nan)
        return [[data[sl] for sl in row] for row in self.slices]

    def block_bounds(self, r: int, c: int) -> tuple[float, float, float, float]:
        rs, cs = self.slices[r][c]
        x, y = self.origin
        return (
            x + cs.start * self.cell,
            y + rs.start * self.cell,
            x + cs.stop * self.cell,
            y + rs.stop * self.cell,
        )


class HatchArt:
    """A striped overlay marking some cells of a grid (padding, or kernels a filter does not hold)."""

    def __init__(self, ax, fill=PAD_FILL, stripe=PAD_STRIPE, zorder: float = 1.2):
        self.ax = ax
        self.fill = np.array(fill)
        self.stripe = np.array(stripe)
        self.image = AxesImage(ax, interpolation="nearest", origin="upper", zorder=zorder)
        self.image.set_data(np.zeros((1, 1, 4), np.uint8))
        self.image.set_visible(False)
        ax.add_image(self.image)
        self.mask = np.zeros((1, 1), dtype=bool)
        self._key = None
        self._hatches: dict = {}

    def update(self, mask, bounds) -> None:
        """Hatch the cells where ``mask`` is True; ``bounds`` is the grid's ``(x0, y0, x1, y1)``."""
        self.mask = np.asarray(mask, dtype=bool)
        if not self.mask.any():
            self.image.set_visible(False)
            return
        key = self.mask.tobytes(), self.mask.shape
        if key != self._key:
            self._key = key
            rgba = self._hatches.get(key)
            if rgba is None:  # a few masks recur as controls move back and forth: keep them
                up = np.repeat(np.repeat(self.mask, _HATCH_UP, axis=0), _HATCH_UP, axis=1)
                ii, jj = np.indices(up.shape)
                stripes = (ii + jj) % _HATCH_UP < 1
                rgba = np.zeros((*up.shape, 4), np.uint8)
                rgba[up] = np.round(self.fill * 255)
                rgba[up & stripes] = np.round(self.stripe * 255)
                if len(self._hatches) >= 16:
                    self._hatches.clear()
                self._hatches[key] = rgba
            self.image.set_data(rgba)
        x0, y0, x1, y1 = bounds
        self.image.set_extent((x0, x1, y1, y0))
        self.image.set_visible(True)


class OutlineArt:
    """Any number of rectangle outlines as ONE Line2D (NaN-separated)."""

    def __init__(self, ax, **props):
        defaults = {"color": "black", "linewidth": 1.0, "zorder": 3}
        self.line = Line2D([], [], **{**defaults, **props})
        ax.add_line(self.line)

    def update(self, rects) -> None:
        """``rects``: iterable of ``(x0, y0, x1, y1)``."""
        xs, ys = [], []
        for x0, y0, x1, y1 in rects:
            xs += [x0, x1, x1, x0, x0, np.nan]
            ys += [y0, y0, y1, y1, y0, np.nan]
        self.line.set_data(xs, ys)


class ScaleArt:
    """An honest colour scale: a strip drawn with the colour map and limits of the picture it explains."""

    def __init__(self, ax, cmap, fontsize: float = 8):
        self.grid = GridArt(ax, cmap)
        self.labels = TextPool(ax, fontsize=fontsize, ha="left")
        self.frame = OutlineArt(ax, linewidth=0.6, color="0.4")

    def update(self, vmin: float, vmax: float, origin, height: float, width: float, title: str = "") -> None:
        n = 64
        strip = np.linspace(vmax, vmin, n)[:, None]
        self.grid.update(strip, origin, 1.0, clim=(vmin, vmax), numbers=False)
        # stretch the single column to the requested width and height
        x, y = origin
        self.grid.image.set_extent((x, x + width, y + height, y))
        self.frame.update([(x, y, x + width, y + height)])
        entries = [
            (x + width * 1.4, y, _fmt(vmax, False), {"va": "top"}),
            (x + width * 1.4, y + height, _fmt(vmin, False), {"va": "bottom"}),
        ]
        if vmin < 0 < vmax:
            entries.append((x + width * 1.4, y + height * vmax / (vmax - vmin), "0", {"va": "center"}))
        if title:
            entries.append((x, y - 4, title, {"va": "bottom"}))
        self.labels.show(entries)


def window_rect(ax, **props) -> Rectangle:
    """A Rectangle patch (moved in place later with ``set_bounds``)."""
    defaults = {"fill": False, "edgecolor": "#d62728", "linewidth": 2.5, "zorder": 4}
    patch = Rectangle((0, 0), 1, 1, **{**defaults, **props})
    ax.add_patch(patch)
    return patch


def ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def pitch_gutter(block: int) -> int:
    """NaN gutter (in cells) between blocks of ``block`` cells: about a fifth of a block, at least 1."""
    return max(1, math.ceil(block * 0.2))
