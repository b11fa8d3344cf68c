"""Feedback on wrong answers: every known slip gets its own message, naming the misconception.

The wrong answers are recomputed here from the slip itself (one bias per kernel is
``filters * (kh * kw * C_in) + filters * C_in``, a flipped kernel is ``scipy.signal.convolve2d``, ...),
not copied from the exercise tables. The texts use the course's words: a kernel is 2-D, a filter holds
C_in kernels, and Keras's name for the whole 4-D tensor is named as another convention.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from scipy.signal import convolve2d

import convlesson as cl
from convlesson.exercise_records import MISCONCEPTIONS
from convlesson.exercises import EXERCISES, PREDICTIONS, grade

ALL = (*EXERCISES, *PREDICTIONS)


def ident(ex):
    return f"ex{ex.number}" if ex.key is None else ex.key


@pytest.mark.parametrize("ex", [e for e in ALL if e.kind != "code"], ids=ident)
def test_each_listed_slip_gets_its_own_message(ex):
    for s in ex.slips:
        fb = grade(ex.ident, s.answer)
        assert not fb.correct
        assert s.message in fb.message and "not quite" in fb.message
        if s.misconception:
            assert MISCONCEPTIONS[s.misconception] in fb.message


def test_every_named_misconception_is_used():
    used = {s.misconception for ex in ALL for s in ex.slips}
    assert set(MISCONCEPTIONS) <= used


# The misconceptions the course cares most about: the wrong answer is recomputed from the slip.
def one_bias_per_kernel(kh, kw, c_in, filters):
    return filters * (kh * kw * c_in) + filters * c_in


MISCONCEPTION_CASES = [
    # one map per kernel: an output with C_in * filters channels
    ("one map per kernel", 24, (4, 26, 26, 3 * 2)),
    ("one map per kernel", 25, (32, 32, 3 * 8)),
    ("one map per kernel", "one-number", (4, -2, 1)),
    # one bias per kernel
    ("one bias per kernel", 26, one_bias_per_kernel(3, 3, 3, 2)),
    ("one bias per kernel", 27, one_bias_per_kernel(3, 3, 32, 64)),
    ("one bias per kernel", "params-64-32", one_bias_per_kernel(3, 3, 32, 64)),
    ("one bias per kernel", 31, one_bias_per_kernel(3, 3, 3, 8) + one_bias_per_kernel(3, 3, 8, 16)),
    ("one bias per kernel", 35, one_bias_per_kernel(1, 1, 64, 16)),
    ("one bias per kernel", 15, False),
    # PyTorch's channels-first answer where channels-last was asked, and the reverse
    ("PyTorch's channels-first order", 17, (8, 5, 3)),
    ("PyTorch's channels-first order", 24, (4, 2, 26, 26)),
    ("PyTorch's channels-first order", "weights-shape", (2, 3, 3, 3)),
    ("PyTorch's channels-first order", 20, (3, 3, 3 * 3)),  # (3, 3, 64, 128) read as (out, in, kh, kw)
    ("PyTorch's channels-first order", 22, "w[4, 1]"),
    ("Keras's channels-last order", 28, (3, 3, 16, 32)),
    ("Keras's channels-last order", 21, (5, 5, 5 * 5)),  # (32, 16, 5, 5) read as (kh, kw, in, out)
    ("Keras's channels-last order", 23, "c"),
    # a square kernel assumed where it is rectangular
    ("a square kernel assumed", 17, (5, 5, 8)),
    ("a square kernel assumed", 17, (3, 3, 8)),
    ("a square kernel assumed", 8, (32 - 3 + 1, 32 - 3 + 1)),
    ("a square kernel assumed", "rectangular-output", (64 - 5 + 1, 64 - 5 + 1)),
    # counting filters as kernels, and kernels as filters
    ("filters counted as kernels", 18, 16),
    ("filters counted as kernels", 26, 2 * 9 + 2),
    ("filters counted as kernels", "layer-kernels", 16),
    ("kernels counted as filters", 19, 16 * 8),
    ("kernels counted as filters", 29, 16),
    # forgetting the bias
    ("forgot the bias", 26, 2 * 27),
    ("forgot the bias", 27, 64 * 288),
    ("forgot the bias", 9, 2),
    ("forgot the bias", "one-number", 4 - 2 + 1),
    # per-side vs total padding
    ("per-side vs total padding", 6, 32 + 2 - 5 + 1),  # padding=2 read as 1 + 1
    ("per-side vs total padding", 5, 2 * (5 - 1)),
    ("per-side vs total padding", "padding-sizes", (3, 5, 5 + 2 - 3 + 1)),
    # the floor
    ("forgot the floor", 2, (8 - 3) / 2 + 1),
    ("forgot the floor", 2, -(-(8 - 3) // 2) + 1),  # rounded up
    ("forgot the floor", 8, (30, -(-(32 - 5) // 2) + 1)),
    # others
    (
        "a flipped kernel",
        9,
        convolve2d(
            np.array([[1, 2, 0, 3], [0, 1, 2, 1], [3, 0, 1, 2], [1, 2, 1, 0]]),
            np.array([[1, 2], [0, -1]]),
            mode="valid",
        )[1, 0]
        + 1,
    ),
    ("in and out swapped", 28, (16, 32, 3, 3)),
    ("the wrong C_in for a chained layer", 29, 3),
    ("the wrong C_in for a chained layer", 31, 224 + 16 * 27 + 16),
    ("groups ignored", 32, 8 * 4),
    ("groups ignored", "grouped-kernels", 4),
    ("TensorFlow's odd pixel goes after", "same-extra-zero", "before"),
    ("TensorFlow's odd pixel goes after", 4, (1, 0)),
    ("weights counted as kernels", 18, 16 * 8 * 3 * 3),
]


@pytest.mark.parametrize(("label", "n", "wrong"), MISCONCEPTION_CASES)
def test_each_misconception_is_named(label, n, wrong, capsys):
    assert label in MISCONCEPTIONS.values()
    cl.check(n, wrong)
    out = capsys.readouterr().out
    assert "not quite" in out and label in out, out


@pytest.mark.parametrize("ex", [e for e in ALL if e.kind in ("int", "float", "shape")], ids=ident)
def test_other_wrong_answers_are_rejected_with_the_hint(ex):
    right = ex.answer
    wrong = tuple(v + 7 for v in right) if isinstance(right, tuple) else right + 1001
    fb = grade(ex.ident, wrong)
    assert not fb.correct
    assert ex.hint in fb.message


# ---------------------------------------------------------------- the course's words
def texts(ex):
    yield ex.question
    yield ex.hint
    yield ex.right
    for s in ex.slips:
        yield s.message


@pytest.mark.parametrize("ex", ALL, ids=ident)
def test_the_words_follow_the_course(ex):
    for text in texts(ex):
        assert "wrongly" not in text
        assert not re.search(r"Keras[^.;]*padding=\d", text), "Keras's Conv2D takes only 'valid' and 'same'"
        assert "padding='full'" not in text and 'padding="full"' not in text, "'full' is not a framework word"
        assert "filter kernel" not in text
    q = ex.question
    if re.search(r"\(\d+, \d+, \d+, \d+\)", q) and "Keras" in q and re.search(r"\bkernel\b", q):
        assert "another convention" in q, "name the convention where Keras's 4-D tensor is called a kernel"
    if ex.number == 16:  # the Keras kernel question: its feedback names the convention too
        assert all("another convention" in t for t in (ex.right, ex.slips[0].message))
