"""Sweep traces: every position of a sweep, step by step, computed only when asked for.

:func:`sweep` follows ONE kernel over ONE channel (``01_the_sweep``: the window, the element-wise
products, their sum) or a whole layer over a multi-channel input (``04_many_channels`` and
``05_filters``): at one output position the C_in windows of the input meet the C_in kernels of each
filter, each pair gives a partial sum, the partial sums are added, the bias is added, and that one
number lands in output channel j. A step is computed when it is asked for, so drawing step k never
computes the whole sweep.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .conv import as_numeric, check_size, prepare, resolve_padding
from .language import catalog
from .shapes import _is_int, _OutOfRange, _output_1d, as_pair, check_fits, show

__all__ = ["sweep", "SweepTrace", "SweepStep", "LayerSweepTrace", "LayerSweepStep"]

say = catalog("core")


@dataclass(frozen=True)
class SweepStep:
    """One position of a kernel sweeping one channel.

    ``out_pos`` is the output cell ``(i, j)`` this step fills; ``rows``/``cols`` are the padded
    input's rows and columns under the kernel's taps (spaced by ``dilation_rate``); ``window`` the
    values there, ``products`` their element-wise product with the kernel, ``total`` their sum.
    """

    index: int
    out_pos: tuple[int, int]
    rows: np.ndarray
    cols: np.ndarray
    window: np.ndarray
    products: np.ndarray
    total: float

    @property
    def origin(self) -> tuple[int, int]:
        """Top-left corner of the window in the padded input."""
        return int(self.rows[0]), int(self.cols[0])


class _Steps:
    """What both traces share: a step per output position, row by row, and where each step's taps are.

    A subclass holds ``padded``, ``strides``, ``dilation_rate`` and ``output_hw`` and makes its steps
    in ``step(k)`` from :meth:`_taps`.
    """

    def __len__(self) -> int:
        return self.output_hw[0] * self.output_hw[1]

    def __getitem__(self, k: int):
        return self.step(k)

    def __iter__(self):
        return (self.step(k) for k in range(len(self)))

    def _taps(self, k, kh: int, kw: int):
        """``(k, (i, j), rows, cols, window)`` of step ``k``: the padded input under a ``kh × kw`` kernel."""
        k = _step_index(k, len(self))
        i, j = divmod(k, self.output_hw[1])
        rows = i * self.strides[0] + self.dilation_rate[0] * np.arange(kh)
        cols = j * self.strides[1] + self.dilation_rate[1] * np.arange(kw)
        return k, (i, j), rows, cols, self.padded[np.ix_(rows, cols)]


@dataclass(frozen=True, eq=False)
class SweepTrace(_Steps):
    """Every step of one kernel sweeping one channel, in the order the outputs are produced.

    Built by :func:`sweep`. ``padded`` is the zero-padded input, ``padding`` the amounts
    ``((top, bottom), (left, right))``; ``output`` the filled-in ``(H', W')`` grid.
    """

    x: np.ndarray
    kernel: np.ndarray
    padded: np.ndarray
    padding: tuple[tuple[int, int], tuple[int, int]]
    strides: tuple[int, int]
    dilation_rate: tuple[int, int]
    output_hw: tuple[int, int]

    def step(self, k: int) -> SweepStep:
        """Step ``k`` (0-based, row by row): the window, the products and their sum."""
        k, pos, rows, cols, window = self._taps(k, *self.kernel.shape)
        products = window * self.kernel
        return SweepStep(k, pos, rows, cols, window, products, float(products.sum()))

    @property
    def steps(self) -> list[SweepStep]:
        return list(self)

    @property
    def output(self) -> np.ndarray:
        """The ``(H', W')`` output, each cell the sum of its step's products."""
        out = np.empty(self.output_hw)
        for st in self:
            out[st.out_pos] = st.total
        return out

    def partial_output(self, upto: int) -> np.ndarray:
        """The output after steps ``0 .. upto`` only; cells not reached yet are NaN.

        ``upto`` past the last step gives the whole output.
        """
        if not _is_int(upto):
            raise TypeError(
                say("sweep.upto_type", last=len(self) - 1, value=show(upto), kind=type(upto).__name__)
            )
        if upto < 0:
            raise ValueError(say("sweep.upto", last=len(self) - 1, value=show(upto)))
        upto = int(upto)
        out = np.full(self.output_hw, np.nan)
        for k in range(min(upto + 1, len(self))):
            st = self.step(k)
            out[st.out_pos] = st.total
        return out


def _step_index(k, n: int) -> int:
    if not _is_int(k) or not -n <= k < n:
        raise _OutOfRange(say("sweep.step", last=n - 1, n=n, value=show(k)))
    return int(k) % n


@dataclass(frozen=True)
class LayerSweepStep:
    """One output position of a whole layer sweeping a multi-channel input.

    ``out_pos`` is the output cell ``(i, j)``; ``rows``/``cols`` the padded input's rows and columns
    under the kernels' taps; ``window`` the input there, ``(kh, kw, C_in)``; ``products`` each kernel's
    element-wise products with its channel's window, ``(kh, kw, C_in, filters)``; ``channel_sums``
    one partial sum per kernel, ``(C_in, filters)``; ``total`` what lands in each output channel,
    ``(filters,)`` = ``channel_sums.sum(axis=0) + bias``.
    """

    index: int
    out_pos: tuple[int, int]
    rows: np.ndarray
    cols: np.ndarray
    window: np.ndarray
    products: np.ndarray
    channel_sums: np.ndarray
    bias: np.ndarray
    total: np.ndarray

    @property
    def origin(self) -> tuple[int, int]:
        """Top-left corner of the window in the padded input."""
        return int(self.rows[0]), int(self.cols[0])


@dataclass(frozen=True, eq=False)
class LayerSweepTrace(_Steps):
    """Every output position of a layer sweeping an ``(H, W, C_in)`` input, in the order they are made.

    Built by :func:`sweep` with a 3-D ``x`` and 4-D ``weights``. ``padded`` is the zero-padded input,
    ``padding`` the amounts ``((top, bottom), (left, right))``. Steps are computed on demand.
    """

    x: np.ndarray
    weights: np.ndarray
    bias: np.ndarray
    padded: np.ndarray
    padding: tuple[tuple[int, int], tuple[int, int]]
    strides: tuple[int, int]
    dilation_rate: tuple[int, int]
    output_hw: tuple[int, int]

    @property
    def c_in(self) -> int:
        return self.weights.shape[2]

    @property
    def filters(self) -> int:
        return self.weights.shape[3]

    def step(self, k: int) -> LayerSweepStep:
        """Step ``k`` (0-based, row by row): the windows, the products, the partial sums, the totals."""
        k, pos, rows, cols, window = self._taps(k, *self.weights.shape[:2])  # window (kh, kw, C_in)
        products = window[..., None] * self.weights  # (kh, kw, C_in, filters)
        channel_sums = products.sum(axis=(0, 1))  # (C_in, filters)
        total = channel_sums.sum(axis=0) + self.bias
        return LayerSweepStep(k, pos, rows, cols, window, products, channel_sums, self.bias, total)


def sweep(x, weights, bias=None, strides=1, padding="valid", dilation_rate=1):
    """Trace a sweep step by step: one kernel over one channel, or a whole layer over C_in channels.

    Parameters
    ----------
    x : array_like
        One channel ``(H, W)``, or an input ``(H, W, C_in)``.
    weights : array_like
        With a 2-D ``x``, one kernel ``(kh, kw)``; with a 3-D ``x``, a layer's weights
        ``(kh, kw, C_in, filters)`` (channels-last, as :func:`convlesson.conv2d` takes them).
    bias : array_like, optional
        ``(filters,)``, one number per filter (3-D ``x`` only; default zeros).
    strides, padding, dilation_rate
        As in :func:`convlesson.conv2d`.

    Returns
    -------
    SweepTrace or LayerSweepTrace
        Its steps, in output order, carry the window, the products and the sums.

    Introduced in ``01_the_sweep`` (one channel) and ``04_many_channels`` (a layer); the explorers
    ``KernelSweep`` and ``FilterSweep`` draw from it.

    >>> t = sweep(np.arange(16.0).reshape(4, 4), np.ones((3, 3)))
    >>> len(t), t[0].total, t[0].origin
    (4, 45.0, (0, 0))
    >>> t = sweep(np.ones((4, 4, 2)), np.ones((3, 3, 2, 1)), bias=[0.5])
    >>> t[0].channel_sums.ravel().tolist(), t[0].total.tolist()
    ([9.0, 9.0], [18.5])
    """
    x_arr = as_numeric(x, "x")
    if x_arr.ndim == 2:
        if bias is not None:
            raise ValueError(say("sweep.bias_one_channel"))
        return _sweep_one(x_arr, weights, strides, padding, dilation_rate)
    if x_arr.ndim != 3:
        raise ValueError(say("sweep.x_dims", shape=x_arr.shape))
    w_arr = as_numeric(weights, "weights")
    if w_arr.ndim != 4:
        raise ValueError(say("sweep.weights_4d", shape=w_arr.shape))
    job = prepare(x_arr, w_arr, bias, strides, padding, dilation_rate, kernel_name="weights")
    padded = np.pad(job.x[0].astype(float), (*job.padding, (0, 0)))
    b = np.zeros(w_arr.shape[3]) if job.bias is None else job.bias.astype(float)
    return LayerSweepTrace(
        x_arr.copy(),
        w_arr.astype(float),
        b,
        padded,
        job.padding,
        job.strides,
        job.dilation_rate,
        job.output_hw,
    )


def _sweep_one(x_arr, kernel, strides, padding, dilation_rate) -> SweepTrace:
    """One kernel sweeping one channel ``x_arr`` ``(H, W)``."""
    k_arr = as_numeric(kernel, "weights")
    if k_arr.ndim != 2:
        raise ValueError(say("sweep.weights_2d", shape=k_arr.shape))
    if x_arr.size == 0:
        raise ValueError(say("empty", name="x", shape=x_arr.shape))
    if k_arr.size == 0:
        raise ValueError(say("empty", name="weights", shape=k_arr.shape))
    s = as_pair(strides, "strides")
    d = as_pair(dilation_rate, "dilation_rate")
    pads = resolve_padding(x_arr.shape, k_arr.shape, s, d, padding)
    padded_hw = (x_arr.shape[0] + sum(pads[0]), x_arr.shape[1] + sum(pads[1]))
    check_fits(padded_hw, k_arr.shape, d)
    check_size(say("what.padded_input"), padded_hw[0] * padded_hw[1], np.dtype(float))
    padded = np.pad(x_arr.astype(float), pads)
    oh = _output_1d(padded_hw[0], k_arr.shape[0], s[0], d[0], 0, 0)
    ow = _output_1d(padded_hw[1], k_arr.shape[1], s[1], d[1], 0, 0)
    return SweepTrace(x_arr.copy(), k_arr.astype(float), padded, pads, s, d, (oh, ow))
