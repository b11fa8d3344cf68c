"""When one control moves, only what it names changes: a filter adds a row and a map, a channel a column.

Checked through what every explorer hands out -- ``layer.filter(j)``, ``layer.kernel_for(j, c)``,
``x[..., c]`` -- and through the colours on screen (colour limits of what did not change stay put).
"""

from __future__ import annotations

import numpy as np
import pytest

import convlesson as cl
from convlesson.pictures import style

MOVES = [
    (cl.ChannelSum, {"kernels": "random"}, "c_in"),
    (cl.ChannelSum, {"kernels": "yellow minus blue"}, "c_in"),
    (cl.FilterBank, {"weights": "named"}, "filters"),
    (cl.FilterBank, {"weights": "named"}, "c_in"),
    (cl.FilterBank, {"weights": "random"}, "filters"),
    (cl.FilterBank, {"weights": "random"}, "c_in"),
    (cl.FilterBank, {"weights": "random", "c_in": 2}, "c_in"),
    (cl.Playground, {"kernel": "random"}, "filters"),
    (cl.GroupedConv, {"c_in": 4, "filters": 4, "groups": 1}, "filters"),
    (cl.GroupedConv, {"c_in": 2, "filters": 2, "groups": 1}, "c_in"),
    (cl.FilterSweep, {"weights": "named"}, "filters"),
    (cl.FilterSweep, {"weights": "random"}, "filters"),
    (cl.FilterSweep, {"weights": "random", "c_in": 2}, "c_in"),
    (cl.FilterSweep, {"weights": "named", "c_in": 1}, "c_in"),
    (cl.FilterBank, {"weights": "learned"}, "filters"),
    (cl.FilterSweep, {"weights": "learned", "filters": 1}, "filters"),
    (cl.LearnedLayers, {"conv_layer": 2, "filters": 4}, "filters"),
]


def kernels(layer) -> dict:
    return {(j, c): layer.kernel_for(j, c) for j in range(layer.filters) for c in layer.channels_of(j)}


@pytest.mark.parametrize(("cls", "start", "control"), MOVES, ids=lambda v: getattr(v, "__name__", str(v)))
def test_one_more_filter_or_channel_changes_nothing_else(cls, start, control):
    ex = cls(**start)
    before_k, before_x = kernels(ex.layer), ex.x.copy()
    before_b = ex.layer.bias.copy()
    before_filters = [ex.layer.filter(j) for j in range(ex.layer.filters)]
    ex.controls[control].value = ex.state[control] + 1
    after_k = kernels(ex.layer)
    for (j, c), k in before_k.items():
        np.testing.assert_array_equal(after_k[(j, c)], k, err_msg=f"kernel ({j}, {c}) changed")
    n = before_x.shape[2]
    np.testing.assert_array_equal(ex.x[..., :n], before_x, err_msg="the input changed")
    if control == "filters":
        assert ex.layer.filters == len(before_filters) + 1
        for j, f in enumerate(before_filters):
            np.testing.assert_array_equal(ex.layer.filter(j), f)
        np.testing.assert_array_equal(ex.layer.bias[: len(before_b)], before_b)
        assert len(after_k) == len(before_k) + ex.layer.kernels_per_filter  # one row of kernels added
    else:
        assert ex.x.shape[2] == n + 1
        assert len(after_k) == len(before_k) + ex.layer.filters  # one kernel per filter added
    ex.close()


def test_the_input_never_switches_to_another_picture():
    base = cl.FilterBank(c_in=3).x
    for c_in in (1, 2, 4, 8):
        x = cl.FilterBank(c_in=c_in).x
        np.testing.assert_array_equal(x[..., : min(3, c_in)], base[..., : min(3, c_in)])


def test_colours_of_what_did_not_change_stay_put():
    ex = cl.FilterBank(filters=2, weights="random")
    maps_before = ex.picture.map_limits[:2]
    weights_before = ex.picture.bank.image.get_clim()
    ex.controls["filters"].value = 3
    assert ex.picture.map_limits[:2] == maps_before
    assert ex.picture.bank.image.get_clim() == weights_before
    cs = cl.ChannelSum()
    before = cs.picture.rows[0].kernel.image.get_clim()
    cs.controls["c_in"].value = 4
    assert cs.picture.rows[0].kernel.image.get_clim() == before


def test_colour_limits_move_in_steps():
    steps = [style.nice_limit(v) for v in (0.3, 0.9, 1.0, 1.2, 2.5, 2.9, 4.0, 9.0, 17.0)]
    assert steps == [0.3, 1.0, 1.0, 1.5, 3.0, 3.0, 5.0, 10.0, 20.0]
