"""The machinery every explorer shares: controls, state, one Agg figure, PNG frames, display.

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
import struct
import zlib
from contextlib import contextmanager

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.figure import Figure

from . import style
from .shapes import PADDING_WORDS, output_size

__all__ = ["LiveExplorer", "PADDING_OPTIONS"]

#: Padding choices offered by every padding dropdown (all accepted by ``conv2d``).
PADDING_OPTIONS = (*PADDING_WORDS, 1, 2, 3)


class _TextCachingRenderer(RendererAgg):
    """Agg renderer that keeps each label's rendered bitmap, keyed by text, font, dpi and antialiasing.

    Frames redraw the same labels over and over; rendering them glyph by glyph each time is most of
    a frame's cost. Rotated text and mathtext take Agg's usual path.
    """

    _cache: dict = {}
    _CACHE_MAX = 4000

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or angle % 360:
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        key = (s, hash(prop), self.dpi, gc.get_antialiased())
        hit = self._cache.get(key)
        if hit is None:
            font = self._prepare_font(prop)
            font.set_text(s, 0, flags=get_hinting_flag())
            font.draw_glyphs_to_bitmap(antialiased=gc.get_antialiased())
            xo, yo = font.get_bitmap_offset()
            hit = (np.asarray(font.get_image()).copy(), xo / 64, yo / 64, font.get_descent() / 64)
            if len(self._cache) >= self._CACHE_MAX:
                self._cache.clear()
            self._cache[key] = hit
        img, xo, yo, descent = hit
        self._renderer.draw_text_image(img, round(x + xo), round(y + yo + descent) + 1, 0, gc)


class _Canvas(FigureCanvasAgg):
    """FigureCanvasAgg drawing with :class:`_TextCachingRenderer`."""

    def get_renderer(self):
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = _TextCachingRenderer(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer


def _int_slider(name, value, lo, hi, step=1):
    return widgets.IntSlider(
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
        self.figure = Figure(
            figsize=(self.WIDTH / style.BASE_DPI, self.HEIGHT / style.BASE_DPI), dpi=style.BASE_DPI
        )
        _Canvas(self.figure)
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
            return _int_slider(name, int(value), lo, hi)
        if kind == "float":
            lo, hi, step = spec[2], spec[3], spec[4]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
                raise ValueError(f"{name} must be a number from {lo} to {hi}, got {value!r}")
            return widgets.FloatSlider(
                value=float(value),
                min=lo,
                max=hi,
                step=step,
                description=name,
                continuous_update=True,
                style={"description_width": "initial"},
                layout=widgets.Layout(width="260px"),
            )
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
            before_after = sum(_pads(size, k, strides, padding, d))
            dil = f" with dilation_rate {d}" if d > 1 else ""
            self.message = (
                f"kernel_size {k}{dil} spans {span} pixels, but the padded input is only "
                f"{size + before_after} "
                f"wide, so there would be no output; kernel_size is now {kmax}."
            )
        self._set_max("kernel_size", kmax)

    def _sync(self, changed):
        """Update the ranges of controls that depend on others (subclasses)."""

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
        canvas = self.figure.canvas
        canvas.draw()
        return png_bytes(np.asarray(canvas.buffer_rgba()))

    def _show_readout(self):
        size = f"{round(13 * style.scale())}px"
        parts = []
        if self.message:
            parts.append(f'<div style="color:#b00020;font-weight:bold">{_escape(self.message)}</div>')
        for note in self.notes:
            parts.append(f"<div>{_escape(note)}</div>")
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


def png_bytes(rgba: np.ndarray) -> bytes:
    """An RGB PNG of an ``(h, w, 4)`` uint8 image: no row filters, zlib level 1 (fast; pictures are flat)."""
    h, w, _ = rgba.shape
    raw = np.empty((h, w * 3 + 1), np.uint8)
    raw[:, 0] = 0  # filter type None for every row
    raw[:, 1:] = rgba[:, :, :3].reshape(h, w * 3)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw.tobytes(), 1))
        + chunk(b"IEND", b"")
    )


def _pads(size, k, s, padding, d):
    from .shapes import padding_amounts

    return padding_amounts(size, k, s, padding, d)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
