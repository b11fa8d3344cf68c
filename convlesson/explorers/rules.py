"""Range rules between controls: which values of one control work with the others' current values.

A kernel must fit the padded input; the ``step`` of a sweep must be one of its output positions;
``groups`` must divide both ``c_in`` and ``filters``. Each :class:`Rule` names the control it limits
(``target``), computes what works for a whole proposed state (``allowed``), and words both cases a
learner meets: a value asked for that does not work is *refused* (``refusal``), and a value that
stopped working because another control moved is *moved* to the nearest one that works (``moved``).
Explorers list their rules in dependency order, so a state is settled in one pass, whatever order
its values were given in.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..core.shapes import output_size, padding_amounts
from .words import say

__all__ = [
    "Allowed",
    "Rule",
    "KernelFits",
    "StepInSweep",
    "GroupsDivide",
    "LearnedFixes",
    "LearnedKernelFits",
    "common_divisors",
    "most_positions",
]


@dataclass(frozen=True)
class Allowed:
    """What works: a range ``lo..hi`` of ints, or a list of ``options``."""

    lo: int = 0
    hi: int = 0
    options: tuple | None = None

    def __contains__(self, value) -> bool:
        if self.options is not None:
            return value in self.options
        return self.lo <= value <= self.hi

    def nearest(self, value):
        """The allowed value closest to ``value`` from below (or the smallest one)."""
        if self.options is not None:
            below = [o for o in self.options if o <= value]
            return max(below) if below else min(self.options)
        return min(max(value, self.lo), self.hi)

    def words(self) -> str:
        if self.options is not None:
            return say("allowed.options", options=", ".join(str(o) for o in self.options))
        if self.hi > self.lo:
            return say("allowed.range", lo=self.lo, hi=self.hi)
        return say("allowed.only", value=self.lo)


class Rule:
    """Limits ``target`` given the other controls. Subclasses define ``allowed`` and ``why``."""

    target: str = ""
    #: Say so when a move of another control changes ``target`` (False: follow silently).
    announce: bool = True

    def allowed(self, state: dict) -> Allowed:
        raise NotImplementedError

    def why(self, state: dict, value) -> str:
        """Why ``value`` of ``target`` does not work with ``state``."""
        raise NotImplementedError

    def refusal(self, state: dict, value) -> str:
        return say(
            "rule.refused",
            why=self.why(state, value),
            target=self.target,
            allowed=self.allowed(state).words(),
        )

    def moved(self, state: dict, old, new) -> str:
        return say("rule.moved", why=self.why(state, old), target=self.target, new=new)


class KernelFits(Rule):
    """``kernel_size`` up to ``k_max``, and no larger than the padded input (with dilation)."""

    target = "kernel_size"

    def __init__(self, k_max: int, fixed: dict | None = None):
        self.k_max = k_max
        self.fixed = fixed or {}  # controls an explorer does not have, e.g. {"padding": "valid"}

    def _geometry(self, state):
        """``strides``, ``padding`` and ``dilation_rate``: the explorer's, or fixed ones, or the defaults."""
        return tuple(
            self.fixed.get(n, state.get(n, default))
            for n, default in (("strides", 1), ("padding", "valid"), ("dilation_rate", 1))
        )

    def allowed(self, state):
        size = state["input_size"]
        s, p, d = self._geometry(state)
        fits = [k for k in range(1, self.k_max + 1) if output_size(size, k, s, p, d) > 0]
        return Allowed(1, max(fits, default=1))

    def why(self, state, value):
        size = state["input_size"]
        s, p, d = self._geometry(state)
        span = d * (value - 1) + 1
        padded = size + sum(padding_amounts(size, value, s, p, d))
        dil = say("rule.with_dilation", d=d) if d > 1 else ""
        return say("rule.kernel_fits", value=value, dilation=dil, span=span, padded=padded)


class StepInSweep(Rule):
    """``step`` is one of the sweep's output positions, counted from 0 (follows them silently)."""

    target = "step"
    announce = False

    def __init__(self, positions):
        self.positions = positions  # state -> number of output positions

    def allowed(self, state):
        return Allowed(0, max(self.positions(state) - 1, 0))

    def why(self, state, value):
        return say("rule.step", value=value, n=self.positions(state))


def most_positions(positions, specs: dict) -> int:
    """The most output positions a sweep can have: ``positions(state)`` for EVERY combination of ``specs``.

    ``specs`` are the controls the count depends on (each an Int or a Choice); the ``step`` control
    must reach the last position of the longest sweep, so its range is this count minus one.
    """
    names = list(specs)
    values = [range(spec.lo, spec.hi + 1) if spec.kind == "int" else spec.options for spec in specs.values()]
    return max(positions(dict(zip(names, combo, strict=True))) for combo in itertools.product(*values))


def common_divisors(a: int, b: int) -> list[int]:
    """The ``groups`` values that work for ``C_in = a`` and ``filters = b``."""
    return [g for g in range(1, min(a, b) + 1) if a % g == 0 and b % g == 0]


class GroupsDivide(Rule):
    """``groups`` divides both ``c_in`` and ``filters``."""

    target = "groups"

    def allowed(self, state):
        return Allowed(options=tuple(common_divisors(state["c_in"], state["filters"])))

    def why(self, state, value):
        return say("rule.groups", value=value, c_in=state["c_in"], filters=state["filters"])


class LearnedFixes(Rule):
    """With the learned weights chosen, ``target`` can only be the trained layer's ``value``.

    ``reason`` is the key of the words that say why (``reason.learned_c_in``). ``control`` is the
    explorer's weights control (``'weights'``; ``'kernels'`` in ChannelSum). With other weights,
    ``otherwise`` decides: the rule the explorer has for ``target`` anyway, or the :class:`Allowed`
    range of its slider.
    """

    def __init__(self, target: str, value: int, reason: str, otherwise, control: str = "weights"):
        self.target, self.value, self.reason = target, value, reason
        self.otherwise, self.control = otherwise, control

    def _learned(self, state) -> bool:
        return state.get(self.control) == "learned"

    def allowed(self, state):
        if self._learned(state):
            return Allowed(self.value, self.value)
        return self.otherwise.allowed(state) if isinstance(self.otherwise, Rule) else self.otherwise

    def why(self, state, value):
        if self._learned(state) or not isinstance(self.otherwise, Rule):
            return say("rule.learned", reason=say(self.reason), target=self.target, value=value)
        return self.otherwise.why(state, value)


class LearnedKernelFits(KernelFits):
    """``dilation_rate`` small enough that the learned 3x3 kernels still fit the padded input.

    With other weights every ``dilation_rate`` up to ``d_max`` is offered (``kernel_size`` then
    follows it, by :class:`KernelFits`).
    """

    target = "dilation_rate"

    def __init__(self, d_max: int, control: str = "weights", k: int = 3):
        super().__init__(k, {})
        self.d_max, self.control = d_max, control

    def allowed(self, state):
        if state.get(self.control) != "learned":
            return Allowed(1, self.d_max)
        size = state["input_size"]
        s, p, _ = self._geometry(state)
        fits = [d for d in range(1, self.d_max + 1) if output_size(size, self.k_max, s, p, d) > 0]
        return Allowed(1, max(fits, default=1))

    def why(self, state, value):
        size = state["input_size"]
        s, p, _ = self._geometry(state)
        span = value * (self.k_max - 1) + 1
        padded = size + sum(padding_amounts(size, self.k_max, s, p, value))
        return say("rule.learned_dilation", k=self.k_max, value=value, span=span, padded=padded)
