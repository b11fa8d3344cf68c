"""The explorers' base class: controls in, one PNG frame out, nothing left behind.

An explorer is a table of controls (:mod:`.controls`), the rules between them (:mod:`.rules`), and
a ``_draw()`` that updates its picture in place. :class:`LiveExplorer` builds the widgets and the
figure and shows them; the rest is shared by every explorer, one concept a module:

* :mod:`.validation` -- one validation path: the constructor, ``set()``, a direct
  ``control.value = ...`` and the browser; refusals that name the control; settling a state;
* :mod:`.frames` -- the frame loop: a change in, one frame out, coalesced; ``hold()``, ``flush()``;
  :class:`~.frames.NoPicture` for a combination that has no picture;
* :mod:`.lifetime` -- widgets that hold their explorer weakly, closed with it; a re-run notebook
  cell closes what it showed before.
"""

from __future__ import annotations

import base64

import ipywidgets as widgets

from ..pictures import style
from ..pictures.render import new_figure, still_png
from . import fallback
from .browser_font import dress
from .controls import BadType, describe
from .frames import FrameLoop, NoPicture
from .lifetime import attach, shown_in_cell
from .validation import ControlState
from .words import say

__all__ = ["LiveExplorer", "NoPicture"]


class LiveExplorer(ControlState, FrameLoop):
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

    #: Every picture is as wide as a notebook column allows (``WIDTH``); its height follows what it shows.
    HEIGHT = 400  #: pixels, until the first frame sets the height its picture needs

    def __init__(self, *, show=None, **values):
        name = type(self).__name__
        unknown = sorted(set(values) - set(self.SPECS))
        if unknown:
            known = ", ".join(self.SPECS)
            raise BadType(say("error.unknown_at_start", name=name, unknown=", ".join(unknown), known=known))
        shown = self._shown_controls(show)
        self._rules = {r.target: r for r in self.RULES}
        self._order = [n for n in self.SPECS if n not in self._rules] + [r.target for r in self.RULES]
        start = {n: spec.default for n, spec in self.SPECS.items()}
        self._state, _ = self._resolve(start, values, announce=False)
        self.message = ""
        self.notes: list[str] = []
        self.frames_drawn = 0
        self._pending = False
        self._syncing = False
        self._hold = 0
        self._closed = False

        self.controls = {n: self.SPECS[n].widget(n, self._state[n]) for n in self.SPECS}
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
            self.play = widgets.Play(
                value=step.value, min=0, max=step.max, interval=600, description=say("play")
            )
            # The browser copies a link's SOURCE into its target when the views appear: the step is
            # the source, so the explorer comes up at the step it was asked for, not at Play's start.
            self._link = widgets.jslink((step, "value"), (self.play, "value"))
            extra = [self.play, self._link]
            if "step" in shown:
                boxes.insert(0, self.play)
        self.control_box = widgets.Box(
            boxes, layout=widgets.Layout(display="flex", flex_flow="row wrap", align_items="center")
        )
        self.widget = widgets.VBox([self.control_box, self.readout, self.image])
        font = dress(self.widget)  # in Chinese: the shipped font for the labels the browser draws
        extra += [font] if font is not None else []
        self._apply(self._state)

        parts = [*self.controls.values(), self.image, self.readout, self.control_box, self.widget, *extra]
        self._finalizer = attach(self, parts)
        self._build()
        self._pending = True
        self.flush()

    def _build(self) -> None:
        raise NotImplementedError

    def _show_readout(self) -> None:
        self._relabel()
        super()._show_readout()

    def _relabel(self) -> None:
        """The controls' descriptions in the language in use (after ``cl.language``, at the next frame)."""
        for name, control in self.controls.items():
            description, width = describe(name, self.SPECS[name].kind)
            if control.description != description:
                control.description = description
                control.layout.width = width
        play = vars(self).get("play")
        if play is not None and play.description != say("play"):
            play.description = say("play")

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
        shown_in_cell(self)
        return bundle

    def _ipython_display_(self) -> None:
        fallback.show(self)  # with a display id: a page that cannot show widgets gets the still and a note

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
        keep = {"_state", "message", "notes", "frames_drawn", "controls", "_closed", "_finalizer", "_rules"}
        for attr in list(vars(self)):
            if attr not in keep:
                delattr(self, attr)
