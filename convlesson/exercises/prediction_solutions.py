"""Worked solutions to the predictions asked in the lesson notebooks, one function each.

``cl.solution("sweep-size")`` shows the source of :func:`sweep_size`, and so on: each works its
prediction out with plain arithmetic, small arrays or loops.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "sweep_size",
    "stride_positions",
    "padding_sizes",
    "same_extra_zero",
    "rectangular_output",
    "kernels_for_one_map",
    "one_number",
    "step_by_hand",
    "layer_kernels",
    "weights_shape",
    "params_64_32",
    "chain_kernels",
    "same_kernels_colour",
    "layer2_filter_shape",
    "network_kernels",
    "grouped_kernels",
]


def sweep_size():
    # a 3 x 3 kernel fits at 5 - 3 + 1 = 3 places down and 3 across
    n, k = 5, 3
    return (n - k + 1, n - k + 1)  # (3, 3)


def stride_positions():
    # left edges 0, 2, 4 (a window at 6 would need pixels 6, 7, 8; the row ends at 6)
    n, k, s = 7, 3, 2
    starts = [start for start in range(0, n, s) if start + k <= n]
    return len(starts)  # 3 = (7 - 3) // 2 + 1


def padding_sizes():
    n, k = 5, 3
    valid = n - k + 1  # no padding: 3
    same = n + 2 * ((k - 1) // 2) - k + 1  # 1 zero on each side: 5, the input's size
    full = n + 2 * (k - 1) - k + 1  # k - 1 = 2 zeros on each side: 7
    return (valid, same, full)


def same_extra_zero():
    # TensorFlow's 'same': ceil(6 / 2) = 3 outputs need (3 - 1) * 2 + 3 = 7 pixels: 1 zero in all
    n, k, s = 6, 3, 2
    out = -(-n // s)
    total = (out - 1) * s + k - n  # 1
    before = total // 2  # 0: the odd zero is not put before ...
    after = total - before  # 1: ... it goes after (bottom/right)
    return "after" if after > before else "before"


def rectangular_output():
    # kernel_size (1, 5): 1 tall, 5 wide; each axis shrinks by (its kernel size - 1)
    (h, w), (kh, kw) = (64, 64), (1, 5)
    return (h - kh + 1, w - kw + 1)  # (64, 60)


def kernels_for_one_map():
    # one output map is made by ONE filter, and a filter holds one kernel per input channel
    c_in = 8
    return c_in  # 8 kernels, whose 8 maps are added into the one map


def one_number():
    # at one position: each kernel gives one partial sum, on its own channel
    partial_sums = [4, -2, 1]
    bias = -1
    return sum(partial_sums) + bias  # 4 - 2 + 1 - 1 = 2: the sums are ADDED, then the one bias


def step_by_hand():
    # step 5: the 3 x 3 windows at output position (1, 1) of the 5 x 5 picture (numbers 0 to 3)
    r = [[3, 2, 0], [2, 0, 1], [0, 1, 3]]
    g = [[0, 0, 2], [0, 0, 1], [1, 1, 3]]
    b = [[0, 0, 1], [0, 0, 0], [3, 2, 0]]
    kernels = {"R": 1, "G": 1, "B": -1}  # every weight of R's and G's kernels is +1, of B's -1
    partial = [
        sum(v * kernels[name] for row in window for v in row)
        for name, window in (("R", r), ("G", g), ("B", b))
    ]  # 12, 8 and -6: each kernel's products summed
    bias = 2
    return sum(partial) + bias  # 12 + 8 - 6 = 14, plus the bias: 16


def layer_kernels():
    # 16 filters, each holding one kernel per input channel
    filters, c_in = 16, 8
    return filters * c_in  # 128


def weights_shape():
    # Keras's layout (kh, kw, C_in, filters): two filters of three 3 x 3 kernels
    filters = [np.zeros((3, 3, 3)) for _j in range(2)]  # each filter: (kh, kw, C_in)
    return np.stack(filters, axis=-1).shape  # (3, 3, 3, 2)


def params_64_32():
    # 64 filters x (32 kernels of 3 x 3) + one bias per filter
    filters, c_in, k = 64, 32, 3
    return filters * (k * k * c_in) + filters  # 18432 + 64 = 18496


def chain_kernels():
    # layer 2's input is layer 1's output: one channel per layer-1 filter, 8 of them
    layer1_filters = 8
    return layer1_filters  # each layer-2 filter holds 8 kernels


def same_kernels_colour():
    # the same kernel w on R, G and B: w*R + w*G + w*B = w*(R + G + B), so only the sum of the channels
    # counts; a red pixel (1, 0, 0) and a green one (0, 1, 0) both add up to 1
    w = np.array([[0.0, 1.0, 0.0], [1.0, 2.0, 1.0], [0.0, 1.0, 0.0]])  # any kernel will do
    red = np.zeros((3, 3, 3))
    red[..., 0] = 1.0
    green = np.zeros((3, 3, 3))
    green[..., 1] = 1.0
    on_red = sum((w * red[..., c]).sum() for c in range(3))
    on_green = sum((w * green[..., c]).sum() for c in range(3))
    return bool(on_red != on_green)  # False: the same number for both


def layer2_filter_shape():
    # layer 2's input is layer 1's output after pooling: 8 channels, one per layer-1 filter
    kernel_size, layer1_filters = 3, 8
    return (kernel_size, kernel_size, layer1_filters)  # (3, 3, 8): 8 kernels of 3 x 3


def network_kernels():
    # layer 1: 8 filters of 3 kernels (R, G, B); layer 2: 16 filters of 8 kernels (one per layer-1 map)
    layer1 = 8 * 3
    layer2 = 16 * 8
    return layer1 + layer2  # 24 + 128 = 152; pooling and the dense layer hold no kernels


def grouped_kernels():
    # groups = 2 splits the 4 input channels into 2 groups; each filter sees one group
    c_in, groups = 4, 2
    return c_in // groups  # 2 kernels per filter
