"""Memory stays flat while a learner drags sliders: every cache is bounded by bytes, nothing else grows.

The full figure (10,000 updates of every explorer, normal and lecture mode) is printed by
``python benchmarks/memory.py``. Here each explorer takes random moves and comes back to where it
started, and three things must hold: the Python memory it holds (``tracemalloc``: numpy's arrays
included) has not grown by more than the bounded caches took; no renderer of an earlier picture height
is kept (their pixel buffers are C memory, which tracemalloc does not see); and the whole process's
resident memory, measured in a fresh interpreter, is within the 10 MB the course promises.
"""

from __future__ import annotations

import gc
import json
import os
import random
import subprocess
import sys
import tracemalloc
import weakref
from pathlib import Path

import numpy as np
import pytest
from live_helpers import module_caches, spec_value

import convlesson as cl
from convlesson.core.bounded_cache import BoundedCache, size_of
from convlesson.explorers.controls import BadType, BadValue
from convlesson.pictures import art, fast_text, text_art

CLASSES = [getattr(cl, name) for name in cl._EXPLORERS]


#: Every cache the pictures keep between frames (each bounded by bytes).
CACHES = tuple(getattr(module, name) for module, name in module_caches())
#: Those that any explorer fills as it draws.
FILLED = (fast_text._stamps, fast_text._origins, text_art._measured)


def test_the_known_caches_are_found():
    assert set(map(id, FILLED + (art._hatches,))) <= set(map(id, CACHES))


# ----------------------------------------------------------------------------- the cache itself
def test_a_bounded_cache_forgets_the_least_recently_used_first():
    cache = BoundedCache(3000, size=lambda key, value: len(value))
    for key in "abc":
        cache.put(key, b"x" * 1000)
    assert cache.get("a") == b"x" * 1000  # a is now the most recently used
    cache.put("d", b"y" * 1000)
    assert "b" not in cache and {"a", "c", "d"} == {k for k in "abcd" if k in cache}
    assert cache.bytes == 3000 and len(cache) == 3


def test_a_bounded_cache_never_holds_more_than_its_bytes():
    cache = BoundedCache(10_000)
    rng = np.random.default_rng(0)
    for i in range(500):
        cache.put(i, np.zeros(int(rng.integers(1, 400)), np.uint8))
        assert cache.bytes <= 10_000
        assert cache.bytes == sum(size_of(k) + size_of(cache.get(k)) for k in list(cache._entries))
    cache.put("huge", np.zeros(20_000, np.uint8))  # larger than the whole cache: not kept
    assert "huge" not in cache and cache.bytes <= 10_000


def test_a_replaced_entry_is_counted_once():
    cache = BoundedCache(1000, size=lambda key, value: value)
    cache.put("a", 400)
    cache.put("a", 300)
    assert cache.bytes == 300 and cache.get("a") == 300
    with pytest.raises(ValueError, match="max_bytes must be more than 0, got 0"):
        BoundedCache(0)


# ----------------------------------------------------------------------------- the explorers
def _moves(cls, n, seed) -> list[tuple[str, object]]:
    """``n`` random moves for ``cls``: a control and a value its spec allows (the others may refuse it)."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        name = rng.choice(list(cls.SPECS))
        out.append((name, spec_value(cls.SPECS[name], rng)))
    return out


def _play(ex, moves) -> None:
    for name, value in moves:
        try:
            ex.controls[name].value = value
        except (BadValue, BadType):  # a value that does not fit the others: refused, as in the browser
            pass


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_memory_stays_flat_while_the_controls_move(cls):
    """40 random moves and back to the start, then 40 OTHER moves and back: the second leaves nothing more.

    The first pass makes every pool of artists; the second visits new states (new numbers, new sizes),
    as a learner does. What the bounded caches took on meanwhile is set aside (they keep to their bytes:
    the next test); anything else still held after coming back to the start is kept from move to move.
    """
    for cache in CACHES:
        cache.clear()
    tracemalloc.start()  # before anything is made: memory made earlier and freed later would not count
    try:
        ex = cls()
        start = dict(ex.state)
        _play(ex, _moves(cls, 40, seed=1))
        ex.set(**start)
        gc.collect()
        before, cached_before = tracemalloc.get_traced_memory()[0], sum(c.bytes for c in CACHES)
        _play(ex, _moves(cls, 40, seed=2))
        ex.set(**start)
        gc.collect()
        after, cached_after = tracemalloc.get_traced_memory()[0], sum(c.bytes for c in CACHES)
        ex.close()
    finally:
        tracemalloc.stop()
    grown = (after - before) - (cached_after - cached_before)
    # The label cache, when it was not bounded, took ~20 KB a move and more: ~0.8 MB here.
    assert grown < 0.5e6, f"{cls.__name__}: {grown / 1e6:.2f} MB more after 40 moves, caches aside"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_caches_keep_to_their_bytes_while_the_controls_move(cls):
    ex = cls()
    _play(ex, _moves(cls, 60, seed=2))
    ex.close()
    stamped = fast_text.fast_text()  # with stock text drawing (the fallback) no label is stamped
    for cache in CACHES:
        assert cache.bytes <= cache.max_bytes
        if stamped and cache in FILLED:
            assert cache.bytes > 0, "the moves drew labels, yet a label cache took none"


def test_no_renderer_of_an_earlier_height_is_kept():
    """The picture's height changes with the controls, and with it the renderer (two buffers of
    840 x height x 4 bytes). Labels measured or drawn by an earlier one once kept it alive: 8
    renderers, ~25 MB, after a few hundred moves of FilterBank."""
    ex = cl.FilterBank()
    seen, heights = [], set()
    for name, value in [("filters", 8), ("c_in", 1), ("filters", 1), ("c_in", 8), ("kernel_size", 7)]:
        setattr(ex, name, value)
        renderer = ex.figure.canvas.get_renderer()
        seen.append(weakref.ref(renderer))
        heights.add(renderer.height)
    del renderer
    assert len(heights) >= 4, f"the moves gave only the heights {sorted(heights)}: the test shows nothing"
    gc.collect()
    current = ex.figure.canvas.get_renderer()
    kept = [ref() for ref in seen if ref() is not None and ref() is not current]
    assert not kept, (
        f"{len(kept)} renderers of earlier heights kept alive: {[(r.width, r.height) for r in kept]}"
    )
    ex.close()


RSS_CHILD = r"""
import gc, json, sys
import convlesson as cl
from test_memory import _moves, _play

def rss_mb():
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmRSS"))

ex = getattr(cl, sys.argv[1])()
start = dict(ex.state)
gc.collect()
made = rss_mb()
_play(ex, _moves(type(ex), int(sys.argv[2]), seed=3))
ex.set(**start)
ex.flush()
gc.collect()
print(json.dumps({"made": made, "back": rss_mb()}))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads resident memory from /proc")
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_resident_memory_after_moves_and_back_is_within_10_mb(cls):
    """The whole kernel, as the operating system counts it: 150 moves and back to the start.

    Before the old renderers were let go and the heap's free pages given back after each frame, the
    processes grew by 18 (KernelSweep) to 62 MB (Playground) here."""
    here = str(Path(__file__).parent)
    package = str(Path(cl.__file__).parents[1])  # the child imports the convlesson under test
    out = subprocess.run(
        [sys.executable, "-c", RSS_CHILD, cls.__name__, "150"],
        capture_output=True,
        text=True,
        check=True,
        cwd=here,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [package, here, os.environ.get("PYTHONPATH")])),
        },
    )
    marks = json.loads(out.stdout.strip().splitlines()[-1])
    grown = marks["back"] - marks["made"]
    assert grown <= 10, f"{cls.__name__}: {grown:.1f} MB more after 150 moves and back (at most 10)"
