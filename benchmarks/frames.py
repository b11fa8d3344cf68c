"""Where a frame's time goes, full redraw against the frame caches: every control of every explorer moved
through its whole range, in one process, the paths interleaved frame by frame.

Paths, each made of its own explorers (the same moves, one frame each in turn, the first to go changing
every frame so that the machine's load falls on all alike):

* ``full``: ``FRAMES = "full"``, every frame drawn whole by ``canvas.draw()`` with none of the frame
  caches (labels rasterised by matplotlib, grids gathered again) and encoded whole (``png_bytes``): the
  full redraw, the reference;
* ``changed``: the default path: ``canvas.draw()`` with the frame caches (labels made from kept glyphs,
  grids' pixels kept while they hold) and only the PNG bands whose pixels changed deflated again;
* ``base``: the package as it was before the frame caches and the other speed-ups, when a copy of it is
  importable as ``convlesson_base`` (``--base DIR`` puts ``DIR`` on the path; see ``--help``).

Each path keeps its own module caches (label stamps, measured texts, glyphs, ...), swapped in before
each of its frames, so that no path draws a label another path has just rasterised. matplotlib's own
caches (fonts) are shared.

For each explorer (FilterSweep twice: its numbers view and its 3-D view), in normal and lecture mode,
from its default settings and from its largest, every control is walked through its range as its
widget offers it then (a slider from its value up to its max, down to its min and back; a dropdown
through every option and back; a checkbox off and on), one frame per value, the way a learner's
slider does it (``control.value = v``; the observer draws the frame). ``Play`` rows step FilterSweep's
``step`` through every position at its largest settings (c_in 4, filters 3, kernel_size 5,
input_size 8, padding 'full': 144 positions), in each view.

Each frame's wall time is split into ``widgets`` (validation, rules, traits, the readout), ``_draw``
(the picture's artists updated), ``canvas.draw`` -- itself split by who draws: ``text`` (Text,
labels, numbers), ``images`` (grids), ``patches``, ``lines`` and ``other`` (figure, Axes) -- and
``png`` (encoding). A frame is ``first`` when its path had never drawn that explorer in that state
(settings and mode) before in this run, else ``repeat`` (a slider walked back over values it passed):
caches of labels and measured texts make repeats cheaper, so both are reported. A last table gives,
per explorer, what the default path's frames cost besides ``canvas.draw`` (widgets, ``_draw``, PNG)
and how many frames that alone takes over 10 ms: the part no way of redrawing can save.

Run: ``python benchmarks/frames.py [--modes normal,lecture] [--only KernelSweep,...] [--paths
base,full,changed] [--before <commit>]`` -- ``--before`` copies the package at that commit (``git
archive``) into a temporary directory as ``convlesson_base``; ``--base DIR`` uses such a copy made by
hand (``git archive <commit> convlesson | tar -x -C DIR && mv DIR/convlesson DIR/convlesson_base``).
``benchmarks/explorers.py`` runs this comparison first.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections import defaultdict

import ipywidgets as widgets
import matplotlib
import numpy as np
from frame_clocks import Clock, copy_before, instrument, module_caches, packages, timed_draw

import convlesson as cl

LARGEST_SWEEP = {"c_in": 4, "filters": 3, "kernel_size": 5, "input_size": 8, "padding": "full"}
#: name -> (class name, default settings, largest settings, controls not walked)
CONFIGS = {
    "KernelSweep": ("KernelSweep", {}, {"input_size": 10, "kernel_size": 7, "padding": "same"}, ()),
    "ChannelSum": ("ChannelSum", {}, {"c_in": 8, "kernel_size": 7}, ()),
    "FilterBank": ("FilterBank", {}, {"c_in": 8, "filters": 8, "kernel_size": 7}, ()),
    "Playground": ("Playground", {}, {"filters": 8, "kernel_size": 7}, ()),
    "GroupedConv": ("GroupedConv", {}, {"c_in": 8, "filters": 8, "kernel_size": 5}, ()),
    "FilterSweep": ("FilterSweep", {}, LARGEST_SWEEP, ()),
    "FilterSweep 3-D": ("FilterSweep", {"view": "3-D"}, {**LARGEST_SWEEP, "view": "3-D"}, ("view",)),
    "LearnedLayers": ("LearnedLayers", {}, {"conv_layer": 2, "filters": 16}, ()),
}
CATEGORIES = ("text", "images", "patches", "lines")
PHASES = ("total", "widgets", "_draw", "canvas.draw", *CATEGORIES, "other", "png")


# ------------------------------------------------------------------------------------------ walks
def walk(control) -> list:
    """The values a control takes moved through its whole range, from its current value and back."""
    v = control.value
    if isinstance(control, widgets.Checkbox):
        return [not v, v]
    if isinstance(control, widgets.Dropdown):
        opts = list(control.options)
        i = opts.index(v)
        return opts[i + 1 :] + opts[:i] + [v] if len(opts) > 1 else []
    if isinstance(control, widgets.FloatSlider):
        step = control.step
        n = round((control.max - control.min) / step) + 1
        grid = [round(control.min + k * step, 10) for k in range(n)]
        i = min(range(len(grid)), key=lambda k: abs(grid[k] - v))
        return grid[i + 1 :] + grid[::-1][1:] + grid[1 : i + 1]
    lo, hi = control.min, control.max
    if lo == hi:
        return []
    return list(range(v + 1, hi + 1)) + list(range(hi - 1, lo - 1, -1)) + list(range(lo + 1, v + 1))


def _fresh(cache):
    """An empty cache like ``cache`` (same budget, same way of counting bytes)."""
    return type(cache)(cache.max_bytes, cache._size)


class Path:
    """One way of making frames: its explorers, its module caches, the states it has drawn."""

    def __init__(self, name: str, pkg):
        self.name, self.pkg = name, pkg
        self.caches = {(m, n): _fresh(getattr(m, n)) for m, n in module_caches(pkg)}
        self.seen: set = set()

    def swap_in(self) -> None:
        for (module, name), cache in self.caches.items():
            setattr(module, name, cache)

    def make(self, cls_name: str, kw: dict):
        self.swap_in()
        ex = getattr(self.pkg, cls_name)(**kw)
        if self.name == "full":
            ex.FRAMES = "full"
            ex._pending = True
            ex.flush()  # the first frame on its own path (the constructor drew one the default way)
        return ex


def move(path: Path, ex, clock: Clock, name: str, v, mode: str):
    """Set one control; the frame's phases in ms, or None when no frame was drawn."""
    path.swap_in()
    clock.acc.clear()
    drawn = ex.frames_drawn
    t0 = time.perf_counter()
    try:
        ex.controls[name].value = v
    except ValueError:
        return None
    total = time.perf_counter() - t0
    if ex.frames_drawn == drawn:
        return None
    rec = {k: 1000 * clock.acc.get(k, 0.0) for k in ("_draw", "canvas.draw", "frame", *CATEGORIES)}
    rec["other"] = rec["canvas.draw"] - sum(rec[c] for c in CATEGORIES)
    rec["png"] = rec["frame"] - rec["canvas.draw"]
    rec["total"] = 1000 * total
    rec["widgets"] = rec["total"] - rec["_draw"] - rec["frame"]
    key = (type(ex).__name__, mode, tuple(sorted((k, str(x)) for k, x in ex.state.items())))
    rec["first"] = key not in path.seen
    path.seen.add(key)
    return rec


def interleaved(paths, exs, clock, moves, mode) -> list[list[dict]]:
    """Each move made on every path's explorer in turn (who goes first changes every move)."""
    outs = [[] for _ in paths]
    for ex in exs:
        timed_draw(ex, clock)
    for turn, (name, v) in enumerate(moves):
        if name is None:  # put the settings back (not timed)
            for path, ex in zip(paths, exs, strict=True):
                path.swap_in()
                ex.set(**v)
            continue
        order = list(range(len(paths)))
        order = order[turn % len(order) :] + order[: turn % len(order)]
        for i in order:
            rec = move(paths[i], exs[i], clock, name, v, mode)
            if rec is not None:
                outs[i].append(rec)
    return outs


def control_moves(ex, skip=()):
    """``(control, value)`` moves: every control walked; ``(None, settings)`` puts them back after each."""
    for name, control in list(ex.controls.items()):
        if name in skip:
            continue
        start = dict(ex.state)
        values = walk(control)
        for v in values:
            if isinstance(control, widgets.Dropdown) and v not in control.options:
                continue
            yield name, v
        yield None, start


# ------------------------------------------------------------------------------------------ report
def stats(recs, key="total"):
    vals = [r[key] for r in recs]
    return (float(np.median(vals)), float(np.percentile(vals, 95))) if vals else (float("nan"),) * 2


def row(label, recs) -> str:
    if not recs:
        return f"{label:<34} no frames"
    med = [stats(recs, p)[0] for p in PHASES]
    p95 = stats(recs)[1]
    first = [r for r in recs if r["first"]]
    repeat = [r for r in recs if not r["first"]]
    return (
        f"{label:<34} {len(recs):5d} {med[0]:7.1f} {p95:7.1f} {stats(first)[0]:7.1f} {stats(repeat)[0]:7.1f} "
        + " ".join(f"{m:7.1f}" for m in med[1:])
    )


def header() -> str:
    cols = ["median", "p95", "first", "repeat", *PHASES[1:]]
    return f"{'explorer (mode) path':<34} {'n':>5} " + " ".join(f"{c[:7]:>7}" for c in cols)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modes", default="normal,lecture")
    parser.add_argument("--only", default="", help="comma-separated configurations (default: all)")
    parser.add_argument("--paths", default="base,full,changed", help="any of base, full, changed")
    parser.add_argument("--base", default="", help="a directory holding convlesson_base (put on the path)")
    parser.add_argument("--before", default="", help="a commit: the package then is the 'base' path")
    parser.add_argument("--no-play", action="store_true", help="skip FilterSweep's Play rows")
    args = parser.parse_args(argv)
    if args.before:
        args.base = copy_before(args.before)
        print(f"base: the package at {args.before}, copied into {args.base}")
    if args.base:
        sys.path.insert(0, args.base)
    pkgs = packages()
    wanted = args.paths.split(",")
    if "base" in wanted and "base" not in pkgs:
        print("(no convlesson_base importable: no 'base' path; see --help)")
        wanted = [p for p in wanted if p != "base"]
    names = [n for n in CONFIGS if not args.only or n in args.only.split(",")]
    fast_text = importlib.import_module("convlesson.pictures.fast_text")
    glyphs = importlib.import_module("convlesson.pictures.glyphs")
    print(
        f"matplotlib {matplotlib.__version__}, numpy {np.__version__}, label path {fast_text.text_path()}, "
        f"new labels from {glyphs.glyph_path()}"
    )
    for p in wanted:
        print(f"  {p}: {pkgs['base' if p == 'base' else 'new'].__file__}")
    print(f"load average (1, 5, 15 min) at the start: {os.getloadavg()}, {time.strftime('%H:%M:%S')}")
    print("medians in ms over every frame of every control walked through its range, default + largest")
    print("settings; 'p95' of all frames, 'first'/'repeat' medians of states drawn for the first time/again")
    clock = Clock()
    instrument(clock, pkgs)
    summary = []
    try:
        for mode in args.modes.split(","):
            paths = [Path(p, pkgs["base" if p == "base" else "new"]) for p in wanted]
            for pkg in pkgs.values():
                pkg.lecture_mode(mode == "lecture")
            print(f"\n=== {mode} mode ===\n{header()}")
            for name in names:
                cls_name, default, largest, skip = CONFIGS[name]
                recs = [[] for _ in paths]
                for kw in (default, largest):
                    exs = [p.make(cls_name, kw) for p in paths]
                    moves = list(control_moves(exs[0], skip))
                    for r, got in zip(recs, interleaved(paths, exs, clock, moves, mode), strict=True):
                        r += got
                    for ex in exs:
                        ex.close()
                for path, r in zip(paths, recs, strict=True):
                    print(row(f"{name} ({mode}) {path.name}", r), flush=True)
                summary.append((f"{name} ({mode})", [r for r in recs]))
            if not args.no_play and ("FilterSweep" in names or not args.only):
                for view in ("numbers", "3-D"):
                    exs = [p.make("FilterSweep", {**LARGEST_SWEEP, "view": view}) for p in paths]
                    last = exs[0].controls["step"].max
                    moves = [("step", v) for v in [*range(1, last + 1), 0]]
                    recs = interleaved(paths, exs, clock, moves, mode)
                    for ex in exs:
                        ex.close()
                    label = f"Play, largest, {view} ({mode})"
                    for path, r in zip(paths, recs, strict=True):
                        print(row(f"{label} {path.name}", r), flush=True)
                    summary.append((label, recs))
            for pkg in pkgs.values():
                pkg.lecture_mode(False)
    finally:
        clock.restore()
    print_summary(wanted, summary)
    print()
    png_floor()
    print(f"load average (1, 5, 15 min) at the end: {os.getloadavg()}")


def png_floor() -> None:
    """What encoding alone costs for a whole 840-px frame: the floor of a frame where everything moved."""
    from convlesson.pictures.render import BandedPng, png_bytes

    for name, kw in (("KernelSweep", {}), ("FilterBank", {"c_in": 8, "filters": 8, "kernel_size": 7})):
        ex = getattr(cl, name)(**kw)
        rgba = np.asarray(ex.figure.canvas.buffer_rgba()).copy()
        ex.close()
        names = ("png_bytes (whole, zlib 1)", "BandedPng, every band", "BandedPng, one band new")
        timings = {k: [] for k in names}
        kept = BandedPng()
        kept.encode(rgba)
        edited = rgba.copy()
        for i in range(21):
            t0 = time.perf_counter()
            png_bytes(rgba)
            t1 = time.perf_counter()
            BandedPng().encode(rgba)
            t2 = time.perf_counter()
            edited[40, 40, 0] = i  # one pixel: one band deflated again
            kept.encode(edited)
            t3 = time.perf_counter()
            for key, dt in zip(timings, (t1 - t0, t2 - t1, t3 - t2), strict=True):
                timings[key].append(1000 * dt)
        cells = ", ".join(f"{k} {np.median(v):.1f} ms" for k, v in timings.items())
        print(f"PNG alone, {name} frame {rgba.shape[1]} x {rgba.shape[0]}: {cells}")


def print_summary(wanted, summary) -> None:
    print("\n=== summary: median (p95) ms per frame; ratio = full / changed (base / changed) ===")
    cols = " ".join(f"{p + ' med (p95)':>18}" for p in wanted)
    print(f"{'explorer (mode)':<34} {cols} {'ratio':>6}  first: full -> changed")
    every = defaultdict(list)
    for label, recs in summary:
        cells = []
        for p, r in zip(wanted, recs, strict=True):
            med, p95 = stats(r)
            cells.append(f"{med:9.1f} ({p95:6.1f})")
            if not label.startswith("Play,"):
                every[(p, label.rsplit("(", 1)[1])] += r
        by = dict(zip(wanted, recs, strict=True))
        both = {"full", "changed"} <= set(by)
        ratio = stats(by["full"])[0] / stats(by["changed"])[0] if both else float("nan")
        if "base" in by and "changed" in by:
            cells.append(f"({stats(by['base'])[0] / stats(by['changed'])[0]:.2f})")
        firsts = ""
        if {"full", "changed"} <= set(by):
            f0 = stats([x for x in by["full"] if x["first"]])[0]
            f1 = stats([x for x in by["changed"] if x["first"]])[0]
            firsts = f"{f0:6.1f} -> {f1:5.1f}"
        print(f"{label:<34} {' '.join(cells)} {ratio:6.2f}  {firsts}")
    for mode in sorted({m for _, m in every}):
        cells = []
        for p in wanted:
            med, p95 = stats(every[(p, mode)])
            first = stats([x for x in every[(p, mode)] if x["first"]])[0]
            cells.append(f"{p} {med:.1f} (p95 {p95:.1f}, first {first:.1f})")
        print(f"every control of every explorer, {mode[:-1]}: " + "; ".join(cells))
    if "changed" in wanted:
        per = [(label, stats(recs[wanted.index("changed")])[0]) for label, recs in summary]
        slow = [f"{label} {m:.1f}" for label, m in per if not label.startswith("Play,") and m > 10]
        play = [f"{label} {m:.1f}" for label, m in per if label.startswith("Play,")]
        verdict = "met everywhere" if not slow else "over in " + ", ".join(slow)
        print("target <= 10 ms median per frame: " + verdict)
        print("target <= 15 ms for Play at the largest settings: " + ", ".join(play))
        print_floor(summary, wanted.index("changed"))


def print_floor(summary, index: int) -> None:
    """What the default path's frames cost besides ``canvas.draw``: what no way of redrawing can save.

    Per frame, ``besides`` is the frame's time less its ``canvas.draw`` (the widgets, the picture's
    ``_draw`` and the PNG encoding); the table gives its median, the medians of its parts, and the
    share of frames where it alone is over 10 ms -- frames that would miss the target even if drawing
    cost nothing.
    """
    print("\n=== the default path besides canvas.draw (ms): what no way of redrawing can save ===")
    cols = ("frame", "draw", "besides", "widgets", "_draw", "png", ">10 ms")
    print(f"{'explorer (mode)':<34} " + " ".join(f"{c:>7}" for c in cols))
    every = defaultdict(list)

    def line(label, recs):
        rest = [r["total"] - r["canvas.draw"] for r in recs]
        if not rest:
            return
        meds = [stats(recs, k)[0] for k in ("total", "canvas.draw")] + [float(np.median(rest))]
        meds += [stats(recs, k)[0] for k in ("widgets", "_draw", "png")]
        over = 100 * sum(x > 10 for x in rest) / len(rest)
        print(f"{label:<34} " + " ".join(f"{m:7.1f}" for m in meds) + f" {over:6.0f}%")

    for label, recs in summary:
        line(label, recs[index])
        if not label.startswith("Play,"):
            every[label.rsplit("(", 1)[1]] += recs[index]
    for mode, recs in sorted(every.items()):
        line(f"every control, {mode[:-1]}", recs)


if __name__ == "__main__":
    main()
