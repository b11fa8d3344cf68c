"""The slips a learner's function shows in what it returns, named: the wrong shape, the wrong values.

Given a test case of :mod:`.code_checks` (its ``x``, its second argument ``w`` -- a 2-D kernel or the
4-D weights -- and its ``strides``), what the learner's function returned (``got``) and what
:func:`convlesson.conv2d` gives (``want``), each function here says which known slip ``got`` is, or "".
The slips are recomputed from the slip itself: the weights read with channels and filters swapped, the
per-channel maps kept or averaged, the filters' maps added together, one kernel swept over every
channel, the strides forgotten, off by one, ... -- said in the language in use (``exercises/words``).
"""

from __future__ import annotations

import numpy as np

from ..core.conv import conv2d
from ..core.language import catalog, current
from .texts import misconception_words

__all__ = ["swapped_words", "named", "swapped_output", "conv2d_slips", "corr2d_slips", "shape_problem"]

say = catalog("exercises")


def named(misconception: str) -> str:
    """The words that name a misconception, in the language in use."""
    return misconception_words(current())[misconception]


def swapped_words() -> str:
    """What a learner is told whose weights have their channels and filters swapped."""
    return say("slips.swapped", misconception=named("in-out-swapped"))


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
        return swapped_words()
    if np.allclose(got * w.shape[2], want):
        return say("slips.averaged", misconception=named("averaged-channels"))
    c_in = w.shape[2]
    for c0 in range(c_in if c_in > 1 else 0):  # the same kernel, channel c0's, swept over every channel
        if np.allclose(got, conv2d(x, np.repeat(w[:, :, c0 : c0 + 1], c_in, axis=2))):
            return say("slips.one_kernel", misconception=named("one-kernel"), c=c0)
    if np.allclose(got, conv2d(x[..., :1], w[:, :, :1])):
        return say("slips.first_channel")
    return ""


def corr2d_slips(case, got, want) -> str:
    s = case.strides
    if s is None or s == 1:
        return ""
    every = conv2d(case.x, case.w)  # strides 1: every position
    if np.allclose(got, every[: got.shape[0], : got.shape[1]]):
        return say("slips.no_jump", s=s)
    return ""


def shape_problem(case, got, want) -> str:
    def told(key: str, **values) -> str:  # "expected shape ..., got ...", then what that shape is
        return say(f"shape.{key}", want=want.shape, got=got.shape, **values)

    x, w, s = case.x, case.w, case.strides or 1
    h, wd = x.shape[:2]
    kh, kw = w.shape[:2]
    size = "(H − kh + 1, W − kw + 1)" if s == 1 else "(⌊(H − kh) / strides⌋ + 1, ⌊(W − kw) / strides⌋ + 1)"
    if s > 1 and got.shape[:2] == (h - kh + 1, wd - kw + 1):
        return told("forgot_strides", misconception=named("forgot-strides"), s=s, size=size)
    if got.shape[:2] == (h, wd) and got.shape[:2] != want.shape[:2]:
        return told("input_size", size=size)
    if got.shape[:2] == (h + kh - 1, wd + kw - 1):
        return told("full")
    if got.shape[:2] == (want.shape[0] - 1, want.shape[1] - 1):
        first = "range(H - kh + 1)" if s == 1 else f"range(0, H - kh + 1, {s})"
        return told("off_by_one", misconception=named("off-by-one"), first=first)
    if w.ndim == 4:
        c_in, filters = w.shape[2], w.shape[3]
        if filters > 1 and got.shape in (want.shape[:2], (*want.shape[:2], 1)):
            if np.allclose(got.reshape(want.shape[:2]), want.sum(axis=-1)):
                return told("summed_filters", misconception=named("summed-filters"))
        if filters <= c_in and got.shape == (*want.shape[:2], c_in):  # read as (kh, kw, filters, C_in)
            if np.allclose(got, conv2d(x[..., :filters], w.transpose(0, 1, 3, 2))):
                return told("read_swapped", swapped=swapped_words())
        if got.shape in (
            (*want.shape[:2], c_in, filters),
            (*want.shape[:2], c_in),
            (*want.shape[:2], c_in * filters),
        ):
            return told("one_map_per_kernel", misconception=named("one-map-per-kernel"))
        if got.shape == (filters, *want.shape[:2]):
            return told("channels_first", misconception=named("channels-first"))
        if got.shape == want.shape[:2]:
            return told("stack")
    return told("only")
