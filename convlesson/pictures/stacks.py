"""Pictures of a stack of channels or maps, and of a bank of kernels, redrawn in place.

Each picture owns a fixed set of artists on one Axes and redraws new data in place (``place``), so
a frame costs one Agg draw, not a new figure. A bank of kernels or a stack of channels or maps is
ONE image with NaN gutters. The public ``draw_*`` functions in :mod:`convlesson.pictures.draw` build these
pictures on an ordinary Axes. Colours: weights and feature maps use the diverging ``RdBu_r`` map
(colour-blind safe) with limits ``-v .. +v``, so white means 0; inputs are grey, padding hatched.
The explorers' own pictures live in :mod:`convlesson.pictures.sweep`,
:mod:`convlesson.pictures.channel_sum`, :mod:`convlesson.pictures.layer` and
:mod:`convlesson.pictures.filter_sweep`.
"""

from __future__ import annotations

import numpy as np

from ..core.samples import RGB_NAMES
from .art import ABSENT_FILL, ABSENT_STRIPE, HatchArt, MosaicArt, OutlineArt, pitch_gutter, symmetric_limit
from .text_art import TextPool, measure
from .words import say

__all__ = ["WEIGHT_CMAP", "INPUT_CMAP", "channel_names", "StackPicture", "BankPicture"]

WEIGHT_CMAP = "RdBu_r"
INPUT_CMAP = "gray"
_GRID_CMAP = "Greys"


def channel_names(c_in: int, rgb: bool = False) -> list[str]:
    """``['R', 'G', 'B']`` for a photo (``rgb=True`` and 3 channels), else ``['c0', 'c1', ...]``."""
    return list(RGB_NAMES) if rgb and c_in == 3 else [f"c{c}" for c in range(c_in)]


class StackPicture:
    """A stack of equally-shaped 2-D arrays (input channels or feature maps) drawn as one mosaic image.

    Padding, when given, is hatched and the data region of each block outlined. ``mosaic.blocks()``
    reads back exactly what is drawn.
    """

    def __init__(self, ax, cmap=INPUT_CMAP):
        self.ax = ax
        self.mosaic = MosaicArt(ax, cmap)
        self.hatch = HatchArt(ax)
        self.outline = OutlineArt(ax, linewidth=1.0, color="#ff7f0e")
        self.labels = TextPool(ax, role="label")
        self.title = TextPool(ax, role="title")

    def place(
        self,
        arrays,
        origin,
        cell,
        *,
        vertical=True,
        pads=None,
        names=(),
        title="",
        clim=None,
        numbers=None,
        gutter=None,
    ):
        """Draw ``arrays`` (padded already when ``pads`` is given) with its top-left corner at ``origin``."""
        arrays = [np.asarray(a, dtype=float) for a in arrays]
        bh, bw = arrays[0].shape
        g = gutter if gutter is not None else pitch_gutter(bh if vertical else bw)
        blocks = [[a] for a in arrays] if vertical else [arrays]
        if clim is None:
            clim = (float(np.nanmin(arrays)), float(np.nanmax(arrays)))
            if clim[0] == clim[1]:
                clim = (clim[0] - 0.5, clim[1] + 0.5)
        self.mosaic.update_blocks(blocks, origin, cell, g, clim, numbers)
        flat = [sl for row in self.mosaic.slices for sl in row]
        mask = np.zeros(self.mosaic.shape, dtype=bool)
        rects = []
        if pads is not None and any(v for p in pads for v in p):
            (t, b), (left, r) = pads
            for rs, cs in flat:
                mask[rs, cs] = True
                mask[rs.start + t : rs.stop - b, cs.start + left : cs.stop - r] = False
                x, y = self.mosaic.origin
                rects.append(
                    (
                        x + (cs.start + left) * cell,
                        y + (rs.start + t) * cell,
                        x + (cs.stop - r) * cell,
                        y + (rs.stop - b) * cell,
                    )
                )
        self.hatch.update(mask, self.mosaic.bounds)
        self.outline.update(rects)
        entries = []
        for k, name in enumerate(names):
            x0, y0, x1, y1 = self.mosaic.block_bounds(*((k, 0) if vertical else (0, k)))
            if vertical:
                entries.append((x0 - 4, (y0 + y1) / 2, name, {"ha": "right"}))
            else:
                entries.append(((x0 + x1) / 2, y1 + 3, name, {"va": "top"}))
        self.labels.show(entries)
        x0, y0, x1, _ = self.mosaic.bounds
        xc = max((x0 + x1) / 2, min(self.ax.get_xlim()) + 4 + measure(self.ax, title, "title")[0] / 2)
        self.title.show([(xc, y0 - 6, title, {"va": "bottom"})] if title else [])
        return self


class BankPicture:
    """A layer's weights: ``filters`` rows x C_in columns of kernels, one mosaic image.

    Row ``j`` is filter ``j``, bracketed and labelled; a kernel a filter does not hold (``groups > 1``)
    is left out and hatched light grey.
    """

    def __init__(self, ax):
        self.ax = ax
        self.mosaic = MosaicArt(ax, WEIGHT_CMAP)
        self.absent = HatchArt(ax, fill=ABSENT_FILL, stripe=ABSENT_STRIPE, zorder=0.9)
        self.brackets = OutlineArt(ax, linewidth=1.2, color="0.25")
        self.labels = TextPool(ax, role="label")
        self.title = TextPool(ax, role="title")

    def place(self, kernel, origin, cell, *, channels_of=None, names=None, vmax=None, title="", numbers=None):
        """Draw ``kernel`` ``(kh, kw, C_in/groups, filters)``; ``channels_of[j]``: filter j's channels."""
        k = np.asarray(kernel, dtype=float)
        kh, kw, per, filters = k.shape
        if channels_of is None:
            channels_of = [tuple(range(per))] * filters
        c_in = max(max(ch) for ch in channels_of) + 1
        names = names or channel_names(c_in)
        blocks = []
        for j in range(filters):
            chans = channels_of[j]
            blocks.append([k[:, :, chans.index(c), j] if c in chans else None for c in range(c_in)])
        v = vmax if vmax is not None else symmetric_limit(k)
        g = pitch_gutter(max(kh, kw))
        self.mosaic.update_blocks(blocks, origin, cell, g, (-v, v), numbers)
        mask = np.zeros(self.mosaic.shape, dtype=bool)
        for j, row in enumerate(blocks):
            for c, b in enumerate(row):
                if b is None:
                    mask[self.mosaic.slices[j][c]] = True
        self.absent.update(mask, self.mosaic.bounds)
        entries, segments = [], []
        x0 = self.mosaic.origin[0]
        for j in range(filters):
            _, y0, _, y1 = self.mosaic.block_bounds(j, 0)
            bx = x0 - 4
            segments.append((bx, y0, bx + 3, y1))
            entries.append((bx - 4, (y0 + y1) / 2, say("filter", j=j), {"ha": "right"}))
        for c in range(c_in):
            bx0, by0, bx1, _ = self.mosaic.block_bounds(0, c)
            entries.append(((bx0 + bx1) / 2, by0 - 3, names[c], {"va": "bottom"}))
        # brackets: three sides of a rectangle per row ("[")
        xs, ys = [], []
        for bx, y0, bx1, y1 in segments:
            xs += [bx1, bx, bx, bx1, np.nan]
            ys += [y0, y0, y1, y1, np.nan]
        self.brackets.line.set_data(xs, ys)
        self.labels.show(entries)
        mx0, my0, mx1, _ = self.mosaic.bounds
        self.title.show([((mx0 + mx1) / 2, my0 - 18, title, {"va": "bottom"})] if title else [])
        return self
