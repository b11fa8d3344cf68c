"""A whole Conv2D layer: input channels, above ``filters`` rows × C_in columns of kernels → ``filters`` maps.

Drawn by ``FilterBank``, ``Playground`` and ``GroupedConv``. Input channel ``c`` is drawn right above
column ``c`` of the kernels, its name (in that channel's colour) between them: the column is the
kernels that read that channel. Row ``j`` holds filter ``j``'s kernels, with an arrow to map ``j``
level with it: the row is what makes that map. No channel is drawn level with a filter, so nothing
pairs a channel with a filter. Kernels a filter does not hold (``groups > 1``) are hatched. In
lecture mode at most ``sizes().detail`` channels and filters are drawn; a line says what the others
are. Introduced in ``05_filters`` and ``06_conv2d_layer``.
"""

from __future__ import annotations

import math

import numpy as np

from . import style
from .art import ABSENT_FILL, ABSENT_STRIPE, HatchArt, MosaicArt, OutlineArt, pitch_gutter
from .scales import ScaleArt
from .text_art import TextPool, inside, measure, text_height, wrap
from .words import name_of, say, say_n

__all__ = ["LayerPicture", "shown", "NAME_COLOURS", "name_colour"]

MARGIN = 12.0  #: pixels kept free around the picture
COL_GAP = 40.0  #: pixels between the input column, the kernels and the maps
ARROW_W = 44.0  #: pixels for the arrows from each filter's row to its map
IN_SIDE = 110.0  #: the largest side of an input channel's panel
IN_MIN_SIDE = 56.0  #: the smallest side of an input channel's panel (the kernels' gutters widen for it)
IN_GAP = 12.0  #: the least pixels between two input channels' panels
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
    """Input channels over filters × C_in kernels | the ``filters`` output maps, one per filter's row."""

    def __init__(self, ax):
        self.ax = ax
        self.inputs = MosaicArt(ax, "Greys")
        self.input_hatch = HatchArt(ax)
        self.bank = MosaicArt(ax, style.SIGNED)
        self.absent = HatchArt(ax, fill=ABSENT_FILL, stripe=ABSENT_STRIPE, zorder=0.9)
        self.outputs = MosaicArt(ax, style.SIGNED)  # one map per shown filter, each with its own limit
        self.map_limits: list[float] = []
        self.frames = OutlineArt(ax, linewidth=0.8, color="0.3")
        self.kernel_frames = OutlineArt(ax, linewidth=0.6, color="0.5")  # each kernel: no strip of 3x9
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
        map_quantile=None,
        input_limit=1.0,
    ) -> LayerPicture:
        """Draw input ``x`` ``(H, W, C_in)``, ``layer``'s weights and its ``output`` ``(H', W', filters)``.

        ``names``: the channels' names; ``filter_names``: a word for each filter (e.g. "yellow minus blue");
        ``positive``: the maps cannot be negative (sequential colours); ``lines``: text under it;
        ``one_filter_as_kernels``: a one-filter layer is drawn as its kernels, without the word filter;
        ``map_quantile``: each map's colour limit holds this percentile of its values, not all of them
        (a photo's few strongest edges saturate, and its many fainter ones show); ``input_limit``:
        the input value drawn at full colour (1 for pictures; a layer's maps may reach more).
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
        title_h = text_height(self.ax, "title")
        label_h = text_height(self.ax, "label")
        filter_names = filter_names or [""] * n_filters

        # widths: kernels | arrows | maps | map labels; each input channel sits above its column
        as_kernels = one_filter_as_kernels and n_filters == 1  # before the word "filter" is taught
        captions = [filter_caption(j, filter_names[j], as_kernels) for j in fils]
        caption_w = max(measure(self.ax, s)[0] for s in captions)
        caption_h = label_h + 4  # each filter's row has its caption above it
        map_label_w = (
            max(measure(self.ax, s)[0] for s in (say("map", j=fils[-1]), style_limit(20, True), "±20")) + 10
        )
        gk = pitch_gutter(max(kh, kw))
        bank_cols = len(chans) * (kw + gk) - gk
        fixed = 2 * MARGIN + ARROW_W + map_label_w
        one = len(fils) == 1
        out_w = min(OUT_SIDE_ONE if one else OUT_SIDE, (width - fixed) * (0.4 if one else 0.3))
        bank_w = width - fixed - out_w
        ck = min(KERNEL_CELL, bank_w / bank_cols, (BANK_MAX_H - len(fils) * caption_h) / (len(fils) * kh))
        # the input channels' panels are no wider than one column of kernels (kernel and gutter)
        col_pitch = (kw + gk) * ck
        if col_pitch < IN_MIN_SIDE + IN_GAP and len(chans) > 1:  # small kernels: wider gutters
            gk = math.ceil((IN_MIN_SIDE + IN_GAP) / ck - kw)
            bank_cols = len(chans) * (kw + gk) - gk
            ck = min(ck, bank_w / bank_cols)
            col_pitch = (kw + gk) * ck
        gk_rows = max(
            pitch_gutter(max(kh, kw)), math.ceil((caption_h + 6) / ck), math.ceil(MIN_PITCH / ck - kh)
        )
        pitch = (kh + gk_rows) * ck
        bank_w = max(bank_cols * ck, caption_w)  # the kernels' column: as wide as their captions
        spare = max(width - fixed - out_w - bank_w, 0.0)  # larger maps, then wider gaps
        grow = min(spare, (OUT_SIDE_ONE if one else OUT_SIDE) - out_w)
        out_w += grow
        gap_extra = (spare - grow) / 2
        in_side = min(IN_SIDE, (col_pitch - IN_GAP) if len(chans) > 1 else max(kw * ck, IN_SIDE))
        ci = in_side / max(hp, wp)
        gi = max(1, math.ceil(IN_GAP / ci)) if len(chans) == 1 else max(1, round(col_pitch / ci - wp))
        if len(chans) > 1:
            ci = col_pitch / (wp + gi)  # whole cells between panels: panel c right above kernel column c
        in_w, in_h = wp * ci, hp * ci
        x_bank = x0 + MARGIN + max(0.0, (in_w - kw * ck) / 2) + gap_extra / 2
        bank_right = x_bank + bank_w
        x_in = x_bank + (kw * ck - in_w) / 2  # panel c centred over kernel column c

        # the input: shown channels side by side, each in its own colours, padding hatched
        in_top = y0 + MARGIN + title_h + TITLE_GAP
        padded = np.pad(x, ((t, b), (left, r), (0, 0)))
        self.inputs.update_blocks(
            [[padded[..., c] for c in chans]],
            (x_in, in_top),
            ci,
            gi,
            numbers=False,
            paints=[[(style.channel_cmap(names[c]), (0.0, input_limit)) for c in chans]],
        )
        mask = np.zeros(self.inputs.shape, dtype=bool)
        if any(v for p in pads for v in p):
            for rs, cs in self.inputs.slices[0]:
                mask[rs, cs] = True
                mask[rs.start + t : rs.stop - b, cs.start + left : cs.stop - r] = False
        self.input_hatch.update(mask, self.inputs.bounds)
        entries, symbols, frames = [], [], []
        names_y = in_top + in_h + 4
        for m, c in enumerate(chans):
            bx0, _, bx1, _ = self.inputs.block_bounds(0, m)
            colour = name_colour(names[c])
            entries.append(((bx0 + bx1) / 2, names_y, names[c], {"va": "top", "color": colour}))

        # the kernels: filters' rows × channels' columns (absent kernels hatched), under the input
        heading_y = names_y + label_h + 14 + title_h  # the weights' and the output's titles
        top = heading_y + 4 + label_h + 8 + caption_h
        bank_top = top
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

        # the maps: map j level with filter j's row, an arrow between
        gm_guess = 1
        if len(fils) > 1:
            cm = min(out_w / ow, (pitch - 8) / oh)
            gm_guess = max(1, math.ceil(pitch / cm - oh - 1e-9))
            cm = pitch / (oh + gm_guess)
        else:
            cm = min(out_w / ow, OUT_SIDE_ONE / oh)
        x_out = bank_right + ARROW_W + gap_extra / 2
        row0_mid = bank_top + kh * ck / 2
        out_top = row0_mid - oh * cm / 2 if len(fils) > 1 else top - caption_h
        cmap = style.POSITIVE if positive else style.SIGNED
        self.map_limits = [
            style.nice_limit(
                np.abs(output[..., j]).max()
                if map_quantile is None
                else np.percentile(np.abs(output[..., j]), map_quantile)
            )
            for j in fils
        ]
        paints = [[(cmap, (0.0, lim) if positive else (-lim, lim))] for lim in self.map_limits]
        self.outputs.update_blocks(
            [[output[..., j]] for j in fils], (x_out, out_top), cm, gm_guess, numbers=False, paints=paints
        )
        for n, j in enumerate(fils):
            _, ry0, _, ry1 = self.bank.block_bounds(n, 0)
            mid = (ry0 + ry1) / 2
            entries.append((x_bank, ry0 - 3, captions[n], {"ha": "left", "va": "bottom"}))
            symbols.append((bank_right + (ARROW_W + gap_extra / 2) / 2, mid, "→"))
            mx0, my0, mx1, my1 = self.outputs.block_bounds(n, 0)
            frames.append((mx0, my0, mx1, my1))
            lim = style_limit(self.map_limits[n], positive)
            entries.append((mx1 + 6, (my0 + my1) / 2 - label_h * 0.6, say("map", j=j), {"ha": "left"}))
            entries.append((mx1 + 6, (my0 + my1) / 2 + label_h * 0.6, lim, {"ha": "left"}))
        bottom = max(self.bank.bounds[3], self.outputs.bounds[3], self.inputs.bounds[3])
        untold = []
        if more_f:
            untold.append(say_n("layer.more_filters", more_f))
        if more_c:
            first, last = names[chans[-1] + 1], names[-1]
            span = first if first == last else f"{first}–{last}"
            grouped = getattr(layer, "groups", 1) > 1
            untold.append(
                say_n("layer.more_channels_grouped" if grouped else "layer.more_channels", more_c, span=span)
            )
        for line in untold:
            bottom += 6
            entries.append((x0 + MARGIN, bottom + label_h / 2, line, {"ha": "left"}))
            bottom += label_h * 1.1

        # titles: the input's above it; the weights' and the output's (a name, a shape under it) above
        # their columns, under the input
        per = layer.kernels_per_filter
        bank_name = bank_title or say("layer.weights")
        bank_shape = (
            say("layer.one_per_channel", kernels=say_n("n_kernels", per))
            if as_kernels
            else f"{say_n('n_filters', n_filters)} × {say_n('n_kernels', per)}"
        )
        hi = x0 + width - MARGIN
        lo = x0 + MARGIN
        in_title = f"{say('input')} ({h}, {w}, {c_in})"
        titles = [(inside(x_in, 0, lo, hi), in_top - TITLE_GAP, in_title, {"ha": "left"})]
        shape_y = heading_y + 4 + label_h
        cols = [
            ((x_bank + bank_right) / 2, bank_name, bank_shape),
            # one map, before "output channel" is taught: (H', W'), as the text under the picture says
            (
                (x_out + x_out + ow * cm) / 2,
                say("output"),
                f"({oh}, {ow})" if as_kernels else f"({oh}, {ow}, {n_filters})",
            ),
        ]
        for cx, name, shape in cols:
            nw = measure(self.ax, name, "title")[0]
            sw = measure(self.ax, shape)[0]
            titles.append((inside(cx, nw, lo, hi), heading_y, name, {}))
            entries.append((inside(cx, sw, lo, hi), shape_y, shape, {"va": "bottom"}))
        kernel_frames = []
        for n in range(len(fils)):
            if not as_kernels:  # a filter's row is framed; before filters are taught, only its kernels
                frames.append(
                    self.bank.block_bounds(n, 0)[:2] + self.bank.block_bounds(n, len(chans) - 1)[2:]
                )
            kernel_frames += [self.bank.block_bounds(n, m) for m in range(len(chans))]
        self.kernel_frames.update(kernel_frames)

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
        self.titles.show([(tx, ty, s, {"va": "bottom", **p}) for tx, ty, s, p in titles])
        self.labels.show(entries)
        self.symbols.show(symbols)
        line_h = label_h * 1.35
        hidden = self.bank.numbers_hidden
        foot = [*lines] + ([say("numbers_hidden")] if hidden else [])
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
        ends.append((x - 6, y + self.map_scale.HEIGHT / 2, say("layer.maps"), {"ha": "right"}))
        return ends


def style_limit(limit: float, positive: bool) -> str:
    """A map's colour limits as written beside it: ``±2`` or ``0 to 2``."""
    text = f"{limit:g}"
    return say("layer.zero_to", limit=text) if positive else f"±{text}"


def filter_caption(j: int, name: str, as_kernels: bool = False) -> str:
    """A filter's caption, ``filter 0 · yellow minus blue`` (its name alone before filters are taught)."""
    if as_kernels:
        return name_of(name) if name else name
    return say("filter_named", j=j, name=name_of(name)) if name else say("filter", j=j)


def _pads(layer, hw):
    from ..core.conv import resolve_padding

    return resolve_padding(hw, layer.kernel_size, layer.strides, layer.dilation_rate, layer.padding)
