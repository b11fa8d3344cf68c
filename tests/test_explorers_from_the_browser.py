"""The explorers keep their word on the paths the browser uses, not only from Python.

The browser sends a control's new value through ``Widget.set_state`` (a dropdown sends its *index*),
links Play to the step slider with a ``jslink`` that copies the link's source when the views appear,
and its sliders count in floating-point steps. Each test here drives one of those paths and checks
what the learner would see: the widget, ``ex.state``, the picture and the readout.
"""

from __future__ import annotations

import itertools
import re

import ipywidgets as widgets
import numpy as np
import pytest
from oracles import count_positions, tf_same_padding

import convlesson as cl

CLASSES = [getattr(cl, name) for name in cl._EXPLORERS]
#: What shapes a sweep, in the order ``_positions`` takes it.
GEOMETRY = ("input_size", "kernel_size", "strides", "padding", "dilation_rate")


def sent_back(control) -> list:
    """Record what the widget sends to the browser (``send_state``), in place of a comm."""
    sent = []
    control.send_state = lambda key=None: sent.append(key)
    return sent


# ----------------------------------------------------------------------------- refused from the browser
BROWSER_BAD = [
    (cl.ChannelSum, "bias", {"value": 5.0}, "bias must be a number from -1 to 1, got 5.0"),
    (cl.ChannelSum, "relu", {"value": "yes"}, "relu must be True or False"),
    (cl.FilterBank, "c_in", {"value": 99}, "c_in must be a whole number from 1 to 8, got 99"),
    (cl.FilterBank, "kernel_size", {"value": 2.5}, "kernel_size must be a whole number"),
    (cl.KernelSweep, "step", {"value": 50}, "step 50 is past the last output position"),
    (cl.KernelSweep, "padding", {"index": 99}, r"padding must be one of .*got no option \(index 99\)"),
    (cl.KernelSweep, "padding", {"index": None}, r"padding must be one of .*got no option \(index None\)"),
    (cl.GroupedConv, "groups", {"index": -1}, r"groups must be one of .*index -1"),
    (cl.FilterSweep, "kernel_size", {"value": 10**5000}, "kernel_size must be a whole number from 1 to 5"),
    (cl.Playground, "kernel_size", {"value": 7}, "kernel_size 7 with dilation_rate 2 spans 13 pixels"),
    # equal to the value held, so traitlets would not see it change: it must still be checked
    (cl.FilterBank, "kernel_size", {"value": np.array(3.0)}, r"kernel_size must be a whole number.*ndarray"),
]
#: Where each explorer starts (the Playground's kernel_size 7 spans more than its input only like this).
START = {cl.Playground: {"input_size": 8, "dilation_rate": 2}}


@pytest.mark.parametrize(("cls", "name", "message", "words"), BROWSER_BAD)
def test_a_value_refused_from_the_browser_changes_nothing_and_says_why(cls, name, message, words):
    ex = cls(**START.get(cls, {}))
    control = ex.controls[name]
    before, frames, png = dict(ex.state), ex.frames_drawn, ex.image.value
    shown = {k: getattr(control, k) for k in message}
    sent = sent_back(control)
    control.set_state(message)  # what ipywidgets does with a message from the browser: nothing raises
    assert ex.state == before, "the refused value reached the explorer's state"
    assert {k: getattr(control, k) for k in message} == shown, "the refused value stayed in the widget"
    assert ex.frames_drawn == frames and ex.image.value == png, "the refused value was drawn"
    assert sent == [list(message)], "the browser was not told the value the widget holds (no snap back)"
    assert re.search(words, ex.message), ex.message
    assert name in ex.readout.value
    # a legal move of another control still works afterwards
    other = next(
        n for n, c in ex.controls.items() if n != name and isinstance(c, widgets.IntSlider) and c.max > c.min
    )
    slider = ex.controls[other]
    slider.value = slider.min if ex.state[other] != slider.min else slider.max
    assert ex.frames_drawn == frames + 1
    ex.close()


def test_the_bias_of_a_browser_message_stays_where_it_was():
    """The repro: ChannelSum's bias set to 5.0 by a browser message is refused, not kept."""
    ex = cl.ChannelSum()
    ex.controls["bias"].set_state({"value": 5.0})
    assert ex.state["bias"] == 0.1 == ex.controls["bias"].value
    ex.close()


def test_a_legal_value_from_the_browser_is_taken_and_drawn():
    ex = cl.FilterBank()
    frames = ex.frames_drawn
    ex.controls["filters"].set_state({"value": 4})
    ex.controls["padding"].set_state({"index": 1})
    assert ex.state["filters"] == 4 and ex.state["padding"] == ex.controls["padding"].options[1]
    assert ex.frames_drawn == frames + 2 and ex.message == ""
    ex.close()


def test_the_sliders_floating_point_steps_are_the_value_asked_for():
    """The browser's slider counts -1 + 22 * 0.05 = 0.10000000000000009 for 0.1: that is still 0.1."""
    ex = cl.ChannelSum(bias=0.1)
    frames = ex.frames_drawn
    ex.controls["bias"].set_state({"value": -1 + 22 * 0.05})
    assert ex.state["bias"] == 0.1 and ex.frames_drawn == frames  # nothing new to draw
    ex.set(bias=0.12)  # a value off the slider's steps, asked for, is kept as asked
    assert ex.state["bias"] == 0.12
    ex.close()


def test_a_dropdown_never_shows_a_value_the_explorer_does_not_hold():
    ex = cl.KernelSweep(padding="same")
    dropdown = ex.controls["padding"]
    for bad in (None, 99, -1, 2.0, "1"):
        with pytest.raises((ValueError, TypeError), match="padding must be one of"):
            dropdown.index = bad
        assert dropdown.value == ex.state["padding"] == "same"
        assert dropdown.options[dropdown.index] == "same"
    ex.close()


# ----------------------------------------------------------------------------- Play and the step
@pytest.mark.parametrize("cls", [cl.KernelSweep, cl.FilterSweep])
def test_play_starts_at_the_step_asked_for_and_the_step_is_the_links_source(cls):
    """The browser copies a jslink's source into its target: the step must be the source."""
    ex = cls(step=4)
    (source, _), (target, _) = ex._link.source, ex._link.target
    assert source is ex.controls["step"] and target is ex.play
    assert ex.play.value == 4 == ex.state["step"]
    ex.set(step=2)
    assert ex.play.value == 2 and ex.play.max == ex.controls["step"].max
    ex.close()


@pytest.mark.parametrize("cls", [cl.KernelSweep, cl.FilterSweep])
def test_a_step_from_the_browser_is_not_sent_back_to_play(cls):
    """In the browser the link has already moved Play with the step. A value the kernel sent Play
    as well would arrive after the learner's next moves (a drag sends many) and, through the link,
    pull the slider back to it: a drag to the start once ended at step 2."""
    ex = cls(step=4)
    to_play, to_step = sent_back(ex.play), sent_back(ex.controls["step"])
    frames = ex.frames_drawn
    for value in (3, 2, 1, 0):  # a drag to the start, one message per value
        ex.controls["step"].set_state({"value": value})
    assert ex.state["step"] == 0 and ex.frames_drawn == frames + 4

    def values(sent):  # what carried a value (some ipywidgets also send an empty echo: nothing)
        return [key for key in sent if key is None or "value" in key]

    assert values(to_play) == values(to_step) == [], f"sent back: Play {to_play}, step {to_step}"
    ex.set(step=2)  # from Python, Play is set too (the browser's link would also copy it)
    assert ex.play.value == 2
    ex.close()


def _positions(n, k, s, padding, d=1):
    """Output positions of a square sweep, counted by loops (padding worked out independently)."""
    if padding == "valid":
        before = after = 0
    elif padding == "full":
        before = after = d * (k - 1)
    elif padding == "same":
        before, after = tf_same_padding(n, k, s, d)
    else:
        before = after = padding
    return count_positions(n, k, s, before, after, d) ** 2


def _every_geometry(specs):
    values = [range(s.lo, s.hi + 1) if s.kind == "int" else s.options for s in specs.values()]
    for combo in itertools.product(*values):
        yield dict(zip(specs, combo, strict=True))


@pytest.mark.parametrize("cls", [cl.KernelSweep, cl.FilterSweep])
def test_every_position_of_every_sweep_is_reachable(cls):
    """For EVERY geometry the controls allow, the step slider and Play reach the sweep's last position."""
    ex = cls()
    ex.flush = lambda: None  # only the controls matter here: no picture for each of thousands of states
    names = [n for n in GEOMETRY if n in ex.SPECS]
    specs = {n: ex.SPECS[n] for n in names}
    checked = 0
    for geometry in _every_geometry(specs):
        last = _positions(*(geometry.get(n, 1) for n in names[:4]), geometry.get("dilation_rate", 1)) - 1
        if last < 0:
            with pytest.raises(ValueError, match="kernel_size"):
                ex.set(**geometry)
            continue
        ex.set(**geometry, step=last)
        assert ex.state["step"] == last == ex.controls["step"].max == ex.play.max, geometry
        checked += 1
    assert checked > 300
    ex.close()


def test_the_last_step_of_the_longest_sweep_is_drawn():
    geometry = {n: cl.KernelSweep.SPECS[n] for n in GEOMETRY}
    longest = max(_every_geometry(geometry), key=lambda g: _positions(*g.values()))
    ex = cl.KernelSweep(**longest)
    last = ex.controls["step"].max
    assert last == _positions(*longest.values()) - 1 > 200
    frames = ex.frames_drawn
    ex.controls["step"].value = last
    assert ex.frames_drawn == frames + 1 and ex.message == ""
    ex.close()


# ----------------------------------------------------------------------------- what a learner tries
def test_state_is_read_only():
    ex = cl.FilterBank()
    with pytest.raises(TypeError):
        ex.state["c_in"] = 9
    assert ex.state["c_in"] == 3 == ex.controls["c_in"].value
    ex.controls["c_in"].value = 4  # the state follows the controls
    assert ex.state["c_in"] == 4
    ex.close()


def test_assigning_a_control_sets_it_through_the_same_checks():
    ex = cl.KernelSweep()
    frames = ex.frames_drawn
    ex.kernel_size = 5
    assert ex.kernel_size == 5 == ex.state["kernel_size"] == ex.controls["kernel_size"].value
    assert ex.frames_drawn == frames + 1
    with pytest.raises(ValueError, match="kernel_size must be a whole number from 1 to 7, got 9"):
        ex.kernel_size = 9
    assert ex.kernel_size == 5
    ex.close()


def test_any_int_is_refused_by_name():
    ex = cl.FilterBank()
    for huge in (10**5000, -(10**5000)):
        with pytest.raises(ValueError, match=r"kernel_size must be a whole number from 1 to 7, got .*digits"):
            ex.set(kernel_size=huge)
        with pytest.raises(ValueError, match=r"c_in must be a whole number from 1 to 8, got .*digits"):
            ex.controls["c_in"].value = huge
    ex.close()


def test_a_closed_explorer_says_it_is_closed_whatever_is_asked():
    ex = cl.FilterBank()
    ex.close()
    for attempt in (ex.flush, lambda: ex.hold().__enter__(), lambda: ex.set(c_in=2)):
        with pytest.raises(ValueError, match="this FilterBank was closed; make a new one"):
            attempt()
    with pytest.raises(ValueError, match="was closed"):
        ex.c_in = 2


@pytest.mark.parametrize("cls", CLASSES)
def test_a_refusal_from_the_browser_never_breaks_a_later_legal_move(cls):
    """Every control sent something it cannot take, then each control moved legally: all of them draw."""
    ex = cls()
    for control in ex.controls.values():
        key = "index" if isinstance(control, widgets.Dropdown) else "value"
        sent_back(control)
        control.set_state({key: 10**6})
    assert np.all([ex.state[n] == c.value for n, c in ex.controls.items()])
    for name, control in ex.controls.items():
        if isinstance(control, widgets.IntSlider) and control.max > control.min:
            frames = ex.frames_drawn
            control.value = control.max if control.value != control.max else control.min
            assert ex.frames_drawn == frames + 1, name
    ex.close()
