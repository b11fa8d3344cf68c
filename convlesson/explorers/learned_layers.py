"""``LearnedLayers``: the trained network, layer by layer, its filters and maps (``07_learned_filters``)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..core.layer import Conv2D
from ..core.learned import filter_names
from ..core.network import trained_network
from ..core.toy_images import CLASS_NAMES, toy_images
from ..pictures import style
from ..pictures.draw import shape_text
from ..pictures.layer import LayerPicture
from .controls import Bool, Choice, Int
from .live import LiveExplorer
from .rules import Allowed, Rule
from .words import say

__all__ = ["LearnedLayers", "sample_picture", "PICTURE_SEED"]

#: The seed of the one picture of each class the explorer shows (drawn by ``toy_images``).
PICTURE_SEED = 7


@lru_cache(maxsize=8)
def _sample(name: str) -> np.ndarray:
    x, _, _ = toy_images(1, seed=PICTURE_SEED, classes=[name])
    x = x[0]
    x.setflags(write=False)
    return x


def sample_picture(name: str) -> np.ndarray:
    """The ``(16, 16, 3)`` picture of class ``name`` that ``LearnedLayers(sample=name)`` shows (a copy)."""
    if name not in CLASS_NAMES:
        raise ValueError(say("error.sample", names=", ".join(map(repr, CLASS_NAMES)), value=repr(name)))
    return _sample(name).copy()


@lru_cache(maxsize=1)
def _network():
    return trained_network()


class FiltersInLayer(Rule):
    """``filters``: at most as many as the layer shown has (8 in layer 1, 16 in layer 2)."""

    target = "filters"

    def allowed(self, state):
        return Allowed(1, _network().params[f"conv{state['conv_layer']}.kernel"].shape[-1])

    def why(self, state, value):
        have = self.allowed(state).hi
        return say("rule.filters_in_layer", layer=state["conv_layer"], have=have, last=value - 1)


class LearnedLayers(LiveExplorer):
    """The trained network (:func:`convlesson.trained_network`) one layer at a time, on one picture.

    ``conv_layer=1``: the picture's R, G and B, the first layer's filters (each a row of 3 learned
    kernels: R, G, B) and the 8 maps they make. ``conv_layer=2``: the second layer's input -- layer 1's
    8 maps after ReLU and 2x2 max pooling, ``(7, 7, 8)`` -- its filters, each a row of **8** kernels
    (one per layer-1 map), and the 16 maps they make. ``sample`` picks one picture of each of the
    six classes the network tells apart; the text under the picture says what the network answers.
    ``filters`` shows the first few filters only; ``relu`` shows the maps after ReLU (as the
    network passes them on) or before it. The weights are the network's, unrounded.
    Introduced in ``07_learned_filters``.

    Attributes
    ----------
    network : ToyCNN
        The trained network.
    maps : dict of str to numpy.ndarray
        Every layer's output for the picture shown (``network.feature_maps``).
    """

    SPECS = {
        "sample": Choice("red disc", CLASS_NAMES),
        "conv_layer": Choice(1, (1, 2)),
        "filters": Int(8, 1, 16),
        "relu": Bool(True),
    }
    RULES = (FiltersInLayer(),)

    def _build(self):
        self.network = _network()
        self.picture = LayerPicture(self.ax)

    def _draw(self):
        s = self.state
        net, layer, f = self.network, s["conv_layer"], s["filters"]
        image = _sample(s["sample"])
        self.maps = net.feature_maps(image)
        kernel = net.params[f"conv{layer}.kernel"][..., :f]
        bias = net.params[f"conv{layer}.bias"][:f]
        if layer == 1:
            self.x, names, limit = image, ["R", "G", "B"], 1.0
            titles = filter_names(net.params["conv1.kernel"])[:f]
        else:
            self.x = self.maps["pool1"]
            names = [f"m{c}" for c in range(self.x.shape[2])]
            limit = style.nice_limit(float(self.x.max()))
            titles = None
        self.layer = Conv2D(f, 3, activation="relu" if s["relu"] else None, kernel=kernel, bias=bias)
        self.output = self.layer(self.x)
        n = net.params[f"conv{layer}.kernel"].shape[-1]
        h, c_in = self.x.shape[0], self.x.shape[2]
        lines = shape_text(h, c_in, 3, n)[:2]
        p = self.maps["probabilities"]
        best = int(np.argmax(p))
        sure = say("learned.more_than") if p[best] > 0.999 else f"{100 * p[best]:.1f}"
        answer = say(f"class.{net.class_names[best]}")
        lines = [*lines, say("learned.says", answer=answer, sure=sure)]
        if layer == 2:
            self.notes.append(say("learned.layer_2", limit=f"{limit:g}"))
        if f < n:
            self.notes.append(say("learned.first_filters", f=f, layer=layer, n=n))
        self.picture.update(
            self.x,
            self.layer,
            self.output,
            (0, 0, self.WIDTH, 0),
            names=names,
            filter_names=titles,
            lines=lines,
            positive=bool(s["relu"]),
            bank_title=say("learned.bank_title", layer=layer),
            input_limit=limit,
        )
        return self.picture.height
