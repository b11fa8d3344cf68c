"""Exercises with feedback for ``08_exercises``: predict-then-check questions and code to write.

``exercise(n)`` gives the question, ``check(n, answer)`` says whether an answer is right and, for
the usual slips (forgetting the floor, per-side vs total padding, counting filters as kernels,
forgetting the bias, swapping weight layouts), says which slip it looks like. ``hint(n)`` gives a
nudge and ``solution(n)`` shows the worked solution from :mod:`convlesson.solutions`.

For the two code exercises, ``check(n, fn)`` runs the learner's function on a few inputs and
compares it with :func:`convlesson.conv2d`, reporting the first mismatch.
"""

from __future__ import annotations

import inspect
import math
import numbers
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from . import solutions
from .conv import _RaggedWarning, conv2d
from .shapes import _is_int, show

__all__ = ["Exercise", "Feedback", "Question", "EXERCISES", "exercise", "check", "grade", "hint", "solution"]


class _WrongKind(TypeError):
    """An answer of the wrong kind (a string for a number, ...): :func:`check` prints it."""


class _NotFinite(ValueError):
    """A NaN or infinite answer: :func:`check` prints it."""


class Question(str):
    """An exercise's question: a ``str`` that displays as plain text (no quotes, real line breaks)."""

    def __repr__(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: ``correct`` and the ``message`` that :func:`check` prints."""

    correct: bool
    message: str

    def __repr__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Exercise:
    """One exercise.

    ``kind`` is ``'int'`` (a size or a count), ``'float'``, ``'shape'`` (a tuple of ints) or
    ``'code'`` (a function to write). ``mistakes`` pairs wrong answers that a common slip gives
    with the message that names the slip. ``solve`` is the worked solution in
    :mod:`convlesson.solutions`.
    """

    number: int
    lesson: str
    topic: str
    question: str
    kind: str
    hint: str
    solve: Callable
    right: str = ""
    mistakes: tuple = field(default_factory=tuple)

    @property
    def answer(self):
        """The expected answer (for code exercises, the reference function)."""
        return self.solve if self.kind == "code" else self.solve()


def _ex(number, lesson, topic, question, kind, hint, solve, right="", mistakes=()):
    return Exercise(number, lesson, topic, question.strip("\n"), kind, hint, solve, right, tuple(mistakes))


_FLOOR = "the output size is ⌊(n + padding − span) / strides⌋ + 1: the division is floored, never rounded up"
_SAME_STRIDES = (
    "TensorFlow's 'same' keeps the size only with strides 1; in general the output is ⌈n / strides⌉"
)
_PER_SIDE = (
    "PyTorch's and Keras's padding is per side: padding=2 puts 2 zeros on top AND 2 at the bottom "
    "(d2l.ai's formulas write the total, 4)"
)
_FILTERS_AS_KERNELS = (
    "that counts filters as if each were one kernel; each filter holds C_in kernels, one per input channel"
)
_NO_BIAS = "forgot the bias: each filter has one bias, so add `filters` to the weights"

EXERCISES: tuple[Exercise, ...] = (
    _ex(
        1,
        "02_padding_and_output_size",
        "output size",
        "A 28 × 28 single-channel image is swept by a 3 × 3 kernel, strides 1, padding 'valid'.\n"
        "How many output pixels wide is the feature map?",
        "int",
        "Count the positions where the 3-wide kernel fits entirely inside 28 pixels.",
        solutions.ex01,
        "28 − 3 + 1 = 26.",
        [
            (
                28,
                "'valid' means no padding, so the feature map shrinks: the kernel cannot hang over the edge",
            ),
            (25, "off by one: the kernel's first position counts too, so it is 28 − 3 + 1"),
            (27, "a 3-wide kernel loses one pixel at EACH edge: 28 − 3 + 1"),
        ],
    ),
    _ex(
        2,
        "02_padding_and_output_size",
        "output size with strides (the floor)",
        "An 8-pixel-wide channel, kernel_size 3, strides 2, padding 'valid'.\n"
        "How many output pixels wide is the feature map?",
        "int",
        "List the kernel's left edges: 0, 2, 4, … and stop when it would run past pixel 7.",
        solutions.ex02,
        "⌊(8 − 3) / 2⌋ + 1 = ⌊2.5⌋ + 1 = 3; a 4th window would need pixel 8, which does not exist.",
        [
            (3.5, "forgot the floor: " + _FLOOR),
            (4, "rounded up: " + _FLOOR + "; the last pixel is simply dropped"),
            (6, "forgot the strides: divide (8 − 3) by strides before adding 1"),
            (2, "forgot the + 1 for the first position"),
        ],
    ),
    _ex(
        3,
        "02_padding_and_output_size",
        "'same' with strides",
        "A 7-pixel-wide channel, kernel_size 3, strides 2, padding 'same' (TensorFlow/Keras).\n"
        "How many output pixels wide is the feature map?",
        "int",
        "In TensorFlow, 'same' picks the padding so that the output is ⌈input / strides⌉ wide.",
        solutions.ex03,
        "⌈7 / 2⌉ = 4.",
        [
            (7, "'same' keeps the size only when strides is 1: " + _SAME_STRIDES),
            (3, "that is the 'valid' size; 'same' pads first, so the output is ⌈7 / 2⌉"),
            (3.5, "sizes are whole numbers: 'same' gives ⌈7 / 2⌉"),
        ],
    ),
    _ex(
        4,
        "02_padding_and_output_size",
        "TensorFlow's 'same' padding amounts",
        "TensorFlow 'same' padding on a 6-pixel-tall channel, kernel_size 3, strides 2.\n"
        "How many zero rows go on top and how many at the bottom? Answer a pair (top, bottom).",
        "shape",
        "First the output height ⌈6 / 2⌉, then the total padding (out − 1) · strides + kernel_size − 6, "
        "then split it.",
        solutions.ex04,
        "3 outputs need (3 − 1)·2 + 3 = 7 rows, one more than 6; the odd row goes at the bottom.",
        [
            ((1, 1), "with strides 2 only ONE zero row is needed in total: (3 − 1)·2 + 3 − 6 = 1"),
            ((1, 0), "TensorFlow puts the odd extra pixel at the bottom/right, not the top/left"),
            ((0, 0), "'same' does pad here: 3 outputs need 7 rows and the input has 6"),
            (1, "that is the total padding; answer the pair (top, bottom)"),
        ],
    ),
    _ex(
        5,
        "07_beyond",
        "per-side vs total padding",
        "PyTorch: nn.Conv2d(in_channels=3, out_channels=8, kernel_size=5, padding=2) on a 32 × 32 input.\n"
        "How many pixels wide is each output channel?",
        "int",
        "PyTorch's padding=2 is the number of zeros on EACH side.",
        solutions.ex05,
        "(32 + 2·2 − 5) + 1 = 32: padding 2 per side is exactly 'same' for a 5 × 5 kernel.",
        [
            (30, "treated padding=2 as the total; " + _PER_SIDE),
            (28, "forgot the padding: padding=2 adds 2 zeros on each side"),
            (
                36,
                "the padding is added to the input, then the kernel's 5 pixels are taken off: 32 + 4 − 5 + 1",
            ),
        ],
    ),
    _ex(
        6,
        "07_beyond",
        "dilation",
        "A 10-pixel-wide channel, kernel_size 3, dilation_rate 2 (Keras), strides 1, 'valid'.\n"
        "How many output pixels wide is the feature map?",
        "int",
        "A dilated kernel's taps are dilation_rate pixels apart: "
        "it spans dilation_rate · (k − 1) + 1 pixels.",
        solutions.ex06,
        "The kernel spans 2·(3 − 1) + 1 = 5 pixels, so 10 − 5 + 1 = 6.",
        [
            (8, "forgot the dilation: the 3 taps now span 5 pixels, not 3"),
            (
                4,
                "counted dilation from 0 like CS231n (gaps of 2 pixels); in Keras and PyTorch "
                "dilation_rate 1 is the ordinary kernel and 2 leaves ONE pixel between taps",
            ),
            (5, "off by one: 10 − 5 + 1"),
        ],
    ),
    _ex(
        7,
        "01_the_sweep",
        "reading a feature map",
        "One channel x, a 2 × 2 kernel k and a bias of 1, strides 1, 'valid':\n\n"
        "    x = [[1, 2, 0, 3],        k = [[1,  2],\n"
        "         [0, 1, 2, 1],             [0, -1]]\n"
        "         [3, 0, 1, 2],\n"
        "         [1, 2, 1, 0]]\n\n"
        "What is the value of the feature map at row 1, column 0 (counting from 0)?",
        "float",
        "Lay the kernel over x with its top-left corner on x's row 1, column 0; multiply the four pairs, add "
        "them up, add the bias.",
        solutions.ex07,
        "Window [[0, 1], [3, 0]]: 0·1 + 1·2 + 3·0 + 0·(−1) = 2, plus the bias 1.",
        [
            (
                7,
                "you flipped the kernel (mathematical convolution); deep-learning frameworks lay it "
                "over the input as it is (cross-correlation)",
            ),
            (2, "forgot the bias: add 1 after the sum"),
            (1, "that is row 0, column 1: rows go down, columns go across"),
        ],
    ),
    _ex(
        8,
        "04_many_channels",
        "adding the channels",
        "A filter sweeps a 3-channel input. At one pixel its three kernels give 1.5, −4.0 and 2.0 on their\n"
        "channels; the filter's bias is 0.25 and the layer's activation is ReLU.\n"
        "What is the output at that pixel?",
        "float",
        "Per-channel results are added, then the bias, then ReLU(z) = max(z, 0).",
        solutions.ex08,
        "1.5 − 4.0 + 2.0 + 0.25 = −0.25, and ReLU(−0.25) = 0.",
        [
            (-0.25, "forgot the ReLU: max(−0.25, 0) = 0"),
            (-0.5, "forgot the bias and the ReLU"),
            (0.25 - 0.5 / 3, "the per-channel maps are ADDED into one map, not averaged"),
            (3.75, "a filter adds its channels' results; only the sum goes through ReLU, not each channel"),
        ],
    ),
    _ex(
        9,
        "05_filters",
        "the shape of one filter",
        "A Conv2D layer with kernel_size (5, 3) (5 tall, 3 wide) is applied to an 8-channel input.\n"
        "What is the shape of ONE of its filters (channels-last, like Keras)?",
        "shape",
        "A filter stacks one kernel per input channel.",
        solutions.ex09,
        "One (5, 3) kernel for each of the 8 input channels: (5, 3, 8).",
        [
            ((5, 3), "that is one kernel (2-D, one channel); a filter stacks C_in = 8 of them"),
            ((8, 5, 3), "channels-last like Keras: (kh, kw, C_in); PyTorch puts the channels first"),
            ((3, 5, 8), "kernel_size (5, 3) means 5 tall and 3 wide: (kh, kw, C_in)"),
        ],
    ),
    _ex(
        10,
        "05_filters",
        "how many kernels",
        "Conv2D(filters=16, kernel_size=3) is applied to an 8-channel input.\n"
        "How many 2-D kernels does the layer hold?",
        "int",
        "Each filter holds one kernel per input channel.",
        solutions.ex10,
        "16 filters × 8 kernels each = 128 kernels.",
        [
            (16, _FILTERS_AS_KERNELS),
            (8, "each of the 16 filters has its own 8 kernels"),
            (144, "kernel_size 3 is the size of each kernel, not a count: 16 × 8"),
            (1152, "that counts weights (16 × 8 × 3 × 3); the question asks for kernels"),
        ],
    ),
    _ex(
        11,
        "05_filters",
        "how many filters",
        "The same layer: Conv2D(filters=16, kernel_size=3) on an 8-channel input.\n"
        "How many filters does it hold?",
        "int",
        "The argument's name says it.",
        solutions.ex11,
        "filters=16 is the number of filters, which is also the number of output channels.",
        [
            (128, "128 is the number of kernels; they are grouped into 16 filters of 8 kernels each"),
            (
                8,
                "the input's 8 channels set how many kernels each filter holds, "
                "not how many filters there are",
            ),
        ],
    ),
    _ex(
        12,
        "06_conv2d_layer",
        "the layer's output shape",
        "The article's example: a batch of shape (4, 28, 28, 3) goes through\n"
        "Conv2D(2, 3, activation='relu') (padding 'valid', strides 1). What is the output shape?",
        "shape",
        "Batch stays, each side shrinks by kernel_size − 1, and the channels become `filters`.",
        solutions.ex12,
        "(4, 26, 26, 2): each of the 2 filters makes one 26 × 26 map per image.",
        [
            ((4, 26, 26, 3), "the output has one channel per FILTER (2), not per input channel"),
            ((4, 28, 28, 2), "'valid' does not pad, so 28 shrinks to 26"),
            ((26, 26, 2), "keep the batch axis: 4 images in, 4 feature maps out"),
            (
                (4, 26, 26, 6),
                "each filter's 3 per-channel maps are added into ONE map, so 2 channels, not 2 × 3",
            ),
        ],
    ),
    _ex(
        13,
        "06_conv2d_layer",
        "parameter count",
        "How many trainable parameters does Conv2D(2, 3) have on an RGB (3-channel) input?",
        "int",
        "Weights: filters × (kernel_size² × C_in); then the biases.",
        solutions.ex13,
        "2 × (3·3·3) + 2 = 54 weights + 2 biases = 56.",
        [
            (54, _NO_BIAS),
            (20, _FILTERS_AS_KERNELS),
            (18, _FILTERS_AS_KERNELS + "; and " + _NO_BIAS),
            (28, "that is one filter (27 weights + 1 bias); the layer has 2 filters"),
        ],
    ),
    _ex(
        14,
        "06_conv2d_layer",
        "parameter count",
        "How many trainable parameters does Conv2D(64, 3) have on a 32-channel input?",
        "int",
        "Each of the 64 filters holds 32 kernels of 3 × 3 weights, and has one bias.",
        solutions.ex14,
        "64 × (3·3·32) + 64 = 18432 + 64 = 18496.",
        [
            (18432, _NO_BIAS),
            (640, _FILTERS_AS_KERNELS),
            (576, _FILTERS_AS_KERNELS + "; and " + _NO_BIAS),
            (18464, "the bias count is one per filter (64), not one per input channel"),
        ],
    ),
    _ex(
        15,
        "07_beyond",
        "depthwise convolution",
        "A depthwise convolution on a 32-channel input: groups=32, 32 filters, kernel_size 3, with bias.\n"
        "How many trainable parameters?",
        "int",
        "With groups = C_in each filter sees one channel, so it holds one kernel.",
        solutions.ex15,
        "32 filters × 1 kernel × 9 weights + 32 biases = 320.",
        [
            (
                9248,
                "that is an ordinary convolution; with groups=32 each filter holds C_in / groups = 1 kernel",
            ),
            (288, _NO_BIAS),
        ],
    ),
    _ex(
        16,
        "06_conv2d_layer",
        "weight layouts",
        "A Keras Conv2D kernel has shape (3, 3, 16, 32) = (kh, kw, C_in, filters).\n"
        "What shape does PyTorch store the same weights in?",
        "shape",
        "PyTorch's nn.Conv2d.weight is (out_channels, in_channels, kh, kw).",
        solutions.ex16,
        "(32, 16, 3, 3); cl.keras_to_torch does kernel.transpose(3, 2, 0, 1).",
        [
            ((16, 32, 3, 3), "swapped in and out: PyTorch puts out_channels (= filters = 32) first"),
            ((3, 3, 16, 32), "that is the Keras layout; PyTorch moves the two channel axes to the front"),
            ((32, 3, 3, 16), "PyTorch is channels-first: (out_channels, in_channels, kh, kw)"),
        ],
    ),
    _ex(
        17,
        "01_the_sweep",
        "implement the sweep",
        "Write my_corr2d(x, k): sweep the 2-D kernel k (kh, kw) over the single channel x (H, W) with\n"
        "strides 1 and no padding, and return the (H − kh + 1, W − kw + 1) feature map.",
        "code",
        "Two loops over output positions; each output is (x[i:i+kh, j:j+kw] * k).sum().",
        solutions.my_corr2d,
        "It matches cl.conv2d on every test input.",
    ),
    _ex(
        18,
        "04_many_channels",
        "implement a multi-channel convolution",
        "Write my_conv2d(x, kernel): x is (H, W, C_in), kernel is (kh, kw, C_in, filters). Return the\n"
        "(H − kh + 1, W − kw + 1, filters) output, strides 1, no padding, no bias. You may use my_corr2d.",
        "code",
        "For each filter f: add up my_corr2d(x[:, :, c], kernel[:, :, c, f]) over the channels c; that sum "
        "is output channel f.",
        solutions.my_conv2d,
        "It matches cl.conv2d on every test input.",
    ),
)

_BY_NUMBER = {ex.number: ex for ex in EXERCISES}


def _get(n) -> Exercise:
    if not _is_int(n):
        raise TypeError(f"n must be an exercise number (an int from 1 to {len(EXERCISES)}), got {show(n)}")
    if n not in _BY_NUMBER:
        raise ValueError(f"n must be an exercise number from 1 to {len(EXERCISES)}, got {show(n)}")
    return _BY_NUMBER[n]


def exercise(n) -> Question:
    """The question of exercise ``n``, as text. ``08_exercises`` shows them all.

    Parameters
    ----------
    n : int
        The exercise's number, from 1 to 18.

    Returns
    -------
    Question
        A ``str`` that displays as plain text in a notebook.

    Examples
    --------
    >>> print(exercise(1).splitlines()[0])
    Exercise 1 (output size):
    """
    ex = _get(n)
    return Question(f"Exercise {ex.number} ({ex.topic}):\n{ex.question}")


def hint(n) -> None:
    """Print a hint for exercise ``n``.

    Parameters
    ----------
    n : int
        The exercise's number, from 1 to 18.
    """
    ex = _get(n)
    print(f"Hint for exercise {ex.number}: {ex.hint}")


def solution(n) -> None:
    """Print the worked solution of exercise ``n`` (its source in :mod:`convlesson.solutions`).

    Parameters
    ----------
    n : int
        The exercise's number, from 1 to 18.
    """
    ex = _get(n)
    n = ex.number
    source = inspect.getsource(ex.solve).rstrip()
    if ex.kind == "code":
        print(f"Solution of exercise {n}:\n\n{source}")
    else:
        print(f"Solution of exercise {n}: {_show(ex.answer)}. {ex.right}\n\n{source}")


def check(n, answer=None) -> None:
    """Print whether ``answer`` is right for exercise ``n``, naming the slip when it is a common one.

    Parameters
    ----------
    n : int
        The exercise's number, from 1 to 18.
    answer : int, float, tuple of int, callable or None
        A number or a shape tuple; for the code exercises (17, 18) the function you wrote. None
        (the notebook's placeholder) asks for an answer.

    Whatever ``answer`` is (a string, a huge or non-finite number, a function that raises, ...),
    ``check`` prints a verdict; it never raises because of the answer.

    Raises
    ------
    TypeError, ValueError
        For an exercise number that does not exist.

    See Also
    --------
    grade : the verdict as a value.

    Examples
    --------
    >>> check(13, 54)
    Exercise 13: not quite (54) — forgot the bias: each filter has one bias, so add `filters` to the weights.
    """
    ex = _get(n)
    try:
        feedback = grade(ex.number, answer)
    except (_WrongKind, _NotFinite) as exc:
        feedback = Feedback(False, f"Exercise {ex.number}: not an answer yet — {exc}.")
    print(feedback.message)


def grade(n, answer) -> Feedback:
    """The verdict on ``answer`` for exercise ``n`` (what :func:`check` prints).

    Parameters
    ----------
    n : int
        The exercise's number, from 1 to 18.
    answer : int, float, tuple of int, callable or None
        As for :func:`check`.

    Returns
    -------
    Feedback
        ``correct`` and the ``message``.

    Raises
    ------
    TypeError, ValueError
        For an exercise number that does not exist, or an answer of the wrong kind (a string
        for a number, a non-function for a code exercise) or not finite.
    """
    ex = _get(n)
    n = ex.number
    if answer is None:
        what = "the function you wrote" if ex.kind == "code" else "your answer"
        return Feedback(False, f"Exercise {n}: replace None with {what}, then run this cell again.")
    if ex.kind == "code":
        return _grade_code(ex, answer)
    for wrong, message in ex.mistakes:
        if _same(answer, wrong) and not _same(answer, ex.answer):
            return Feedback(False, f"Exercise {n}: not quite ({_show(answer)}) — {message}.")
    value = _as_kind(ex, answer)
    if _same(value, ex.answer):
        return Feedback(True, f"Exercise {n}: right! {ex.right}")
    if ex.kind == "int" and not _is_whole(value):
        return Feedback(
            False,
            f"Exercise {n}: not quite ({_show(answer)}) — sizes and counts are whole numbers; {_FLOOR}.",
        )
    return Feedback(False, f"Exercise {n}: not quite ({_show(answer)}). Hint: {ex.hint}")


# ------------------------------------------------------------------ comparing answers
def _show(value) -> str:
    try:
        if isinstance(value, float) and value.is_integer():
            return str(int(value)) if abs(value) < 1e15 else repr(value)
        if isinstance(value, float):
            return f"{value:g}"
        if isinstance(value, np.ndarray) and value.ndim == 1:
            return show(tuple(value.tolist()))
        return show(value)
    except Exception:  # a learner's object whose repr fails
        return f"<a {type(value).__name__}>"


def _as_tuple(value):
    if isinstance(value, np.ndarray) and value.ndim == 1:
        value = value.tolist()
    if isinstance(value, (tuple, list)):
        return tuple(value)
    return None


def _is_number(value) -> bool:
    """A real number: int, float, Fraction, numpy ints and floats; not a bool, not complex."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


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


def _same(a, b) -> bool:
    ta, tb = _as_tuple(a), _as_tuple(b)
    if ta is not None or tb is not None:
        if ta is None or tb is None or len(ta) != len(tb):
            return False
        return all(_same(x, y) for x, y in zip(ta, tb, strict=True))
    if not (_is_number(a) and _is_number(b)):
        return False
    if isinstance(a, numbers.Integral) and isinstance(b, numbers.Integral):
        return int(a) == int(b)  # exact, however large
    fa, fb = _as_float(a), _as_float(b)
    if math.isinf(fa) or math.isinf(fb):
        return False
    return math.isclose(fa, fb, rel_tol=1e-9, abs_tol=1e-9)


def _as_kind(ex: Exercise, answer):
    if ex.kind == "shape":
        t = _as_tuple(answer)
        if t is None or not all(_is_int(v) for v in t):
            raise _WrongKind(
                f"answer for exercise {ex.number} must be a tuple of whole numbers in parentheses, "
                f"got {_show(answer)} ({type(answer).__name__})"
            )
        return tuple(int(v) for v in t)
    if not _is_number(answer):
        what = "a whole number" if ex.kind == "int" else "a number"
        raise _WrongKind(
            f"answer for exercise {ex.number} must be {what}, without quotes, "
            f"got {_show(answer)} ({type(answer).__name__})"
        )
    if not isinstance(answer, numbers.Rational) and not math.isfinite(_as_float(answer)):
        raise _NotFinite(f"answer for exercise {ex.number} must be a finite number, got {_show(answer)}")
    return answer


# ------------------------------------------------------------------ code exercises
def _cases(number: int):
    rng = np.random.default_rng(number)
    if number == 17:
        shapes = [((5, 5), (3, 3)), ((6, 4), (2, 3)), ((4, 7), (1, 1)), ((3, 3), (3, 3)), ((7, 6), (3, 2))]
        return [
            (rng.integers(-3, 4, xs).astype(float), rng.integers(-2, 3, ks).astype(float))
            for xs, ks in shapes
        ]
    shapes = [
        ((5, 5, 3), (3, 3, 3, 2)),
        ((6, 5, 2), (2, 3, 2, 4)),
        ((4, 4, 1), (3, 3, 1, 1)),
        ((5, 4, 4), (1, 1, 4, 3)),
        ((6, 6, 3), (3, 2, 3, 2)),
    ]
    return [
        (rng.integers(-3, 4, xs).astype(float), rng.integers(-2, 3, ks).astype(float)) for xs, ks in shapes
    ]


def _grade_code(ex: Exercise, fn) -> Feedback:
    n = ex.number
    name = "my_corr2d" if n == 17 else "my_conv2d"
    if not callable(fn):
        raise _WrongKind(
            f"for exercise {n} pass the function you wrote, e.g. cl.check({n}, {name}); "
            f"got {_show(fn)} ({type(fn).__name__})"
        )
    for i, (x, k) in enumerate(_cases(n), start=1):
        case = f"test {i}: x of shape {x.shape}, kernel of shape {k.shape}"
        try:
            got = fn(x.copy(), k.copy())
        except NotImplementedError:
            return Feedback(
                False,
                f"Exercise {n}: not implemented yet — fill in the cell above ({name}), "
                "then run this check again.",
            )
        except (Exception, SystemExit) as exc:  # the learner's code: report, do not raise
            return Feedback(False, f"Exercise {n}: {name} raised {type(exc).__name__}: {exc} ({case}).")
        got, problem = _as_result(got, name)
        if problem:
            return Feedback(False, f"Exercise {n}: not yet — {case}: {problem}")
        want = conv2d(x, k)
        problem = (
            _shape_problem(n, x, k, got, want)
            if got.shape != want.shape
            else _value_problem(n, x, k, got, want)
        )
        if problem:
            return Feedback(False, f"Exercise {n}: not yet — {case}: {problem.rstrip()}")
    return Feedback(True, f"Exercise {n}: right! {ex.right}")


def _as_result(got, name: str) -> tuple[np.ndarray | None, str]:
    """The learner's result as a float array, or what is wrong with it (graded on its dtype too)."""
    what = f"{name} should return an array of real numbers (a feature map)"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", _RaggedWarning)
            arr = np.asarray(got)
    except Exception:  # the learner's object: ragged lists, a failing __array__, ...
        return None, f"{what}, got {_show(got)} ({type(got).__name__}), which numpy cannot read as an array."
    kind = arr.dtype.kind
    if kind == "c":
        return None, (
            f"{what}, but it returned complex numbers (dtype {arr.dtype}); a convolution of real inputs "
            "is real: do not add imaginary parts."
        )
    if kind == "b":
        return None, f"{what}, but it returned True/False values (dtype bool)."
    if kind not in "iuf":
        return None, f"{what}, got {_show(got)} ({type(got).__name__}, dtype {arr.dtype})."
    return arr.astype(float), ""


def _shape_problem(n, x, k, got, want) -> str:
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
        return base + "Off by one: there are H − kh + 1 positions, so loop over range(H - kh + 1)."
    if n == 18:
        c_in, filters = k.shape[2], k.shape[3]
        if got.shape in ((*want.shape[:2], c_in, filters), (*want.shape[:2], c_in)):
            return (
                base
                + "You kept one map per input channel: a filter ADDS its C_in per-channel maps into one map."
            )
        if got.shape == (filters, *want.shape[:2]):
            return base + "Channels-last, like Keras: the filters axis goes last, (H', W', filters)."
        if got.shape == want.shape[:2]:
            return base + "One output channel per filter: stack the filters' maps on a last axis."
    return base


def _value_problem(n, x, k, got, want) -> str:
    bad = ~np.isclose(got, want)
    if not bad.any():
        return ""
    flipped = conv2d(x, k[::-1, ::-1])
    if np.allclose(got, flipped):
        return (
            "your output is the kernel flipped (mathematical convolution); deep-learning frameworks lay the "
            "kernel over the input as it is (cross-correlation), so do not flip it."
        )
    if n == 18:
        c_in = k.shape[2]
        if np.allclose(got * c_in, want):
            return "you averaged the per-channel maps; a filter ADDS them."
        if np.allclose(got, conv2d(x[..., :1], k[:, :, :1])):
            return "only the first channel counted; add the maps of all C_in channels."
    pos = tuple(int(v) for v in np.argwhere(bad)[0])
    return f"first mismatch at index {pos}: expected {want[pos]:g}, got {got[pos]:g}."
