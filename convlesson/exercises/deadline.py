"""Run a learner's function with a time limit, in the calling thread: a loop that never ends is stopped.

``call_with_deadline(fn, args, seconds)`` returns ``fn(*args)`` or raises :class:`TimeUp` once
``seconds`` have passed. In a Jupyter kernel a cell's code runs in the main thread, so it is stopped
there, without starting any thread:

- **SIGALRM** (Linux, macOS), in the main thread when no other interval timer is running: a real-time
  timer fires at the deadline and its handler raises :class:`TimeUp` inside the learner's code, even
  in ``time.sleep``. The handler also traces the learner's frames, so that if a bare ``except:``
  swallows the exception, the next line that runs (the ``except`` body's, outside the ``try``) raises
  it again; and the timer repeats every :data:`REPEAT` seconds until the call is over. Afterwards the
  timer is cleared and the previous handler and trace function are put back.
- **A trace function** everywhere else (Windows, a worker thread, a timer already in use): it checks
  the clock on every instruction the learner's Python code runs and raises :class:`TimeUp` past the
  deadline (this slows the learner's code down, which the small test inputs allow). It cannot stop a
  single long call into C (``time.sleep(100)``), nor a loop that swallows the exception with a bare
  ``except:``; the previous trace function (a debugger's, coverage's) is put back afterwards.

:class:`TimeUp` derives from ``BaseException``, so ``except Exception`` in the learner's code lets it
through. Nothing is left running once the call returns or is stopped.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager

from ..core.language import catalog

__all__ = ["TimeUp", "call_with_deadline", "REPEAT", "watching_stop", "stop_pressed"]

#: After the deadline, SIGALRM fires again every REPEAT seconds until the call is over.
REPEAT = 0.2


class TimeUp(BaseException):
    """The learner's function ran past its deadline (a ``BaseException``: ``except Exception`` lets it by)."""

    def __init__(self, seconds: float):
        super().__init__(catalog("exercises")("time_up", seconds=f"{seconds:g}"))
        self.seconds = seconds


def call_with_deadline(fn: Callable, args: tuple, seconds: float, *, use_alarm: bool | None = None):
    """``fn(*args)``, stopped with :class:`TimeUp` after ``seconds``.

    Parameters
    ----------
    fn : callable
    args : tuple
    seconds : float
        The time limit, more than 0.
    use_alarm : bool or None
        None (the default) uses SIGALRM where it can and a trace function elsewhere; False forces
        the trace function (tests use it to exercise that path).
    """
    if use_alarm is None:
        use_alarm = _alarm_available()
    if use_alarm:
        return _with_alarm(fn, args, seconds)
    return _with_trace(fn, args, seconds)


def _alarm_available() -> bool:
    """SIGALRM can be used: it exists, this is the main thread, and no interval timer is running."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    try:
        return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    except (OSError, ValueError):
        return False


def _let_pending_handlers_run() -> None:
    """A backward jump: Python runs any signal handler that is due before going on."""
    for _ in range(2):
        pass


def _with_alarm(fn: Callable, args: tuple, seconds: float):
    running = [True]
    here = sys._getframe()

    def tracer(frame, event, arg):
        # raise again only inside a handler that caught TimeUp: raised anywhere else (on the "exception"
        # event, or on the except line itself) the same handler would catch it once more
        if running[0] and event == "line" and isinstance(sys.exc_info()[1], TimeUp):
            raise TimeUp(seconds)
        return tracer if running[0] else None

    def on_alarm(signum, frame):
        if not running[0]:
            return
        # trace the learner's frames (up to this call): a swallowed TimeUp is raised again on the next line
        sys.settrace(tracer)
        while frame is not None and frame is not here:
            frame.f_trace = tracer
            frame = frame.f_back
        raise TimeUp(seconds)

    previous_trace = sys.gettrace()
    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
        try:
            return fn(*args)
        finally:
            running[0] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            _let_pending_handlers_run()
            sys.settrace(previous_trace)
    finally:
        signal.signal(signal.SIGALRM, previous)


def _with_trace(fn: Callable, args: tuple, seconds: float):
    deadline = time.monotonic() + seconds
    previous = sys.gettrace()

    def tracer(frame, event, arg):
        if time.monotonic() > deadline:
            raise TimeUp(seconds)
        if event == "call":  # every instruction, not only every line: `while True: pass` has one line
            frame.f_trace_opcodes = True
        return tracer

    sys.settrace(tracer)
    try:
        return fn(*args)
    finally:
        sys.settrace(previous)


# ------------------------------------------------------------------ the stop button
_stop = {"pressed": False}


@contextmanager
def watching_stop():
    """Within, tell the learner's stop button from a ``KeyboardInterrupt`` their own code raises.

    Jupyter's stop button sends SIGINT, which Python turns into a ``KeyboardInterrupt`` in the main
    thread. While this is active a SIGINT is noted before it is handed on (so :func:`stop_pressed`
    says whether one came); a ``KeyboardInterrupt`` with no SIGINT behind it was raised by the code.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # no signal reaches another thread: any KeyboardInterrupt there is the code's own
        return
    previous = signal.getsignal(signal.SIGINT)

    def on_sigint(signum, frame):
        _stop["pressed"] = True
        if callable(previous):
            previous(signum, frame)
        elif previous != signal.SIG_IGN:
            raise KeyboardInterrupt

    _stop["pressed"] = False
    signal.signal(signal.SIGINT, on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def stop_pressed(exc: BaseException) -> bool:
    """Whether ``exc`` is the stop button (a SIGINT came while :func:`watching_stop` was active)."""
    return isinstance(exc, KeyboardInterrupt) and _stop["pressed"]
