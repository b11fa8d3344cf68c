"""A training run as it goes: the loss and the accuracy after each epoch, beside a finished run's.

Drawn by ``TrainingRun`` (``07_learned_filters``). Two panels side by side: the mean loss of each
epoch (a log scale: it falls by a factor of hundreds) and the share of the epoch's pictures the
network got right. The run that made the shipped weights is drawn in grey, for comparison; the run
being trained in colour, one point more after each epoch.
"""

from __future__ import annotations

import matplotlib
import numpy as np

from . import font, style
from .words import say

__all__ = ["TrainingPicture"]

LIVE = "#1f4e9e"  #: this run's colour
REFERENCE = "0.6"  #: the finished run's colour


class TrainingPicture:
    """Loss and accuracy per epoch, in two panels of ``figure`` (updated in place)."""

    def __init__(self, figure):
        self.figure = figure
        self.ax_loss = figure.add_axes((0.09, 0.2, 0.37, 0.47))
        self.ax_acc = figure.add_axes((0.59, 0.2, 0.37, 0.47))
        self.reference = [ax.plot([], [], color=REFERENCE, lw=2, ls="--")[0] for ax in self.axes]
        self.live = [ax.plot([], [], color=LIVE, lw=2.5, marker="o", ms=5)[0] for ax in self.axes]
        self.ax_loss.set_yscale("log")
        self.title = figure.text(0.01, 0.97, "", va="top", ha="left")
        self.legend = None

    @property
    def axes(self):
        return (self.ax_loss, self.ax_acc)

    def update(self, reference, history, epochs: int, title: str = "", reference_label: str = "") -> None:
        """Draw ``reference`` (grey) and ``history`` (colour): lists of ``(loss, accuracy)`` per epoch."""
        size = style.sizes()
        last = max(epochs, len(reference), 1)
        for n, line in enumerate(self.reference):
            xs = np.arange(1, len(reference) + 1)
            line.set_data(xs, [r[n] for r in reference])
            line.set_label(reference_label)
        for n, line in enumerate(self.live):
            xs = np.arange(1, len(history) + 1)
            line.set_data(xs, [h[n] for h in history])
            line.set_label(say("training.this_run"))
        losses = [r[0] for r in (*reference, *history) if r[0] > 0]
        low = min(losses, default=0.01)
        high = max(losses, default=1.0)
        self.ax_loss.set_ylim(10 ** np.floor(np.log10(low)), 10 ** np.ceil(np.log10(high)))
        self.ax_acc.set_ylim(0.0, 1.02)
        families = font.family(title + reference_label)
        chinese = {"fontfamily": families or matplotlib.rcParams["font.family"]}  # English again: reset
        names = (say("training.loss"), say("training.accuracy"))
        for ax, name in zip(self.axes, names, strict=True):
            ax.set_xlim(0.5, last + 0.5)
            ax.set_xticks(range(1, last + 1) if last <= 12 else range(2, last + 1, 2))
            ax.set_xlabel(say("training.epoch"), fontsize=size.label, **chinese)
            ax.set_title(name, fontsize=size.title, fontweight="bold", loc="left", pad=6, **chinese)
            ax.tick_params(labelsize=size.label)
            ax.grid(True, color="0.9")
        if self.legend is not None:
            self.legend.remove()
        self.legend = self.figure.legend(
            handles=[self.reference[0], self.live[0]],
            loc="upper left",
            bbox_to_anchor=(0.0, 0.9),
            ncol=2,
            frameon=False,
            **(
                {"fontsize": size.label}
                if families is None
                else {"prop": {"size": size.label, "family": families}}
            ),
        )
        self.title.set_text(title)
        self.title.set_fontsize(size.label)
        self.title.set_fontfamily(families or matplotlib.rcParams["font.family"])
