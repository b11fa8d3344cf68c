"""Memory stays flat while a learner drags sliders: every cache is bounded by bytes, nothing else grows.

The full figure (10,000 updates of every explorer, normal and lecture mode) is printed by
``python benchmarks/memory.py``; here each explorer takes a few hundred random moves with small caches,
and the Python memory it holds afterwards (``tracemalloc``: numpy's arrays included) must not have grown
by more than the (small) caches may hold, well under what an unbounded cache would add.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import random
import tracemalloc

import numpy as np
import pytest

import convlesson as cl
from convlesson.core.bounded_cache import BoundedCache, size_of
from convlesson.explorers.controls import BadType, BadValue
from convlesson.pictures import art, fast_text, text_art

CLASSES = [getattr(cl, name) for name in cl._EXPLORERS]


def _module_caches() -> tuple:
    """Every :class:`BoundedCache` a module of the pictures or the explorers keeps at module level."""
    found = []
    for name in ("convlesson.pictures", "convlesson.explorers"):
        package = importlib.import_module(name)
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found += [v for v in vars(module).values() if isinstance(v, BoundedCache)]
    return tuple(found)


#: Every cache the pictures keep between frames (each bounded by bytes).
CACHES = _module_caches()
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
        spec = cls.SPECS[name]
        if spec.kind == "int":
            value = rng.randint(spec.lo, spec.hi)
        elif spec.kind == "float":
            value = round(rng.randint(0, round((spec.hi - spec.lo) / spec.step)) * spec.step + spec.lo, 9)
        elif spec.kind == "choice":
            value = rng.choice(spec.options)
        else:
            value = rng.random() < 0.5
        out.append((name, value))
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
    for cache in CACHES:
        assert cache.bytes <= cache.max_bytes
        assert cache.bytes > 0 or cache not in FILLED
