"""A cache bounded by bytes: it keeps what was used last and forgets the rest, so memory stays flat.

The live pictures keep what they drew once -- labels rasterised into small images, measured text
sizes -- to draw the next frame faster. Every slider move can bring new strings (new numbers, new
formulas), so a cache that only grows would grow with every move. :class:`BoundedCache` holds at most
``max_bytes`` (by its own count of the keys' and values' sizes) and, when full, forgets the entries
used least recently.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Callable, Hashable

import numpy as np

from .language import catalog

__all__ = ["BoundedCache", "size_of"]

_MISSING = object()


def size_of(obj) -> int:
    """About how many bytes ``obj`` holds: numpy arrays by their data, tuples by their items."""
    if isinstance(obj, np.ndarray):
        return obj.nbytes + 112
    if isinstance(obj, (tuple, list)):
        return sys.getsizeof(obj) + sum(size_of(item) for item in obj)
    if isinstance(obj, bytes):
        return len(obj) + 33
    return sys.getsizeof(obj)


class BoundedCache:
    """A mapping that keeps at most ``max_bytes`` of entries, forgetting the least recently used first.

    Parameters
    ----------
    max_bytes : int
        The most bytes the entries may hold together (keys and values, as ``size`` counts them).
    size : callable, optional
        ``size(key, value) -> int``; by default :func:`size_of` of both.

    Examples
    --------
    >>> cache = BoundedCache(1000)
    >>> cache.put("a", b"x" * 600)
    >>> cache.put("b", b"y" * 600)     # no room for both: "a", used least recently, is forgotten
    >>> "a" in cache, "b" in cache
    (False, True)
    """

    def __init__(self, max_bytes: int, size: Callable[[Hashable, object], int] | None = None):
        if max_bytes <= 0:
            raise ValueError(catalog("core")("cache.max_bytes", value=max_bytes))
        self.max_bytes = int(max_bytes)
        self._size = size or (lambda key, value: size_of(key) + size_of(value))
        self._entries: OrderedDict = OrderedDict()  # key -> (value, bytes)
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key) -> bool:
        return key in self._entries

    def get(self, key, default=None):
        """The value kept for ``key`` (now the most recently used), or ``default``."""
        entry = self._entries.get(key, _MISSING)
        if entry is _MISSING:
            return default
        self._entries.move_to_end(key)
        return entry[0]

    def put(self, key, value) -> None:
        """Keep ``value`` for ``key``, forgetting the least recently used entries to make room.

        A value larger than the whole cache is not kept.
        """
        nbytes = int(self._size(key, value))
        old = self._entries.pop(key, _MISSING)
        if old is not _MISSING:
            self.bytes -= old[1]
        if nbytes > self.max_bytes:
            return
        while self._entries and self.bytes + nbytes > self.max_bytes:
            _, (_, freed) = self._entries.popitem(last=False)
            self.bytes -= freed
        self._entries[key] = (value, nbytes)
        self.bytes += nbytes

    def discard(self, key) -> None:
        """Forget ``key`` (nothing happens when it is not kept)."""
        old = self._entries.pop(key, _MISSING)
        if old is not _MISSING:
            self.bytes -= old[1]

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0
