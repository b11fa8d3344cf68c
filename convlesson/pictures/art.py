"""Reusable matplotlib artists behind :mod:`convlesson.pictures.draw`: grids with numbers, mosaics, hatching.

Text (roles, pools, measuring, numbers in cells) lives in :mod:`convlesson.pictures.text_art`.

Every class here owns a fixed set of artists on one Axes and changes them in place (``set_data``,
``set_extent``, ``set_text``, ``set_clim``) when its ``update`` method is called, so a live picture
never rebuilds its figure. Coordinates are data coordinates with y growing downwards (the Axes'
y-limits are inverted), which is how arrays are read: row 0 on top.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib import colormaps
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from ..core.bounded_cache import BoundedCache
from . import style
from .fast_cells import CellImage
from .text_art import (
    MAX_NUMBERS,
    NumberArt,
    fmt_decimals,
    measure,
    number_decimals,
)

__all__ = [
    "GridArt",
    "MosaicArt",
    "HatchArt",
    "OutlineArt",
    "cell_for_numbers",
    "window_rect",
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
#: Hatch overlays already made, shared by every picture (one for a large grid takes ~0.2 MB).
_hatches = BoundedCache(2**20)
_colormaps: dict = {}  # name -> the one copy kept (a handful of names)


def colormap(name):
    """matplotlib's colour map ``name``, one copy kept: the registry hands out a new copy each time,
    whose colour table is built again at its first use. Never changed in place. A colour map given
    instead of a name is returned as it is."""
    if not isinstance(name, str):
        return name
    cmap = _colormaps.get(name)
    if cmap is None:
        cmap = _colormaps[name] = colormaps[name]
    return cmap


_NO_HATCH = np.zeros((1, 1, 4), np.uint8)


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


def mosaic(blocks, gutter=1):
    """Lay out rows of equally-shaped 2-D blocks as one array, separated by NaN gutters.

    Parameters
    ----------
    blocks : list of list of array_like or None
        ``blocks[r][c]`` is the block in row ``r``, column ``c``; None leaves an absent (NaN) block.
        Every block must have the same shape; every row the same length.
    gutter : int or (int, int)
        NaN cells between neighbouring blocks: one number, or ``(between rows, between columns)``.

    Returns
    -------
    array : numpy.ndarray
        The mosaic, float, NaN in gutters and absent blocks.
    slices : list of list of (slice, slice)
        Where each block sits in ``array``.
    """
    gr, gc = (gutter, gutter) if np.ndim(gutter) == 0 else gutter
    rows = len(blocks)
    cols = len(blocks[0]) if rows else 0
    shape = next((np.shape(b) for row in blocks for b in row if b is not None), (1, 1))
    bh, bw = shape
    out = np.full((rows * bh + (rows - 1) * gr, cols * bw + (cols - 1) * gc), np.nan)
    slices = []
    for r, row in enumerate(blocks):
        if len(row) != cols:
            raise ValueError(f"every row of blocks must hold {cols} blocks, row {r} holds {len(row)}")
        srow = []
        for c, b in enumerate(row):
            sl = (
                slice(r * (bh + gr), r * (bh + gr) + bh),
                slice(c * (bw + gc), c * (bw + gc) + bw),
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


def cell_for_numbers(ax, arr) -> float:
    """The smallest cell (in ``ax``'s data units) in which ``arr``'s widest number fits.

    A number fits when its text is at most 0.9 of the cell wide and 0.8 of it high, at the mode's
    number size.
    """
    arr = np.asarray(arr, dtype=float)
    finite = arr[np.isfinite(arr)]
    if not finite.size:
        return 0.0
    decimals = number_decimals(finite)
    widest = max((fmt_decimals(v, decimals) for v in (finite.min(), finite.max())), key=len)
    w, h = measure(ax, widest, "number")
    return max(w / 0.9, h / 0.8) / px_per_unit(ax)


class GridArt:
    """A 2-D array drawn as one image at ``origin`` with square cells of side ``cell``, numbers optional.

    Numbers are printed at the mode's number size (:func:`convlesson.pictures.style.sizes`) and only when
    they fit in their cells at that size: a grid never prints numbers too small to read. After an
    ``update``, ``numbers_hidden`` says whether numbers were wanted but did not fit.
    """

    def __init__(self, ax, cmap, *, zorder: float = 1.0):
        self.ax = ax
        cmap = colormap(cmap)  # one colour table for every grid of this colour map
        self.image = CellImage(ax, cmap=cmap, interpolation="nearest", origin="upper", zorder=zorder)
        # cells are resampled before the colour map: the same picture (nearest neighbours), three
        # times faster than colouring first and resampling four channels
        self.image.set_interpolation_stage("data")
        self.image.set_data(np.zeros((1, 1)))
        ax.add_image(self.image)
        self.numbers = NumberArt(ax, zorder=zorder + 0.5)
        ax.add_artist(self.numbers)
        self.origin = (0.0, 0.0)
        self.cell = 1.0
        self.shape = (1, 1)
        self.values = np.zeros((1, 1))
        self.colours = None
        self.numbers_hidden = False

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """``(x0, y0, x1, y1)`` of the drawn array in data coordinates."""
        x, y = self.origin
        h, w = self.shape
        return (x, y, x + w * self.cell, y + h * self.cell)

    def cell_centre(self, r: float, c: float) -> tuple[float, float]:
        x, y = self.origin
        return (x + (c + 0.5) * self.cell, y + (r + 0.5) * self.cell)

    def update(
        self,
        array,
        origin=(0.0, 0.0),
        cell: float = 1.0,
        clim=None,
        numbers=None,
        visible=True,
        cmap=None,
        colours=None,
    ):
        """Show ``array`` at ``origin``; ``numbers``: None (where they fit), True (always) or False.

        ``colours``, an RGBA array of the same height and width, paints the cells instead of the
        colour map (a mosaic of blocks in different colour maps is still ONE image); ``values``
        keeps the numbers drawn either way.
        """
        arr = np.asarray(array, dtype=float)
        self.values = arr
        self.colours = colours
        self.origin = (float(origin[0]), float(origin[1]))
        self.cell = float(cell)
        self.shape = arr.shape
        if cmap is not None and self.image.get_cmap().name != getattr(cmap, "name", cmap):
            self.image.set_cmap(colormap(cmap))
        if colours is not None and np.asarray(colours).dtype != np.uint8:
            # painted cells as bytes: matplotlib resamples uint8 RGBA about three times faster than floats
            colours = (np.clip(np.asarray(colours, dtype=float), 0.0, 1.0) * 255 + 0.5).astype(np.uint8)
        self.image.set_data(arr if colours is None else colours)
        x0, y0, x1, y1 = self.bounds
        self.image.set_extent((x0, x1, y1, y0))
        if clim is not None:
            self.image.set_clim(*clim)
        self.image.set_visible(visible)
        self._show_numbers(arr, numbers if visible else False)
        return self

    def numbers_fit(self, arr) -> bool:
        """Whether ``arr``'s widest number fits in one cell at the mode's number size."""
        return self.cell >= cell_for_numbers(self.ax, arr)

    def _show_numbers(self, arr, numbers) -> None:
        finite = np.isfinite(arr)
        self.numbers_hidden = False
        if numbers is False or not finite.any():
            self.numbers.show([], [], [], 9)
            return
        size = style.sizes().number
        if numbers is None and (finite.sum() > MAX_NUMBERS or not self.numbers_fit(arr)):
            self.numbers_hidden = True
            self.numbers.show([], [], [], size)
            return
        vals = arr[finite]
        decimals = number_decimals(vals)
        rgba = self.image.cmap(self.image.norm(vals)) if self.colours is None else self.colours[finite]
        lum = 0.299 * rgba[:, 0] + 0.587 * rgba[:, 1] + 0.114 * rgba[:, 2]
        rows, cols = np.nonzero(finite)
        x, y = self.origin
        xy = np.column_stack((x + (cols + 0.5) * self.cell, y + (rows + 0.5) * self.cell))
        texts = [fmt_decimals(v, decimals) for v in vals.tolist()]
        colors = np.where(lum < 0.5, "white", "black").tolist()
        self.numbers.show(xy, texts, colors, size)


class MosaicArt(GridArt):
    """Rows of equally-shaped blocks drawn as ONE image (NaN gutters); :meth:`blocks` reads them back."""

    def update_blocks(
        self, blocks, origin=(0.0, 0.0), cell=1.0, gutter=1, clim=None, numbers=None, cmap=None, paints=None
    ):
        """Draw rows of blocks; ``paints[r][c] = (cmap, (vmin, vmax))`` gives each block its own colours."""
        arr, self.slices = mosaic(blocks, gutter)
        self.gutter = gutter
        colours = None
        if paints is not None:
            colours = np.zeros((*arr.shape, 4))  # gutters transparent
            for r, row in enumerate(self.slices):
                for c, sl in enumerate(row):
                    block_cmap, (lo, hi) = paints[r][c]
                    cm = colormap(block_cmap)
                    block = arr[sl]
                    rgba = cm(np.clip((block - lo) / (hi - lo), 0.0, 1.0))
                    rgba[~np.isfinite(block)] = 0.0
                    colours[sl] = rgba
        return self.update(arr, origin, cell, clim, numbers, cmap=cmap, colours=colours)

    def blocks(self) -> list[list[np.ndarray]]:
        """The blocks as drawn (their numbers; NaN where a block is absent)."""
        return [[self.values[sl] for sl in row] for row in self.slices]

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
        self.image = CellImage(ax, interpolation="nearest", origin="upper", zorder=zorder)
        self.image.set_data(_NO_HATCH)
        self.image.set_visible(False)
        ax.add_image(self.image)
        self.mask = np.zeros((1, 1), dtype=bool)
        self._key = None

    def update(self, mask, bounds) -> None:
        """Hatch the cells where ``mask`` is True; ``bounds`` is the grid's ``(x0, y0, x1, y1)``."""
        self.mask = np.asarray(mask, dtype=bool)
        if not self.mask.any():
            if self._key is not None:  # hidden: let go of the overlay (it can take megabytes)
                self._key = None
                self.image.set_data(_NO_HATCH)
            self.image.set_visible(False)
            return
        key = self.mask.tobytes(), self.mask.shape, self.fill.tobytes(), self.stripe.tobytes()
        if key != self._key:
            self._key = key
            rgba = _hatches.get(key)
            if rgba is None:  # masks recur as controls move back and forth: keep them, up to a budget
                up = np.repeat(np.repeat(self.mask, _HATCH_UP, axis=0), _HATCH_UP, axis=1)
                ii, jj = np.indices(up.shape)
                stripes = (ii + jj) % _HATCH_UP < 1
                rgba = np.zeros((*up.shape, 4), np.uint8)
                rgba[up] = np.round(self.fill * 255)
                rgba[up & stripes] = np.round(self.stripe * 255)
                _hatches.put(key, rgba)
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
