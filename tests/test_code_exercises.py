"""The code exercises: a learner's my_corr2d (with strides) and my_conv2d are run, compared, and stopped if
they never end.

Right implementations (loops and scipy, written here) are accepted; known slips are named (among them
swapped channel and filter axes in the weights, whether they raise an IndexError or give wrong values);
anything a function may return or raise gets a sentence, never a traceback. A function that never
returns is stopped after the time limit, by SIGALRM in the main thread (also in a real Jupyter kernel,
where cell code runs in the main thread) and by a trace function elsewhere; afterwards no timer, handler,
trace function or thread is left.
"""

from __future__ import annotations

import _thread
import queue
import re
import signal
import sys
import textwrap
import threading
import time
import warnings

import numpy as np
import pytest
from oracles import loop_corr
from scipy.signal import convolve2d, correlate2d

import convlesson as cl
from convlesson.exercises import EXERCISES, code_checks, deadline, grade
from convlesson.exercises.code_checks import CODE_CHECKS

CORR = next(ex.number for ex in EXERCISES if ex.check == "corr2d")
CONV = next(ex.number for ex in EXERCISES if ex.check == "conv2d")
HAS_ALARM = hasattr(signal, "setitimer")


def scipy_corr(x, k, strides=1):
    return correlate2d(x, k, mode="valid")[::strides, ::strides]


def scipy_conv2d(x, weights):
    return np.stack(
        [
            sum(correlate2d(x[:, :, c], weights[:, :, c, f], mode="valid") for c in range(x.shape[2]))
            for f in range(weights.shape[3])
        ],
        axis=-1,
    )


@pytest.fixture
def short_limit(monkeypatch):
    """A 0.4 s limit; and should stopping ever break, the test is interrupted after 60 s, not left hanging."""
    monkeypatch.setattr(code_checks, "TIME_LIMIT", 0.4)
    safety_net = threading.Timer(60, _thread.interrupt_main)
    safety_net.start()
    yield 0.4
    safety_net.cancel()
    safety_net.join()


# ---------------------------------------------------------------- keyed by function, not by number
def test_the_code_exercises_name_their_checks():
    assert {ex.check for ex in EXERCISES if ex.kind == "code"} == set(CODE_CHECKS) == {"corr2d", "conv2d"}
    assert CODE_CHECKS["corr2d"].function == "my_corr2d" and CODE_CHECKS["conv2d"].function == "my_conv2d"


def test_a_correct_learner_implementation_is_accepted():
    assert grade(CORR, loop_corr).correct
    assert grade(CORR, scipy_corr).correct
    assert grade(CONV, scipy_conv2d).correct


def test_the_checks_reference_answers_match_loops_and_scipy():
    """What the checks compare with (cl.conv2d) is held against oracles written here, case by case."""
    cases = CODE_CHECKS["corr2d"].cases()
    assert {c.strides for c in cases} >= {1, 2, 3} and any((c.x.shape[0] - c.w.shape[0]) % 2 for c in cases)
    for case in cases:
        np.testing.assert_allclose(case.want(), loop_corr(case.x, case.w, case.strides))
    for case in CODE_CHECKS["conv2d"].cases():
        np.testing.assert_allclose(case.want(), scipy_conv2d(case.x, case.w))


def test_the_multichannel_check_has_a_case_with_as_many_channels_as_filters():
    squares = [c for c in CODE_CHECKS["conv2d"].cases() if c.w.shape[2] == c.w.shape[3] > 1]
    assert squares, "swapped channel and filter axes must be caught by values, not only by an IndexError"
    for case in squares:  # there, the swap gives other numbers
        assert not np.allclose(
            scipy_conv2d(case.x, case.w), scipy_conv2d(case.x, case.w.transpose(0, 1, 3, 2))
        )


def stub(*args):
    raise NotImplementedError("Exercise: sweep the kernel")


def test_unimplemented_stubs_are_reported_not_raised(capsys):
    for n in (CORR, CONV):
        cl.check(n, stub)
        assert "not implemented yet — fill in the cell above" in capsys.readouterr().out


def test_code_checks_need_a_function():
    with pytest.raises(TypeError, match="pass the function you wrote"):
        grade(CORR, np.zeros((3, 3)))


def test_corr2d_slips_are_named():
    flipped = lambda x, k, s: convolve2d(x, k, mode="valid")[::s, ::s]  # noqa: E731
    assert "a flipped kernel" in grade(CORR, flipped).message
    assert "input's size" in grade(CORR, lambda x, k, s: correlate2d(x, k, mode="same")).message
    assert "'full' padding" in grade(CORR, lambda x, k, s: correlate2d(x, k, mode="full")).message
    off_by_one = lambda x, k, s: scipy_corr(x, k, s)[:-1, :-1]  # noqa: E731
    assert "off by one" in grade(CORR, off_by_one).message
    crashes = lambda x, k, s: x[100]  # noqa: E731
    assert "raised IndexError" in grade(CORR, crashes).message


def corr2d_01(x, k):
    """Lesson 01's corr2d, with no strides."""
    kh, kw = k.shape
    out = np.zeros((x.shape[0] - kh + 1, x.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (x[i : i + kh, j : j + kw] * k).sum()
    return out


def windows_do_not_jump(x, k, strides=1):
    """The right number of positions, but the window moves one pixel per output, not `strides`."""
    kh, kw = k.shape
    out = np.zeros(((x.shape[0] - kh) // strides + 1, (x.shape[1] - kw) // strides + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (x[i : i + kh, j : j + kw] * k).sum()
    return out


def rounds_up(x, k, strides=1):
    """Windows counted with a ceiling: the last one runs past the edge."""
    kh, kw = k.shape
    out = np.zeros((-(-(x.shape[0] - kh) // strides) + 1, -(-(x.shape[1] - kw) // strides) + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (x[i * strides : i * strides + kh, j * strides : j * strides + kw] * k).sum()
    return out


@pytest.mark.parametrize(
    ("fn", "fragment"),
    [
        (corr2d_01, "my_corr2d takes the strides as a third argument: def my_corr2d(x, k, strides=1)."),
        (lambda x, k, strides=1: corr2d_01(x, k), "forgot the strides: that is the map with strides 1"),
        (windows_do_not_jump, "the windows do not jump: with strides 2 the window for output (i, j) starts"),
        (rounds_up, "A window ran past the edge of x"),
    ],
    ids=["01's corr2d", "strides ignored", "no jump", "rounded up"],
)
def test_strided_corr2d_slips_are_named(fn, fragment, capsys):
    fb = grade(CORR, fn)
    assert not fb.correct and fragment in fb.message, fb.message
    cl.check(CORR, fn)
    out = capsys.readouterr().out
    assert out.startswith(f"Exercise {CORR}: ") and "Traceback" not in out


def test_the_strided_sweep_hint_nudges_without_giving_the_line(capsys):
    ex = next(e for e in EXERCISES if e.check == "corr2d")
    assert "strides" in ex.question and "my_corr2d(x, k, strides=1)" in ex.question
    for banned in ("x[i", ".sum()", "* k", "i * s", "i*s"):
        assert banned not in ex.hint
    cl.hint(CORR)
    assert "where does the window of output (i, j) start" in capsys.readouterr().out


def test_corr2d_value_mismatch_reports_the_first_bad_position():
    def almost(x, k, s):
        out = scipy_corr(x, k, s)
        out[1, 2] += 1
        return out

    fb = grade(CORR, almost)
    assert not fb.correct and "first mismatch at index (1, 2)" in fb.message


def test_conv2d_slips_are_named():
    def unsummed(x, weights):
        return np.stack(
            [
                np.stack(
                    [
                        correlate2d(x[:, :, c], weights[:, :, c, f], mode="valid")
                        for f in range(weights.shape[3])
                    ],
                    axis=-1,
                )
                for c in range(x.shape[2])
            ],
            axis=2,
        )

    assert "one map per kernel" in grade(CONV, unsummed).message
    assert "averaged instead of added" in grade(CONV, lambda x, w: scipy_conv2d(x, w) / x.shape[2]).message
    channels_first = lambda x, w: np.moveaxis(scipy_conv2d(x, w), -1, 0)  # noqa: E731
    assert "PyTorch's channels-first data order" in grade(CONV, channels_first).message
    first_only = lambda x, w: scipy_conv2d(x[:, :, :1], w[:, :, :1])  # noqa: E731
    assert "first channel" in grade(CONV, first_only).message


def test_the_filters_maps_added_together_are_named():
    """A conv2d that adds every filter's maps into one map, with or without a last axis of 1."""

    def summed(x, weights):
        return sum(
            correlate2d(x[:, :, c], weights[:, :, c, f], mode="valid")
            for f in range(weights.shape[3])
            for c in range(x.shape[2])
        )

    for fn in (summed, lambda x, w: summed(x, w)[..., None]):
        message = grade(CONV, fn).message
        assert "not yet" in message and "the filters' maps added together" in message, message


@pytest.mark.parametrize("channel", [0, 1])
def test_one_kernel_swept_over_every_channel_is_named(channel):
    """A conv2d that sweeps one kernel, the one for ``channel``, over every input channel."""

    def one_kernel(x, weights):
        c = min(channel, weights.shape[2] - 1)
        return np.stack(
            [
                sum(correlate2d(x[:, :, ch], weights[:, :, c, f], mode="valid") for ch in range(x.shape[2]))
                for f in range(weights.shape[3])
            ],
            axis=-1,
        )

    message = grade(CONV, one_kernel).message
    assert "not yet" in message and "one kernel, not a filter" in message, message
    assert f"weights[:, :, {channel}, j]" in message


def test_a_complex_feature_map_is_wrong_even_with_the_right_values():
    def plus_5j(x, k, s):
        return loop_corr(x, k, s) + 5j

    def plus_0j(x, weights):
        return scipy_conv2d(x, weights).astype(complex)

    for n, fn in ((CORR, plus_5j), (CONV, plus_0j)):
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
    fb = grade(CORR, lambda x, k, s: reshape(scipy_corr(x, k, s)))
    assert not fb.correct
    assert "expected shape (3, 3), got" in fb.message  # the first test input: 7 x 7, 3 x 3 kernel, strides 2


def test_integer_results_are_fine():
    assert grade(CORR, lambda x, k, s: scipy_corr(x, k, s).astype(np.int64)).correct


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
        fb = grade(CORR, lambda x, k, s: result)
    assert not fb.correct
    assert "my_corr2d should return an array of real numbers (a feature map)" in fb.message
    assert fragment in fb.message


def test_a_function_with_the_wrong_signature_is_reported(capsys):
    cl.check(CONV, lambda x: x)
    assert capsys.readouterr().out.startswith(f"Exercise {CONV}: my_conv2d raised TypeError")


def test_a_function_that_exits_is_reported_not_obeyed(capsys):
    def quits(x, k, s):
        raise SystemExit("bye")

    cl.check(CORR, quits)
    assert capsys.readouterr().out.strip() == (
        f"Exercise {CORR}: my_corr2d raised SystemExit: bye "
        "(test 1: x of shape (7, 7), kernel of shape (3, 3), strides 2)."
    )


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no str")


def raise_(exc):
    def fn(*args):
        raise exc

    return fn


@pytest.mark.parametrize(
    ("exc", "shown"),
    [
        (Unprintable(), "raised Unprintable (test 1"),
        (BaseException("odd"), "raised BaseException: odd (test 1"),
        (GeneratorExit(), "raised GeneratorExit (test 1"),
        (ValueError("line one\nline two\n" + "x" * 500), "raised ValueError: line one line two xxx"),
        (ZeroDivisionError("division by zero"), "raised ZeroDivisionError: division by zero (test 1"),
    ],
    ids=["bad __str__", "BaseException", "GeneratorExit", "long", "ZeroDivisionError"],
)
@pytest.mark.parametrize("n", [CORR, CONV])
def test_whatever_the_function_raises_is_one_sentence(n, exc, shown, capsys):
    cl.check(n, raise_(exc))
    out = capsys.readouterr().out
    assert out.startswith(f"Exercise {n}: my_") and shown in out, out
    assert "Traceback" not in out and len(out) < 900 and out.count("\n") == 1


class Unreadable:
    """A result whose conversion to an array raises KeyboardInterrupt (the learner's own code again)."""

    def __array__(self, *args, **kwargs):
        raise KeyboardInterrupt


@pytest.mark.parametrize("n", [CORR, CONV])
def test_a_keyboardinterrupt_the_function_raises_itself_is_reported_not_raised(n, capsys):
    """Only the stop button (SIGINT) stops cl.check; a KeyboardInterrupt from the code is its answer."""
    cl.check(n, raise_(KeyboardInterrupt()))
    out = capsys.readouterr().out
    assert out.startswith(f"Exercise {n}: my_") and "raised KeyboardInterrupt (test 1" in out, out
    cl.check(n, lambda *args: Unreadable())
    out = capsys.readouterr().out
    assert "which numpy cannot read as an array" in out, out


def test_the_stop_button_still_stops_a_check():
    """A real SIGINT during the learner's function stops cl.check, as Jupyter's stop button does.

    A kernel runs a cell with Python's default SIGINT handler (it raises ``KeyboardInterrupt``); the
    test puts that handler in place, whatever the test process inherited: a shell without job control
    starts a background job with SIGINT ignored, and Python then leaves it ignored.
    """
    import os

    def pressed_stop(*args):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1)

    found = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        cl.check(CONV, pressed_stop)
    except KeyboardInterrupt:
        pass
    else:
        pytest.fail(f"the stop button did not stop cl.check (SIGINT handler before the test: {found!r})")
    finally:
        signal.signal(signal.SIGINT, found)


# ---------------------------------------------------------------- channels and filters swapped
def swapped_weights(x, weights):
    """The slip: weights[:, :, j, c] for filter j's kernel on channel c (the axes taken the other way)."""
    kh, kw, c_in, filters = weights.shape
    out = np.zeros((x.shape[0] - kh + 1, x.shape[1] - kw + 1, filters))
    for j in range(filters):
        for c in range(c_in):
            out[:, :, j] += correlate2d(x[:, :, c], weights[:, :, j, c], mode="valid")
    return out


SWAP_WORDS = (
    "in and out swapped, channels and filters swapped: weights[:, :, c, j] is the kernel filter j applies "
    "to channel c"
)


def test_swapped_weights_that_raise_an_indexerror_are_named(capsys):
    cl.check(CONV, swapped_weights)
    out = capsys.readouterr().out
    assert out.startswith(f"Exercise {CONV}: my_conv2d raised IndexError: ")
    assert "(test 1: x of shape (5, 5, 3), weights of shape (3, 3, 3, 2))." in out
    assert "where C_in = filters = 3, it runs, and its output is that of swapped weights" in out
    assert SWAP_WORDS in out and "Traceback" not in out


def test_swapped_weights_where_channels_equal_filters_give_wrong_values_and_are_named():
    square_first = code_checks.CodeCheck(
        "my_conv2d",
        "a multi-channel conv2d",
        "weights",
        (((6, 5, 3), (2, 3, 3, 3)),),
        seed=1,
        diagnose=CODE_CHECKS["conv2d"].diagnose,
        when_raised=CODE_CHECKS["conv2d"].when_raised,
    )
    fb = code_checks.grade_code(square_first, "Exercise 37", swapped_weights)
    assert not fb.correct
    assert fb.message.startswith("Exercise 37: not yet — test 1: x of shape (6, 5, 3), weights of shape")
    assert SWAP_WORDS in fb.message
    assert code_checks.grade_code(square_first, "Exercise 37", scipy_conv2d).correct


def test_weights_whose_shape_is_read_the_other_way_round_are_named():
    def misread(x, weights):
        kh, kw, filters, c_in = weights.shape  # the slip: (kh, kw, filters, C_in)
        out = np.zeros((x.shape[0] - kh + 1, x.shape[1] - kw + 1, filters))
        for j in range(filters):
            for c in range(c_in):
                out[:, :, j] += correlate2d(x[:, :, c], weights[:, :, j, c], mode="valid")
        return out

    fb = grade(CONV, misread)
    assert not fb.correct and "expected shape (3, 3, 2), got (3, 3, 3)" in fb.message
    assert "You read the weights' shape as (kh, kw, filters, C_in)" in fb.message and SWAP_WORDS in fb.message
    assert "one map per kernel" not in fb.message


def test_another_indexerror_gets_the_weights_layout_not_the_swap(capsys):
    def reads_past_the_filters(x, weights):
        return weights[:, :, :, weights.shape[3]]

    cl.check(CONV, reads_past_the_filters)
    out = capsys.readouterr().out
    assert (
        "raised IndexError" in out and "Check the order of the weights' axes: (kh, kw, C_in, filters)" in out
    )
    assert "swapped weights" not in out


def test_the_multichannel_messages_call_the_4d_tensor_weights():
    messages = [
        grade(CONV, lambda x, w: np.zeros((1, 1))).message,
        grade(CONV, swapped_weights).message,
        grade(CONV, lambda x, w: scipy_conv2d(x, w) + 1).message,
    ]
    for message in messages:
        assert "weights of shape (" in message and not re.search(r"kernel of shape \(\d+, \d+, \d+", message)


# ---------------------------------------------------------------- a function that never returns
def spin(*args):
    while True:
        pass


def counts_forever(*args):
    i = 0
    while i < 10:
        i = i * 1


def catches_everything(*args):
    while True:
        try:
            time.sleep(0.01)
        except BaseException:
            pass


def catches_exception(*args):
    while True:
        try:
            sum(range(1000))
        except Exception:
            pass


def sleeps(*args):
    time.sleep(60)


def state():
    """What a time limit must leave as it was: handler, timer, trace function, threads."""
    alarm = (signal.getsignal(signal.SIGALRM), signal.getitimer(signal.ITIMER_REAL)) if HAS_ALARM else None
    return alarm, sys.gettrace(), threading.active_count()


def stopped_within(n, fn, limit, capsys):
    before = state()
    start = time.monotonic()
    cl.check(n, fn)
    took = time.monotonic() - start
    out = capsys.readouterr().out.strip()
    assert out.startswith(f"Exercise {n}: my_") and f"did not finish within {limit:g} seconds" in out
    assert "so it was stopped" in out and "Traceback" not in out
    assert took < limit + 2.0, f"stopped only after {took:.1f} s"
    assert state() == before, "a timer, handler, trace function or thread was left behind"
    return took


@pytest.mark.parametrize("fn", [spin, counts_forever, catches_exception], ids=lambda f: f.__name__)
def test_an_endless_loop_is_stopped_in_the_main_thread(fn, short_limit, capsys):
    stopped_within(CORR, fn, short_limit, capsys)


@pytest.mark.skipif(not HAS_ALARM, reason="SIGALRM is not available on this platform")
@pytest.mark.parametrize("fn", [sleeps, catches_everything], ids=lambda f: f.__name__)
def test_sleeping_and_a_bare_except_are_stopped_too(fn, short_limit, capsys):
    stopped_within(CONV, fn, short_limit, capsys)


@pytest.mark.parametrize("fn", [spin, counts_forever, catches_exception], ids=lambda f: f.__name__)
def test_away_from_the_main_thread_a_trace_function_stops_it(fn, short_limit):
    result = queue.Queue()

    def worker():
        before = sys.gettrace()
        start = time.monotonic()
        message = grade(CORR, fn).message
        result.put((message, time.monotonic() - start, sys.gettrace() is before))

    thread = threading.Thread(target=worker, daemon=True)
    thread.start()
    message, took, trace_restored = result.get(timeout=20)
    thread.join(5)
    assert "did not finish within 0.4 seconds" in message and took < 3
    assert trace_restored


def test_no_cpu_is_burnt_after_a_stop(short_limit, capsys):
    threads = threading.active_count()
    cl.check(CORR, spin)
    capsys.readouterr()
    cpu = time.process_time()
    time.sleep(0.5)
    assert time.process_time() - cpu < 0.1, "something kept running after the check"
    assert threading.active_count() == threads


def test_the_trace_path_restores_an_existing_trace_function(short_limit):
    calls = []

    def outer_tracer(frame, event, arg):
        calls.append(event)
        return None

    sys.settrace(outer_tracer)
    try:
        with pytest.raises(deadline.TimeUp):
            deadline.call_with_deadline(spin, (None, None), 0.2, use_alarm=False)
        assert sys.gettrace() is outer_tracer
    finally:
        sys.settrace(None)


@pytest.mark.skipif(not HAS_ALARM, reason="SIGALRM is not available on this platform")
def test_the_alarm_path_puts_back_a_previous_handler_and_leaves_a_running_timer_alone(short_limit):
    seen = []
    previous = signal.signal(signal.SIGALRM, lambda *a: seen.append("theirs"))
    try:
        assert deadline.call_with_deadline(lambda: 42, (), 1.0) == 42
        with pytest.raises(deadline.TimeUp):
            deadline.call_with_deadline(spin, (None, None), 0.2)
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        signal.setitimer(signal.ITIMER_REAL, 30)  # someone else's timer: use the trace function instead
        with pytest.raises(deadline.TimeUp):
            deadline.call_with_deadline(spin, (None, None), 0.2)
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 25  # still theirs, still running
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert seen == []


def test_a_fast_correct_function_is_not_slowed_into_a_timeout():
    def slow_but_fine(x, k, strides=1):
        time.sleep(0.05)
        return loop_corr(x, k, strides)

    assert grade(CORR, slow_but_fine).correct


@pytest.mark.skipif(not HAS_ALARM, reason="SIGALRM is not available on this platform")
def test_an_endless_loop_is_stopped_in_a_jupyter_kernel():
    """Cell code runs in the kernel's main thread: cl.check stops the loop there and the kernel lives on."""
    manager = pytest.importorskip("jupyter_client.manager")
    km, kc = manager.start_new_kernel(kernel_name="python3")
    outputs = []

    def keep(msg):
        if msg["msg_type"] == "stream":
            outputs.append(msg["content"]["text"])

    code = textwrap.dedent(
        f"""
        import signal, threading
        import convlesson as cl
        from convlesson.exercises import code_checks
        code_checks.TIME_LIMIT = 1
        def my_corr2d(x, k, strides=1):
            while True:
                pass
        before = threading.active_count()
        cl.check({CORR}, my_corr2d)
        print(signal.getitimer(signal.ITIMER_REAL), threading.active_count() == before)
        """
    )
    try:
        start = time.monotonic()
        reply = kc.execute_interactive(code, output_hook=keep, timeout=60)
        took = time.monotonic() - start
        again = kc.execute_interactive("print(6 * 7)", output_hook=keep, timeout=30)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    text = "".join(outputs)
    assert reply["content"]["status"] == "ok" and again["content"]["status"] == "ok"
    assert f"Exercise {CORR}: my_corr2d did not finish within 1 seconds" in text
    assert "(0.0, 0.0) True" in text and "42" in text
    assert "Traceback" not in text and took < 30
