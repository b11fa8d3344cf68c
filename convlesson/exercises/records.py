"""Exercises as data: the :class:`Exercise` record, its :class:`Slip` records and the named misconceptions.

An exercise of ``09_exercises`` is asked by number (``cl.check(7, answer)``); a prediction in a lesson
notebook is asked by a short name (``cl.check("sweep-size", answer)``). Both are the same record, graded
by :mod:`convlesson.exercises.grading`. A :class:`Slip` is a wrong answer that a known slip gives, with the
feedback that names the slip; slips that come back across exercises name one of :data:`MISCONCEPTIONS`.

An exercise is written in two halves, so that its words can be edited (or translated) without reading
code: its :class:`Answers` -- the kind of answer, the worked solution that gives the right one, the wrong
answers known slips give, the tags -- in a topic module (:mod:`.sizes`, :mod:`.filters`, :mod:`.layers`,
:mod:`.predictions`), and its words -- topic, question, hint, why it is right, each slip's feedback -- in
the same topic's text table (:mod:`.texts`), one table per language. :func:`assemble` joins the two, and
refuses a table that misses a word or names a slip the answers do not have; a record then speaks the
language its words are in (its label, its slips' feedback, the verdicts on its answers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from ..core.language import catalog
from .texts import misconception_words

__all__ = ["Exercise", "Slip", "Answers", "MISCONCEPTIONS", "KINDS", "TAGS", "slip", "answers", "assemble"]

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

#: The slips that come back across exercises, by name, and the words that start their feedback, in English
#: (``texts/en/misconceptions.py``; every language names the same slips: ``misconception_words(code)``).
MISCONCEPTIONS: dict[str, str] = misconception_words()


@dataclass(frozen=True)
class Slip:
    """A wrong answer a known slip gives, and the feedback that names the slip.

    ``misconception`` is a key of :data:`MISCONCEPTIONS` (its words start the feedback) or ``""`` for
    a slip particular to one exercise; ``language`` is the language ``feedback`` is written in.
    """

    answer: object
    feedback: str
    misconception: str = ""
    language: str = "en"

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
        named = misconception_words(self.language)[self.misconception]
        return catalog("exercises", self.language)("slip.named", misconception=named, feedback=self.feedback)


def slip(answer, misconception: str = "") -> Slip:
    """A :class:`Slip` whose feedback is still to come from the text table (see :func:`assemble`)."""
    return Slip(answer, "", misconception)


@dataclass(frozen=True)
class Exercise:
    """One exercise (asked by ``number``) or one prediction (asked by ``key``).

    Attributes
    ----------
    number : int or None
        The exercise's number in ``09_exercises``; None for a prediction.
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
    language : str
        The language its words are in (``'en'``, ``'zh'``); its label and verdicts speak it too.
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
    language: str = "en"

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
        return self._name("label")

    @property
    def label_in_text(self) -> str:
        """How a sentence names it, after its first word: ``exercise 7`` or ``prediction 'sweep-size'``."""
        return self._name("label_in_text")

    def _name(self, form: str) -> str:
        say = catalog("exercises", self.language)
        if self.key is None:
            return say(f"{form}.exercise", number=self.number)
        return say(f"{form}.prediction", key=repr(self.key))

    @property
    def ident(self) -> int | str:
        """What a learner passes to ``cl.check``: the number or the key."""
        return self.number if self.key is None else self.key

    def letter(self, option: str) -> str:
        """The letter option ``option`` is shown with: ``'a'`` for the first."""
        return "abcdefgh"[self.choices.index(option)]


@dataclass(frozen=True)
class Answers:
    """The half of an exercise that is not words: what is asked for, what is right, which slips are known.

    ``ident`` is the exercise's number or the prediction's key; the other fields are those of
    :class:`Exercise`. ``worked`` returns the right answer (for a ``'code'`` exercise it IS the
    reference function).
    """

    ident: int | str
    lesson: str
    kind: str
    worked: Callable
    slips: tuple = ()
    tags: tuple = ()
    choices: tuple = ()
    lettered: bool = False
    aliases: dict = field(default_factory=dict)
    check: str = ""


def answers(ident, lesson, kind, worked, slips=(), tags=(), **options) -> Answers:
    """An :class:`Answers` record (shorthand for the topic modules)."""
    return Answers(ident, lesson, kind, worked, tuple(slips), tuple(tags), **options)


#: The words each exercise needs from its text table.
WORDS = ("topic", "question", "hint", "right")


def _lettered(question: str, choices: Iterable[str]) -> str:
    """A question followed by its lettered options, one a line."""
    return question + "\n" + "\n".join(f"  ({'abcdefgh'[i]}) {c}" for i, c in enumerate(choices))


def assemble(
    records: Iterable[Answers], texts: dict, where: str = "the text table", language: str = "en"
) -> tuple[Exercise, ...]:
    """Join each :class:`Answers` with its words in ``texts`` (keyed by number or key) into an Exercise.

    ``language`` is the language ``texts`` is written in: the records speak it.

    Raises
    ------
    ValueError
        When ``texts`` lacks an exercise, one of its words or a slip's feedback, or has feedback for a
        wrong answer no slip gives, or words for an exercise that does not exist: ``where`` names the
        table in the message.
    """
    records = tuple(records)
    extra = set(texts) - {r.ident for r in records}
    if extra:
        raise ValueError(f"{where} has words for {sorted(map(repr, extra))}, which are not exercises here")
    out = []
    for r in records:
        words = texts.get(r.ident)
        if words is None:
            raise ValueError(f"{where} has no words for {r.ident!r}")
        missing = [w for w in WORDS if not isinstance(words.get(w), str)]
        if missing:
            raise ValueError(f"{where} lacks {', '.join(missing)} for {r.ident!r}")
        feedback = dict(words.get("slips", {}))
        slips = []
        for s in r.slips:
            if s.answer not in feedback:
                raise ValueError(f"{where} has no feedback for the answer {s.answer!r} to {r.ident!r}")
            slips.append(replace(s, feedback=feedback.pop(s.answer), language=language))
        if feedback:
            raise ValueError(
                f"{where} has feedback for {sorted(map(repr, feedback))} in {r.ident!r}, which no slip gives"
            )
        question = _lettered(words["question"], r.choices) if r.lettered else words["question"]
        number, key = (r.ident, None) if isinstance(r.ident, int) else (None, r.ident)
        answer = r.worked if r.kind == "code" else r.worked()
        out.append(
            Exercise(
                number,
                key,
                r.lesson,
                words["topic"],
                r.kind,
                question,
                words["hint"],
                r.worked,
                answer,
                words["right"],
                slips,
                r.tags,
                r.choices,
                r.lettered,
                dict(r.aliases),
                r.check,
                language,
            )
        )
    return tuple(out)
