"""The sweep picture: one kernel over one padded channel, its products, and the output filling in.

Drawn by :func:`convlesson.pictures.draw.draw_sweep` and by the ``KernelSweep`` explorer, from a
:class:`convlesson.core.sweeps.SweepTrace`. Panels side by side -- input ⊙ kernel = products, Σ →
output -- or, when that would leave cells too small for their numbers, the input alone on a first
row. Earlier windows stay as faint outlines, so a still picture shows how far each step moved.
Introduced in ``01_the_sweep``.
"""

from __future__ import annotations

import numpy as np

from ..core.conv import conv2d
from ..core.sweeps import SweepTrace
from . import style
from .art import GridArt, HatchArt, OutlineArt, px_per_unit, symmetric_limit, window_rect
from .text_art import TextPool, measure, text_height, wrap
from .words import say

__all__ = ["SweepPicture"]

MARGIN = 12.0  #: pixels kept free around the picture
GAP = 56.0  #: pixels between two panels (an operator sits in the middle)
TITLE_GAP = 8.0  #: pixels between a panel and its title
ROW_GAP = 26.0  #: pixels between two rows of panels, or a row and the text under it
MAX_CELL = 44.0  #: the largest cell, in pixels
INPUT_CMAP = "Greys"
GHOST = "#d62728"  #: colour of the earlier windows' outlines (faint)


class SweepPicture:
    """One kernel sweeping one channel: padded input with the window, kernel, products, filling output."""

    def __init__(self, ax):
        self.ax = ax
        self.input = GridArt(ax, INPUT_CMAP)
        self.hatch = HatchArt(ax)
        self.data_outline = OutlineArt(ax, linewidth=1.5, color="#ff7f0e")
        self.ghosts = OutlineArt(
            ax, linewidth=1.0, color=GHOST, alpha=0.45, linestyle=(0, (3, 2)), zorder=3.9
        )
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
        self.kernel = GridArt(ax, style.SIGNED)
        self.products = GridArt(ax, style.SIGNED)
        self.output = GridArt(ax, style.SIGNED)
        self.current = window_rect(ax)
        self.frames = OutlineArt(ax, linewidth=0.8, color="0.3")
        self.titles = TextPool(ax, role="title")
        self.symbols = TextPool(ax, role="symbol")
        self.text = TextPool(ax, role="label", ha="left", va="top")
        self.trace = None
        self.step_index = 0
        self.height = 0.0

    def _layout(self, counts, heights, titles, width):
        """Columns' cell size and x positions for one row of panels (widths: grid or title, the wider)."""
        least = [measure(self.ax, t, "title")[0] + 8 for t in titles]
        gap = self.gap = max(GAP, measure(self.ax, "Σ →", "symbol")[0] + 24)
        avail = width - 2 * MARGIN - gap * (len(counts) - 1)
        cell = min(MAX_CELL, avail / sum(counts))
        for _ in range(4):  # titles wider than their grids take room from the cells
            widths = [max(n * cell, m) for n, m in zip(counts, least, strict=True)]
            grids = sum(n for n, w, m in zip(counts, widths, least, strict=True) if n * cell >= m)
            fixed = sum(w for n, w, m in zip(counts, widths, least, strict=True) if n * cell < m)
            if sum(widths) <= avail or grids == 0:
                break
            cell = min(MAX_CELL, max((avail - fixed) / grids, 1.0))
        widths = [max(n * cell, m) for n, m in zip(counts, least, strict=True)]
        x = MARGIN + (width - 2 * MARGIN - sum(widths) - gap * (len(counts) - 1)) / 2
        starts = []
        for w in widths:
            starts.append(x)
            x += w + gap
        return cell, starts, widths

    def update(self, trace: SweepTrace, step: int, box, lines=()) -> SweepPicture:
        """Show step ``step`` of ``trace`` in ``box = (x0, y0, x1, y1)`` (only its width and top are used).

        ``lines`` are extra lines of text under the picture (e.g. the output-size formula).
        ``height`` is set to the pixels the picture needs.
        """
        self.trace, self.step_index = trace, int(step)
        st = trace.step(int(step))
        padded, kern = trace.padded, trace.kernel
        ph, pw = padded.shape
        kh, kw = kern.shape
        oh, ow = trace.output_hw
        x0, y0 = box[0], box[1]
        width = box[2] - box[0]
        (t, b), (left, r) = trace.padding
        mask = np.ones(padded.shape, dtype=bool)
        mask[t : ph - b, left : pw - r] = False
        dil = say("sweep.dilation", d=trace.dilation_rate[0]) if trace.dilation_rate[0] > 1 else ""
        titles = [
            say("sweep.input", h=trace.x.shape[0], w=trace.x.shape[1])
            + (say("padding.added") if mask.any() else ""),
            say("sweep.kernel", kh=kh, kw=kw, dilation=dil),
            say("sweep.products"),
            say("sweep.output", oh=oh, ow=ow),
        ]
        widest = max(measure(self.ax, s, "number")[0] for s in ("−99", "9"))
        need = max(widest, measure(self.ax, "9", "number")[1]) / 0.9  # a cell that holds a number
        one = self._layout([pw, kw, kw, ow], [ph, kh, kh, oh], titles, width)
        two_top = self._layout([pw], [ph], titles[:1], width)
        two_bottom = self._layout([kw, kw, ow], [kh, kh, oh], titles[1:], width)
        title_h = text_height(self.ax, "title")
        top = y0 + MARGIN + title_h + TITLE_GAP
        if one[0] >= need or min(two_top[0], two_bottom[0]) <= one[0]:
            cell = one[0]
            rows = [(list(range(4)), one[1], one[2], top)]
            bottom = top + max(ph, kh, oh) * cell
        else:
            cell = min(two_top[0], two_bottom[0])
            row2_top = top + ph * cell + ROW_GAP + title_h + TITLE_GAP
            rows = [([0], two_top[1], two_top[2], top), ([1, 2, 3], two_bottom[1], two_bottom[2], row2_top)]
            bottom = row2_top + max(kh, oh) * cell
        counts = (pw, kw, kw, ow)
        heights = (ph, kh, kh, oh)
        origins, mids = {}, {}
        for cols, starts, widths, row_top in rows:
            row_h = max(heights[c] for c in cols) * cell
            for c, sx, w in zip(cols, starts, widths, strict=True):
                origins[c] = (sx + (w - counts[c] * cell) / 2, row_top + (row_h - heights[c] * cell) / 2)
            mids[tuple(cols)] = (starts, widths, row_top + row_h / 2)

        hi = max(float(np.nanmax(np.abs(trace.x))), 1.0)
        self.input.update(padded, origins[0], cell, clim=(0, hi * 2.5))
        ix, iy = self.input.origin
        self.hatch.update(mask, self.input.bounds)
        self.data_outline.update(
            [(ix + left * cell, iy + t * cell, ix + (pw - r) * cell, iy + (ph - b) * cell)]
        )
        r0, c0 = st.origin
        span_h, span_w = st.rows[-1] - r0 + 1, st.cols[-1] - c0 + 1
        self.window.set_bounds(ix + c0 * cell, iy + r0 * cell, span_w * cell, span_h * cell)
        ghosts = []
        for k in range(st.index):
            i, j = divmod(k, ow)
            gr, gc = i * trace.strides[0], j * trace.strides[1]
            ghosts.append(
                (ix + gc * cell, iy + gr * cell, ix + (gc + span_w) * cell, iy + (gr + span_h) * cell)
            )
        self.ghosts.update(ghosts)
        if trace.dilation_rate != (1, 1):
            rr, cc = np.meshgrid(st.rows, st.cols, indexing="ij")
            self.taps.set_data(ix + (cc.ravel() + 0.5) * cell, iy + (rr.ravel() + 0.5) * cell)
            self.taps.set_markersize(cell * 0.8 * px_per_unit(self.ax) * 72 / self.ax.figure.dpi)
        else:
            self.taps.set_data([], [])
        kv = symmetric_limit(kern)
        self.kernel.update(kern, origins[1], cell, clim=(-kv, kv))
        pv = kv * max(float(np.abs(padded).max()), 1.0)
        self.products.update(st.products, origins[2], cell, clim=(-pv, pv))
        full = conv2d(trace.padded, kern, strides=trace.strides, dilation_rate=trace.dilation_rate)
        ov = style.nice_limit(symmetric_limit(full))
        partial = np.full(full.shape, np.nan)
        partial.ravel()[: st.index + 1] = full.ravel()[: st.index + 1]
        self.output.update(partial, origins[3], cell, clim=(-ov, ov))
        ox, oy = self.output.origin
        i, j = st.out_pos
        self.current.set_bounds(ox + j * cell, oy + i * cell, cell, cell)
        arts = (self.input, self.kernel, self.products, self.output)
        self.frames.update([a.bounds for a in (self.kernel, self.products, self.output)])
        self.titles.show(
            [
                ((a.bounds[0] + a.bounds[2]) / 2, a.bounds[1] - TITLE_GAP, s, {"va": "bottom"})
                for a, s in zip(arts, titles, strict=True)
            ]
        )
        symbols = []
        for cols, (starts, widths, mid) in mids.items():
            ops = {0: "⊙", 1: "=", 2: "Σ →"}
            for n, c in enumerate(cols[:-1]):
                symbols.append((starts[n] + widths[n] + self.gap / 2, mid, ops[c] if c in ops else ""))
            if cols[0] == 1:  # the kernel starts a row under the input: "(the window above) ⊙ kernel"
                half = measure(self.ax, "⊙", "symbol")[0] / 2
                sx = self.kernel.bounds[0] - half - 12
                if sx - half >= x0 + 2:
                    symbols.append((sx, mid, "⊙"))
        self.symbols.show([s for s in symbols if s[2]])

        terms = [
            f"({w:g})·{v:g}" if w < 0 else f"{w:g}·{v:g}"
            for w, v in zip(kern.ravel(), st.window.ravel(), strict=True)
        ]
        head = say("sweep.step", n=st.index + 1, total=len(trace), i=i, j=j)
        tail = f" = {st.total:g}"
        expansion = " + ".join(terms)
        text_w = width - 2 * MARGIN
        if len(terms) > 9 or measure(self.ax, head + expansion + tail, "label")[0] > text_w:
            expansion = say("sweep.sum_of_products", n=len(terms))
        footer = [(head + expansion + tail).replace("-", "−")]
        footer += [part for line in lines for part in wrap(self.ax, line, width - 2 * MARGIN)]
        if any(a.numbers_hidden for a in arts):
            footer.append(say("numbers_hidden.colours"))
        line_h = text_height(self.ax, "label") * 1.35
        y = bottom + ROW_GAP
        self.text.show([(x0 + MARGIN, y + n * line_h, s) for n, s in enumerate(footer)])
        self.height = y + len(footer) * line_h + MARGIN - y0
        return self
