"""Time ``convlesson.conv2d`` against a per-channel ``scipy.signal.correlate2d`` loop.

The loop is the textbook way: for each filter, sweep each of its kernels over its channel and add
the maps. Run ``python benchmarks/conv.py``; it prints the median of several repeats for each case
and the speed-up, after checking that both give the same numbers.
"""

from __future__ import annotations

import statistics
import timeit

import numpy as np
from scipy.signal import correlate2d

import convlesson as cl


def scipy_loop(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """'valid' cross-correlation, one ``correlate2d`` per (filter, channel), summed over channels."""
    c_in, filters = kernel.shape[2], kernel.shape[3]
    maps = [
        sum(correlate2d(x[..., c], kernel[:, :, c, f], mode="valid") for c in range(c_in))
        for f in range(filters)
    ]
    return np.stack(maps, axis=-1)


def median_seconds(fn, repeat: int) -> float:
    number = 1
    while min(timeit.repeat(fn, number=number, repeat=1)) < 0.05 and number < 10_000:
        number *= 4
    return statistics.median(timeit.repeat(fn, number=number, repeat=repeat)) / number


def main() -> None:
    rng = np.random.default_rng(0)
    cases = [
        ("28x28x3 input, 2 filters 3x3", rng.random((28, 28, 3)), rng.standard_normal((3, 3, 3, 2))),
        ("512x512x3 photo, 16 filters 3x3", cl.photo(512), rng.standard_normal((3, 3, 3, 16))),
    ]
    print(f"{'case':34s} {'conv2d':>12s} {'scipy loop':>12s} {'speed-up':>9s}")
    for name, x, kernel in cases:
        ours, theirs = cl.conv2d(x, kernel), scipy_loop(x, kernel)
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-12)
        t_ours = median_seconds(lambda x=x, kernel=kernel: cl.conv2d(x, kernel), repeat=7)
        t_theirs = median_seconds(lambda x=x, kernel=kernel: scipy_loop(x, kernel), repeat=7)
        print(f"{name:34s} {t_ours * 1e3:9.3f} ms {t_theirs * 1e3:9.3f} ms {t_theirs / t_ours:8.1f}x")


if __name__ == "__main__":
    main()
