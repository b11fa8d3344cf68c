"""The tools of ``benchmarks/frames.py``: the package at an earlier commit, and clocks that split a
frame's time by who spends it (``canvas.draw`` by the kind of artist drawing, the explorer's ``_draw``,
the PNG encoding).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import tempfile
import time
from collections import defaultdict

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.image import _ImageBase
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text

import convlesson as cl
from convlesson.core.bounded_cache import BoundedCache

__all__ = ["copy_before", "packages", "module_caches", "Clock", "instrument", "timed_draw"]


# ------------------------------------------------------------------------------------------ packages
def copy_before(commit: str) -> str:
    """A temporary directory holding the package at ``commit`` as ``convlesson_base``."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    where = tempfile.mkdtemp(prefix="convlesson_base_")
    archive = subprocess.run(
        ["git", "-C", root, "archive", commit, "convlesson"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", where], input=archive, check=True)
    os.rename(os.path.join(where, "convlesson"), os.path.join(where, "convlesson_base"))
    return where


def packages() -> dict:
    """``{"new": convlesson, "base": convlesson_base}`` (the second only when importable)."""
    out = {"new": cl}
    try:
        import convlesson_base  # the package before, under another name (see the module's docstring)

        out["base"] = convlesson_base
    except ImportError:
        pass
    return out


def module_caches(pkg) -> list:
    """``(module, name)`` of every :class:`BoundedCache` a module of the package keeps at module level
    (its ``core``, ``pictures`` and ``explorers``, as ``tests/live_helpers.module_caches`` scans)."""
    found = []
    for part in ("core", "pictures", "explorers"):
        package = importlib.import_module(f"{pkg.__name__}.{part}")
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            kept = [n for n, v in vars(module).items() if type(v).__name__ == BoundedCache.__name__]
            found += [(module, n) for n in kept]
    return found


# ------------------------------------------------------------------------------------------ timers
class Clock:
    """Seconds per category; a wrapped draw method counts only when it is the outermost one running."""

    def __init__(self):
        self.acc = defaultdict(float)
        self.depth = 0
        self.undo = []

    def wrap(self, cls, name, category):
        original = cls.__dict__[name]
        clock = self

        def timed(*a, **k):
            if clock.depth:
                return original(*a, **k)
            clock.depth += 1
            t0 = time.perf_counter()
            try:
                return original(*a, **k)
            finally:
                clock.acc[category] += time.perf_counter() - t0
                clock.depth -= 1

        setattr(cls, name, timed)
        self.undo.append((cls, name, original))

    def wrap_free(self, obj, name, category):
        """Time calls of ``obj.name`` whatever is running (a frame's phases: ``canvas.draw``, ``frame``)."""
        original = obj.__dict__[name]
        clock = self

        def timed(*a, **k):
            t0 = time.perf_counter()
            depth, clock.depth = clock.depth, 0
            try:
                return original(*a, **k)
            finally:
                clock.depth = depth
                clock.acc[category] += time.perf_counter() - t0

        setattr(obj, name, timed)
        self.undo.append((obj, name, original))

    def restore(self):
        for obj, name, original in reversed(self.undo):
            setattr(obj, name, original)
        self.undo.clear()


def instrument(clock: Clock, pkgs: dict) -> None:
    clock.wrap(Text, "draw", "text")
    clock.wrap(_ImageBase, "draw", "images")
    clock.wrap(Patch, "draw", "patches")
    clock.wrap(Line2D, "draw", "lines")
    clock.wrap_free(FigureCanvasAgg, "draw", "canvas.draw")
    for pkg in pkgs.values():
        name = pkg.__name__
        clock.wrap(importlib.import_module(f"{name}.pictures.fast_text").FastText, "draw", "text")
        clock.wrap(importlib.import_module(f"{name}.pictures.text_art").NumberArt, "draw", "text")
        clock.wrap(importlib.import_module(f"{name}.pictures.fast_cells").CellImage, "draw", "images")
        frames = importlib.import_module(f"{name}.explorers.frames")
        if "_frame_png" in frames.FrameLoop.__dict__:
            clock.wrap_free(frames.FrameLoop, "_frame_png", "frame")
        else:  # the code before: flush() called render_png
            clock.wrap_free(frames, "render_png", "frame")


def timed_draw(ex, clock) -> None:
    original = ex._draw

    def _draw():
        t0 = time.perf_counter()
        try:
            return original()
        finally:
            clock.acc["_draw"] += time.perf_counter() - t0

    ex._draw = _draw
