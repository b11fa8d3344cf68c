"""What the explorers draw from: their inputs and the small kernel a sweep uses."""

from __future__ import annotations

import numpy as np

from ..samples import photo, synthetic_channels

__all__ = ["layer_input", "sweep_kernel"]


def layer_input(size: int, c_in: int) -> tuple[np.ndarray, bool]:
    """The photo for three channels, synthetic patterns otherwise; and whether it is the photo."""
    if c_in == 3:
        return photo(size), True
    return synthetic_channels(size, c_in), False


def sweep_kernel(k: int) -> np.ndarray:
    """The small-integer kernel ``KernelSweep`` uses for ``kernel_size = k`` (weights -1, 0, 1; not all 0)."""
    rng = np.random.default_rng(100 + k)
    kern = rng.integers(-1, 2, size=(k, k)).astype(float)
    if not kern.any():
        kern[k // 2, k // 2] = 1.0
    return kern
