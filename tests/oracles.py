"""Oracles that more than one test module holds the package against, written from the definition."""

from __future__ import annotations

import numpy as np


def loop_corr(x, k, strides=1):
    """Cross-correlation of one channel with one kernel by explicit loops: every top-left corner
    (0, strides, 2 * strides, ...) where the kernel still fits, then four loops."""
    h, w = x.shape
    kh, kw = k.shape
    tops = [t for t in range(0, h, strides) if t + kh <= h]
    lefts = [left for left in range(0, w, strides) if left + kw <= w]
    out = np.zeros((len(tops), len(lefts)))
    for i, top in enumerate(tops):
        for j, left in enumerate(lefts):
            for a in range(kh):
                for b in range(kw):
                    out[i, j] += x[top + a, left + b] * k[a, b]
    return out


def count_positions(n, k, strides=1, before=0, after=0, dilation=1):
    """Count, one by one, the places where a (dilated) kernel fits in a padded 1-D input."""
    padded = n + before + after
    taps = [dilation * t for t in range(k)]
    return sum(1 for start in range(0, padded, strides) if start + taps[-1] < padded)


def tf_same_padding(n, k, strides, dilation=1):
    """Search for the smallest total padding giving ceil(n / strides) outputs; odd pixel after."""
    want = len(range(0, n, strides))  # ceil(n / strides), by counting
    total = 0
    while count_positions(n, k, strides, 0, total, dilation) < want:
        total += 1
    return total // 2, total - total // 2
