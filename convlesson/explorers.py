"""The live explorers: sliders on one side, a picture that follows them on the other.

This is the only module that imports ipywidgets.

Every explorer has the same parts: ``controls`` (a dict of ipywidgets keyed by parameter name),
``state`` (their current values), ``figure`` (a matplotlib Figure made without pyplot), ``image``
(the ``ipywidgets.Image`` holding the current PNG), ``widget`` (controls + readout + image) and
``flush()``. Displaying an explorer shows the live widget and also carries a static PNG, so the
notebook shows the picture where no kernel runs. Build one with the values you want to start
from, e.g. ``FilterBank(c_in=8, filters=8, kernel_size=7)``.

* :class:`KernelSweep` -- one kernel sweeping one channel, step by step (``01_the_sweep``).
* :class:`ChannelSum` -- one filter: C_in kernels, C_in maps, their sum, + bias (``04_many_channels``).
* :class:`FilterBank` -- a whole Conv2D layer: ``filters x C_in`` kernels (``06_conv2d_layer``).
* :class:`Playground` -- the photo, classic kernels and every slider at once (``03_kernels``).
* :class:`GroupedConv` -- groups and depthwise convolution (``07_beyond``).

How frames keep up with a dragged slider
----------------------------------------
An observer records the new value and redraws synchronously, in the same comm message. This is
enough to coalesce frames: the widget front end keeps at most one message per widget in flight
and merges every change made meanwhile into a single buffered message, sent when the kernel
turns idle. So while one frame is drawn, any number of slider moves become ONE next frame with
the latest value: the last value is always drawn and the picture is never more than one frame
behind. Changes that a change causes (a slider's maximum shrinking and clamping its value) are
recorded without drawing, and the outer change draws once. ``hold()`` batches changes made from
Python; ``flush()`` draws a pending frame now.
"""

from __future__ import annotations

import base64
import html
from contextlib import contextmanager

import ipywidgets as widgets
import numpy as np

from . import style
from ._render import new_figure, render_png
from .conv import sweep
from .draw import shape_text
from .layer import Conv2D
from .pictures import ChannelSumPicture, LayerPicture, channel_names
from .samples import CLASSIC_KERNELS, photo, small_grid, synthetic_channels
from .shapes import PADDING_WORDS, output_size, output_size_formula, padding_amounts, param_count
from .style import lecture_mode
from .sweep_picture import SweepPicture

__all__ = ["KernelSweep", "ChannelSum", "FilterBank", "Playground", "GroupedConv", "lecture_mode"]

K_MAX = 7

#: Padding choices offered by every padding dropdown (all accepted by ``conv2d``).
PADDING_OPTIONS = (*PADDING_WORDS, 1, 2, 3)


def _slider(kind, name, value, lo, hi, step=1):
    """An ``IntSlider`` or ``FloatSlider`` that reports every move (``continuous_update``)."""
    return kind(
        value=value,
        min=lo,
        max=hi,
        step=step,
        description=name,
        continuous_update=True,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="260px"),
    )


class LiveExplorer:
    """Base class of the explorers. Subclasses define ``SPECS``, ``_draw()`` and optionally ``_sync()``.

    ``SPECS`` maps a control name to ``("int", default, lo, hi)``, ``("float", default, lo, hi, step)``,
    ``("choice", default, options)`` or ``("bool", default)``.
    """

    SPECS: dict = {}
    WIDTH, HEIGHT = 1000, 560  # pixels outside lecture mode

    def __init__(self, **values):
        unknown = sorted(set(values) - set(self.SPECS))
        if unknown:
            raise TypeError(
                f"{type(self).__name__} got unknown control(s) {', '.join(unknown)}; "
                f"its controls are {', '.join(self.SPECS)}"
            )
        self.controls: dict[str, widgets.ValueWidget] = {}
        for name, spec in self.SPECS.items():
            self.controls[name] = self._make_control(name, spec, values.get(name, spec[1]))
        self.state = {name: c.value for name, c in self.controls.items()}
        self.message = ""
        self.notes: list[str] = []
        self._pending = False
        self._syncing = False
        self._hold = 0
        self.frames_drawn = 0
        self.figure = new_figure(self.WIDTH, self.HEIGHT, style.BASE_DPI)
        self.ax = self.figure.add_axes((0, 0, 1, 1))
        self.ax.set_xlim(0, self.WIDTH)
        self.ax.set_ylim(self.HEIGHT, 0)
        self.ax.set_axis_off()
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", height="auto"))
        self.readout = widgets.HTML()
        extra = []
        if "step" in self.controls:
            self.play = widgets.Play(
                value=0, min=0, max=self.controls["step"].max, interval=600, description="play the sweep"
            )
            self._link = widgets.jslink((self.play, "value"), (self.controls["step"], "value"))
            extra.append(self.play)
        boxes = extra + list(self.controls.values())
        self.control_box = widgets.Box(
            boxes, layout=widgets.Layout(display="flex", flex_flow="row wrap", align_items="center")
        )
        self.widget = widgets.VBox([self.control_box, self.readout, self.image])
        self._build()
        self._sync_all(None)
        for c in self.controls.values():
            c.observe(self._on_change, names="value")
        self._pending = True
        self.flush()

    # ------------------------------------------------------------------ controls
    def _make_control(self, name, spec, value):
        kind = spec[0]
        if kind == "int":
            lo, hi = spec[2], spec[3]
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not lo <= value <= hi:
                raise ValueError(f"{name} must be an int from {lo} to {hi}, got {value!r}")
            return _slider(widgets.IntSlider, name, int(value), lo, hi)
        if kind == "float":
            lo, hi, step = spec[2], spec[3], spec[4]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
                raise ValueError(f"{name} must be a number from {lo} to {hi}, got {value!r}")
            return _slider(widgets.FloatSlider, name, float(value), lo, hi, step)
        if kind == "choice":
            options = list(spec[2])
            if isinstance(value, str) and value.lower() in [str(o).lower() for o in options]:
                value = next(o for o in options if str(o).lower() == value.lower())
            if value not in options or isinstance(value, bool):
                raise ValueError(
                    f"{name} must be one of {', '.join(repr(o) for o in options)}; got {value!r}"
                )
            return widgets.Dropdown(
                options=options,
                value=value,
                description=name,
                style={"description_width": "initial"},
                layout=widgets.Layout(width="200px"),
            )
        if kind == "bool":
            if not isinstance(value, bool):
                raise TypeError(f"{name} must be True or False, got {value!r}")
            return widgets.Checkbox(
                value=value, description=name, indent=False, layout=widgets.Layout(width="110px")
            )
        raise AssertionError(kind)

    def _name_of(self, owner):
        for name, c in self.controls.items():
            if c is owner:
                return name
        raise KeyError(owner)

    def _on_change(self, change):
        name = self._name_of(change["owner"])
        self.state[name] = change["new"]
        if self._syncing:
            return  # caused by a range update; the change that caused it draws once
        self.message = ""
        self._sync_all(name)
        self._request()

    def _sync_all(self, changed):
        self._syncing = True
        try:
            self._sync(changed)
            self.state = {name: c.value for name, c in self.controls.items()}
            if "step" in self.controls:
                self._set_max("step", max(self._positions() - 1, 0))
                self.play.max = self.controls["step"].max
        finally:
            self._syncing = False
        self.state = {name: c.value for name, c in self.controls.items()}

    def _set_max(self, name, hi):
        c = self.controls[name]
        if c.max != hi:
            if hi < c.min:
                hi = c.min
            c.max = hi  # clamps the value when it is larger

    def _fit_kernel(self, size, k_limit, padding=None, strides=None, dilation=None):
        """Limit kernel_size to what fits the padded input; say so when it had to shrink."""
        s = self.state
        padding = s.get("padding", "valid") if padding is None else padding
        strides = s.get("strides", 1) if strides is None else strides
        d = s.get("dilation_rate", 1) if dilation is None else dilation
        kmax = 1
        for k in range(1, k_limit + 1):
            if output_size(size, k, strides, padding, d) > 0:
                kmax = k
        k = self.controls["kernel_size"].value
        if k > kmax:
            span = d * (k - 1) + 1
            before_after = sum(padding_amounts(size, k, strides, padding, d))
            dil = f" with dilation_rate {d}" if d > 1 else ""
            self.message = (
                f"kernel_size {k}{dil} spans {span} pixels, but the padded input is only "
                f"{size + before_after} "
                f"wide, so there would be no output; kernel_size is now {kmax}."
            )
        self._set_max("kernel_size", kmax)

    def _sync(self, changed):
        """Update ranges that depend on other controls; by default keep the kernel inside the input."""
        self._fit_kernel(self.state["input_size"], K_MAX)

    def _positions(self) -> int:
        return 1

    # ------------------------------------------------------------------ drawing
    def _request(self):
        self._pending = True
        if self._hold == 0:
            self.flush()

    @contextmanager
    def hold(self):
        """Change several controls, then draw once: ``with ex.hold(): ex.controls['c_in'].value = 8 ...``."""
        self._hold += 1
        try:
            yield self
        finally:
            self._hold -= 1
            if self._hold == 0:
                self.flush()

    def set(self, **values) -> LiveExplorer:
        """Set several controls at once (drawing one frame): ``ex.set(c_in=8, filters=8)``."""
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise TypeError(
                f"unknown control(s) {', '.join(unknown)}; the controls are {', '.join(self.controls)}"
            )
        with self.hold():
            for name, v in values.items():
                self.controls[name].value = v
        return self

    def flush(self) -> None:
        """Draw the pending frame now (does nothing when no frame is pending)."""
        if not self._pending:
            return
        self._pending = False
        dpi = style.BASE_DPI * style.scale()
        if self.figure.dpi != dpi:
            self.figure.set_dpi(dpi)
        self.notes = []
        try:
            self._draw()
        except (
            ValueError,
            TypeError,
            IndexError,
        ) as exc:  # an impossible combination: say so, keep the picture
            self.message = f"This combination has no picture: {exc}"
        else:
            self.image.value = self._png()
            self.frames_drawn += 1
        self._show_readout()

    def _png(self) -> bytes:
        return render_png(self.figure)

    def _show_readout(self):
        size = f"{round(13 * style.scale())}px"
        parts = []
        if self.message:
            message = html.escape(self.message, quote=False)
            parts.append(f'<div style="color:#b00020;font-weight:bold">{message}</div>')
        for note in self.notes:
            parts.append(f"<div>{html.escape(note, quote=False)}</div>")
        self.readout.value = f'<div style="font-size:{size};min-height:1.3em">{"".join(parts)}</div>'

    def _build(self):
        raise NotImplementedError

    def _draw(self):
        raise NotImplementedError

    # ------------------------------------------------------------------ display
    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.state.items())
        return f"{type(self).__name__}({args})"

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude, **kwargs) or {})
        self.flush()
        bundle["image/png"] = base64.b64encode(self.image.value).decode("ascii")
        bundle["text/plain"] = repr(self)
        return bundle

    def close(self) -> None:
        """Close the widgets (the figure is freed with the explorer)."""
        for w in [*self.controls.values(), self.image, self.readout, self.control_box, self.widget]:
            w.close()
        if hasattr(self, "play"):
            self.play.close()
            self._link.close()


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
            bank_title=self._bank_title(),
        )
        self.notes = self.notes + lines[1:]

    def _extra_lines(self, lines):
        return lines

    def _map_names(self, names):
        return None

    def _bank_title(self):
        return None


class Playground(FilterBank):
    """The photo with classic kernels (or random weights) and every slider at once.

    ``kernel`` picks filter 0's weights: a classic 3x3 kernel (identity, box blur, gaussian blur,
    sharpen, sobel x, sobel y, laplacian) applied to each of R, G, B with its weights divided by 3
    (so the filter sees the grey image), or ``'random'``. Other filters are random. Classic kernels
    are 3x3: with another ``kernel_size`` the weights are random and the readout says so.
    Introduced in ``03_kernels``.
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

    def _bank_title(self):
        s = self.state
        if s["kernel"] == "random" or s["kernel_size"] != 3:
            return None
        others = "; the others random" if s["filters"] > 1 else ""
        return f"filter 0 = {s['kernel']} ÷ 3 on each of R, G, B{others}"

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
    compares kernel and parameter counts with ``groups = 1``. Introduced in ``07_beyond``.
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
            f"map {j} ← filter {j} ({names[ch[0]]}" + (f"–{names[ch[-1]]})" if len(ch) > 1 else ")")
            for j, ch in enumerate(self.layer.channels_of(j) for j in range(self.layer.filters))
        ]
