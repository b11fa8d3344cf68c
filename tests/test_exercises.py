"""The exercises of ``09_exercises`` and the lessons' predictions: right answers are accepted, slips named.

Every expected answer is checked against an independent oracle written here (``ORACLES``): explicit loops
that count kernel positions, gather kernels out of a weight tensor or count a layer's numbers one filter
and one kernel at a time, ``scipy.signal`` on arrays of the given shapes, and hand-worked numbers, which
``agree`` holds against the loops (Keras's summary gives 18,496 parameters for a 3 x 3 convolution from 32
to 64 channels; the chain RGB -> Conv2D(6, 3) -> Conv2D(10, 3) holds 18 + 60 kernels and 168 + 550
parameters). None of them calls the package's formulas. The feedback on wrong answers is tested in
``test_exercise_feedback.py``, the learner's interface in ``test_exercise_interface.py``, the code
exercises in ``test_code_exercises.py`` and the lessons the exercises belong to in
``test_exercises_lessons.py``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from oracles import count_positions, loop_corr, tf_same_padding
from scipy.signal import correlate, correlate2d

import convlesson as cl
from convlesson.exercises import EXERCISES, PREDICTIONS, grade
from convlesson.exercises.records import KINDS, TAGS

ALL = (*EXERCISES, *PREDICTIONS)
NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def ident(ex):
    return f"ex{ex.number}" if ex.key is None else ex.key


def by(n):
    return next(ex for ex in ALL if ex.ident == n)


# ---------------------------------------------------------------- independent oracles
def agree(by_hand, computed):
    """A hand-worked answer (in the comment beside it), held against the same answer computed by loops."""
    assert by_hand == computed, f"worked by hand: {by_hand}, by the loops: {computed}"
    return computed


def parameters_by_loops(kh, kw, c_in, filters, groups=1):
    """A layer's trainable numbers, counted one by one: each filter's kernels (one per channel it sees),
    each a kh x kw matrix, then the filter's one bias."""
    count = 0
    for _j in range(filters):
        for _c in range(c_in // groups):
            count += np.zeros((kh, kw)).size
        count += 1
    return count


def scipy_conv2d(x, weights, mode="valid"):
    """(H, W, C_in) with (kh, kw, C_in, F) -> (H', W', F), via scipy per channel and per filter."""
    return np.stack(
        [
            sum(correlate2d(x[:, :, c], weights[:, :, c, f], mode=mode) for c in range(x.shape[2]))
            for f in range(weights.shape[3])
        ],
        axis=-1,
    )


def kernels_keras(w):
    """Every 2-D kernel of Keras-layout weights, gathered by loops: {(filter, channel): kernel}."""
    return {(j, c): w[:, :, c, j] for j in range(w.shape[3]) for c in range(w.shape[2])}


def kernels_torch(w):
    """Every 2-D kernel of PyTorch-layout weights, gathered by loops: {(filter, channel): kernel}."""
    return {(j, c): w[j, c] for j in range(w.shape[0]) for c in range(w.shape[1])}


def grouped_reads(c_in, filters, groups):
    """By the definition: filter j of group g = j // (filters / groups) reads that group's channels."""
    per_group_in, per_group_out = c_in // groups, filters // groups
    return {j: [c for c in range(c_in) if c // per_group_in == j // per_group_out] for j in range(filters)}


def channels_read_by_kernel(c, rng):
    """Which input channels change kernel c's contribution to one filter's output (RGB, 3 x 3)."""
    x = rng.normal(size=(6, 6, 3))
    w = np.zeros((3, 3, 3, 1))
    w[:, :, c, 0] = rng.normal(size=(3, 3))  # only kernel c is non-zero
    base = scipy_conv2d(x, w)
    read = []
    for other in range(3):
        moved = x.copy()
        moved[:, :, other] += 1.0
        if not np.allclose(scipy_conv2d(moved, w), base):
            read.append(other)
    return read


def eval_index(expression, name, array):
    """What an index expression such as 'w[:, :, 1, 4]' gives on ``array``, or None if it fails."""
    try:
        return eval(expression, {name: array})
    except IndexError:
        return None


def chain_shapes(filters1, filters2):
    """Run RGB -> Conv2D(filters1, 3) -> Conv2D(filters2, 3) with scipy; each layer's weights built for
    its input."""
    rng = np.random.default_rng(5)
    x = rng.normal(size=(12, 12, 3))
    w1 = rng.normal(size=(3, 3, x.shape[2], filters1))
    out1 = scipy_conv2d(x, w1)
    w2 = rng.normal(size=(3, 3, out1.shape[2], filters2))  # its input is layer 1's output
    out2 = scipy_conv2d(out1, w2)
    assert out2.shape == (8, 8, filters2)
    return w1, w2


def statement_a_filter_is_a_bigger_kernel():
    rng = np.random.default_rng(11)
    x, w = rng.normal(size=(7, 7, 3)), rng.normal(size=(3, 3, 3, 2))
    per_kernel = sum(correlate2d(x[:, :, c], w[:, :, c, 0], mode="valid") for c in range(3))
    assert np.allclose(scipy_conv2d(x, w)[..., 0], per_kernel)  # filter 0 = its 3 kernels' maps, added
    return w[..., 0].shape[:2] != w[:, :, 0, 0].shape  # its kernels have the filter's height and width


def kernels_summing_to(sums, rng):
    """Random 3 x 3 kernels (one per channel) whose weights add up to ``sums``: a filter (3, 3, C, 1)."""
    w = rng.normal(size=(3, 3, len(sums), 1))
    for c, total in enumerate(sums):
        w[:, :, c, 0] += (total - w[:, :, c, 0].sum()) / 9
    return w


def flat_patch_output(sums, colour, rng):
    """What a filter with kernels summing to ``sums`` gives in the middle of a flat patch, by scipy."""
    patch = np.ones((5, 5, len(colour))) * np.asarray(colour, dtype=float)
    return float(scipy_conv2d(patch, kernels_summing_to(sums, rng))[1, 1, 0])


def same_kernels_tell_red_from_green(rng):
    """A red and a green disc, just as bright, through a filter with the same kernel on R, G and B."""
    yy, xx = np.mgrid[0:9, 0:9]
    disc = ((yy - 4) ** 2 + (xx - 4) ** 2 < 9).astype(float)
    red, green = np.zeros((9, 9, 3)), np.zeros((9, 9, 3))
    red[..., 0], green[..., 1] = disc, disc
    k = rng.normal(size=(3, 3))
    w = np.stack([k, k, k], axis=-1)[..., None]
    return not np.allclose(scipy_conv2d(red, w), scipy_conv2d(green, w))


def network_layer2_filter_shape():
    """RGB -> Conv2D(8, 3) -> ReLU -> 2 x 2 max pooling by loops; a layer-2 filter fits what comes out."""
    rng = np.random.default_rng(6)
    out = np.maximum(scipy_conv2d(rng.normal(size=(16, 16, 3)), rng.normal(size=(3, 3, 3, 8))), 0)
    pooled = np.zeros((out.shape[0] // 2, out.shape[1] // 2, out.shape[2]))
    for i in range(pooled.shape[0]):
        for j in range(pooled.shape[1]):
            pooled[i, j] = out[2 * i : 2 * i + 2, 2 * j : 2 * j + 2].max(axis=(0, 1))
    return (3, 3, pooled.shape[2])


def sizes(mode):
    return correlate(np.ones(5), np.ones(3), mode=mode).size


def the_one_number():
    x = np.ones((1, 1, 3))
    w = np.array([4.0, -2.0, 1.0]).reshape(1, 1, 3, 1)  # 1 x 1 kernels: partial sums 4, -2, 1
    return float(scipy_conv2d(x, w)[0, 0, 0]) - 1.0  # + the bias, -1


def step_by_scipy():
    """The number 04's FilterSweep makes at its stored step, with kernels written out here."""
    x = cl.scene(5, 3, levels=3)
    w = np.stack([np.full((3, 3), sign) for sign in (1.0, 1.0, -1.0)], axis=-1)[..., None]
    return int(scipy_conv2d(x, w)[1, 1, 0] + 2)


def _oracles():
    rng = np.random.default_rng(0)
    x9 = np.array([[1, 2, 0, 3], [0, 1, 2, 1], [3, 0, 1, 2], [1, 2, 1, 0]], float)
    k9 = np.array([[1, 2], [0, -1]], float)
    keras_w = np.zeros((3, 3, 6, 6))
    torch_w = np.zeros((6, 6, 3, 3))
    for j in range(6):
        for c in range(6):
            keras_w[:, :, c, j] = 10 * j + c
            torch_w[j, c] = 10 * j + c
    pick_keras = next(
        o for o in by(22).choices if np.array_equal(eval_index(o, "w", keras_w), np.full((3, 3), 41.0))
    )
    pick_torch = next(
        o for o in by(23).choices if np.array_equal(eval_index(o, "weight", torch_w), np.full((3, 3), 41.0))
    )
    w1, w2 = chain_shapes(6, 10)  # the exercises' chain
    grouped = grouped_reads(4, 8, 2)
    depthwise = grouped_reads(24, 48, 24)  # two filters per channel
    batch = rng.normal(size=(10, 20, 20, 3))
    w24 = rng.normal(size=(3, 3, 3, 4))
    relu_out = np.stack([np.maximum(scipy_conv2d(img, w24), 0) for img in batch])
    torch28 = np.zeros((32, 16, 3, 3))
    keras28 = np.arange(3 * 3 * 16 * 32).reshape(3, 3, 16, 32)
    for i in range(3):
        for j in range(3):
            for c in range(16):
                for f in range(32):
                    torch28[f, c, i, j] = keras28[i, j, c, f]
    assert np.array_equal(cl.keras_to_torch(keras28), torch28)
    top, bottom = tf_same_padding(6, 3, 2)
    return {
        1: agree(13, count_positions(15, 3)),  # 15 - 3 + 1: left edges 0 .. 12
        2: agree(4, count_positions(12, 5, strides=2)),  # left edges 0, 2, 4, 6; at 8 it needs pixel 12
        3: agree(6, count_positions(11, 5, 2, *tf_same_padding(11, 5, 2))),  # ceil(11 / 2)
        4: agree((2, 3), tf_same_padding(224, 7, 2)),  # (112 - 1) * 2 + 7 - 224 = 5 = 2 + 3
        5: agree(14, correlate(np.ones(10), np.ones(5), mode="full").size),  # scipy's 'full' itself
        6: correlate2d(np.pad(np.ones((32, 32)), 2), np.ones((5, 5)), mode="valid").shape[1],
        7: agree(11, count_positions(15, 3, dilation=2)),  # taps at 0, 2, 4 span 5: 15 - 5 + 1
        8: correlate2d(np.ones((32, 32)), np.ones((3, 5)), mode="valid")[::1, ::2].shape,
        9: correlate2d(x9, k9, mode="valid")[1, 0] + 1,
        10: max(
            float(scipy_conv2d(np.array([[[1.5, -4.0, 2.0]]]), np.ones((1, 1, 3, 1)))[0, 0, 0]) + 0.25, 0
        ),
        11: statement_a_filter_is_a_bigger_kernel(),
        12: all(len(channels_read_by_kernel(c, rng)) == 3 for c in range(3)),
        13: all(
            scipy_conv2d(rng.normal(size=(6, 6, c_in)), rng.normal(size=(3, 3, c_in, 1))).shape[-1] == 1
            for c_in in (1, 3, 8)
        ),
        14: len([c for (j, c) in kernels_keras(np.zeros((3, 3, 1, 8))) if j == 0]),
        15: 4 * (3 * 3 * 8) + 32 == cl.param_count(3, c_in=8, filters=4),  # 32 biases would add 32
        16: len((3, 3, 3, 2)) == 2,  # Keras documents Conv2D(2, 3)'s kernel on RGB as (3, 3, 3, 2)
        17: np.stack([np.zeros((5, 3)) for _ in range(8)], axis=-1).shape,
        18: agree(72, len(kernels_keras(np.zeros((5, 5, 6, 12))))),  # 12 filters x 6 kernels
        19: agree(10, scipy_conv2d(np.ones((7, 7, 5)), np.ones((3, 3, 5, 10))).shape[-1]),
        20: (64, 128, len(kernels_keras(np.zeros((1, 1, 64, 128))))),
        21: (16, 32, len(kernels_torch(np.zeros((32, 16, 1, 1))))),
        22: pick_keras,
        23: pick_torch,
        24: agree((10, 18, 18, 4), relu_out.shape),
        25: scipy_conv2d(np.ones((32, 32, 3)), np.ones((3, 3, 3, 8)), mode="same").shape,
        26: agree(304, parameters_by_loops(5, 5, 3, 4)),  # 4 x (5 * 5 * 3) + 4 = 300 + 4
        27: agree(10416, parameters_by_loops(3, 3, 24, 48)),  # 48 x (3 * 3 * 24) + 48 = 10368 + 48
        28: torch28.shape,
        29: agree(6, w2.shape[2]),  # layer 1's 6 output channels
        30: agree(78, len(kernels_keras(w1)) + len(kernels_keras(w2))),  # 6 x 3 + 10 x 6 = 18 + 60
        31: agree(718, w1.size + 6 + w2.size + 10),  # (162 + 6) + (540 + 10) = 168 + 550
        32: sum(len(chans) for chans in grouped.values()),
        33: (3, 3, len(grouped[0]), 8),
        34: sum(np.zeros((3, 3)).size for _ in range(32)) + 32,
        35: np.zeros((1, 1, 64, 16)).size + 16,
        # every product counted as a 1: ones swept by ones make, at each output number, the count of
        # its products; the 'same' padding (one pixel a side) is padded with ones so that it counts too
        38: agree(1179648, int(scipy_conv2d(np.ones((34, 34, 16)), np.ones((3, 3, 16, 8))).sum())),
        39: (len(depthwise[0]), sum(len(chans) for chans in depthwise.values())),
        "sweep-size": correlate2d(np.ones((5, 5)), np.ones((3, 3)), mode="valid").shape,
        "stride-positions": count_positions(7, 3, strides=2),
        "padding-sizes": (sizes("valid"), sizes("same"), sizes("full")),
        "same-extra-zero": "after" if bottom > top else "before",
        "rectangular-output": correlate2d(np.ones((64, 64)), np.ones((1, 5)), mode="valid").shape,
        "kernels-for-one-map": len(kernels_keras(np.zeros((3, 3, 8, 1)))),
        "one-number": the_one_number(),
        # 04's picture at step 5 (output (1, 1)): +1 boxes on R and G, -1 on B, bias 2; scipy sweeps
        "step-by-hand": agree(16, step_by_scipy()),
        "layer-kernels": len(kernels_keras(np.zeros((1, 1, 8, 16)))),
        "weights-shape": (3, 3, 3, 2),  # Keras documents (kh, kw, C_in, filters)
        "params-64-32": 18496,
        "chain-kernels": chain_shapes(8, 16)[1].shape[2],  # the prediction's chain, RGB -> 8 -> 16
        "same-kernels-colour": same_kernels_tell_red_from_green(rng),
        "layer2-filter-shape": network_layer2_filter_shape(),
        "network-kernels": sum(
            len(kernels_keras(w))
            for k, w in cl.trained_network().params.items()
            if k.endswith("conv1.kernel") or k == "conv2.kernel"
        ),
        40: agree(1.0, round(flat_patch_output((3, -2, 0), (1, 1, 0), rng), 12)),  # 3 - 2 + 0 + bias 0
        "grouped-kernels": len(grouped_reads(4, 4, 2)[0]),
    }


ORACLES = _oracles()


# ---------------------------------------------------------------- the exercises as data
def test_there_are_at_least_thirty_exercises_numbered_from_one():
    assert len(EXERCISES) >= 30
    assert [ex.number for ex in EXERCISES] == list(range(1, len(EXERCISES) + 1))


def test_at_least_ten_are_on_the_kernel_filter_distinction():
    tagged = [ex for ex in EXERCISES if "kernel-vs-filter" in ex.tags]
    assert len(tagged) >= 10
    kinds = {ex.kind for ex in tagged}
    assert {"truefalse", "shape", "int", "choice"} <= kinds


def test_the_predictions_have_the_agreed_keys_and_answers():
    assert {ex.key: ex.answer for ex in PREDICTIONS} == {
        "sweep-size": (3, 3),
        "stride-positions": 3,
        "padding-sizes": (3, 5, 7),
        "same-extra-zero": "after",
        "rectangular-output": (64, 60),
        "kernels-for-one-map": 8,
        "one-number": 2,
        "step-by-hand": 16,
        "layer-kernels": 128,
        "weights-shape": (3, 3, 3, 2),
        "params-64-32": 18496,
        "chain-kernels": 8,
        "same-kernels-colour": False,
        "layer2-filter-shape": (3, 3, 8),
        "network-kernels": 152,
        "grouped-kernels": 2,
    }


@pytest.mark.parametrize("ex", ALL, ids=ident)
def test_each_record_is_complete(ex):
    assert ex.kind in KINDS and set(ex.tags) <= set(TAGS)
    assert ex.question and ex.hint and ex.topic and ex.right
    assert (NOTEBOOKS / f"{ex.lesson}.ipynb").exists(), f"{ex.lesson} is not a lesson notebook"
    if ex.kind == "code":
        assert ex.answer is ex.worked and ex.check
    else:
        assert ex.slips, "every question names at least one known slip"
        assert ex.worked() == ex.answer, "the worked solution must work out the stored answer"


@pytest.mark.parametrize("ex", [e for e in ALL if e.kind != "code"], ids=ident)
def test_every_answer_matches_an_independent_oracle(ex):
    expected = ORACLES[ex.ident]
    if isinstance(expected, tuple):
        assert tuple(int(v) for v in expected) == ex.answer
    else:
        assert expected == ex.answer
    if ex.kind == "truefalse":
        assert isinstance(ex.answer, bool)


def test_the_loop_oracle_counts_strided_positions_like_scipy():
    rng = np.random.default_rng(4)
    x, k = rng.normal(size=(8, 9)), rng.normal(size=(3, 2))
    np.testing.assert_allclose(loop_corr(x, k, 2), correlate2d(x, k, mode="valid")[::2, ::2])
    assert loop_corr(np.ones((12, 12)), np.ones((5, 5)), 2).shape == (4, 4)  # left edges 0, 2, 4, 6


def test_the_reference_solutions_match_loops_and_scipy():
    rng = np.random.default_rng(3)
    for strides in (1, 2, 3):
        x = rng.normal(size=(9, 8))
        k = rng.normal(size=(3, 2))
        np.testing.assert_allclose(by(36).answer(x, k, strides), loop_corr(x, k, strides))
        np.testing.assert_allclose(
            by(36).answer(x, k, strides), correlate2d(x, k, mode="valid")[::strides, ::strides]
        )
    np.testing.assert_allclose(by(36).answer(x, k), loop_corr(x, k))  # strides 1 by default
    x = rng.normal(size=(6, 5, 3))
    weights = rng.normal(size=(2, 3, 3, 4))
    np.testing.assert_allclose(by(37).answer(x, weights), scipy_conv2d(x, weights))


# ---------------------------------------------------------------- check() and friends
@pytest.mark.parametrize("ex", ALL, ids=ident)
def test_each_solution_is_accepted(ex, capsys):
    assert grade(ex.ident, ex.answer).correct
    cl.check(ex.ident, ex.answer)
    assert capsys.readouterr().out.startswith(f"{ex.label}: right!")
