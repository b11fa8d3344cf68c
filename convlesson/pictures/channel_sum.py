"""One filter at work: each input channel ⊛ its kernel = one map, the maps added, + bias, (ReLU).

Drawn by the ``ChannelSum`` explorer. One row per input channel -- the channel, its kernel, the map
they make, with "+" between the maps -- then the chain that turns the C_in maps into one feature
map: their sum Σ, plus the filter's one bias, then ReLU. The chain sits beside the rows, or under
them when the rows are few. In lecture mode at most ``sizes().detail`` rows are drawn; a line says
what the others are. Introduced in ``04_many_channels``.
"""

from __future__ import annotations

import numpy as np

from . import style
from .art import GridArt, HatchArt, OutlineArt
from .scales import ScaleArt
from .text_art import TextPool, inside, measure, text_height, wrap
from .words import say, say_n

__all__ = ["ChannelSumPicture", "shown_rows"]

MARGIN = 12.0  #: pixels kept free around the picture
GAP = 50.0  #: pixels between two panels of a row (an operator sits in the middle)
ROW_GAP = 28.0  #: pixels between two rows (a "+" sits in the middle of the maps' column)
TITLE_GAP = 8.0  #: pixels between a column and its title
LABEL_W = 34.0  #: pixels for the channel names left of the rows
MAX_SIDE = 150.0  #: the largest side of a channel or map panel
KERNEL_CELL = 36.0  #: the largest cell of a kernel (big enough for its numbers)
CHAIN_SIDE = 150.0  #: the largest side of a panel of the chain
SCALE_W = 120.0  #: pixels of a colour scale's strip
ROWS_MAX_H = 720.0  #: the rows of channels take at most this many pixels (more channels: smaller rows)


def shown_rows(c_in: int) -> list[int]:
    """The channels drawn in full: all, or in lecture mode the first ones and the last one."""
    limit = style.sizes().detail
    if limit is None or c_in <= limit:
        return list(range(c_in))
    return [*range(limit - 1), c_in - 1]


class _Row:
    def __init__(self, ax, cmap):
        self.channel = GridArt(ax, cmap)
        self.kernel = GridArt(ax, style.SIGNED)
        self.map = GridArt(ax, style.SIGNED)
        self.grids = (self.channel, self.kernel, self.map)

    def hide(self):
        for g in self.grids:
            g.update(np.zeros((1, 1)), (0, 0), 1.0, visible=False)


class ChannelSumPicture:
    """C_in rows of channel ⊛ kernel = map, then Σ, + bias, ReLU: one output channel."""

    def __init__(self, ax):
        self.ax = ax
        self.rows: list[_Row] = []
        self.hatch = HatchArt(ax)
        self.summed = GridArt(ax, style.SIGNED)
        self.biased = GridArt(ax, style.SIGNED)
        self.activated = GridArt(ax, style.POSITIVE)
        self.frames = OutlineArt(ax, linewidth=0.8, color="0.3")
        self.weight_scale = ScaleArt(ax, style.SIGNED)
        self.map_scale = ScaleArt(ax, style.SIGNED)
        self.relu_scale = ScaleArt(ax, style.POSITIVE)
        self.titles = TextPool(ax, role="title")
        self.labels = TextPool(ax, role="label")
        self.symbols = TextPool(ax, role="symbol")
        self.text = TextPool(ax, role="label", ha="left", va="top")
        self.shown: list[int] = []
        self.height = 0.0

    def _row(self, n: int, cmap: str) -> _Row:
        while len(self.rows) <= n:
            self.rows.append(_Row(self.ax, cmap))
        return self.rows[n]

    def update(self, x, layer, dec, box, *, names, lines=(), positive=False) -> ChannelSumPicture:
        """Draw input ``x`` ``(H, W, C_in)``, filter ``dec.filter_index`` of ``layer`` and its decomposition.

        ``names`` are the channels' names; ``lines`` text under the picture; ``positive`` says the
        filter cannot make negative numbers from this input (its maps get a sequential colour map).
        ``height`` is set to the pixels the picture needs.
        """
        x = np.asarray(x, dtype=float)
        h, w, c_in = x.shape
        kh, kw = layer.kernel_size
        (t, b), (left, r) = pads = _pads(layer, (h, w))
        hp, wp = h + t + b, w + left + r
        oh, ow = dec.summed.shape
        x0, y0, width = box[0], box[1], box[2] - box[0]
        self.shown = shown_rows(c_in)
        filt = layer.filter(dec.filter_index)
        finals = [dec.summed, dec.biased] + ([dec.output] if dec.activation else [])
        kv = style.nice_limit(np.abs(filt).max())
        mv = style.nice_limit(max(np.abs(m).max() for m in [*dec.channel_maps, *finals]))
        maps_cmap = style.POSITIVE if positive and dec.bias >= 0 else style.SIGNED
        map_clim = (0.0, mv) if maps_cmap == style.POSITIVE else (-mv, mv)
        title_h = text_height(self.ax, "title")
        label_h = text_height(self.ax, "label")
        sym_h = measure(self.ax, "+", "symbol")[1]
        row_gap = max(ROW_GAP, sym_h + 6)

        # the rows: label | channel ⊛ kernel = map
        n_rows = len(self.shown)
        more = c_in - n_rows
        kernel_side = min(KERNEL_CELL * max(kh, kw), MAX_SIDE)
        side = min(MAX_SIDE, (width * 0.62 - LABEL_W - 2 * GAP - kernel_side) / 2)
        side = min(side, (ROWS_MAX_H - (n_rows - 1) * row_gap) / n_rows)
        kernel_side = min(kernel_side, side)
        top = y0 + MARGIN + title_h + label_h + 4 + TITLE_GAP  # column titles: a name, a shape under it
        cols_x = [x0 + MARGIN + LABEL_W]
        cols_x.append(cols_x[0] + side + GAP)
        cols_x.append(cols_x[1] + kernel_side + GAP)
        rows_right = cols_x[2] + side
        rows_right_max = x0 + width * 0.62 + GAP / 2
        entries, symbols, frames = [], [], []
        mask = np.ones((hp, wp), dtype=bool)
        mask[t : hp - b, left : wp - r] = False
        hatch_bounds = []
        y = top
        for n, c in enumerate(self.shown):
            if more and n == n_rows - 1:  # the channels not drawn, summed up in a line or two
                first, last = names[n_rows - 1], names[c - 1]
                span = first if first == last else f"{first}–{last}"
                what = say_n("channel_sum.more", more, span=span)
                for line in wrap(self.ax, what, rows_right_max - cols_x[0]):
                    entries.append((cols_x[0], y + label_h / 2, line, {"ha": "left"}))
                    y += label_h * 1.2
                y += row_gap
            row = self._row(n, style.channel_cmap(names[c]))
            padded = np.pad(x[..., c], pads)
            cc = side / max(hp, wp)
            row.channel.update(
                padded, (cols_x[0], y + (side - hp * cc) / 2), cc, clim=(0.0, 1.0), numbers=False
            )
            row.channel.image.set_cmap(style.channel_cmap(names[c]))
            if mask.any():
                hatch_bounds.append(row.channel.bounds)
            kc = kernel_side / max(kh, kw)
            row.kernel.update(filt[..., c], (cols_x[1], y + (side - kh * kc) / 2), kc, clim=(-kv, kv))
            mc = side / max(oh, ow)
            row.map.update(
                dec.channel_maps[c],
                (cols_x[2], y + (side - oh * mc) / 2),
                mc,
                clim=map_clim,
                numbers=False,
                cmap=maps_cmap,
            )
            frames += [row.kernel.bounds, row.map.bounds]
            mid = y + side / 2
            entries.append((cols_x[0] - 8, mid, names[c], {"ha": "right", "color": _name_colour(names[c])}))
            symbols.append((cols_x[1] - GAP / 2, mid, "⊛"))
            symbols.append((cols_x[2] - GAP / 2, mid, "="))
            if n < n_rows - 1 and not (more and n == n_rows - 2):  # the line of the others says "added"
                symbols.append((cols_x[2] + side / 2, y + side + row_gap / 2, "+"))
            y += side + row_gap
        for row in self.rows[n_rows:]:
            row.hide()
        self.hatch.update(np.zeros((1, 1), dtype=bool), (0, 0, 1, 1))
        if hatch_bounds:  # padding shows on the first channel drawn
            self.hatch.update(mask, hatch_bounds[0])
        rows_bottom = y - row_gap
        titles = []
        kernels = say_n("n_kernels", c_in)
        room = [side + GAP - 8, kernel_side + GAP - 8, side + GAP - 8]  # a column's title may use its gaps
        for col, (cx, name, shapes) in enumerate(
            (
                (cols_x[0] + side / 2, say("input"), [f"({h}, {w}, {c_in})", f"({h}, {w}, {c_in})"]),
                (  # notebook 05 calls these C_in kernels a filter; here they are still "the kernels"
                    cols_x[1] + kernel_side / 2,
                    say("channel_sum.kernels"),
                    [
                        say("channel_sum.kernels_shape", kernels=kernels, shape=(kh, kw)),
                        f"{kernels} {(kh, kw)}",
                        kernels,
                    ],
                ),
                (cols_x[2] + side / 2, say("channel_sum.maps"), [say("channel_sum.map_each"), say("each")]),
            )
        ):
            lo, hi = x0 + MARGIN, rows_right_max
            shape = next((t for t in shapes if measure(self.ax, t)[0] <= room[col]), shapes[-1])
            titles.append(
                (inside(cx, measure(self.ax, name, "title")[0], lo, hi), top - TITLE_GAP - label_h - 4, name)
            )
            entries.append(
                (inside(cx, measure(self.ax, shape)[0], lo, hi), top - TITLE_GAP, shape, {"va": "bottom"})
            )
        scale_top = rows_bottom + 14
        scale_h = self.weight_scale.height()
        sw = max(min(SCALE_W, kernel_side), self.weight_scale.min_width(-kv, kv))  # may outgrow a column
        w_x, m_x = cols_x[1] + (kernel_side - sw) / 2, cols_x[2] + (side - SCALE_W) / 2
        self.weight_scale.update(-kv, kv, w_x, scale_top, sw)
        # narrow columns: the maps' scale goes under the weights' rather than into its labels
        side_by_side = self.weight_scale.reach(-kv, kv, w_x, sw) + 12 <= m_x
        map_top = scale_top if side_by_side else scale_top + scale_h + 8
        self.map_scale.update(*map_clim, m_x, map_top, SCALE_W, cmap=maps_cmap)
        rows_block_bottom = map_top + scale_h

        # the chain: Σ + b = (ReLU →) one feature map, beside the rows if they are tall enough
        chain = [self.summed, self.biased] + ([self.activated] if dec.activation else [])
        n_chain = len(chain)
        right_x = rows_right + GAP
        right_w = x0 + width - MARGIN - right_x
        side_chain = min(CHAIN_SIDE, right_w)
        chain_h_vertical = n_chain * (side_chain + title_h + TITLE_GAP + row_gap) + 40
        beside = rows_bottom - top >= 0.6 * chain_h_vertical and right_w >= 110
        chain_titles = [
            say_n("channel_sum.sum", c_in),
            say("channel_sum.bias", bias=f"{dec.bias:+.2f}"),
            "ReLU",
        ]
        chain_titles[1] = chain_titles[1].replace("-", "−")
        if beside:
            side_chain = min(
                side_chain,
                (rows_bottom - top - n_chain * (title_h + TITLE_GAP) - (n_chain - 1) * 10) / n_chain,
            )
            cy = top
            places = []
            for _ in range(n_chain):
                places.append((right_x + (right_w - side_chain) / 2, cy + title_h + TITLE_GAP))
                cy += side_chain + title_h + TITLE_GAP + 10
            chain_bottom = cy
        else:
            side_chain = min(CHAIN_SIDE, (width - 2 * MARGIN - (n_chain - 1) * GAP) / n_chain)
            cy = rows_block_bottom + row_gap + title_h + TITLE_GAP
            total_w = n_chain * side_chain + (n_chain - 1) * GAP
            sx = x0 + (width - total_w) / 2
            places = [(sx + i * (side_chain + GAP), cy) for i in range(n_chain)]
            chain_bottom = cy + side_chain
        for i, art in enumerate(chain):
            arr = finals[i]
            cm = side_chain / max(oh, ow)
            if art is self.activated:
                art.update(arr, places[i], cm, clim=(0.0, mv), numbers=False)
            else:
                art.update(arr, places[i], cm, clim=map_clim, numbers=False, cmap=maps_cmap)
            frames.append(art.bounds)
            ax0, ay0, ax1, _ = art.bounds
            titles.append(((ax0 + ax1) / 2, ay0 - TITLE_GAP, chain_titles[i]))
            if i and not beside:  # side by side: an arrow between; stacked, the titles read downwards
                px1 = chain[i - 1].bounds[2]
                symbols.append(((px1 + ax0) / 2, (ay0 + art.bounds[3]) / 2, "→"))
        for art in chain[n_chain:]:
            art.update(np.zeros((1, 1)), (0, 0), 1.0, visible=False)
        if not dec.activation:
            self.activated.update(np.zeros((1, 1)), (0, 0), 1.0, visible=False)
        last = chain[-1].bounds
        note_y = last[3] + 8
        note = say("channel_sum.feature_map", oh=oh, ow=ow)
        note_x = inside(
            (last[0] + last[2]) / 2, measure(self.ax, note, "title")[0], x0 + MARGIN, x0 + width - MARGIN
        )
        entries.append((note_x, note_y, note, {"va": "top", "role": "title"}))
        if dec.activation:
            self.relu_scale.update(
                0.0, mv, last[0] + (last[2] - last[0] - SCALE_W) / 2, note_y + title_h + 10, SCALE_W
            )
            chain_bottom = note_y + title_h + 10 + scale_h
        else:
            self.relu_scale.hide()
            chain_bottom = note_y + title_h
        if not beside:
            symbols.append((cols_x[0] + side / 2, rows_block_bottom - scale_h / 2, "Σ ↓"))
        self.frames.update(frames)
        self.titles.show([(tx, ty, s, {"va": "bottom"}) for tx, ty, s in titles])
        self.labels.show(entries)
        self.symbols.show(symbols)
        bottom = max(rows_block_bottom, chain_bottom) + 20
        line_h = label_h * 1.35
        hidden = any(g.numbers_hidden for row in self.rows[:n_rows] for g in row.grids)
        foot = [*lines] + ([say("numbers_hidden")] if hidden else [])
        foot = [part for line in foot for part in wrap(self.ax, line, width - 2 * MARGIN)]
        self.text.show([(x0 + MARGIN, bottom + n * line_h, s) for n, s in enumerate(foot)])
        self.height = bottom + len(foot) * line_h + MARGIN - y0
        return self


def _name_colour(name: str) -> str:
    return {"R": "#c0392b", "G": "#1e8449", "B": "#1f4e9e"}.get(name, "0.2")


def _pads(layer, hw):
    from ..core.conv import resolve_padding

    return resolve_padding(hw, layer.kernel_size, layer.strides, layer.dilation_rate, layer.padding)
