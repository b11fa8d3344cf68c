"""A Conv2D layer in the article's words: it holds ``filters`` filters, each a stack of kernels.

``Conv2D(filters, kernel_size, ...)`` mirrors Keras's constructor. It hands out a *filter*
(``(kh, kw, C_in / groups)``) or a single *kernel* (``(kh, kw)``, one filter's weights for one
input channel), and splits its forward pass into the steps the lessons draw: per-channel maps,
their sum, plus bias, then ReLU. Introduced in ``05_filters`` and ``06_conv2d_layer``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import stable
from .conv import as_numeric, check_groups, check_padding, check_size, conv2d
from .language import catalog
from .shapes import _is_int, _OutOfRange, _positive_int, as_bool, as_pair, as_seed, output_shape, show

__all__ = ["Conv2D", "FilterDecomposition"]

ACTIVATIONS = (None, "relu")

say = catalog("core")


@dataclass(frozen=True, eq=False)
class FilterDecomposition:
    """One filter's forward pass, step by step.

    ``channel_maps[..., k, :, :]`` is kernel ``k`` swept over input channel ``channels[k]``;
    ``summed`` is their sum; ``biased`` adds the filter's bias; ``output`` is after the activation
    (the same as ``biased`` without one). For a batched input every array has a leading batch axis.
    """

    filter_index: int
    channels: tuple[int, ...]
    channel_maps: np.ndarray
    summed: np.ndarray
    bias: float
    biased: np.ndarray
    activation: str | None
    output: np.ndarray


class Conv2D:
    """A 2-D convolution layer: ``filters`` filters, each holding ``C_in / groups`` kernels.

    Parameters
    ----------
    filters : int
        Number of filters = number of output channels (PyTorch's ``out_channels``).
    kernel_size, strides, dilation_rate : int or (int, int)
    padding : str or explicit amounts, as in :func:`convlesson.conv2d`
    use_bias : bool
    groups : int
        Each filter sees ``C_in / groups`` input channels, so holds that many kernels.
    activation : None or 'relu'
    c_in : int, optional
        Input channels. Without it (and without ``kernel``) the weights are made on the first call,
        from the input, as Keras does.
    kernel, bias : array_like, optional
        Given weights ``(kh, kw, C_in / groups, filters)`` and ``(filters,)``; copied.
    seed : int
        Seed for made weights, a non-negative int. Each kernel ``(j, c)`` is drawn uniformly from
        ``±sqrt(3 / (kh·kw))`` at its own place in the random numbers, so it depends only on the
        seed, ``j``, ``c`` and the kernel size: adding a filter or an input channel leaves every
        other kernel as it was. (Keras's default, Glorot-uniform, scales every kernel by C_in and
        ``filters``, so there adding a filter changes them all.) Biases are small random numbers
        (Keras starts them at zero) so that the "+ bias" step is visible.

    Weights larger than :data:`convlesson.core.conv.MAX_BYTES` are refused before they are made.

    Examples
    --------
    >>> layer = Conv2D(2, 3, c_in=3)
    >>> layer.filter(0).shape, layer.kernel_for(0, 2).shape, layer.n_kernels
    ((3, 3, 3), (3, 3), 6)
    """

    def __init__(
        self,
        filters,
        kernel_size,
        strides=1,
        padding="valid",
        dilation_rate=1,
        use_bias=True,
        groups=1,
        activation=None,
        *,
        c_in=None,
        kernel=None,
        bias=None,
        seed=0,
    ):
        self.filters = _positive_int(filters, "filters", "filters")
        self.kernel_size = as_pair(kernel_size, "kernel_size")
        self.strides = as_pair(strides, "strides")
        self.dilation_rate = as_pair(dilation_rate, "dilation_rate")
        check_padding(padding)
        self.padding = padding
        self.use_bias = as_bool(use_bias, "use_bias")
        self.groups = _positive_int(groups, "groups", "groups")
        if isinstance(activation, str):
            activation = activation.lower()
        if activation is not None and not (isinstance(activation, str) and activation == "relu"):
            raise ValueError(say("activation.unknown", value=show(activation)))
        self.activation = activation
        self.seed = as_seed(seed)
        self._kernel = None
        self._bias = None
        self._given_bias = None
        if bias is not None:
            if not self.use_bias:
                raise ValueError(say("bias.without_use_bias"))
            b = as_numeric(bias, "bias").astype(float)  # astype copies: never aliases the caller's array
            if b.shape != (self.filters,):
                raise ValueError(say("bias.shape", filters=self.filters, shape=b.shape))
            self._given_bias = b
        if c_in is not None:
            c_in = _positive_int(c_in, "c_in", "c_in")
        if kernel is not None:
            self._set_kernel(kernel, c_in)
        elif c_in is not None:
            self.build(c_in)

    # ----------------------------------------------------------------- weights
    def _set_kernel(self, kernel, c_in):
        k = as_numeric(kernel, "kernel").astype(float)  # astype copies: never aliases the caller's array
        kh, kw = self.kernel_size
        want = {"kh": kh, "kw": kw, "groups": self.groups, "filters": self.filters, "shape": k.shape}
        if k.ndim != 4 or k.shape[:2] != self.kernel_size or k.shape[3] != self.filters:
            raise ValueError(say("kernel.shape", **want))
        if k.shape[2] == 0:
            raise ValueError(say("kernel.no_kernels", **want))
        derived = k.shape[2] * self.groups
        if c_in is not None and c_in != derived:
            raise ValueError(
                say("kernel.c_in", c_in=c_in, shape=k.shape, groups=self.groups, derived=derived)
            )
        check_groups(self.groups, derived, self.filters)
        self._kernel = k
        self.c_in = derived
        self._bias = self._given_bias if self._given_bias is not None else self._default_bias(made=False)

    def _default_bias(self, made: bool) -> np.ndarray | None:
        if not self.use_bias:
            return None
        if not made:  # weights were given: start the biases at zero, as Keras does
            return np.zeros(self.filters)
        return 0.2 * stable.uniform(self.seed, "bias", np.arange(self.filters))

    def build(self, c_in) -> Conv2D:
        """Make the weights for ``c_in`` input channels from ``seed``.

        A ``bias`` given to the constructor is kept; otherwise biases are made from ``seed`` too.
        """
        c_in = _positive_int(c_in, "c_in", "c_in")
        kh, kw = self.kernel_size
        per = max(c_in // self.groups, 1)
        check_size(
            say(
                "what.weights",
                filters=show(self.filters),
                kernel_size=show(self.kernel_size),
                c_in=show(c_in),
            ),
            kh * kw * per * self.filters,
            np.dtype(float),
            (kh, kw, per, self.filters),
            advice=say("advice.weights"),
        )
        check_groups(self.groups, c_in, self.filters)
        self.c_in = c_in
        # kernel (j, c) from its own place in the random numbers: adding a filter or a channel
        # leaves every other kernel as it was
        j, k, r, q = np.meshgrid(
            np.arange(self.filters), np.arange(per), np.arange(kh), np.arange(kw), indexing="ij"
        )
        c = (j // (self.filters // self.groups)) * per + k  # the input channel kernel (j, k) reads
        limit = np.sqrt(3.0 / (kh * kw))
        weights = limit * stable.uniform(self.seed, "kernel", j, c, kh, kw, r, q)
        self._kernel = np.ascontiguousarray(weights.transpose(2, 3, 1, 0))
        made_bias = self._default_bias(made=True)
        self._bias = self._given_bias if self._given_bias is not None else made_bias
        return self

    @property
    def is_built(self) -> bool:
        """True once the layer has weights (from ``c_in``, ``kernel``/``weights``, or a first call)."""
        return self._kernel is not None

    def _require_built(self):
        if self._kernel is None:
            raise ValueError(say("layer.unbuilt"))

    @property
    def weights(self) -> np.ndarray:
        """All the layer's kernels as one 4-D array, ``(kh, kw, C_in / groups, filters)`` (a copy).

        ``weights[:, :, c, j]`` is the kernel filter ``j`` sweeps over channel ``c``; ``weights[..., j]``
        is filter ``j``. Keras calls this whole 4-D tensor the layer's ``kernel`` (see :attr:`kernel`).
        """
        self._require_built()
        return self._kernel.copy()

    @property
    def kernel(self) -> np.ndarray:
        """The same 4-D array as :attr:`weights`, under Keras's name for it (``layer.kernel`` in Keras).

        By Keras's convention "kernel" is the whole ``(kh, kw, C_in, filters)`` tensor; in this
        course a kernel is one 2-D slice of it (:meth:`kernel_for`).
        """
        return self.weights

    @property
    def bias(self) -> np.ndarray | None:
        """One bias per filter, ``(filters,)`` (a copy), or None with ``use_bias=False``."""
        self._require_built()
        return None if self._bias is None else self._bias.copy()

    @property
    def kernels_per_filter(self) -> int:
        self._require_built()
        return self.c_in // self.groups

    @property
    def n_kernels(self) -> int:
        """How many 2-D kernels the layer holds: ``filters * C_in / groups``."""
        return self.filters * self.kernels_per_filter

    @property
    def param_count(self) -> int:
        """Weights plus biases: ``filters * (kh * kw * C_in / groups) + filters``."""
        weights = self.n_kernels * self.kernel_size[0] * self.kernel_size[1]
        return weights + (self.filters if self.use_bias else 0)

    def _check_filter(self, j):
        self._require_built()
        if not _is_int(j) or not 0 <= j < self.filters:
            raise _OutOfRange(say("layer.filter_index", last=self.filters - 1, value=show(j)))
        return int(j)

    def channels_of(self, j) -> tuple[int, ...]:
        """The input channels filter ``j`` sees (all of them unless ``groups > 1``)."""
        j = self._check_filter(j)
        per = self.kernels_per_filter
        g = j // (self.filters // self.groups)
        return tuple(range(g * per, (g + 1) * per))

    def filter(self, j) -> np.ndarray:
        """Filter ``j``: its stack of kernels, ``(kh, kw, C_in / groups)`` (a copy)."""
        j = self._check_filter(j)
        return self._kernel[:, :, :, j].copy()

    def kernel_for(self, j, c) -> np.ndarray:
        """The 2-D kernel filter ``j`` sweeps over input channel ``c``, ``(kh, kw)`` (a copy)."""
        chans = self.channels_of(j)
        if not _is_int(c) or c not in chans:
            raise _OutOfRange(
                say("layer.channel", value=show(c), j=j, groups=self.groups, first=chans[0], last=chans[-1])
            )
        return self._kernel[:, :, c - chans[0], j].copy()

    # ----------------------------------------------------------------- forward
    def _prepare(self, x) -> np.ndarray:
        arr = as_numeric(x, "x")
        if arr.ndim not in (3, 4):
            raise ValueError(say("layer.x_dims", shape=arr.shape))
        if arr.size == 0:
            raise ValueError(say("empty", name="x", shape=arr.shape))
        if self._kernel is None:
            self.build(arr.shape[-1])
        if arr.shape[-1] != self.c_in:
            raise ValueError(say("layer.x_channels", channels=arr.shape[-1], shape=arr.shape, c_in=self.c_in))
        return arr

    def _activate(self, a):
        return np.maximum(a, 0.0) if self.activation == "relu" else a

    def __call__(self, x) -> np.ndarray:
        """The layer's output ``(H', W', filters)`` (or batched), after bias and activation."""
        arr = self._prepare(x)
        out = conv2d(
            arr, self._kernel, self._bias, self.strides, self.padding, self.dilation_rate, self.groups
        )
        return self._activate(out)

    def output_shape(self, input_shape) -> tuple:
        """The output's shape for an input of shape ``input_shape`` (see :func:`convlesson.output_shape`)."""
        shape = output_shape(
            input_shape, self.kernel_size, self.filters, self.strides, self.padding, self.dilation_rate
        )
        if self._kernel is not None and input_shape[-1] != self.c_in:
            raise ValueError(
                say(
                    "layer.input_shape_channels",
                    value=show(input_shape),
                    channels=input_shape[-1],
                    c_in=self.c_in,
                )
            )
        return shape

    def decompose(self, x, j) -> FilterDecomposition:
        """Filter ``j``'s forward pass: one map per kernel, their sum, + bias, activation."""
        arr = self._prepare(x)
        j = self._check_filter(j)
        chans = self.channels_of(j)
        one_map = self.output_shape(arr.shape)[:-1]
        count = math.prod(one_map) * len(chans)
        check_size(say("what.maps"), count, np.dtype(float), (*one_map, len(chans)))
        # kernel k of filter j swept over channel c alone: a one-channel, one-filter convolution
        maps = [
            conv2d(
                arr[..., c : c + 1],
                self._kernel[:, :, k : k + 1, j : j + 1],
                None,
                self.strides,
                self.padding,
                self.dilation_rate,
            )[..., 0]
            for k, c in enumerate(chans)
        ]
        channel_maps = np.stack(maps, axis=-3)
        summed = channel_maps.sum(axis=-3)
        b = float(self._bias[j]) if self._bias is not None else 0.0
        biased = summed + b
        return FilterDecomposition(
            j, chans, channel_maps, summed, b, biased, self.activation, self._activate(biased)
        )

    def __repr__(self) -> str:
        built = f", c_in={self.c_in}" if self._kernel is not None else ""
        return (
            f"Conv2D(filters={self.filters}, kernel_size={self.kernel_size}, strides={self.strides}, "
            f"padding={self.padding!r}, dilation_rate={self.dilation_rate}, use_bias={self.use_bias}, "
            f"groups={self.groups}, activation={self.activation!r}{built})"
        )
