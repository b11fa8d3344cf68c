"""Bad input, catalogued: every public function refuses every bad value in the same way.

For each public function of ``convlesson`` (the explorers have their own tests) and each of its
parameters, ``CATALOGUE`` lists values a learner might pass by mistake: the wrong type, None, a bool
where an int is meant, zero, negative numbers, a float where an int is meant, NaN, infinity, huge
ints, complex numbers, strings, arrays of the wrong shape, empty or ragged arrays, object arrays.
Each must raise a ValueError or TypeError whose message names the parameter; nothing else may
escape (no IndexError, OverflowError, MemoryError or numpy's own messages), no warning may be
emitted on the way, and none may be silently accepted.

The classes a learner gets back rather than builds (``SweepTrace``, ``SweepStep``,
``FilterDecomposition``) are covered through the functions that build them and the methods a
learner calls on them (``step``, ``partial_output``, ``filter``, ``kernel_for``, ...).

``GOOD`` lists calls that must work: read-only numpy arrays, numpy scalars where Python ones work,
all of them left exactly as they were given.
"""

from __future__ import annotations

import re
import types
import warnings
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pytest
from matplotlib.figure import Figure

import convlesson as cl
from convlesson.exercises import EXERCISES

NAN, INF = float("nan"), float("inf")
HUGE = 10**400  # larger than any float; numpy cannot hold it either


def new_ax():
    return Figure(figsize=(6, 4), dpi=50).add_subplot()


def rng_array(*shape, seed=0):
    return np.random.default_rng(seed).standard_normal(shape)


def complex_of(shape):
    return rng_array(*shape) + 1j


def object_of(shape):
    return rng_array(*shape).astype(object)


def strings_of(shape):
    return np.full(shape, "a")


# ---------------------------------------------------------------- bad values, by what is meant
#: not a positive int (a count or a size), whatever the function
NOT_A_COUNT = [
    None,
    True,
    False,
    np.bool_(True),
    0,
    -1,
    np.int64(-3),
    2.7,
    3.0,
    np.float64(3.0),
    np.float32(3.0),
    NAN,
    INF,
    "3",
    b"3",
    3 + 0j,
    [3],
    np.array(3),
    Fraction(3, 1),
]
#: not an int or an (h, w) pair of ints: a count's bad values plus badly made pairs
NOT_A_PAIR = NOT_A_COUNT + [
    (3,),
    (3, 3, 3),
    (3, 2.5),
    (3, None),
    (0, 3),
    [3, -1],
    (True, 3),
    (3, NAN),
    "33",
    {3: 3},
]
#: not a padding word nor explicit amounts
NOT_A_PADDING = [
    None,
    True,
    np.bool_(False),
    -1,
    2.7,
    NAN,
    INF,
    3 + 0j,
    "sme",
    "",
    b"same",
    ["valid"],
    (1, 2, 3),
    (1.5, 1),
    (True, 1),
    ((1, 2), (3,)),
    ((1, -2), (0, 0)),
    ((1, 2), (3, None)),
    ((1, 2), (3, 2.0)),
]
#: not True or False
NOT_A_BOOL = [None, 1, 0, 1.0, "True", "yes", [True], np.array([True, False]), 1 + 0j, NAN]
#: not a seed (a non-negative int)
NOT_A_SEED = [-1, 2.7, 3.0, None, "0", True, np.bool_(False), [1, 2], NAN, INF, 1 + 0j]
#: not a title
NOT_A_TITLE = [5, True, ["a"], b"title", 1.5]
#: not a colour limit (a positive finite number)
NOT_A_VMAX = [-1, 0, -0.5, NAN, INF, -INF, "1", True, np.bool_(True), 1 + 0j, [1], np.array([1.0, 2.0])]
#: not an exercise number
NOT_AN_EXERCISE = [0, len(EXERCISES) + 1, -1, 2.7, 1.0, True, np.bool_(True), None, "1", 1 + 0j, NAN, HUGE]


def not_an_array(shape):
    """Values that are not a real array of ``shape``: other types, complex, strings, ragged, empty."""
    wrong_ndim = (3,) if len(shape) > 1 else (3, 3)
    return [
        None,
        "abc",
        5,
        complex_of(shape),
        object_of(shape),
        strings_of(shape),
        rng_array(*wrong_ndim),
        rng_array(*shape, 2, 2),
        np.zeros((0, *shape[1:])),
        [[1.0, 2.0], [3.0]],
        [[HUGE, 1], [1, 1]],
        np.zeros(shape, dtype="datetime64[s]"),
    ]


def not_names(count):
    """Values that are not ``count`` channel names."""
    return [
        [f"n{i}" for i in range(count - 1)],
        [f"n{i}" for i in range(count + 1)],
        "RGB"[:count],
        list(range(count)),
        [None] * count,
        5,
        True,
    ]


# ---------------------------------------------------------------- the catalogue
@dataclass(frozen=True)
class Entry:
    """``call(value)`` calls ``function`` with good arguments except ``param = value``."""

    function: str
    param: str
    call: object
    bad: list


X3 = (6, 6, 3)
K4 = (3, 3, 3, 2)


def conv2d_with(**change):
    args = {"x": rng_array(*X3), "kernel": rng_array(*K4, seed=1), "bias": np.zeros(2)}
    args.update(change)
    return cl.conv2d(**args)


def sweep_with(**change):
    args = {"x": rng_array(5, 5), "weights": rng_array(3, 3, seed=1)}
    args.update(change)
    return cl.sweep(**args)


def layer_sweep_with(**change):
    args = {"x": rng_array(*X3), "weights": rng_array(*K4, seed=1), "bias": np.zeros(2)}
    args.update(change)
    return cl.sweep(**args)


def layer_with(**change):
    args = {"filters": 2, "kernel_size": 3, "c_in": 3}
    args.update(change)
    return cl.Conv2D(**args)


def built_layer():
    return cl.Conv2D(2, 3, c_in=3, seed=1)


def unbuilt_layer():
    return cl.Conv2D(2, 3)


def trace():
    return cl.sweep(rng_array(4, 4), np.ones((2, 2)))  # 9 positions


def shapes_entries(name, func, params):
    """Entries for a function of the shape arithmetic, with good defaults."""
    good = {
        "size": 28,
        "kernel_size": 3,
        "strides": 1,
        "padding": "valid",
        "dilation_rate": 1,
        "input_shape": (28, 28, 3),
        "filters": 2,
        "c_in": 3,
        "use_bias": True,
        "groups": 1,
        "symbol": "H",
    }
    bad = {
        "size": NOT_A_PAIR,
        "kernel_size": NOT_A_PAIR,
        "strides": NOT_A_PAIR,
        "dilation_rate": NOT_A_PAIR,
        "padding": NOT_A_PADDING,
        "filters": NOT_A_COUNT,
        "c_in": NOT_A_COUNT,
        "groups": [*NOT_A_COUNT, 2],  # 2 does not divide c_in=3
        "use_bias": NOT_A_BOOL,
        "symbol": ["X", "", None, 1, "HW", True, b"H"],
        "input_shape": [
            None,
            "28, 28, 3",
            (28, 28),
            (1, 2, 28, 28, 3),
            (28, 28, 0),
            (-1, 28, 3),
            (28.0, 28, 3),
            (28, 28, 3.5),
            (28, 28, True),
            (NAN, 28, 3),
            (28, 28, 3 + 0j),
            ((28,), 28, 3),
            (28, 28, None),
            (5, 5, 3, "a"),
        ],
    }

    def entry(param):
        def call(value):
            args = {p: good[p] for p in params}
            args[param] = value
            return func(**args)

        return Entry(name, param, call, bad[param])

    return [entry(p) for p in params]


AXIS_PARAMS = ["size", "kernel_size", "strides", "padding", "dilation_rate"]

CATALOGUE: list[Entry] = [
    *shapes_entries("output_size", cl.output_size, AXIS_PARAMS),
    *shapes_entries("padding_amounts", cl.padding_amounts, AXIS_PARAMS),
    *shapes_entries("output_size_formula", cl.output_size_formula, [*AXIS_PARAMS, "symbol"]),
    *shapes_entries(
        "output_shape",
        cl.output_shape,
        ["input_shape", "kernel_size", "filters", "strides", "padding", "dilation_rate"],
    ),
    *shapes_entries("param_count", cl.param_count, ["kernel_size", "c_in", "filters", "use_bias", "groups"]),
    *shapes_entries(
        "shape_text",
        cl.shape_text,
        [
            "size",
            "c_in",
            "kernel_size",
            "filters",
            "strides",
            "padding",
            "dilation_rate",
            "groups",
            "use_bias",
        ],
    ),
    # ---- conv2d and the weight layouts
    Entry(
        "conv2d",
        "x",
        lambda v: conv2d_with(x=v),
        [*not_an_array(X3), rng_array(6, 6, 4), rng_array(1, 2, 6, 6, 3), rng_array(6)],
    ),
    Entry(
        "conv2d",
        "kernel",
        lambda v: conv2d_with(kernel=v),
        [*not_an_array(K4), rng_array(3, 3, 4, 2), rng_array(3, 3, 3)],
    ),
    Entry(
        "conv2d",
        "bias",
        lambda v: conv2d_with(bias=v),
        ["abc", 0.5, np.zeros(3), np.zeros((2, 1)), np.zeros(2) + 1j, object_of((2,)), [[1.0], [2.0, 3.0]]],
    ),
    Entry("conv2d", "strides", lambda v: conv2d_with(strides=v), NOT_A_PAIR),
    Entry("conv2d", "padding", lambda v: conv2d_with(padding=v), [*NOT_A_PADDING, HUGE, 10**6]),
    Entry("conv2d", "dilation_rate", lambda v: conv2d_with(dilation_rate=v), [*NOT_A_PAIR, HUGE]),
    Entry("conv2d", "groups", lambda v: conv2d_with(groups=v), [*NOT_A_COUNT, 2, HUGE]),
    Entry("keras_to_torch", "kernel", cl.keras_to_torch, [*not_an_array(K4), rng_array(3, 3, 3)]),
    Entry("torch_to_keras", "weight", cl.torch_to_keras, [*not_an_array(K4), rng_array(3, 3, 3)]),
    # ---- the sweep
    Entry("sweep", "x", lambda v: sweep_with(x=v), [*not_an_array((5, 5)), rng_array(5, 5, 1)]),
    Entry("sweep", "weights", lambda v: sweep_with(weights=v), not_an_array((3, 3))),
    Entry("sweep", "bias", lambda v: sweep_with(bias=v), [0.5, np.zeros(1)]),
    Entry("sweep", "x", lambda v: layer_sweep_with(x=v), [rng_array(2, 6, 6, 3), rng_array(6, 6, 2)]),
    Entry("sweep", "weights", lambda v: layer_sweep_with(weights=v), [*not_an_array(K4), rng_array(3, 3, 3)]),
    Entry("sweep", "bias", lambda v: layer_sweep_with(bias=v), [np.zeros(3), [[0.0, 0.0]], "b", 1j]),
    Entry("sweep", "strides", lambda v: sweep_with(strides=v), NOT_A_PAIR),
    Entry("sweep", "padding", lambda v: sweep_with(padding=v), [*NOT_A_PADDING, HUGE, 10**6]),
    Entry("sweep", "dilation_rate", lambda v: sweep_with(dilation_rate=v), [*NOT_A_PAIR, HUGE]),
    Entry(
        "SweepTrace.step",
        "step",
        lambda v: trace().step(v),
        [9, -10, 2.7, 1.0, True, None, "0", 1 + 0j, NAN, HUGE, np.float64(1.0)],
    ),
    Entry(
        "SweepTrace.partial_output",
        "upto",
        lambda v: trace().partial_output(v),
        [-1, 2.7, 1.0, True, None, "0", 1 + 0j, NAN, INF],
    ),
    # ---- the layer
    Entry("Conv2D", "filters", lambda v: layer_with(filters=v), [*NOT_A_COUNT, 10**12, HUGE]),
    Entry("Conv2D", "kernel_size", lambda v: layer_with(kernel_size=v), [*NOT_A_PAIR, 10**6, HUGE]),
    Entry("Conv2D", "strides", lambda v: layer_with(strides=v), NOT_A_PAIR),
    Entry("Conv2D", "padding", lambda v: layer_with(padding=v), NOT_A_PADDING),
    Entry("Conv2D", "dilation_rate", lambda v: layer_with(dilation_rate=v), NOT_A_PAIR),
    Entry("Conv2D", "use_bias", lambda v: layer_with(use_bias=v), NOT_A_BOOL),
    Entry("Conv2D", "groups", lambda v: layer_with(groups=v), [*NOT_A_COUNT, 2]),
    Entry(
        "Conv2D",
        "activation",
        lambda v: layer_with(activation=v),
        ["sigmoid", "", 1, True, b"relu", ["relu"], NAN],
    ),
    Entry(
        "Conv2D",
        "c_in",
        lambda v: layer_with(c_in=v),
        [v for v in [*NOT_A_COUNT, 10**12, HUGE] if v is not None],  # None: weights made on the first call
    ),
    Entry(
        "Conv2D",
        "kernel",
        lambda v: layer_with(kernel=v),
        [*(v for v in not_an_array(K4) if v is not None), rng_array(3, 3, 3, 4), rng_array(2, 2, 3, 2)],
    ),
    Entry(
        "Conv2D",
        "bias",
        lambda v: layer_with(bias=v),
        ["abc", 0.5, np.zeros(3), np.zeros(2) + 1j, object_of((2,)), [[1.0], [2.0, 3.0]], np.zeros(0)],
    ),
    Entry("Conv2D", "seed", lambda v: layer_with(seed=v), NOT_A_SEED),
    Entry("Conv2D.build", "c_in", lambda v: unbuilt_layer().build(v), [*NOT_A_COUNT, 10**12, HUGE]),
    Entry(
        "Conv2D.__call__",
        "x",
        lambda v: built_layer()(v),
        [*not_an_array(X3), rng_array(6, 6, 4), rng_array(6, 6)],
    ),
    Entry(
        "Conv2D.__call__ (unbuilt)",
        "x",
        lambda v: unbuilt_layer()(v),
        [*not_an_array(X3), rng_array(6, 6)],
    ),
    Entry(
        "Conv2D.decompose",
        "x",
        lambda v: built_layer().decompose(v, 0),
        [*not_an_array(X3), rng_array(6, 6, 4)],
    ),
    *(
        Entry(
            f"Conv2D.{method}",
            "j",
            (lambda m: lambda v: getattr(built_layer(), m)(v))(method),
            [-1, 2, 2.7, 0.0, True, None, "0", 1 + 0j, NAN, HUGE],
        )
        for method in ("filter", "channels_of")
    ),
    Entry(
        "Conv2D.decompose",
        "j",
        lambda v: built_layer().decompose(rng_array(*X3), v),
        [-1, 2, 2.7, 0.0, True, None, "0", 1 + 0j, NAN, HUGE],
    ),
    Entry(
        "Conv2D.kernel_for",
        "j",
        lambda v: built_layer().kernel_for(v, 0),
        [-1, 2, 2.7, 0.0, True, None, "0", 1 + 0j, NAN, HUGE],
    ),
    Entry(
        "Conv2D.kernel_for",
        "c",
        lambda v: built_layer().kernel_for(0, v),
        [-1, 3, 2.7, 0.0, True, None, "0", 1 + 0j, NAN, HUGE],
    ),
    Entry(
        "Conv2D.output_shape",
        "input_shape",
        lambda v: built_layer().output_shape(v),
        [None, "28, 28, 3", (28, 28), (28, 28, 0), (28.0, 28, 3), (28, 28, True), (28, 28, 4)],
    ),
    # ---- samples
    Entry("photo", "size", cl.photo, [*NOT_A_COUNT, 3, 10**5, HUGE]),
    Entry("synthetic_channels", "size", lambda v: cl.synthetic_channels(size=v), [*NOT_A_COUNT, 10**6, HUGE]),
    Entry("synthetic_channels", "c_in", lambda v: cl.synthetic_channels(c_in=v), [*NOT_A_COUNT, 10**9, HUGE]),
    Entry("synthetic_channels", "seed", lambda v: cl.synthetic_channels(seed=v), NOT_A_SEED),
    Entry("small_grid", "size", lambda v: cl.small_grid(size=v), [*NOT_A_COUNT, 10**6, HUGE]),
    Entry("small_grid", "seed", lambda v: cl.small_grid(seed=v), NOT_A_SEED),
    Entry("small_grid", "high", lambda v: cl.small_grid(high=v), [*NOT_A_COUNT, HUGE]),
    Entry("classic_kernel", "name", cl.classic_kernel, ["nope", "", None, 5, b"sobel x", ["sobel x"], True]),
    # ---- exercises
    Entry("exercise", "n", cl.exercise, [v for v in NOT_AN_EXERCISE if v is not None]),  # None: the list
    Entry("ask", "n", cl.ask, [*NOT_AN_EXERCISE, 36, 37]),  # 36 and 37 ask for a function
    Entry("hint", "n", cl.hint, NOT_AN_EXERCISE),
    Entry("solution", "n", cl.solution, NOT_AN_EXERCISE),
    Entry("check", "n", lambda v: cl.check(v, 26), NOT_AN_EXERCISE),
    # ---- style
    Entry("lecture_mode", "on", cl.lecture_mode, NOT_A_BOOL),
    # ---- the learner's picture and the trained network's pictures
    Entry(
        "load_image",
        "image",
        cl.load_image,
        [
            None,
            5,
            2.7,
            True,
            "no/such/picture.png",
            b"",
            b"not a picture",
            np.zeros((0, 3)),
            complex_of((4, 4)),
        ]
        + [object_of((4, 4)), strings_of((4, 4)), np.zeros((3, 3, 2)), np.full((3, 3), NAN), [[0, 1], [0]]],
    ),
    Entry(
        "load_image",
        "size",
        lambda v: cl.load_image(np.zeros((4, 4)), size=v),
        [*NOT_A_COUNT[1:], 10**6, HUGE],
    ),
    Entry("toy_images", "n", lambda v: cl.toy_images(v, seed=0), [*NOT_A_COUNT, HUGE]),
    Entry("toy_images", "seed", lambda v: cl.toy_images(2, seed=v), NOT_A_SEED),
    Entry("toy_images", "size", lambda v: cl.toy_images(2, seed=0, size=v), [*NOT_A_COUNT, 4, 10**6, HUGE]),
    Entry(
        "toy_images",
        "classes",
        lambda v: cl.toy_images(2, seed=0, classes=v),
        [["blue disc"], "red disc", [], 5, ["red disc", 3], ("green",)],
    ),
]


def draw_entries(name, func, array_param, good_array, bad_arrays, extra):
    """Entries for a ``draw_*`` function: ``ax``, its array, and its keyword parameters."""

    def call_with(param, value):
        args = {"ax": new_ax(), array_param: good_array()}
        args[param] = value
        ax = args.pop("ax")
        return func(ax, **args)

    def entry(param, bad):
        return Entry(name, param, lambda v: call_with(param, v), bad)

    not_an_ax = [None, "ax", 3, Figure(), np.zeros(3), [new_ax()]]
    return [entry("ax", not_an_ax), entry(array_param, bad_arrays), *(entry(p, b) for p, b in extra.items())]


CATALOGUE += [
    *draw_entries(
        "draw_kernel",
        cl.draw_kernel,
        "kernel",
        lambda: rng_array(3, 3),
        [*not_an_array((3, 3)), np.zeros((3, 0))],
        {"title": NOT_A_TITLE, "vmax": NOT_A_VMAX, "numbers": NOT_A_BOOL[1:]},
    ),
    *draw_entries(
        "draw_filter",
        cl.draw_filter,
        "filt",
        lambda: rng_array(3, 3, 3),
        [*not_an_array((3, 3, 3)), np.zeros((3, 3, 0))],
        {"names": not_names(3), "title": NOT_A_TITLE, "vmax": NOT_A_VMAX, "numbers": NOT_A_BOOL[1:]},
    ),
    *draw_entries(
        "draw_layer_weights",
        cl.draw_layer_weights,
        "kernel",
        lambda: rng_array(*K4),
        [*not_an_array(K4), np.zeros((3, 3, 3, 0))],
        {
            "groups": [*NOT_A_COUNT, 3, HUGE],
            "names": not_names(3),
            "title": NOT_A_TITLE,
            "vmax": NOT_A_VMAX,
            "numbers": NOT_A_BOOL[1:],
        },
    ),
    *draw_entries(
        "draw_channels",
        cl.draw_channels,
        "x",
        lambda: rng_array(5, 5, 3),
        [*not_an_array((5, 5, 3)), np.zeros((5, 5, 0))],
        {
            "padding": [*NOT_A_PADDING, "same", 10**6, HUGE],
            "names": not_names(3),
            "title": NOT_A_TITLE,
            "vertical": NOT_A_BOOL,
        },
    ),
    *draw_entries(
        "draw_maps",
        cl.draw_maps,
        "maps",
        lambda: rng_array(5, 5, 2),
        [*not_an_array((5, 5, 2)), np.zeros((5, 0, 2))],
        {"names": not_names(2), "title": NOT_A_TITLE, "vertical": NOT_A_BOOL},
    ),
    *draw_entries(
        "draw_sweep",
        cl.draw_sweep,
        "trace",
        trace,
        [None, "trace", rng_array(3, 3), trace().step(0)],
        {"step": [9, -1, 2.7, 1.0, np.float64(1.0), True, None, "0", 1 + 0j, NAN, HUGE]},
    ),
]


def _short(value) -> str:
    text = repr(value) if not isinstance(value, np.ndarray) else f"array{value.shape}{value.dtype}"
    return text if len(text) <= 24 else text[:21] + "..."


BAD_CASES = [
    pytest.param(entry, value, id=f"{entry.function}-{entry.param}-{i}-{_short(value)}")
    for entry in CATALOGUE
    for i, value in enumerate(entry.bad)
]


def outcome(entry: Entry, value) -> tuple[str, str]:
    """``('clean', message)``, ``('unclean', what escaped)`` or ``('silent', '')`` for one bad value."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            entry.call(value)
    except (ValueError, TypeError) as exc:
        message = str(exc)
        if not re.search(rf"(?<![\w.]){re.escape(entry.param)}(?!\w)", message):
            return "unclean", f"{type(exc).__name__} not naming {entry.param!r}: {message}"
        return "clean", message
    except Exception as exc:  # anything else escaping is what this file is here to catch
        return "unclean", f"{type(exc).__name__}: {exc}"
    finally:
        cl.lecture_mode(False)
    return "silent", ""


@pytest.mark.parametrize(("entry", "value"), BAD_CASES)
def test_bad_values_are_refused_naming_the_parameter(entry, value):
    kind, detail = outcome(entry, value)
    assert kind != "silent", f"{entry.function} accepted {entry.param}={_short(value)}"
    assert kind == "clean", detail


# ---------------------------------------------------------------- check never raises for an answer
def raises(*args):
    raise RuntimeError("learner's bug")


ODD_ANSWERS = [
    "26",
    b"26",
    HUGE,
    -HUGE,
    NAN,
    INF,
    26 + 0j,
    26 + 5j,
    np.complex128(26),
    [26],
    {"answer": 26},
    np.array([26]),
    np.array(26),
    np.array([[26]]),
    np.bool_(True),
    True,
    raises,
    len,
    object(),
    Fraction(53, 2),
    (HUGE, 1),
    (NAN, 1),
    ((0, 1),),
    (26 + 0j, 26),
]


@pytest.mark.parametrize("n", [1, 2, 4, 7, 8, 12, 17, 18])
@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=_short)
def test_check_prints_a_verdict_for_any_answer(n, answer, capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cl.check(n, answer)
    out = capsys.readouterr().out
    assert out.startswith(f"Exercise {n}:") and "right!" not in out


@pytest.mark.parametrize("ex", [e for e in EXERCISES if e.kind != "code"], ids=lambda ex: f"ex{ex.number}")
def test_check_accepts_the_answer_as_numpy_scalars(ex, capsys):
    answer = ex.answer
    if ex.kind == "shape":
        as_numpy = tuple(np.int64(v) for v in answer)
    elif ex.kind == "truefalse":
        as_numpy = np.bool_(answer)
    elif ex.kind == "choice":
        as_numpy = np.str_(answer)
    else:
        as_numpy = np.float32(answer)
    cl.check(np.int64(ex.number), as_numpy)
    assert capsys.readouterr().out.startswith(f"Exercise {ex.number}: right!")


# ---------------------------------------------------------------- good input: used, never changed
def read_only(a):
    a = np.array(a, dtype=float)
    a.setflags(write=False)
    return a


GOOD = {
    "conv2d": lambda x, k, b: cl.conv2d(
        x, k, b, strides=np.int64(2), padding=np.int64(1), groups=np.int64(1)
    ),
    "conv2d 2-D": lambda x, k, b: cl.conv2d(x[..., 0], k[:, :, 0, 0]),
    "conv2d huge strides": lambda x, k, b: cl.conv2d(x, k, b, strides=HUGE),
    "sweep": lambda x, k, b: cl.sweep(x[..., 0], k[:, :, 0, 0], strides=HUGE).output,
    "Conv2D given weights": lambda x, k, b: cl.Conv2D(2, 3, kernel=k, bias=b)(x),
    "Conv2D decompose": lambda x, k, b: cl.Conv2D(2, 3, kernel=k, bias=b).decompose(x, np.int64(1)),
    "Conv2D numpy scalars": lambda x, k, b: cl.Conv2D(
        np.int64(2),
        np.int32(3),
        use_bias=np.bool_(True),
        c_in=np.int64(3),
        seed=np.uint8(1),
        activation="ReLU",
    )(x),
    "keras_to_torch": lambda x, k, b: cl.torch_to_keras(cl.keras_to_torch(k)),
    "draw_kernel": lambda x, k, b: cl.draw_kernel(
        new_ax(), k[:, :, 0, 0], vmax=np.float32(2), numbers=np.bool_(True), title="k"
    ),
    "draw_filter": lambda x, k, b: cl.draw_filter(new_ax(), k[..., 0], names=("a", "b", "c"), vmax=2),
    "draw_layer_weights": lambda x, k, b: cl.draw_layer_weights(
        new_ax(), k, groups=np.int64(1), vmax=np.int64(3), numbers=np.bool_(False)
    ),
    "draw_channels": lambda x, k, b: cl.draw_channels(
        new_ax(), x, padding=(np.int64(1), 2), names=["r", "g", "b"], vertical=np.bool_(True)
    ),
    "draw_maps": lambda x, k, b: cl.draw_maps(new_ax(), cl.conv2d(x, k, b), vertical=np.bool_(False)),
    "draw_sweep": lambda x, k, b: cl.draw_sweep(new_ax(), cl.sweep(x[..., 0], k[:, :, 0, 0]), np.int64(3)),
    "lecture_mode": lambda x, k, b: cl.lecture_mode(np.bool_(False)),
    "param_count": lambda x, k, b: cl.param_count(np.int64(3), np.int64(3), np.int64(2), np.bool_(True)),
    "shape_text": lambda x, k, b: cl.shape_text(
        np.int64(8), np.int64(3), (np.int64(3), 2), np.int64(2), use_bias=np.bool_(True)
    ),
}


@pytest.mark.parametrize("read_only_inputs", [True, False], ids=["read-only", "writable"])
@pytest.mark.parametrize("name", list(GOOD))
def test_good_inputs_work_and_are_not_changed(name, read_only_inputs):
    x, k, b = rng_array(6, 6, 3), rng_array(3, 3, 3, 2, seed=1), np.array([0.5, -0.5])
    if read_only_inputs:
        x, k, b = read_only(x), read_only(k), read_only(b)
    before = [a.copy() for a in (x, k, b)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        GOOD[name](x, k, b)
    for a, was in zip((x, k, b), before, strict=True):
        np.testing.assert_array_equal(a, was)
        assert a.flags.writeable is not read_only_inputs


def test_list_arguments_are_not_changed():
    shape, names, pads = [28, 28, 3], ["a", "b", "c"], [[1, 1], [2, 2]]
    cl.output_shape(shape, [3, 3], 2, [1, 1], pads, [1, 1])
    cl.draw_channels(new_ax(), rng_array(5, 5, 3), padding=pads, names=names)
    assert shape == [28, 28, 3] and names == ["a", "b", "c"] and pads == [[1, 1], [2, 2]]


# ---------------------------------------------------------------- complex numbers are not real
COMPLEX_CALLS = {
    "conv2d x": lambda: cl.conv2d(np.ones((5, 5, 3)) + 1j, np.ones((3, 3, 3, 2))),
    "conv2d kernel": lambda: cl.conv2d(np.ones((5, 5, 3)), np.ones((3, 3, 3, 2)) * 1j),
    "conv2d bias": lambda: cl.conv2d(np.ones((5, 5, 3)), np.ones((3, 3, 3, 2)), np.ones(2) + 0j),
    "sweep": lambda: cl.sweep(np.ones((5, 5)) + 1j, np.ones((3, 3))),
    "Conv2D kernel": lambda: cl.Conv2D(2, 3, kernel=np.ones((3, 3, 3, 2)) + 1j),
    "Conv2D bias": lambda: cl.Conv2D(2, 3, c_in=3, bias=np.ones(2) + 1j),
    "Conv2D call": lambda: cl.Conv2D(2, 3, c_in=3)(np.ones((5, 5, 3)) + 1j),
    "decompose": lambda: cl.Conv2D(2, 3, c_in=3).decompose(np.ones((5, 5, 3)) + 1j, 0),
    "keras_to_torch": lambda: cl.keras_to_torch(np.ones((3, 3, 3, 2)) + 1j),
    "torch_to_keras": lambda: cl.torch_to_keras(np.ones((2, 3, 3, 3)) + 1j),
    "draw_kernel": lambda: cl.draw_kernel(new_ax(), np.ones((3, 3)) + 1j),
    "draw_filter": lambda: cl.draw_filter(new_ax(), np.ones((3, 3, 3)) + 1j),
    "draw_layer_weights": lambda: cl.draw_layer_weights(new_ax(), np.ones((3, 3, 3, 2)) + 1j),
    "draw_channels": lambda: cl.draw_channels(new_ax(), np.ones((5, 5, 3)) + 1j),
    "draw_maps": lambda: cl.draw_maps(new_ax(), np.ones((5, 5, 2)) + 1j),
    "draw_kernel vmax": lambda: cl.draw_kernel(new_ax(), np.ones((3, 3)), vmax=1 + 0j),
    "output_shape": lambda: cl.output_shape((28, 28, 3 + 0j), 3, 2),
    "output_size": lambda: cl.output_size(28, 3 + 0j),
    "param_count": lambda: cl.param_count(3, 3, 2 + 0j),
    "shape_text": lambda: cl.shape_text(28, 3, 3, 2, strides=1 + 0j),
    "photo": lambda: cl.photo(8 + 0j),
    "load_image": lambda: cl.load_image(np.ones((4, 4)) + 1j),
    "small_grid": lambda: cl.small_grid(5, high=3 + 0j),
}


@pytest.mark.parametrize("name", list(COMPLEX_CALLS))
def test_complex_numbers_are_refused_everywhere(name):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a ComplexWarning would mean the imaginary part was dropped
        with pytest.raises(TypeError, match=r"complex"):
            COMPLEX_CALLS[name]()


# ---------------------------------------------------------------- numpy's bools and floats
def test_lecture_mode_takes_numpy_bools():
    from convlesson.pictures import style

    try:
        cl.lecture_mode(np.bool_(True))
        assert style.lecture() is True and style.sizes() == style.LECTURE
        cl.lecture_mode(np.bool_(False))
        assert style.lecture() is False and style.sizes() == style.NORMAL
    finally:
        cl.lecture_mode(False)


# ---------------------------------------------------------------- samples
CLASSIC_NAMES = ["identity", "box blur", "gaussian blur", "sharpen", "sobel x", "sobel y", "laplacian"]


def test_classic_kernels_cannot_be_changed_from_outside():
    sobel = [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]
    with pytest.raises(TypeError):
        cl.CLASSIC_KERNELS["sobel x"] = np.zeros((3, 3))
    with pytest.raises(TypeError):
        cl.CLASSIC_KERNELS["mine"] = np.zeros((3, 3))
    with pytest.raises(TypeError):
        del cl.CLASSIC_KERNELS["sobel x"]
    with pytest.raises(ValueError, match="read-only"):
        cl.CLASSIC_KERNELS["sobel x"][0, 0] = 5.0
    # reading works as for a dict
    assert list(cl.CLASSIC_KERNELS) == CLASSIC_NAMES and len(cl.CLASSIC_KERNELS) == 7
    assert "sobel x" in cl.CLASSIC_KERNELS and "mine" not in cl.CLASSIC_KERNELS
    assert [name for name, _ in cl.CLASSIC_KERNELS.items()] == CLASSIC_NAMES
    np.testing.assert_array_equal(cl.CLASSIC_KERNELS["sobel x"], sobel)
    np.testing.assert_array_equal(dict(cl.CLASSIC_KERNELS)["sobel x"], sobel)
    mine = cl.classic_kernel("Sobel X")  # a copy to change
    mine[0, 0] = 5.0
    np.testing.assert_array_equal(cl.CLASSIC_KERNELS["sobel x"], sobel)


def test_photo_works_on_pillow_before_and_after_image_resampling(monkeypatch):
    # Pillow 9.1 added Image.Resampling (and deprecated Image.LANCZOS for a while); 9.0 has only Image.LANCZOS
    import PIL
    from PIL import Image

    from convlesson.core import samples

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no DeprecationWarning on the Pillow installed here
        today = samples._resized(16) / 255.0  # the resize itself, never a kept one
        lanczos = Image.Resampling.LANCZOS if hasattr(Image, "Resampling") else Image.LANCZOS

    class Pillow90(types.ModuleType):
        """PIL.Image as Pillow 9.0 shows it: no Resampling, the filters as module constants."""

        LANCZOS = lanczos

        def __getattr__(self, name):
            if name == "Resampling":
                raise AttributeError(name)
            return getattr(Image, name)

    monkeypatch.setattr(PIL, "Image", Pillow90("PIL.Image"))
    np.testing.assert_array_equal(samples._resized(16) / 255.0, today)
    assert today.shape == (16, 16, 3) and 0.0 <= today.min() < today.max() <= 1.0
