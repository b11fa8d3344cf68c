"""Shared by the tests that drive live explorers: random values for their controls, and the caches the
pictures and explorers keep at module level."""

from __future__ import annotations

import importlib
import pkgutil
import random

from convlesson.core.bounded_cache import BoundedCache


def spec_value(spec, rng: random.Random):
    """A value the control's spec allows (a float on its step), drawn with ``rng``; the other controls
    may still refuse it."""
    if spec.kind == "int":
        return rng.randint(spec.lo, spec.hi)
    if spec.kind == "float":
        return round(rng.randint(0, round((spec.hi - spec.lo) / spec.step)) * spec.step + spec.lo, 9)
    if spec.kind == "choice":
        return rng.choice(spec.options)
    return rng.random() < 0.5


def module_caches() -> list[tuple]:
    """``(module, name)`` of every :class:`BoundedCache` a module of the package keeps at module level."""
    found = []
    for name in ("convlesson.core", "convlesson.pictures", "convlesson.explorers"):
        package = importlib.import_module(name)
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found += [(module, n) for n, v in vars(module).items() if isinstance(v, BoundedCache)]
    return found
