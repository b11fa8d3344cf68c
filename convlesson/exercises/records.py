"""Exercises as data: the :class:`Exercise` record, its :class:`Slip` records and the named misconceptions.

An exercise of ``08_exercises`` is asked by number (``cl.check(7, answer)``); a prediction in a lesson
notebook is asked by a short name (``cl.check("sweep-size", answer)``). Both are the same record, graded
by :mod:`convlesson.exercises.grading`. A :class:`Slip` is a wrong answer that a known slip gives, with the
feedback that names the slip; slips that come back across exercises name one of :data:`MISCONCEPTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Exercise", "Slip", "MISCONCEPTIONS", "KINDS", "TAGS", "slip"]

#: What an answer is: a whole number, a number, a shape (tuple of ints), True/False, one of a few
#: words or lettered options, or a function to write.
KINDS = ("int", "float", "shape", "truefalse", "choice", "code")

#: The tags an exercise may carry; ``kernel-vs-filter`` marks the ones on the distinction itself.
TAGS = (
    "kernel-vs-filter",
    "output-size",
    "padding",
    "strides",
    "dilation",
    "feature-map",
    "channels",
    "parameters",
    "layouts",
    "chains",
    "groups",
    "code",
)

#: The slips that come back across exercises, by name, and the words that start their feedback.
MISCONCEPTIONS = {
    "one-map-per-kernel": "one map per kernel",
    "one-bias-per-kernel": "one bias per kernel",
    "channels-first": "PyTorch's channels-first order",
    "channels-last": "Keras's channels-last order",
    "square-kernel": "a square kernel assumed",
    "filters-as-kernels": "filters counted as kernels",
    "kernels-as-filters": "kernels counted as filters",
    "forgot-bias": "forgot the bias",
    "padding-total": "per-side vs total padding",
    "forgot-floor": "forgot the floor",
    "flipped-kernel": "a flipped kernel",
    "averaged-channels": "averaged instead of added",
    "in-out-swapped": "in and out swapped",
    "weights-as-kernels": "weights counted as kernels",
    "whole-filter": "a whole filter, not one kernel",
    "one-kernel": "one kernel, not a filter",
    "previous-c-in": "the wrong C_in for a chained layer",
    "groups-ignored": "groups ignored",
    "same-with-strides": "'same' with strides",
    "odd-pixel-before": "TensorFlow's odd pixel goes after",
    "forgot-strides": "forgot the strides",
    "off-by-one": "off by one",
    "no-shrink": "no padding, so the map shrinks",
}


@dataclass(frozen=True)
class Slip:
    """A wrong answer a known slip gives, and the feedback that names the slip.

    ``misconception`` is a key of :data:`MISCONCEPTIONS` (its words start the feedback) or ``""`` for
    a slip particular to one exercise.
    """

    answer: object
    feedback: str
    misconception: str = ""

    def __post_init__(self):
        if self.misconception and self.misconception not in MISCONCEPTIONS:
            raise ValueError(
                f"misconception must be one of {sorted(MISCONCEPTIONS)}, got {self.misconception!r}"
            )

    @property
    def message(self) -> str:
        """The feedback as :func:`convlesson.check` prints it after "not quite (answer) — "."""
        if not self.misconception:
            return self.feedback
        return f"{MISCONCEPTIONS[self.misconception]}: {self.feedback}"


def slip(answer, feedback: str, misconception: str = "") -> Slip:
    """A :class:`Slip` (shorthand for the exercise tables)."""
    return Slip(answer, feedback, misconception)


@dataclass(frozen=True)
class Exercise:
    """One exercise (asked by ``number``) or one prediction (asked by ``key``).

    Attributes
    ----------
    number : int or None
        The exercise's number in ``08_exercises``; None for a prediction.
    key : str or None
        The prediction's short name, such as ``"sweep-size"``; None for a numbered exercise.
    lesson : str
        The notebook it belongs to (a prediction) or builds on (an exercise), without ``.ipynb``.
    topic : str
        A few words shown after the number.
    kind : str
        One of :data:`KINDS`.
    question, hint : str
        The question as plain text, and a nudge.
    worked : callable
        The worked solution in :mod:`.solutions` (or :mod:`.prediction_solutions`);
        ``cl.solution`` shows its source. It returns the expected answer; for a code exercise it is
        the reference function itself.
    answer : object
        The expected answer; for a code exercise, the reference function.
    right : str
        Why the answer is right, shown with "right!".
    slips : tuple of Slip
        Wrong answers that known slips give, with their feedback.
    tags : tuple of str
        From :data:`TAGS`; ``"kernel-vs-filter"`` marks the exercises on the distinction itself.
    choices : tuple of str
        For a ``'choice'`` exercise, the options (``'before'``, ``'after'``, or index expressions).
    lettered : bool
        Whether the options are shown as (a), (b), ... and may be answered by their letter.
    aliases : dict
        Other words accepted for an option (``'bottom'`` for ``'after'``).
    check : str
        For a ``'code'`` exercise, the key of its check in :data:`.code_checks.CODE_CHECKS`.
    """

    number: int | None
    key: str | None
    lesson: str
    topic: str
    kind: str
    question: str
    hint: str
    worked: Callable
    answer: object
    right: str = ""
    slips: tuple = ()
    tags: tuple = ()
    choices: tuple = ()
    lettered: bool = False
    aliases: dict = field(default_factory=dict)
    check: str = ""

    def __post_init__(self):
        if (self.number is None) == (self.key is None):
            raise ValueError("an exercise has a number or a key, not both")
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {self.kind!r}")
        unknown = set(self.tags) - set(TAGS)
        if unknown:
            raise ValueError(f"unknown tags {sorted(unknown)}; use tags from {TAGS}")
        if self.kind == "choice" and self.answer not in self.choices:
            raise ValueError(f"the answer {self.answer!r} is not one of the choices {self.choices}")
        if self.kind == "code" and not self.check:
            raise ValueError("a code exercise names its check")
        object.__setattr__(self, "question", self.question.strip("\n"))
        object.__setattr__(self, "slips", tuple(self.slips))
        object.__setattr__(self, "tags", tuple(self.tags))

    @property
    def label(self) -> str:
        """How messages name it: ``Exercise 7`` or ``Prediction 'sweep-size'``."""
        return f"Exercise {self.number}" if self.key is None else f"Prediction {self.key!r}"

    @property
    def ident(self) -> int | str:
        """What a learner passes to ``cl.check``: the number or the key."""
        return self.number if self.key is None else self.key

    def letter(self, option: str) -> str:
        """The letter option ``option`` is shown with: ``'a'`` for the first."""
        return "abcdefgh"[self.choices.index(option)]
