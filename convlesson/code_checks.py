"""Checks for code a learner writes, keyed by the function they test: a corr2d, a multi-channel conv2d.

A check runs the learner's function on a few small inputs, each call stopped after
:data:`TIME_LIMIT` seconds (:mod:`convlesson.deadline`), and compares what it returns with
:func:`convlesson.conv2d` on the same input: the values, the shape, and the kind of numbers (an array
of real numbers; complex values are wrong even when their real parts are right). The first problem
is reported, named when it is a known slip: a flipped kernel, one map per kernel, averaged channels,
PyTorch's channels-first order, the input's size kept, 'full' padding, off by one.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .conv import _RaggedWarning, conv2d
from .deadline import TimeUp, call_with_deadline
from .exercise_records import MISCONCEPTIONS
from .grading import Feedback, WrongKind, show_answer

__all__ = ["CodeCheck", "CODE_CHECKS", "TIME_LIMIT", "grade_code"]

#: Seconds one call of the learner's function may take before it is stopped.
TIME_LIMIT = 3.0


@dataclass(frozen=True)
class CodeCheck:
    """How to check one function a learner writes.

    ``function`` is its name in the notebook, ``what`` says what it computes, ``shapes`` lists the
    ``(x shape, kernel shape)`` pairs it is run on (values drawn from ``seed``), and ``diagnose``
    names the slips particular to it, given ``(x, kernel, got, want)`` with equal shapes.
    """

    function: str
    what: str
    shapes: tuple
    seed: int
    diagnose: Callable | None = None

    def cases(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """The test inputs: small integer-valued float arrays, the same on every run."""
        rng = np.random.default_rng(self.seed)
        return [
            (rng.integers(-3, 4, xs).astype(float), rng.integers(-2, 3, ks).astype(float))
            for xs, ks in self.shapes
        ]


def _conv2d_slips(x, k, got, want) -> str:
    c_in = k.shape[2]
    if np.allclose(got * c_in, want):
        return (
            f"{MISCONCEPTIONS['averaged-channels']}: you averaged the per-channel maps; a filter ADDS them."
        )
    if np.allclose(got, conv2d(x[..., :1], k[:, :, :1])):
        return "only the first channel counted; add the maps of all C_in channels."
    return ""


CODE_CHECKS = {
    "corr2d": CodeCheck(
        "my_corr2d",
        "a corr2d: one kernel swept over one channel",
        (((5, 5), (3, 3)), ((6, 4), (2, 3)), ((4, 7), (1, 1)), ((3, 3), (3, 3)), ((7, 6), (3, 2))),
        seed=17,
    ),
    "conv2d": CodeCheck(
        "my_conv2d",
        "a multi-channel conv2d: one output channel per filter",
        (
            ((5, 5, 3), (3, 3, 3, 2)),
            ((6, 5, 2), (2, 3, 2, 4)),
            ((4, 4, 1), (3, 3, 1, 1)),
            ((5, 4, 4), (1, 1, 4, 3)),
            ((6, 6, 3), (3, 2, 3, 2)),
        ),
        seed=18,
        diagnose=_conv2d_slips,
    ),
}


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
            f"pass the function you wrote, e.g. cl.check({ident!r}, {name}), {name} without quotes; "
            f"got {show_answer(fn)} ({type(fn).__name__})"
        )
    limit = TIME_LIMIT if time_limit is None else time_limit
    for i, (x, k) in enumerate(check.cases(), start=1):
        case = f"test {i}: x of shape {x.shape}, kernel of shape {k.shape}"
        try:
            got = call_with_deadline(fn, (x.copy(), k.copy()), limit)
        except NotImplementedError:
            return Feedback(
                False,
                f"{label}: not implemented yet — fill in the cell above ({name}), then run this check again.",
            )
        except TimeUp:
            return Feedback(
                False,
                f"{label}: {name} did not finish within {limit:g} seconds ({case}), so it was stopped. "
                "Is there a loop that never ends — a while loop whose condition never becomes False?",
            )
        except (Exception, SystemExit) as exc:  # the learner's code: report, do not raise
            return Feedback(False, f"{label}: {name} raised {type(exc).__name__}: {exc} ({case}).")
        got, problem = _as_result(got, name)
        if problem:
            return Feedback(False, f"{label}: not yet — {case}: {problem}")
        want = conv2d(x, k)
        if got.shape != want.shape:
            problem = _shape_problem(x, k, got, want)
        else:
            problem = _value_problem(check, x, k, got, want)
        if problem:
            return Feedback(False, f"{label}: not yet — {case}: {problem.rstrip()}")
    return Feedback(True, f"{label}: right! It matches cl.conv2d on every test input.")


def _as_result(got, name: str) -> tuple[np.ndarray | None, str]:
    """The learner's result as a float array, or what is wrong with it (graded on its dtype too)."""
    what = f"{name} should return an array of real numbers (a feature map)"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", _RaggedWarning)
            arr = np.asarray(got)
    except Exception:  # the learner's object: ragged lists, a failing __array__, ...
        return (
            None,
            f"{what}, got {show_answer(got)} ({type(got).__name__}), which numpy cannot read as an array.",
        )
    kind = arr.dtype.kind
    if kind == "c":
        return None, (
            f"{what}, but it returned complex numbers (dtype {arr.dtype}); a convolution of real inputs "
            "is real: do not add imaginary parts."
        )
    if kind == "b":
        return None, f"{what}, but it returned True/False values (dtype bool)."
    if kind not in "iuf":
        return None, f"{what}, got {show_answer(got)} ({type(got).__name__}, dtype {arr.dtype})."
    return arr.astype(float), ""


def _shape_problem(x, k, got, want) -> str:
    base = f"expected shape {want.shape}, got {got.shape}. "
    h, w = x.shape[:2]
    kh, kw = k.shape[:2]
    if got.shape[:2] == (h, w) and got.shape[:2] != want.shape[:2]:
        return (
            base + "That is the input's size: this exercise uses no padding, "
            "so the output is (H − kh + 1, W − kw + 1)."
        )
    if got.shape[:2] == (h + kh - 1, w + kw - 1):
        return base + "That is 'full' padding; sweep only where the kernel fits inside x."
    if got.shape[:2] == (h - kh, w - kw):
        return (
            base
            + f"{MISCONCEPTIONS['off-by-one']}: there are H − kh + 1 positions: loop over range(H - kh + 1)."
        )
    if k.ndim == 4:
        c_in, filters = k.shape[2], k.shape[3]
        if got.shape in (
            (*want.shape[:2], c_in, filters),
            (*want.shape[:2], c_in),
            (*want.shape[:2], c_in * filters),
        ):
            return base + (
                f"{MISCONCEPTIONS['one-map-per-kernel']}: you kept one map per input channel; "
                "a filter ADDS its C_in per-channel maps into one map."
            )
        if got.shape == (filters, *want.shape[:2]):
            return base + (
                f"{MISCONCEPTIONS['channels-first']}: this exercise is channels-last, like Keras: "
                "the filters axis goes last, (H', W', filters)."
            )
        if got.shape == want.shape[:2]:
            return base + "One output channel per filter: stack the filters' maps on a last axis."
    return base


def _value_problem(check: CodeCheck, x, k, got, want) -> str:
    bad = ~np.isclose(got, want)
    if not bad.any():
        return ""
    if np.allclose(got, conv2d(x, k[::-1, ::-1])):
        return (
            f"{MISCONCEPTIONS['flipped-kernel']}: your output is the kernel flipped (mathematical "
            "convolution); deep-learning frameworks lay the kernel over the input as it is "
            "(cross-correlation), so do not flip it."
        )
    if check.diagnose is not None:
        named = check.diagnose(x, k, got, want)
        if named:
            return named
    pos = tuple(int(v) for v in np.argwhere(bad)[0])
    return f"first mismatch at index {pos}: expected {want[pos]:g}, got {got[pos]:g}."
