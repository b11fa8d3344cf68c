"""Exercises with feedback: ``exercise``, ``check``, ``hint`` and ``solution``, by number or by name.

The exercises of ``09_exercises`` are asked by number: ``cl.check(7, answer)``. The predictions the
lesson notebooks ask before they show are asked by a short name: ``cl.check("sweep-size", answer)``.
``exercise(n)`` gives the question, ``check(n, answer)`` says whether an answer is right and, when it
is a known slip (one map per kernel, one bias per kernel, PyTorch's OIHW weight layout where Keras's
HWIO was asked, a square kernel assumed, filters counted as kernels, the bias forgotten, per-side vs total
padding, the floor, ...), names the slip. ``hint(n)`` gives a nudge and ``solution(n)`` the worked
solution. For the two code exercises, ``check(n, fn)`` runs the learner's function on a few inputs,
stopping it after a few seconds, and compares it with :func:`convlesson.conv2d`.

The exercises themselves are data (:mod:`convlesson.exercises.sizes`, :mod:`convlesson.exercises.filters`,
:mod:`convlesson.exercises.layers`, :mod:`convlesson.exercises.predictions`), in every language the package
speaks (:mod:`convlesson.exercises.languages`): after ``cl.language("zh")`` the questions, hints, verdicts
and captions are Chinese. Grading is in :mod:`convlesson.exercises.grading` and
:mod:`convlesson.exercises.code_checks`.
"""

from __future__ import annotations

import difflib
import inspect

from ..core.language import catalog, current, ljust, width
from ..core.shapes import _is_int, show
from .code_checks import CODE_CHECKS, grade_code
from .grading import (
    Feedback,
    NotFinite,
    WrongKind,
    choice_words,
    example_tuple,
    grade_answer,
    show_expected,
    waiting,
)
from .languages import edition
from .records import Exercise

__all__ = [
    "Exercise",
    "Feedback",
    "Question",
    "EXERCISES",
    "PREDICTIONS",
    "exercise",
    "check",
    "grade",
    "verdict",
    "answer_box",
    "answer_format",
    "hint",
    "solution",
]

#: Every numbered exercise of ``09_exercises``, in order (in English; ``edition(code)`` in any language).
EXERCISES: tuple[Exercise, ...] = edition("en").exercises
#: Every prediction the lessons ask (in English).
PREDICTIONS: tuple[Exercise, ...] = edition("en").predictions

say = catalog("exercises")


class Question(str):
    """An exercise's question: a ``str`` that displays as plain text (no quotes, real line breaks)."""

    def __repr__(self) -> str:
        return str(self)


def _get(n) -> Exercise:
    """The exercise numbered ``n``, or the prediction named ``n``, in the language in use; a clear error
    for anything else."""
    records = edition(current())
    last = len(records.exercises)
    if isinstance(n, str):
        key = n.strip().lower().replace("_", "-").replace(" ", "-")
        if key in records.by_key:
            return records.by_key[key]
        close = difflib.get_close_matches(key, list(records.by_key), n=1)
        names = ", ".join(repr(k) for k in records.by_key)
        if close:
            raise ValueError(
                say("get.name_close", last=last, value=show(n), close=repr(close[0]), names=names)
            )
        raise ValueError(say("get.name", last=last, value=show(n), names=names))
    if not _is_int(n):
        raise TypeError(say("get.type", last=last, value=show(n), type=type(n).__name__))
    if n not in records.by_number:
        raise ValueError(say("get.number", last=last, value=show(n)))
    return records.by_number[n]


def exercise(n: int | str | None = None) -> Question:
    """The question of exercise ``n`` (or of the prediction named ``n``), as text; with no ``n``, the list.

    Parameters
    ----------
    n : int or str, optional
        The exercise's number, from 1 to ``len(EXERCISES)``, or a prediction's name such as
        ``"sweep-size"``. Left out: every exercise and every prediction, one a line, with its topic
        and the lesson it belongs to.

    Returns
    -------
    Question
        A ``str`` that displays as plain text in a notebook.

    Examples
    --------
    >>> print(exercise(1).splitlines()[0])
    Exercise 1 (output size):
    >>> print(exercise("sweep-size").splitlines()[0])
    Prediction 'sweep-size' (the feature map's size):
    >>> print(exercise().splitlines()[0])
    39 exercises (09_exercises), asked with cl.exercise(n) and checked with cl.check(n, answer):
    """
    if n is None:
        return _listing()
    ex = _get(n)
    return Question(say("question", label=ex.label, topic=ex.topic, question=ex.question))


def _listing() -> Question:
    """Every exercise, then every prediction: its number or name, its topic, its lesson."""

    def rows(records, name):
        names = max(width(name(ex)) for ex in records)
        topics = max(width(ex.topic) for ex in records)
        return [f"  {ljust(name(ex), names)}  {ljust(ex.topic, topics)}  {ex.lesson}" for ex in records]

    records = edition(current())
    lines = [
        say("listing.exercises", count=len(records.exercises)),
        *rows(records.exercises, lambda ex: str(ex.number)),
        "",
        say("listing.predictions", count=len(records.predictions)),
        *rows(records.predictions, lambda ex: repr(ex.key)),
    ]
    return Question("\n".join(lines))


def hint(n: int | str) -> None:
    """Print a hint for exercise ``n`` (or for the prediction named ``n``).

    Parameters
    ----------
    n : int or str
        As for :func:`exercise`.
    """
    ex = _get(n)
    print(say("hint", label=ex.label_in_text, hint=ex.hint))


def solution(n: int | str) -> None:
    """Print the worked solution of exercise ``n`` (or of the prediction named ``n``).

    The solution is the source of a function in :mod:`convlesson.exercises.solutions` (or
    :mod:`convlesson.exercises.prediction_solutions`) that works the answer out.

    Parameters
    ----------
    n : int or str
        As for :func:`exercise`.
    """
    ex = _get(n)
    source = inspect.getsource(ex.worked).rstrip()
    if ex.kind == "code":
        print(say("solution.code", label=ex.label_in_text, source=source))
    else:
        print(
            say("solution", label=ex.label_in_text, answer=show_expected(ex), right=ex.right, source=source)
        )


def check(n: int | str, answer=None) -> None:
    """Print whether ``answer`` is right for exercise ``n``, naming the slip when it is a known one.

    Parameters
    ----------
    n : int or str
        The exercise's number, or a prediction's name such as ``"sweep-size"``.
    answer : int, float, tuple of int, bool, str, callable or None
        A number, a shape tuple, True/False, or one of the words or lettered options the question
        offers; for the code exercises the function you wrote. None (the notebook's placeholder)
        asks for an answer.

    Whatever ``answer`` is (a string, a huge or non-finite number, a complex number, an array, a
    function that raises or never returns, ...), ``check`` prints a verdict; it never raises because
    of the answer.

    Raises
    ------
    TypeError, ValueError
        For an exercise number or a prediction's name that does not exist.

    See Also
    --------
    grade : the verdict as a value.

    Examples
    --------
    >>> check(26, 54)
    Exercise 26: not quite (54) — forgot the bias: each filter has one bias, so add `filters` to the weights.
    >>> check("sweep-size", None)
    Prediction 'sweep-size': replace None with your prediction, then run this cell again.
    """
    print(verdict(n, answer).message)


def verdict(n: int | str, answer) -> Feedback:
    """What :func:`check` prints, as a value: never raises because of the answer.

    Parameters
    ----------
    n : int or str
        The exercise's number, or a prediction's name.
    answer : object
        As for :func:`check`.

    Raises
    ------
    TypeError, ValueError
        For an exercise number or a prediction's name that does not exist.
    """
    ex = _get(n)
    try:
        return grade(ex.ident, answer)
    except (WrongKind, NotFinite) as exc:
        return Feedback(False, say("verdict.not_an_answer", label=ex.label, reason=exc))
    except Exception as exc:  # an answer no reader expected: say so, never show a traceback
        return Feedback(
            False,
            say("verdict.unreadable", label=ex.label, type=type(answer).__name__, error=type(exc).__name__),
        )


def answer_format(n: int | str) -> str:
    """What an answer to exercise ``n`` looks like, in a few words: ``"a pair of whole numbers"``."""
    ex = _get(n)
    if ex.kind == "shape":
        size = {2: "pair", 3: "triple"}.get(len(ex.answer), "tuple")
        return say(f"format.{size}", count=len(ex.answer), example=example_tuple(ex))
    if ex.kind == "choice":
        return choice_words(ex)
    return say(f"format.{ex.kind}")


def answer_box(n: int | str) -> tuple[str, str, object]:
    """What ``cl.ask(n)`` shows: the exercise's label, what an answer looks like, and the verdict on one.

    Raises
    ------
    ValueError
        For an exercise that asks for a function, which no box can take.
    """
    ex = _get(n)
    if ex.kind == "code":
        raise ValueError(say("ask.code", value=repr(n)))
    return ex.label, answer_format(ex.ident), lambda answer: verdict(ex.ident, answer).message


def grade(n: int | str, answer) -> Feedback:
    """The verdict on ``answer`` for exercise ``n`` (what :func:`check` prints).

    Parameters
    ----------
    n : int or str
        The exercise's number, or a prediction's name.
    answer : object
        As for :func:`check`.

    Returns
    -------
    Feedback
        ``correct`` and the ``message``.

    Raises
    ------
    TypeError, ValueError
        For an exercise that does not exist, or an answer of the wrong kind (a string for a number,
        a non-function for a code exercise) or not finite.
    """
    ex = _get(n)
    if answer is None:
        return waiting(ex)
    if ex.kind == "code":
        return grade_code(CODE_CHECKS[ex.check], ex.label, answer, ident=ex.ident)
    return grade_answer(ex, answer)
