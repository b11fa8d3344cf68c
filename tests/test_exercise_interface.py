"""The learner's interface: ``cl.exercise``, ``cl.check``, ``cl.hint``, ``cl.solution``, by number or name.

None asks for an answer (a prediction: for a prediction, without giving it away); bad exercise numbers
and names raise a ValueError or TypeError naming ``n``; every kind of answer is read as the question
asks (bools for true or false, letters, expressions or words for a choice); and whatever the answer's
type, ``cl.check`` prints one sentence, never a traceback.
"""

from __future__ import annotations

import re
from fractions import Fraction

import numpy as np
import pytest

import convlesson as cl
from convlesson.exercises import EXERCISES, PREDICTIONS, grade

ALL = (*EXERCISES, *PREDICTIONS)


def ident(ex):
    return f"ex{ex.number}" if ex.key is None else ex.key


def test_integer_valued_floats_are_accepted_and_fractions_are_not():
    assert grade(1, 13.0).correct
    fb = grade(1, 13.5)
    assert not fb.correct and "whole numbers" in fb.message


def test_lists_and_arrays_count_as_shapes_and_a_wrong_length_is_named():
    assert grade(24, [10, 18, 18, 4]).correct
    assert grade(24, np.array([10, 18, 18, 4])).correct
    fb = grade(24, (10, 18, 18, 4, 1))
    assert not fb.correct and "the answer has 4 numbers, yours has 5" in fb.message


# Whole-valued floats are whole numbers inside a shape too, as they are alone (cl.check(1, 13.0)).
WHOLE_FLOAT_SHAPES = [
    (8, (30.0, 14.0)),
    (8, [30.0, 14]),
    (8, np.array([30.0, 14.0])),
    (8, (np.float32(30), np.float64(14))),
    (8, (Fraction(60, 2), 14)),
    (24, (10, 18, 18, 4.0)),
    ("sweep-size", (3.0, 3.0)),
    ("rectangular-output", np.array([64.0, 60.0], dtype=np.float16)),
]


@pytest.mark.parametrize(("n", "answer"), WHOLE_FLOAT_SHAPES, ids=lambda v: repr(v)[:30])
def test_whole_floats_inside_a_shape_are_accepted(n, answer, capsys):
    assert grade(n, answer).correct
    cl.check(n, answer)
    assert "right!" in capsys.readouterr().out


@pytest.mark.parametrize("ex", [e for e in ALL if e.kind == "shape"], ids=ident)
def test_every_shape_answer_is_accepted_as_floats(ex):
    assert grade(ex.ident, tuple(float(v) for v in ex.answer)).correct
    assert grade(ex.ident, np.array(ex.answer, dtype=float)).correct


def test_a_slip_given_as_floats_is_still_named():
    assert "forgot the floor" in grade(8, (30.0, 15.0)).message
    assert "TensorFlow's odd pixel goes after" in grade(4, [3.0, 2.0]).message


@pytest.mark.parametrize(
    "answer",
    [
        (30.5, 14),
        (30, 14.000001),
        (float("nan"), 14),
        (float("inf"), 14),
        (-float("inf"), 14),
        (True, 14),
        (np.bool_(True), 14),
        (30 + 0j, 14),
        np.array([30.5, 14.0]),
        ("30", 14),
        ((30,), 14),
    ],
    ids=repr,
)
def test_fractions_non_finite_numbers_and_bools_inside_a_shape_are_still_refused(answer, capsys):
    with pytest.raises(TypeError, match="must be a tuple of whole numbers"):
        grade(8, answer)
    cl.check(8, answer)
    out = capsys.readouterr().out
    assert out.startswith("Exercise 8: not an answer yet — ") and "Traceback" not in out


def test_true_false_answers_take_bools_only():
    assert grade(13, np.bool_(True)).correct
    with pytest.raises(TypeError, match="must be True or False, without quotes"):
        grade(13, "True")
    with pytest.raises(TypeError, match="must be True or False"):
        grade(13, 1)


def test_choices_take_the_letter_the_expression_or_an_alias():
    assert grade(22, "b").correct and grade(22, " B ").correct and grade(22, "(b)").correct
    assert grade(22, "w[:,:,1,4]").correct and grade(22, "w[..., 1, 4]").correct
    assert grade("same-extra-zero", "After").correct and grade("same-extra-zero", "bottom").correct
    assert not grade("same-extra-zero", "top").correct
    with pytest.raises(TypeError, match="must be one of 'a', 'b', 'c' or 'd', got 'e'"):
        grade(22, "e")
    with pytest.raises(TypeError, match="must be one of 'before' or 'after', in quotes, got 1"):
        grade("same-extra-zero", 1)


def test_none_asks_for_an_answer_or_a_prediction(capsys):
    cl.check(1, None)
    assert (
        capsys.readouterr().out.strip()
        == "Exercise 1: replace None with your answer, then run this cell again."
    )
    cl.check(36)
    assert "replace None with the function you wrote" in capsys.readouterr().out
    cl.check("sweep-size")
    assert capsys.readouterr().out.strip() == (
        "Prediction 'sweep-size': replace None with your prediction, then run this cell again — or type "
        "it in the box below and press Check."
    )


@pytest.mark.parametrize("ex", PREDICTIONS, ids=ident)
def test_a_waiting_prediction_does_not_give_its_answer_away(ex, capsys):
    cl.check(ex.key, None)
    out = capsys.readouterr().out
    assert "replace None with your prediction" in out and "right" not in out
    if ex.kind not in ("choice", "truefalse"):  # those name every option, e.g. "(True or False)"
        assert str(ex.answer) not in out
    q = cl.exercise(ex.key)
    assert q.startswith(f"Prediction {ex.key!r} ({ex.topic}):") and ex.question in q


def test_predictions_take_hints_and_solutions_by_name(capsys):
    cl.hint("stride-positions")
    assert capsys.readouterr().out.startswith("Hint for prediction 'stride-positions': List the kernel's")
    cl.solution("Same_Extra_Zero")  # case, spaces and underscores do not matter
    out = capsys.readouterr().out
    assert (
        out.startswith("Solution of prediction 'same-extra-zero': 'after'.") and "def same_extra_zero" in out
    )


@pytest.mark.parametrize("bad", [0, len(EXERCISES) + 1, -1])
def test_bad_exercise_numbers_raise_valueerror(bad):
    with pytest.raises(ValueError, match=rf"n must be an exercise number from 1 to {len(EXERCISES)}, got"):
        cl.check(bad, 1)


@pytest.mark.parametrize("bad", [True, 1.0, None, b"sweep-size", ["sweep-size"]])
def test_non_int_exercise_numbers_raise_typeerror(bad):
    with pytest.raises(TypeError, match="n must be an exercise number .* or a prediction's name"):
        cl.hint(bad)


def test_an_unknown_prediction_name_raises_valueerror_with_a_suggestion():
    with pytest.raises(
        ValueError, match=r"got 'sweep-sise' \(did you mean 'sweep-size'\?\)\. The predictions"
    ):
        cl.exercise("sweep-sise")
    with pytest.raises(ValueError, match="prediction's name, got '1'"):
        cl.check("1", 26)


@pytest.mark.parametrize(
    ("n", "answer"), [(1, "13"), (1, True), (24, "(10, 18, 18, 4)"), (24, (10.5, 18, 18, 4))]
)
def test_answers_of_the_wrong_type_raise_typeerror_naming_answer(n, answer):
    with pytest.raises(TypeError, match=f"answer for exercise {n} must be"):
        grade(n, answer)


def test_a_non_finite_answer_raises_valueerror():
    with pytest.raises(ValueError, match="finite"):
        grade(10, float("nan"))


def test_exercise_hint_and_solution_text(capsys):
    q = cl.exercise(9)
    assert (
        isinstance(q, str) and q.startswith("Exercise 9 (reading a feature map)") and "row 1, column 0" in q
    )
    assert repr(q) == str(q)  # shows as text, not as a quoted string with \n
    cl.hint(26)
    assert capsys.readouterr().out.startswith("Hint for exercise 26:")
    cl.solution(26)
    out = capsys.readouterr().out
    assert out.startswith("Solution of exercise 26: 304.") and "def ex26" in out
    cl.solution(22)
    assert capsys.readouterr().out.startswith("Solution of exercise 22: (b) w[:, :, 1, 4].")
    cl.solution(36)
    assert "def my_corr2d(x, k, strides=1)" in capsys.readouterr().out
    cl.solution(37)
    assert "def my_conv2d(x, weights)" in capsys.readouterr().out


def test_grade_messages_are_what_check_prints(capsys):
    cl.check(18, 16)
    assert capsys.readouterr().out.strip() == grade(18, 16).message


# ---------------------------------------------------------------- any answer gets a verdict
def printed(capsys, n, answer) -> str:
    cl.check(n, answer)
    return capsys.readouterr().out.strip()


def raises(*args):
    raise RuntimeError("learner's bug")


class BadRepr:
    def __repr__(self):
        raise RuntimeError("no repr")


class BadList(list):
    def __iter__(self):
        raise RuntimeError("no iteration")


ODD = [
    "26",
    "",
    10**400,
    -(10**400),
    26 + 0j,
    26 + 5j,
    None,
    float("nan"),
    float("inf"),
    [26],
    {"answer": 26},
    {1, 2},
    np.array([26]),
    np.array(26),
    np.zeros((2, 2)),
    np.int64(26),
    np.float32(2.5),
    np.complex128(26),
    np.bool_(False),
    True,
    raises,
    BadRepr(),
    BadList([1, 2]),
    (10**400, 1),
    (float("nan"), 1),
    ("a", "b"),
    b"after",
]


@pytest.mark.parametrize("answer", ODD, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize("ex", ALL, ids=ident)
def test_check_prints_a_verdict_for_any_answer(ex, answer, capsys):
    out = printed(capsys, ex.ident, answer)
    assert out.startswith(f"{ex.label}:") and "Traceback" not in out
    assert len(out.splitlines()) <= 3


def test_huge_answers_are_compared_exactly(capsys):
    assert printed(capsys, 1, 10**400) == (
        "Exercise 1: not quite (<an int of about 401 digits>). Hint: " + EXERCISES[0].hint
    )
    assert not grade(4, (10**400, 1)).correct
    assert grade(1, 13 + 10**400 - 10**400).correct


@pytest.mark.parametrize(
    ("n", "answer", "fragment"),
    [
        (1, "26", "must be a whole number, without quotes, got '26' (str)"),
        (1, 26 + 0j, "must be a whole number, without quotes, got (26+0j) (complex)"),
        (10, float("nan"), "must be a finite number, got nan"),
        (10, float("inf"), "must be a finite number, got inf"),
        (24, "(4, 26, 26, 2)", "must be a tuple of whole numbers"),
        (11, "False", "must be True or False, without quotes, got 'False' (str)"),
        (
            36,
            np.zeros((3, 3)),
            "pass the function you wrote, e.g. cl.check(36, my_corr2d), my_corr2d without quotes",
        ),
    ],
)
def test_check_prints_what_is_wrong_with_the_answer_instead_of_raising(capsys, n, answer, fragment):
    out = printed(capsys, n, answer)
    assert out.startswith(f"Exercise {n}: not an answer yet — ") and fragment in out
    with pytest.raises((TypeError, ValueError)):  # grade, the verdict as a value, still raises
        grade(n, answer)


def test_an_answer_nothing_can_read_still_gets_a_sentence(capsys):
    out = printed(capsys, 24, BadList([10, 18, 18, 4]))
    assert out == (
        "Exercise 24: not an answer yet — this answer (BadList) could not be read (RuntimeError); "
        "answer as the question asks, e.g. a number or a tuple."
    )


def test_numpy_numbers_are_answers():
    assert grade(np.int64(1), np.int64(13)).correct
    assert grade(10, np.float32(0.0)).correct
    assert grade(24, (np.int64(10), np.int32(18), 18, np.uint8(4))).correct
    assert grade("weights-shape", np.array([3, 3, 3, 2])).correct
    assert not grade(1, np.float64(13.5)).correct
    with pytest.raises(TypeError, match="tuple of whole numbers"):
        grade(24, np.array([10, 18, 18, 4]) + 0j)


def test_exercise_without_a_number_lists_every_exercise_and_prediction():
    listing = cl.exercise()
    assert isinstance(listing, str) and repr(listing) == str(listing)
    lines = listing.splitlines()
    for ex in EXERCISES:
        row = next(line for line in lines[1:] if line.split()[:1] == [str(ex.number)])
        assert ex.topic in row and row.rstrip().endswith(ex.lesson)
    for ex in PREDICTIONS:
        row = next(line for line in lines if line.strip().startswith(repr(ex.key)))
        assert ex.topic in row and row.rstrip().endswith(ex.lesson)
    assert lines[0].startswith(f"{len(EXERCISES)} exercises") and f"{len(PREDICTIONS)} predictions" in listing
    assert not any(str(ex.answer) in listing for ex in EXERCISES if isinstance(ex.answer, tuple))


@pytest.mark.parametrize("ex", [e for e in (*EXERCISES, *PREDICTIONS) if e.kind != "code"], ids=ident)
def test_a_solution_says_its_answer_once(ex, capsys):
    cl.solution(ex.ident)
    first = capsys.readouterr().out.splitlines()[0]
    said = first.split(": ", 1)[1]
    assert not re.match(r"(True|False)\. (True|False)\b", said), first
