"""The small kernel a one-channel sweep uses, by its size."""

from __future__ import annotations

import numpy as np

__all__ = ["sweep_kernel"]


def sweep_kernel(k: int) -> np.ndarray:
    """The small-integer kernel ``KernelSweep`` uses for ``kernel_size = k`` (weights -1, 0, 1; not all 0)."""
    rng = np.random.default_rng(100 + k)
    kern = rng.integers(-1, 2, size=(k, k)).astype(float)
    if not kern.any():
        kern[k // 2, k // 2] = 1.0
    return kern
