"""How fast the explorers answer a learner in JupyterLab: key press -> new picture on screen.

Starts a JupyterLab server and headless Chromium (the browser suite's helpers in tests/browser), opens a
temporary notebook with one cell per explorer -- once in normal mode and once with ``cl.lecture_mode()``
in its Setup cell -- and, per explorer:

* **latency**: presses ArrowRight / ArrowLeft on every slider in turn (the value bounces between two
  neighbours, so each press asks for a new picture) and measures, in the page, from the ``keydown`` event
  to the ``load`` event of the picture's new ``src`` (``performance.now()`` on both sides);
* **burst**: 100 key presses as fast as the driver can send them on the slider with the widest range,
  bouncing between its ends, then waits until the picture has not changed for 1 s. It reports the time
  from the first and from the last key press to the last picture change, and checks that the slider
  shows the expected final value, that the kernel holds that value, and that the picture on screen is
  byte for byte the PNG the kernel holds.

Targets: median latency <= 60 ms (a frame at the speed of the eye); a burst settles <= 1.5 s after the
last key press.

Run: ``python benchmarks/browser_latency.py`` (options: ``--presses N`` per slider, ``--burst N``,
``--only FilterBank,FilterSweep``, ``--modes normal`` or ``--modes lecture``). Needs Chromium
(``CONVLESSON_CHROMIUM`` to point at one).
Exits with status 1 if a burst ends on a wrong picture or value.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

import labdriver  # noqa: E402

EXPLORERS = labdriver.EXPLORER_CLASSES
MEDIAN_TARGET_MS = 60
BURST_TARGET_MS = 1500
QUIET_MS = 1000


def _variable(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")


def notebook_cells(names, mode: str) -> list[str]:
    setup = "import convlesson as cl" + ("\ncl.lecture_mode()" if mode == "lecture" else "")
    return [setup] + [f"{_variable(n)} = cl.{n}()\n{_variable(n)}" for n in names]


def percentile(values, q):
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def reset_probe(lab):
    lab.page.evaluate(
        "() => { const p = window.__clProbe; p.keydowns.length = 0; p.srcChanges.length = 0;"
        " p.loads.length = 0; p.srcs.length = 0; }"
    )


def press_latencies(lab, explorer, presses: int) -> tuple[list[float], int]:
    """Key-press-to-picture times (ms) over every slider; and how many presses drew nothing."""
    lab.install_probe(explorer)
    samples, misses = [], 0
    for slider in explorer.sliders:
        value, lo, hi = slider.state()
        if lo == hi:
            continue
        keys = ["ArrowLeft", "ArrowRight"] if value >= hi else ["ArrowRight", "ArrowLeft"]
        slider.handle.focus()
        for i in range(presses + 1):  # the first press of each slider is a warm-up
            reset_probe(lab)
            slider.handle.press(keys[i % 2])
            try:
                lab.page.wait_for_function(
                    "() => window.__clProbe.loads.length > 0", timeout=labdriver.PICTURE_MS, polling=10
                )
            except Exception:
                misses += 1
                continue
            p = lab.probe()
            if i:
                samples.append(p["loads"][0] - p["keydowns"][0])
    return samples, misses


def widest_int_slider(explorer):
    best = None
    for slider in explorer.sliders:
        value, lo, hi = slider.state()
        if all(float(v).is_integer() for v in (value, lo, hi)) and hi > lo:
            if best is None or hi - lo > best[1]:
                best = (slider, hi - lo)
    return best[0] if best else None


def burst(lab, explorer, variable: str, n: int) -> dict:
    slider = widest_int_slider(explorer)
    if slider is None:
        return {"slider": "-", "ok": True, "note": "no integer slider"}
    value, lo, hi = (int(v) for v in slider.state())
    keys, v, step = [], value, 1
    for _ in range(n):
        if v + step > hi or v + step < lo:
            step = -step
        keys.append("ArrowRight" if step > 0 else "ArrowLeft")
        v += step
    expected = v
    lab.install_probe(explorer)
    slider.handle.focus()
    t0 = time.perf_counter()
    for key in keys:
        lab.page.keyboard.press(key)
    typing_ms = (time.perf_counter() - t0) * 1000
    # Settled: no new picture for QUIET_MS (a benchmark may wait on time; the tests never do).
    lab.page.wait_for_function(
        f"""() => {{ const p = window.__clProbe;
              const last = Math.max(0, ...p.keydowns, ...p.loads, ...p.srcChanges);
              return performance.now() - last > {QUIET_MS}; }}""",
        timeout=60_000,
        polling=50,
    )
    p = lab.probe()
    shown = slider.state()[0]
    sha_page = lab.picture_sha1(explorer)
    label = slider.name
    kernel = lab.kernel_exec(
        "import hashlib as _h\n"
        f"_c = {variable}.controls.get({label!r}) or next(c for c in {variable}.controls.values()"
        f" if getattr(c, 'description', '') == {label!r})\n"
        f"print(_c.value, _h.sha1({variable}.image.value).hexdigest())"
    ).split()
    last_picture = max(p["loads"] + p["srcChanges"]) if p["loads"] or p["srcChanges"] else None
    result = {
        "slider": f"{label} {lo}..{hi}",
        "typing_ms": typing_ms,
        "pictures": len(p["loads"]),
        "expected": expected,
        "shown": shown,
        "kernel": kernel,
    }
    if last_picture is not None:
        result["from_first_ms"] = last_picture - p["keydowns"][0]
        result["after_last_ms"] = max(0.0, last_picture - p["keydowns"][-1])
    result["ok"] = (
        len(kernel) == 2
        and shown == expected
        and float(kernel[0]) == expected
        and kernel[1] == sha_page
        and len(p["keydowns"]) == n
    )
    if not result["ok"]:
        result["note"] = (
            f"expected {expected}, slider shows {shown:g}, kernel {kernel}, "
            f"page picture sha1 {sha_page[:10]}, {len(p['keydowns'])} keydowns seen"
        )
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=6, help="timed key presses per slider (default 6)")
    parser.add_argument("--burst", type=int, default=100, help="key presses in the burst (default 100)")
    parser.add_argument("--only", default="", help="comma-separated explorer names (default: all of them)")
    parser.add_argument("--modes", default="normal,lecture", help="normal, lecture or both (the default)")
    args = parser.parse_args(argv)
    names = [n for n in EXPLORERS if not args.only or n in args.only.split(",")]
    modes = [m for m in ("normal", "lecture") if m in args.modes.split(",")]
    if not names or not modes:
        parser.error(f"nothing to measure: explorers are {', '.join(EXPLORERS)}; modes normal, lecture")

    reason = labdriver.browser_unavailable_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    rows, failed = [], False
    with tempfile.TemporaryDirectory(prefix="convlesson-bench-") as tmp:
        server = labdriver.LabServer(Path(tmp)).start()
        try:
            with sync_playwright() as pw:
                browser = labdriver.launch_browser(pw)
                lab = labdriver.Lab(browser, server)
                for mode in modes:
                    notebook = server.add_notebook(f"latency_{mode}.ipynb", notebook_cells(names, mode))
                    lab.open_notebook(notebook)
                    lab.run_all_cells()
                    explorers = {e.name: e for e in lab.explorers() if e.is_explorer}
                    for name in names:
                        explorer = explorers.get(name)
                        if explorer is None:
                            print(f"{name} ({mode} mode): not displayed", file=sys.stderr)
                            failed = True
                            continue
                        lab.wait_rendered(explorer)
                        samples, misses = press_latencies(lab, explorer, args.presses)
                        b = burst(lab, explorer, _variable(name), args.burst)
                        failed |= not b["ok"]
                        rows.append((mode, name, len(explorer.sliders), samples, misses, b))
                    lab.close_notebook()
                lab.close()
                browser.close()
        finally:
            server.stop()

    load = os.getloadavg()
    print(
        f"\nKey press -> new picture in JupyterLab (headless Chromium); {os.cpu_count()} CPUs, "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    head = (
        f"{'mode':<8} {'explorer':<12} {'sliders':>7} {'n':>4} {'median ms':>9} {'p95 ms':>7} {'max ms':>7}  "
        f"{'burst slider':<18} {'typing ms':>9} {'pics':>4} {'settle ms':>9} {'after last':>10} "
        f"{'final':>6}"
    )
    print(head)
    print("-" * len(head))
    for mode, name, n_sliders, samples, misses, b in rows:
        med = statistics.median(samples) if samples else float("nan")
        p95 = percentile(samples, 95) if samples else float("nan")
        mx = max(samples) if samples else float("nan")
        print(
            f"{mode:<8} {name:<12} {n_sliders:>7} {len(samples):>4} {med:>9.0f} {p95:>7.0f} {mx:>7.0f}  "
            f"{b['slider']:<18} {b.get('typing_ms', float('nan')):>9.0f} {b.get('pictures', 0):>4} "
            f"{b.get('from_first_ms', float('nan')):>9.0f} {b.get('after_last_ms', float('nan')):>10.0f} "
            f"{'ok' if b['ok'] else 'WRONG':>6}"
        )
        if misses:
            print(f"  {misses} key press(es) drew no new picture within {labdriver.PICTURE_MS} ms")
        if b.get("note"):
            print(f"  {b['note']}")
    print()
    for mode in modes:
        mode_rows = [r for r in rows if r[0] == mode]
        all_samples = [s for row in mode_rows for s in row[3]]
        if not all_samples:
            continue
        med = statistics.median(all_samples)
        worst_burst = max((r[5].get("after_last_ms", 0) for r in mode_rows), default=0)
        print(
            f"{mode} mode, all explorers: median {med:.0f} ms (target <= {MEDIAN_TARGET_MS}: "
            f"{'met' if med <= MEDIAN_TARGET_MS else 'MISSED'}), p95 {percentile(all_samples, 95):.0f} ms; "
            f"slowest burst settles {worst_burst:.0f} ms after the last key "
            f"(target <= {BURST_TARGET_MS}: {'met' if worst_burst <= BURST_TARGET_MS else 'MISSED'})"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
