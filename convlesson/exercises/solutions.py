"""Worked solutions to the exercises in ``09_exercises``, one function each.

Each ``exNN`` function works its exercise out with plain arithmetic, small arrays or loops, so that
``cl.solution(n)`` can show its source as the worked answer. ``my_corr2d`` (with strides) and
``my_conv2d`` are the from-scratch implementations exercises 36 and 37 ask for. The predictions asked
in the lesson notebooks have theirs in :mod:`convlesson.exercises.prediction_solutions`.
"""

from __future__ import annotations

import numpy as np

__all__ = [f"ex{n:02d}" for n in range(1, 36)] + ["my_corr2d", "my_conv2d", "ex38", "ex39", "ex40"]


# ------------------------------------------------------------------ output sizes and padding
def ex01():
    # 15 x 15 input, 3 x 3 kernel, strides 1, 'valid' (no padding)
    n, k, s = 15, 3, 1
    return (n - k) // s + 1  # = 13: the kernel's left edge at 0, 1, ..., 12


def ex02():
    # 12 pixels, kernel 5, strides 2, 'valid': (12 - 5) / 2 = 3.5 is floored to 3
    n, k, s = 12, 5, 2
    return (n - k) // s + 1  # = 3 + 1 = 4 (windows start at 0, 2, 4, 6; one at 8 would need pixel 12)


def ex03():
    # 'same' in TensorFlow/Keras means: output = ceil(input / strides), whatever the kernel
    n, k, s = 11, 5, 2
    out = -(-n // s)  # ceil(11 / 2) = 6
    total = (out - 1) * s + k - n  # the padding that takes: (6 - 1) * 2 + 5 - 11 = 4 zeros, 2 a side
    assert (n + total - k) // s + 1 == out  # the output-size formula agrees: 10 // 2 + 1 = 6
    return out


def ex04():
    # TensorFlow 'same' on 224 pixels, kernel 7, strides 2:
    n, k, s = 224, 7, 2
    out = -(-n // s)  # ceil(224 / 2) = 112 outputs
    total = max((out - 1) * s + k - n, 0)  # (112 - 1) * 2 + 7 - 224 = 5 zero rows in all
    before = total // 2  # 2 on top
    after = total - before  # the odd row goes at the bottom: 3
    return (before, after)  # (2, 3)


def ex05():
    # 'full': every position where the kernel overlaps the input by at least one pixel, so the
    # kernel may hang k - 1 pixels over each edge: pad k - 1 zeros on EACH side
    n, k = 10, 5
    per_side = k - 1  # = 4 (8 in total); 'same' would pad (k - 1) // 2 = 2 per side
    padded = n + 2 * per_side  # 18
    return padded - k + 1  # 18 - 5 + 1 = 14 = n + k - 1, the 'full' size


def ex06():
    # PyTorch's padding=2 is PER SIDE: 2 zeros on top AND 2 at the bottom, 4 in total
    n, k, p_per_side, s = 32, 5, 2, 1
    return (n + 2 * p_per_side - k) // s + 1  # (32 + 4 - 5) + 1 = 32


def ex07():
    # dilation_rate 2 spreads the 3 taps over 2 * (3 - 1) + 1 = 5 pixels (taps at 0, 2 and 4)
    n, k, d = 15, 3, 2
    span = d * (k - 1) + 1
    return n - span + 1  # 15 - 5 + 1 = 11


def ex08():
    # each axis on its own: kernel (3, 5) is 3 tall and 5 wide; strides (1, 2)
    (h, w), (kh, kw), (sh, sw) = (32, 32), (3, 5), (1, 2)
    return ((h - kh) // sh + 1, (w - kw) // sw + 1)  # (29 + 1, 27 // 2 + 1) = (30, 14)


# ------------------------------------------------------------------ reading feature maps
def ex09():
    # output row 1, column 0: the window starts at input row 1, column 0
    window = np.array([[0, 1], [3, 0]])
    kernel = np.array([[1, 2], [0, -1]])
    bias = 1
    return int((window * kernel).sum()) + bias  # 0*1 + 1*2 + 3*0 + 0*(-1) + 1 = 3


def ex10():
    # the three per-channel maps are ADDED (not averaged), then the bias, then ReLU
    per_channel = [1.5, -4.0, 2.0]
    bias = 0.25
    z = sum(per_channel) + bias  # -0.5 + 0.25 = -0.25
    return max(z, 0.0)  # ReLU(-0.25) = 0.0


# ------------------------------------------------------------------ kernels and filters
def ex11():
    # "a filter is a bigger kernel"? Build one filter for an RGB input with 3 x 3 kernels:
    kernel = np.zeros((3, 3))  # one kernel: 2-D, for ONE input channel
    one_filter = np.stack([kernel, kernel, kernel], axis=-1)  # C_in = 3 kernels stacked: (3, 3, 3)
    # the filter is not bigger in height or width; it is DEEPER: one kernel per input channel
    return one_filter.shape[:2] != kernel.shape  # False


def ex12():
    # "each kernel sees all three channels"? Write one output pixel of one filter on RGB:
    #   out = sum(window_R * k_R) + sum(window_G * k_G) + sum(window_B * k_B) + bias
    # kernel k_R multiplies only the red window: a kernel is 2-D and belongs to ONE channel;
    # it is the FILTER, the stack (k_R, k_G, k_B), that sees all three
    channels_one_kernel_reads = 1
    return channels_one_kernel_reads == 3  # False


def ex13():
    # one filter: each of its C_in kernels makes one map, and the maps are ADDED into one
    for c_in in (1, 3, 8):
        maps = [np.zeros((26, 26)) for _c in range(c_in)]  # one per kernel
        out_channel = sum(maps)  # one (26, 26) map, whatever C_in is
        assert out_channel.shape == (26, 26)
    return True


def ex14():
    # grayscale: C_in = 1, so each filter stacks exactly one kernel, shape (3, 3, 1)
    c_in = 1
    return c_in  # one kernel per input channel: 1; here filter and kernel hold the same numbers


def ex15():
    # Conv2D(4, 3) on 8 channels: 4 filters of 8 kernels = 32 kernels
    filters, c_in = 4, 8
    kernels = filters * c_in  # 32
    biases = filters  # one bias per FILTER, added once to its summed map: 4
    return biases == kernels  # False: 4 biases, not 32


def ex16():
    # Keras's layer.kernel is the WHOLE 4-D weight tensor (kh, kw, C_in, filters) by Keras's
    # convention; this course calls it the layer's weights, and a kernel is one 2-D slice of it
    keras_kernel_ndim = len((3, 3, 3, 2))  # Conv2D(2, 3) on RGB: layer.kernel.shape == (3, 3, 3, 2)
    return keras_kernel_ndim == 2  # False


def ex17():
    # one filter holds one (5, 3) kernel per input channel: (kh, kw, C_in)
    kh, kw, c_in = 5, 3, 8
    return (kh, kw, c_in)


def ex18():
    # 12 filters, each holding C_in = 6 kernels (of 5 x 5 weights each)
    filters, c_in = 12, 6
    return filters * c_in  # 72 kernels


def ex19():
    # each filter makes ONE output channel, whatever C_in and kernel_size are
    out_channels = 10
    return out_channels  # 10 filters (each holding 5 kernels, one per input channel)


def ex20():
    # Keras's layout: (kh, kw, C_in, filters)
    _kh, _kw, c_in, filters = (3, 3, 64, 128)
    return (c_in, filters, c_in * filters)  # (64, 128, 8192): one kernel per (channel, filter) pair


def ex21():
    # PyTorch's layout: (out_channels, in_channels, kh, kw), and out_channels = filters
    filters, c_in, _kh, _kw = (32, 16, 5, 5)
    return (c_in, filters, c_in * filters)  # (16, 32, 512)


def ex22():
    # Keras's layout (kh, kw, C_in, filters): keep both kernel axes, then channel c, then filter j
    j, c = 4, 1
    return f"w[:, :, {c}, {j}]"  # 'w[:, :, 1, 4]', a (3, 3) kernel


def ex23():
    # PyTorch's layout (out_channels, in_channels, kh, kw): filter j first, then channel c
    j, c = 4, 1
    return f"weight[{j}, {c}]"  # 'weight[4, 1]', a (3, 3) kernel


# ------------------------------------------------------------------ layers
def ex24():
    # (N, H, W, C_in) -> (N, H', W', filters); 'valid' and strides 1: H' = 20 - 3 + 1
    n, h, w, _c_in = 10, 20, 20, 3
    filters, k = 4, 3
    return (n, h - k + 1, w - k + 1, filters)  # (10, 18, 18, 4)


def ex25():
    # 'same', strides 1: H' = H; one output channel per FILTER (its 3 kernels' maps are added)
    h, w, _c_in = 32, 32, 3
    filters = 8
    return (h, w, filters)  # (32, 32, 8)


def ex26():
    # 4 filters x (3 kernels of 5 x 5 weights) + one bias per filter
    filters, k, c_in = 4, 5, 3
    return filters * (k * k * c_in) + filters  # 4 * 75 + 4 = 300 + 4 = 304


def ex27():
    # 48 filters x (24 kernels of 3 x 3 weights) + one bias per filter
    filters, k, c_in = 48, 3, 24
    return filters * (k * k * c_in) + filters  # 48 * 216 + 48 = 10368 + 48 = 10416


def ex28():
    # Keras (kh, kw, C_in, filters) -> PyTorch (out_channels, in_channels, kh, kw)
    kh, kw, c_in, filters = 3, 3, 16, 32
    return (filters, c_in, kh, kw)  # (32, 16, 3, 3); in numpy: weights.transpose(3, 2, 0, 1)


# ------------------------------------------------------------------ chains, groups, 1 x 1
def ex29():
    # layer 1 makes 6 output channels, one per filter; they are layer 2's input channels
    layer1_filters = 6
    layer2_c_in = layer1_filters
    return layer2_c_in  # each layer-2 filter holds 6 kernels


def ex30():
    # layer 1: 6 filters x 3 kernels; layer 2: 10 filters x 6 kernels
    layer1 = 6 * 3  # 18
    layer2 = 10 * 6  # 60
    return layer1 + layer2  # 78


def ex31():
    # weights = kernels x 3 x 3, plus one bias per filter, layer by layer
    layer1 = 6 * 3 * 3 * 3 + 6  # 162 + 6 = 168
    layer2 = 10 * 6 * 3 * 3 + 10  # 540 + 10 = 550
    return layer1 + layer2  # 718


def ex32():
    # groups=2 splits the 4 input channels into 2 groups of 2; each filter sees one group
    filters, c_in, groups = 8, 4, 2
    kernels_per_filter = c_in // groups  # 2
    return filters * kernels_per_filter  # 16 (an ordinary Conv2D would hold 32)


def ex33():
    # Keras stores grouped weights as (kh, kw, C_in / groups, filters)
    kh, kw, c_in, groups, filters = 3, 3, 4, 2, 8
    return (kh, kw, c_in // groups, filters)  # (3, 3, 2, 8)


def ex34():
    # depthwise: 32 filters, each holding ONE kernel (for its own channel), plus 32 biases
    channels, k = 32, 3
    return channels * (k * k * 1) + channels  # 288 + 32 = 320


def ex35():
    # a 1 x 1 kernel is one weight, but each of the 16 filters still holds 64 of them
    filters, c_in = 16, 64
    return filters * (1 * 1 * c_in) + filters  # 1024 + 16 = 1040


# ------------------------------------------------------------------ write it yourself
def my_corr2d(x, k, strides=1):
    """One channel, one kernel, 'valid', with strides: the sweep of 01_the_sweep, jumping `strides` pixels."""
    x = np.asarray(x, dtype=float)
    k = np.asarray(k, dtype=float)
    kh, kw = k.shape
    s = strides
    out = np.zeros(((x.shape[0] - kh) // s + 1, (x.shape[1] - kw) // s + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            top, left = i * s, j * s  # after i steps down the kernel has moved i * s pixels
            out[i, j] = (x[top : top + kh, left : left + kw] * k).sum()
    return out


def my_conv2d(x, weights):
    """(H, W, C_in) input, (kh, kw, C_in, filters) weights -> (H', W', filters)."""
    x = np.asarray(x, dtype=float)
    weights = np.asarray(weights, dtype=float)
    kh, kw, c_in, filters = weights.shape  # Keras's layout: the channel axis, then the filter axis
    out = np.zeros((x.shape[0] - kh + 1, x.shape[1] - kw + 1, filters))
    for j in range(filters):  # one output channel per filter
        for c in range(c_in):  # filter j's kernel for channel c, weights[:, :, c, j], sweeps channel c ...
            out[:, :, j] += my_corr2d(x[:, :, c], weights[:, :, c, j])  # ... and the maps add up
    return out


# ------------------------------------------------------------------ a layer's work, depthwise filters
def ex38():
    # Conv2D(8, 3, padding='same') on one 32 x 32 x 16 input, strides 1: the output is 32 x 32 x 8
    h_out, w_out, filters = 32, 32, 8
    per_number = 3 * 3 * 16  # one output number: each of the filter's 16 kernels, 9 products each
    return h_out * w_out * filters * per_number  # 1024 positions x 8 filters x 144 = 1,179,648


def ex39():
    # groups = C_in = 24: each filter sees C_in / groups = 1 channel, so it holds ONE kernel
    c_in, groups, filters = 24, 24, 48
    per_filter = c_in // groups  # 1 (the 48 filters come 2 per channel: filters / groups = 2)
    return (per_filter, filters * per_filter)  # (1, 48)


# ------------------------------------------------------------------ learned filters
def ex40():
    # on a flat patch every pixel under a kernel holds the same number, so each kernel's partial sum
    # is (the sum of its weights) x (its channel's value); the filter adds its three partial sums
    sums = {"R": 3, "G": -2, "B": 0}  # what each kernel's weights add up to
    yellow = {"R": 1, "G": 1, "B": 0}  # a flat yellow patch
    bias = 0
    return sum(sums[c] * yellow[c] for c in "RGB") + bias  # 3 - 2 + 0 + 0 = 1
