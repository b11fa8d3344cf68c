"""``FilterBank``: a whole Conv2D layer, its ``filters x C_in`` kernels and its maps (``06_conv2d_layer``)."""

from __future__ import annotations

import numpy as np

from ..core.layer import Conv2D
from ..core.samples import filter_bank, scene, scene_channel_names
from ..pictures.draw import shape_text
from ..pictures.layer import LayerPicture
from .controls import K_MAX, PADDING_OPTIONS, Bool, Choice, Int
from .live import LiveExplorer
from .rules import KernelFits

__all__ = ["FilterBank"]


class FilterBank(LiveExplorer):
    """A whole Conv2D layer: the input's channels, its ``filters x C_in`` kernels, its ``filters`` maps.

    The input is the colourful scene (R, G, B, then extra channels when ``c_in`` > 3). With
    ``weights='named'`` the first filters are named ones -- ``yellow minus blue``,
    ``yellow-blue edges``, ``brightness blur`` -- and later ones random; ``'random'`` makes every
    kernel random. Kernel ``(j, c)`` depends only on ``j``, ``c`` and the kernel size, so adding a
    filter adds one row of kernels and one map, and adding a channel adds one column: nothing else
    changes. Controls:
    ``input_size``, ``c_in``, ``filters``, ``kernel_size``, ``strides``, ``padding``,
    ``dilation_rate``, ``weights`` and ``relu``. Introduced in ``06_conv2d_layer``.
    """

    SPECS = {
        "input_size": Int(16, 6, 32),
        "c_in": Int(3, 1, 8),
        "filters": Int(2, 1, 8),
        "kernel_size": Int(3, 1, K_MAX),
        "strides": Int(1, 1, 3),
        "padding": Choice("valid", PADDING_OPTIONS),
        "dilation_rate": Int(1, 1, 3),
        "weights": Choice("named", ("named", "random")),
        "relu": Bool(False),
    }
    RULES = (KernelFits(K_MAX),)
    #: Draw a one-filter layer as its kernels, without the word "filter" (taught only in 05)
    ONE_FILTER_AS_KERNELS = False

    def _build(self):
        self.picture = LayerPicture(self.ax)

    def _groups(self) -> int:
        return 1

    def _c_in(self) -> int:
        return self.state["c_in"]

    def _input(self, s):
        return scene(s["input_size"], self._c_in()), scene_channel_names(self._c_in())

    def _make_layer(self, s) -> Conv2D:
        """The layer drawn: named or random weights, as ``weights`` says."""
        geometry = (s["filters"], s["kernel_size"], s.get("strides", 1), s.get("padding", "valid"))
        relu = "relu" if s.get("relu") else None
        if s.get("weights", "random") == "named" and self._groups() == 1:
            w, self.filter_names = filter_bank(s["kernel_size"], self._c_in(), s["filters"], "named")
            return Conv2D(
                *geometry, s.get("dilation_rate", 1), activation=relu, kernel=w, bias=np.zeros(s["filters"])
            )
        self.filter_names = None
        return Conv2D(
            *geometry, s.get("dilation_rate", 1), groups=self._groups(), activation=relu, c_in=self._c_in()
        )

    def _draw(self):
        s = self.state
        c_in = self._c_in()
        self.x, names = self._input(s)
        self.layer = self._make_layer(s)
        self.output = self.layer(self.x)
        one_map = self.ONE_FILTER_AS_KERNELS and s["filters"] == 1
        lines = shape_text(
            s["input_size"],
            c_in,
            s["kernel_size"],
            s["filters"],
            s.get("strides", 1),
            s.get("padding", "valid"),
            s.get("dilation_rate", 1),
            groups=self._groups(),
            one_map=one_map,
        )
        if one_map:  # a picture for notebook 03: the bias is taught only in 04
            lines = lines[:2]
        positive = bool(s.get("relu")) or bool(
            (self.layer.weights >= 0).all() and (self.layer.bias >= 0).all()
        )
        self.picture.update(
            self.x,
            self.layer,
            self.output,
            (0, 0, self.WIDTH, 0),
            names=names,
            filter_names=self.filter_names,
            lines=self._extra_lines(lines),
            positive=positive,
            bank_title=self._bank_title(),
            one_filter_as_kernels=self.ONE_FILTER_AS_KERNELS,
        )
        return self.picture.height

    def _extra_lines(self, lines):
        return lines

    def _bank_title(self):
        return None
