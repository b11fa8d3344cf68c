"""A layer drawn as volumes: the input ``(H, W, C_in)``, each filter a ``(kh, kw, C_in)`` block, the output.

The article's "shape of a single filter" and CS231n's volumes, in an oblique drawing: each channel
of a volume is a slice, and the slices stack backwards (up and to the right), so the third axis --
channels -- is the depth. A filter is a block of C_in kernel slices, one per input channel, drawn
pulled apart along its depth so that every kernel shows whole, each named by the channel it reads;
it makes ONE slice of the output, which holds ``filters`` slices. The window of the current step is
outlined on each input slice and the cell it makes on each output slice; with a step, the output
shows only the cells made so far. Drawn by the ``FilterSweep``
explorer (``view='3-D'``) and by :func:`convlesson.draw_volumes`. Introduced in ``05_filters``.
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import Normalize
from matplotlib.lines import Line2D

from . import style
from .art import GridArt, OutlineArt, colormap
from .layer import name_colour
from .text_art import TextPool, inside, measure, text_height
from .words import say, say_n

__all__ = ["VolumePicture", "depth_step"]

MARGIN = 12.0  #: pixels kept free around the picture
IN_SIDE = 170.0  #: the largest side of an input slice
OUT_SIDE = 140.0  #: the largest side of an output slice
K_SIDE = 56.0  #: the largest side of a kernel slice
K_MIN_SIDE = 18.0  #: the smallest side of a kernel slice
K_SPREAD = 6.0  #: pixels between two kernel slices of a filter, pulled apart along the depth
FILTERS_MAX_H = 430.0  #: the most pixels the filters' blocks take, one under the other
DEPTH = 22.0  #: pixels each slice of an input or output volume sits behind the one before
GAP = 54.0  #: pixels between the input, the filters and the output (an operator in the middle)
FILTER_GAP = 16.0  #: pixels between two filters' blocks
TITLE_GAP = 8.0  #: pixels between a volume and its title


def depth_step(n: int, side: float, most: float = DEPTH) -> float:
    """Pixels between slices so that ``n`` of them take at most a third of a slice's side more."""
    return min(most, side / 3 / max(n - 1, 1))


class _Stack:
    """Slices of one volume: images back to front, their outlines, and the lines along the depth."""

    def __init__(self, ax, zorder: float):
        self.ax = ax
        self.zorder = zorder
        self.slices: list[GridArt] = []
        self.outlines = OutlineArt(ax, linewidth=1.0, color="0.25", zorder=zorder + 0.6)
        self.edges = Line2D([], [], color="0.35", linewidth=0.9, zorder=zorder + 0.6)
        ax.add_line(self.edges)
        self.back_edges = Line2D([], [], color="0.25", linewidth=1.0, zorder=zorder - 0.5)
        ax.add_line(self.back_edges)
        self.origins: list[tuple[float, float]] = []
        self.cell = 1.0

    def update(self, arrays, front, side, step, cmaps, clims, alphas=None, whole=False, colours=None):
        """Draw ``arrays`` (front first), the front slice's top-left at ``front``, ``step`` pixels deep.

        ``whole``: the slices are pulled apart (``step`` > ``side``), each outlined whole, the depth's
        edges dashed behind them. ``colours``: RGBA images that paint the slices instead of the maps.
        """
        h, w = arrays[0].shape
        self.cell = side / max(h, w)
        n = len(arrays)
        while len(self.slices) < n:
            self.slices.append(GridArt(self.ax, "Greys", zorder=self.zorder))
        self.origins = []
        rects = []
        for k in range(n):
            ox, oy = front[0] + k * step, front[1] - k * step
            self.origins.append((ox, oy))
            grid = self.slices[k]
            paint = None if colours is None else colours[k]
            grid.update(
                arrays[k], (ox, oy), self.cell, clim=clims[k], numbers=False, cmap=cmaps[k], colours=paint
            )
            grid.image.set_zorder(self.zorder - k * 0.01)  # front slices over back ones
            grid.image.set_alpha(None if alphas is None else alphas[k])
            rects.append(grid.bounds)
        for grid in self.slices[n:]:
            grid.update(np.zeros((1, 1)), (0, 0), 1.0, visible=False)
        # stacked, the front slice shows whole and the others only their top and right edges
        self.outlines.update(rects if whole else [rects[0]])
        tops = []
        ys = []
        for bx0, by0, bx1, by1 in [] if whole else rects[1:]:
            tops += [bx0, bx1, bx1, np.nan]
            ys += [by0, by0, by1, np.nan]
        self.back_edges.set_data(tops, ys)
        self.edges.set_linestyle((0, (3, 3)) if whole else "-")
        self.edges.set_zorder(self.zorder - 0.5 if whole else self.zorder + 0.6)  # behind pulled-apart slices
        fx0, fy0, fx1, fy1 = rects[0]
        bx0, by0, bx1, by1 = rects[-1]
        xs = [fx0, bx0, np.nan, fx1, bx1, np.nan, fx1, bx1]
        ys = [fy0, by0, np.nan, fy0, by0, np.nan, fy1, by1]
        self.edges.set_data(xs, ys)
        return (fx0, by0, bx1, fy1)  # the whole volume's bounds

    def bounds(self, k: int):
        return self.slices[k].bounds


class VolumePicture:
    """Input volume ⊛ filters (blocks of kernels) → output volume, one output slice per filter."""

    def __init__(self, ax):
        self.ax = ax
        self.input = _Stack(ax, zorder=2.0)
        self.filters: list[_Stack] = []
        self.output = _Stack(ax, zorder=2.0)
        self.windows = OutlineArt(ax, linewidth=1.6, color="#d62728", zorder=4.0)
        self.cells = OutlineArt(ax, linewidth=1.6, color="#d62728", zorder=4.0)
        self.box_lines = Line2D([], [], color="#d62728", linewidth=1.2, zorder=4.0)
        ax.add_line(self.box_lines)
        self.titles = TextPool(ax, role="title")
        self.labels = TextPool(ax, role="label")
        self.symbols = TextPool(ax, role="symbol")
        self.height = 0.0

    def _filter(self, j: int) -> _Stack:
        while len(self.filters) <= j:
            self.filters.append(_Stack(self.ax, zorder=2.5))
        return self.filters[j]

    def update(self, x, layer, output, box, *, step=None, names=None, trace=None) -> VolumePicture:
        """Draw ``x`` ``(H, W, C_in)``, ``layer``'s filters and ``output`` ``(H', W', filters)``.

        ``step``: the sweep step whose window and output cell are outlined (None: none); ``trace``: the
        layer's sweep over ``x`` when the caller has it (else it is swept here).
        ``height`` is set to the pixels the picture needs.
        """
        x = np.asarray(x, dtype=float)
        h, w, c_in = x.shape
        oh, ow, n_filters = output.shape
        kh, kw = layer.kernel_size
        names = names or [f"c{c}" for c in range(c_in)]
        x0, y0, width = box[0], box[1], box[2] - box[0]
        title_h = text_height(self.ax, "title")
        label_h = text_height(self.ax, "label")
        entries, titles, symbols = [], [], []

        # room: input | filters (pulled apart, each slice named) | output (with its slices' names)
        out_label_w = measure(self.ax, say("volumes.map_of_filter", j=n_filters - 1))[0] + 8
        name_w = max(measure(self.ax, n)[0] for n in names) + 6
        room = width - 2 * MARGIN - 2 * name_w - 2 * GAP - out_label_w - 12
        in_side = min(IN_SIDE, room * 0.3)
        out_side = min(OUT_SIDE, in_side * 0.8)
        k_room = room - (in_side + out_side) * (1 + 1 / 3)  # what the filters' blocks may use
        # a filter pulled apart: C_in slices, each K_SPREAD pixels clear of the last, up and to the right
        k_side = min(
            K_SIDE,
            (k_room - (c_in - 1) * K_SPREAD) / c_in,
            (FILTERS_MAX_H / n_filters - label_h - FILTER_GAP - (c_in - 1) * K_SPREAD) / c_in,
        )
        k_side = max(k_side, K_MIN_SIDE)
        k_step = k_side + K_SPREAD
        block = k_side + (c_in - 1) * k_step  # a filter's width, and its height
        in_step = depth_step(c_in, in_side)
        out_step = depth_step(n_filters, out_side)
        top = y0 + MARGIN + title_h + label_h + 10 + max((c_in - 1) * in_step, (n_filters - 1) * out_step)
        body_h = max(in_side, n_filters * (block + label_h + FILTER_GAP))

        # the input volume, its channels in their colours, the window of the step on each
        in_x = x0 + MARGIN + max(measure(self.ax, n)[0] for n in names) + 6  # the slices' names on the left
        in_top = top + (body_h - in_side) / 2
        fronts = [x[..., c] for c in range(c_in)]
        hi = max(float(np.abs(x).max()), 1.0)
        vol = self.input.update(
            fronts,
            (in_x, in_top),
            in_side,
            in_step,
            [style.channel_cmap(n) for n in names],
            [(0.0, hi)] * c_in,
        )
        windows, cells, box_lines = [], [], ([], [])
        if step is not None:
            from ..core.sweeps import sweep

            if trace is None:
                trace = sweep(x, layer.weights, layer.bias, strides=layer.strides, padding=layer.padding)
            st = trace[step]
            (pt, _), (pl, _) = _pads(layer, (h, w))
            cell = self.input.cell
            r0, c0 = st.rows[0] - pt, st.cols[0] - pl  # in the unpadded input (may start outside)
            rh, cw = st.rows[-1] - st.rows[0] + 1, st.cols[-1] - st.cols[0] + 1
            for c in sorted({0, c_in - 1}):  # the window is a box as deep as the input: (kh, kw, C_in)
                gx, gy = self.input.origins[c]
                windows.append((gx + c0 * cell, gy + r0 * cell, gx + (c0 + cw) * cell, gy + (r0 + rh) * cell))
            box_lines = _corners(windows[0], windows[-1])
        in_shape = f"({h}, {w}, {c_in})"
        titles.append(((vol[0] + vol[2]) / 2, y0 + MARGIN + title_h, say("input")))
        entries.append(
            ((vol[0] + vol[2]) / 2, y0 + MARGIN + title_h + 4 + label_h, in_shape, {"va": "bottom"})
        )
        note = say("volumes.input_note", h=h, w=w, c_in=c_in)
        fits = measure(self.ax, note)[0] <= vol[2] + GAP - x0 - MARGIN
        note_lines = [note] if fits else [f"H × W = {h} × {w}", say("volumes.depth_c_in", c_in=c_in)]
        for n, line in enumerate(note_lines):
            lw = measure(self.ax, line)[0]
            where = inside(vol[0] + in_side / 2, lw, x0 + MARGIN, vol[2] + GAP)
            entries.append((where, vol[3] + 4 + n * label_h * 1.15, line, {"va": "top"}))
        notes_bottom = vol[3] + 4 + len(note_lines) * label_h * 1.15
        for c in range(c_in):  # each slice's name left of its top-left corner, up the depth
            if (c_in <= 4 and in_step >= label_h) or c in (0, c_in - 1):
                bx0, by0, _, _ = self.input.bounds(c)
                entries.append((bx0 - 4, by0, names[c], {"ha": "right", "color": name_colour(names[c])}))

        # the filters: each a block of C_in kernels, one per input channel
        k_x = vol[2] + GAP + name_w  # the front kernel's name on its left
        weights = layer.weights
        kv = style.nice_limit(np.abs(weights).max())
        fy = top + (body_h - n_filters * (block + label_h + FILTER_GAP)) / 2
        filter_mids = []
        heads = []  # each filter's name: (its y, its right end)
        for j in range(n_filters):
            stack = self._filter(j)
            slab_top = fy + (c_in - 1) * k_step + label_h
            kernels = [weights[:, :, c, j] for c in range(c_in)]
            fvol = stack.update(
                kernels,
                (k_x, slab_top),
                k_side,
                k_step,
                [style.SIGNED] * c_in,
                [(-kv, kv)] * c_in,
                whole=True,
            )
            head = say("volumes.filter", j=j, shape=(kh, kw, c_in))
            entries.append((k_x, fy + label_h * 0.5, head, {"ha": "left"}))
            heads.append((fy + label_h * 0.5, k_x + measure(self.ax, head)[0]))
            for c in range(c_in):  # each kernel named by the channel it reads, on its left
                bx0, by0, _, by1 = stack.bounds(c)
                colour = name_colour(names[c])
                entries.append((bx0 - 3, (by0 + by1) / 2, names[c], {"ha": "right", "color": colour}))
            filter_mids.append((fvol[2], (fvol[1] + fvol[3]) / 2))
            fy += block + label_h + FILTER_GAP
        for stack in self.filters[n_filters:]:
            stack.update([np.zeros((1, 1))], (0, 0), 1.0, 0.0, ["Greys"], [(0, 1)])
            for grid in stack.slices:
                grid.image.set_visible(False)
            stack.outlines.update([])
            stack.edges.set_data([], [])
        titles.append((k_x + block / 2, y0 + MARGIN + title_h, say("volumes.filters")))
        each = say_n("volumes.kernels_each", c_in)
        entries.append((k_x + block / 2, y0 + MARGIN + title_h + 4 + label_h, each, {"va": "bottom"}))
        symbols.append((vol[2] + GAP * 0.4, in_top + in_side / 2, "⊛"))

        # the output volume: one slice per filter
        out_x = x0 + width - MARGIN - out_label_w - 6 - out_side - (n_filters - 1) * out_step
        arrow_w = measure(self.ax, "→", "symbol")[0]
        least = k_x + block + arrow_w + 16
        if out_x < least:  # not enough room: smaller output slices
            out_side -= least - out_x
            out_x = least
        out_top = top + (body_h - out_side) / 2
        ov = style.nice_limit(np.abs(output).max())
        maps = [output[..., j] for j in range(n_filters)]
        colours = None
        if step is not None:  # the cells made so far, as in the sweep; the rest blank
            made = (np.arange(oh * ow) <= step).reshape(oh, ow)
            paint = colormap(style.SIGNED)
            colours = [paint(Normalize(-ov, ov)(m)) for m in maps]
            for rgba in colours:
                rgba[~made] = (1.0, 1.0, 1.0, 1.0)
        ovol = self.output.update(
            maps,
            (out_x, out_top),
            out_side,
            out_step,
            [style.SIGNED] * n_filters,
            [(-ov, ov)] * n_filters,
            colours=colours,
        )
        for j, (_, fmid) in enumerate(filter_mids):
            bx0, by0, bx1, by1 = self.output.bounds(j)
            # each filter's arrow at its own height, kept within the output volume it points at
            arrow_y = min(max(fmid, ovol[1] + label_h), ovol[3] - label_h)
            arrow_x = out_x - arrow_w / 2 - 6
            for head_y, head_right in heads:  # a long filter name at the arrow's height: the arrow after it
                if abs(head_y - arrow_y) < label_h and arrow_x - arrow_w / 2 < head_right + 2:
                    arrow_x = head_right + 2 + arrow_w / 2
            symbols.append((arrow_x, arrow_y, "→"))
            # back slices are higher up: their names come first in one column, each on its own line
            row = n_filters - 1 - j
            entries.append(
                (
                    ovol[2] + 6,
                    ovol[1] + (row + 0.6) * label_h * 1.15,
                    say("volumes.map_of_filter", j=j),
                    {"ha": "left"},
                )
            )
            if step is not None and j in (0, n_filters - 1):  # one output pixel: a column as deep as filters
                i, jj = st.out_pos
                cell = self.output.cell
                cells.append((bx0 + jj * cell, by0 + i * cell, bx0 + (jj + 1) * cell, by0 + (i + 1) * cell))
        self.windows.update(windows)
        self.cells.update(cells)
        col_lines = _corners(cells[0], cells[-1]) if len(cells) == 2 else ([], [])
        self.box_lines.set_data(box_lines[0] + col_lines[0], box_lines[1] + col_lines[1])
        out_shape = f"({oh}, {ow}, {n_filters})"
        ocx = inside(
            (ovol[0] + ovol[2]) / 2, measure(self.ax, out_shape)[0], x0 + MARGIN, x0 + width - MARGIN
        )
        titles.append((ocx, y0 + MARGIN + title_h, say("output")))
        entries.append((ocx, y0 + MARGIN + title_h + 4 + label_h, out_shape, {"va": "bottom"}))
        depth_note = say("volumes.depth_filters", n=n_filters)
        note_x = inside(ovol[0] + out_side / 2, measure(self.ax, depth_note)[0], out_x, x0 + width - MARGIN)
        entries.append((note_x, ovol[3] + 4, depth_note, {"va": "top"}))

        self.titles.show([(tx, ty, s, {"va": "bottom"}) for tx, ty, s in titles])
        self.labels.show(entries)
        self.symbols.show(symbols)
        blocks_bottom = max(f.bounds(0)[3] for f in self.filters[:n_filters])
        bottom = max(notes_bottom, ovol[3] + 4 + label_h * 1.15, blocks_bottom)
        self.height = bottom + MARGIN - y0
        return self


def _corners(front, back) -> tuple[list, list]:
    """Lines joining the four corners of two rectangles: the edges of a box seen in depth."""
    xs, ys = [], []
    for (ax_, ay), (bx, by) in zip(
        ((front[0], front[1]), (front[2], front[1]), (front[2], front[3]), (front[0], front[3])),
        ((back[0], back[1]), (back[2], back[1]), (back[2], back[3]), (back[0], back[3])),
        strict=True,
    ):
        xs += [ax_, bx, np.nan]
        ys += [ay, by, np.nan]
    return xs, ys


def _pads(layer, hw):
    from ..core.conv import resolve_padding

    return resolve_padding(hw, layer.kernel_size, layer.strides, layer.dilation_rate, layer.padding)
