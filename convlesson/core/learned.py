"""The trained network's first layer, read as the explorers show it: which filters are colour-opponent.

The first layer of :func:`convlesson.core.network.trained_network` is ``Conv2D(8, 3)`` on RGB: 8
filters, each of 3 kernels (R, G, B). Its filters are what ``weights='learned'`` shows in
``FilterBank`` and ``FilterSweep`` and ``kernels='learned'`` in ``ChannelSum``. Here, in numbers:

* a filter is **colour-opponent** when, on a flat patch of colour, its R kernel pushes one way and its
  G kernel the other: the sums of their weights have opposite signs, the weaker at least a quarter
  of the stronger. Red then gives one sign and green the other, whatever their brightness -- what
  the network needs to tell red from green (:func:`colour_opponent`);
* a filter whose R and G kernels have opposite *patterns* (correlation <= -0.5) responds to red/green
  edges; one whose kernels mostly sum to about 0 responds to edges of any colour (:func:`filter_names`).

Introduced in ``07_learned_filters``.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .language import catalog
from .network import trained_network

__all__ = [
    "learned_layer",
    "opponency",
    "colour_opponent",
    "filter_names",
    "sweep_filters",
    "red_minus_green",
    "OPPONENT_SHARE",
    "SHOWN_DECIMALS",
]

#: Decimals of the learned weights in the explorers, which print them (FilterBank, ChannelSum, FilterSweep).
SHOWN_DECIMALS = 1
#: The weaker of the R and G sums must be at least this share of the stronger (opposite signs).
OPPONENT_SHARE = 0.25
#: Channels whose sum is at least this share of the largest are named in a filter's name.
_NAMED_SHARE = 0.25
_SOBEL_X = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])

say = catalog("core")


@lru_cache(maxsize=1)
def _layer() -> tuple[np.ndarray, np.ndarray]:
    net = trained_network()
    kernel, bias = net.params["conv1.kernel"].copy(), net.params["conv1.bias"].copy()
    kernel.setflags(write=False)
    bias.setflags(write=False)
    return kernel, bias


def learned_layer(decimals: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The trained first layer: ``kernel`` ``(3, 3, 3, 8)`` (HWIO) and ``bias`` ``(8,)``, new copies.

    With ``decimals``, every weight and bias rounded to that many decimals (what an explorer that
    prints its numbers uses, so that each sum it shows can be checked from the numbers shown).
    """
    kernel, bias = _layer()
    if decimals is None:
        return kernel.copy(), bias.copy()
    return np.round(kernel, decimals), np.round(bias, decimals)


def _sums(kernel) -> np.ndarray:
    """``(filters, C_in)``: what each filter gives for a flat patch of 1 in one channel (0 elsewhere)."""
    return np.asarray(kernel, dtype=float).sum(axis=(0, 1)).T


def opponency(kernel) -> np.ndarray:
    """How colour-opponent each filter is: the weaker of its R and G sums where they have opposite
    signs and the weaker is at least :data:`OPPONENT_SHARE` of the stronger; 0 otherwise.

    Parameters
    ----------
    kernel : array_like
        A layer's weights ``(kh, kw, C_in >= 2, filters)``, channels R, G first.

    Returns
    -------
    numpy.ndarray
        ``(filters,)``, non-negative.
    """
    sums = _sums(kernel)
    r, g = sums[:, 0], sums[:, 1]
    weak, strong = np.minimum(abs(r), abs(g)), np.maximum(abs(r), abs(g))
    opposite = (r * g < 0) & (weak >= OPPONENT_SHARE * strong)
    return np.where(opposite, weak, 0.0)


def colour_opponent(kernel) -> list[int]:
    """The colour-opponent filters (see :func:`opponency`), in the layer's order."""
    return [int(j) for j in np.flatnonzero(opponency(kernel) > 0)]


def sweep_filters(kernel, n: int = 3) -> list[int]:
    """The ``n`` most colour-opponent filters, in the layer's order: what ``FilterSweep`` shows.

    With them every kernel of every filter shown is far from zero, so at each step of the sweep the
    R, G and B partial sums all count, and red and green push the one number opposite ways.
    """
    strength = opponency(kernel)
    ranked = [int(j) for j in np.argsort(-strength, kind="stable") if strength[j] > 0]
    return sorted(ranked[:n])


def red_minus_green(kernel) -> int:
    """The filter that adds red and subtracts green most strongly: what ``ChannelSum`` shows."""
    sums = _sums(kernel)
    strength = np.where(sums[:, 0] > 0, opponency(kernel), 0.0)
    return int(np.argmax(strength))


def filter_names(kernel) -> list[str]:
    """A few words for each filter: ``'+R −G'`` for a colour-opponent one, else what edges it sees.

    A colour-opponent filter is named by the signs of its channels' sums (those at least a quarter
    of the largest); another by its kernels' patterns: ``'red/green edges'`` when its R and G kernels
    have opposite patterns, ``'edges'`` otherwise, with ``vertical`` / ``horizontal`` when one
    direction is at least twice as strong as the other. The words are in the language in use.
    """
    k = np.asarray(kernel, dtype=float)
    sums = _sums(k)
    opponent = opponency(k) > 0
    names = []
    for j in range(k.shape[-1]):
        if opponent[j]:
            big = np.abs(sums[j]) >= _NAMED_SHARE * np.abs(sums[j]).max()
            names.append(
                " ".join(
                    f"{'+' if sums[j, c] > 0 else '−'}{'RGB'[c]}" for c in range(min(3, k.shape[2])) if big[c]
                )
            )
            continue
        r, g = k[:, :, 0, j].ravel(), k[:, :, 1, j].ravel()
        red_green = np.corrcoef(r, g)[0, 1] <= -0.5 if r.std() > 0 and g.std() > 0 else False
        direction = ""
        if k.shape[:2] == (3, 3):
            across = sum(abs((k[:, :, c, j] * _SOBEL_X).sum()) for c in range(k.shape[2]))
            down = sum(abs((k[:, :, c, j] * _SOBEL_X.T).sum()) for c in range(k.shape[2]))
            direction = "vertical_" if across >= 2 * down else "horizontal_" if down >= 2 * across else ""
        names.append(say(f"learned.{'red_green_' if red_green else ''}{direction}edges"))
    return names
