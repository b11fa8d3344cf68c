"""The sweep picture: one kernel over one padded channel, its products, and the output filling in.

Drawn by :func:`convlesson.draw.draw_sweep` and by the ``KernelSweep`` explorer, from a
:class:`convlesson.sweeps.SweepTrace`. Introduced in ``01_the_sweep``.
"""

from __future__ import annotations

import numpy as np

from ._art import (
    GridArt,
    HatchArt,
    OutlineArt,
    TextPool,
    px_per_unit,
    symmetric_limit,
    window_rect,
)
from .conv import conv2d
from .pictures import _GRID_CMAP, WEIGHT_CMAP, _half_width
from .sweeps import SweepTrace

__all__ = ["SweepPicture"]


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
