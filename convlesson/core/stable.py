"""Random numbers keyed by where they go: the same seed and place always give the same number.

A layer's kernel ``(j, c)`` -- filter ``j``'s kernel for input channel ``c`` -- must not change when
a filter or an input channel is added, so its weights cannot come from one random stream drawn in
the order of the whole tensor (adding a filter would shift every later number). Here each number is
a hash of its place: the seed, a stream name, and its indices (splitmix64, vectorised with numpy's
wrapping uint64 arithmetic), so any part of a tensor can be made alone and always comes out the same.
"""

from __future__ import annotations

import zlib

import numpy as np

__all__ = ["uniform", "integers"]

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every input bit affects every output bit."""
    with np.errstate(over="ignore"):
        z = z + _GOLDEN
        z = (z ^ (z >> np.uint64(30))) * _M1
        z = (z ^ (z >> np.uint64(27))) * _M2
    return z ^ (z >> np.uint64(31))


def _hash(seed: int, stream: str, *keys) -> np.ndarray:
    h = _mix(np.uint64(seed % 2**64) ^ np.uint64(zlib.crc32(stream.encode())))
    for key in np.broadcast_arrays(*keys) if keys else ():
        h = _mix(h ^ np.asarray(key, dtype=np.int64).astype(np.uint64))
    return np.asarray(h)


def uniform(seed: int, stream: str, *keys) -> np.ndarray:
    """Numbers in ``[-1, 1)``, one per element of the broadcast ``keys`` (index arrays)."""
    bits = _hash(seed, stream, *keys) >> np.uint64(11)  # 53 random bits
    return bits.astype(float) * 2.0**-52 - 1.0


def integers(seed: int, stream: str, lo: int, hi: int, *keys) -> np.ndarray:
    """Whole numbers from ``lo`` to ``hi`` (both included), one per element of the broadcast ``keys``."""
    span = np.uint64(hi - lo + 1)
    return (_hash(seed, stream, *keys) % span).astype(np.int64) + lo
