"""``ChannelSum``: one filter at work -- C_in kernels, C_in maps, their sum, + bias (``04_many_channels``)."""

from __future__ import annotations

from ..draw import shape_text
from ..layer import Conv2D
from ..pictures import ChannelSumPicture, channel_names
from .controls import K_MAX, PADDING_OPTIONS, Bool, Choice, Float, Int
from .data import layer_input
from .live import LiveExplorer
from .rules import KernelFits

__all__ = ["ChannelSum"]


class ChannelSum(LiveExplorer):
    """One filter on a C_in-channel input: C_in kernels, C_in maps, their sum, + bias, ReLU.

    The RGB photo when ``c_in = 3``, distinct synthetic channels otherwise. Controls:
    ``input_size``, ``c_in``, ``kernel_size``, ``strides``, ``padding``, ``dilation_rate``, ``bias``
    and ``relu``. Introduced in ``04_many_channels``.
    """

    SPECS = {
        "input_size": Int(24, 6, 48),
        "c_in": Int(3, 1, 8),
        "kernel_size": Int(3, 1, K_MAX),
        "strides": Int(1, 1, 3),
        "padding": Choice("valid", PADDING_OPTIONS),
        "dilation_rate": Int(1, 1, 3),
        "bias": Float(0.1, -1.0, 1.0, 0.05),
        "relu": Bool(True),
    }
    RULES = (KernelFits(K_MAX),)
    WIDTH, HEIGHT = 1060, 560

    def _build(self):
        self.picture = ChannelSumPicture(self.ax)

    def _draw(self):
        s = self.state
        self.x, is_photo = layer_input(s["input_size"], s["c_in"])
        self.layer = Conv2D(
            1,
            s["kernel_size"],
            s["strides"],
            s["padding"],
            s["dilation_rate"],
            activation="relu" if s["relu"] else None,
            c_in=s["c_in"],
            bias=[s["bias"]],
            seed=0,
        )
        self.decomposition = self.layer.decompose(self.x, 0)
        lines = shape_text(
            s["input_size"], s["c_in"], s["kernel_size"], 1, s["strides"], s["padding"], s["dilation_rate"]
        )
        self.picture.update(
            self.x,
            self.layer,
            self.decomposition,
            (0, 0, self.WIDTH, self.HEIGHT),
            names=channel_names(s["c_in"], rgb=is_photo),
            lines=lines,
        )
        self.notes = lines[1:]
