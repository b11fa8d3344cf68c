"""Every explorer driven the way a learner drives it, with legal and illegal values, by hypothesis.

Each step moves one control (a slider value, a menu choice, or something no control takes: None, a
string, 2.7, NaN, a huge int, an array...) by direct assignment, ``set()``, or the way the browser
does (``set_state``, a dropdown by its index), or several at once.
After every step: no exception escaped except a clean refusal (a ValueError/TypeError naming the
control), a refusal changed nothing, ``state`` equals the controls, the picture is a valid PNG, and
after a refusal the explorer still draws.
"""

from __future__ import annotations

import functools
import io
import math

import ipywidgets as widgets
import numpy as np
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from PIL import Image

import convlesson as cl

CLASSES = [getattr(cl, name) for name in cl._EXPLORERS]  # every explorer the package has

JUNK = st.sampled_from(
    [None, "", "seven", 2.7, -2, 10**400, -(10**400), float("nan"), float("inf"), 1j, [3], (3, 3), {"k": 3}]
) | st.builds(np.array, st.sampled_from([[1, 2], [[0.5]], 3.0]))


def legal_values(control):
    if isinstance(control, widgets.Dropdown):
        return st.sampled_from(list(control.options))
    if isinstance(control, widgets.Checkbox):
        return st.booleans()
    if isinstance(control, widgets.FloatSlider):
        return st.floats(control.min, control.max, allow_nan=False)
    return st.integers(control.min, control.max)


def spec_values(explorer, name):
    """Values the control's own spec allows (they may not fit the other controls: a rule may refuse)."""
    spec = explorer.SPECS[name]
    if spec.kind == "int":
        return st.integers(spec.lo - 2, spec.hi + 2) | st.integers(spec.lo, spec.hi).map(np.int64)
    if spec.kind == "float":
        return st.floats(spec.lo - 1, spec.hi + 1, allow_nan=False).map(lambda v: round(v, 2))
    if spec.kind == "choice":
        words = [o.upper() if isinstance(o, str) else o for o in spec.options]
        return st.sampled_from(list(spec.options) + words)
    return st.booleans() | st.just(np.bool_(True))


class Learner(RuleBasedStateMachine):
    @initialize(cls=st.sampled_from(CLASSES))
    def open_explorer(self, cls):
        self.ex = cls()

    def _attempt(self, change, names):
        ex = self.ex
        before, frames = dict(ex.state), ex.frames_drawn
        try:
            change()
        except (ValueError, TypeError) as exc:
            text = str(exc)
            assert any(n in text for n in names), f"the refusal does not name {names}: {text}"
            assert ex.state == before, "a refused value changed the state"
            assert ex.frames_drawn == frames, "a refused value drew a frame"
            self.refused = True
            return False
        return True

    def _still_draws(self):
        ex = self.ex
        for name, control in ex.controls.items():
            if isinstance(control, widgets.Checkbox):
                frames = ex.frames_drawn
                control.value = not control.value
                assert ex.frames_drawn == frames + 1
                return
            if isinstance(control, widgets.IntSlider) and control.max > control.min:
                frames = ex.frames_drawn
                control.value = control.min if control.value != control.min else control.max
                assert ex.frames_drawn == frames + 1, f"no frame after moving {name}"
                return

    @rule(data=st.data())
    def move_a_slider_or_menu(self, data):
        name = data.draw(st.sampled_from(list(self.ex.controls)))
        value = data.draw(legal_values(self.ex.controls[name]))
        control = self.ex.controls[name]
        assert self._attempt(lambda: setattr(control, "value", value), [name])

    @rule(data=st.data(), how=st.sampled_from(["assign", "set"]))
    def type_a_value(self, data, how):
        name = data.draw(st.sampled_from(list(self.ex.controls)))
        value = data.draw(spec_values(self.ex, name))
        if how == "assign":
            control = self.ex.controls[name]
            self._attempt(lambda: setattr(control, "value", value), [name])
        else:
            self._attempt(lambda: self.ex.set(**{name: value}), [name])

    @rule(junk=JUNK)
    def type_something_no_control_takes(self, junk):
        for name, control in self.ex.controls.items():  # every control, both ways: refusals are cheap
            assign = functools.partial(setattr, control, "value", junk)
            ask = functools.partial(self.ex.set, **{name: junk})
            assert not self._attempt(assign, [name]), f"{name} took {junk!r}"
            assert not self._attempt(ask, [name]), f"{name} took {junk!r}"

    @rule(data=st.data())
    def the_browser_sends_a_value(self, data):
        """A message from the browser: never raises; a refusal leaves everything as it was and says why."""
        ex = self.ex
        name = data.draw(st.sampled_from(list(ex.controls)))
        control = ex.controls[name]
        if isinstance(control, widgets.Dropdown):
            n = len(control.options)
            message = {"index": data.draw(st.integers(-2, n + 1) | st.none() | st.just(1.5))}
        else:
            message = {"value": data.draw(spec_values(ex, name) | JUNK)}
        before, frames = dict(ex.state), ex.frames_drawn
        control.send_state = lambda key=None: None  # no comm here: what would go back to the browser
        control.set_state(message)
        if ex.state == before and ex.frames_drawn == frames and ex.message.startswith(name):
            self.refused = True  # refused: nothing changed, and the readout names the control

    @rule(data=st.data())
    def set_several(self, data):
        controls = st.sampled_from(list(self.ex.controls))
        names = data.draw(st.lists(controls, min_size=2, max_size=4, unique=True))
        values = {n: data.draw(spec_values(self.ex, n)) for n in names}
        self._attempt(lambda: self.ex.set(**values), names)

    @invariant()
    def still_draws_after_a_refusal(self):
        if getattr(self, "refused", False):
            self.refused = False
            self._still_draws()

    @invariant()
    def state_is_the_controls_and_the_picture_is_a_png(self):
        ex = self.ex
        assert ex.state == {n: c.value for n, c in ex.controls.items()}
        for name, value in ex.state.items():
            assert type(value) in (int, float, str, bool), (name, value)
            assert not (isinstance(value, float) and math.isnan(value))
        png = ex.image.value
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        Image.open(io.BytesIO(png)).verify()

    def teardown(self):
        if hasattr(self, "ex"):
            self.ex.close()


Learner.TestCase.settings = settings(
    max_examples=20,
    stateful_step_count=12,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure prints its steps at once
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TestLearner = Learner.TestCase
