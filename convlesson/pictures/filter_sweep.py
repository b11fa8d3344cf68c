"""The moment a filter makes one number: C_in windows meet C_in kernels, partial sums, + bias, one value.

Drawn by the ``FilterSweep`` explorer from a :class:`convlesson.core.sweeps.LayerSweepTrace`. On top, the
input's channels with the window of the current step outlined on each. Under each channel, in its
column, the kernel each filter holds for it, and the partial sum that kernel makes with that
channel's window. At the right of each filter's row: the partial sums added, plus the filter's
bias, and the number landing in that filter's output channel, which fills in step by step. Under
it all, one line per filter with the numbers of this step, as d2l writes it: each kernel's products
summed in brackets, + the bias, = the partial sums + the bias = the value (:func:`step_equation`).
Introduced in ``04_many_channels`` and ``05_filters``.
"""

from __future__ import annotations

import math

import numpy as np

from ..core.sweeps import LayerSweepTrace
from . import style
from .art import GridArt, HatchArt, MosaicArt, OutlineArt, cell_for_numbers, window_rect
from .layer import filter_caption, name_colour
from .text_art import TextPool, fmt_decimals, inside, measure, number_decimals, text_height, wrap
from .words import say

__all__ = [
    "FilterSweepPicture",
    "step_equation",
    "equation_chunks",
    "wrap_chunks",
    "EQUATION_HEAD",
    "SUMS_HEAD",
    "MAX_EQUATION_LINES",
]

MARGIN = 12.0  #: pixels kept free around the picture
COL_GAP = 26.0  #: pixels between two channels' columns
MAX_IN_CELL = 34.0  #: the largest cell of an input channel
MAX_K_CELL = 30.0  #: the largest cell of a kernel, unless its numbers need more
MAX_K_CELL_NUMBERS = 44.0  #: the largest cell of a kernel or output whose numbers need more room
ROW_GAP = 16.0  #: pixels between two filters' rows
SUM_W = 0.34  #: share of the width for each row's sum and its output channel
OUT_CELL = 26.0  #: the largest cell of an output channel, unless its numbers need more
TITLE_GAP = 8.0  #: pixels between a grid and its title
MAX_EQUATION_LINES = 3  #: a filter's products are written out when its line wraps to at most this many
#: The heading of the equations under the picture (its catalog key; English: "By hand, at this step ...").
EQUATION_HEAD = "filter_sweep.equation_head"
#: The heading when no filter's products fit in :data:`MAX_EQUATION_LINES` lines (its catalog key).
SUMS_HEAD = "filter_sweep.sums_head"


def _n(v: float, decimals: int) -> str:
    return fmt_decimals(v, decimals)


def _factor(v: float, decimals: int) -> str:
    """A factor of a product: negative numbers in brackets, ``2·(−1)``."""
    text = _n(v, decimals)
    return f"({text})" if v < 0 else text


def _plus(values, decimals: int) -> str:
    """``12 + 8 − 6``: numbers added, a negative one as a subtraction."""
    return " + ".join(_n(v, decimals) for v in values).replace("+ −", "− ")


def step_equation(step, weights, bias, j: int, products: bool = True) -> str:
    """The number filter ``j`` makes at ``step``, worked out in one line, as d2l writes it.

    ``filter 0: (3·1 + 2·1 + …) + (…) + (…) + 2 = 12 + 8 − 6 + 2 = 16``: for each kernel, in
    brackets, the products of its taps with the window under them (taps whose weight is 0 add
    nothing and are left out; a kernel of zeros gives ``0``), then the bias, then the partial sums
    and the bias, then the value. ``products=False`` leaves the brackets out: ``filter 0: 12 + 8 − 6
    + 2 = 16``.

    Parameters
    ----------
    step : LayerSweepStep
        One step of a layer's sweep (its ``window``, ``channel_sums`` and ``total``).
    weights : numpy.ndarray
        The layer's weights ``(kh, kw, C_in, filters)``.
    bias : array_like
        One bias per filter.
    j : int
        The filter.
    products : bool
        Whether to write each kernel's products out.
    """
    return " ".join(equation_chunks(step, weights, bias, j, products))


def equation_chunks(step, weights, bias, j: int, products: bool = True) -> list[str]:
    """:func:`step_equation` in the pieces a line breaks best between: each kernel, the bias, the sums."""
    parts = step.channel_sums[:, j]
    b = float(np.asarray(bias)[j])
    # as many decimals as the numbers need: none for whole ones, one for weights shown to one decimal
    d = number_decimals(np.concatenate([np.ravel(weights), np.ravel(bias), np.ravel(step.window)]))
    tail = f"= {_plus([*parts, b], d)} = {_n(step.total[j], d)}"
    if not products:
        return [say("equation.filter", j=j, terms=_plus([*parts, b], d)), f"= {_n(step.total[j], d)}"]
    groups = []
    for c in range(weights.shape[2]):
        w = weights[:, :, c, j]
        pairs = zip(step.window[..., c].ravel(), w.ravel(), strict=True)
        terms = [f"{_factor(xv, d)}·{_factor(wv, d)}" for xv, wv in pairs if wv]
        groups.append(f"({' + '.join(terms)})" if terms else "0")
    bias_text = f"+ {_n(b, d)}" if b >= 0 else f"− {_n(-b, d)}"
    return [say("equation.filter", j=j, terms=groups[0]), *(f"+ {g}" for g in groups[1:]), bias_text, tail]


def wrap_chunks(ax, chunks, max_w: float, role: str = "label") -> list[str]:
    """Lines of ``chunks`` joined by spaces, broken between chunks; a chunk too long for a line is wrapped.

    A line's width is added up from its chunks' (each measured once), with a pixel to spare where two
    chunks meet, so a long equation costs a few measurements, not one per chunk and line.
    """
    space = measure(ax, "a b", role)[0] - measure(ax, "ab", role)[0]
    lines: list[str] = []
    widths: list[float] = []
    for chunk in chunks:
        w = measure(ax, chunk, role)[0]
        if lines and widths[-1] + space + w + 1 <= max_w:
            lines[-1] += " " + chunk
            widths[-1] += space + w + 1
        elif w <= max_w:  # a line of its own
            lines.append(chunk)
            widths.append(w)
        else:  # longer than a line: broken at its spaces
            for line in wrap(ax, chunk, max_w, role):
                lines.append(line)
                widths.append(measure(ax, line, role)[0])
    return lines


class _FilterRow:
    def __init__(self, ax):
        self.kernels = MosaicArt(ax, style.SIGNED)  # the filter's C_in kernels, one image
        self.output = GridArt(ax, style.SIGNED)


class FilterSweepPicture:
    """The current step of a layer sweeping a multi-channel input: windows, kernels, sums, outputs."""

    def __init__(self, ax):
        self.ax = ax
        self.channels = MosaicArt(ax, "Greys")  # the input's channels side by side, each in its colours
        self.hatch = HatchArt(ax)
        self.windows = []
        self.rows: list[_FilterRow] = []
        self.currents = []
        self.frames = OutlineArt(ax, linewidth=0.8, color="0.3")
        self.row_frames = OutlineArt(ax, linewidth=0.6, color="0.6", linestyle=(0, (2, 2)))
        self.titles = TextPool(ax, role="title")
        self.labels = TextPool(ax, role="label")
        self.sums = TextPool(ax, role="label", ha="left")
        self.text = TextPool(ax, role="label", ha="left", va="top")
        self.height = 0.0
        self.equations: list[tuple[bool, str]] = []  #: the lines under the picture that work the step out

    def _window(self, c: int):
        while len(self.windows) <= c:
            self.windows.append(window_rect(self.ax))
        return self.windows[c]

    def _row(self, j: int) -> _FilterRow:
        while len(self.rows) <= j:
            self.rows.append(_FilterRow(self.ax))
            self.currents.append(window_rect(self.ax, linewidth=2.0))
        return self.rows[j]

    def update(
        self, trace: LayerSweepTrace, step: int, output, box, *, names, filter_names, lines=()
    ) -> FilterSweepPicture:
        """Show step ``step`` of ``trace``; ``output`` is the layer's whole output ``(H', W', filters)``."""
        st = trace.step(step)
        x0, y0, width = box[0], box[1], box[2] - box[0]
        padded = trace.padded
        ph, pw, c_in = padded.shape
        kh, kw, _, n_filters = trace.weights.shape
        oh, ow = trace.output_hw
        (t, b), (left, r) = trace.padding
        title_h = text_height(self.ax, "title")
        label_h = text_height(self.ax, "label")
        sums_x0 = x0 + width * (1 - SUM_W)

        # columns: one per channel, as wide as its padded grid (and its kernel with its partial sum)
        psum_w = measure(self.ax, "= −99", "label")[0] + 6
        avail = sums_x0 - x0 - MARGIN - COL_GAP * c_in
        ci = min(MAX_IN_CELL, avail / (c_in * pw))
        # a kernel's cells are made large enough for its numbers where there is room (lecture mode's
        # larger type); its partial sum goes beside it, or under it when beside would leave no room
        need = cell_for_numbers(self.ax, trace.weights)
        k_max = MAX_K_CELL if need <= MAX_K_CELL or need > MAX_K_CELL_NUMBERS else MAX_K_CELL_NUMBERS
        ck = min(k_max, ci * 1.2, (avail / c_in - psum_w) / kw)
        psum_under = ck < need <= avail / c_in / kw
        if psum_under:
            ck = need
        col_w = max(pw * ci, kw * ck + (0 if psum_under else psum_w))
        pitch = col_w + COL_GAP  # one channel's column: its grid, then under it each filter's kernel
        g_in = max(1, round(pitch / ci - pw))
        ci = pitch / (pw + g_in)  # whole cells between the channels, the columns exactly one pitch apart
        # whole cells between the kernels too (one image per filter), the largest that leave the gap
        g_k = max(1, math.ceil((COL_GAP if psum_under else psum_w + 8) / ck))
        while pitch / (kw + g_k) > k_max:
            g_k += 1
        ck = pitch / (kw + g_k)
        col_x = [x0 + MARGIN + c * pitch for c in range(c_in)]

        # the input's channels, the window of this step on each
        top = y0 + MARGIN + title_h + TITLE_GAP
        frames, entries, titles = [], [], []
        mask = np.ones((ph, pw), dtype=bool)
        mask[t : ph - b, left : pw - r] = False
        r0, c0 = st.origin
        span_h, span_w = st.rows[-1] - r0 + 1, st.cols[-1] - c0 + 1
        hi = max(float(np.abs(trace.x).max()), 1.0)
        self.channels.update_blocks(
            [[padded[..., c] for c in range(c_in)]],
            (col_x[0], top),
            ci,
            g_in,
            paints=[[(style.channel_cmap(names[c]), (0.0, hi)) for c in range(c_in)]],
        )
        hatch_mask = np.zeros(self.channels.shape, dtype=bool)
        for c in range(c_in):
            hatch_mask[self.channels.slices[0][c]] = mask
            window = self._window(c)
            window.set_bounds(col_x[c] + c0 * ci, top + r0 * ci, span_w * ci, span_h * ci)
            window.set_visible(True)
            entries.append(
                (
                    col_x[c] + pw * ci / 2,
                    top + ph * ci + 4,
                    names[c],
                    {"va": "top", "color": name_colour(names[c])},
                )
            )
        self.hatch.update(hatch_mask, self.channels.bounds)
        for window in self.windows[c_in:]:
            window.set_visible(False)
        in_title = f"{say('input')} ({trace.x.shape[0]}, {trace.x.shape[1]}, {c_in})" + (
            say("padding.added") if mask.any() else ""
        )
        titles.append((x0 + MARGIN, top - TITLE_GAP, in_title, {"ha": "left"}))
        step_text = say("filter_sweep.step", n=st.index + 1, total=len(trace), position=st.out_pos)
        y = top + ph * ci + 4 + label_h + 10
        where = inside(
            sums_x0 + 8 + measure(self.ax, step_text)[0] / 2,
            measure(self.ax, step_text)[0],
            x0 + MARGIN,
            x0 + width - MARGIN,
        )
        entries.append((where, top - TITLE_GAP, step_text, {"va": "bottom"}))
        explain = say("filter_sweep.explain")
        for n, line in enumerate(wrap(self.ax, explain, x0 + width - MARGIN - sums_x0)):
            entries.append((sums_x0, top + (n + 0.5) * label_h * 1.2, line, {"ha": "left"}))

        # one row per filter: its kernels under the channels they read, partial sums, Σ + bias
        ov = style.nice_limit(np.abs(output).max())
        need_out = cell_for_numbers(self.ax, output)
        o_max = max(OUT_CELL, need_out) if need_out <= MAX_K_CELL_NUMBERS else OUT_CELL
        kv = style.nice_limit(np.abs(trace.weights).max())
        # every sum printed with as many decimals as its terms can need: none for whole numbers, one
        # for weights rounded to tenths on whole-number inputs
        d = number_decimals(np.concatenate([trace.weights.ravel(), trace.bias.ravel(), trace.x.ravel()]))
        sums = []
        for j in range(n_filters):
            row = self._row(j)
            caption = filter_caption(j, filter_names[j])
            entries.append((x0 + MARGIN, y, caption, {"ha": "left", "va": "top", "role": "title"}))
            ky = y + title_h + 6
            row.kernels.update_blocks(
                [[trace.weights[:, :, c, j] for c in range(c_in)]], (col_x[0], ky), ck, g_k, (-kv, kv)
            )
            for c in range(c_in):
                bounds = row.kernels.block_bounds(0, c)
                frames.append(bounds)
                part = st.channel_sums[c, j]
                if psum_under:
                    where = ((bounds[0] + bounds[2]) / 2, bounds[3] + 4, f"= {_n(part, d)}", {"va": "top"})
                else:
                    where = (bounds[2] + 6, ky + kh * ck / 2, f"= {_n(part, d)}", {"ha": "left"})
                entries.append(where)
            # the sum of the partial sums, the bias, the number that lands
            parts = " + ".join(_n(v, d) for v in st.channel_sums[:, j]).replace("+ −", "− ")
            total = st.total[j]
            bias = trace.bias[j]
            sum_lines = [
                f"Σ = {parts} = {_n(st.channel_sums[:, j].sum(), d)}",
                say("filter_sweep.plus_bias", bias=_n(bias, d), total=_n(total, d)),
            ]
            right = x0 + width - MARGIN
            out_label = say("output_channel", j=j)
            oc = min(o_max, (right - sums_x0) / ow, (kh * ck + title_h) / oh * 1.6)
            beside = (right - sums_x0 - measure(self.ax, out_label)[0] - 8) / ow  # label beside the map
            label_under = beside < 0.6 * oc
            if not label_under:
                oc = min(oc, beside)
            sy = ky
            fitted = []
            for line in sum_lines:
                fitted += wrap(self.ax, line, right - sums_x0)
            for n, line in enumerate(fitted):
                sums.append((sums_x0, sy + n * label_h * 1.2 + label_h / 2, line))
            out_top = sy + len(fitted) * label_h * 1.2 + 6
            partial = np.full((oh, ow), np.nan)
            flat = output[..., j].ravel()
            partial.ravel()[: st.index + 1] = flat[: st.index + 1]
            row.output.update(partial, (sums_x0, out_top), oc, clim=(-ov, ov))
            frames.append(row.output.bounds)
            i_, j_ = st.out_pos
            self.currents[j].set_bounds(sums_x0 + j_ * oc, out_top + i_ * oc, oc, oc)
            self.currents[j].set_visible(True)
            if label_under:
                entries.append((sums_x0, out_top + oh * oc + 4, out_label, {"ha": "left", "va": "top"}))
            else:
                entries.append((sums_x0 + ow * oc + 8, out_top + oh * oc / 2, out_label, {"ha": "left"}))
            row_bottom = max(
                ky + kh * ck + (label_h + 4 if psum_under else 0),
                out_top + oh * oc + (label_h + 4 if label_under else 0),
            )
            y = row_bottom + ROW_GAP + 6
        for j in range(n_filters, len(self.rows)):
            row = self.rows[j]
            for grid in (row.kernels, row.output):
                grid.update(np.zeros((1, 1)), (0, 0), 1.0, visible=False)
            self.currents[j].set_visible(False)
        self.frames.update(frames)
        self.titles.show([(tx, ty, s, {"va": "bottom", **p}) for tx, ty, s, p in titles])
        self.labels.show(entries)
        self.sums.show(sums)
        line_h = label_h * 1.35
        self.equations = self.equation_lines(trace, st, width - 2 * MARGIN)
        eq = [
            (x0 + MARGIN + (0 if head else 16), y + n * line_h, text)
            for n, (head, text) in enumerate(self.equations)
        ]
        y += len(self.equations) * line_h + (8 if self.equations else 0)
        hidden = self.channels.numbers_hidden or any(
            g.numbers_hidden for row in self.rows[:n_filters] for g in (row.kernels, row.output)
        )
        foot = [*lines] + ([say("numbers_hidden")] if hidden else [])
        foot = [part for line in foot for part in wrap(self.ax, line, width - 2 * MARGIN)]
        self.text.show(eq + [(x0 + MARGIN, y + n * line_h, s) for n, s in enumerate(foot)])
        self.height = y + len(foot) * line_h + MARGIN - y0
        return self

    def equation_lines(self, trace: LayerSweepTrace, st, max_w: float) -> list[tuple[bool, str]]:
        """The lines under the picture that work this step's numbers out, each fitting ``max_w`` pixels.

        ``(True, text)`` starts a line (the heading, or a filter's equation), ``(False, text)`` goes
        on with the one before it (drawn indented). A filter's products are written out when they
        take at most :data:`MAX_EQUATION_LINES` lines, else only its partial sums.
        """
        out, written = [], False
        room = max_w - 16
        for j in range(trace.weights.shape[3]):
            chunks = equation_chunks(st, trace.weights, trace.bias, j)
            # more than MAX_EQUATION_LINES lines of text cannot fit in fewer lines: no need to wrap them
            too_long = sum(measure(self.ax, chunk)[0] for chunk in chunks) > MAX_EQUATION_LINES * room
            lines = [] if too_long else wrap_chunks(self.ax, chunks, room)
            if too_long or len(lines) > MAX_EQUATION_LINES:
                chunks = equation_chunks(st, trace.weights, trace.bias, j, products=False)
                lines = wrap_chunks(self.ax, chunks, room)
            else:
                written = True
            out += [(n == 0, line) for n, line in enumerate(lines)]
        head = say(EQUATION_HEAD if written else SUMS_HEAD)
        return [(True, line) for line in wrap(self.ax, head, max_w)] + out
