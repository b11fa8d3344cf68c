"""The exercises and predictions in each language the package speaks, assembled once per language.

The topic modules (:mod:`.sizes`, :mod:`.filters`, :mod:`.layers`, :mod:`.predictions`) assemble the
English records when they are imported; :func:`edition` joins the same answers with another language's
text tables (``texts/<code>/``) the first time that language is asked for, and keeps them. ``cl.check``,
``cl.exercise``, ``cl.hint`` and ``cl.solution`` take the records of the language in use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import filters, layers, predictions, sizes
from .records import Exercise, assemble
from .texts import table

__all__ = ["Edition", "edition"]

#: The modules of the numbered exercises, in the order of their numbers.
_NUMBERED = {"sizes": sizes, "filters": filters, "layers": layers}


@dataclass(frozen=True)
class Edition:
    """Every exercise (in the order of their numbers) and every prediction, in one language."""

    language: str
    exercises: tuple[Exercise, ...]
    predictions: tuple[Exercise, ...]

    def __post_init__(self):
        numbers = [ex.number for ex in self.exercises]
        keys = {ex.key for ex in self.predictions}
        if numbers != list(range(1, len(numbers) + 1)) or len(keys) != len(self.predictions):
            raise RuntimeError(
                "the exercises must be numbered 1, 2, ... in order, and the predictions' keys unique"
            )
        object.__setattr__(self, "by_number", {ex.number: ex for ex in self.exercises})
        object.__setattr__(self, "by_key", {ex.key: ex for ex in self.predictions})


@cache
def edition(code: str) -> Edition:
    """The records in language ``code`` (``'en'``, ``'zh'``), assembled on first use."""
    if code == "en":  # assembled by the topic modules already
        numbered = (*sizes.SIZE_EXERCISES, *filters.FILTER_EXERCISES, *layers.LAYER_EXERCISES)
        return Edition(code, numbered, predictions.PREDICTIONS)
    numbered = tuple(
        ex
        for topic, module in _NUMBERED.items()
        for ex in assemble(module.ANSWERS, table(topic, code), f"texts/{code}/{topic}.py", code)
    )
    asked = assemble(predictions.ANSWERS, table("predictions", code), f"texts/{code}/predictions.py", code)
    return Edition(code, numbered, asked)
