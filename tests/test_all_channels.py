"""The moment shows every channel: wherever the course shows a filter at work, every kernel adds its part.

Read from the notebooks' own explorer calls and the README gallery's settings: at the step a
FilterSweep is stored at, every partial sum of every filter shown is non-zero and a filter's partial
sums are not all equal (so the sum over the channels is something to see, as in d2l's "= 56"); a
ChannelSum or FilterBank with named kernels gives every channel a non-zero kernel and a map that is not
all zeros. The partial sums are recomputed here by loops over the window, not read from the picture.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

import convlesson as cl
from convlesson import gallery

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
SHOWN = ("FilterSweep", "ChannelSum", "FilterBank")


def calls():
    """Every ``cl.FilterSweep(...)``, ``cl.ChannelSum(...)`` and ``cl.FilterBank(...)`` the course shows."""
    found = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            src = "".join(cell["source"]).strip()
            if cell["cell_type"] == "code" and re.fullmatch(rf"cl\.({'|'.join(SHOWN)})\(.*\)", src, re.S):
                found.append((path.stem, src))
    for file_name, (name, settings) in gallery.GALLERY.items():
        if name in SHOWN:
            args = ", ".join(f"{k}={v!r}" for k, v in settings.items())
            found.append((f"README {file_name}", f"cl.{name}({args})"))
    return found


CALLS = calls()


def test_the_course_shows_the_moment_in_04_05_and_the_readme():
    where = {w for w, src in CALLS if src.startswith("cl.FilterSweep(")}
    assert {"04_many_channels", "05_filters", "README filter_sweep.png", "README filter_3d.png"} <= where


def partial_sums_by_loops(x, weights, strides, padding, step):
    """The partial sums (C_in, filters) at output position ``step``, by loops over the padded window."""
    kh, kw, c_in, filters = weights.shape
    (top, bottom), (left, right) = (
        cl.padding_amounts(x.shape[0], kh, strides, padding),
        cl.padding_amounts(x.shape[1], kw, strides, padding),
    )
    padded = np.pad(x, ((top, bottom), (left, right), (0, 0)))
    width = (padded.shape[1] - kw) // strides + 1
    i, j = divmod(step, width)
    out = np.zeros((c_in, filters))
    for c in range(c_in):
        for f in range(filters):
            for a in range(kh):
                for b in range(kw):
                    out[c, f] += padded[i * strides + a, j * strides + b, c] * weights[a, b, c, f]
    return out


@pytest.mark.parametrize(("where", "src"), CALLS, ids=[f"{w}: {s}" for w, s in CALLS])
def test_every_channel_is_at_work(where, src):
    explorer = eval(src, {"cl": cl})
    try:
        s = explorer.state
        weights = explorer.layer.weights
        if src.startswith("cl.FilterSweep("):
            sums = partial_sums_by_loops(explorer.x, weights, s["strides"], s["padding"], s["step"])
            np.testing.assert_allclose(sums, explorer.trace.step(s["step"]).channel_sums)
            for f in range(weights.shape[3]):
                assert np.all(sums[:, f] != 0), f"{where}: filter {f}'s partial sums {sums[:, f]} hold a 0"
                if weights.shape[2] > 1:
                    assert len(set(sums[:, f])) > 1, f"{where}: filter {f}'s partial sums are all equal"
        elif s.get("kernels", s.get("weights")) != "random":
            for f in range(weights.shape[3]):
                for c in range(weights.shape[2]):
                    assert weights[:, :, c, f].any(), f"{where}: filter {f}'s kernel for channel {c} is zeros"
            if src.startswith("cl.ChannelSum("):
                maps = explorer.decomposition.channel_maps
                assert all(np.abs(m).max() > 0 for m in maps), f"{where}: a channel's map is all zeros"
    finally:
        explorer.close()


def kernel_grids(explorer):
    """The grids an explorer draws its kernels in."""
    picture = explorer.picture
    if hasattr(picture, "bank"):  # FilterBank, GroupedConv: every filter's kernels in one mosaic
        return [picture.bank]
    return [row.kernel for row in picture.rows[: len(picture.shown)]]  # ChannelSum: one per row


def readable_calls():
    out = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            src = "".join(cell["source"]).strip()
            if cell["cell_type"] == "code" and re.fullmatch(
                r"cl\.(ChannelSum|GroupedConv|FilterBank)\(.*\)", src
            ):
                out.append((path.stem, src))
    return out


@pytest.mark.parametrize(("where", "src"), readable_calls(), ids=[f"{w}: {s}" for w, s in readable_calls()])
def test_the_kernels_the_course_shows_carry_their_numbers(where, src):
    """Many channels or grouped filters, the kernels still show their numbers, not colour alone."""
    explorer = eval(src, {"cl": cl})
    try:
        for grid in kernel_grids(explorer):
            assert not grid.numbers_hidden, f"{where}: {src} draws kernels without their numbers"
            assert grid.numbers.texts, f"{where}: {src} draws no numbers"
    finally:
        explorer.close()
