"""The course's pictures, drawn with matplotlib: kernels, filters, a layer's weights, channels, the sweep.

Each ``draw_*`` function takes an Axes and data, draws, and returns a *picture* object holding the
artists it made (from :mod:`convlesson.pictures` and :mod:`convlesson.sweep_picture`); the picture's
``place``/``update`` method redraws new data in place, which is what the explorers call on every
frame. Nothing here uses pyplot or shows a figure. Colours:

* weights and feature maps: the diverging ``RdBu_r`` map (colour-blind safe), always with limits
  ``-v .. +v`` so that white means 0 and a colour scale never lies;
* inputs: grey levels; padding cells are hatched, and the data region is outlined.

A whole bank of kernels (or a stack of channels or maps) is ONE image with NaN gutters, not one
Axes per kernel, which keeps redraws fast. Introduced in ``03_kernels`` (kernels), ``05_filters``
(filters) and ``06_conv2d_layer`` (a layer's weights).
"""

from __future__ import annotations

import numpy as np

from ._art import (
    GridArt,
    fit_axes,
    pitch_gutter,
    symmetric_limit,
)
from .conv import SweepTrace
from .pictures import (
    INPUT_CMAP,
    WEIGHT_CMAP,
    BankPicture,
    StackPicture,
    channel_names,
)
from .shapes import output_size_formula, param_count
from .sweep_picture import SweepPicture

__all__ = [
    "WEIGHT_CMAP",
    "INPUT_CMAP",
    "channel_names",
    "draw_kernel",
    "draw_filter",
    "draw_layer_weights",
    "draw_channels",
    "draw_maps",
    "draw_sweep",
    "shape_text",
    "StackPicture",
    "BankPicture",
    "SweepPicture",
]


def _as_2d(a, name):
    arr = np.asarray(a, dtype=float)
    if arr.ndim != 2:
        raise ValueError(f"{name} must be 2-D, got shape {arr.shape}")
    return arr


def _static_box(ax):
    """A drawing box in display pixels for a picture made on an ordinary Axes."""
    w, h = ax.bbox.width, ax.bbox.height
    return (0.0, 0.0, max(w, 50.0), max(h, 50.0))


def draw_kernel(ax, kernel, *, title=None, vmax=None, numbers=None) -> GridArt:
    """Draw one 2-D kernel as a grid of weights on ``ax`` (numbers in the cells while legible).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    kernel : array_like, ``(kh, kw)``
    title : str, optional
        Defaults to ``"kernel (kh, kw)"``.
    vmax : float, optional
        Colour limits are ``-vmax .. +vmax`` (default: the largest absolute weight), white = 0.
    numbers : bool, optional
        Force numbers on or off; by default they are shown while they stay legible.

    Returns
    -------
    GridArt
        Its ``image`` is the AxesImage; ``image.get_array()`` is the kernel as drawn.
    """
    k = _as_2d(kernel, "kernel")
    fit_axes(ax, (0, 0, k.shape[1], k.shape[0]), margin=0.05)
    v = vmax if vmax is not None else symmetric_limit(k)
    art = GridArt(ax, WEIGHT_CMAP).update(k, (0, 0), 1.0, clim=(-v, v), numbers=numbers)
    ax.set_title(title if title is not None else f"kernel {k.shape}", fontsize=10)
    return art


def draw_filter(ax, filt, *, names=None, title=None, vmax=None, numbers=None) -> BankPicture:
    """Draw one filter ``(kh, kw, C_in)``: its C_in kernels side by side, labelled by channel.

    ``names`` default to R, G, B for three channels, else c0, c1, ...; the title shows the
    filter's shape. Returns the :class:`BankPicture` (one row).
    """
    f = np.asarray(filt, dtype=float)
    if f.ndim != 3:
        raise ValueError(f"filt must be 3-D (kh, kw, C_in), got shape {f.shape}")
    names = names or channel_names(f.shape[2], rgb=True)
    return _static_bank(ax, f[..., None], None, names, title or f"filter, shape {f.shape}", vmax, numbers)


def draw_layer_weights(
    ax, kernel, *, groups=1, names=None, title=None, vmax=None, numbers=None
) -> BankPicture:
    """Draw a layer's weights ``(kh, kw, C_in/groups, filters)``: one row of kernels per filter.

    With ``groups > 1`` each filter holds only ``C_in / groups`` kernels; the kernels it does not
    hold are left out (hatched), so the picture shows which input channels each filter reads.
    """
    k = np.asarray(kernel, dtype=float)
    if k.ndim != 4:
        raise ValueError(f"kernel must be 4-D (kh, kw, C_in/groups, filters), got shape {k.shape}")
    per, filters = k.shape[2], k.shape[3]
    if not isinstance(groups, int) or groups < 1 or filters % groups:
        raise ValueError(f"groups must be a positive int dividing filters={filters}, got {groups!r}")
    chans = [
        tuple(range((j // (filters // groups)) * per, (j // (filters // groups) + 1) * per))
        for j in range(filters)
    ]
    c_in = per * groups
    title = title or f"layer weights: {filters} filters × {per} kernels = {filters * per} kernels"
    return _static_bank(ax, k, chans, names or channel_names(c_in, rgb=True), title, vmax, numbers)


def _static_bank(ax, k, chans, names, title, vmax, numbers):
    x0, y0, x1, y1 = _static_box(ax)
    kh, kw, per, filters = k.shape
    c_in = len(names)
    g = pitch_gutter(max(kh, kw))
    cols, rows = c_in * (kw + g), filters * (kh + g)
    cell = min((x1 - x0 - 70) / cols, (y1 - y0 - 40) / rows)
    fit_axes(ax, (x0, y0, x1, y1))
    pic = BankPicture(ax)
    pic.place(
        k, (x0 + 66, y0 + 34), cell, channels_of=chans, names=names, vmax=vmax, title=title, numbers=numbers
    )
    return pic


def draw_channels(ax, x, *, padding=((0, 0), (0, 0)), names=None, title=None, vertical=False) -> StackPicture:
    """Draw an input ``(H, W, C_in)`` as its channels side by side, padding hatched.

    ``padding`` is ``((top, bottom), (left, right))`` (as in ``SweepTrace.padding``); the channels
    are drawn zero-padded, with the data region outlined.
    """
    arr = np.asarray(x, dtype=float)
    if arr.ndim == 2:
        arr = arr[..., None]
    if arr.ndim != 3:
        raise ValueError(f"x must be (H, W) or (H, W, C_in), got shape {arr.shape}")
    padded = np.pad(arr, (*padding, (0, 0)))
    chans = [padded[..., c] for c in range(arr.shape[2])]
    names = names or channel_names(arr.shape[2], rgb=True)
    title = title or f"input {arr.shape}"
    return _static_stack(ax, chans, names, title, vertical, padding, (0.0, max(1.0, float(arr.max()))))


def draw_maps(ax, maps, *, names=None, title=None, vertical=False) -> StackPicture:
    """Draw feature maps ``(H', W', n)`` side by side with one symmetric diverging colour scale."""
    arr = np.asarray(maps, dtype=float)
    if arr.ndim == 2:
        arr = arr[..., None]
    if arr.ndim != 3:
        raise ValueError(f"maps must be (H', W') or (H', W', n), got shape {arr.shape}")
    names = names or [f"map {j}" for j in range(arr.shape[2])]
    v = symmetric_limit(arr)
    pic = _static_stack(
        ax,
        [arr[..., j] for j in range(arr.shape[2])],
        names,
        title or f"output {arr.shape}",
        vertical,
        None,
        (-v, v),
        cmap=WEIGHT_CMAP,
    )
    return pic


def _static_stack(ax, arrays, names, title, vertical, pads, clim, cmap=INPUT_CMAP):
    x0, y0, x1, y1 = _static_box(ax)
    bh, bw = arrays[0].shape
    g = pitch_gutter(bh if vertical else bw)
    n = len(arrays)
    cols, rows = (bw, n * (bh + g)) if vertical else (n * (bw + g), bh)
    cell = min((x1 - x0 - (50 if vertical else 10)) / cols, (y1 - y0 - 50) / rows)
    fit_axes(ax, (x0, y0, x1, y1))
    pic = StackPicture(ax, cmap)
    origin = (x0 + (46 if vertical else 5), y0 + 28)
    return pic.place(arrays, origin, cell, vertical=vertical, pads=pads, names=names, title=title, clim=clim)


def draw_sweep(ax, trace: SweepTrace, step: int = 0) -> SweepPicture:
    """Draw step ``step`` of a sweep (see :func:`convlesson.sweep`): window, products, filling output."""
    if not isinstance(trace, SweepTrace):
        raise TypeError(f"trace must be a SweepTrace from convlesson.sweep(...), got {type(trace).__name__}")
    box = _static_box(ax)
    fit_axes(ax, box)
    return SweepPicture(ax).update(trace, step, box)


def shape_text(
    size, c_in, kernel_size, filters, strides=1, padding="valid", dilation_rate=1, groups=1, use_bias=True
) -> list[str]:
    """The shape arithmetic of a Conv2D layer, numbers plugged in, as lines of text.

    Returns three lines: the output height formula, the output shape ``(H', W', filters)``, and the
    parameter count ``filters·(kh·kw·C_in/groups) + filters = N``.

    >>> shape_text(28, 3, 3, 2)[1]
    "output shape (H', W', filters) = (26, 26, 2)"
    """
    from .shapes import output_size

    formula_h = output_size_formula(size, kernel_size, strides, padding, dilation_rate, symbol="H")
    out = output_size(size, kernel_size, strides, padding, dilation_rate)
    params = param_count(kernel_size, c_in, filters, use_bias=use_bias, groups=groups)
    k = kernel_size
    per = f"{c_in}" if groups == 1 else f"{c_in}/{groups}"
    bias = f" + {filters}" if use_bias else ""
    lines = [
        f"{formula_h}   (W' likewise: the input is square)",
        f"output shape (H', W', filters) = ({out}, {out}, {filters})",
        f"parameters: filters·(kh·kw·C_in{'/groups' if groups > 1 else ''}){' + filters' if use_bias else ''}"
        f" = {filters}·({k}·{k}·{per}){bias} = {params}",
    ]
    return lines
