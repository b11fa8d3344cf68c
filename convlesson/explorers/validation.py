"""One validation path for every control: what a new value must satisfy, and how a state settles.

The constructor, :meth:`ControlState.set` and a direct ``ex.controls[name].value = ...`` (and the
browser) all go through :meth:`ControlState._resolve` and :meth:`ControlState._check_control`: a value
a control cannot take is refused with a ``ValueError``/``TypeError`` naming the control, the value and
what works, and nothing changes; a value that stopped fitting because ANOTHER control moved is moved to
the nearest one that fits, and the readout says so. ``set()`` settles all its values together, so
their order never matters. What each control accepts is in :mod:`.controls`, the rules between
controls in :mod:`.rules`.
"""

from __future__ import annotations

from types import MappingProxyType

from .controls import BadType, BadValue, Spec, as_widget_value
from .rules import Rule
from .words import say

__all__ = ["ControlState"]


class ControlState:
    """The controls' values, checked and settled (a part of :class:`~.live.LiveExplorer`)."""

    SPECS: dict[str, Spec] = {}
    #: Rules between controls, in dependency order (a rule's target may be read by later rules).
    RULES: tuple[Rule, ...] = ()

    _state: dict

    @property
    def state(self) -> MappingProxyType:
        """The controls' current values, read-only: change them with ``set()`` or the controls."""
        return MappingProxyType(self._state)

    def _refuse_if_closed(self) -> None:
        if self._closed:
            raise BadValue(say("closed", name=type(self).__name__))

    def _shown_controls(self, show) -> list[str]:
        if show is None:
            return list(self.SPECS)
        if isinstance(show, str) or not hasattr(show, "__iter__"):
            raise BadType(say("error.show_type", value=repr(show)))
        names = list(show)
        bad = [n for n in names if n not in self.SPECS]
        if bad:
            raise BadValue(
                say("error.show_unknown", bad=", ".join(map(repr, bad)), known=", ".join(self.SPECS))
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
        self._refuse_if_closed()
        v = self.SPECS[name].check(name, as_widget_value(value))
        rule = self._rules.get(name)
        if rule is not None and not self._syncing:
            proposal = {**self._state, name: v}
            if v not in rule.allowed(proposal):
                raise BadValue(rule.refusal(proposal, v))
        return v

    # ------------------------------------------------------------------ applying a state
    def _limits(self, name: str, state: dict):
        rule = self._rules.get(name)
        return None if rule is None else rule.allowed(state)

    def _apply(self, state: dict, step_from_browser: bool = False) -> None:
        """Put ``state`` (already resolved) on the widgets: each control's limits first, then its value.

        ``step_from_browser``: the step itself came from the browser, where the link has already moved
        Play; sending Play the value too would arrive after the learner's next moves and pull the
        slider back to it.
        """
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
            if "step" in self.controls and "play" in vars(self):  # Play follows the step it is linked to
                self.play.max = self.controls["step"].max
                if not step_from_browser:
                    self.play.value = state["step"]
        finally:
            self._syncing = False
        self._state = {n: as_widget_value(c.value) for n, c in self.controls.items()}

    def _on_change(self, name: str, value) -> None:
        value = as_widget_value(value)
        old = self._state.get(name)
        if value == old and type(value) is type(old) and not self._syncing:
            return  # a change that came back to where it was (the browser's rounding, corrected): no frame
        self._state[name] = value
        if self._syncing:
            return  # part of a change being applied; that change draws once
        new, notes = self._resolve(self._state, {})
        self._apply(new, step_from_browser=name == "step" and self.controls[name].from_browser)
        self.message = " ".join(notes)
        self._request()

    def set(self, **values):
        """Set several controls at once and draw one frame: ``ex.set(c_in=8, filters=8)``.

        The values are checked together (any order gives the same result); if one is refused,
        nothing changes.
        """
        self._refuse_if_closed()
        unknown = sorted(set(values) - set(self.SPECS))
        if unknown:
            raise BadType(say("error.unknown", unknown=", ".join(unknown), known=", ".join(self.SPECS)))
        new, notes = self._resolve(self._state, values)
        with self.hold():
            self._apply(new)
            self.message = " ".join(notes)
            self._pending = True
        return self

    def _refused(self, name: str, error: Exception) -> None:
        """A value the browser sent was refused (and rolled back): the readout says why."""
        self.message = str(error)
        self._show_readout()

    # ------------------------------------------------------------------ controls as attributes
    def __getattr__(self, name: str):
        # only for names not found otherwise: ``ex.kernel_size`` reads the control's value
        if name in type(self).SPECS and "_state" in vars(self):
            return self._state[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __setattr__(self, name: str, value) -> None:
        # ``ex.kernel_size = 5`` sets the control, through the same validation as ``set()``
        if name in type(self).SPECS:
            self.set(**{name: value})
        else:
            super().__setattr__(name, value)
