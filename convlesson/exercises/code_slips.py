"""The slips a learner's function shows in what it returns, named: the wrong shape, the wrong values.

Given a test case of :mod:`.code_checks` (its ``x``, its second argument ``w`` -- a 2-D kernel or the
4-D weights -- and its ``strides``), what the learner's function returned (``got``) and what
:func:`convlesson.conv2d` gives (``want``), each function here says which known slip ``got`` is, or "".
The slips are recomputed from the slip itself: the weights read with channels and filters swapped, the
per-channel maps kept or averaged, the filters' maps added together, one kernel swept over every
channel, the strides forgotten, off by one, ...
"""

from __future__ import annotations

import numpy as np

from ..core.conv import conv2d
from .records import MISCONCEPTIONS

__all__ = ["SWAPPED", "swapped_output", "conv2d_slips", "corr2d_slips", "shape_problem"]

SWAPPED = (
    f"{MISCONCEPTIONS['in-out-swapped']}, channels and filters swapped: weights[:, :, c, j] is the kernel "
    "filter j applies to channel c, since the weights are (kh, kw, C_in, filters); weights[:, :, j, c] "
    "takes the filter's index as the channel and the channel's as the filter."
)


def swapped_output(case) -> np.ndarray | None:
    """The output a learner gets who indexes ``weights[:, :, j, c]``, where C_in == filters allows it."""
    c_in, filters = case.w.shape[2], case.w.shape[3]
    if c_in != filters or c_in < 2:
        return None
    return conv2d(case.x, case.w.transpose(0, 1, 3, 2))


def conv2d_slips(case, got, want) -> str:
    x, w = case.x, case.w
    swapped = swapped_output(case)
    if swapped is not None and np.allclose(got, swapped):
        return SWAPPED
    if np.allclose(got * w.shape[2], want):
        return (
            f"{MISCONCEPTIONS['averaged-channels']}: you averaged the per-channel maps; a filter ADDS them."
        )
    c_in = w.shape[2]
    for c0 in range(c_in if c_in > 1 else 0):  # the same kernel, channel c0's, swept over every channel
        if np.allclose(got, conv2d(x, np.repeat(w[:, :, c0 : c0 + 1], c_in, axis=2))):
            return (
                f"{MISCONCEPTIONS['one-kernel']}: you swept one kernel, weights[:, :, {c0}, j], over every "
                "channel; a filter holds one kernel per channel, and channel c is swept by its own, "
                "weights[:, :, c, j]."
            )
    if np.allclose(got, conv2d(x[..., :1], w[:, :, :1])):
        return "only the first channel counted; add the maps of all C_in channels."
    return ""


def corr2d_slips(case, got, want) -> str:
    s = case.strides
    if s is None or s == 1:
        return ""
    every = conv2d(case.x, case.w)  # strides 1: every position
    if np.allclose(got, every[: got.shape[0], : got.shape[1]]):
        return (
            f"the windows do not jump: with strides {s} the window for output (i, j) starts at input row "
            f"i · {s} and column j · {s}, not at row i and column j."
        )
    return ""


def shape_problem(case, got, want) -> str:
    base = f"expected shape {want.shape}, got {got.shape}. "
    x, w, s = case.x, case.w, case.strides or 1
    h, wd = x.shape[:2]
    kh, kw = w.shape[:2]
    size = "(H − kh + 1, W − kw + 1)" if s == 1 else "(⌊(H − kh) / strides⌋ + 1, ⌊(W − kw) / strides⌋ + 1)"
    if s > 1 and got.shape[:2] == (h - kh + 1, wd - kw + 1):
        return base + (
            f"{MISCONCEPTIONS['forgot-strides']}: that is the map with strides 1, every position; with "
            f"strides {s} the kernel jumps {s} pixels at a time, so the map is {size}."
        )
    if got.shape[:2] == (h, wd) and got.shape[:2] != want.shape[:2]:
        return base + f"That is the input's size: this exercise uses no padding, so the output is {size}."
    if got.shape[:2] == (h + kh - 1, wd + kw - 1):
        return base + "That is 'full' padding; sweep only where the kernel fits inside x."
    if got.shape[:2] == (want.shape[0] - 1, want.shape[1] - 1):
        first = "range(H - kh + 1)" if s == 1 else f"range(0, H - kh + 1, {s})"
        return base + (
            f"{MISCONCEPTIONS['off-by-one']}: the kernel's first position counts too: the windows start "
            f"at the rows in {first}."
        )
    if w.ndim == 4:
        c_in, filters = w.shape[2], w.shape[3]
        if filters > 1 and got.shape in (want.shape[:2], (*want.shape[:2], 1)):
            if np.allclose(got.reshape(want.shape[:2]), want.sum(axis=-1)):
                return base + (
                    f"{MISCONCEPTIONS['summed-filters']}: each filter adds ITS OWN kernels' maps into one "
                    "map, and the filters' maps are stacked, one output channel per filter: "
                    "(H', W', filters)."
                )
        if filters <= c_in and got.shape == (
            *want.shape[:2],
            c_in,
        ):  # the shape read as (kh, kw, filters, C_in)
            if np.allclose(got, conv2d(x[..., :filters], w.transpose(0, 1, 3, 2))):
                return base + f"You read the weights' shape as (kh, kw, filters, C_in): {SWAPPED}"
        if got.shape in (
            (*want.shape[:2], c_in, filters),
            (*want.shape[:2], c_in),
            (*want.shape[:2], c_in * filters),
        ):
            return base + (
                f"{MISCONCEPTIONS['one-map-per-kernel']}: you kept one map per input channel; "
                "a filter ADDS its C_in per-channel maps into one map."
            )
        if got.shape == (filters, *want.shape[:2]):
            return base + (
                f"{MISCONCEPTIONS['channels-first']}: this exercise is channels-last, like Keras: "
                "the filters axis goes last, (H', W', filters)."
            )
        if got.shape == want.shape[:2]:
            return base + "One output channel per filter: stack the filters' maps on a last axis."
    return base
