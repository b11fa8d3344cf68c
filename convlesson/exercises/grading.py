"""Grading an answer to one :class:`~convlesson.exercises.records.Exercise`: right, a known slip, or wrong.

:func:`grade_answer` reads the answer as its exercise's kind asks (a whole number, a number, a shape,
True/False, one of a few words or lettered options) and compares it with the expected answer: exactly for
integers however large, to 1e-9 for other numbers. A whole-valued float is a whole number, alone or in a
shape: ``26.0`` and ``(30.0, 14.0)`` are read as ``26`` and ``(30, 14)``. A wrong answer that a known slip
gives gets that slip's feedback; any other wrong answer gets the hint. Code answers are graded by
:mod:`.code_checks`. An answer that cannot be read as the kind asked raises :class:`WrongKind`
or :class:`NotFinite`, which :func:`convlesson.check` prints as a sentence. Every verdict speaks the
language of its exercise's record (``exercises/words``).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import numpy as np

from ..core.language import catalog
from ..core.shapes import _is_int, show
from .records import Exercise

__all__ = [
    "Feedback",
    "WrongKind",
    "NotFinite",
    "grade_answer",
    "show_answer",
    "example_tuple",
    "choice_words",
    "FLOOR",
    "FLOOR_SPAN",
]

#: The output-size formula of ``02_padding_and_output_size``, with the kernel's size k: n input pixels,
#: p_total zeros in all (both sides), strides s (in English; the verdicts say ``whole.floor``).
FLOOR = "the output size is ⌊(n + p_total − k) / s⌋ + 1: the division is floored, never rounded up"
#: The same with dilation (``08_beyond``), where a kernel of k taps spans dilation_rate · (k − 1) + 1 pixels.
FLOOR_SPAN = (
    "the output size is ⌊(n + p_total − span) / s⌋ + 1, where the kernel spans dilation_rate · (k − 1) + 1 "
    "pixels: the division is floored, never rounded up"
)


class WrongKind(TypeError):
    """An answer of the wrong kind (a string for a number, ...): :func:`convlesson.check` prints it."""


class NotFinite(ValueError):
    """A NaN or infinite answer: :func:`convlesson.check` prints it."""


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: ``correct`` and the ``message`` that :func:`convlesson.check` prints."""

    correct: bool
    message: str

    def __repr__(self) -> str:
        return self.message


def _say(ex: Exercise):
    """``say(key, **values)`` in the language of ``ex``'s words."""
    return catalog("exercises", ex.language)


def waiting(ex: Exercise) -> Feedback:
    """The verdict on ``None``, the notebook's placeholder: the question waits for an answer."""
    if ex.kind == "code":
        key = "wait.code"
    else:
        key = "wait.exercise" if ex.key is None else "wait.prediction"
        key += {"choice": "_choice", "truefalse": "_truefalse"}.get(ex.kind, "")
    return Feedback(False, _say(ex)(key, label=ex.label, choices=choice_words(ex) if ex.choices else ""))


def grade_answer(ex: Exercise, answer) -> Feedback:
    """The verdict on ``answer`` (not None, not code) for ``ex``.

    Raises
    ------
    WrongKind, NotFinite
        When ``answer`` cannot be read as the kind of answer ``ex`` asks for.
    """
    if ex.kind in ("truefalse", "choice"):
        value = _read(ex, answer)  # read first: the slips are answers of the same kind
        for s in ex.slips:
            if value == s.answer:
                return _not_quite(ex, answer, s.message)
        if value == ex.answer:
            return _right(ex)
        return _wrong(ex, answer)
    for s in ex.slips:  # a slip may be of another kind: 3.5 for a count, a tuple for one number
        if same(answer, s.answer) and not same(answer, ex.answer):
            return _not_quite(ex, answer, s.message)
    value = _read(ex, answer)
    if ex.kind == "int" and not _is_whole(value):  # 13.00000001 is not 13: sizes are whole numbers
        return _not_quite(ex, answer, _whole_numbers(ex), end="")
    if same(value, ex.answer):
        return _right(ex)
    if ex.kind == "shape" and len(value) != len(ex.answer):
        counts = _say(ex)("grade.count", want=len(ex.answer), got=len(value), hint=ex.hint)
        return _not_quite(ex, answer, counts, end="")
    return _wrong(ex, answer)


def _right(ex: Exercise) -> Feedback:
    return Feedback(True, _say(ex)("grade.right", label=ex.label, right=ex.right).rstrip())


def _wrong(ex: Exercise, answer) -> Feedback:
    return Feedback(False, _say(ex)("grade.wrong", label=ex.label, answer=show_answer(answer), hint=ex.hint))


#: Tags of the questions on output sizes, whose whole-number reminder quotes the output-size formula.
_SIZE_TAGS = frozenset({"output-size", "strides", "padding", "dilation"})


def _whole_numbers(ex: Exercise) -> str:
    """What a fraction of a size or a count is told: the formula for sizes, the hint for counts."""
    if "dilation" in ex.tags:
        return _say(ex)("whole.floor_span")
    if not _SIZE_TAGS.isdisjoint(ex.tags):
        return _say(ex)("whole.floor")
    return _say(ex)("whole.hint", hint=ex.hint)


def _not_quite(ex: Exercise, answer, message: str, end: str = ".") -> Feedback:
    """ "not quite (answer) — message", the message ending in a full stop of its language (``end``), or as
    it is (``end=""``)."""
    key = "grade.not_quite" if end else "grade.not_quite_as_is"
    message = message.rstrip(".。") if end else message
    return Feedback(False, _say(ex)(key, label=ex.label, answer=show_answer(answer), message=message))


# ------------------------------------------------------------------ showing answers
def show_answer(value) -> str:
    """An answer as a message shows it: ``26`` for ``26.0``, huge ints by their size, long text cut."""
    try:
        if isinstance(value, (float, np.floating)) and math.isfinite(value) and float(value).is_integer():
            return str(int(value)) if abs(value) < 1e15 else repr(float(value))
        if isinstance(value, (float, np.floating)):
            return f"{float(value):.12g}"  # 13.00000001 shown as typed, not as 13
        if isinstance(value, np.ndarray) and value.ndim == 1 and value.size <= 20:
            return show(tuple(value.tolist()))
        if isinstance(value, (np.integer, np.bool_)):
            return show(value.item())
        return show(value)
    except Exception:  # a learner's object whose repr (or anything else) fails
        return f"<a {type(value).__name__}>"


def show_expected(ex: Exercise) -> str:
    """The expected answer as the worked solution shows it: ``(b) w[:, :, 1, 4]`` for a lettered option."""
    if ex.kind == "choice" and ex.lettered:
        return f"({ex.letter(ex.answer)}) {ex.answer}"
    return show_answer(ex.answer)


# ------------------------------------------------------------------ comparing answers
def _as_tuple(value):
    if isinstance(value, np.ndarray) and value.ndim == 1:
        value = value.tolist()
    if isinstance(value, (tuple, list)):
        return tuple(value)
    return None


def _is_number(value) -> bool:
    """A real number: int, float, Fraction, numpy ints and floats; not a bool, not complex."""
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _as_float(value) -> float:
    """``float(value)``, with numbers too large for a float as infinities of their sign."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _is_whole(value) -> bool:
    if isinstance(value, numbers.Integral):
        return True
    if isinstance(value, numbers.Rational):
        return value.denominator == 1
    f = _as_float(value)
    return math.isinf(f) or f.is_integer()  # a float too large for its fraction is whole


def _whole_int(value) -> int | None:
    """``value`` as an int when it is a whole real number (``26``, ``26.0``, ``np.float32(26)``,
    ``Fraction(26)``), else None: fractions, NaN, infinities, bools, strings and everything else.

    A shape's entries are read like a whole-number answer: what ``cl.check(1, 26.0)`` accepts, a tuple
    accepts too.
    """
    if _is_int(value) and not isinstance(value, np.bool_):
        return int(value)
    if not _is_number(value):
        return None
    if isinstance(value, numbers.Rational):
        return int(value) if value.denominator == 1 else None
    f = _as_float(value)
    return int(f) if math.isfinite(f) and f.is_integer() else None


def same(a, b) -> bool:
    """Whether two answers are equal: tuples element by element, ints exactly, other numbers to 1e-9."""
    ta, tb = _as_tuple(a), _as_tuple(b)
    if ta is not None or tb is not None:
        if ta is None or tb is None or len(ta) != len(tb):
            return False
        return all(same(x, y) for x, y in zip(ta, tb, strict=True))
    if not (_is_number(a) and _is_number(b)):
        return False
    if isinstance(a, numbers.Integral) and isinstance(b, numbers.Integral):
        return int(a) == int(b)  # exact, however large
    fa, fb = _as_float(a), _as_float(b)
    if math.isinf(fa) or math.isinf(fb) or math.isnan(fa) or math.isnan(fb):
        return False
    return math.isclose(fa, fb, rel_tol=1e-9, abs_tol=1e-9)


# ------------------------------------------------------------------ reading answers by kind
def example_tuple(ex: Exercise) -> str:
    """A tuple as long as the answer that is neither the answer nor one of its known slips."""
    taken = [ex.answer, *(slip.answer for slip in ex.slips)]
    for start in range(7, 40):
        candidate = tuple(range(start, start + len(ex.answer)))
        if candidate not in taken:
            return show(candidate)
    return show(tuple(range(100, 100 + len(ex.answer))))


def _wrong_kind(ex: Exercise, kind: str, answer, **values) -> WrongKind:
    """The refusal of ``answer``, of the wrong kind: ``kind`` is the key of what the answer must be."""
    return WrongKind(
        _say(ex)(
            f"kind.{kind}",
            label=ex.label_in_text,
            answer=show_answer(answer),
            type=type(answer).__name__,
            **values,
        )
    )


def _read(ex: Exercise, answer):
    """``answer`` as the kind ``ex`` asks for, or :class:`WrongKind` / :class:`NotFinite`."""
    if ex.kind == "shape":
        t = _as_tuple(answer)
        values = None if t is None else [_whole_int(v) for v in t]
        if values is None or None in values:
            raise _wrong_kind(ex, "shape", answer, count=len(ex.answer), example=example_tuple(ex))
        return tuple(values)
    if ex.kind == "truefalse":
        if isinstance(answer, (bool, np.bool_)):
            return bool(answer)
        raise _wrong_kind(ex, "truefalse", answer)
    if ex.kind == "choice":
        return _read_choice(ex, answer)
    if not _is_number(answer):
        raise _wrong_kind(ex, "int" if ex.kind == "int" else "float", answer)
    if not isinstance(answer, numbers.Rational) and not math.isfinite(_as_float(answer)):
        raise NotFinite(_say(ex)("kind.not_finite", label=ex.label_in_text, answer=show_answer(answer)))
    return answer


def _normal(text: str) -> str:
    return "".join(text.split()).lower()


def choice_words(ex: Exercise) -> str:
    """The options an answer may name: ``'before' or 'after'``, ``'a', 'b', 'c' or 'd'``."""
    words = [repr(ex.letter(c)) for c in ex.choices] if ex.lettered else [repr(c) for c in ex.choices]
    return _say(ex)("choice.or", first=", ".join(words[:-1]), last=words[-1])


def _read_choice(ex: Exercise, answer) -> str:
    """The option ``answer`` names: its text, its letter, or an alias; case and spaces do not matter."""
    if isinstance(answer, str):
        said = _normal(answer).strip("'\"()")
        for option in ex.choices:
            if said == _normal(option) or (ex.lettered and said == ex.letter(option)):
                return option
        for alias, option in ex.aliases.items():
            if said == _normal(alias):
                return option
    raise _wrong_kind(
        ex, "choice" if isinstance(answer, str) else "choice_quoted", answer, choices=choice_words(ex)
    )
