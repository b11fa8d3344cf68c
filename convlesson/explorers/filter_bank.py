"""``FilterBank``: a whole Conv2D layer, its ``filters x C_in`` kernels and its maps (``06_conv2d_layer``)."""

from __future__ import annotations

from ..draw import shape_text
from ..layer import Conv2D
from ..pictures import LayerPicture, channel_names
from .controls import K_MAX, PADDING_OPTIONS, Bool, Choice, Int
from .data import layer_input
from .live import LiveExplorer
from .rules import KernelFits

__all__ = ["FilterBank"]


class FilterBank(LiveExplorer):
    """A whole Conv2D layer: the input's channels, its ``filters x C_in`` kernels, its ``filters`` maps.

    Controls: ``input_size``, ``c_in``, ``filters``, ``kernel_size``, ``strides``, ``padding``,
    ``dilation_rate`` and ``relu``. Output map ``j`` is drawn level with filter ``j``'s kernels.
    Introduced in ``06_conv2d_layer``.
    """

    SPECS = {
        "input_size": Int(16, 6, 32),
        "c_in": Int(3, 1, 8),
        "filters": Int(2, 1, 8),
        "kernel_size": Int(3, 1, K_MAX),
        "strides": Int(1, 1, 3),
        "padding": Choice("valid", PADDING_OPTIONS),
        "dilation_rate": Int(1, 1, 3),
        "relu": Bool(False),
    }
    RULES = (KernelFits(K_MAX),)
    WIDTH, HEIGHT = 1000, 580

    def _build(self):
        self.picture = LayerPicture(self.ax)

    def _groups(self) -> int:
        return 1

    def _c_in(self) -> int:
        return self.state["c_in"]

    def _make_layer(self, s) -> Conv2D:
        return Conv2D(
            s["filters"],
            s["kernel_size"],
            s.get("strides", 1),
            s.get("padding", "valid"),
            s.get("dilation_rate", 1),
            groups=self._groups(),
            activation="relu" if s.get("relu") else None,
            c_in=self._c_in(),
            seed=0,
        )

    def _draw(self):
        s = self.state
        c_in = self._c_in()
        self.x, is_photo = layer_input(s["input_size"], c_in)
        self.layer = self._make_layer(s)
        self.output = self.layer(self.x)
        lines = shape_text(
            s["input_size"],
            c_in,
            s["kernel_size"],
            s["filters"],
            s.get("strides", 1),
            s.get("padding", "valid"),
            s.get("dilation_rate", 1),
            groups=self._groups(),
        )
        lines = self._extra_lines(lines)
        names = channel_names(c_in, rgb=is_photo)
        self.picture.update(
            self.x,
            self.layer,
            self.output,
            (0, 0, self.WIDTH, self.HEIGHT),
            names=names,
            lines=lines,
            map_names=self._map_names(names),
            bank_title=self._bank_title(),
        )
        self.notes = self.notes + lines[1:]

    def _extra_lines(self, lines):
        return lines

    def _map_names(self, names):
        return None

    def _bank_title(self):
        return None
