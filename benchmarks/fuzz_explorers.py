"""Random moves through every path a value reaches an explorer by, and what went wrong (nothing should).

For every explorer, ``--moves`` random moves, each through one of the three paths -- a direct
``control.value = v`` (Python), ``ex.set(name=v)`` (Python) and ``control.set_state({...})`` (what
ipywidgets does with a message from the browser; a dropdown's index) -- with a value the control
takes, one its spec takes but the other controls may refuse, or something no control takes. After
each move it checks: no exception but a clean refusal escaped (the browser path raises nothing at
all); a refused value changed nothing (state, widgets, frames); the state equals the widgets; and,
every 20 moves, that a legal move of another control still draws. It prints, per path, the moves,
how many were taken and refused, and the count of each kind of failure.

Run: ``python benchmarks/fuzz_explorers.py [--moves 2000] [--seed 0]``
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

import ipywidgets as widgets
import numpy as np

import convlesson as cl
from convlesson.explorers.controls import BadType, BadValue

JUNK = [None, "", "seven", 2.7, -2, 10**400, float("nan"), float("inf"), 1j, [3], (3, 3), np.array(3.0)]
PATHS = ("value", "set", "browser")


def a_value(rng, ex, name):
    control, spec = ex.controls[name], ex.SPECS[name]
    roll = rng.random()
    if roll < 0.15:
        return rng.choice(JUNK)
    if spec.kind == "int":
        lo, hi = (control.min, control.max) if roll < 0.6 else (spec.lo - 2, spec.hi + 2)
        return rng.randint(lo, hi)
    if spec.kind == "float":
        return round(rng.uniform(spec.lo - 0.5, spec.hi + 0.5) / spec.step) * spec.step
    if spec.kind == "choice":
        return rng.choice(list(control.options) if roll < 0.6 else list(spec.options))
    return rng.random() < 0.5


def widgets_state(ex) -> dict:
    return {n: c.value for n, c in ex.controls.items()}


def move(ex, rng, path, counts, failures):
    name = rng.choice(list(ex.controls))
    control = ex.controls[name]
    value = a_value(rng, ex, name)
    before, shown, frames = dict(ex.state), widgets_state(ex), ex.frames_drawn
    refused = False
    try:
        if path == "value":
            control.value = value
        elif path == "set":
            ex.set(**{name: value})
        else:
            control.send_state = lambda key=None: None  # no comm here
            if isinstance(control, widgets.Dropdown):
                options = list(control.options)
                index = options.index(value) if value in options else rng.choice([-1, len(options), None])
                control.set_state({"index": index})
            else:
                control.set_state({"value": value})
            refused = ex.state == before and ex.message.startswith(name)
    except (BadValue, BadType) as exc:
        refused = True
        if path == "browser":
            failures["the browser path raised"] += 1
        if name not in str(exc):
            failures["a refusal did not name the control"] += 1
    except Exception as exc:  # noqa: BLE001 - counted, not hidden
        failures[f"escaped: {type(exc).__name__}"] += 1
        return
    counts["refused" if refused else "taken"] += 1
    if refused and (dict(ex.state) != before or widgets_state(ex) != shown or ex.frames_drawn != frames):
        failures["a refused value changed something"] += 1
    if dict(ex.state) != widgets_state(ex):
        failures["state differs from the widgets"] += 1


def legal_move_draws(ex, failures):
    for control in ex.controls.values():
        if isinstance(control, widgets.IntSlider) and control.max > control.min:
            frames = ex.frames_drawn
            try:
                control.value = control.min if control.value != control.min else control.max
            except Exception:  # noqa: BLE001
                failures["a later legal move failed"] += 1
                return
            if ex.frames_drawn != frames + 1:
                failures["a later legal move drew nothing"] += 1
            return


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=2000, help="per explorer and path")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    print(f"{args.moves} random moves per explorer and path\n")
    print(f"{'explorer':<14} {'path':<8} {'taken':>6} {'refused':>8}  failures")
    total = Counter()
    for name in cl._EXPLORERS:
        for path in PATHS:
            ex = getattr(cl, name)()
            counts, failures = Counter(), Counter()
            for i in range(args.moves):
                move(ex, rng, path, counts, failures)
                if i % 20 == 19:
                    legal_move_draws(ex, failures)
            ex.close()
            total += failures
            found = ", ".join(f"{k}: {v}" for k, v in failures.items()) or "none"
            print(f"{name:<14} {path:<8} {counts['taken']:6d} {counts['refused']:8d}  {found}")
    print(f"\nfailures in all: {sum(total.values())}" + (f" ({dict(total)})" if total else ""))


if __name__ == "__main__":
    main()
