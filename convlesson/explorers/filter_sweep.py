"""``FilterSweep``: the moment each filter makes one number, step by step (``04``, ``05``)."""

from __future__ import annotations

import numpy as np

from ..core import stable
from ..core.conv import conv2d
from ..core.language import current
from ..core.layer import Conv2D
from ..core.learned import SHOWN_DECIMALS, filter_names, learned_layer, sweep_filters
from ..core.samples import filter_bank, scene, scene_channel_names
from ..core.shapes import output_size
from ..core.sweeps import sweep
from ..pictures.draw import shape_text
from ..pictures.filter_sweep import FilterSweepPicture
from ..pictures.volumes import VolumePicture
from .controls import PADDING_OPTIONS, Choice, Int
from .filter_bank import LEARNED_C_IN, LEARNED_K
from .live import LiveExplorer
from .rules import Allowed, KernelFits, LearnedFixes, StepInSweep, most_positions
from .words import say

__all__ = ["FilterSweep"]

K_MAX = 5  #: FilterSweep's largest kernel: every number still has room


def _positions(s) -> int:
    out = output_size(s["input_size"], s["kernel_size"], s["strides"], s["padding"])
    return max(out, 0) ** 2


#: The controls that shape the sweep; ``step`` reaches the last position of the longest one.
_GEOMETRY = {
    "kernel_size": Int(3, 1, K_MAX),
    "strides": Int(1, 1, 3),
    "padding": Choice("valid", PADDING_OPTIONS),
    "input_size": Int(5, 3, 8),
}


def _learned(filters: int):
    """The first ``filters`` learned filters FilterSweep shows: weights, biases (one decimal), names."""
    exact, _ = learned_layer()
    kernel, bias = learned_layer(SHOWN_DECIMALS)
    chosen = sweep_filters(exact)[:filters]  # chosen by the exact weights, shown rounded
    words = filter_names(exact)
    names = [say("filter_sweep.learned_name", j=j, name=words[j]) for j in chosen]
    return kernel[..., chosen], bias[chosen], names


class FilterSweep(LiveExplorer):
    """A whole layer at one output position: C_in windows × each filter's C_in kernels → one number each.

    At every ``step`` the window is outlined on each input channel; under each channel, each
    filter's kernel for it and the partial sum they make; then, per filter, the partial sums added,
    plus the bias, and the number that lands in that filter's output channel. Inputs are the
    colourful scene in small whole numbers (0 to 3) and the weights are -1, 0 or 1, so every sum
    can be checked by hand. ``weights='learned'`` takes its filters from the trained network's first
    layer: the three most colour-opponent ones (see :func:`convlesson.core.learned.sweep_filters`),
    in the layer's order, their weights and biases rounded to one decimal so every sum can still be
    checked from the numbers shown; every kernel of theirs is far from zero, so each partial sum
    counts (``c_in`` then stays 3 and ``kernel_size`` 3). ``view='3-D'`` shows the same layer as
    volumes: the input, one filter as a block of C_in kernels, and the output. Controls: ``c_in``
    (1-4), ``filters`` (1-3), ``kernel_size`` (1-5), ``strides``, ``padding``, ``input_size``,
    ``weights`` (named, random or learned), ``view`` and ``step`` with a Play button. Introduced in
    ``04_many_channels`` and ``05_filters``; learned weights in ``07_learned_filters``.

    Attributes
    ----------
    x : numpy.ndarray
        The input ``(H, W, C_in)`` drawn.
    layer : Conv2D
        The layer drawn (its ``weights`` and ``bias``).
    trace : LayerSweepTrace
        The sweep the picture shows a step of.
    filter_names : list of str
        What each filter's row is called (``'red edges'``, ``'random'``, ``'learned filter 6, −R +G +B'``).
    """

    SPECS = {
        "c_in": Int(3, 1, 4),
        "filters": Int(2, 1, 3),
        "kernel_size": _GEOMETRY["kernel_size"],
        "strides": _GEOMETRY["strides"],
        "padding": _GEOMETRY["padding"],
        "input_size": _GEOMETRY["input_size"],
        "weights": Choice("named", ("named", "random", "learned")),
        "view": Choice("numbers", ("numbers", "3-D")),
        "step": Int(0, 0, most_positions(_positions, _GEOMETRY) - 1),
    }
    RULES = (
        LearnedFixes("c_in", 3, LEARNED_C_IN, Allowed(1, 4)),
        LearnedFixes("kernel_size", 3, LEARNED_K, KernelFits(K_MAX)),
        StepInSweep(_positions),
    )

    def _build(self):
        self.picture = FilterSweepPicture(self.ax)
        self.ax_volumes = self.figure.add_axes((0, 0, 1, 1))  # the 3-D view draws on an Axes of its own
        self.ax_volumes.set_xlim(0, self.WIDTH)
        self.ax_volumes.set_ylim(self.HEIGHT, 0)
        self.ax_volumes.set_axis_off()
        self.volumes = VolumePicture(self.ax_volumes)
        self._cached = None

    def _layer(self, s):
        """The layer, its input, trace and whole output; made again only when more than the step moved."""
        # the filters' names are words: made again in another language
        key = (*(v for k, v in s.items() if k not in ("step", "view")), current())
        if self._cached is None or self._cached[0] != key:
            k, c_in, filters = s["kernel_size"], s["c_in"], s["filters"]
            if s["weights"] == "learned":
                w, bias, names = _learned(filters)
            else:
                w, names = filter_bank(k, c_in, filters, s["weights"])
                bias = stable.integers(0, "sweep bias", -2, 2, np.arange(filters)).astype(float)
            layer = Conv2D(filters, k, s["strides"], s["padding"], kernel=w, bias=bias)
            x = scene(s["input_size"], c_in, levels=3)
            trace = sweep(x, layer.weights, layer.bias, strides=s["strides"], padding=s["padding"])
            output = conv2d(x, layer.weights, layer.bias, strides=s["strides"], padding=s["padding"])
            self._cached = (key, layer, x, trace, output, names)
        return self._cached[1:]

    def _draw(self):
        s = self.state
        self.layer, self.x, self.trace, self.output, filter_names = self._layer(s)
        self.filter_names = filter_names
        if s["weights"] == "learned":
            self.notes.append(say("filter_sweep.learned"))
        lines = shape_text(
            s["input_size"], s["c_in"], s["kernel_size"], s["filters"], s["strides"], s["padding"]
        )
        names = scene_channel_names(s["c_in"])
        three_d = s["view"] == "3-D"
        self.ax.set_visible(not three_d)
        self.ax_volumes.set_visible(three_d)
        if three_d:
            self.volumes.update(
                self.x,
                self.layer,
                self.output,
                (0, 0, self.WIDTH, 0),
                step=s["step"],
                names=names,
                trace=self.trace,
            )
            return self.volumes.height
        self.picture.update(
            self.trace,
            s["step"],
            self.output,
            (0, 0, self.WIDTH, 0),
            names=names,
            filter_names=filter_names,
            lines=lines,
        )
        return self.picture.height
