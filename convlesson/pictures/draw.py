"""The course's pictures, drawn with matplotlib: kernels, filters, a layer's weights, channels, the sweep.

Each ``draw_*`` function takes an Axes and data, draws, and returns a *picture* object holding the
artists it made (from :mod:`.stacks` and :mod:`.sweep`); the picture's
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

import numbers as _numbers

import numpy as np
from matplotlib.axes import Axes

from ..core.conv import as_numeric, check_size
from ..core.shape_text import shape_text
from ..core.shapes import (
    _is_int,
    _positive_int,
    as_bool,
    explicit_padding,
    show,
)
from ..core.sweeps import SweepTrace
from .art import GridArt, fit_axes, pitch_gutter, symmetric_limit
from .font import family
from .stacks import (
    INPUT_CMAP,
    WEIGHT_CMAP,
    BankPicture,
    StackPicture,
    channel_names,
)
from .sweep import SweepPicture
from .volumes import VolumePicture
from .words import say

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
    "draw_volumes",
    "shape_text",
    "StackPicture",
    "BankPicture",
    "SweepPicture",
]


# ------------------------------------------------------------------ checking what the learner passed
def _check_ax(ax) -> None:
    if not isinstance(ax, Axes):
        raise TypeError(say("error.ax", value=show(ax), kind=type(ax).__name__))


def _as_array(a, name: str, ndims: tuple[int, ...], layout: str) -> np.ndarray:
    """``a`` as a new float array with one of ``ndims`` dimensions, none of them empty.

    ``layout`` is the key of the words that say what ``a`` must be (``layout.kernel``, …).
    """
    arr = as_numeric(a, name)
    if arr.ndim not in ndims:
        raise ValueError(say("error.layout", name=name, layout=say(layout), shape=arr.shape))
    if arr.size == 0:
        raise ValueError(say("error.empty", name=name, shape=arr.shape))
    return arr.astype(float)  # a copy: a picture never holds the learner's own array


def _check_title(title) -> None:
    if title is not None and not isinstance(title, str):
        raise TypeError(say("error.title", value=show(title), kind=type(title).__name__))


def _check_vmax(vmax) -> float | None:
    """None, or a positive finite number (numpy numbers are fine) as a float."""
    if vmax is None:
        return None
    if isinstance(vmax, bool) or not isinstance(vmax, _numbers.Real):
        raise TypeError(say("error.vmax_type", value=show(vmax), kind=type(vmax).__name__))
    v = float(vmax)
    if not np.isfinite(v) or v <= 0:
        raise ValueError(say("error.vmax", value=show(vmax)))
    return v


def _check_numbers(numbers) -> bool | None:
    if numbers is None:
        return None
    return as_bool(numbers, "numbers")


def _check_names(names, count: int, what: str) -> list[str] | None:
    """None, or exactly ``count`` names (strs) in a list or tuple; ``what`` is the key of what they name."""
    if names is None:
        return None
    if not isinstance(names, (list, tuple)) or not all(isinstance(n, str) for n in names):
        raise TypeError(
            say("error.names_type", count=count, what=say(what), value=show(names), kind=type(names).__name__)
        )
    if len(names) != count:
        raise ValueError(
            say("error.names_count", count=count, what=say(what), got=len(names), value=show(names))
        )
    return list(names)


def _set_title(ax, title: str) -> None:
    """The Axes' title at 10 points; a Chinese title in the font that has its characters."""
    families = family(title)
    ax.set_title(title, fontsize=10, **({} if families is None else {"fontfamily": families}))


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
    _check_ax(ax)
    k = _as_array(kernel, "kernel", (2,), "layout.kernel")
    _check_title(title)
    vmax, numbers = _check_vmax(vmax), _check_numbers(numbers)
    fit_axes(ax, (0, 0, k.shape[1], k.shape[0]), margin=0.05)
    v = vmax if vmax is not None else symmetric_limit(k)
    art = GridArt(ax, WEIGHT_CMAP).update(k, (0, 0), 1.0, clim=(-v, v), numbers=numbers)
    _set_title(ax, title if title is not None else say("draw.kernel", shape=k.shape))
    return art


def draw_filter(ax, filt, *, names=None, title=None, vmax=None, numbers=None) -> BankPicture:
    """Draw one filter ``(kh, kw, C_in)``: its C_in kernels side by side, labelled by channel.

    ``names`` default to R, G, B for three channels, else c0, c1, ...; the title shows the
    filter's shape. Returns the :class:`BankPicture` (one row).
    """
    _check_ax(ax)
    f = _as_array(filt, "filt", (3,), "layout.filter")
    names = _check_names(names, f.shape[2], "what.input_channel") or channel_names(f.shape[2], rgb=True)
    _check_title(title)
    vmax, numbers = _check_vmax(vmax), _check_numbers(numbers)
    title = title or say("draw.filter", shape=f.shape)
    return _static_bank(ax, f[..., None], None, names, title, vmax, numbers)


def draw_layer_weights(
    ax, kernel, *, groups=1, names=None, title=None, vmax=None, numbers=None
) -> BankPicture:
    """Draw a layer's weights ``(kh, kw, C_in/groups, filters)``: one row of kernels per filter.

    With ``groups > 1`` each filter holds only ``C_in / groups`` kernels; the kernels it does not
    hold are left out (hatched), so the picture shows which input channels each filter reads.
    """
    _check_ax(ax)
    k = _as_array(kernel, "kernel", (4,), "layout.layer")
    per, filters = k.shape[2], k.shape[3]
    groups = _positive_int(groups, "groups", say("error.groups_suffix", filters=filters))
    if filters % groups:
        raise ValueError(say("error.groups", filters=filters, value=show(groups)))
    names = _check_names(names, per * groups, "what.grouped_channel")
    _check_title(title)
    vmax, numbers = _check_vmax(vmax), _check_numbers(numbers)
    chans = [
        tuple(range((j // (filters // groups)) * per, (j // (filters // groups) + 1) * per))
        for j in range(filters)
    ]
    c_in = per * groups
    title = title or say("draw.layer", filters=filters, per=per, total=filters * per)
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

    ``padding`` is explicit amounts: ``((top, bottom), (left, right))`` (as in
    ``SweepTrace.padding``), an ``(h, w)`` pair or an int; the channels are drawn zero-padded, with
    the data region outlined.
    """
    _check_ax(ax)
    arr = _as_array(x, "x", (2, 3), "layout.channels")
    if arr.ndim == 2:
        arr = arr[..., None]
    if isinstance(padding, str):
        raise ValueError(say("error.padding_word", value=show(padding)))
    pads = explicit_padding(padding)
    (t, b), (left, r) = pads
    hp, wp, c = arr.shape[0] + t + b, arr.shape[1] + left + r, arr.shape[2]
    check_size("padded input", hp * wp * c, np.dtype(float), (hp, wp, c), advice=say("error.less_padding"))
    names = _check_names(names, c, "what.channel") or channel_names(c, rgb=True)
    _check_title(title)
    vertical = as_bool(vertical, "vertical")
    padded = np.pad(arr, (*pads, (0, 0)))
    chans = [padded[..., k] for k in range(c)]
    title = title or say("draw.input", shape=arr.shape)
    finite = arr[np.isfinite(arr)]  # NaN and infinite pixels do not stretch the grey scale
    top = max(1.0, float(finite.max())) if finite.size else 1.0
    return _static_stack(ax, chans, names, title, vertical, pads, (0.0, top))


def draw_maps(ax, maps, *, names=None, title=None, vertical=False) -> StackPicture:
    """Draw feature maps ``(H', W', n)`` side by side with one symmetric diverging colour scale."""
    _check_ax(ax)
    arr = _as_array(maps, "maps", (2, 3), "layout.maps")
    if arr.ndim == 2:
        arr = arr[..., None]
    names = _check_names(names, arr.shape[2], "what.map") or [say("map", j=j) for j in range(arr.shape[2])]
    _check_title(title)
    vertical = as_bool(vertical, "vertical")
    v = symmetric_limit(arr)
    pic = _static_stack(
        ax,
        [arr[..., j] for j in range(arr.shape[2])],
        names,
        title or say("draw.output", shape=arr.shape),
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
    """Draw step ``step`` of a sweep (see :func:`convlesson.sweep`): window, products, filling output.

    ``step`` is an int from 0 to ``len(trace) - 1``.
    """
    _check_ax(ax)
    if not isinstance(trace, SweepTrace):
        raise TypeError(say("error.trace", kind=type(trace).__name__))
    last = len(trace) - 1
    if not _is_int(step):
        raise TypeError(
            say("error.step_type", last=last, n=len(trace), value=show(step), kind=type(step).__name__)
        )
    if not 0 <= step <= last:
        raise ValueError(say("error.step", last=last, n=len(trace), value=show(step)))
    step = int(step)
    box = _static_box(ax)
    fit_axes(ax, box)
    return SweepPicture(ax).update(trace, step, box)


def draw_volumes(ax, x, layer, *, names=None, step=None) -> VolumePicture:
    """Draw a layer as volumes: the input ``(H, W, C_in)``, each filter a block of C_in kernels, the output.

    The article's "shape of a single filter" in 3-D: channels are the depth of a volume, a filter
    is a ``(kh, kw, C_in)`` block with one kernel slice per input channel, and each filter makes
    one slice of the ``(H', W', filters)`` output. With ``step``, the window of that sweep step is
    outlined as a box through the input's channels and the output pixel it makes as a column
    through the output's slices.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    x : array_like
        The input, ``(H, W, C_in)``.
    layer : Conv2D
        The layer (its weights are made for ``x``'s channels if it has none yet).
    names : list of str, optional
        The channels' names (default ``c0``, ``c1``, ...).
    step : int, optional
        A step of the sweep to outline.

    Returns
    -------
    VolumePicture
        Its ``input``, ``filters`` and ``output`` hold the slices drawn.

    Introduced in ``05_filters``.
    """
    from ..core.layer import Conv2D

    _check_ax(ax)
    arr = _as_array(x, "x", (3,), "layout.input")
    if not isinstance(layer, Conv2D):
        raise TypeError(say("error.layer", value=show(layer)))
    output = layer(arr)
    names = _check_names(names, arr.shape[2], "what.channels") or [f"c{c}" for c in range(arr.shape[2])]
    if step is not None:
        positions = output.shape[0] * output.shape[1]
        if not _is_int(step) or not 0 <= step < positions:
            raise ValueError(say("error.volume_step", last=positions - 1, value=show(step)))
        step = int(step)
    box = _static_box(ax)
    fit_axes(ax, box)
    return VolumePicture(ax).update(arr, layer, output, box, step=step, names=names)
