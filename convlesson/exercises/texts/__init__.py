"""The words of the exercises and predictions: one table per topic and language, for a teacher or translator.

``texts/<language>/<topic>.py`` holds ``TEXTS``: for each exercise (by number) or prediction (by
name), its topic, question, hint, why the answer is right, and the feedback for each known wrong
answer (keyed by that answer). ``texts/<language>/misconceptions.py`` holds the words that start the
feedback of the slips that come back across exercises. The answers themselves live beside the code
that checks them (:mod:`convlesson.exercises.sizes` and its siblings), so editing these words can
never change what is right; a table that misses a word, or words for an answer no slip gives, is
refused when the exercises are assembled (and by the tests).

To change a question or its feedback, edit the words here; to add a language, copy ``en/`` to a folder
named by the language's code and translate each string (keep the keys), add the code to
:data:`LANGUAGES` and to :data:`convlesson.core.language.LANGUAGES`.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

__all__ = ["table", "misconception_words", "TOPICS", "LANGUAGES"]

#: The topic tables, one module each per language.
TOPICS = ("sizes", "filters", "layers", "predictions")

#: The languages the words are written in.
LANGUAGES = ("en", "zh")


def _module(language: str, name: str):
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(map(repr, LANGUAGES))}, got {language!r}")
    return import_module(f"{__name__}.{language}.{name}")


def table(topic: str, language: str = "en") -> dict:
    """The words of one topic's exercises in one language: ``{number or key: {word: text}}``."""
    if topic not in TOPICS:
        raise ValueError(f"topic must be one of {', '.join(map(repr, TOPICS))}, got {topic!r}")
    return _module(language, topic).TEXTS


def misconception_words(language: str = "en") -> dict[str, str]:
    """The words that start each named misconception's feedback, by its name."""
    return dict(_misconceptions(language))


@cache
def _misconceptions(language: str) -> dict[str, str]:
    return _module(language, "misconceptions").WORDS
