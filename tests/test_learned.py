"""The trained network's filters in the explorers: which are colour-opponent; that they are shown as learned.

Oracles: the weights read straight from the shipped ``.npz``; a filter's response to flat patches of
red and of green, by ``scipy.signal.correlate2d`` per channel; the network's layers by loops.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy.signal import correlate2d

import convlesson as cl
from convlesson.core import learned
from convlesson.pictures import style

NPZ = Path(cl.__file__).parent / "core" / "toy_cnn.npz"


def shipped(name):
    with np.load(NPZ) as saved:
        return saved[name].astype(float)


def flat_response(kernel, colour):
    """What a (3, 3, 3) filter gives (no bias) in the middle of a flat 5 x 5 patch of ``colour``."""
    patch = np.ones((5, 5, 3)) * np.asarray(colour, dtype=float)
    return sum(correlate2d(patch[..., c], kernel[:, :, c], mode="valid")[1, 1] for c in range(3))


RED, GREEN = (1, 0, 0), (0, 1, 0)


def test_colour_opponent_filters_push_red_and_green_opposite_ways():
    w = shipped("conv1.kernel")
    found = learned.colour_opponent(w)
    assert found == [0, 1, 2, 3, 5, 6]  # what the report names, by the definition below
    for j in range(w.shape[-1]):
        r, g = flat_response(w[..., j], RED), flat_response(w[..., j], GREEN)
        opponent = r * g < 0 and min(abs(r), abs(g)) >= 0.25 * max(abs(r), abs(g))
        assert (j in found) == opponent, (j, r, g)


def test_every_learned_filter_holds_three_different_non_zero_kernels():
    w = shipped("conv1.kernel")
    for j in range(8):
        kernels = [w[:, :, c, j].ravel() for c in range(3)]
        norms = [np.linalg.norm(k) for k in kernels]
        assert min(norms) > 0.25 * max(norms), j
        for a in range(3):
            for b in range(a + 1, 3):
                assert abs(np.corrcoef(kernels[a], kernels[b])[0, 1]) < 0.95, (j, a, b)


def test_filter_names_say_the_signs_of_the_sums():
    w = shipped("conv1.kernel")
    names = learned.filter_names(w)
    for j in learned.colour_opponent(w):
        r, g = flat_response(w[..., j], RED), flat_response(w[..., j], GREEN)
        assert ("+R" in names[j]) == (r > 0) and ("−G" in names[j]) == (g < 0), names[j]
    assert names[4] == "red/green vertical edges" and names[7] == "horizontal edges"


def test_filter_bank_shows_the_learned_layer_itself():
    """The shipped layer-1 weights, rounded to the one decimal the picture prints them with."""
    ex = cl.FilterBank(weights="learned", filters=8)
    np.testing.assert_allclose(ex.layer.weights, shipped("conv1.kernel"), atol=0.05 + 1e-9)
    np.testing.assert_allclose(ex.layer.weights * 10, np.round(ex.layer.weights * 10), atol=1e-9)
    np.testing.assert_allclose(ex.layer.bias, shipped("conv1.bias"), atol=0.05 + 1e-9)
    assert ex.state["c_in"] == 3 and ex.state["kernel_size"] == 3
    assert ex.filter_names == learned.filter_names(shipped("conv1.kernel"))
    ex.close()


@pytest.mark.parametrize(
    ("cls", "control"), [(cl.FilterBank, "weights"), (cl.ChannelSum, "kernels"), (cl.FilterSweep, "weights")]
)
def test_learned_weights_hold_c_in_and_kernel_size_at_three(cls, control):
    ex = cls(c_in=2, kernel_size=5)
    ex.set(**{control: "learned"})
    assert ex.state["c_in"] == 3 and ex.state["kernel_size"] == 3
    assert "c_in is now 3" in ex.message and "kernel_size is now 3" in ex.message
    assert "trained on RGB pictures" in ex.message
    for name, value in (("c_in", 2), ("kernel_size", 5)):
        with pytest.raises(
            ValueError, match=rf"^the learned layer .* {name} {value} does not fit it; {name} only 3"
        ):
            ex.set(**{name: value})
        with pytest.raises(ValueError, match=f"{name} {value}"):
            ex.controls[name].value = value
    assert ex.state["c_in"] == 3 and ex.state["kernel_size"] == 3
    ex.set(**{control: "random", "c_in": 2})  # other weights free them again
    assert ex.state["c_in"] == 2
    ex.close()


def test_the_learned_kernels_shrink_dilation_where_they_would_not_fit():
    ex = cl.FilterBank(input_size=6, dilation_rate=3, kernel_size=2)
    ex.set(weights="learned")  # 3 x 3 with dilation 3 spans 7 pixels: more than 6
    assert ex.state["dilation_rate"] == 2 and "dilation_rate is now 2" in ex.message
    with pytest.raises(ValueError, match="dilation_rate 3 span 7 pixels, but the padded input is only 6"):
        ex.set(dilation_rate=3)
    ex.set(padding="same", dilation_rate=3)  # 'same' pads: now it fits
    assert ex.state["dilation_rate"] == 3
    ex.close()


def test_channel_sum_shows_the_strongest_red_minus_green_filter_rounded():
    ex = cl.ChannelSum(kernels="learned")
    w = shipped("conv1.kernel")
    weaker = {}  # +R -G filters, by the weaker of their two responses
    for j in range(8):
        r, g = flat_response(w[..., j], RED), flat_response(w[..., j], GREEN)
        if r > 0 > g and min(r, -g) >= 0.25 * max(r, -g):
            weaker[j] = min(r, -g)
    chosen = max(weaker, key=weaker.get)
    assert chosen == learned.red_minus_green(w) == 0
    np.testing.assert_array_equal(ex.layer.weights[..., 0], np.round(w[..., chosen], 1))
    assert "filter 0 of the trained network's first layer (+R −G)" in " ".join(ex.notes)
    ex.close()


def test_filter_sweep_shows_three_colour_opponent_filters_whose_every_partial_sum_counts():
    ex = cl.FilterSweep(weights="learned", filters=3, step=6)
    w, b = shipped("conv1.kernel"), shipped("conv1.bias")
    strength = []
    for j in range(8):
        r, g = flat_response(w[..., j], RED), flat_response(w[..., j], GREEN)
        ok = r * g < 0 and min(abs(r), abs(g)) >= 0.25 * max(abs(r), abs(g))
        strength.append(min(abs(r), abs(g)) if ok else 0)
    top3 = sorted(np.argsort(strength)[::-1][:3].tolist())
    assert top3 == [0, 1, 6]
    np.testing.assert_array_equal(ex.layer.weights, np.round(w[..., top3], 1))
    np.testing.assert_array_equal(ex.layer.bias, np.round(b[top3], 1))
    step = ex.trace[6]
    assert np.all(step.channel_sums != 0), "every kernel's partial sum counts at this step"
    assert [n.split(",")[0] for n in ex.filter_names] == [f"learned filter {j}" for j in top3]
    for f in range(1, 4):  # one more filter adds one row; the others stay
        ex.set(filters=f)
        np.testing.assert_array_equal(ex.layer.weights, np.round(w[..., top3[:f]], 1))
    ex.close()


def test_rounded_sums_are_printed_with_one_decimal():
    ex = cl.FilterSweep(weights="learned", filters=1, step=6)
    texts = {t.get_text() for t in ex.picture.sums.visible}
    total = ex.trace[6].total[0]
    assert any(t.endswith(f"= {total:.1f}".replace("-", "−")) for t in texts), texts
    assert all("." not in t or len(t.split(".")[-1].split()[0]) == 1 for t in texts if "bias" in t)
    ex.close()


def test_learned_layers_answers_as_the_network_does_by_loops():
    from test_explorers import loop_layer

    ex = cl.LearnedLayers(sample="green disc", conv_layer=2, filters=16)
    w = {k: shipped(k) for k in ("conv1.kernel", "conv1.bias", "conv2.kernel", "conv2.bias")}
    x = cl.toy_images(1, seed=7, classes=["green disc"])[0][0]
    a = np.maximum(loop_layer(x, w["conv1.kernel"], w["conv1.bias"], 1, "valid"), 0)
    a = a.reshape(7, 2, 7, 2, 8).max(axis=(1, 3))
    a = np.maximum(loop_layer(a, w["conv2.kernel"], w["conv2.bias"], 1, "valid"), 0)
    logits = a.mean(axis=(0, 1)) @ shipped("dense.kernel") + shipped("dense.bias")
    answer = cl.toy_images(1, seed=0)[2][int(np.argmax(logits))]
    assert answer == "green disc"
    texts = " ".join(t.get_text() for t in ex.picture.text.visible)
    assert f"the network says: {answer}" in texts
    np.testing.assert_allclose(ex.output, a, atol=1e-9)
    ex.close()


def test_learned_layers_holds_filters_to_the_layer_shown():
    ex = cl.LearnedLayers(conv_layer=2, filters=12)
    with pytest.raises(ValueError, match="layer 1 has 8 filters"):
        ex.set(conv_layer=1, filters=12)
    ex.set(conv_layer=1)
    assert ex.state["filters"] == 8 and "filters is now 8" in ex.message
    with pytest.raises(ValueError, match="filters"):
        ex.set(filters=9)
    ex.close()


def test_learned_layers_draws_layer_two_inputs_to_their_own_limit():
    ex = cl.LearnedLayers(conv_layer=2)
    top = float(ex.x.max())
    assert top > 1  # pooled maps reach past 1: drawn to their own limit, not clipped at 1
    assert f"up to {style.nice_limit(top):g} drawn at full brightness" in " ".join(ex.notes)
    ex.close()


def test_playground_maps_reach_full_colour_at_their_99th_percentile():
    ex = cl.Playground()
    values = np.sort(np.abs(ex.output[..., 0]).ravel())
    rank = 0.99 * (len(values) - 1)  # linear interpolation between the two nearest ranks
    lo = int(np.floor(rank))
    p99 = values[lo] + (rank - lo) * (values[lo + 1] - values[lo])
    assert ex.picture.map_limits == [style.nice_limit(p99)]
    assert ex.picture.map_limits[0] < style.nice_limit(values[-1])  # fainter edges show: not the maximum
    assert ex.state["input_size"] == 96
    ex.close()
