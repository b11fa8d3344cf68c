"""The sweep trace: every step's window, products and sum, checked against a loop and scipy."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.signal import correlate2d

import convlesson as cl


def padded_by_hand(x, pads):
    (t, b), (left, r) = pads
    out = np.zeros((x.shape[0] + t + b, x.shape[1] + left + r))
    out[t : t + x.shape[0], left : left + x.shape[1]] = x
    return out


def test_seed_sweep_by_hand():
    # 4x4 arange with a 3x3 ones kernel: windows start at (0,0), (0,1), (1,0), (1,1), row by row;
    # sums 45, 54, 81, 90 (worked out in test_conv.py)
    t = cl.sweep(np.arange(16.0).reshape(4, 4), np.ones((3, 3)))
    assert len(t) == 4
    assert [step.origin for step in t] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert [step.out_pos for step in t] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert [step.total for step in t] == [45.0, 54.0, 81.0, 90.0]
    np.testing.assert_array_equal(t[3].window, [[5, 6, 7], [9, 10, 11], [13, 14, 15]])
    np.testing.assert_array_equal(t.output, [[45, 54], [81, 90]])


def test_strided_dilated_padded_rows_and_cols_by_hand():
    # 5x5 input, 'same' with strides 2 and a 2x2 kernel at dilation 2 (span 3):
    # out ceil(5/2) = 3, total (3-1)*2 + 3 - 5 = 2 -> (1, 1) each axis; padded is 7x7.
    # Window (i, j) covers rows 2i, 2i+2 and cols 2j, 2j+2 of the padded input.
    t = cl.sweep(np.ones((5, 5)), np.ones((2, 2)), strides=2, padding="same", dilation_rate=2)
    assert t.padding == ((1, 1), (1, 1))
    assert t.padded.shape == (7, 7)
    assert t.output_hw == (3, 3)
    step = t[5]  # row 1, column 2
    assert step.out_pos == (1, 2)
    assert step.rows.tolist() == [2, 4]
    assert step.cols.tolist() == [4, 6]
    assert step.origin == (2, 4)
    # padded (6) on the right edge is zero: taps (2,4),(2,6),(4,4),(4,6) -> 1, 0, 1, 0
    np.testing.assert_array_equal(step.window, [[1, 0], [1, 0]])
    assert step.total == 2.0


def test_rectangular_strides_and_dilation():
    t = cl.sweep(np.zeros((9, 10)), np.ones((2, 3)), strides=(3, 2), dilation_rate=(2, 1))
    for step in t:
        i, j = step.out_pos
        assert step.rows.tolist() == [3 * i, 3 * i + 2]
        assert step.cols.tolist() == [2 * j, 2 * j + 1, 2 * j + 2]
    assert t.output_hw == cl.output_size((9, 10), (2, 3), (3, 2), "valid", (2, 1))


@st.composite
def sweep_cases(draw):
    h, w = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    kh, kw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    s = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    d = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    padding = draw(
        st.one_of(
            st.sampled_from(["valid", "same", "full"]),
            st.tuples(
                st.tuples(st.integers(0, 2), st.integers(0, 2)),
                st.tuples(st.integers(0, 2), st.integers(0, 2)),
            ),
        )
    )
    seed = draw(st.integers(0, 10_000))
    return (h, w), (kh, kw), s, d, padding, seed


@settings(max_examples=80, deadline=None)
@given(sweep_cases())
def test_every_step_matches_a_loop(case):
    (h, w), (kh, kw), s, d, padding, seed = case
    assume(0 not in cl.output_size((h, w), (kh, kw), s, padding, d))
    rng = np.random.default_rng(seed)
    x = rng.integers(-5, 6, size=(h, w)).astype(float)
    k = rng.integers(-3, 4, size=(kh, kw)).astype(float)
    x0, k0 = x.copy(), k.copy()
    t = cl.sweep(x, k, strides=s, padding=padding, dilation_rate=d)
    pads = cl.padding_amounts((h, w), (kh, kw), s, padding, d)
    assert t.padding == pads
    xp = padded_by_hand(x, pads)
    np.testing.assert_array_equal(t.padded, xp)
    oh, ow = t.output_hw
    assert len(t) == oh * ow
    steps = list(t)
    index = 0
    for i in range(oh):  # row by row, the order the outputs are produced
        for j in range(ow):
            step = steps[index]
            assert step.index == index and step.out_pos == (i, j)
            window = np.array(
                [[xp[i * s[0] + a * d[0], j * s[1] + b * d[1]] for b in range(kw)] for a in range(kh)]
            )
            np.testing.assert_array_equal(step.window, window)
            products = np.array([[window[a, b] * k[a, b] for b in range(kw)] for a in range(kh)])
            np.testing.assert_array_equal(step.products, products)
            assert step.total == sum(products[a, b] for a in range(kh) for b in range(kw))
            assert step.origin == (i * s[0], j * s[1])
            index += 1
    np.testing.assert_array_equal(t.output, cl.conv2d(x, k, None, s, padding, d))
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(k, k0)


@settings(max_examples=40, deadline=None)
@given(sweep_cases())
def test_output_matches_scipy(case):
    (h, w), (kh, kw), s, d, padding, seed = case
    assume(0 not in cl.output_size((h, w), (kh, kw), s, padding, d))
    rng = np.random.default_rng(seed)
    x, k = rng.standard_normal((h, w)), rng.standard_normal((kh, kw))
    t = cl.sweep(x, k, strides=s, padding=padding, dilation_rate=d)
    dilated = np.zeros((d[0] * (kh - 1) + 1, d[1] * (kw - 1) + 1))
    dilated[:: d[0], :: d[1]] = k
    want = correlate2d(padded_by_hand(x, t.padding), dilated, mode="valid")[:: s[0], :: s[1]]
    np.testing.assert_allclose(t.output, want, atol=1e-12)


def test_partial_output_fills_in_order():
    t = cl.sweep(np.arange(16.0).reshape(4, 4), np.ones((3, 3)))
    p = t.partial_output(1)
    np.testing.assert_array_equal(p[0], [45, 54])
    assert np.isnan(p[1]).all()
    np.testing.assert_array_equal(t.partial_output(99), t.output)


def test_trace_does_not_alias_inputs():
    x, k = np.ones((4, 4)), np.ones((2, 2))
    t = cl.sweep(x, k)
    x[...] = 5
    k[...] = 5
    assert t.output.tolist() == [[4.0] * 3] * 3


def test_negative_and_bad_step_indices():
    t = cl.sweep(np.ones((3, 3)), np.ones((2, 2)))
    assert t[-1].out_pos == (1, 1)
    with pytest.raises(IndexError, match=r"step.*0 to 3.*4 positions"):
        t[4]
    with pytest.raises(ValueError, match=r"step"):
        t.step(1.0)


@pytest.mark.parametrize(
    "args, kwargs, exc, pattern",
    [
        ((np.ones((3, 3, 1)), np.ones((2, 2))), {}, ValueError, r"weights must be 4-D.*\(H, W, C_in\) x"),
        ((np.ones((3, 3, 1, 1)), np.ones((2, 2))), {}, ValueError, r"x must be one channel.*\(3, 3, 1, 1\)"),
        ((np.ones((3, 3)), np.ones((2, 2, 1))), {}, ValueError, r"weights must be one 2-D \(kh, kw\) kernel"),
        ((np.ones((3, 3)), np.ones((4, 2))), {}, ValueError, r"kernel_size 4 spans 4 pixels.*only 3 tall"),
        ((np.ones((3, 3)), np.ones((2, 2))), {"dilation_rate": 3}, ValueError, r"dilation_rate 3 spans 4"),
        ((np.ones((3, 3)), np.ones((2, 2))), {"strides": 0}, ValueError, r"strides"),
        ((np.ones((3, 3)), np.ones((2, 2))), {"padding": "wide"}, ValueError, r"padding 'wide'.*'same'"),
        ((np.ones((3, 3)), np.ones((2, 2))), {"padding": -1}, ValueError, r"padding.*-1"),
        ((np.full((3, 3), "a"), np.ones((2, 2))), {}, TypeError, r"\bx\b"),
        ((np.ones((3, 3)), [[1, 2], [3]]), {}, TypeError, r"weights"),
        ((np.ones((3, 3)), np.ones((2, 2))), {"bias": 0.5}, ValueError, r"bias must be None when x is one"),
        ((np.ones((0, 3)), np.ones((2, 2))), {}, ValueError, r"empty"),
        ((np.ones((3, 3)), np.ones((2, 0))), {}, ValueError, r"empty"),
    ],
)
def test_bad_input_names_the_parameter(args, kwargs, exc, pattern):
    with pytest.raises(exc, match=pattern):
        cl.sweep(*args, **kwargs)


def test_huge_padding_refused_without_allocating():
    with pytest.raises(ValueError, match=r"padded input.*GiB"):
        cl.sweep(np.ones((3, 3)), np.ones((3, 3)), padding="full", dilation_rate=100_000)


@pytest.mark.parametrize(
    ("upto", "exc"),
    [
        (1.0, TypeError),
        (2.7, TypeError),
        (None, TypeError),
        ("1", TypeError),
        (True, TypeError),
        (-1, ValueError),
    ],
)
def test_partial_output_needs_an_int_step(upto, exc):
    t = cl.sweep(np.arange(16.0).reshape(4, 4), np.ones((3, 3)))
    with pytest.raises(exc, match=r"^upto must be an int step number from 0 to 3"):
        t.partial_output(upto)


def test_partial_output_takes_numpy_ints():
    t = cl.sweep(np.arange(16.0).reshape(4, 4), np.ones((3, 3)))
    np.testing.assert_array_equal(t.partial_output(np.int64(2)), [[45, 54], [81, np.nan]])


def test_complex_input_is_refused_not_cut_to_its_real_part():
    with pytest.raises(TypeError, match=r"^x must hold real numbers.*complex128"):
        cl.sweep(np.ones((4, 4)) + 2j, np.ones((2, 2)))
    with pytest.raises(TypeError, match=r"^weights must hold real numbers.*complex128"):
        cl.sweep(np.ones((4, 4)), np.ones((2, 2)) * 1j)


def test_strides_longer_than_the_input_give_one_step():
    x = np.arange(16.0).reshape(4, 4)
    t = cl.sweep(x, np.ones((3, 3)), strides=10**400)
    assert len(t) == 1 and t.output.tolist() == [[45.0]]  # 0+1+2+4+5+6+8+9+10


def test_step_errors_say_what_was_given():
    t = cl.sweep(np.ones((3, 3)), np.ones((2, 2)))
    with pytest.raises(IndexError, match=r"step must be an int from 0 to 3 .*got 2\.5"):
        t.step(2.5)


# ----------------------------------------------------------------------------- a whole layer, step by step
def loop_oracle(x, w, b, strides, pad, dilation):
    """Every output position of a layer, from the definition: explicit loops over taps and channels."""
    (t, bt), (lft, r) = pad
    xp = np.zeros((x.shape[0] + t + bt, x.shape[1] + lft + r, x.shape[2]))
    xp[t : t + x.shape[0], lft : lft + x.shape[1]] = x
    kh, kw, c_in, filters = w.shape
    oh = (xp.shape[0] - dilation * (kh - 1) - 1) // strides + 1
    ow = (xp.shape[1] - dilation * (kw - 1) - 1) // strides + 1
    steps = []
    for i in range(oh):
        for j in range(ow):
            sums = np.zeros((c_in, filters))
            for c in range(c_in):
                for f in range(filters):
                    for a in range(kh):
                        for q in range(kw):
                            sums[c, f] += (
                                xp[i * strides + a * dilation, j * strides + q * dilation, c] * w[a, q, c, f]
                            )
            steps.append(((i, j), sums, sums.sum(axis=0) + b))
    return steps


@settings(max_examples=60, deadline=None)
@given(
    h=st.integers(3, 7),
    w_=st.integers(3, 7),
    c_in=st.integers(1, 3),
    filters=st.integers(1, 3),
    k=st.integers(1, 3),
    strides=st.integers(1, 2),
    dilation=st.integers(1, 2),
    pad=st.integers(0, 2),
    seed=st.integers(0, 10_000),
)
def test_every_layer_step_matches_loops_from_the_definition(
    h, w_, c_in, filters, k, strides, dilation, pad, seed
):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 4, size=(h, w_, c_in)).astype(float)
    w = rng.integers(-1, 2, size=(k, k, c_in, filters)).astype(float)
    b = rng.integers(-2, 3, size=filters).astype(float)
    if dilation * (k - 1) + 1 > min(h, w_) + 2 * pad:
        return
    t = cl.sweep(x, w, b, strides=strides, padding=pad, dilation_rate=dilation)
    want = loop_oracle(x, w, b, strides, ((pad, pad), (pad, pad)), dilation)
    assert len(t) == len(want)
    out = cl.conv2d(x, w, b, strides=strides, padding=pad, dilation_rate=dilation)
    for step, (pos, sums, total) in zip(t, want, strict=True):
        assert step.out_pos == pos
        assert step.window.shape == (k, k, c_in) and step.products.shape == (k, k, c_in, filters)
        np.testing.assert_array_equal(step.channel_sums, sums)
        np.testing.assert_array_equal(step.total, total)
        np.testing.assert_allclose(step.total, out[pos], atol=1e-12)
        np.testing.assert_array_equal(step.products.sum(axis=(0, 1)), step.channel_sums)


def test_layer_steps_against_scipy_per_channel():
    signal = pytest.importorskip("scipy.signal")
    rng = np.random.default_rng(3)
    x, w, b = rng.normal(size=(7, 6, 3)), rng.normal(size=(3, 2, 3, 2)), rng.normal(size=2)
    t = cl.sweep(x, w, b)
    for f in range(2):
        per_channel = [signal.correlate2d(x[..., c], w[:, :, c, f], mode="valid") for c in range(3)]
        for st_ in t:
            for c in range(3):
                assert st_.channel_sums[c, f] == pytest.approx(per_channel[c][st_.out_pos])
            assert st_.total[f] == pytest.approx(sum(m[st_.out_pos] for m in per_channel) + b[f])


def test_the_two_channel_worked_example_gives_56():
    """d2l's multi-input-channel example: two 3x3 channels, two 2x2 kernels -> [[56, 72], [104, 120]]."""
    x = np.stack([np.arange(9.0).reshape(3, 3), np.arange(1.0, 10.0).reshape(3, 3)], axis=-1)
    k = np.stack([np.array([[0.0, 1], [2, 3]]), np.array([[1.0, 2], [3, 4]])], axis=-1)[..., None]
    t = cl.sweep(x, k)
    first = t[0]
    assert first.channel_sums[:, 0].tolist() == [19.0, 37.0]  # 0·0+1·1+3·2+4·3 and 1·1+2·2+4·3+5·4
    assert first.total.tolist() == [56.0]
    assert [s.total[0] for s in t] == [56.0, 72.0, 104.0, 120.0]
    assert first.bias.tolist() == [0.0]


def test_a_layer_step_is_computed_only_when_asked_for():
    x = np.zeros((1500, 1500, 2))
    t = cl.sweep(x, np.ones((3, 3, 2, 2)), [1.0, -1.0])
    assert len(t) == 1498 * 1498  # a whole trace would hold millions of windows
    step = t[len(t) // 2]
    assert step.out_pos == (749, 0) and step.total.tolist() == [1.0, -1.0]
    assert t[-1].out_pos == (1497, 1497)


def test_layer_sweep_bad_input_reads_like_conv2d():
    with pytest.raises(ValueError, match=r"x has C_in=2 channels but each filter in weights holds 3 kernels"):
        cl.sweep(np.ones((4, 4, 2)), np.ones((2, 2, 3, 1)))
    with pytest.raises(ValueError, match=r"bias must have shape \(filters,\) = \(2,\)"):
        cl.sweep(np.ones((4, 4, 1)), np.ones((2, 2, 1, 2)), [1.0])
    with pytest.raises(ValueError, match=r"weights must be 4-D"):
        cl.sweep(np.ones((4, 4, 1)), np.ones((2, 2, 1)))
    with pytest.raises(ValueError, match=r"kernel_size 5 spans 5 pixels"):
        cl.sweep(np.ones((4, 4, 1)), np.ones((5, 5, 1, 1)))
    x = np.ones((4, 4, 1))
    x.setflags(write=False)
    t = cl.sweep(x, np.ones((2, 2, 1, 1)), [0.5], padding="same")
    assert t[0].total.tolist() == [4.5] and t.padding == ((0, 1), (0, 1))
