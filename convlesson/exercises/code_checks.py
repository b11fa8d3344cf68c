"""Checks for code a learner writes, keyed by the function they test: a corr2d with strides, a conv2d.

A check runs the learner's function on a few small inputs, each call stopped after
:data:`TIME_LIMIT` seconds (:mod:`convlesson.exercises.deadline`), and compares what it returns with
:func:`convlesson.conv2d` on the same input: the values, the shape, and the kind of numbers (an array
of real numbers; complex values are wrong even when their real parts are right). The first problem
is reported, named when it is a known slip: a flipped kernel, forgotten strides, windows that do not
jump, one map per kernel, averaged channels, channels and filters swapped in the weights, PyTorch's
channels-first order, the input's size kept, 'full' padding, off by one. Whatever the learner's
function raises is reported as a sentence, never as a traceback, and named when it is a known slip; in
the language in use (``exercises/words``).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..core.conv import _RaggedWarning, conv2d
from ..core.language import catalog
from .code_slips import conv2d_slips, corr2d_slips, named, shape_problem, swapped_output, swapped_words
from .deadline import TimeUp, call_with_deadline, stop_pressed, watching_stop
from .grading import Feedback, WrongKind, show_answer

__all__ = ["CodeCheck", "CODE_CHECKS", "TIME_LIMIT", "grade_code"]

#: Seconds one call of the learner's function may take before it is stopped.
TIME_LIMIT = 3.0

say = catalog("exercises")


@dataclass(frozen=True)
class Case:
    """One test input: ``x``, the second argument ``w`` (a 2-D kernel or the 4-D weights), and
    ``strides`` (None when the function takes no strides)."""

    number: int
    x: np.ndarray
    w: np.ndarray
    strides: int | None
    second: str

    @property
    def args(self) -> tuple:
        """Fresh copies of the arguments, so that a function that changes its input changes no other case."""
        args = (self.x.copy(), self.w.copy())
        return args if self.strides is None else (*args, self.strides)

    def want(self) -> np.ndarray:
        return conv2d(self.x, self.w, strides=1 if self.strides is None else self.strides)

    def __str__(self) -> str:
        key = f"case.{self.second}" + ("" if self.strides is None else "_strides")
        return say(key, number=self.number, x=self.x.shape, w=self.w.shape, strides=self.strides)


@dataclass(frozen=True)
class CodeCheck:
    """How to check one function a learner writes.

    ``function`` is its name in the notebook, ``what`` says what it computes, ``second`` names its
    second argument in messages (``"kernel"``, 2-D, or ``"weights"``, 4-D), and ``shapes`` lists the
    ``(x shape, second shape)`` pairs it is run on, with the strides as a third item when the function
    takes them (values drawn from ``seed``). ``diagnose`` names the slips particular to it, given
    ``(case, got, want)`` with equal shapes; ``when_raised`` names them when the function raises, given
    ``(check, fn, exc, case, time_limit)``: a sentence, or "".
    """

    function: str
    what: str
    second: str
    shapes: tuple
    seed: int
    diagnose: Callable | None = None
    when_raised: Callable | None = None

    def cases(self) -> list[Case]:
        """The test inputs: small integer-valued float arrays, the same on every run."""
        rng = np.random.default_rng(self.seed)
        return [
            Case(
                number,
                rng.integers(-3, 4, shape[0]).astype(float),
                rng.integers(-2, 3, shape[1]).astype(float),
                shape[2] if len(shape) > 2 else None,
                self.second,
            )
            for number, shape in enumerate(self.shapes, start=1)
        ]


# ------------------------------------------------------------------ what a learner's function raises
def _conv2d_raised(check: CodeCheck, fn, exc: BaseException, case: Case, limit: float) -> str:
    """An IndexError is what swapped weights give when C_in != filters: run the square cases to tell."""
    if not isinstance(exc, IndexError):
        return ""
    for other in check.cases():
        swapped = swapped_output(other)
        if swapped is None:
            continue
        try:
            got, problem = _as_result(call_with_deadline(fn, other.args, limit), check.function)
        except BaseException as exc:  # the learner's code again: whatever it does here means "not this slip"
            if stop_pressed(exc):
                raise
            continue
        if problem or got.shape != swapped.shape:
            continue
        if np.allclose(got, swapped) and not np.allclose(got, other.want()):
            return say("raised.swapped", number=other.number, c=other.w.shape[2], swapped=swapped_words())
    return say("raised.axes")


def _corr2d_raised(check: CodeCheck, fn, exc: BaseException, case: Case, limit: float) -> str:
    text = _exception_text(exc)
    if isinstance(exc, TypeError) and "positional argument" in text:
        return say("raised.strides_argument", name=check.function)
    if isinstance(exc, ValueError) and "broadcast" in text:
        return say("raised.broadcast")
    return ""


CODE_CHECKS = {
    "corr2d": CodeCheck(
        "my_corr2d",
        "a corr2d with strides: one kernel swept over one channel, jumping `strides` pixels",
        "kernel",
        (
            ((7, 7), (3, 3), 2),
            ((8, 9), (3, 2), 2),
            ((10, 7), (2, 3), 3),
            ((5, 6), (3, 3), 1),
            ((6, 6), (1, 1), 2),
            ((9, 8), (3, 3), 4),
        ),
        seed=17,
        diagnose=corr2d_slips,
        when_raised=_corr2d_raised,
    ),
    "conv2d": CodeCheck(
        "my_conv2d",
        "a multi-channel conv2d: one output channel per filter",
        "weights",
        (
            ((5, 5, 3), (3, 3, 3, 2)),
            ((6, 5, 3), (2, 3, 3, 3)),  # C_in == filters: swapped weights give wrong values, no IndexError
            ((6, 5, 2), (2, 3, 2, 4)),
            ((4, 4, 1), (3, 3, 1, 1)),
            ((5, 4, 4), (1, 1, 4, 3)),
            ((6, 6, 2), (3, 2, 2, 2)),
        ),
        seed=18,
        diagnose=conv2d_slips,
        when_raised=_conv2d_raised,
    ),
}


# ------------------------------------------------------------------ grading
def grade_code(
    check: CodeCheck, label: str, fn, time_limit: float | None = None, ident: object = "n"
) -> Feedback:
    """The verdict on the learner's function ``fn`` for ``check``; ``label`` starts the message.

    ``ident`` is what the learner passes to ``cl.check`` for this exercise (its number), for the advice
    when ``fn`` is not a function.

    Raises
    ------
    WrongKind
        When ``fn`` is not callable.
    """
    name = check.function
    if not callable(fn):
        raise WrongKind(
            say(
                "code.not_a_function",
                ident=repr(ident),
                name=name,
                answer=show_answer(fn),
                type=type(fn).__name__,
            )
        )
    limit = TIME_LIMIT if time_limit is None else time_limit
    with (
        watching_stop()
    ):  # only the stop button stops the check: the learner's own KeyboardInterrupt is reported
        return _grade(check, label, fn, limit)


def _grade(check: CodeCheck, label: str, fn, limit: float) -> Feedback:
    name = check.function
    for case in check.cases():
        try:
            got = call_with_deadline(fn, case.args, limit)
        except NotImplementedError:
            return Feedback(False, say("code.not_implemented", label=label, name=name))
        except TimeUp:
            return Feedback(
                False, say("code.time_up", label=label, name=name, seconds=f"{limit:g}", case=case)
            )
        except BaseException as exc:  # the learner's code: report, do not raise
            if stop_pressed(exc):  # the learner pressed stop: stop
                raise
            why = _name_the_raise(check, fn, exc, case, limit)
            error = _exception_text(exc)
            key = "code.raised_because" if why else "code.raised"
            return Feedback(False, say(key, label=label, name=name, error=error, case=case, why=why))
        got, problem = _as_result(got, name)
        if problem:
            return Feedback(False, say("code.not_yet", label=label, case=case, problem=problem))
        want = case.want()
        if got.shape != want.shape:
            problem = shape_problem(case, got, want)
        else:
            problem = _value_problem(check, case, got, want)
        if problem:
            return Feedback(False, say("code.not_yet", label=label, case=case, problem=problem.rstrip()))
    return Feedback(True, say("code.right", label=label))


def _name_the_raise(check: CodeCheck, fn, exc: BaseException, case: Case, limit: float) -> str:
    """The check's words on what ``fn`` raised, or "" (also when telling fails: a verdict is still given)."""
    if check.when_raised is None:
        return ""
    try:
        return check.when_raised(check, fn, exc, case, limit)
    except BaseException as again:
        if stop_pressed(again):
            raise
        return ""


def _exception_text(exc: BaseException) -> str:
    """``IndexError: index 2 is out of bounds ...`` on one line, cut short; safe for any exception."""
    try:
        text = " ".join(str(exc).split())
    except Exception:  # an exception whose __str__ fails
        text = ""
    if len(text) > 200:
        text = text[:199] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _as_result(got, name: str) -> tuple[np.ndarray | None, str]:
    """The learner's result as a float array, or what is wrong with it (graded on its dtype too)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", _RaggedWarning)
            arr = np.asarray(got)
    except BaseException as exc:  # the learner's object: ragged lists, a failing __array__, ...
        if stop_pressed(exc):
            raise
        return None, say("result.unreadable", name=name, got=show_answer(got), type=type(got).__name__)
    kind = arr.dtype.kind
    if kind == "c":
        return None, say("result.complex", name=name, dtype=arr.dtype)
    if kind == "b":
        return None, say("result.bool", name=name)
    if kind not in "iuf":
        return None, say(
            "result.other", name=name, got=show_answer(got), type=type(got).__name__, dtype=arr.dtype
        )
    return arr.astype(float), ""


def _value_problem(check: CodeCheck, case: Case, got, want) -> str:
    bad = ~np.isclose(got, want)
    if not bad.any():
        return ""
    flipped = conv2d(case.x, case.w[::-1, ::-1], strides=case.strides or 1)
    if np.allclose(got, flipped):
        return say("value.flipped", misconception=named("flipped-kernel"))
    if check.diagnose is not None:
        slip = check.diagnose(case, got, want)
        if slip:
            return slip
    pos = tuple(int(v) for v in np.argwhere(bad)[0])
    return say("value.mismatch", pos=pos, want=f"{want[pos]:g}", got=f"{got[pos]:g}")
