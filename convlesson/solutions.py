"""Worked solutions to the exercises in ``08_exercises``, one function each.

Each ``exNN`` function works its exercise out with plain arithmetic or loops, so that
``cl.solution(n)`` can show its source as the worked answer. ``my_corr2d`` and ``my_conv2d`` are
the from-scratch implementations the last two exercises ask for.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "ex01",
    "ex02",
    "ex03",
    "ex04",
    "ex05",
    "ex06",
    "ex07",
    "ex08",
    "ex09",
    "ex10",
    "ex11",
    "ex12",
    "ex13",
    "ex14",
    "ex15",
    "ex16",
    "my_corr2d",
    "my_conv2d",
]


def ex01():
    # 28 x 28 input, 3 x 3 kernel, strides 1, 'valid' (no padding)
    n, k, s = 28, 3, 1
    return (n - k) // s + 1  # = 26


def ex02():
    # 8 pixels, kernel 3, strides 2, 'valid': (8 - 3) / 2 = 2.5 is floored to 2
    n, k, s = 8, 3, 2
    return (n - k) // s + 1  # = 2 + 1 = 3 (windows start at 0, 2, 4; one at 6 would need pixel 8)


def ex03():
    # 'same' in TensorFlow/Keras means: output = ceil(input / strides), whatever the kernel
    n, s = 7, 2
    return -(-n // s)  # ceil(7 / 2) = 4


def ex04():
    # TensorFlow 'same' on 6 pixels, kernel 3, strides 2:
    n, k, s = 6, 3, 2
    out = -(-n // s)  # ceil(6 / 2) = 3 outputs
    total = max((out - 1) * s + k - n, 0)  # (3 - 1) * 2 + 3 - 6 = 1 zero pixel in all
    before = total // 2  # 0 on top
    after = total - before  # the odd pixel goes at the bottom: 1
    return (before, after)  # (0, 1)


def ex05():
    # PyTorch's padding=2 is PER SIDE: 2 zeros on top AND 2 at the bottom, 4 in total
    n, k, p_per_side, s = 32, 5, 2, 1
    return (n + 2 * p_per_side - k) // s + 1  # (32 + 4 - 5) + 1 = 32


def ex06():
    # dilation_rate 2 spreads the 3 taps over 2 * (3 - 1) + 1 = 5 pixels
    n, k, d = 10, 3, 2
    span = d * (k - 1) + 1
    return n - span + 1  # 10 - 5 + 1 = 6


def ex07():
    # output row 1, column 0: the window starts at input row 1, column 0
    window = np.array([[0, 1], [3, 0]])
    kernel = np.array([[1, 2], [0, -1]])
    bias = 1
    return int((window * kernel).sum()) + bias  # 0*1 + 1*2 + 3*0 + 0*(-1) + 1 = 3


def ex08():
    # the three per-channel maps are ADDED (not averaged), then the bias, then ReLU
    per_channel = [1.5, -4.0, 2.0]
    bias = 0.25
    z = sum(per_channel) + bias  # -0.5 + 0.25 = -0.25
    return max(z, 0.0)  # ReLU(-0.25) = 0.0


def ex09():
    # one filter holds one (5, 3) kernel per input channel: (kh, kw, C_in)
    kh, kw, c_in = 5, 3, 8
    return (kh, kw, c_in)


def ex10():
    # 16 filters, each holding C_in = 8 kernels
    filters, c_in = 16, 8
    return filters * c_in  # 128 kernels


def ex11():
    # `filters` IS the number of filters (= output channels), whatever C_in is
    return 16


def ex12():
    # (N, H, W, C_in) -> (N, H', W', filters); 'valid' and strides 1: H' = 28 - 3 + 1
    n, h, w, _c_in = 4, 28, 28, 3
    filters, k = 2, 3
    return (n, h - k + 1, w - k + 1, filters)  # (4, 26, 26, 2)


def ex13():
    # 2 filters x (3 kernels of 3 x 3 weights) + one bias per filter
    filters, k, c_in = 2, 3, 3
    return filters * (k * k * c_in) + filters  # 54 + 2 = 56


def ex14():
    filters, k, c_in = 64, 3, 32
    return filters * (k * k * c_in) + filters  # 18432 + 64 = 18496


def ex15():
    # depthwise: 32 filters, each holding ONE kernel (for its own channel), plus 32 biases
    channels, k = 32, 3
    return channels * (k * k * 1) + channels  # 288 + 32 = 320


def ex16():
    # Keras (kh, kw, C_in, filters) -> PyTorch (out_channels, in_channels, kh, kw)
    kh, kw, c_in, filters = 3, 3, 16, 32
    return (filters, c_in, kh, kw)  # (32, 16, 3, 3); in numpy: kernel.transpose(3, 2, 0, 1)


def my_corr2d(x, k):
    """One channel, one kernel, 'valid', strides 1: the sweep of ``01_the_sweep``."""
    x = np.asarray(x, dtype=float)
    k = np.asarray(k, dtype=float)
    kh, kw = k.shape
    out = np.zeros((x.shape[0] - kh + 1, x.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (x[i : i + kh, j : j + kw] * k).sum()
    return out


def my_conv2d(x, kernel):
    """``(H, W, C_in)`` input, ``(kh, kw, C_in, filters)`` kernel -> ``(H', W', filters)``."""
    x = np.asarray(x, dtype=float)
    kernel = np.asarray(kernel, dtype=float)
    kh, kw, c_in, filters = kernel.shape
    out = np.zeros((x.shape[0] - kh + 1, x.shape[1] - kw + 1, filters))
    for f in range(filters):  # one output channel per filter
        for c in range(c_in):  # the filter's kernel for channel c sweeps channel c ...
            out[:, :, f] += my_corr2d(x[:, :, c], kernel[:, :, c, f])  # ... and the maps add up
    return out
