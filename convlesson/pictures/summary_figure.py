"""The course in one still picture: kernel (2-D) → filter (3-D) → layer (4-D), and one output number.

Three panels from left to right: one kernel, a ``(kh, kw)`` grid that sweeps ONE input channel; a
filter, its C_in kernels one per channel, ``(kh, kw, C_in)``, drawn pulled apart along its depth;
a layer's weights, ``filters`` rows of C_in kernels, with the two ways frameworks lay the 4-D tensor
out (Keras's HWIO, PyTorch's OIHW). Under them, the equation of one output number: each kernel's
products summed (a partial sum), the filter's C_in partial sums added, plus its one bias.

The numbers are the course's own named filters (:func:`convlesson.core.samples.filter_bank`), so the
picture shows the same kernels the explorers do. ``python -m convlesson.gallery`` stores it as
``notebooks/figures/summary.png``, which ``00_start_here`` and ``05_filters`` show.
"""

from __future__ import annotations

import numpy as np

from ..core.samples import RGB_NAMES, filter_bank
from . import style
from .art import GridArt, OutlineArt
from .layer import name_colour
from .render import new_figure
from .text_art import TextPool, measure, text_height, wrap
from .words import say

__all__ = ["SummaryPicture", "summary_figure", "WIDTH", "FILTER", "LAYER_FILTERS"]

WIDTH = 840  #: pixels: a notebook column, never shrunk
MARGIN = 14.0
FILTER = 1  #: which of the named filters the kernel and filter panels show ("yellow-blue edges")
LAYER_FILTERS = 2  #: filters in the layer panel
_PANELS = (0.0, 0.22, 0.58, 1.0)  #: where each panel starts, as shares of the width
_ARROW_W = 34.0  #: room left at a panel's right for the arrow to the next


class SummaryPicture:
    """The kernel → filter → layer picture with the one-number equation, drawn on ``ax`` in pixels."""

    def __init__(self, ax):
        self.ax = ax
        self.kernel = GridArt(ax, style.SIGNED)
        # R in front: drawn last
        self.filter = [GridArt(ax, style.SIGNED, zorder=2.0 - 0.2 * c) for c in range(len(RGB_NAMES))]
        self.layer = [[GridArt(ax, style.SIGNED) for _ in RGB_NAMES] for _ in range(LAYER_FILTERS)]
        self.frames = OutlineArt(ax, linewidth=0.8, color="0.3")
        self.depth = OutlineArt(ax, linewidth=0.8, color="0.55", linestyle=(0, (3, 2)))
        self.titles = TextPool(ax, role="title", ha="left", va="top")
        self.labels = TextPool(ax, role="label")
        self.text = TextPool(ax, role="label", ha="left", va="top")
        self.symbols = TextPool(ax, role="symbol")
        self.height = 0.0

    def draw(self) -> SummaryPicture:
        """Lay everything out; ``height`` is set to the pixels the picture needs."""
        ax = self.ax
        weights, names = filter_bank(3, 3, LAYER_FILTERS)
        kv = 1.0
        title_h = text_height(ax, "title")
        label_h = text_height(ax, "label")
        line_h = label_h * 1.3
        xs = [MARGIN + share * (WIDTH - 2 * MARGIN) for share in _PANELS]
        top = MARGIN
        heads = [
            (say("summary.kernel"), "2-D: (kh, kw)"),
            (say("summary.filter"), "3-D: (kh, kw, C_in)"),
            (say("summary.layer"), say("summary.layer_shape")),
        ]
        titles, entries, frames, depth = [], [], [], []
        for (name, shape), x in zip(heads, xs, strict=False):
            titles.append((x, top, name))
            entries.append((x, top + title_h + 6, shape, {"ha": "left", "va": "top"}))
        grid_top = top + title_h + 6 + label_h + 16

        # the kernel: R's kernel of the filter
        kc = 30.0
        self.kernel.update(weights[:, :, 0, FILTER], (xs[0], grid_top + 24), kc, clim=(-kv, kv))
        frames.append(self.kernel.bounds)
        k_bottom = self.kernel.bounds[3]
        entries.append(
            (xs[0] + 1.5 * kc, k_bottom + 6, say("summary.for_r"), {"va": "top", "color": name_colour("R")})
        )

        # the filter: its C_in kernels pulled apart along its depth, R in front
        fc, step_x, step_y = 22.0, 72.0, 22.0
        side = 3 * fc
        front_y = grid_top + 2 * step_y + 8
        corners = []
        for c in reversed(range(len(RGB_NAMES))):
            ox, oy = xs[1] + c * step_x, front_y - c * step_y
            self.filter[c].update(weights[:, :, c, FILTER], (ox, oy), fc, clim=(-kv, kv))
            frames.append(self.filter[c].bounds)
            corners.append((ox, oy))
            entries.append(
                (
                    ox + side / 2,
                    oy + side + 5,
                    RGB_NAMES[c],
                    {"va": "top", "color": name_colour(RGB_NAMES[c])},
                )
            )
        # dashed edges joining the kernels' corners: one block, C_in deep
        (bx, by), (fx, fy) = corners[0], corners[-1]
        for dx, dy in ((0, 0), (side, 0)):
            depth.append((fx + dx, fy + dy, bx + dx, by + dy))
        f_bottom = front_y + side + 5 + label_h

        # the layer: one row of kernels per filter, one column per channel
        lc, gap = 22.0, 10.0
        name_w = max(measure(ax, say("filter", j=j))[0] for j in range(LAYER_FILTERS)) + 8
        lx = xs[2] + name_w
        ly = grid_top + label_h + 6
        for c, ch in enumerate(RGB_NAMES):
            entries.append(
                (lx + c * (3 * lc + gap) + 1.5 * lc, ly - 4, ch, {"va": "bottom", "color": name_colour(ch)})
            )
        for j in range(LAYER_FILTERS):
            for c in range(len(RGB_NAMES)):
                art = self.layer[j][c]
                art.update(
                    weights[:, :, c, j],
                    (lx + c * (3 * lc + gap), ly + j * (3 * lc + gap)),
                    lc,
                    clim=(-kv, kv),
                )
                frames.append(art.bounds)
            entries.append((xs[2], ly + j * (3 * lc + gap) + 1.5 * lc, say("filter", j=j), {"ha": "left"}))
        l_bottom = ly + LAYER_FILTERS * (3 * lc + gap) - gap

        # arrows between the panels, each saying what is stacked
        symbols = []
        for n, what in ((1, "× C_in"), (2, "× filters")):
            ax_x = xs[n] - _ARROW_W / 2 - 6
            mid = grid_top + 50
            symbols.append((ax_x, mid, "→"))
            entries.append((ax_x, mid - 22, what, {"va": "bottom"}))

        # captions under the panels
        caption_top = max(k_bottom, f_bottom, l_bottom) + 18
        captions = [
            [say("summary.kernel_caption")],
            [say("summary.filter_caption")],
            [
                say("summary.layer_caption", filters=LAYER_FILTERS, kernels=LAYER_FILTERS * 3),
                f"Keras: (kh, kw, C_in, filters), HWIO: (3, 3, 3, {LAYER_FILTERS})",
                f"PyTorch: (filters, C_in, kh, kw), OIHW: ({LAYER_FILTERS}, 3, 3, 3)",
            ],
        ]
        bottoms = []
        lines = []
        for n, paragraphs in enumerate(captions):
            room = xs[n + 1] - xs[n] - (_ARROW_W if n < 2 else 0) - 6
            y = caption_top
            for paragraph in paragraphs:
                for line in wrap(ax, paragraph, room):
                    lines.append((xs[n], y, line))
                    y += line_h
                y += 4
            bottoms.append(y)

        # the equation of one output number
        y = max(bottoms) + 14
        equation = [
            ("title", say("summary.equation_title")),
            ("label", "out[i, j, f]  =  Σ_c ( Σ_a Σ_b  x[i+a, j+b, c] · w[a, b, c, f] )  +  bias[f]"),
            ("label", say("summary.equation_words")),
        ]
        for role, text in equation:
            for line in wrap(ax, text, WIDTH - 2 * MARGIN, role):
                (titles if role == "title" else lines).append((MARGIN, y, line))
                y += (title_h if role == "title" else label_h) * 1.3
            y += 4
        self.frames.update(frames)
        self.depth.line.set_data(*_segments(depth))
        self.titles.show(titles)
        self.labels.show(entries)
        self.text.show(lines)
        self.symbols.show(symbols)
        self.height = y + MARGIN - 4
        return self


def _segments(segments):
    xs, ys = [], []
    for x0, y0, x1, y1 in segments:
        xs += [x0, x1, np.nan]
        ys += [y0, y1, np.nan]
    return xs, ys


def summary_figure():
    """A Figure (no pyplot) holding the summary picture, sized to it: 840 pixels wide."""
    height = 600
    fig = new_figure(WIDTH, height, style.BASE_DPI)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()

    def place(h):
        ax.set_xlim(0, WIDTH)
        ax.set_ylim(h, 0)

    place(height)
    picture = SummaryPicture(ax).draw()
    h = int(np.ceil(picture.height))
    fig.set_size_inches(WIDTH / style.BASE_DPI, h / style.BASE_DPI)
    place(h)
    picture.draw()  # again, at the final scale: the texts measured in pixels stay where they were
    fig.picture = picture
    return fig
