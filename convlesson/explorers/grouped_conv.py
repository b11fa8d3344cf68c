"""``GroupedConv``: grouped and depthwise convolutions -- filters that hold fewer kernels (``08_beyond``)."""

from __future__ import annotations

import numpy as np

from ..core.layer import Conv2D
from ..core.samples import filter_bank
from ..core.shapes import param_count
from .controls import Choice, Int
from .filter_bank import FilterBank
from .rules import GroupsDivide, KernelFits
from .words import say, say_n

__all__ = ["GroupedConv"]


class GroupedConv(FilterBank):
    """Grouped (and depthwise) convolution: each filter reads only ``C_in / groups`` channels.

    Controls: ``c_in``, ``filters``, ``groups`` (only the common divisors of both are offered),
    ``kernel_size`` and ``input_size``. Kernels a filter does not hold are hatched; the readout
    compares kernel and parameter counts with ``groups = 1``. Introduced in ``08_beyond``.
    """

    SPECS = {
        "c_in": Int(4, 1, 8),
        "filters": Int(4, 1, 8),
        "groups": Choice(2, tuple(range(1, 9))),
        "kernel_size": Int(3, 1, 5),
        "input_size": Int(12, 6, 24),
    }
    RULES = (GroupsDivide(), KernelFits(5, fixed={"padding": "valid", "strides": 1, "dilation_rate": 1}))

    def _groups(self) -> int:
        return self.state["groups"]

    def _make_layer(self, s) -> Conv2D:
        """Whole-number kernels (-1, 0, 1), so that their numbers show: filter ``j`` holds, for each channel
        ``c`` of its group, the kernel ``(j, c)`` an ordinary layer would hold (it depends on ``j``, ``c`` and
        the kernel size only)."""
        c_in, filters, g, k = s["c_in"], s["filters"], s["groups"], s["kernel_size"]
        full, _ = filter_bank(k, c_in, filters, "random")
        per_in, per_out = c_in // g, filters // g
        w = np.stack(
            [full[:, :, (j // per_out) * per_in : (j // per_out + 1) * per_in, j] for j in range(filters)],
            axis=-1,
        )
        self.filter_names = None
        return Conv2D(filters, k, groups=g, kernel=w, bias=np.zeros(filters))

    def _extra_lines(self, lines):
        s = self.state
        c_in, filters, g, k = s["c_in"], s["filters"], s["groups"], s["kernel_size"]
        per = c_in // g
        p_g, p_1 = param_count(k, c_in, filters, groups=g), param_count(k, c_in, filters)
        if per == 1 and g > 1:  # depthwise
            reads = say("grouped.depthwise", g=g, c_in=c_in)
        else:
            reads = say_n("grouped.reads", per, g=g, c_in=c_in)
        return [
            *lines[:2],
            reads,
            say("grouped.kernels", filters=filters, per=per, total=filters * per, ungrouped=filters * c_in),
            say("grouped.parameters", filters=filters, k=k, per=per, total=p_g, ungrouped=p_1),
        ]
