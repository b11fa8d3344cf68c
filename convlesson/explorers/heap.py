"""Freed memory goes back to the system after each frame (on Linux with glibc; elsewhere nothing).

Every frame allocates and frees large buffers (the renderer when the picture's height changes, the
resampled images, the PNG). After such a free glibc raises its threshold for serving large buffers
from pages of their own, so later ones come from the heap and leave it fragmented: a kernel showing
FilterBank kept about 30 MB of FREE heap after a few hundred moves, in use by nothing, and trimming
only every eighth frame still let it reach 30 MB in between. glibc's ``malloc_trim(0)`` hands those
pages back; it takes about half a millisecond after a frame of 20-30 ms.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

__all__ = ["after_frame"]


def _find_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim  # glibc only (musl has none)
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


_trim = _find_trim()


def after_frame() -> None:
    """Give the heap's free pages back to the system (does nothing where glibc is not in use)."""
    if _trim is not None:
        _trim(0)
