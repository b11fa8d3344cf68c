"""The course's pictures, drawn with matplotlib: kernels, filters, a layer's weights, channels, the sweep.

Each ``draw_*`` function takes an Axes and data, draws, and returns a *picture* object holding the
artists it made; the picture's ``place``/``update`` method redraws new data in place (the explorers
call it on every frame). Nothing here uses pyplot or shows a figure. Colours:

* weights and feature maps: the diverging ``RdBu_r`` map (colour-blind safe), always with limits
  ``-v .. +v`` so that white means 0 and a colour scale never lies;
* inputs: grey levels; padding cells are hatched, and the data region is outlined.

A whole bank of kernels (or a stack of channels or maps) is ONE image with NaN gutters, not one
Axes per kernel, which keeps redraws fast. Introduced in ``03_kernels`` (kernels), ``05_filters``
(filters) and ``06_conv2d_layer`` (a layer's weights).
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
    fit_axes,
    pitch_gutter,
    px_per_unit,
    symmetric_limit,
    window_rect,
)
from .conv import SweepTrace, conv2d
from .samples import RGB_NAMES
from .shapes import output_size_formula, param_count

__all__ = [
    "WEIGHT_CMAP",
    "INPUT_CMAP",
    "channel_names",
    "draw_kernel",
    "draw_filter",
    "draw_layer_weights",
    "draw_channels",
    "draw_maps",
    "draw_sweep",
    "shape_text",
    "StackPicture",
    "BankPicture",
    "SweepPicture",
]

WEIGHT_CMAP = "RdBu_r"
INPUT_CMAP = "gray"
_GRID_CMAP = "Greys"
_TITLE = {"fontsize": 10, "fontweight": "bold"}


def channel_names(c_in: int, rgb: bool = False) -> list[str]:
    """``['R', 'G', 'B']`` for a photo (``rgb=True`` and 3 channels), else ``['c0', 'c1', ...]``."""
    return list(RGB_NAMES) if rgb and c_in == 3 else [f"c{c}" for c in range(c_in)]


def _as_2d(a, name):
    arr = np.asarray(a, dtype=float)
    if arr.ndim != 2:
        raise ValueError(f"{name} must be 2-D, got shape {arr.shape}")
    return arr


def _half_width(text: str, fontsize: float = 10) -> float:
    """About half the width of bold ``text`` at ``fontsize`` points, in pixels at 100 dpi."""
    return 0.34 * fontsize * 100 / 72 * len(text)


def _static_box(ax):
    """A drawing box in display pixels for a picture made on an ordinary Axes."""
    w, h = ax.bbox.width, ax.bbox.height
    return (0.0, 0.0, max(w, 50.0), max(h, 50.0))


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


class SweepPicture:
    """One kernel sweeping one channel: padded input with the window, kernel, products, filling output."""

    def __init__(self, ax):
        self.ax = ax
        self.input = GridArt(ax, _GRID_CMAP)
        self.hatch = HatchArt(ax)
        self.data_outline = OutlineArt(ax, linewidth=1.5, color="#ff7f0e")
        self.window = window_rect(ax)
        self.taps = ax.plot(
            [],
            [],
            linestyle="none",
            marker="s",
            markerfacecolor="none",
            markeredgecolor="#d62728",
            markeredgewidth=1.5,
            zorder=4.5,
        )[0]
        self.kernel = GridArt(ax, WEIGHT_CMAP)
        self.products = GridArt(ax, WEIGHT_CMAP)
        self.output = GridArt(ax, WEIGHT_CMAP)
        self.current = window_rect(ax)
        self.frames = OutlineArt(ax, linewidth=0.8, color="0.3")
        self.labels = TextPool(ax, fontsize=10)
        self.trace = None
        self.step_index = 0

    def update(self, trace: SweepTrace, step: int, box) -> SweepPicture:
        """Show step ``step`` of ``trace`` inside ``box = (x0, y0, x1, y1)``."""
        self.trace, self.step_index = trace, int(step)
        st = trace.step(int(step))
        padded, kern = trace.padded, trace.kernel
        ph, pw = padded.shape
        kh, kw = kern.shape
        oh, ow = trace.output_hw
        margin = 12.0  # keep the outer frames and titles inside the figure
        bx0, by0, bx1, by1 = box[0] + margin, box[1], box[2] - margin, box[3]
        gap = 56.0
        title_h, foot_h = 30.0, 58.0
        avail_w = bx1 - bx0 - 3 * gap
        avail_h = by1 - by0 - title_h - foot_h
        (t, b), (left, r) = trace.padding
        mask = np.ones(padded.shape, dtype=bool)
        mask[t : ph - b, left : pw - r] = False
        dil = f", dilation {trace.dilation_rate[0]}" if trace.dilation_rate[0] > 1 else ""
        titles = (
            f"input {trace.x.shape[0]}×{trace.x.shape[1]}" + (" (+ padding, hatched)" if mask.any() else ""),
            f"kernel {kh}×{kw}{dil}",
            "window ⊙ kernel",
            f"output {oh}×{ow}",
        )
        # Each column is as wide as its grid or its title, whichever is wider, so titles never collide.
        counts = (pw, kw, kw, ow)
        least = [2 * _half_width(text) + 10 for text in titles]
        cell = min(44.0, avail_w / sum(counts), avail_h / max(ph, kh, oh))
        for _ in range(3):
            widths = [max(n * cell, m) for n, m in zip(counts, least, strict=True)]
            if sum(widths) <= avail_w:
                break
            grid_cols = [n for n, w, m in zip(counts, widths, least, strict=True) if w > m]
            fixed = sum(m for n, w, m in zip(counts, widths, least, strict=True) if w <= m)
            cell = max((avail_w - fixed) / max(sum(grid_cols), 1), 1.0)
        widths = [max(n * cell, m) for n, m in zip(counts, least, strict=True)]
        top = by0 + title_h
        mid = top + avail_h / 2
        starts = [bx0 + (avail_w - sum(widths)) / 2]
        for w in widths[:-1]:
            starts.append(starts[-1] + w + gap)

        def origin(col, h):
            return (starts[col] + (widths[col] - counts[col] * cell) / 2, mid - h * cell / 2)

        hi = max(float(np.nanmax(np.abs(trace.x))), 1.0)
        self.input.update(padded, origin(0, ph), cell, clim=(0, hi * 2.5))
        ix, iy = self.input.origin
        self.hatch.update(mask, self.input.bounds)
        self.data_outline.update(
            [(ix + left * cell, iy + t * cell, ix + (pw - r) * cell, iy + (ph - b) * cell)]
        )
        r0, c0 = st.origin
        span_h, span_w = st.rows[-1] - r0 + 1, st.cols[-1] - c0 + 1
        self.window.set_bounds(ix + c0 * cell, iy + r0 * cell, span_w * cell, span_h * cell)
        if trace.dilation_rate != (1, 1):
            rr, cc = np.meshgrid(st.rows, st.cols, indexing="ij")
            self.taps.set_data(ix + (cc.ravel() + 0.5) * cell, iy + (rr.ravel() + 0.5) * cell)
            self.taps.set_markersize(cell * 0.8 * px_per_unit(self.ax) * 72 / self.ax.figure.dpi)
        else:
            self.taps.set_data([], [])
        kv = symmetric_limit(kern)
        self.kernel.update(kern, origin(1, kh), cell, clim=(-kv, kv))
        pv = kv * max(float(np.abs(padded).max()), 1.0)
        self.products.update(st.products, origin(2, kh), cell, clim=(-pv, pv))
        full = conv2d(trace.padded, kern, strides=trace.strides, dilation_rate=trace.dilation_rate)
        ov = symmetric_limit(full)
        partial = np.full(full.shape, np.nan)
        partial.ravel()[: st.index + 1] = full.ravel()[: st.index + 1]
        self.output.update(partial, origin(3, oh), cell, clim=(-ov, ov), numbers=None)
        ox, oy = self.output.origin
        i, j = st.out_pos
        self.current.set_bounds(ox + j * cell, oy + i * cell, cell, cell)
        arts = (self.input, self.kernel, self.products, self.output)
        self.frames.update([a.bounds for a in (self.kernel, self.products, self.output)])
        entries = []
        for art, text in zip(arts, titles, strict=True):
            ax0, ay0, ax1, _ = art.bounds
            entries.append(((ax0 + ax1) / 2, ay0 - 8, text, {"va": "bottom", "fontweight": "bold"}))
        for col, sym in enumerate(("⊙", "=", "Σ →")):
            entries.append((starts[col] + widths[col] + gap / 2, mid, sym, {"fontsize": 16}))
        terms = [
            f"({w:g})·{v:g}" if w < 0 else f"{w:g}·{v:g}"
            for w, v in zip(kern.ravel(), st.window.ravel(), strict=True)
        ]
        total = f"{st.total:g}"
        expansion = " + ".join(terms) if len(terms) <= 9 else f"the sum of {len(terms)} products"
        entries.append(
            (
                (bx0 + bx1) / 2,
                by1 - foot_h + 8,
                f"step {st.index + 1} of {len(trace)}: output[{i}, {j}] = {expansion} = {total}".replace(
                    "-", "−"
                ),
                {"va": "top"},
            )
        )
        self.labels.show(entries)
        return self


def draw_kernel(ax, kernel, *, title=None, vmax=None, numbers=None) -> GridArt:
    """Draw one 2-D kernel as a grid of weights on ``ax`` (numbers in the cells while legible).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    kernel : array_like, ``(kh, kw)``
    title : str, optional
        Defaults to ``"kernel (kh, kw)"``.
    vmax : float, optional
        Colour limits are ``-vmax .. +vmax`` (default: the largest absolute weight), white = 0.
    numbers : bool, optional
        Force numbers on or off; by default they are shown while they stay legible.

    Returns
    -------
    GridArt
        Its ``image`` is the AxesImage; ``image.get_array()`` is the kernel as drawn.
    """
    k = _as_2d(kernel, "kernel")
    fit_axes(ax, (0, 0, k.shape[1], k.shape[0]), margin=0.05)
    v = vmax if vmax is not None else symmetric_limit(k)
    art = GridArt(ax, WEIGHT_CMAP).update(k, (0, 0), 1.0, clim=(-v, v), numbers=numbers)
    ax.set_title(title if title is not None else f"kernel {k.shape}", fontsize=10)
    return art


def draw_filter(ax, filt, *, names=None, title=None, vmax=None, numbers=None) -> BankPicture:
    """Draw one filter ``(kh, kw, C_in)``: its C_in kernels side by side, labelled by channel.

    ``names`` default to R, G, B for three channels, else c0, c1, ...; the title shows the
    filter's shape. Returns the :class:`BankPicture` (one row).
    """
    f = np.asarray(filt, dtype=float)
    if f.ndim != 3:
        raise ValueError(f"filt must be 3-D (kh, kw, C_in), got shape {f.shape}")
    names = names or channel_names(f.shape[2], rgb=True)
    return _static_bank(ax, f[..., None], None, names, title or f"filter, shape {f.shape}", vmax, numbers)


def draw_layer_weights(
    ax, kernel, *, groups=1, names=None, title=None, vmax=None, numbers=None
) -> BankPicture:
    """Draw a layer's weights ``(kh, kw, C_in/groups, filters)``: one row of kernels per filter.

    With ``groups > 1`` each filter holds only ``C_in / groups`` kernels; the kernels it does not
    hold are left out (hatched), so the picture shows which input channels each filter reads.
    """
    k = np.asarray(kernel, dtype=float)
    if k.ndim != 4:
        raise ValueError(f"kernel must be 4-D (kh, kw, C_in/groups, filters), got shape {k.shape}")
    per, filters = k.shape[2], k.shape[3]
    if not isinstance(groups, int) or groups < 1 or filters % groups:
        raise ValueError(f"groups must be a positive int dividing filters={filters}, got {groups!r}")
    chans = [
        tuple(range((j // (filters // groups)) * per, (j // (filters // groups) + 1) * per))
        for j in range(filters)
    ]
    c_in = per * groups
    title = title or f"layer weights: {filters} filters × {per} kernels = {filters * per} kernels"
    return _static_bank(ax, k, chans, names or channel_names(c_in, rgb=True), title, vmax, numbers)


def _static_bank(ax, k, chans, names, title, vmax, numbers):
    x0, y0, x1, y1 = _static_box(ax)
    kh, kw, per, filters = k.shape
    c_in = len(names)
    g = pitch_gutter(max(kh, kw))
    cols, rows = c_in * (kw + g), filters * (kh + g)
    cell = min((x1 - x0 - 70) / cols, (y1 - y0 - 40) / rows)
    fit_axes(ax, (x0, y0, x1, y1))
    pic = BankPicture(ax)
    pic.place(
        k, (x0 + 66, y0 + 34), cell, channels_of=chans, names=names, vmax=vmax, title=title, numbers=numbers
    )
    return pic


def draw_channels(ax, x, *, padding=((0, 0), (0, 0)), names=None, title=None, vertical=False) -> StackPicture:
    """Draw an input ``(H, W, C_in)`` as its channels side by side, padding hatched.

    ``padding`` is ``((top, bottom), (left, right))`` (as in ``SweepTrace.padding``); the channels
    are drawn zero-padded, with the data region outlined.
    """
    arr = np.asarray(x, dtype=float)
    if arr.ndim == 2:
        arr = arr[..., None]
    if arr.ndim != 3:
        raise ValueError(f"x must be (H, W) or (H, W, C_in), got shape {arr.shape}")
    padded = np.pad(arr, (*padding, (0, 0)))
    chans = [padded[..., c] for c in range(arr.shape[2])]
    names = names or channel_names(arr.shape[2], rgb=True)
    title = title or f"input {arr.shape}"
    return _static_stack(ax, chans, names, title, vertical, padding, (0.0, max(1.0, float(arr.max()))))


def draw_maps(ax, maps, *, names=None, title=None, vertical=False) -> StackPicture:
    """Draw feature maps ``(H', W', n)`` side by side with one symmetric diverging colour scale."""
    arr = np.asarray(maps, dtype=float)
    if arr.ndim == 2:
        arr = arr[..., None]
    if arr.ndim != 3:
        raise ValueError(f"maps must be (H', W') or (H', W', n), got shape {arr.shape}")
    names = names or [f"map {j}" for j in range(arr.shape[2])]
    v = symmetric_limit(arr)
    pic = _static_stack(
        ax,
        [arr[..., j] for j in range(arr.shape[2])],
        names,
        title or f"output {arr.shape}",
        vertical,
        None,
        (-v, v),
        cmap=WEIGHT_CMAP,
    )
    return pic


def _static_stack(ax, arrays, names, title, vertical, pads, clim, cmap=INPUT_CMAP):
    x0, y0, x1, y1 = _static_box(ax)
    bh, bw = arrays[0].shape
    g = pitch_gutter(bh if vertical else bw)
    n = len(arrays)
    cols, rows = (bw, n * (bh + g)) if vertical else (n * (bw + g), bh)
    cell = min((x1 - x0 - (50 if vertical else 10)) / cols, (y1 - y0 - 50) / rows)
    fit_axes(ax, (x0, y0, x1, y1))
    pic = StackPicture(ax, cmap)
    origin = (x0 + (46 if vertical else 5), y0 + 28)
    return pic.place(arrays, origin, cell, vertical=vertical, pads=pads, names=names, title=title, clim=clim)


def draw_sweep(ax, trace: SweepTrace, step: int = 0) -> SweepPicture:
    """Draw step ``step`` of a sweep (see :func:`convlesson.sweep`): window, products, filling output."""
    if not isinstance(trace, SweepTrace):
        raise TypeError(f"trace must be a SweepTrace from convlesson.sweep(...), got {type(trace).__name__}")
    box = _static_box(ax)
    fit_axes(ax, box)
    return SweepPicture(ax).update(trace, step, box)


def shape_text(
    size, c_in, kernel_size, filters, strides=1, padding="valid", dilation_rate=1, groups=1, use_bias=True
) -> list[str]:
    """The shape arithmetic of a Conv2D layer, numbers plugged in, as lines of text.

    Returns three lines: the output height formula, the output shape ``(H', W', filters)``, and the
    parameter count ``filters·(kh·kw·C_in/groups) + filters = N``.

    >>> shape_text(28, 3, 3, 2)[1]
    "output shape (H', W', filters) = (26, 26, 2)"
    """
    from .shapes import output_size

    formula_h = output_size_formula(size, kernel_size, strides, padding, dilation_rate, symbol="H")
    out = output_size(size, kernel_size, strides, padding, dilation_rate)
    params = param_count(kernel_size, c_in, filters, use_bias=use_bias, groups=groups)
    k = kernel_size
    per = f"{c_in}" if groups == 1 else f"{c_in}/{groups}"
    bias = f" + {filters}" if use_bias else ""
    lines = [
        f"{formula_h}   (W' likewise: the input is square)",
        f"output shape (H', W', filters) = ({out}, {out}, {filters})",
        f"parameters: filters·(kh·kw·C_in{'/groups' if groups > 1 else ''}){' + filters' if use_bias else ''}"
        f" = {filters}·({k}·{k}·{per}){bias} = {params}",
    ]
    return lines


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
