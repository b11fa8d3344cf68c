"""The words of ``convlesson.pictures``, one catalog per language (see :mod:`convlesson.core.language`).

``en.py`` and ``zh.py`` each hold ``WORDS = {key: template}`` with the same keys and the same
placeholders; edit the words freely, keep the keys and the ``{names}`` in braces. A count that
English writes in the singular or the plural has two keys, ``….one`` and ``….many``
(:func:`say_n`). Code words a learner types -- ``'yellow minus blue'``, ``'sobel x'``,
``'random'`` -- stay as they are; the keys ``named.<word>`` may add a gloss (:func:`name_of`).
"""

from __future__ import annotations

from ...core.language import catalog, table

__all__ = ["say", "say_n", "name_of"]

say = catalog("pictures")


def say_n(key: str, n: int, **values) -> str:
    """``key.one`` for one thing, ``key.many`` for any other count, with ``n`` among the values."""
    return say(f"{key}.{'one' if n == 1 else 'many'}", n=n, **values)


def name_of(word: str) -> str:
    """How a picture writes a code word (a filter's or a kernel's name): itself, and a gloss in Chinese."""
    key = f"named.{word}"
    return say(key) if key in table("pictures", "en") else word
