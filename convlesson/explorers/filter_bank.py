"""``FilterBank``: a whole Conv2D layer, its ``filters x C_in`` kernels and its maps (``06_conv2d_layer``)."""

from __future__ import annotations

import numpy as np

from ..core.images import Picture
from ..core.layer import Conv2D
from ..core.learned import SHOWN_DECIMALS, filter_names, learned_layer
from ..core.samples import filter_bank, scene, scene_channel_names
from ..pictures.draw import shape_text
from ..pictures.layer import LayerPicture
from .controls import K_MAX, PADDING_OPTIONS, Bool, Choice, Int
from .live import LiveExplorer
from .rules import Allowed, KernelFits, LearnedFixes, LearnedKernelFits
from .words import say

__all__ = ["FilterBank", "LEARNED_C_IN", "LEARNED_K"]

#: Why the learned layer fixes ``c_in`` and ``kernel_size`` (said when one is refused or moved): the keys
#: of the words (English: "was trained on RGB pictures: each of its filters holds 3 kernels (R, G, B)").
LEARNED_C_IN = "reason.learned_c_in"
LEARNED_K = "reason.learned_k"


class FilterBank(LiveExplorer):
    """A whole Conv2D layer: the input's channels, its ``filters x C_in`` kernels, its ``filters`` maps.

    The input is the colourful scene (R, G, B, then extra channels when ``c_in`` > 3), or your own
    picture: ``FilterBank(image=...)`` takes a file path, a PIL image or an ``(H, W)`` / ``(H, W, 3)``
    array (see :func:`convlesson.load_image`); its centre square, resized to ``input_size``, gives
    R, G and B, and extra channels still come from the scene. With ``weights='named'`` the first
    filters are named ones -- ``yellow minus blue``, ``yellow-blue edges``, ``brightness blur`` --
    and later ones random; ``'random'`` makes every kernel random; ``'learned'`` shows the first layer
    of the trained network (:func:`convlesson.trained_network`): 8 filters of 3 x 3 kernels on R, G and B,
    so ``c_in`` stays 3 and ``kernel_size`` 3. Kernel ``(j, c)`` depends only on ``j``, ``c`` and the
    kernel size, so adding a filter adds one row of kernels and one map, and adding a channel adds
    one column: nothing else changes. Controls: ``input_size``, ``c_in``, ``filters``,
    ``kernel_size``, ``strides``, ``padding``, ``dilation_rate``, ``weights`` and ``relu``.
    Introduced in ``06_conv2d_layer``; learned weights and your own picture in ``07_learned_filters``.
    """

    SPECS = {
        "input_size": Int(16, 6, 32),
        "c_in": Int(3, 1, 8),
        "filters": Int(2, 1, 8),
        "kernel_size": Int(3, 1, K_MAX),
        "strides": Int(1, 1, 3),
        "padding": Choice("valid", PADDING_OPTIONS),
        "dilation_rate": Int(1, 1, 3),
        "weights": Choice("named", ("named", "random", "learned")),
        "relu": Bool(False),
    }
    RULES = (
        LearnedKernelFits(3),
        LearnedFixes("c_in", 3, LEARNED_C_IN, Allowed(1, 8)),
        LearnedFixes("kernel_size", 3, LEARNED_K, KernelFits(K_MAX)),
    )
    #: Draw a one-filter layer as its kernels, without the word "filter" (taught only in 05)
    ONE_FILTER_AS_KERNELS = False
    #: Each map's colour limit holds this percentile of its values (None: all of them)
    MAP_QUANTILE: float | None = None

    def __init__(self, *, image=None, show=None, **values):
        # the learner's picture is read and checked first: a bad one is refused before any widget exists
        self._own = None if image is None else Picture(image)
        super().__init__(show=show, **values)

    def _build(self):
        self.picture = LayerPicture(self.ax)

    def _groups(self) -> int:
        return 1

    def _c_in(self) -> int:
        return self.state["c_in"]

    def _input(self, s):
        size, c_in = s["input_size"], self._c_in()
        x = scene(size, c_in)
        if self._own is not None:  # the learner's R, G, B; extra channels stay the scene's
            n = min(3, c_in)
            x[..., :n] = self._own.at(size)[..., :n]
            note = self._own.enlarged_note(size)
            if note:
                self.notes.append(note)
        return x, scene_channel_names(c_in)

    def _make_layer(self, s) -> Conv2D:
        """The layer drawn: named or random weights, as ``weights`` says."""
        geometry = (s["filters"], s["kernel_size"], s.get("strides", 1), s.get("padding", "valid"))
        relu = "relu" if s.get("relu") else None
        if s.get("weights") == "learned":
            kernel, bias = learned_layer(SHOWN_DECIMALS)
            f = s["filters"]
            self.filter_names = filter_names(learned_layer()[0])[:f]  # named by the exact weights
            self.notes.append(say("filter_bank.learned"))
            return Conv2D(
                *geometry, s["dilation_rate"], activation=relu, kernel=kernel[..., :f], bias=bias[:f]
            )
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
            map_quantile=self.MAP_QUANTILE,
        )
        return self.picture.height

    def _extra_lines(self, lines):
        return lines

    def _bank_title(self):
        return say("filter_bank.learned_weights") if self.state.get("weights") == "learned" else None
