"""``summary``: a chain of Conv2D layers, layer by layer, counting filters AND kernels.

Keras's ``model.summary()`` lists each layer's output shape and parameters; this adds what the course
is about: each layer's filter shape, how many filters it holds and how many 2-D kernels. Chaining
layers makes the point at once: layer 2's filters each hold as many kernels as layer 1 has filters.
Introduced in ``06_conv2d_layer``; ``summary(network)`` lists every layer of the small trained
network, pooling and dense included, in ``07_learned_filters``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .backprop import ConvLayer, Dense, GlobalAveragePool, MaxPool2x2
from .language import catalog, ljust, rjust, width
from .layer import Conv2D
from .network import ToyCNN
from .shapes import output_shape, show

__all__ = ["summary", "LayerRow", "Summary"]

say = catalog("core")


@dataclass(frozen=True)
class LayerRow:
    """One layer of a :class:`Summary` (a layer without filters has None for them)."""

    name: str
    input_shape: tuple
    filter_shape: tuple | None
    filters: int | None
    kernels: int | None
    params: int
    output_shape: tuple


class Summary:
    """The table :func:`summary` makes: shown as text in the language in use; ``rows`` holds the numbers."""

    #: The columns, by their keys in ``core/words`` (``summary.head.<key>``).
    COLUMNS = ("layer", "input_shape", "filter_shape", "filters", "kernels", "parameters", "output_shape")

    def __init__(self, rows: list[LayerRow]):
        self.rows = rows
        self.total_kernels = sum(r.kernels for r in rows if r.kernels is not None)
        self.total_params = sum(r.params for r in rows)

    @property
    def HEAD(self) -> tuple[str, ...]:  # noqa: N802 -- a constant once, kept by its name
        """The column heads, in the language in use."""
        return tuple(say(f"summary.head.{key}") for key in self.COLUMNS)

    def _cells(self):
        yield self.HEAD
        for r in self.rows:
            yield (
                r.name,
                str(r.input_shape),
                "—" if r.filter_shape is None else str(r.filter_shape),
                "—" if r.filters is None else f"{r.filters:,}",
                "—" if r.kernels is None else f"{r.kernels:,}",
                f"{r.params:,}",
                str(r.output_shape),
            )
        yield (say("summary.total"), "", "", "", f"{self.total_kernels:,}", f"{self.total_params:,}", "")

    def __str__(self) -> str:
        cells = list(self._cells())
        widths = [max(width(row[i]) for row in cells) for i in range(len(self.COLUMNS))]
        lines = []
        for n, row in enumerate(cells):
            text = "  ".join(
                (ljust(c, w) if i in (0, 1, 2, 6) else rjust(c, w))
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
            lines.append(text.rstrip())
            if n == 0 or n == len(cells) - 2:
                lines.append("─" * width(lines[0]))
        return "\n".join(lines)

    __repr__ = __str__


def summary(input_shape, layers=None) -> Summary:
    """Each layer of a chain of :class:`Conv2D` layers: shapes, filters, kernels and parameters.

    Parameters
    ----------
    input_shape : tuple of int, or ToyCNN
        The first layer's input, ``(H, W, C_in)`` or batched ``(N, H, W, C_in)``; or the small
        trained network (``cl.summary(cl.trained_network())``), whose every layer is listed.
    layers : list of Conv2D
        Applied in order: each layer's output is the next one's input. Layers without weights yet
        are counted for the channels they will get; layers with weights must fit them. Not given
        with a network.

    Returns
    -------
    Summary
        Shows as a table; ``rows`` and ``total_params`` / ``total_kernels`` hold the numbers.

    Examples
    --------
    >>> s = summary((32, 32, 3), [Conv2D(8, 3), Conv2D(16, 3)])
    >>> [(r.kernels, r.params) for r in s.rows], s.total_params
    ([(24, 224), (128, 1168)], 1392)
    """
    if isinstance(input_shape, ToyCNN):
        if layers is not None:
            raise TypeError(say("summary.with_network"))
        return _network_summary(input_shape)
    if isinstance(layers, Conv2D) or not isinstance(layers, (list, tuple)):
        raise TypeError(say("summary.layers", value=show(layers)))
    if not layers:
        raise ValueError(say("summary.no_layers"))
    shape = tuple(input_shape) if isinstance(input_shape, (list, tuple)) else input_shape
    rows = []
    for n, layer in enumerate(layers, start=1):
        if not isinstance(layer, Conv2D):
            raise TypeError(say("summary.layer", i=n - 1, value=show(layer)))
        out = output_shape(
            shape, layer.kernel_size, layer.filters, layer.strides, layer.padding, layer.dilation_rate
        )
        c_in = int(shape[-1])
        if layer.is_built and layer.c_in != c_in:
            raise ValueError(say("summary.c_in", i=n - 1, built=layer.c_in, shape=show(shape), c_in=c_in))
        if c_in % layer.groups or layer.filters % layer.groups:
            raise ValueError(
                say("summary.groups", i=n - 1, groups=layer.groups, c_in=c_in, filters=layer.filters)
            )
        per = c_in // layer.groups
        kh, kw = layer.kernel_size
        params = layer.filters * kh * kw * per + (layer.filters if layer.use_bias else 0)
        rows.append(
            LayerRow(f"conv2d_{n}", shape, (kh, kw, per), layer.filters, layer.filters * per, params, out)
        )
        shape = out
    return Summary(rows)


def _network_summary(net: ToyCNN) -> Summary:
    """Every layer of the small trained network: its convolutions (ReLU folded in), pooling, dense."""
    shape = net.input_shape
    rows = []
    convs = 0
    for name, layer in net.layers.items():
        if isinstance(layer, ConvLayer):
            convs += 1
            kh, kw, c_in, filters = net.params[f"{name}.kernel"].shape
            out = (shape[0] - kh + 1, shape[1] - kw + 1, filters)
            params = kh * kw * c_in * filters + filters
            row = LayerRow(
                f"conv2d_{convs} + relu", shape, (kh, kw, c_in), filters, filters * c_in, params, out
            )
        elif isinstance(layer, MaxPool2x2):
            out = (shape[0] // 2, shape[1] // 2, shape[2])
            row = LayerRow("max_pooling 2 × 2", shape, None, None, None, 0, out)
        elif isinstance(layer, GlobalAveragePool):
            out = (shape[2],)
            row = LayerRow("global_average", shape, None, None, None, 0, out)
        elif isinstance(layer, Dense):
            n_in, n_out = net.params[f"{name}.kernel"].shape
            out = (n_out,)
            row = LayerRow("dense", shape, None, None, None, n_in * n_out + n_out, out)
        else:  # ReLU: folded into the convolution before it
            continue
        rows.append(row)
        shape = out
    return Summary(rows)
