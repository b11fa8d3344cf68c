"""How fast the explorers redraw: milliseconds from a control change to new PNG bytes.

First (``--tables frames``, the default), the frames made the explorers' default way -- label stamps
from kept glyphs, grids' pixels kept, only the changed bands of the PNG deflated again -- against the
full redraw (``FRAMES = "full"``) and, with ``--before <commit>``, against the package at that commit,
interleaved frame by frame in one process: every control of every explorer moved through its whole
range, normal and lecture mode, the median ms per frame, the ratio, FilterSweep's Play step at its
largest settings, and where a frame's time goes (widgets, ``_draw``, ``canvas.draw`` split into text,
images, patches and lines, PNG encoding). See ``benchmarks/frames.py``, which does that part.

Then (``--tables controls`` or ``both``), the older per-control table:
For every explorer and every control, at default settings and at the largest (C_in = 8,
filters = 8, kernel_size = 7 where the explorer has them), this sets ``control.value``, calls
``flush()`` and reads ``image.value``, and prints the median and 95th percentile. It also times
the same picture made the naive way (a new pyplot figure with one Axes per kernel and per map,
``imshow`` each, ``savefig`` to PNG, close) and prints the ratio of medians.

The whole table is printed twice: with the fast path (labels pasted from cached stamps,
:mod:`convlesson.pictures.fast_text`, and grids of cells pasted without resampling,
:mod:`convlesson.pictures.fast_cells`)
and with stock matplotlib text and images, the fallback used when the fast path fails its check or
``CONVLESSON_STOCK_TEXT=1`` is set.

Run: ``python benchmarks/explorers.py [--before <commit>] [--tables frames|controls|both] [--repeats N]
[--path fast|stock|both]``
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time

import ipywidgets as widgets
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import convlesson as cl  # noqa: E402
from convlesson.pictures import fast_text  # noqa: E402
from convlesson.pictures.text_art import MAX_NUMBERS

LARGEST = {"c_in": 8, "filters": 8, "kernel_size": 7}
#: FilterSweep's own largest settings (its sliders stop lower: every number must stay readable).
LARGEST_SWEEP = {"c_in": 4, "filters": 3, "kernel_size": 5, "input_size": 8}


def other_value(control):
    """A neighbouring value to flip to (so that every set is a real change)."""
    if isinstance(control, widgets.Checkbox):
        return not control.value
    if isinstance(control, widgets.Dropdown):
        opts = list(control.options)
        return opts[(opts.index(control.value) + 1) % len(opts)] if len(opts) > 1 else None
    if isinstance(control, widgets.FloatSlider):
        return control.min if control.value != control.min else control.max
    if control.max == control.min:
        return None
    return control.value - 1 if control.value > control.min else control.value + 1


def time_control(ex, name, repeats):
    control = ex.controls[name]
    a = control.value
    b = other_value(control)
    if b is None:
        return None
    times = []
    for i in range(repeats):
        t0 = time.perf_counter()
        control.value = b if i % 2 == 0 else a
        ex.flush()
        png = ex.image.value
        times.append((time.perf_counter() - t0) * 1000)
        assert png[:4] == b"\x89PNG"
    control.value = a
    ex.flush()
    return times


def naive_frame(ex):
    """The same picture made the naive way: a new pyplot figure, one Axes per kernel/channel/map
    with ``imshow``, a ``text`` per cell where the explorer prints numbers (grids of at most
    ``MAX_NUMBERS`` cells), a title per Axes, colour bars for weights and maps, ``savefig`` to
    PNG, close."""
    s = ex.state
    if isinstance(ex, cl.KernelSweep):
        tr = ex.trace
        panels = [
            (tr.padded, "input", True),
            (tr.kernel, "kernel", True),
            (tr.step(s["step"]).products, "window ⊙ kernel", True),
            (tr.output, "output", True),
        ]
    elif isinstance(ex, cl.ChannelSum):
        dec = ex.decomposition
        c_in = ex.x.shape[2]
        panels = [(ex.x[..., c], f"c{c}", False) for c in range(c_in)]
        panels += [(ex.layer.kernel[:, :, c, 0], f"kernel {c}", True) for c in range(c_in)]
        panels += [(m, f"map {c}", False) for c, m in enumerate(dec.channel_maps)]
        panels += [(dec.summed, "Σ", False), (dec.biased, "+ bias", False), (dec.output, "ReLU", False)]
    else:
        k = ex.layer.kernel
        panels = [(ex.x[..., c], f"c{c}", False) for c in range(ex.x.shape[2])]
        panels += [
            (k[:, :, c, j], f"filter {j}, c{c}", True) for j in range(k.shape[3]) for c in range(k.shape[2])
        ]
        panels += [(ex.output[..., j], f"map {j}", False) for j in range(ex.output.shape[2])]
    n = len(panels)
    cols = int(np.ceil(np.sqrt(n)))
    rows = int(np.ceil(n / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(10, 6), dpi=100)
    for ax in np.ravel(axes)[n:]:
        ax.set_axis_off()
    for ax, (p, title, numbers) in zip(np.ravel(axes), panels, strict=False):
        v = float(np.nanmax(np.abs(p))) or 1.0
        im = ax.imshow(p, cmap="RdBu_r", vmin=-v, vmax=v, interpolation="nearest")
        if numbers and p.size <= MAX_NUMBERS:
            for (r, c), value in np.ndenumerate(p):
                if np.isfinite(value):
                    ax.text(c, r, f"{value:.2g}", ha="center", va="center", fontsize=7)
        ax.set_title(title, fontsize=8)
        ax.set_xticks([])
        ax.set_yticks([])
    fig.colorbar(im, ax=axes, shrink=0.5)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


def time_naive(ex, repeats):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        naive_frame(ex)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def table(classes, repeats, naive_repeats):
    """Time every control of every explorer; print one row each and return the summary figures."""
    print(
        f"{'explorer':<12} {'setting':<8} {'control':<14} {'median ms':>9} {'p95 ms':>7} "
        f"{'naive ms':>9} {'ratio':>6}"
    )
    worst_largest, ratios, big = 0.0, [], []
    for cls in classes:
        for setting in ("default", "largest"):
            kw = {} if setting == "default" else {k: v for k, v in LARGEST.items() if k in cls.SPECS}
            if cls is cl.GroupedConv and setting == "largest":
                kw["kernel_size"] = cls.SPECS["kernel_size"].hi
            if cls is cl.KernelSweep and setting == "largest":
                kw = {"input_size": 10, "kernel_size": 7, "padding": "same"}
            if cls is cl.FilterSweep and setting == "largest":
                kw = dict(LARGEST_SWEEP)
            ex = cls(**kw)
            first = next(iter(ex.controls))
            for _ in range(3):  # warm up
                time_control(ex, first, 2)
            naive = float(np.median(time_naive(ex, naive_repeats)))
            for name in ex.controls:
                times = time_control(ex, name, repeats)
                if times is None:
                    continue
                med, p95 = float(np.median(times)), float(np.percentile(times, 95))
                ratios.append(naive / med)
                if setting == "largest":
                    worst_largest = max(worst_largest, med)
                    big.append(naive / med)
                print(
                    f"{cls.__name__:<12} {setting:<8} {name:<14} {med:9.1f} {p95:7.1f} {naive:9.1f} "
                    f"{naive / med:6.1f}"
                )
            ex.close()
    return worst_largest, big, ratios


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=12, help="frames timed per control (default 12)")
    parser.add_argument("--naive-repeats", type=int, default=3, help="naive frames per setting (default 3)")
    parser.add_argument("--path", choices=("fast", "stock", "both"), default="both", help="label path(s)")
    parser.add_argument("--tables", choices=("frames", "controls", "both"), default="frames")
    parser.add_argument("--before", default="", help="frames table: also the package at this commit")
    parser.add_argument("--modes", default="normal,lecture", help="frames table: the modes")
    parser.add_argument("--only", default="", help="frames table: these configurations (default: all)")
    args = parser.parse_args(argv)
    if args.tables in ("frames", "both"):
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import frames

        paths = "base,full,changed" if args.before else "full,changed"
        before = ["--before", args.before] if args.before else []
        only = ["--only", args.only] if args.only else []
        frames.main(["--paths", paths, "--modes", args.modes, *before, *only])
        if args.tables == "frames":
            return
    classes = [cl.KernelSweep, cl.ChannelSum, cl.FilterBank, cl.Playground, cl.GroupedConv, cl.FilterSweep]
    summary = []
    paths = ("fast", "stock") if args.path == "both" else (args.path,)
    if "fast" in paths and not fast_text.fast_text():
        print(f"\nthe fast label path is not available here: {fast_text.text_path()}")
        paths = tuple(p for p in paths if p != "fast")
    runs = [(path, False) for path in paths] + [("fast", True)] * ("fast" in paths)
    for path, lecture in runs:
        fast_text._set(path == "fast", "chosen by the benchmark")
        cl.lecture_mode(lecture)
        mode = "lecture mode" if lecture else "normal mode"
        print(f"\n=== label path: {path}, {mode} (matplotlib {matplotlib.__version__}) ===")
        worst, big, ratios = table(classes, args.repeats, args.naive_repeats)
        steps = step_times(args.repeats)
        cl.lecture_mode(False)
        line = (
            f"{path}, {mode}: worst median at the largest settings {worst:.1f} ms; FilterSweep step "
            f"(Play) median {steps[0]:.1f} ms default, {steps[1]:.1f} ms largest; speed-up over the naive "
            f"way at the largest settings: smallest {min(big):.1f}x, median {np.median(big):.1f}x"
        )
        print("\n" + line)
        summary.append(line)
    print("\n" + "\n".join(summary))


def step_times(repeats):
    """Median ms of FilterSweep's ``step`` moves (what the Play button does), default and largest."""
    out = []
    for kw in ({}, LARGEST_SWEEP):
        ex = cl.FilterSweep(**kw)
        step = ex.controls["step"]
        times = []
        for _ in range(max(repeats, 2) * 2):
            t0 = time.perf_counter()
            step.value = (step.value + 1) % (step.max + 1)
            times.append((time.perf_counter() - t0) * 1000)
        ex.close()
        out.append(float(np.median(times[2:])))
    return out


if __name__ == "__main__":
    main()
