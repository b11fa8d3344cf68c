"""``ChannelSum``: one filter at work -- C_in kernels, C_in maps, their sum, + bias (``04_many_channels``)."""

from __future__ import annotations

import numpy as np

from ..core.layer import Conv2D
from ..core.learned import SHOWN_DECIMALS, filter_names, learned_layer, red_minus_green
from ..core.samples import NAMED_FILTERS, filter_bank, named_filter, scene, scene_channel_names
from ..pictures.channel_sum import ChannelSumPicture
from ..pictures.draw import shape_text
from .controls import K_MAX, PADDING_OPTIONS, Bool, Choice, Float, Int
from .filter_bank import LEARNED_C_IN, LEARNED_K
from .live import LiveExplorer
from .rules import Allowed, KernelFits, LearnedFixes, LearnedKernelFits
from .words import say

__all__ = ["ChannelSum"]


class ChannelSum(LiveExplorer):
    """One filter on a C_in-channel input: C_in kernels, C_in maps, their sum, + bias, ReLU.

    The input is the colourful scene (:func:`convlesson.core.samples.scene`): R, G, B, then extra
    channels when ``c_in`` > 3. ``kernels`` picks the C_in kernels (one per channel; together they
    are what ``05_filters`` calls a filter): ``'yellow minus blue'`` (+1 on R and G, -1 on B: why
    the channels' maps are added), ``'yellow-blue edges'``, ``'brightness blur'``, ``'random'``
    weights (whole numbers from -1 to 1), or ``'learned'``: the filter of the trained network's first
    layer that adds red and subtracts green most strongly -- the network found a colour-opponent
    filter by itself, with kernels that are not single dots; its weights rounded to one decimal, as
    they are printed (``c_in`` then stays 3 and ``kernel_size`` 3; see ``07_learned_filters``).
    Controls: ``input_size``, ``c_in``, ``kernel_size``, ``strides``, ``padding``,
    ``dilation_rate``, ``kernels``, ``bias`` and ``relu``. Introduced in ``04_many_channels``.
    """

    SPECS = {
        "input_size": Int(24, 6, 48),
        "c_in": Int(3, 1, 8),
        "kernel_size": Int(3, 1, K_MAX),
        "strides": Int(1, 1, 3),
        "padding": Choice("valid", PADDING_OPTIONS),
        "dilation_rate": Int(1, 1, 3),
        "kernels": Choice("yellow minus blue", (*NAMED_FILTERS, "random", "learned")),
        "bias": Float(0.1, -1.0, 1.0, 0.05),
        "relu": Bool(True),
    }
    RULES = (
        LearnedKernelFits(3, control="kernels"),
        LearnedFixes("c_in", 3, LEARNED_C_IN, Allowed(1, 8), control="kernels"),
        LearnedFixes("kernel_size", 3, LEARNED_K, KernelFits(K_MAX), control="kernels"),
    )

    def _build(self):
        self.picture = ChannelSumPicture(self.ax)

    def _weights(self, s) -> np.ndarray:
        """The filter's weights ``(k, k, C_in, 1)``."""
        k, c_in = s["kernel_size"], s["c_in"]
        if s["kernels"] == "random":  # -1, 0 or 1: small enough for their numbers to show in 8 rows
            return filter_bank(k, c_in, 1, "random")[0]
        if s["kernels"] == "learned":
            kernel, _ = learned_layer(SHOWN_DECIMALS)
            j = red_minus_green(learned_layer()[0])  # chosen by the exact weights, shown rounded
            self.notes.append(say("channel_sum.learned", j=j, name=filter_names(kernel)[j]))
            return kernel[..., j : j + 1]
        return named_filter(s["kernels"], k, c_in)[..., None]

    def _draw(self):
        s = self.state
        self.x = scene(s["input_size"], s["c_in"])
        weights = self._weights(s)
        self.layer = Conv2D(
            1,
            s["kernel_size"],
            s["strides"],
            s["padding"],
            s["dilation_rate"],
            activation="relu" if s["relu"] else None,
            kernel=weights,
            bias=[s["bias"]],
        )
        self.decomposition = self.layer.decompose(self.x, 0)
        lines = shape_text(
            s["input_size"],
            s["c_in"],
            s["kernel_size"],
            1,
            s["strides"],
            s["padding"],
            s["dilation_rate"],
            one_map=True,
        )
        self.picture.update(
            self.x,
            self.layer,
            self.decomposition,
            (0, 0, self.WIDTH, 0),
            names=scene_channel_names(s["c_in"]),
            lines=lines,
            positive=bool((weights >= 0).all()),
        )
        return self.picture.height
