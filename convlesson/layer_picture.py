"""A whole Conv2D layer: input channels | ``filters`` rows × C_in columns of kernels → ``filters`` maps.

Drawn by ``FilterBank``, ``Playground`` and ``GroupedConv``. Column ``c`` of the kernels sits under
the name of input channel ``c`` (in that channel's colour) and row ``j`` holds filter ``j``'s
kernels, with an arrow to map ``j`` level with it: the channels say which kernel reads them, the
rows which map each filter makes. Kernels a filter does not hold (``groups > 1``) are hatched. In
lecture mode at most ``sizes().detail`` channels and filters are drawn; a line says what the others
are. Introduced in ``05_filters`` and ``06_conv2d_layer``.
"""

from __future__ import annotations

import math

import numpy as np

from . import style
from ._art import ABSENT_FILL, ABSENT_STRIPE, HatchArt, MosaicArt, OutlineArt, ScaleArt, pitch_gutter
from ._text_art import TextPool, inside, measure, wrap

__all__ = ["LayerPicture", "shown", "NAME_COLOURS", "name_colour"]

MARGIN = 12.0  #: pixels kept free around the picture
COL_GAP = 40.0  #: pixels between the input column, the kernels and the maps
ARROW_W = 44.0  #: pixels for the arrows from each filter's row to its map
IN_SIDE = 110.0  #: the largest side of an input channel's panel
OUT_SIDE = 150.0  #: the largest side of an output map
OUT_SIDE_ONE = 240.0  #: the largest side of the output map of a one-filter layer
KERNEL_CELL = 40.0  #: the largest cell of a kernel (big enough for its numbers)
BANK_MAX_H = 560.0  #: the kernels take at most this many pixels in height
MIN_PITCH = 56.0  #: the smallest distance between two filters' rows (their maps need room)
TITLE_GAP = 8.0  #: pixels between a column and its title
SCALE_W = 120.0  #: pixels of a colour scale's strip

#: The colour of a channel's name wherever it is written (R, G and B in their colours).
NAME_COLOURS = {"R": "#c0392b", "G": "#1e8449", "B": "#1f4e9e"}


def name_colour(name: str) -> str:
    return NAME_COLOURS.get(name, "0.2")


def shown(n: int) -> list[int]:
    """Which of ``n`` channels or filters are drawn in full: all, or in lecture mode the first few."""
    limit = style.sizes().detail
    return list(range(n if limit is None else min(n, limit)))


class LayerPicture:
    """Input channels | filters × C_in kernels | the ``filters`` output maps, one per filter's row."""

    def __init__(self, ax):
        self.ax = ax
        self.inputs = MosaicArt(ax, "Greys")
        self.input_hatch = HatchArt(ax)
        self.bank = MosaicArt(ax, style.SIGNED)
        self.absent = HatchArt(ax, fill=ABSENT_FILL, stripe=ABSENT_STRIPE, zorder=0.9)
        self.outputs = MosaicArt(ax, style.SIGNED)  # one map per shown filter, each with its own limit
        self.map_limits: list[float] = []
        self.frames = OutlineArt(ax, linewidth=0.8, color="0.3")
        self.weight_scale = ScaleArt(ax, style.SIGNED)
        self.map_scale = ScaleArt(ax, style.SIGNED)
        self.titles = TextPool(ax, role="title")
        self.labels = TextPool(ax, role="label")
        self.symbols = TextPool(ax, role="symbol")
        self.text = TextPool(ax, role="label", ha="left", va="top")
        self.channels: list[int] = []
        self.filters: list[int] = []
        self.height = 0.0

    def update(
        self,
        x,
        layer,
        output,
        box,
        *,
        names,
        filter_names=None,
        lines=(),
        positive=False,
        bank_title=None,
        one_filter_as_kernels=False,
    ) -> LayerPicture:
        """Draw input ``x`` ``(H, W, C_in)``, ``layer``'s weights and its ``output`` ``(H', W', filters)``.

        ``names``: the channels' names; ``filter_names``: a word for each filter (e.g. "red edges");
        ``positive``: the maps cannot be negative (sequential colours); ``lines``: text under it;
        ``one_filter_as_kernels``: a one-filter layer is drawn as its kernels, without the word filter.
        ``height`` is set to the pixels the picture needs.
        """
        x = np.asarray(x, dtype=float)
        h, w, c_in = x.shape
        kh, kw = layer.kernel_size
        n_filters = layer.filters
        oh, ow = output.shape[:2]
        x0, y0, width = box[0], box[1], box[2] - box[0]
        self.channels, self.filters = shown(c_in), shown(n_filters)
        chans, fils = self.channels, self.filters
        more_c, more_f = c_in - len(chans), n_filters - len(fils)
        (t, b), (left, r) = pads = _pads(layer, (h, w))
        hp, wp = h + t + b, w + left + r
        title_h = measure(self.ax, "Ag", "title")[1]
        label_h = measure(self.ax, "Ag", "label")[1]
        filter_names = filter_names or [""] * n_filters

        # widths: input | gap | row labels | kernels | arrows | maps | map labels
        as_kernels = one_filter_as_kernels and n_filters == 1  # before the word "filter" is taught
        captions = [
            (
                filter_names[j]
                if as_kernels
                else f"filter {j}" + (f" · {filter_names[j]}" if filter_names[j] else "")
            )
            for j in fils
        ]
        caption_w = max(measure(self.ax, s)[0] for s in captions)
        caption_h = label_h + 4  # each filter's row has its caption above it
        map_label_w = max(measure(self.ax, s)[0] for s in (f"map {fils[-1]}", "0 to 20", "±20")) + 10
        in_side = min(IN_SIDE, (width - 2 * MARGIN) * (0.11 if style.lecture() else 0.14))
        name_w = max(measure(self.ax, names[c])[0] for c in chans) + 8  # channel names left of the input
        gk = pitch_gutter(max(kh, kw))
        bank_cols = len(chans) * (kw + gk) - gk
        fixed = 2 * MARGIN + name_w + in_side + COL_GAP + ARROW_W + map_label_w
        more_w = 0.0  # channels and filters not drawn are told in a line under the kernels
        one = len(fils) == 1
        out_w = min(OUT_SIDE_ONE if one else OUT_SIDE, (width - fixed - more_w) * (0.45 if one else 0.38))
        bank_w = width - fixed - out_w - more_w
        ck = min(KERNEL_CELL, bank_w / bank_cols, (BANK_MAX_H - len(fils) * caption_h) / (len(fils) * kh))
        gk_rows = max(gk, math.ceil((caption_h + 6) / ck), math.ceil(MIN_PITCH / ck - kh))
        pitch = (kh + gk_rows) * ck
        bank_w = max(bank_cols * ck, caption_w)  # the kernels' column: as wide as their captions
        spare = max(width - fixed - out_w - more_w - bank_w, 0.0)  # larger maps, then wider gaps
        grow = min(spare, OUT_SIDE_ONE - out_w) if len(fils) == 1 else 0.0
        out_w += grow
        gap_extra = (spare - grow) / 3
        top = y0 + MARGIN + title_h + label_h + 4 + TITLE_GAP + label_h + 6 + caption_h  # titles, names
        rows_h = len(fils) * pitch - gk_rows * ck
        x_in = x0 + MARGIN + name_w + gap_extra / 2
        x_labels = x_in + in_side + COL_GAP + gap_extra
        x_bank = x_labels
        bank_right = x_bank + bank_w

        # the input: shown channels stacked, each in its own colours, padding hatched
        gi = pitch_gutter(hp)
        ci = min(in_side / wp, max(rows_h, 3 * in_side) / (len(chans) * (hp + gi) - gi), 30.0)
        in_h = (len(chans) * (hp + gi) - gi) * ci
        block_h = max(rows_h, in_h)
        in_top = top + (block_h - in_h) / 2
        padded = np.pad(x, ((t, b), (left, r), (0, 0)))
        self.inputs.update_blocks(
            [[padded[..., c]] for c in chans],
            (x_in, in_top),
            ci,
            gi,
            numbers=False,
            paints=[[(style.channel_cmap(names[c]), (0.0, 1.0))] for c in chans],
        )
        mask = np.zeros(self.inputs.shape, dtype=bool)
        if any(v for p in pads for v in p):
            for rs, cs in (row[0] for row in self.inputs.slices):
                mask[rs, cs] = True
                mask[rs.start + t : rs.stop - b, cs.start + left : cs.stop - r] = False
        self.input_hatch.update(mask, self.inputs.bounds)
        entries, symbols, frames = [], [], []
        for n, c in enumerate(chans):
            bx0, by0, _, by1 = self.inputs.block_bounds(n, 0)
            entries.append(
                (bx0 - 4, (by0 + by1) / 2, names[c], {"ha": "right", "color": name_colour(names[c])})
            )

        # the kernels: filters' rows × channels' columns (absent kernels hatched)
        bank_top = top + (block_h - rows_h) / 2
        blocks = []
        weights = layer.weights
        for j in fils:
            held = layer.channels_of(j)
            blocks.append([weights[:, :, held.index(c), j] if c in held else None for c in chans])
        kv = style.nice_limit(np.abs(weights).max())
        self.bank.update_blocks(blocks, (x_bank, bank_top), ck, (gk_rows, gk), (-kv, kv))
        absent = np.zeros(self.bank.shape, dtype=bool)
        for n, row in enumerate(blocks):
            for m, blk in enumerate(row):
                if blk is None:
                    absent[self.bank.slices[n][m]] = True
        self.absent.update(absent, self.bank.bounds)
        for m, c in enumerate(chans):
            bx0, by0, bx1, _ = self.bank.block_bounds(0, m)
            entries.append(
                (
                    (bx0 + bx1) / 2,
                    by0 - caption_h - 6,
                    names[c],
                    {"va": "bottom", "color": name_colour(names[c])},
                )
            )

        # the maps: map j level with filter j's row, an arrow between
        gm_guess = 1
        cm = min(out_w / ow, (pitch - 8) / oh) if len(fils) > 1 else min(out_w / ow, max(block_h, 120) / oh)
        if len(fils) > 1:
            gm_guess = max(1, math.ceil(pitch / cm - oh - 1e-9))
            cm = pitch / (oh + gm_guess)
        x_out = bank_right + more_w + ARROW_W + gap_extra
        row0_mid = bank_top + kh * ck / 2
        out_top = row0_mid - oh * cm / 2
        cmap = style.POSITIVE if positive else style.SIGNED
        self.map_limits = [style.nice_limit(np.abs(output[..., j]).max()) for j in fils]
        paints = [[(cmap, (0.0, lim) if positive else (-lim, lim))] for lim in self.map_limits]
        self.outputs.update_blocks(
            [[output[..., j]] for j in fils], (x_out, out_top), cm, gm_guess, numbers=False, paints=paints
        )
        for n, j in enumerate(fils):
            _, ry0, _, ry1 = self.bank.block_bounds(n, 0)
            mid = (ry0 + ry1) / 2
            entries.append((x_bank, ry0 - 3, captions[n], {"ha": "left", "va": "bottom"}))
            symbols.append((bank_right + more_w + (ARROW_W + gap_extra) / 2, mid, "→"))
            mx0, my0, mx1, my1 = self.outputs.block_bounds(n, 0)
            frames.append((mx0, my0, mx1, my1))
            lim = style_limit(self.map_limits[n], positive)
            entries.append((mx1 + 6, (my0 + my1) / 2 - label_h * 0.6, f"map {j}", {"ha": "left"}))
            entries.append((mx1 + 6, (my0 + my1) / 2 + label_h * 0.6, lim, {"ha": "left"}))
        bottom = max(self.bank.bounds[3], self.outputs.bounds[3], self.inputs.bounds[3])
        untold = []
        if more_f:
            plural = "s" if more_f > 1 else ""
            untold.append(f"⋮  {more_f} more filter{plural} → {more_f} more map{plural}")
        if more_c:
            plural = "s" if more_c > 1 else ""
            first, last = names[chans[-1] + 1], names[-1]
            span = first if first == last else f"{first}–{last}"
            each = "in each filter that reads it" if getattr(layer, "groups", 1) > 1 else "each"
            untold.append(f"⋯  {more_c} more channel{plural} ({span}), one more kernel {each}")
        for line in untold:
            bottom += 6
            entries.append((x_in, bottom + label_h / 2, line, {"ha": "left"}))
            bottom += label_h * 1.1

        # titles: a name and a shape under it, above each column
        in_name, in_shape = "input", f"({h}, {w}, {c_in})"
        per = layer.kernels_per_filter
        bank_name = bank_title or "weights"
        bank_shape = (
            f"{per} kernel{'s' if per > 1 else ''}, one per channel"
            if as_kernels
            else f"{n_filters} filter{'s' if n_filters > 1 else ''} × {per} kernel{'s' if per > 1 else ''}"
        )
        out_shape = f"({oh}, {ow}, {n_filters})"
        name_y = y0 + MARGIN + title_h
        shape_y = name_y + 4 + label_h
        hi = x0 + width - MARGIN
        cols = [
            ((x_in + x_in + in_side) / 2, in_name, in_shape),
            ((x_bank + bank_right) / 2, bank_name, bank_shape),
            ((x_out + x_out + ow * cm) / 2, "output", out_shape),
        ]
        titles = []
        lo = x0 + MARGIN
        for cx, name, shape in cols:
            nw = measure(self.ax, name, "title")[0]
            sw = measure(self.ax, shape)[0]
            titles.append((inside(cx, nw, lo, hi), name_y, name))
            entries.append((inside(cx, sw, lo, hi), shape_y, shape, {"va": "bottom"}))
        for n in range(len(fils)):
            frames.append(self.bank.block_bounds(n, 0)[:2] + self.bank.block_bounds(n, len(chans) - 1)[2:])

        # colour scales under what they explain
        scale_top = bottom + 16
        sw_k = min(SCALE_W, bank_right - x_bank)
        self.weight_scale.update(-kv, kv, x_bank + (bank_right - x_bank - sw_k) / 2, scale_top, sw_k)
        out_right = x_out + ow * cm
        sw_m = min(SCALE_W, out_right - x_out)
        # one strip for all maps: each map's limit is written beside it (each map has its own)
        self.map_scale.update(
            0.0 if positive else -1.0, 1.0, x_out + (out_right - x_out - sw_m) / 2, scale_top, sw_m, cmap=cmap
        )
        self.map_scale.labels.show(
            self.map_scale_labels(positive, x_out + (out_right - x_out - sw_m) / 2, scale_top, sw_m)
        )
        bottom = scale_top + self.weight_scale.height() + 18

        self.frames.update(frames)
        self.titles.show([(tx, ty, s, {"va": "bottom"}) for tx, ty, s in titles])
        self.labels.show(entries)
        self.symbols.show(symbols)
        line_h = label_h * 1.35
        hidden = self.bank.numbers_hidden
        foot = [*lines] + (["Numbers too small to read at this size are left out."] if hidden else [])
        foot = [part for line in foot for part in wrap(self.ax, line, width - 2 * MARGIN)]
        self.text.show([(x0 + MARGIN, bottom + n * line_h, s) for n, s in enumerate(foot)])
        self.height = bottom + len(foot) * line_h + MARGIN - y0
        return self

    def map_scale_labels(self, positive, x, y, w):
        """The maps' strip says "its limit" at its ends: every map has its own, written beside it."""
        below = y + self.map_scale.HEIGHT + 2
        ends = [(x, below, "0" if positive else "−", {"va": "top", "ha": "left"})]
        ends.append((x + w, below, "+", {"va": "top", "ha": "right"}))
        if not positive:
            ends.append((x + w / 2, below, "0", {"va": "top"}))
        ends.append((x - 6, y + self.map_scale.HEIGHT / 2, "maps", {"ha": "right"}))
        return ends


def style_limit(limit: float, positive: bool) -> str:
    """A map's colour limits as written beside it: ``±2`` or ``0 to 2``."""
    text = f"{limit:g}"
    return f"0 to {text}" if positive else f"±{text}"


def _pads(layer, hw):
    from .conv import resolve_padding

    return resolve_padding(hw, layer.kernel_size, layer.strides, layer.dilation_rate, layer.padding)
