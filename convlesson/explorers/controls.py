"""Controls as data: what each explorer parameter accepts, and the widgets that hold it.

A :class:`Spec` says what one control can ever take (an int from 1 to 7, a number from -1 to 1,
one of a few words, True or False) and checks a value against it: numpy scalars count as their
Python equals, words are case-insensitive, and anything else is refused with a :class:`BadValue`
(a ``ValueError``) or :class:`BadType` (a ``TypeError``) that names the control, the value and what
works. The widgets made here send EVERY new value -- from the constructor, from ``set()``, from a
direct ``control.value = ...`` and from the browser -- through the explorer's check first, so a
value is never silently cut (2.7 to 2) or clamped (99 to 7).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import traitlets

from ..core.shapes import PADDING_WORDS, show
from .words import say

__all__ = [
    "Spec",
    "Int",
    "Float",
    "Choice",
    "Bool",
    "BadValue",
    "BadType",
    "as_widget_value",
    "K_MAX",
    "PADDING_OPTIONS",
]

#: The largest kernel_size a slider offers.
K_MAX = 7

#: Padding choices offered by every padding dropdown (all accepted by ``conv2d``).
PADDING_OPTIONS = (*PADDING_WORDS, 1, 2, 3)


class BadValue(ValueError, traitlets.TraitError):
    """A value a control cannot take (out of range, not one of its options, does not fit the others).

    Also a ``TraitError``: a value the browser sends arrives through ``Widget.set_state``, where
    traitlets rolls back the whole update only on a ``TraitError``.
    """


class BadType(TypeError, traitlets.TraitError):
    """A value of a kind a control never takes (a float for an int, a string for a number, None)."""


def _is_int(v) -> bool:
    return isinstance(v, numbers.Integral) and not isinstance(v, (bool, np.bool_))


def _shown(v) -> str:
    """A value as the learner typed it, short (arrays, long reprs and huge ints are cut)."""
    return show(v, limit=40)


@dataclass(frozen=True)
class Spec:
    """What one control accepts. Make one with :func:`Int`, :func:`Float`, :func:`Choice` or :func:`Bool`."""

    kind: str
    default: object
    lo: float | None = None
    hi: float | None = None
    step: float | None = None
    options: tuple = ()

    def check(self, name: str, value):
        """``value`` as this control holds it, or a :class:`BadValue` / :class:`BadType` saying why not."""
        return getattr(self, f"_check_{self.kind}")(name, value)

    def _check_int(self, name, value):
        if not _is_int(value):
            kind = say("true_false") if isinstance(value, (bool, np.bool_)) else type(value).__name__
            raise BadType(
                say("error.int_type", name=name, lo=self.lo, hi=self.hi, value=_shown(value), kind=kind)
            )
        v = int(value)
        if not self.lo <= v <= self.hi:
            raise BadValue(say("error.int", name=name, lo=self.lo, hi=self.hi, value=_shown(v)))
        return v

    def _check_float(self, name, value):
        ok = isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))
        if not ok:
            raise BadType(
                say(
                    "error.float_type",
                    name=name,
                    lo=f"{self.lo:g}",
                    hi=f"{self.hi:g}",
                    value=_shown(value),
                    kind=type(value).__name__,
                )
            )
        try:
            v = float(value)
        except OverflowError:  # a huge int
            v = math.inf
        if not math.isfinite(v) or not self.lo <= v <= self.hi:
            raise BadValue(
                say("error.float", name=name, lo=f"{self.lo:g}", hi=f"{self.hi:g}", value=_shown(value))
            )
        return self._on_grid(v)

    def _on_grid(self, v: float) -> float:
        """``v``, or the slider's step it is a rounding error away from (never a value of its own).

        The browser's slider counts in steps from its minimum, in floating point: asked to show 0.1
        between -1 and 1 in steps of 0.05, it holds and sends back -1 + 22 * 0.05 = 0.10000000000000009.
        That is the 0.1 the learner asked for, not a new value; 0.12 stays 0.12.
        """
        steps = (v - self.lo) / self.step
        if abs(steps - round(steps)) < 1e-9:
            return round(self.lo + round(steps) * self.step, 12)
        return v

    def _check_choice(self, name, value):
        words = ", ".join(repr(o) for o in self.options)
        if isinstance(value, np.generic):
            value = value.item()
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise BadType(
                say(
                    "error.choice_type",
                    name=name,
                    words=words,
                    value=_shown(value),
                    kind=type(value).__name__,
                )
            )
        if isinstance(value, str):
            for option in self.options:
                if isinstance(option, str) and option.lower() == value.strip().lower():
                    return option
        elif value in self.options:
            return next(o for o in self.options if not isinstance(o, str) and o == value)
        raise BadValue(say("error.choice", name=name, words=words, value=_shown(value)))

    def _check_bool(self, name, value):
        if not isinstance(value, (bool, np.bool_)):
            raise BadType(say("error.bool", name=name, value=_shown(value), kind=type(value).__name__))
        return bool(value)

    def widget(self, name: str, value):
        """A new widget for this control showing ``value`` (already checked), as :func:`describe` says."""
        description, width = describe(name, self.kind)
        common = {"description": description, "style": {"description_width": "initial"}}
        layout = widgets.Layout(width=width)
        if self.kind == "int":
            return _IntSlider(
                value=value, min=self.lo, max=self.hi, continuous_update=True, layout=layout, **common
            )
        if self.kind == "float":
            return _FloatSlider(
                value=value,
                min=self.lo,
                max=self.hi,
                step=self.step,
                continuous_update=True,
                layout=layout,
                **common,
            )
        if self.kind == "choice":
            return _Dropdown(options=list(self.options), value=value, layout=layout, **common)
        return _Checkbox(value=value, description=description, indent=False, layout=layout)


#: Each kind of control's width in pixels (its description included), in English.
WIDTHS = {"int": 260, "float": 260, "choice": 200, "bool": 110}
#: Pixels a control grows by for each Chinese character of its gloss (13-px type is about 13 px wide;
#: Voila's is a little larger), and for the space before the gloss.
GLOSS_PX = 15
SPACE_PX = 6


def describe(name: str, kind: str) -> tuple[str, str]:
    """A control's description and width: its code name (which learners type) and, in Chinese, a gloss.

    ``control.kernel_size`` is ``kernel_size`` in English and ``kernel_size 卷积核大小`` in Chinese;
    the control widens by the gloss, so its slider keeps the length it has in English.
    """
    description = say(f"control.{name}")
    gloss = description[len(name) :] if description.startswith(name) else description
    gloss = gloss.strip()
    extra = sum(GLOSS_PX if ord(c) > 0x2E7F else 8 for c in gloss) + (SPACE_PX if gloss else 0)
    return description, f"{WIDTHS[kind] + extra}px"


def Int(default: int, lo: int, hi: int) -> Spec:  # noqa: N802 (reads like a type in a SPECS table)
    """A whole number from ``lo`` to ``hi`` (a slider)."""
    return Spec("int", default, lo, hi)


def Float(default: float, lo: float, hi: float, step: float) -> Spec:  # noqa: N802
    """A number from ``lo`` to ``hi`` (a slider moving by ``step``)."""
    return Spec("float", default, lo, hi, step)


def Choice(default, options) -> Spec:  # noqa: N802
    """One of ``options`` (a dropdown); words match whatever their case."""
    return Spec("choice", default, options=tuple(options))


def Bool(default: bool) -> Spec:  # noqa: N802
    """True or False (a checkbox)."""
    return Spec("bool", default)


def as_widget_value(value):
    """The value a widget reports, as the explorer's state holds it (numpy scalars become Python ones)."""
    return value.item() if isinstance(value, np.generic) else value


class _AnyButNone(traitlets.Any):
    """Any value, None included, goes to the check (traitlets lets None past every check of ``Any``)."""

    allow_none = False


class _Checked:
    """Widgets whose every new value is first checked by their explorer (``check(value) -> value``).

    ``check`` is set by the explorer once the widget exists (a weak reference, so the widget never
    keeps its explorer alive); until then, and after the explorer is gone, values pass unchanged.

    A value from the browser arrives through :meth:`set_state`. A refused one is rolled back (the
    check raises a ``TraitError``, see :class:`BadValue`), sent back so that the browser's control
    snaps back to the value the explorer holds, and handed to ``refused(error)`` (set by the
    explorer too), which says why in the readout: nothing is raised into the widget's message loop.
    """

    check = None
    refused = None
    from_browser = False  # True while a value from the browser is being set

    def _checked(self, value):
        check = self.check
        return value if check is None else check(value)

    def _precheck(self, sync_data) -> None:
        """Check a browser message's value before it is set. Inside ``set_state`` traitlets checks only
        values it sees change, and a numpy array equal to the old value (``array(3.)`` for 3) is not seen.
        """
        if "value" in sync_data:
            self._checked(sync_data["value"])

    def set_state(self, sync_data):
        try:
            self._precheck(sync_data)
            self.from_browser = True
            try:
                super().set_state(sync_data)
            finally:
                self.from_browser = False
        except traitlets.TraitError as exc:
            self.send_state([k for k in sync_data if k in self.keys])  # the browser shows what is held
            refused = self.refused
            if refused is None:
                raise
            refused(exc)


class _IntSlider(_Checked, widgets.IntSlider):
    # Any, not CInt: a float must reach the check (and be refused) instead of being cut to an int.
    value = _AnyButNone(0, help="Int value").tag(sync=True)

    @traitlets.validate("value")
    def _validate_value(self, proposal):
        return self._checked(proposal["value"])


class _FloatSlider(_Checked, widgets.FloatSlider):
    value = _AnyButNone(0.0, help="Float value").tag(sync=True)

    @traitlets.validate("value")
    def _validate_value(self, proposal):
        return self._checked(proposal["value"])


class _Checkbox(_Checked, widgets.Checkbox):
    value = _AnyButNone(False, help="Bool value").tag(sync=True)

    @traitlets.validate("value")
    def _validate_value(self, proposal):
        return self._checked(proposal["value"])


class _Dropdown(_Checked, widgets.Dropdown):
    value = _AnyButNone(None, help="Selected value")
    # The browser selects by index; None (no option) must reach the check too, so not Int(allow_none).
    index = _AnyButNone(None, help="Selected index").tag(sync=True)

    @traitlets.validate("value")
    def _validate_value(self, proposal):
        value = self._checked(proposal["value"])
        if value not in self._options_values:  # the check keeps the options in step; this never fires
            raise traitlets.TraitError(f"{value!r} is not one of {self._options_values}")
        return value

    def _precheck(self, sync_data) -> None:
        if "index" in sync_data:
            self._check_index(sync_data["index"])

    @traitlets.validate("index")
    def _validate_index(self, proposal):
        """The browser sends a dropdown's index, not its value: check the option it selects."""
        return self._check_index(proposal["value"])

    def _check_index(self, index):
        options = self._options_values
        if self.check is not None:
            words = ", ".join(repr(o) for o in options)
            if not (_is_int(index) and 0 <= index < len(options)):
                name = self.description.split(" ")[0]
                raise BadValue(say("error.no_option", name=name, words=words, index=_shown(index)))
            index = int(index)
            self._checked(options[index])
        elif index is not None and not 0 <= index < len(options):
            raise traitlets.TraitError("Invalid selection: index out of bounds")
        return index
