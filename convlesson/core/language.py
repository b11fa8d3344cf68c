"""The language the package speaks: English by default, Chinese after ``cl.language("zh")``.

Every text a learner meets from the package -- a picture's titles and labels, an explorer's control
descriptions and readouts, an exercise's question and feedback, the message of an error they can
cause -- is looked up here by a key, in the catalog of the current language. Each layer keeps its own
catalogs, one module per language (``convlesson/<layer>/words/en.py``, ``.../zh.py``), each a dict
``WORDS = {key: template}``; a template is formatted with ``str.format`` and its placeholders are the
same in every language. :func:`say` looks a key up::

    from ..core.language import catalog
    say = catalog("pictures")                 # once per module: this layer's catalogs
    say("sweep.title", k=3)                   # "3 × 3 kernel" / "3 × 3 卷积核"

A catalog that lacks a key, or words for a key with other placeholders, is a failing test
(``tests/test_language.py``), never an English word in a Chinese picture. Switching changes what is
drawn and said from then on: explorers already on the page change at their next redraw.
Introduced in ``00_start_here`` (the Chinese edition's Setup cell calls ``cl.language("zh")``).
"""

from __future__ import annotations

import string
import unicodedata
from importlib import import_module

__all__ = [
    "language",
    "current",
    "catalog",
    "LANGUAGES",
    "DOMAINS",
    "placeholders",
    "width",
    "ljust",
    "rjust",
]

#: The languages the package speaks, by code.
LANGUAGES = {"en": "English", "zh": "中文 (简体)"}
#: The layers whose words live in catalogs: ``convlesson/<domain>/words/<language>.py``.
DOMAINS = ("core", "pictures", "explorers", "exercises")

_state = {"language": "en"}
_tables: dict[tuple[str, str], dict[str, str]] = {}


def current() -> str:
    """The code of the language in use: ``'en'`` or ``'zh'``."""
    return _state["language"]


def language(code: str | None = None) -> str:
    """Speak ``code`` from now on (``'en'`` English, ``'zh'`` Chinese); return the language in use.

    ``cl.language()`` alone says which language is in use. Pictures drawn from then on, the explorers'
    readouts, ``cl.check`` and the errors a learner can cause all switch; an explorer already shown
    changes at its next redraw.

    Examples
    --------
    >>> language("zh")
    'zh'
    >>> language("en")
    'en'
    """
    if code is None:
        return current()
    _state["language"] = _check(code, "language")
    return current()


def _check(code, name: str) -> str:
    """``code`` as a language code (``'en'``, ``'zh'``, any case), or a ValueError naming ``name``."""
    if not isinstance(code, str) or code.strip().lower() not in LANGUAGES:
        codes = ", ".join(f"{c!r} ({words})" for c, words in LANGUAGES.items())
        raise ValueError(catalog("core")("language.unknown", name=name, codes=codes, value=repr(code)))
    return code.strip().lower()


def table(domain: str, code: str) -> dict[str, str]:
    """The catalog of ``domain`` in language ``code``: ``{key: template}`` (loaded once)."""
    key = (domain, code)
    if key not in _tables:
        _tables[key] = dict(import_module(f"convlesson.{domain}.words.{code}").WORDS)
    return _tables[key]


def catalog(domain: str, code: str | None = None):
    """``say(key, **values)`` for one layer: the key's words in the current language, formatted.

    With ``code``, always in that language (an exercise's record speaks the language it was written in).
    """
    if domain not in DOMAINS:
        raise ValueError(f"domain must be one of {DOMAINS}, got {domain!r}")
    fixed = None if code is None else _check(code, "code")

    def say(key: str, /, **values) -> str:
        words = table(domain, fixed or current()).get(key)
        if words is None:  # a key only English has yet: the tests fail on it, a learner still reads
            words = table(domain, "en")[key]
        return words.format(**values) if values else words

    say.domain = domain
    say.language = fixed
    return say


def placeholders(template: str) -> set[str]:
    """The names a template is formatted with: ``{'k'}`` for ``'{k} × {k} kernel'``."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def width(text: str) -> int:
    """How many columns ``text`` takes in a monospaced table: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def ljust(text: str, columns: int) -> str:
    """``text`` padded with spaces on the right to ``columns`` columns (see :func:`width`)."""
    return text + " " * max(columns - width(text), 0)


def rjust(text: str, columns: int) -> str:
    """``text`` padded with spaces on the left to ``columns`` columns (see :func:`width`)."""
    return " " * max(columns - width(text), 0) + text
