"""The convolution itself, in numpy: ``conv2d`` and the weight-layout converters.

Everything here is *cross-correlation*, exactly as in every deep-learning framework (Keras's
``Conv2D``, PyTorch's ``conv2d``): the kernel is laid over the input as it is, without flipping.
Layout is channels-last, like the article and Keras: an input is ``(H, W, C_in)`` or
``(N, H, W, C_in)`` and a layer's weights are ``(kh, kw, C_in / groups, filters)``.

``conv2d`` is introduced in ``01_the_sweep``; the step-by-step traces of a sweep live in
:mod:`convlesson.core.sweeps`.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .language import catalog
from .shapes import (
    _is_int,
    _output_1d,
    _pad_1d,
    as_pair,
    check_fits,
    explicit_padding,
    show,
)

__all__ = ["conv2d", "keras_to_torch", "torch_to_keras", "prepare", "Job"]

say = catalog("core")

#: conv2d refuses to allocate more than this many bytes for its output or padded input.
MAX_BYTES = 2 * 1024**3

#: conv2d lays out at most about this many bytes of windows at a time (see ``_correlate_windows``).
#: Small blocks stay in cache and keep each matrix product on one core: on a busy machine, handing
#: small products to several BLAS threads was measured to be several times slower, never faster.
_BLOCK_BYTES = 128 * 1024


#: numpy before 1.24 only warns about ragged nested lists (and makes an object array of them).
_RaggedWarning = getattr(getattr(np, "exceptions", np), "VisibleDeprecationWarning", UserWarning)


def as_numeric(value, name: str) -> np.ndarray:
    """``np.asarray(value)`` checked to hold real numbers (bool, int, unsigned or float)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", _RaggedWarning)
            arr = np.asarray(value)
    except (ValueError, TypeError, _RaggedWarning) as exc:  # ragged nested lists
        raise TypeError(say("numeric.ragged", name=name, reason=exc)) from None
    if arr.dtype.kind not in "biuf":
        raise TypeError(say("numeric.dtype", name=name, dtype=arr.dtype))
    return arr


def check_padding(padding) -> None:
    """Raise a learner-readable error unless ``padding`` is a padding word or valid amounts."""
    explicit_padding(padding)


def resolve_padding(hw, kernel_hw, strides_hw, dilation_hw, padding):
    """``((top, bottom), (left, right))`` for an input of spatial size ``hw``."""
    check_padding(padding)
    return tuple(_pad_1d(hw[a], kernel_hw[a], strides_hw[a], dilation_hw[a], padding, a) for a in (0, 1))


def _common_divisors(a: int, b: int) -> list[int]:
    g = math.gcd(a, b)
    small = [d for d in range(1, math.isqrt(g) + 1) if g % d == 0]
    return sorted({*small, *(g // d for d in small)})


def check_groups(groups, c_in: int, filters: int) -> int:
    """Validate ``groups`` against the channel counts and return it as an int."""
    if not _is_int(groups):
        raise TypeError(say("groups.type", value=show(groups), kind=type(groups).__name__))
    if groups < 1:
        raise ValueError(say("groups.small", value=show(groups)))
    if c_in % groups or filters % groups:
        raise ValueError(
            say(
                "groups.divide",
                groups=show(groups),
                c_in=c_in,
                filters=filters,
                working=_common_divisors(c_in, filters),
            )
        )
    return int(groups)


def check_size(what: str, count: int, dtype: np.dtype, shape: tuple | None = None, advice: str = "") -> None:
    """Refuse, before allocating it, an array of ``count`` elements larger than ``MAX_BYTES``.

    ``what`` names the array and ``advice`` says what to do, in the current language (``say("what.output")``);
    without ``advice``, the advice for a convolution. Sizes are Python ints, so even an absurd request is
    measured exactly, never overflowing.
    """
    size = int(count) * np.dtype(dtype).itemsize
    if size > MAX_BYTES:
        gib = size // 1024**3
        amount = f"{size / 1024**3:.1f} GiB" if gib < 10**6 else f"{show(gib)} GiB"
        raise ValueError(
            say(
                "size.too_big" if shape is None else "size.too_big_shape",
                what=what,
                shape=None if shape is None else show(tuple(shape)),
                amount=amount,
                limit=f"{MAX_BYTES / 1024**3:.0f}",
                advice=advice or say("advice.conv"),
            )
        )


def conv2d(x, kernel, bias=None, strides=1, padding="valid", dilation_rate=1, groups=1) -> np.ndarray:
    """2-D convolution of a channels-last input with a bank of filters, as Keras and PyTorch compute it.

    Parameters
    ----------
    x : array_like
        ``(H, W, C_in)``, or batched ``(N, H, W, C_in)``. A 2-D ``(H, W)`` input goes with a 2-D
        ``(kh, kw)`` kernel: one channel, one kernel, one 2-D result (``01_the_sweep``).
    kernel : array_like
        ``(kh, kw, C_in / groups, filters)``: ``filters`` filters, each holding ``C_in / groups``
        kernels of ``kh x kw`` weights (Keras's layout; see :func:`torch_to_keras`).
    bias : array_like, optional
        ``(filters,)``, added to each filter's summed map.
    strides, dilation_rate : int or (int, int)
        Step between windows; spacing between the kernel's taps.
    padding : str, int, (int, int) or ((int, int), (int, int))
        ``'valid'`` (none), ``'same'`` (TensorFlow's rule), ``'full'``, or explicit zero padding.
    groups : int
        Split the channels into ``groups`` groups; filter ``j`` sees only its group's channels.

    Returns
    -------
    numpy.ndarray
        ``(H', W', filters)`` or ``(N, H', W', filters)`` (``(H', W')`` for a 2-D input), float.

    Notes
    -----
    This is cross-correlation, which is what deep-learning frameworks call convolution. The
    mathematical convolution flips the kernel first::

        conv2d(x, kernel[::-1, ::-1])   # true convolution, like scipy.signal.convolve2d

    Examples
    --------
    >>> x = np.arange(16.0).reshape(4, 4)
    >>> conv2d(x, np.ones((3, 3)))
    array([[45., 54.],
           [81., 90.]])
    """
    job = prepare(x, kernel, bias, strides, padding, dilation_rate, groups)
    (top, bottom), (left, right) = job.padding
    xp = np.pad(job.x.astype(job.dtype, copy=False), ((0, 0), (top, bottom), (left, right), (0, 0)))
    out = _correlate_windows(
        xp,
        job.kernel.astype(job.dtype, copy=False),
        job.output_hw,
        job.strides,
        job.dilation_rate,
        job.groups,
    )
    if job.bias is not None:
        out += job.bias.astype(job.dtype, copy=False)
    if job.single_channel:
        return out[0, :, :, 0]
    return out if job.batched else out[0]


@dataclass(frozen=True, eq=False)
class Job:
    """A convolution's checked inputs and geometry (what :func:`prepare` returns).

    ``x`` is always batched ``(N, H, W, C_in)`` and ``kernel`` 4-D ``(kh, kw, C_in/groups, filters)``;
    ``single_channel`` and ``batched`` say what the caller gave.
    """

    x: np.ndarray
    kernel: np.ndarray
    bias: np.ndarray | None
    strides: tuple[int, int]
    dilation_rate: tuple[int, int]
    padding: tuple[tuple[int, int], tuple[int, int]]
    output_hw: tuple[int, int]
    groups: int
    dtype: np.dtype
    single_channel: bool
    batched: bool


def prepare(
    x, kernel, bias=None, strides=1, padding="valid", dilation_rate=1, groups=1, kernel_name="kernel"
) -> Job:
    """Check a convolution's arguments as :func:`conv2d` takes them; the learner-readable errors live here.

    ``kernel_name`` is what the caller calls its weights argument, so that errors name it.
    """
    x_arr = as_numeric(x, "x")
    k_arr = as_numeric(kernel, kernel_name)
    given_shapes = {"x": x_arr.shape, kernel_name: k_arr.shape}
    single_channel = x_arr.ndim == 2
    if single_channel:
        if k_arr.ndim != 2:
            raise ValueError(say("conv.x2d_kernel", x_shape=x_arr.shape, shape=k_arr.shape))
        x_arr = x_arr[None, :, :, None]
        k_arr = k_arr[:, :, None, None]
        batched = False
    elif x_arr.ndim in (3, 4):
        batched = x_arr.ndim == 4
        if not batched:
            x_arr = x_arr[None]
        if k_arr.ndim != 4:
            raise ValueError(say("conv.kernel_4d", name=kernel_name, shape=k_arr.shape))
    else:
        raise ValueError(say("conv.x_dims", ndim=x_arr.ndim, shape=x_arr.shape))
    n, h, w, c_in = x_arr.shape
    kh, kw, c_per_group, filters = k_arr.shape
    for name, arr in (("x", x_arr), (kernel_name, k_arr)):
        if arr.size == 0:
            raise ValueError(say("empty", name=name, shape=given_shapes[name]))
    groups = check_groups(groups, c_in, filters)
    if c_per_group * groups != c_in:
        raise ValueError(
            say(
                "conv.c_in" if groups == 1 else "conv.c_in_grouped",
                c_in=c_in,
                name=kernel_name,
                per=c_per_group,
                shape=k_arr.shape,
                groups=groups,
                want=c_in // groups,
            )
        )
    s = as_pair(strides, "strides")
    d = as_pair(dilation_rate, "dilation_rate")
    (top, bottom), (left, right) = resolve_padding((h, w), (kh, kw), s, d, padding)
    hp, wp = h + top + bottom, w + left + right
    check_fits((hp, wp), (kh, kw), d)
    oh = _output_1d(hp, kh, s[0], d[0], 0, 0)
    ow = _output_1d(wp, kw, s[1], d[1], 0, 0)
    # a step longer than the padded input leaves one window per axis: the same as a step of its length
    s = (min(s[0], hp), min(s[1], wp))
    b_arr = None
    if bias is not None:
        b_arr = as_numeric(bias, "bias")
        if b_arr.shape != (filters,):
            raise ValueError(say("bias.shape", filters=filters, shape=b_arr.shape))
    dtype = np.result_type(x_arr.dtype, k_arr.dtype, np.float64)
    check_size(say("what.output"), n * oh * ow * filters, np.dtype(dtype), (n, oh, ow, filters))
    check_size(say("what.padded_input"), n * hp * wp * c_in, np.dtype(dtype), (n, hp, wp, c_in))

    return Job(
        x_arr,
        k_arr,
        b_arr,
        s,
        d,
        ((top, bottom), (left, right)),
        (oh, ow),
        groups,
        np.dtype(dtype),
        single_channel,
        batched,
    )


def _correlate_windows(xp, k_arr, out_hw, strides, dilation, groups) -> np.ndarray:
    """Cross-correlate a padded ``(N, Hp, Wp, C_in)`` input with ``(kh, kw, C_in/groups, F)`` weights.

    Every output pixel is the dot product of its window (``kh * kw * C_in/groups`` numbers) with
    one filter, so a block of output rows is one matrix product: the windows of the block laid
    out as rows (``im2col``) times the filters laid out as columns. Blocks keep the window matrix
    small (about ``_BLOCK_BYTES``) however large the input is.
    """
    n, _, _, c_in = xp.shape
    kh, kw, c_per_group, filters = k_arr.shape
    oh, ow = out_hw
    (sh, sw), (dh, dw) = strides, dilation
    span_h, span_w = dh * (kh - 1) + 1, dw * (kw - 1) + 1
    f_per_group = filters // groups
    taps = kh * kw * c_per_group
    # (kh, kw, C_g, F) -> (kh * kw * C_g, F): row order (i, j, c) matches the windows below
    weights = [
        k_arr[:, :, :, g * f_per_group : (g + 1) * f_per_group].reshape(taps, f_per_group)
        for g in range(groups)
    ]
    out = np.empty((n, oh, ow, filters), dtype=np.result_type(xp, k_arr))
    row_bytes = max(ow * taps * xp.itemsize, 1)  # one output row of one image, as a window matrix
    units = max(_BLOCK_BYTES // row_bytes, 1)
    images_per_block = max(units // oh, 1)
    rows_per_block = oh if units >= oh else units
    for b0 in range(0, n, images_per_block):
        b1 = min(n, b0 + images_per_block)
        for r0 in range(0, oh, rows_per_block):
            r1 = min(oh, r0 + rows_per_block)
            block = xp[b0:b1, r0 * sh : (r1 - 1) * sh + span_h]
            # (B, rows, W', C_in, span_h, span_w) -> the taps only: (B, rows, W', C_in, kh, kw)
            win = sliding_window_view(block, (span_h, span_w), axis=(1, 2))
            win = win[:, ::sh, ::sw, :, ::dh, ::dw][:, :, :ow]
            for g in range(groups):
                wg = win[:, :, :, g * c_per_group : (g + 1) * c_per_group]
                cols = wg.transpose(0, 1, 2, 4, 5, 3).reshape(-1, taps)
                res = cols @ weights[g]
                out[b0:b1, r0:r1, :, g * f_per_group : (g + 1) * f_per_group] = res.reshape(
                    b1 - b0, r1 - r0, ow, f_per_group
                )
    return out


def _check_4d(array, name: str, layout: str) -> np.ndarray:
    """``array`` checked to be 4-D and not empty; ``layout`` is the key of the words that say its layout."""
    arr = as_numeric(array, name)
    if arr.ndim != 4:
        raise ValueError(say(layout, shape=arr.shape))
    if arr.size == 0:
        raise ValueError(say("empty", name=name, shape=arr.shape))
    return arr


def keras_to_torch(kernel) -> np.ndarray:
    """Keras's ``(kh, kw, C_in/groups, filters)`` weights as PyTorch's ``(out_channels, in/groups, kh, kw)``.

    A new array; the argument is not changed. Introduced in ``06_conv2d_layer``.
    """
    arr = _check_4d(kernel, "kernel", "layout.keras")
    return arr.transpose(3, 2, 0, 1).copy()  # always a new array, even when the transpose is C-ordered


def torch_to_keras(weight) -> np.ndarray:
    """PyTorch's ``(out_channels, in/groups, kh, kw)`` weights as Keras's ``(kh, kw, C_in/groups, filters)``.

    A new array; the argument is not changed. Introduced in ``06_conv2d_layer``.
    """
    arr = _check_4d(weight, "weight", "layout.torch")
    return arr.transpose(2, 3, 1, 0).copy()
