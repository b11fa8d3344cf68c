"""Feedback on wrong answers: every known slip gets its own message, naming the misconception.

The wrong answers are recomputed here from the slip itself (one bias per kernel is
``filters * (kh * kw * C_in) + filters * C_in``, a flipped kernel is ``scipy.signal.convolve2d``, ...),
not copied from the exercise tables. The texts use the course's words: a kernel is 2-D, a filter holds
C_in kernels, and Keras's name for the whole 4-D tensor is named as another convention.
"""

from __future__ import annotations

import inspect
import re

import numpy as np
import pytest
from scipy.signal import convolve2d

import convlesson as cl
from convlesson.exercises import EXERCISES, PREDICTIONS, grade
from convlesson.exercises.grading import same as cl_same
from convlesson.exercises.records import MISCONCEPTIONS

ALL = (*EXERCISES, *PREDICTIONS)


def ident(ex):
    return f"ex{ex.number}" if ex.key is None else ex.key


def by(n):
    return next(ex for ex in ALL if ex.ident == n)


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
    ("one map per kernel", 24, (10, 18, 18, 3 * 4)),
    ("one map per kernel", 25, (32, 32, 3 * 8)),
    ("one map per kernel", "one-number", (4, -2, 1)),
    # one bias per kernel
    ("one bias per kernel", 26, one_bias_per_kernel(5, 5, 3, 4)),
    ("one bias per kernel", 27, one_bias_per_kernel(3, 3, 24, 48)),
    ("one bias per kernel", "params-64-32", one_bias_per_kernel(3, 3, 32, 64)),
    ("one bias per kernel", 31, one_bias_per_kernel(3, 3, 3, 6) + one_bias_per_kernel(3, 3, 6, 10)),
    ("one bias per kernel", 35, one_bias_per_kernel(1, 1, 64, 16)),
    ("one bias per kernel", 15, True),
    # PyTorch's channels-first DATA where channels-last was asked
    ("PyTorch's channels-first data order, (N, C, H, W)", 24, (10, 4, 18, 18)),
    ("PyTorch's channels-first data order, (N, C, H, W)", 25, (8, 32, 32)),
    # weights: PyTorch's OIHW layout where Keras's HWIO was asked, and the reverse
    ("PyTorch's OIHW weight layout", 17, (8, 5, 3)),
    ("PyTorch's OIHW weight layout", "weights-shape", (2, 3, 3, 3)),
    ("PyTorch's OIHW weight layout", 20, (3, 3, 3 * 3)),  # (3, 3, 64, 128) read as (out, in, kh, kw)
    ("PyTorch's OIHW weight layout", 22, "w[4, 1]"),
    ("PyTorch's OIHW weight layout", 33, (8, 4 // 2, 3, 3)),
    ("Keras's HWIO weight layout", 28, (3, 3, 16, 32)),
    ("Keras's HWIO weight layout", 21, (5, 5, 5 * 5)),  # (32, 16, 5, 5) read as (kh, kw, in, out)
    ("Keras's HWIO weight layout", 23, "c"),
    # a square kernel assumed where it is rectangular
    ("a square kernel assumed", 17, (5, 5, 8)),
    ("a square kernel assumed", 17, (3, 3, 8)),
    ("a square kernel assumed", 8, (32 - 3 + 1, 32 - 3 + 1)),
    ("a square kernel assumed", "rectangular-output", (64 - 5 + 1, 64 - 5 + 1)),
    # counting filters as kernels, and kernels as filters
    ("filters counted as kernels", 18, 12),
    ("filters counted as kernels", 26, 4 * (5 * 5) + 4),  # one 5 x 5 kernel per filter, + the biases
    ("filters counted as kernels", 26, 4 * (5 * 5)),  # ... and the biases forgotten too
    ("filters counted as kernels", 27, 48 * 9 + 48),
    ("filters counted as kernels", 30, 6 + 10),
    ("filters counted as kernels", "layer-kernels", 16),
    ("kernels counted as filters", 19, 10 * 5),
    ("kernels counted as filters", 29, 10),
    # forgetting the bias
    ("forgot the bias", 26, 4 * (5 * 5 * 3)),
    ("forgot the bias", 27, 48 * (3 * 3 * 24)),
    ("forgot the bias", 31, 6 * 27 + 10 * 54),
    ("forgot the bias", 9, 2),
    ("forgot the bias", "one-number", 4 - 2 + 1),
    # per-side vs total padding
    ("per-side vs total padding", 6, 32 + 2 - 5 + 1),  # padding=2 read as 1 + 1
    ("per-side vs total padding", 5, 10 + 2 * 2 - 5 + 1),  # 4 zeros in all, 2 a side
    ("per-side vs total padding", "padding-sizes", (3, 5, 5 + 2 - 3 + 1)),
    # the floor
    ("forgot the floor", 2, (12 - 5) / 2 + 1),
    ("forgot the floor", 2, -(-(12 - 5) // 2) + 1),  # rounded up
    ("forgot the strides", 2, 12 - 5 + 1),
    ("off by one", 2, (12 - 5) // 2),
    ("off by one", 1, 15 - 3),
    ("'same' with strides", 3, 11),
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
    ("the wrong C_in for a chained layer", 30, 6 * 3 + 10 * 3),
    ("the wrong C_in for a chained layer", 31, (6 * 27 + 6) + 10 * 27 + 10),
    ("weights counted as kernels", 30, (6 * 3 + 10 * 6) * 3 * 3),
    ("groups ignored", 32, 8 * 4),
    ("groups ignored", "grouped-kernels", 4),
    ("TensorFlow's odd pixel goes after", "same-extra-zero", "before"),
    ("TensorFlow's odd pixel goes after", 4, (3, 2)),  # 5 zero rows in all, the odd one put on top
    ("weights counted as kernels", 18, 12 * 6 * 5 * 5),
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


# ---------------------------------------------------------------- slips that give the same number
@pytest.mark.parametrize("ex", [e for e in ALL if e.kind != "code"], ids=ident)
def test_each_slip_has_its_own_answer_and_none_is_right(ex):
    """Two slips with one answer would leave the second's feedback unreachable: say both in one instead."""
    answers = [s.answer for s in ex.slips]
    for i, a in enumerate(answers):
        assert not any(same(a, b) for b in answers[i + 1 :]), f"two slips answer {a!r}"
        assert not same(a, ex.answer), f"the slip {a!r} is the right answer"


def same(a, b):
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return cl_same(a, b)


# Where two slips give the same number, the feedback names both: each row recomputes both readings.
COLLISIONS = [
    # Exercise 7 (15 pixels, kernel 3, dilation 2): off by one, 15 - 5; or the span taken as 3 * 2 = 6
    (7, 15 - (2 * (3 - 1) + 1), 15 - 3 * 2 + 1, "the first position counts too", "3 · 2 = 6"),
    # Exercise 3 (11 pixels, kernel 5, strides 2, 'same'): floor(11 / 2); or one zero a side, as for k = 3
    (3, 11 // 2, (11 + 2 - 5) // 2 + 1, "not ⌊11 / 2⌋ = 5", "as for a 3-wide kernel"),
    # Exercise 32 (8 filters, 4 channels, groups 2): one kernel per filter; or one group's kernels alone
    (32, 8 * 1, (8 // 2) * (4 // 2), "one kernel per filter", "one group's kernels alone"),
    # 'one-number' (partial sums 4, -2, 1, bias -1): averaged; or the bias added once per kernel
    ("one-number", (4 - 2 + 1) / 3 - 1, 4 - 2 + 1 + 3 * -1, "not averaged", "not once per kernel"),
]


@pytest.mark.parametrize(("n", "one", "other", "says_one", "says_other"), COLLISIONS)
def test_where_two_slips_give_one_number_the_feedback_says_both(n, one, other, says_one, says_other):
    assert one == other  # the collision is real
    fb = grade(n, one)
    assert not fb.correct and says_one in fb.message and says_other in fb.message, fb.message


def test_the_chain_exercise_tells_filters_from_one_layers_kernels():
    """Exercise 30, RGB -> Conv2D(6, 3) -> Conv2D(10, 3): 6 + 10 filters vs layer 1's 6 x 3 kernels."""
    filters_counted, layer1_alone = 6 + 10, 6 * 3
    assert filters_counted != layer1_alone
    assert "counts filters" in grade(30, filters_counted).message
    assert "layer 1 alone" in grade(30, layer1_alone).message


# ---------------------------------------------------------------- what the feedback says is true
def positions(n, k, strides):
    return len([start for start in range(0, n, strides) if start + k <= n])


def test_nine_positions_are_named_as_the_whole_2d_sweep():
    """'stride-positions': a 3 x 3 kernel on a 7-pixel row, strides 2. 9 is the 2-D sweep of the 7 x 7
    picture below the question (and of the 5 x 5 sweep with strides 1 before it), not one row."""
    assert positions(7, 3, 2) == 3 and positions(7, 3, 2) ** 2 == 9 and positions(5, 3, 1) ** 2 == 9
    assert positions(7, 3, 1) == 5  # strides 1 on the row is another slip, 5
    message = grade("stride-positions", 9).message
    assert "not quite (9)" in message and "whole 2-D sweep" in message and "3 × 3 = 9" in message
    assert "ONE 7-pixel row" in message and "0, 2 and 4" in message
    assert "5 is for strides 1" in grade("stride-positions", 5).message


def test_predictions_asked_before_lesson_05_never_say_filter():
    """The word 'filter' is taught in 05 (and only named at the end of 04, after its predictions)."""
    early = [ex for ex in PREDICTIONS if ex.lesson < "05"]
    assert {"kernels-for-one-map", "one-number"} <= {ex.key for ex in early}
    for ex in early:
        for text in (*texts(ex), ex.topic):
            assert "filter" not in text.lower(), (ex.key, text)
    fb = grade("kernels-for-one-map", 1)
    assert "8 kernels, one per input channel, their maps added into one map" in fb.message


def test_output_size_feedback_uses_k_and_only_dilation_uses_span():
    """Lesson 02's formula is floor((n + p_total - k) / s) + 1; the span is defined only in 08 (dilation)."""
    for ex in ALL:
        if "dilation" not in ex.tags:
            assert not any("span" in t for t in texts(ex)), ex.ident
    for n, answer in [(1, 13.5), (2, 4.5), (2, 5), (8, (30, 15)), (3, 6.5)]:
        message = grade(n, answer).message
        assert "⌊(n + p_total − k) / s⌋ + 1" in message and "span" not in message, message
    assert "span" in grade(7, 11.5).message
    count = grade(26, 303.5).message  # a count, not a size: no output-size formula, the hint instead
    assert "whole numbers" in count and "⌊" not in count and by(26).hint in count


def test_the_multichannel_exercise_calls_the_4d_tensor_weights():
    ex = by(37)
    assert "my_conv2d(x, weights)" in ex.question
    for text in texts(ex):
        assert not re.search(r"\bkernel\b[^.]*\(kh, kw, C_in", text), text
    source = inspect.getsource(ex.worked)
    assert "def my_conv2d(x, weights)" in source
    code = "\n".join(line.split("#")[0] for line in source.split('"""')[-1].splitlines())
    assert "weights[:, :, c, j]" in code and not re.search(r"\bkernel\b", code), (
        "the 4-D tensor is not a kernel"
    )


@pytest.mark.parametrize(
    "ex", [e for e in (*EXERCISES, *PREDICTIONS) if e.kind == "shape"], ids=lambda e: str(e.ident)
)
def test_a_shape_asked_for_is_explained_by_an_example_that_is_not_the_answer(ex):
    """Answering a shape question with one number shows a tuple of the right length, never the answer."""
    from convlesson.exercises.grading import WrongKind, grade_answer

    with pytest.raises(WrongKind) as caught:
        grade_answer(ex, "not a shape")
    example = re.search(r"such as (\([^)]*\))", str(caught.value)).group(1)
    values = tuple(int(v) for v in example.strip("()").split(","))
    assert len(values) == len(ex.answer), (example, ex.answer)
    assert values != ex.answer and all(values != s.answer for s in ex.slips)


@pytest.mark.parametrize("answer", [13.00000001, 12.999999999, 13.5, np.float64(13.0000001)])
def test_a_whole_number_question_takes_only_whole_numbers(answer):
    """13.00000001 is not 13: a size or count is right only when it is exactly whole (13.0 is fine)."""
    feedback = grade(1, answer)
    assert not feedback.correct and "whole numbers" in feedback.message, feedback.message
    assert str(answer)[:8] in feedback.message  # the answer as typed, not rounded to 13
    assert grade(1, 13.0).correct and grade(1, 13).correct and grade(1, np.int64(13)).correct


# The wrong answers an expert's read found with only the generic hint, each recomputed from its slip;
# the two code slips of exercise 37 (the filters' maps added, one kernel on every channel) are in
# test_code_exercises.py.
LISTED_SLIPS = [
    # summing over filters: the filters' maps added into one output channel
    (24, (10, 20 - 3 + 1, 20 - 3 + 1, 1), "the filters' maps added together"),
    (25, (32, 32, 1), "the filters' maps added together"),
    # "a filter is 2-D": the C_in axis dropped from the weights
    ("weights-shape", (3, 3, 2), "a filter is 3-D, not 2-D"),
    (33, (3, 3, 8), "a filter is 3-D, not 2-D"),
    # off by one: the first position forgotten
    (6, 32 + 2 * 2 - 5, "off by one"),
    (8, (32 - 3, (32 - 5) // 2), "off by one"),
    (24, (10, 20 - 3, 20 - 3, 4), "off by one"),
    # the dilated span taken as d·(k − 1)
    (7, 15 - 2 * (3 - 1) + 1, "a dilated kernel spans dilation_rate · (k − 1) + 1 pixels"),
    # depthwise with the groups ignored and no bias
    (34, 32 * 32 * 3 * 3, "groups ignored"),
    # one kernel per filter in a chain's second layer
    (29, 1, "one kernel, not a filter"),
]


@pytest.mark.parametrize(("n", "wrong", "label"), LISTED_SLIPS)
def test_each_listed_wrong_answer_names_its_slip(n, wrong, label):
    fb = grade(n, wrong)
    assert not fb.correct and "not quite" in fb.message and label in fb.message, fb.message
    assert "Hint:" not in fb.message, "named, not answered with the generic hint"
    if n == 34:
        assert "bias" in fb.message
