"""Memory while a learner drags sliders: how much a kernel grows over many updates of one explorer.

For every explorer, in normal and in lecture mode, a fresh Python process makes the explorer, moves a
random control to a random value it allows (the way a learner drags) ``--updates`` times, and reports
its resident memory (RSS) after the explorer was made, after each fifth of the updates, and once the
explorer is set back to where it started (the same picture as at the start: what the kernel holds
beyond it was kept from the moves). The growth must stay within 10 MB: every cache the pictures keep is
bounded by bytes (:class:`convlesson.core.bounded_cache.BoundedCache`: 6.75 MB in all, and the last
frame of each live picture, which its next frame is compared with, 8 MB in all), each grid keeps only
the block of pixels it pasted last (as many bytes as it covers on screen), old renderers are not kept,
and the heap's free pages go back to the system after each frame. The caches' own sizes are printed
too.

Run: ``python benchmarks/memory.py [--updates 10000] [--explorers KernelSweep,FilterSweep] [--jobs 2]``
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import convlesson as cl

CHILD = r"""
import gc, json, random, sys
import convlesson as cl
from convlesson.explorers.controls import BadType, BadValue
import importlib, pkgutil
from convlesson.core.bounded_cache import BoundedCache

name, updates, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
cl.lecture_mode(mode == "lecture")

def rss_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024

ex = getattr(cl, name)()
start = dict(ex.state)
rng = random.Random(0)
gc.collect()
marks = [rss_mb()]
for i in range(updates):
    control_name = rng.choice(list(ex.controls))
    control, spec = ex.controls[control_name], ex.SPECS[control_name]
    if spec.kind == "int":
        value = rng.randint(control.min, control.max)
    elif spec.kind == "float":
        value = round(rng.uniform(spec.lo, spec.hi) / spec.step) * spec.step
    elif spec.kind == "choice":
        value = rng.choice(list(control.options))
    else:
        value = not control.value
    try:
        control.value = value
    except (BadValue, BadType):
        pass
    if (i + 1) % max(updates // 5, 1) == 0:
        gc.collect()
        marks.append(rss_mb())
ex.set(**start)
ex.flush()
gc.collect()
back = rss_mb()
caches = {}
for package in ("convlesson.core", "convlesson.pictures", "convlesson.explorers"):
    for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        for attr, value in vars(importlib.import_module(f"{package}.{info.name}")).items():
            if isinstance(value, BoundedCache):
                caches[attr.strip("_")] = round(value.bytes / 2**20, 1)
print(json.dumps({"marks": marks, "back": back, "frames": ex.frames_drawn, "caches": caches}))
"""


def run(name: str, updates: int, mode: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, name, str(updates), mode], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=10_000)
    parser.add_argument("--explorers", default=",".join(cl._EXPLORERS))
    parser.add_argument("--modes", default="normal,lecture")
    parser.add_argument("--jobs", type=int, default=2, help="processes at a time")
    args = parser.parse_args(argv)
    jobs = [(n, m) for m in args.modes.split(",") for n in args.explorers.split(",")]
    print(f"{args.updates} random updates per explorer; resident memory in MB (a fresh process each)\n")
    header = f"{'explorer':<12} {'mode':<8} {'made':>6} {'after each fifth of the updates':>40}"
    print(header + f" {'growth':>7} {'back':>6}   caches kept (MB)")
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda job: run(job[0], args.updates, job[1]), jobs))
    worst = worst_back = 0.0
    for (name, mode), result in zip(jobs, results, strict=True):
        marks = result["marks"]
        growth, back = max(marks[1:]) - marks[0], result["back"] - marks[0]
        worst, worst_back = max(worst, growth), max(worst_back, back)
        fifths = " ".join(f"{m:6.0f}" for m in marks[1:])
        caches = ", ".join(f"{k} {v}" for k, v in result["caches"].items())
        print(f"{name:<12} {mode:<8} {marks[0]:6.0f} {fifths:>40} {growth:+7.1f} {back:+6.1f}   {caches}")
    print(
        "\ngrowth: the most above 'made' after any fifth; back: once set back to where it started"
        f"\nlargest growth over {args.updates} updates: {worst:+.1f} MB;"
        f" back at the start: {worst_back:+.1f} MB (target: at most 10 MB)"
    )


if __name__ == "__main__":
    main()
