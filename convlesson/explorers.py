"""The live explorers: sliders on one side, a picture that follows them on the other.

Every explorer has the same parts: ``controls`` (a dict of ipywidgets keyed by parameter name),
``state`` (their current values), ``figure`` (a matplotlib Figure made without pyplot), ``image``
(the ``ipywidgets.Image`` holding the current PNG), ``widget`` (controls + readout + image) and
``flush()``. Displaying an explorer shows the live widget and also carries a static PNG, so the
notebook shows the picture where no kernel runs. Build one with the values you want to start
from, e.g. ``FilterBank(c_in=8, filters=8, kernel_size=7)``.

* :class:`KernelSweep` -- one kernel sweeping one channel, step by step (``01_the_sweep``).
* :class:`ChannelSum` -- one filter: C_in kernels, C_in maps, their sum, + bias (``04_many_channels``).
* :class:`FilterBank` -- a whole Conv2D layer: ``filters x C_in`` kernels (``06_conv2d_layer``).
* :class:`Playground` -- the photo, classic kernels and every slider at once (``07_playground``).
* :class:`GroupedConv` -- groups and depthwise convolution (``08_groups``).
"""

from __future__ import annotations

import numpy as np

from ._live import PADDING_OPTIONS, LiveExplorer
from .conv import sweep
from .draw import ChannelSumPicture, LayerPicture, SweepPicture, channel_names, shape_text
from .layer import Conv2D
from .samples import CLASSIC_KERNELS, photo, small_grid, synthetic_channels
from .shapes import output_size, output_size_formula, param_count
from .style import lecture_mode

__all__ = ["KernelSweep", "ChannelSum", "FilterBank", "Playground", "GroupedConv", "lecture_mode"]

K_MAX = 7


def _input(size: int, c_in: int) -> tuple[np.ndarray, bool]:
    """The photo for three channels, synthetic patterns otherwise; and whether it is the photo."""
    if c_in == 3:
        return photo(size), True
    return synthetic_channels(size, c_in), False


def sweep_kernel(k: int) -> np.ndarray:
    """The small-integer kernel ``KernelSweep`` uses for ``kernel_size = k`` (weights -1, 0, 1; not all 0)."""
    rng = np.random.default_rng(100 + k)
    kern = rng.integers(-1, 2, size=(k, k)).astype(float)
    if not kern.any():
        kern[k // 2, k // 2] = 1.0
    return kern


class KernelSweep(LiveExplorer):
    """One kernel sweeping one channel: the window, the element-wise products, their sum, the output.

    Controls: ``input_size``, ``kernel_size``, ``strides``, ``padding``, ``dilation_rate`` and
    ``step`` (with a play button) that walks the kernel over every position. The input is a small
    grid of integers (:func:`convlesson.small_grid`) so every number stays legible; unreached output
    cells are blank. Introduced in ``01_the_sweep``.

    Examples
    --------
    >>> ex = KernelSweep(input_size=5, kernel_size=3)
    >>> ex.controls["step"].max      # 3 x 3 output positions
    8
    """

    SPECS = {
        "input_size": ("int", 5, 3, 10),
        "kernel_size": ("int", 3, 1, K_MAX),
        "strides": ("int", 1, 1, 3),
        "padding": ("choice", "valid", PADDING_OPTIONS),
        "dilation_rate": ("int", 1, 1, 3),
        "step": ("int", 0, 0, 200),
    }
    WIDTH, HEIGHT = 1000, 420

    def _build(self):
        self.picture = SweepPicture(self.ax)

    def _sync(self, changed):
        self._fit_kernel(self.state["input_size"], K_MAX)

    def _positions(self) -> int:
        s = self.state
        out = output_size(s["input_size"], s["kernel_size"], s["strides"], s["padding"], s["dilation_rate"])
        return out * out

    def _draw(self):
        s = self.state
        self.x = small_grid(s["input_size"], seed=0)
        self.kernel = sweep_kernel(s["kernel_size"])
        self.trace = sweep(self.x, self.kernel, s["strides"], s["padding"], s["dilation_rate"])
        self.picture.update(self.trace, s["step"], (0, 0, self.WIDTH, self.HEIGHT))
        n, k = s["input_size"], s["kernel_size"]
        self.notes = [output_size_formula(n, k, s["strides"], s["padding"], s["dilation_rate"])]


class ChannelSum(LiveExplorer):
    """One filter on a C_in-channel input: C_in kernels, C_in maps, their sum, + bias, ReLU.

    The RGB photo when ``c_in = 3``, distinct synthetic channels otherwise. Controls:
    ``input_size``, ``c_in``, ``kernel_size``, ``strides``, ``padding``, ``dilation_rate``, ``bias``
    and ``relu``. Introduced in ``04_many_channels``.
    """

    SPECS = {
        "input_size": ("int", 24, 6, 48),
        "c_in": ("int", 3, 1, 8),
        "kernel_size": ("int", 3, 1, K_MAX),
        "strides": ("int", 1, 1, 3),
        "padding": ("choice", "valid", PADDING_OPTIONS),
        "dilation_rate": ("int", 1, 1, 3),
        "bias": ("float", 0.1, -1.0, 1.0, 0.05),
        "relu": ("bool", True),
    }
    WIDTH, HEIGHT = 1060, 560

    def _build(self):
        self.picture = ChannelSumPicture(self.ax)

    def _sync(self, changed):
        self._fit_kernel(self.state["input_size"], K_MAX)

    def _draw(self):
        s = self.state
        self.x, is_photo = _input(s["input_size"], s["c_in"])
        self.layer = Conv2D(
            1,
            s["kernel_size"],
            s["strides"],
            s["padding"],
            s["dilation_rate"],
            activation="relu" if s["relu"] else None,
            c_in=s["c_in"],
            bias=[s["bias"]],
            seed=0,
        )
        self.decomposition = self.layer.decompose(self.x, 0)
        lines = shape_text(
            s["input_size"], s["c_in"], s["kernel_size"], 1, s["strides"], s["padding"], s["dilation_rate"]
        )
        self.picture.update(
            self.x,
            self.layer,
            self.decomposition,
            (0, 0, self.WIDTH, self.HEIGHT),
            names=channel_names(s["c_in"], rgb=is_photo),
            lines=lines,
        )
        self.notes = lines[1:]


class FilterBank(LiveExplorer):
    """A whole Conv2D layer: the input's channels, its ``filters x C_in`` kernels, its ``filters`` maps.

    Controls: ``input_size``, ``c_in``, ``filters``, ``kernel_size``, ``strides``, ``padding``,
    ``dilation_rate`` and ``relu``. Output map ``j`` is drawn level with filter ``j``'s kernels.
    Introduced in ``06_conv2d_layer``.
    """

    SPECS = {
        "input_size": ("int", 16, 6, 32),
        "c_in": ("int", 3, 1, 8),
        "filters": ("int", 2, 1, 8),
        "kernel_size": ("int", 3, 1, K_MAX),
        "strides": ("int", 1, 1, 3),
        "padding": ("choice", "valid", PADDING_OPTIONS),
        "dilation_rate": ("int", 1, 1, 3),
        "relu": ("bool", False),
    }
    WIDTH, HEIGHT = 1000, 580

    def _build(self):
        self.picture = LayerPicture(self.ax)

    def _sync(self, changed):
        self._fit_kernel(self.state["input_size"], K_MAX)

    def _groups(self) -> int:
        return 1

    def _c_in(self) -> int:
        return self.state["c_in"]

    def _make_layer(self, s) -> Conv2D:
        return Conv2D(
            s["filters"],
            s["kernel_size"],
            s.get("strides", 1),
            s.get("padding", "valid"),
            s.get("dilation_rate", 1),
            groups=self._groups(),
            activation="relu" if s.get("relu") else None,
            c_in=self._c_in(),
            seed=0,
        )

    def _draw(self):
        s = self.state
        c_in = self._c_in()
        self.x, is_photo = _input(s["input_size"], c_in)
        self.layer = self._make_layer(s)
        self.output = self.layer(self.x)
        lines = shape_text(
            s["input_size"],
            c_in,
            s["kernel_size"],
            s["filters"],
            s.get("strides", 1),
            s.get("padding", "valid"),
            s.get("dilation_rate", 1),
            groups=self._groups(),
        )
        lines = self._extra_lines(lines)
        names = channel_names(c_in, rgb=is_photo)
        self.picture.update(
            self.x,
            self.layer,
            self.output,
            (0, 0, self.WIDTH, self.HEIGHT),
            names=names,
            lines=lines,
            map_names=self._map_names(names),
        )
        self.notes = self.notes + lines[1:]

    def _extra_lines(self, lines):
        return lines

    def _map_names(self, names):
        return None


class Playground(FilterBank):
    """The photo with classic kernels (or random weights) and every slider at once.

    ``kernel`` picks filter 0's weights: a classic 3x3 kernel (identity, box blur, gaussian blur,
    sharpen, sobel x, sobel y, laplacian) applied to each of R, G, B with its weights divided by 3
    (so the filter sees the grey image), or ``'random'``. Other filters are random. Classic kernels
    are 3x3: with another ``kernel_size`` the weights are random and the readout says so.
    Introduced in ``07_playground``.
    """

    SPECS = {
        "kernel": ("choice", "sobel x", (*CLASSIC_KERNELS, "random")),
        "input_size": ("int", 48, 8, 64),
        "kernel_size": ("int", 3, 1, K_MAX),
        "strides": ("int", 1, 1, 3),
        "padding": ("choice", "valid", PADDING_OPTIONS),
        "dilation_rate": ("int", 1, 1, 3),
        "filters": ("int", 1, 1, 8),
        "relu": ("bool", False),
    }
    WIDTH, HEIGHT = 1000, 560

    def _c_in(self) -> int:
        return 3

    def _make_layer(self, s) -> Conv2D:
        layer = super()._make_layer(s)
        name = s["kernel"]
        if name == "random":
            return layer
        if s["kernel_size"] != 3:
            self.notes.append(
                f"{name} is a 3×3 kernel; with kernel_size {s['kernel_size']} the weights are random "
                "(set kernel_size to 3 to see it)."
            )
            return layer
        kernel = layer.kernel
        kernel[:, :, :, 0] = CLASSIC_KERNELS[name][:, :, None] / 3.0
        self.notes.append(
            f"filter 0 applies the {name} kernel to each of R, G, B (weights ÷ 3): "
            "it sees the grey image. Other filters are random."
        )
        return Conv2D(
            s["filters"],
            3,
            s["strides"],
            s["padding"],
            s["dilation_rate"],
            activation="relu" if s["relu"] else None,
            kernel=kernel,
            bias=layer.bias * 0,
        )


def common_divisors(a: int, b: int) -> list[int]:
    """The ``groups`` values that work for ``C_in = a`` and ``filters = b``."""
    return [g for g in range(1, min(a, b) + 1) if a % g == 0 and b % g == 0]


class GroupedConv(FilterBank):
    """Grouped (and depthwise) convolution: each filter reads only ``C_in / groups`` channels.

    Controls: ``c_in``, ``filters``, ``groups`` (only the common divisors of both are offered),
    ``kernel_size`` and ``input_size``. Kernels a filter does not hold are hatched; the readout
    compares kernel and parameter counts with ``groups = 1``. Introduced in ``08_groups``.
    """

    SPECS = {
        "c_in": ("int", 4, 1, 8),
        "filters": ("int", 4, 1, 8),
        "groups": ("choice", 2, tuple(range(1, 9))),
        "kernel_size": ("int", 3, 1, 5),
        "input_size": ("int", 12, 6, 24),
    }
    WIDTH, HEIGHT = 1000, 580

    def _make_control(self, name, spec, value):
        if name == "groups":
            c_in = self._initial.get("c_in", self.SPECS["c_in"][1])
            filters = self._initial.get("filters", self.SPECS["filters"][1])
            options = (
                common_divisors(c_in, filters) if isinstance(c_in, int) and isinstance(filters, int) else [1]
            )
            if value not in options:
                raise ValueError(
                    f"groups must divide both c_in={c_in} and filters={filters}; got groups={value!r}, "
                    f"the groups that work are {options}"
                )
            spec = ("choice", value, options)
        return super()._make_control(name, spec, value)

    def __init__(self, **values):
        self._initial = values
        super().__init__(**values)

    def _groups(self) -> int:
        return self.state["groups"]

    def _sync(self, changed):
        s = self.state
        options = common_divisors(s["c_in"], s["filters"])
        dd = self.controls["groups"]
        if list(dd.options) != options:
            g = dd.value
            keep = g if g in options else max(o for o in options if o <= g)
            if keep != g:
                self.message = (
                    f"groups {g} does not divide both C_in = {s['c_in']} and filters = {s['filters']}; "
                    f"groups is now {keep}."
                )
            with dd.hold_trait_notifications():
                dd.options = options
                dd.value = keep
        self.state["groups"] = dd.value
        self._fit_kernel(s["input_size"], self.SPECS["kernel_size"][3], "valid", 1, 1)

    def _extra_lines(self, lines):
        s = self.state
        c_in, filters, g, k = s["c_in"], s["filters"], s["groups"], s["kernel_size"]
        per = c_in // g
        p_g, p_1 = param_count(k, c_in, filters, groups=g), param_count(k, c_in, filters)
        kind = " (depthwise: one channel per filter)" if per == 1 and g > 1 else ""
        return [
            *lines[:2],
            f"groups = {g}{kind}: each filter reads C_in/groups = {per} of the {c_in} channels, so it holds "
            f"{per} kernel{'s' if per > 1 else ''}; the layer holds {filters * per} kernels "
            f"(groups = 1: {filters * c_in})",
            f"parameters: {filters}·({k}·{k}·{per}) + {filters} = {p_g}   (groups = 1: {p_1})",
        ]

    def _map_names(self, names):
        return [
            f"map {j} ← {names[ch[0]]}" + (f"–{names[ch[-1]]}" if len(ch) > 1 else "")
            for j, ch in enumerate(self.layer.channels_of(j) for j in range(self.layer.filters))
        ]
