"""The live pictures behind the explorers: a sweep, a stack of channels or maps, a bank of kernels, a layer.

Each picture owns a fixed set of artists on one Axes and redraws new data in place (``update`` /
``place``), so a frame costs one Agg draw, not a new figure. Whole banks of kernels, stacks of
channels and stacks of maps are each ONE image with NaN gutters. The public ``draw_*`` functions in
:mod:`convlesson.draw` build these pictures on an ordinary Axes; the explorers build them on their
own figure. Colours: weights and feature maps use the diverging ``RdBu_r`` map (colour-blind safe)
with limits ``-v .. +v``, so white means 0; inputs are grey, with padding hatched.
"""

from __future__ import annotations

import math

import numpy as np

from ._art import (
    ABSENT_FILL,
    ABSENT_STRIPE,
    GridArt,
    HatchArt,
    MosaicArt,
    OutlineArt,
    ScaleArt,
    TextPool,
    pitch_gutter,
    symmetric_limit,
)
from .samples import RGB_NAMES

__all__ = [
    "WEIGHT_CMAP",
    "INPUT_CMAP",
    "channel_names",
    "StackPicture",
    "BankPicture",
    "LayerPicture",
    "ChannelSumPicture",
]

WEIGHT_CMAP = "RdBu_r"
INPUT_CMAP = "gray"
_GRID_CMAP = "Greys"
_TITLE = {"fontsize": 10, "fontweight": "bold"}


def channel_names(c_in: int, rgb: bool = False) -> list[str]:
    """``['R', 'G', 'B']`` for a photo (``rgb=True`` and 3 channels), else ``['c0', 'c1', ...]``."""
    return list(RGB_NAMES) if rgb and c_in == 3 else [f"c{c}" for c in range(c_in)]


def _half_width(text: str, fontsize: float = 10) -> float:
    """About half the width of bold ``text`` at ``fontsize`` points, in pixels at 100 dpi."""
    return 0.34 * fontsize * 100 / 72 * len(text)


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
        self.labels = TextPool(ax, fontsize=9)
        self.title = TextPool(ax, **_TITLE)

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
        xc = max((x0 + x1) / 2, min(self.ax.get_xlim()) + 4 + _half_width(title))
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
        self.labels = TextPool(ax, fontsize=9)
        self.title = TextPool(ax, **_TITLE)

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
            entries.append((bx - 4, (y0 + y1) / 2, f"filter {j}", {"ha": "right"}))
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


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _channel_range(chans, names) -> str:
    if len(chans) == 1:
        return names[chans[0]]
    return f"{names[chans[0]]}–{names[chans[-1]]}"


class LayerPicture:
    """A whole Conv2D layer: input channels | filters x C_in kernels | the ``filters`` output maps.

    Output map ``j`` sits level with filter ``j``'s row of kernels. Used by ``FilterBank``,
    ``Playground`` and ``GroupedConv``.
    """

    def __init__(self, ax):
        self.ax = ax
        self.inputs = StackPicture(ax, INPUT_CMAP)
        self.bank = BankPicture(ax)
        self.outputs = StackPicture(ax, WEIGHT_CMAP)
        self.weight_scale = ScaleArt(ax, WEIGHT_CMAP)
        self.map_scale = ScaleArt(ax, WEIGHT_CMAP)
        self.text = TextPool(ax, fontsize=10, ha="left", va="top")

    def update(self, x, layer, output, box, *, names=None, lines=(), map_names=None, bank_title=None):
        """Draw input ``x`` ``(H, W, C_in)``, ``layer``'s weights and its ``output`` ``(H', W', filters)``."""
        x = np.asarray(x, dtype=float)
        h, w, c_in = x.shape
        kh, kw = layer.kernel_size
        filters = layer.filters
        oh, ow = output.shape[:2]
        names = names or channel_names(c_in)
        pads = _layer_pads(layer, (h, w))
        (t, b), (left, r) = pads
        hp, wp = h + t + b, w + left + r
        bx0, by0, bx1, by1 = box
        n_lines = max(len(lines), 1)
        top, bottom = by0 + 50, by1 - 18 * n_lines - 30
        avail = bottom - top
        map_names = map_names or [f"map {j} ← filter {j}" for j in range(filters)]
        label_w = 7.0 * max(len(n) for n in map_names) + 14
        scale_w = 64.0
        # input column: one block per channel, at most 120 pixels wide
        gi = pitch_gutter(hp)
        ci = min(avail / (c_in * (hp + gi) - gi), 110.0 / wp, 30.0)
        in_x = bx0 + 40
        stack_h = (c_in * (hp + gi) - gi) * ci
        padded = np.pad(x, ((t, b), (left, r), (0, 0)))
        self.inputs.place(
            [padded[..., c] for c in range(c_in)],
            (in_x, top + (avail - stack_h) / 2),
            ci,
            vertical=True,
            pads=pads,
            names=names,
            title=f"input ({h}, {w}, {c_in})",
            clim=(0.0, 1.0),
            gutter=gi,
        )
        # weights and outputs share a row pitch so that map j is level with filter j
        gk = pitch_gutter(max(kh, kw))
        bank_cells = c_in * (kw + gk) - gk
        bank_x = in_x + wp * ci + 72
        rest = bx1 - scale_w - label_w - bank_x - 10
        ck = min(avail / (filters * (kh + gk)), 40.0, 0.62 * rest / bank_cells)
        pitch = (kh + gk) * ck
        y_top = top + (avail - filters * pitch + gk * ck) / 2
        bank_w = bank_cells * ck
        out_x = bank_x + bank_w + label_w
        out_w = bx1 - scale_w - 10 - out_x
        if filters == 1:
            gm = pitch_gutter(oh)
            cm = min(avail / oh, out_w / ow)
        else:
            cm = min(pitch / (oh + 1), out_w / ow)
            gm = max(1, math.ceil(pitch / cm - oh - 1e-9))
            cm = pitch / (oh + gm)
        # share what the pictures leave over between the gaps
        spare = max(out_w - ow * cm, 0.0)
        bank_x += spare / 3
        out_x += 2 * spare / 3
        chans = [layer.channels_of(j) for j in range(filters)]
        v = symmetric_limit(layer.kernel)
        per = c_in // layer.groups
        row_mid = y_top + kh * ck / 2
        self.bank.place(
            layer.kernel,
            (bank_x, y_top),
            ck,
            channels_of=chans,
            names=names,
            vmax=v,
            title=bank_title or f"weights: {_plural(filters, 'filter')} × {_plural(per, 'kernel')}",
        )
        mv = symmetric_limit(output)
        self.outputs.place(
            [output[..., j] for j in range(filters)],
            (out_x, row_mid - oh * cm / 2),
            cm,
            vertical=True,
            names=map_names,
            title=f"output ({oh}, {ow}, {filters})",
            clim=(-mv, mv),
            gutter=gm,
        )
        sx = bx1 - scale_w + 6
        bar_h = min(avail / 2 - 40, 150)
        self.weight_scale.update(-v, v, (sx, top + 10), bar_h, 9, "weights")
        self.map_scale.update(-mv, mv, (sx, top + avail / 2 + 30), bar_h, 9, "maps")
        self.text.show([(bx0 + 12, bottom + 14 + 18 * i, line) for i, line in enumerate(lines)])
        return self


def _layer_pads(layer, hw):
    from .conv import resolve_padding

    return resolve_padding(hw, layer.kernel_size, layer.strides, layer.dilation_rate, layer.padding)


class ChannelSumPicture:
    """One filter at work: C_in channels ⊛ C_in kernels = C_in maps, their sum, + bias, (ReLU)."""

    def __init__(self, ax):
        self.ax = ax
        self.inputs = StackPicture(ax, INPUT_CMAP)
        self.kernels = StackPicture(ax, WEIGHT_CMAP)
        self.maps = StackPicture(ax, WEIGHT_CMAP)
        self.summed = GridArt(ax, WEIGHT_CMAP)
        self.biased = GridArt(ax, WEIGHT_CMAP)
        self.activated = GridArt(ax, WEIGHT_CMAP)
        self.frames = OutlineArt(ax, linewidth=0.8, color="0.3")
        self.weight_scale = ScaleArt(ax, WEIGHT_CMAP)
        self.map_scale = ScaleArt(ax, WEIGHT_CMAP)
        self.labels = TextPool(ax, fontsize=10)
        self.text = TextPool(ax, fontsize=10, ha="left", va="top")

    def update(self, x, layer, dec, box, *, names=None, lines=()):
        """Draw input ``x``, filter ``dec.filter_index`` of ``layer`` and its decomposition ``dec``."""
        x = np.asarray(x, dtype=float)
        h, w, c_in = x.shape
        kh, kw = layer.kernel_size
        names = names or channel_names(c_in)
        (t, b), (left, r) = pads = _layer_pads(layer, (h, w))
        hp, wp = h + t + b, w + left + r
        oh, ow = dec.summed.shape
        bx0, by0, bx1, by1 = box
        top, bottom = by0 + 50, by1 - 18 * max(len(lines), 1) - 30
        avail = bottom - top
        scale_w, op_gap = 64.0, 40.0
        # columns: input | ⊛ | kernels | = | maps | → Σ → + bias → ReLU | colour scales
        width = bx1 - bx0 - 40 - scale_w - 5 * op_gap - 20
        side = min(avail / c_in * 0.82, 130.0, width / 6)
        # each column at least as wide as its title
        slots = {"in": max(side, 125.0), "k": max(side, 112.0), "m": max(side, 150.0)}
        cols = {"in": (bx0 + 40, slots["in"])}
        cols["k"] = (cols["in"][0] + slots["in"] + op_gap, slots["k"])
        cols["m"] = (cols["k"][0] + slots["k"] + op_gap, slots["m"])
        gi, gk, gm = pitch_gutter(hp), pitch_gutter(kh), pitch_gutter(oh)
        pitch = min(avail / c_in, side * (hp + gi) / wp, side * (kh + gk) / kw, side * (oh + gm) / ow)
        y_top = top + (avail - c_in * pitch) / 2

        def place(pic, arrays, key, block_h, block_w, g, **kw_):
            cell = pitch / (block_h + g)
            x0 = cols[key][0] + (cols[key][1] - block_w * cell) / 2
            pic.place(
                arrays, (x0, y_top + pitch / 2 - block_h * cell / 2), cell, vertical=True, gutter=g, **kw_
            )

        padded = np.pad(x, ((t, b), (left, r), (0, 0)))
        place(
            self.inputs,
            [padded[..., c] for c in range(c_in)],
            "in",
            hp,
            wp,
            gi,
            pads=pads,
            names=names,
            title=f"input ({h}, {w}, {c_in})",
            clim=(0.0, 1.0),
        )
        filt = layer.filter(dec.filter_index)
        kv = symmetric_limit(filt)
        place(
            self.kernels,
            [filt[..., c] for c in range(c_in)],
            "k",
            kh,
            kw,
            gk,
            names=(),
            title=f"filter {filt.shape}",
            clim=(-kv, kv),
        )
        maps = [dec.channel_maps[c] for c in range(c_in)]
        finals = [dec.summed, dec.biased] + ([dec.output] if dec.activation else [])
        mv = symmetric_limit(*maps, *finals)
        place(self.maps, maps, "m", oh, ow, gm, names=(), title="one map per channel", clim=(-mv, mv))
        entries = []
        for k in range(c_in):
            yc = y_top + (k + 0.5) * pitch
            entries.append((cols["k"][0] - op_gap / 2, yc, "⊛", {"fontsize": 14}))
            entries.append((cols["m"][0] - op_gap / 2, yc, "=", {"fontsize": 14}))
        # the sum, + bias, activation: one map each, side by side, as large as the room allows
        right0 = cols["m"][0] + slots["m"] + op_gap
        right_w = bx1 - scale_w - 10 - right0
        n = len(finals)
        slot = right_w / 3
        cell = min((slot - op_gap) / ow, avail * 0.7 / oh, 24.0)
        yc = top + avail / 2
        titles = [
            f"Σ of {c_in} map{'s' if c_in > 1 else ''}",
            f"+ bias ({dec.bias:+.2f})".replace("-", "−"),
            "ReLU",
        ]
        arts = (self.summed, self.biased, self.activated)
        for i, art in enumerate(arts):
            if i < n:
                x0 = right0 + i * slot + (slot - ow * cell) / 2
                art.update(finals[i], (x0, yc - oh * cell / 2), cell, clim=(-mv, mv))
                ax0, ay0, ax1, _ = art.bounds
                entries.append(((ax0 + ax1) / 2, ay0 - 6, titles[i], {"va": "bottom", "fontweight": "bold"}))
                entries.append((x0 - (slot - ow * cell) / 2 + 2, yc, "→", {"fontsize": 16}))
            else:
                art.update(np.zeros((1, 1)), (0, 0), 0.0, visible=False)
        self.frames.update([arts[i].bounds for i in range(n)])
        sx = bx1 - scale_w + 6
        bar_h = min(avail / 2 - 40, 150)
        self.weight_scale.update(-kv, kv, (sx, top + 10), bar_h, 9, "weights")
        self.map_scale.update(-mv, mv, (sx, top + avail / 2 + 30), bar_h, 9, "maps")
        last = finals[-1]
        entries.append(
            (
                right0 + (n / 2) * slot,
                yc + oh * cell / 2 + 22,
                f"one feature map ({last.shape[0]}, {last.shape[1]})",
                {"fontsize": 10},
            )
        )
        self.labels.show(entries)
        self.text.show([(bx0 + 12, bottom + 14 + 18 * i, line) for i, line in enumerate(lines)])
        return self
