"""The words of ``convlesson.explorers``, one catalog per language (see :mod:`convlesson.core.language`).

``en.py`` and ``zh.py`` each hold ``WORDS = {key: template}`` with the same keys and the same
placeholders; edit the words freely, keep the keys and the ``{names}`` in braces. A count that
English writes in the singular or the plural has two keys, ``….one`` and ``….many``
(:func:`say_n`). A control is described by ``control.<name>``: its code name, which a learner
types, and in Chinese a short gloss after it.
"""

from __future__ import annotations

from ...core.language import catalog

__all__ = ["say", "say_n"]

say = catalog("explorers")


def say_n(key: str, n: int, **values) -> str:
    """``key.one`` for one thing, ``key.many`` for any other count, with ``n`` among the values."""
    return say(f"{key}.{'one' if n == 1 else 'many'}", n=n, **values)
