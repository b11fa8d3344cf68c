"""The loop every explorer shares: controls in, one PNG frame out, nothing left behind.

An explorer is a table of controls (:mod:`.controls`), the rules between them (:mod:`.rules`), and
a ``_draw()`` that updates its picture in place. This module does the rest, the same way for all:

* **One validation path.** The constructor, :meth:`LiveExplorer.set` and a direct
  ``ex.controls[name].value = ...`` (and the browser) all go through :meth:`LiveExplorer._resolve`
  and :meth:`LiveExplorer._check_control`: a value a control cannot take is refused with a
  ``ValueError``/``TypeError`` naming the control, the value and what works, and nothing changes;
  a value that stopped fitting because ANOTHER control moved is moved to the nearest one that fits,
  and the readout says so. ``set()`` settles all its values together, so their order never matters.
* **Frames.** An observer records the new value and redraws synchronously, in the same comm
  message. This is enough to coalesce frames: the widget front end keeps at most one message per
  widget in flight and merges every change made meanwhile into a single buffered message, sent when
  the kernel turns idle. So while one frame is drawn, any number of slider moves become ONE next
  frame with the latest value: the last value is always drawn and the picture is never more than
  one frame behind. ``hold()`` batches changes made from Python; ``flush()`` draws a pending frame.
* **No picture.** ``_draw()`` raises :class:`NoPicture` for a combination that has no picture; the
  readout then says why and the last picture stays. Any other exception is a bug and is raised.
* **Lifetime.** Widgets hold their explorer only weakly, so an explorer nobody holds is freed and
  its widgets closed. An explorer shown in a notebook cell is kept while the cell's output shows
  it; running that cell again closes it and frees its figure (see :func:`_shown_in_cell`).
"""

from __future__ import annotations

import base64
import html
import weakref
from contextlib import contextmanager

import ipywidgets as widgets
import numpy as np
from matplotlib.backend_bases import FigureCanvasBase

from ..pictures import style
from ..pictures.render import new_figure, render_png, still_png
from .controls import BadType, BadValue, Spec, as_widget_value
from .rules import Rule

__all__ = ["LiveExplorer", "NoPicture"]


class NoPicture(Exception):
    """This combination of controls has no picture (raised by ``_draw``; the readout shows why)."""


def _release(items, figure) -> None:
    """Close an explorer's widgets and free its figure's pixels now (not at the next garbage collection).

    A matplotlib figure lives in reference cycles, so it would wait for the cycle collector, holding
    its canvas's full-size pixel buffer; giving it a bare canvas frees the old one at once.
    """
    for w in items:
        w.close()
    figure.clear()
    FigureCanvasBase(figure)


def _with_parts(ws) -> list:
    """Widgets and their layout and style widgets (each is a widget of its own, open until closed)."""
    out = []
    for w in ws:
        out.append(w)
        for part in ("layout", "style"):
            sub = getattr(w, part, None)
            if isinstance(sub, widgets.Widget):
                out.append(sub)
    return out


class LiveExplorer:
    """Base class of the explorers: ``SPECS`` (controls), ``RULES`` (between them), ``_build``, ``_draw``.

    Parameters
    ----------
    show : iterable of str, optional
        The controls to show (default: all). Hidden controls keep their values; set them with
        keyword arguments.
    **values
        Starting values of the controls, e.g. ``FilterBank(c_in=8, filters=8)``.

    Attributes
    ----------
    controls : dict of str to ipywidgets widget
    state : dict
        The controls' current values.
    figure : matplotlib.figure.Figure
        The picture, made without pyplot.
    image : ipywidgets.Image
        The current frame as PNG.
    widget : ipywidgets.VBox
        Controls, readout and image.
    """

    SPECS: dict[str, Spec] = {}
    #: Rules between controls, in dependency order (a rule's target may be read by later rules).
    RULES: tuple[Rule, ...] = ()
    #: Every picture is as wide as a notebook column allows; its height follows what it shows.
    WIDTH = style.WIDTH_PX
    HEIGHT = 400  #: pixels, until the first frame sets the height its picture needs

    def __init__(self, *, show=None, **values):
        name = type(self).__name__
        unknown = sorted(set(values) - set(self.SPECS))
        if unknown:
            known = ", ".join(self.SPECS)
            raise BadType(f"{name} got unknown control(s) {', '.join(unknown)}; its controls are {known}")
        shown = self._shown_controls(show)
        self._rules = {r.target: r for r in self.RULES}
        self._order = [n for n in self.SPECS if n not in self._rules] + [r.target for r in self.RULES]
        start = {n: spec.default for n, spec in self.SPECS.items()}
        self.state, _ = self._resolve(start, values, announce=False)
        self.message = ""
        self.notes: list[str] = []
        self.frames_drawn = 0
        self._pending = False
        self._syncing = False
        self._hold = 0
        self._closed = False

        self.controls = {n: self.SPECS[n].widget(n, self.state[n]) for n in self.SPECS}
        self.figure = new_figure(self.WIDTH, self.HEIGHT, style.BASE_DPI)
        self.ax = self.figure.add_axes((0, 0, 1, 1))
        self.ax.set_xlim(0, self.WIDTH)
        self.ax.set_ylim(self.HEIGHT, 0)
        self.ax.set_axis_off()
        # Shown at its own width (never stretched across a wider column, never wider than a narrower one).
        self.image = widgets.Image(
            format="png", layout=widgets.Layout(max_width="100%", height="auto", align_self="flex-start")
        )
        self.readout = widgets.HTML()
        boxes = [self.controls[n] for n in shown]
        extra = []
        if "step" in self.controls:
            step = self.controls["step"]
            self.play = widgets.Play(value=0, min=0, max=step.max, interval=600, description="play the sweep")
            self._link = widgets.jslink((self.play, "value"), (step, "value"))
            extra = [self.play, self._link]
            if "step" in shown:
                boxes.insert(0, self.play)
        self.control_box = widgets.Box(
            boxes, layout=widgets.Layout(display="flex", flex_flow="row wrap", align_items="center")
        )
        self.widget = widgets.VBox([self.control_box, self.readout, self.image])
        self._apply(self.state)

        ref = weakref.ref(self)
        for n, control in self.controls.items():
            control.check = _weak_check(ref, n)
            control.observe(_weak_observer(ref, n), names="value")
        parts = [*self.controls.values(), self.image, self.readout, self.control_box, self.widget, *extra]
        self._finalizer = weakref.finalize(self, _release, tuple(_with_parts(parts)), self.figure)
        self._build()
        self._pending = True
        self.flush()

    # ------------------------------------------------------------------ checking values
    def _shown_controls(self, show) -> list[str]:
        if show is None:
            return list(self.SPECS)
        if isinstance(show, str) or not hasattr(show, "__iter__"):
            raise BadType(f"show must be a list of control names such as ['kernel_size'], got {show!r}")
        names = list(show)
        bad = [n for n in names if n not in self.SPECS]
        if bad:
            raise BadValue(
                f"show names unknown control(s) {', '.join(map(repr, bad))}; the controls are "
                f"{', '.join(self.SPECS)}"
            )
        return [n for n in self.SPECS if n in names]

    def _resolve(self, state: dict, values: dict, announce: bool = True) -> tuple[dict, list[str]]:
        """The state after asking for ``values`` on top of ``state``, and what had to move.

        Each asked-for value is checked against its control (refused if it can never be taken) and,
        for a control a rule limits, against the other values of the whole proposal (refused if it
        does not fit them). A control NOT asked for that no longer fits is moved to the nearest value
        that does; with ``announce`` the returned notes say so. Rules run in dependency order on the
        whole proposal, so the result does not depend on the order of ``values``.
        """
        new = dict(state)
        for n, v in values.items():
            new[n] = self.SPECS[n].check(n, v)
        notes = []
        for rule in self.RULES:
            allowed = rule.allowed(new)
            value = new[rule.target]
            if value in allowed:
                continue
            if rule.target in values:
                raise BadValue(rule.refusal(new, value))
            fixed = allowed.nearest(value)
            if announce and rule.announce:
                notes.append(rule.moved(new, value, fixed))
            new[rule.target] = fixed
        return new, notes

    def _check_control(self, name: str, value):
        """Check one new value of one control (direct assignment, or the browser)."""
        if self._closed:
            raise BadValue(f"this {type(self).__name__} was closed; make a new one")
        v = self.SPECS[name].check(name, as_widget_value(value))
        rule = self._rules.get(name)
        if rule is not None and not self._syncing:
            proposal = {**self.state, name: v}
            if v not in rule.allowed(proposal):
                raise BadValue(rule.refusal(proposal, v))
        return v

    # ------------------------------------------------------------------ applying a state
    def _limits(self, name: str, state: dict):
        rule = self._rules.get(name)
        return None if rule is None else rule.allowed(state)

    def _apply(self, state: dict) -> None:
        """Put ``state`` (already resolved) on the widgets: each control's limits first, then its value."""
        self._syncing = True
        try:
            for n in self._order:
                control = self.controls[n]
                allowed = self._limits(n, state)
                if allowed is not None:
                    if allowed.options is not None:
                        if tuple(control.options) != allowed.options:
                            control.options = list(allowed.options)  # selects the first option for now
                    elif (control.min, control.max) != (allowed.lo, allowed.hi):
                        if allowed.lo > control.max:
                            control.max = allowed.hi
                        control.min = allowed.lo
                        control.max = allowed.hi
                if control.value != state[n]:
                    control.value = state[n]
            if "step" in self.controls and hasattr(self, "play"):
                self.play.max = self.controls["step"].max
        finally:
            self._syncing = False
        self.state = {n: as_widget_value(c.value) for n, c in self.controls.items()}

    def _on_change(self, name: str, value) -> None:
        self.state[name] = as_widget_value(value)
        if self._syncing:
            return  # part of a change being applied; that change draws once
        new, notes = self._resolve(self.state, {})
        self._apply(new)
        self.message = " ".join(notes)
        self._request()

    def set(self, **values) -> LiveExplorer:
        """Set several controls at once and draw one frame: ``ex.set(c_in=8, filters=8)``.

        The values are checked together (any order gives the same result); if one is refused,
        nothing changes.
        """
        if self._closed:
            raise BadValue(f"this {type(self).__name__} was closed; make a new one")
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise BadType(
                f"unknown control(s) {', '.join(unknown)}; the controls are {', '.join(self.controls)}"
            )
        new, notes = self._resolve(self.state, values)
        with self.hold():
            self._apply(new)
            self.message = " ".join(notes)
            self._pending = True
        return self

    # ------------------------------------------------------------------ drawing
    def _request(self) -> None:
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

    def flush(self) -> None:
        """Draw the pending frame now (does nothing when no frame is pending)."""
        if not self._pending or self._closed:
            return
        self._pending = False
        self.notes = []
        try:
            height = self._draw()
        except NoPicture as exc:  # an impossible combination: say so, keep the last picture
            self.message = f"This combination has no picture: {exc}"
        else:
            self._set_height(height)
            self.image.value = render_png(self.figure)
            self.frames_drawn += 1
        self._show_readout()

    def _set_height(self, height: float) -> None:
        """Make the figure exactly as tall as its picture (pixels): no empty bands."""
        h = max(int(np.ceil(height)), 1)
        if round(self.figure.get_figheight() * style.BASE_DPI) != h:
            self.figure.set_size_inches(self.WIDTH / style.BASE_DPI, h / style.BASE_DPI)
            for ax in self.figure.axes:  # one pixel per data unit on every Axes of the picture
                ax.set_ylim(h, 0)

    def _show_readout(self) -> None:
        size = f"{round(style.px(style.sizes().label))}px"
        parts = []
        if self.message:
            message = html.escape(self.message, quote=False)
            parts.append(f'<div style="color:#b00020;font-weight:bold">{message}</div>')
        for note in self.notes:
            parts.append(f"<div>{html.escape(note, quote=False)}</div>")
        self.readout.value = f'<div style="font-size:{size};min-height:1.3em">{"".join(parts)}</div>'

    def _build(self) -> None:
        raise NotImplementedError

    def _draw(self) -> float:
        """Draw the picture for ``self.state``; return the height it needs, in pixels."""
        raise NotImplementedError

    # ------------------------------------------------------------------ display and lifetime
    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.state.items())
        return f"{type(self).__name__}({args})"

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        if self._closed:
            return {"text/plain": repr(self) + "  (closed)"}
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude, **kwargs) or {})
        self.flush()
        bundle["image/png"] = base64.b64encode(still_png(self.figure)).decode(
            "ascii"
        )  # the same pixels, smaller
        bundle["text/plain"] = repr(self)
        _shown_in_cell(self)
        return bundle

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run (the widgets are closed and the figure freed)."""
        return self._closed

    def close(self) -> None:
        """Close the widgets and free the figure; the explorer keeps only its ``state``."""
        if self._closed:
            return
        self._closed = True
        self._finalizer()
        keep = {"state", "message", "notes", "frames_drawn", "controls", "_closed", "_finalizer", "_rules"}
        for attr in list(vars(self)):
            if attr not in keep:
                delattr(self, attr)


def _weak_check(ref, name):
    def check(value):
        explorer = ref()
        return value if explorer is None else explorer._check_control(name, value)

    return check


def _weak_observer(ref, name):
    def observer(change):
        explorer = ref()
        if explorer is not None:
            explorer._on_change(name, change["new"])

    return observer


# A notebook cell's explorers: kept while the cell's output shows them, closed when it runs again.
_by_cell: dict[str, list[tuple[int, LiveExplorer]]] = {}


def _running_cell() -> tuple[str, int] | None:
    """``(cell id, execution count)`` of the notebook cell being run, or None outside a notebook.

    JupyterLab, Notebook 7 and Voila send the cell's id with each execute request.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - ipywidgets needs IPython
        return None
    shell = get_ipython()
    kernel = getattr(shell, "kernel", None)
    get_parent = getattr(kernel, "get_parent", None)
    if get_parent is None:
        return None
    try:
        cell = (get_parent("shell") or {}).get("metadata", {}).get("cellId")
    except Exception:  # an unusual kernel: no cell ids, nothing is closed for the learner
        return None
    return (str(cell), int(shell.execution_count)) if cell else None


def _shown_in_cell(explorer: LiveExplorer) -> None:
    """Keep ``explorer`` for the cell showing it; close what an earlier run of that cell showed."""
    where = _running_cell()
    if where is None:
        return
    cell, run = where
    keep = []
    for shown_run, old in _by_cell.get(cell, []):
        if old is explorer:
            continue
        if shown_run < run:
            old.close()
        else:
            keep.append((shown_run, old))
    keep.append((run, explorer))
    _by_cell[cell] = keep
