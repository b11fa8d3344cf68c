"""``KernelSweep``: one kernel sweeping one channel, step by step (``01_the_sweep``)."""

from __future__ import annotations

from ..core.samples import small_grid
from ..core.shapes import output_size, output_size_formula
from ..core.sweeps import sweep
from ..pictures.sweep import SweepPicture
from .controls import K_MAX, PADDING_OPTIONS, Choice, Int
from .data import sweep_kernel
from .live import LiveExplorer
from .rules import KernelFits, StepInSweep, most_positions
from .words import say

__all__ = ["KernelSweep"]


def _positions(s) -> int:
    out = output_size(s["input_size"], s["kernel_size"], s["strides"], s["padding"], s["dilation_rate"])
    return max(out, 0) ** 2


#: The controls that shape the sweep; ``step`` reaches the last position of the longest one.
_GEOMETRY = {
    "input_size": Int(5, 3, 10),
    "kernel_size": Int(3, 1, K_MAX),
    "strides": Int(1, 1, 3),
    "padding": Choice("valid", PADDING_OPTIONS),
    "dilation_rate": Int(1, 1, 3),
}


class KernelSweep(LiveExplorer):
    """One kernel sweeping one channel: the window, the element-wise products, their sum, the output.

    Controls: ``input_size``, ``kernel_size``, ``strides``, ``padding``, ``dilation_rate`` and
    ``step`` (with a play button) that walks the kernel over every position. The input is a small
    grid of integers (:func:`convlesson.small_grid`) so every number stays legible; unreached output
    cells are blank. Introduced in ``01_the_sweep``.

    Examples
    --------
    >>> ex = KernelSweep(input_size=5, kernel_size=3)
    >>> ex.controls["step"].max      # 3 x 3 output positions
    8
    """

    SPECS = {**_GEOMETRY, "step": Int(0, 0, most_positions(_positions, _GEOMETRY) - 1)}
    RULES = (KernelFits(K_MAX), StepInSweep(_positions))

    def _build(self):
        self.picture = SweepPicture(self.ax)

    def _draw(self):
        s = self.state
        self.x = small_grid(s["input_size"], seed=0)
        self.kernel = sweep_kernel(s["kernel_size"])
        self.trace = sweep(
            self.x, self.kernel, strides=s["strides"], padding=s["padding"], dilation_rate=s["dilation_rate"]
        )
        n, k = s["input_size"], s["kernel_size"]
        formula = output_size_formula(n, k, s["strides"], s["padding"], s["dilation_rate"])
        self.picture.update(
            self.trace, s["step"], (0, 0, self.WIDTH, 0), lines=[say("kernel_sweep.formula", formula=formula)]
        )
        return self.picture.height
