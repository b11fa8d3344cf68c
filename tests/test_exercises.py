"""The exercises of ``08_exercises``: right answers are accepted, slips are named, wrong answers rejected.

Expected answers are checked against independent oracles written here: explicit loops that count
kernel positions, ``scipy.signal.correlate2d``, and hand-worked numbers (e.g. Keras's summary gives
18,496 parameters for a 3 x 3 convolution from 32 to 64 channels).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from scipy.signal import convolve2d, correlate2d

import convlesson as cl
from convlesson import exercises, solutions
from convlesson.exercises import EXERCISES, grade


# ---------------------------------------------------------------- independent oracles
def count_positions(n, k, strides=1, before=0, after=0, dilation=1):
    """Count, one by one, the places where a (dilated) kernel fits in a padded 1-D input."""
    padded = n + before + after
    taps = [dilation * t for t in range(k)]
    return sum(1 for start in range(0, padded, strides) if start + taps[-1] < padded)


def tf_same_padding(n, k, strides):
    """Search for the smallest total padding giving ceil(n / strides) outputs; odd pixel after."""
    want = len(range(0, n, strides))  # ceil(n / strides), by counting
    total = 0
    while count_positions(n, k, strides, 0, total) < want:
        total += 1
    return total // 2, total - total // 2


def loop_corr(x, k):
    """Cross-correlation of one channel with one kernel by four explicit loops."""
    h, w = x.shape
    kh, kw = k.shape
    out = np.zeros((h - kh + 1, w - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            for a in range(kh):
                for b in range(kw):
                    out[i, j] += x[i + a, j + b] * k[a, b]
    return out


def scipy_conv2d(x, kernel):
    """(H, W, C_in) with (kh, kw, C_in, F) -> (H', W', F), via scipy per channel and per filter."""
    return np.stack(
        [
            sum(correlate2d(x[:, :, c], kernel[:, :, c, f], mode="valid") for c in range(x.shape[2]))
            for f in range(kernel.shape[3])
        ],
        axis=-1,
    )


# ---------------------------------------------------------------- the expected answers
def test_there_are_at_least_twelve_exercises_numbered_from_one():
    assert len(EXERCISES) >= 12
    assert [ex.number for ex in EXERCISES] == list(range(1, len(EXERCISES) + 1))


def test_output_size_answers_match_counted_positions():
    assert grade(1, count_positions(28, 3)).correct and count_positions(28, 3) == 26
    assert count_positions(8, 3, strides=2) == 3 and EXERCISES[1].answer == 3
    assert count_positions(10, 3, dilation=2) == 6 and EXERCISES[5].answer == 6


def test_same_with_strides_answers_match_a_search_for_the_padding():
    top, bottom = tf_same_padding(6, 3, 2)
    assert (top, bottom) == (0, 1) == EXERCISES[3].answer
    t7, b7 = tf_same_padding(7, 3, 2)
    assert count_positions(7, 3, 2, t7, b7) == 4 == EXERCISES[2].answer


def test_per_side_padding_answer_matches_scipy_on_a_padded_array():
    x = np.ones((32, 32))
    padded = np.pad(x, 2)  # 2 zeros on every side, like PyTorch's padding=2
    assert correlate2d(padded, np.ones((5, 5)), mode="valid").shape == (32, 32)
    assert EXERCISES[4].answer == 32


def test_feature_map_value_matches_scipy():
    x = np.array([[1, 2, 0, 3], [0, 1, 2, 1], [3, 0, 1, 2], [1, 2, 1, 0]], float)
    k = np.array([[1, 2], [0, -1]], float)
    assert correlate2d(x, k, mode="valid")[1, 0] + 1 == 3 == EXERCISES[6].answer
    # the slip the exercise names: true convolution flips the kernel
    assert convolve2d(x, k, mode="valid")[1, 0] + 1 == 7


def test_channel_sum_answer_is_worked_by_hand():
    assert EXERCISES[7].answer == 0.0  # 1.5 - 4.0 + 2.0 + 0.25 = -0.25 -> ReLU -> 0


def test_layer_counts_match_weights_built_kernel_by_kernel():
    # Conv2D(16, 3) on 8 channels: build the kernels one by one
    kernels = [[np.zeros((3, 3)) for _c in range(8)] for _f in range(16)]
    assert sum(len(f) for f in kernels) == 128 == EXERCISES[9].answer
    assert len(kernels) == 16 == EXERCISES[10].answer
    one_filter = np.stack([np.zeros((5, 3)) for _c in range(8)], axis=-1)
    assert one_filter.shape == (5, 3, 8) == EXERCISES[8].answer


def test_param_counts_match_hand_worked_and_keras_summary_values():
    assert EXERCISES[12].answer == 56  # 2 filters x 27 weights + 2 biases
    assert EXERCISES[13].answer == 18496  # Keras: Conv2D(64, 3) after 32 channels
    weights = [np.zeros((3, 3)) for _f in range(32)]  # depthwise: one kernel per filter
    assert sum(w.size for w in weights) + 32 == 320 == EXERCISES[14].answer


def test_output_shape_answer_matches_scipy_on_a_batch():
    rng = np.random.default_rng(0)
    batch = rng.normal(size=(4, 28, 28, 3))
    kernel = rng.normal(size=(3, 3, 3, 2))
    out = np.stack([np.maximum(scipy_conv2d(img, kernel), 0) for img in batch])
    assert out.shape == (4, 26, 26, 2) == EXERCISES[11].answer


def test_layout_answer_matches_a_loop_built_torch_weight():
    keras = np.arange(3 * 3 * 16 * 32).reshape(3, 3, 16, 32)
    torch = np.zeros((32, 16, 3, 3), dtype=int)
    for i in range(3):
        for j in range(3):
            for c in range(16):
                for f in range(32):
                    torch[f, c, i, j] = keras[i, j, c, f]
    np.testing.assert_array_equal(cl.keras_to_torch(keras), torch)
    assert torch.shape == EXERCISES[15].answer


def test_reference_solutions_match_loops_and_scipy():
    rng = np.random.default_rng(3)
    for _ in range(5):
        x = rng.normal(size=(6, 7))
        k = rng.normal(size=(3, 2))
        np.testing.assert_allclose(solutions.my_corr2d(x, k), loop_corr(x, k))
        np.testing.assert_allclose(solutions.my_corr2d(x, k), correlate2d(x, k, mode="valid"))
    x = rng.normal(size=(6, 5, 3))
    kernel = rng.normal(size=(2, 3, 3, 4))
    np.testing.assert_allclose(solutions.my_conv2d(x, kernel), scipy_conv2d(x, kernel))


# ---------------------------------------------------------------- check() and friends
@pytest.mark.parametrize("ex", EXERCISES, ids=lambda ex: f"ex{ex.number}")
def test_each_solution_is_accepted(ex, capsys):
    assert grade(ex.number, ex.answer).correct
    cl.check(ex.number, ex.answer)
    assert capsys.readouterr().out.startswith(f"Exercise {ex.number}: right!")


@pytest.mark.parametrize("ex", [e for e in EXERCISES if e.kind != "code"], ids=lambda ex: f"ex{ex.number}")
def test_each_listed_mistake_gets_its_own_message(ex):
    assert ex.mistakes, "every prediction exercise names at least one common slip"
    for wrong, message in ex.mistakes:
        fb = grade(ex.number, wrong)
        assert not fb.correct
        assert message in fb.message


@pytest.mark.parametrize(
    ("n", "wrong", "fragment"),
    [
        (2, 3.5, "floor"),
        (2, 4, "floor"),
        (3, 7, "strides"),
        (4, (1, 1), "ONE zero row"),
        (4, (1, 0), "bottom/right"),
        (5, 30, "per side"),
        (6, 4, "CS231n"),
        (7, 7, "flipped"),
        (7, 2, "bias"),
        (8, -0.25, "ReLU"),
        (9, (5, 3), "one kernel"),
        (10, 16, "filters as if each were one kernel"),
        (12, (4, 26, 26, 3), "one channel per FILTER"),
        (13, 54, "bias"),
        (13, 20, "filters as if each were one kernel"),
        (14, 18432, "bias"),
        (16, (16, 32, 3, 3), "swapped in and out"),
        (16, (3, 3, 16, 32), "Keras layout"),
    ],
)
def test_common_slips_get_the_specific_hint(n, wrong, fragment):
    fb = grade(n, wrong)
    assert not fb.correct
    assert fragment in fb.message


@pytest.mark.parametrize("ex", [e for e in EXERCISES if e.kind != "code"], ids=lambda ex: f"ex{ex.number}")
def test_other_wrong_answers_are_rejected_with_the_hint(ex):
    right = ex.answer
    wrong = tuple(v + 7 for v in right) if isinstance(right, tuple) else right + 1001
    fb = grade(ex.number, wrong)
    assert not fb.correct
    assert ex.hint in fb.message


def test_integer_valued_floats_are_accepted_and_fractions_are_not():
    assert grade(1, 26.0).correct
    fb = grade(1, 26.5)
    assert not fb.correct and "whole numbers" in fb.message


def test_lists_and_arrays_count_as_shapes():
    assert grade(12, [4, 26, 26, 2]).correct
    assert grade(12, np.array([4, 26, 26, 2])).correct
    assert not grade(12, (4, 26, 26)).correct


def test_none_asks_for_an_answer(capsys):
    cl.check(1, None)
    assert (
        capsys.readouterr().out.strip()
        == "Exercise 1: replace None with your answer, then run this cell again."
    )
    cl.check(17)
    assert "replace None with the function you wrote" in capsys.readouterr().out


@pytest.mark.parametrize("bad", [0, 19, -1])
def test_bad_exercise_numbers_raise_valueerror(bad):
    with pytest.raises(ValueError, match=r"n must be an exercise number from 1 to 18, got"):
        cl.check(bad, 1)


@pytest.mark.parametrize("bad", [True, 1.0, "1", None])
def test_non_int_exercise_numbers_raise_typeerror(bad):
    with pytest.raises(TypeError, match="n must be an exercise number"):
        cl.hint(bad)


@pytest.mark.parametrize(
    ("n", "answer"), [(1, "26"), (1, True), (12, "(4, 26, 26, 2)"), (12, (4.5, 26, 26, 2))]
)
def test_answers_of_the_wrong_type_raise_typeerror_naming_answer(n, answer):
    with pytest.raises(TypeError, match=f"answer for exercise {n} must be"):
        grade(n, answer)


def test_a_non_finite_answer_raises_valueerror():
    with pytest.raises(ValueError, match="finite"):
        grade(8, float("nan"))


def test_exercise_hint_and_solution_text(capsys):
    q = cl.exercise(7)
    assert isinstance(q, str) and q.startswith("Exercise 7") and "row 1, column 0" in q
    assert repr(q) == str(q)  # shows as text, not as a quoted string with \n
    cl.hint(13)
    assert capsys.readouterr().out.startswith("Hint for exercise 13:")
    cl.solution(13)
    out = capsys.readouterr().out
    assert out.startswith("Solution of exercise 13: 56.") and "def ex13" in out
    cl.solution(17)
    assert "def my_corr2d" in capsys.readouterr().out


# ---------------------------------------------------------------- the code exercises
def stub(*args):
    raise NotImplementedError("Exercise: sweep the kernel")


def test_unimplemented_stubs_are_reported_not_raised(capsys):
    for n in (17, 18):
        cl.check(n, stub)
        assert "not implemented yet — fill in the cell above" in capsys.readouterr().out


def test_code_checks_need_a_function():
    with pytest.raises(TypeError, match="pass the function you wrote"):
        grade(17, np.zeros((3, 3)))


def test_corr2d_slips_are_named():
    assert grade(17, lambda x, k: convolve2d(x, k, mode="valid")).message.count("flipped") == 1
    assert "input's size" in grade(17, lambda x, k: correlate2d(x, k, mode="same")).message
    assert "'full' padding" in grade(17, lambda x, k: correlate2d(x, k, mode="full")).message
    off_by_one = lambda x, k: correlate2d(x, k, mode="valid")[:-1, :-1]  # noqa: E731
    assert "Off by one" in grade(17, off_by_one).message
    crashes = lambda x, k: x[100]  # noqa: E731
    assert "raised IndexError" in grade(17, crashes).message


def test_corr2d_value_mismatch_reports_the_first_bad_position():
    def almost(x, k):
        out = correlate2d(x, k, mode="valid")
        out[1, 2] += 1
        return out

    fb = grade(17, almost)
    assert not fb.correct and "first mismatch at index (1, 2)" in fb.message


def test_conv2d_slips_are_named():
    def unsummed(x, kernel):
        return np.stack(
            [
                np.stack(
                    [
                        correlate2d(x[:, :, c], kernel[:, :, c, f], mode="valid")
                        for f in range(kernel.shape[3])
                    ],
                    axis=-1,
                )
                for c in range(x.shape[2])
            ],
            axis=2,
        )

    assert "ADDS its C_in per-channel maps" in grade(18, unsummed).message
    assert "averaged" in grade(18, lambda x, kern: scipy_conv2d(x, kern) / x.shape[2]).message
    channels_first = lambda x, kern: np.moveaxis(scipy_conv2d(x, kern), -1, 0)  # noqa: E731
    assert "Channels-last" in grade(18, channels_first).message
    first_only = lambda x, kern: scipy_conv2d(x[:, :, :1], kern[:, :, :1])  # noqa: E731
    assert "first channel" in grade(18, first_only).message


def test_a_correct_learner_implementation_is_accepted():
    assert grade(17, loop_corr).correct
    assert grade(18, scipy_conv2d).correct


def test_grade_messages_are_what_check_prints(capsys):
    cl.check(10, 16)
    assert capsys.readouterr().out.strip() == grade(10, 16).message
    assert exercises.grade is grade


# ---------------------------------------------------------------- any answer gets a verdict
def printed(capsys, n, answer) -> str:
    cl.check(n, answer)
    return capsys.readouterr().out.strip()


def test_huge_answers_are_compared_exactly(capsys):
    assert printed(capsys, 1, 10**400) == (
        "Exercise 1: not quite (<an int of about 401 digits>). Hint: " + EXERCISES[0].hint
    )
    assert "not quite" in printed(capsys, 2, -(10**400))  # exercise 2 lists 3.5 among its slips
    assert "not quite" in printed(capsys, 8, 10**400)
    assert not grade(4, (10**400, 1)).correct
    assert grade(1, 26 + 10**400 - 10**400).correct


@pytest.mark.parametrize(
    ("n", "answer", "fragment"),
    [
        (1, "26", "must be a whole number, without quotes, got '26' (str)"),
        (1, 26 + 0j, "must be a whole number, without quotes, got (26+0j) (complex)"),
        (8, float("nan"), "must be a finite number, got nan"),
        (8, float("inf"), "must be a finite number, got inf"),
        (12, "(4, 26, 26, 2)", "must be a tuple of whole numbers"),
        (17, np.zeros((3, 3)), "pass the function you wrote, e.g. cl.check(17, my_corr2d)"),
    ],
)
def test_check_prints_what_is_wrong_with_the_answer_instead_of_raising(capsys, n, answer, fragment):
    out = printed(capsys, n, answer)
    assert out.startswith(f"Exercise {n}: not an answer yet — ") and fragment in out
    with pytest.raises((TypeError, ValueError)):  # grade, the verdict as a value, still raises
        grade(n, answer)


def test_check_still_raises_for_an_exercise_that_does_not_exist():
    with pytest.raises(ValueError, match="n must be an exercise number from 1 to 18, got 19"):
        cl.check(19, 26)


def test_numpy_numbers_are_answers():
    assert grade(np.int64(1), np.int64(26)).correct
    assert grade(8, np.float32(0.0)).correct
    assert grade(12, (np.int64(4), np.int32(26), 26, np.uint8(2))).correct
    assert not grade(1, np.float64(26.5)).correct
    with pytest.raises(TypeError, match="tuple of whole numbers"):
        grade(12, np.array([4, 26, 26, 2]) + 0j)


def test_a_complex_feature_map_is_wrong_even_with_the_right_values():
    def plus_5j(x, k):
        return loop_corr(x, k) + 5j

    def plus_0j(x, kernel):
        return scipy_conv2d(x, kernel).astype(complex)

    for n, fn in ((17, plus_5j), (18, plus_0j)):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # no ComplexWarning on the way: the imaginary part is not dropped
            fb = grade(n, fn)
        assert not fb.correct
        assert "complex numbers (dtype complex128)" in fb.message


@pytest.mark.parametrize(
    "reshape",
    [lambda out: out.ravel(), lambda out: out[None], lambda out: out.T.copy()[:, :, None]],
    ids=["flat", "extra axis", "transposed"],
)
def test_right_values_in_the_wrong_shape_are_wrong_and_the_shape_is_named(reshape):
    fb = grade(17, lambda x, k: reshape(correlate2d(x, k, mode="valid")))
    assert not fb.correct
    assert "expected shape (3, 3), got" in fb.message  # the first test input: 5 x 5 with a 3 x 3 kernel


@pytest.mark.parametrize(
    ("result", "fragment"),
    [
        ("abc", "got 'abc' (str, dtype <U3)"),
        (None, "dtype object"),
        ({"out": 1}, "dtype object"),
        ([[1.0, 2.0], [3.0]], "which numpy cannot read as an array"),
        (np.ones((3, 3), dtype=bool), "True/False values"),
        (np.array([[10**400]]), "dtype object"),
    ],
    ids=["str", "None", "dict", "ragged", "bool", "huge"],
)
def test_a_function_returning_no_feature_map_is_told_so(result, fragment):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fb = grade(17, lambda x, k: result)
    assert not fb.correct
    assert "my_corr2d should return an array of real numbers (a feature map)" in fb.message
    assert fragment in fb.message


def test_a_function_with_the_wrong_signature_is_reported(capsys):
    out = printed(capsys, 18, lambda x: x)
    assert out.startswith("Exercise 18: my_conv2d raised TypeError")


def test_a_function_that_exits_is_reported_not_obeyed(capsys):
    def quits(x, k):
        raise SystemExit("bye")

    assert printed(capsys, 17, quits) == (
        "Exercise 17: my_corr2d raised SystemExit: bye (test 1: x of shape (5, 5), kernel of shape (3, 3))."
    )
