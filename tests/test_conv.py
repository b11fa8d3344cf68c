"""conv2d and the weight-layout converters, checked against oracles that do not share its code.

Oracles: ``scipy.signal.correlate2d`` per channel (with a dilated kernel, ``np.pad`` padding and
slicing for strides), an explicit loop written from the definition, and small cases worked by hand.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from scipy.signal import correlate2d

import convlesson as cl

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --------------------------------------------------------------------------- oracles
def spec_pads(size: int, k: int, s: int, d: int, padding) -> tuple[int, int]:
    """Padding along one axis, written from the documented rules (not from the package)."""
    span = d * (k - 1) + 1
    if padding == "valid":
        return (0, 0)
    if padding == "full":
        return (span - 1, span - 1)
    if padding == "same":
        out = math.ceil(size / s)
        total = max((out - 1) * s + span - size, 0)
        before = total // 2  # the smaller half before, the odd pixel after
        return (before, total - before)
    raise AssertionError(padding)


def explicit_pads(hw, kernel_hw, strides, dilation, padding):
    """((top, bottom), (left, right)) for any accepted padding, from the rules above."""
    if isinstance(padding, str):
        return tuple(spec_pads(hw[a], kernel_hw[a], strides[a], dilation[a], padding.lower()) for a in (0, 1))
    if isinstance(padding, int):
        return ((padding, padding), (padding, padding))
    if isinstance(padding[0], int):
        return ((padding[0], padding[0]), (padding[1], padding[1]))
    return (tuple(padding[0]), tuple(padding[1]))


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def scipy_conv2d(x, kernel, bias=None, strides=1, padding="valid", dilation_rate=1, groups=1):
    """Per-channel scipy cross-correlation, summed over each filter's channels."""
    x = np.asarray(x, dtype=float)
    kernel = np.asarray(kernel, dtype=float)
    batched = x.ndim == 4
    if not batched:
        x = x[None]
    n, h, w, c_in = x.shape
    kh, kw, cg, filters = kernel.shape
    s, d = pair(strides), pair(dilation_rate)
    (t, b), (left, r) = explicit_pads((h, w), (kh, kw), s, d, padding)
    dilated = np.zeros((d[0] * (kh - 1) + 1, d[1] * (kw - 1) + 1, cg, filters))
    dilated[:: d[0], :: d[1]] = kernel
    fg = filters // groups
    maps = []
    for img in x:
        padded = np.pad(img, ((t, b), (left, r), (0, 0)))
        per_filter = []
        for f in range(filters):
            g = f // fg
            total = sum(
                correlate2d(padded[:, :, g * cg + c], dilated[:, :, c, f], mode="valid") for c in range(cg)
            )
            per_filter.append(total[:: s[0], :: s[1]] + (0.0 if bias is None else bias[f]))
        maps.append(np.stack(per_filter, axis=-1))
    out = np.stack(maps)
    return out if batched else out[0]


def loop_conv2d(x, kernel, bias, strides, pads, dilation_rate, groups):
    """out[n, i, j, f] = bias[f] + sum over taps (a, b) and channels c of filter f's group of
    x_padded[n, i*sh + a*dh, j*sw + b*dw, c] * kernel[a, b, c - first channel of the group, f]."""
    n, h, w, c_in = x.shape
    kh, kw, cg, filters = kernel.shape
    (sh, sw), (dh, dw) = strides, dilation_rate
    (t, bt), (left, r) = pads
    hp, wp = h + t + bt, w + left + r

    def xp(nn, row, col, c):  # the zero-padded input, by its definition
        row, col = row - t, col - left
        return x[nn, row, col, c] if 0 <= row < h and 0 <= col < w else 0.0

    oh = 0
    while oh * sh + dh * (kh - 1) < hp:
        oh += 1
    ow = 0
    while ow * sw + dw * (kw - 1) < wp:
        ow += 1
    out = np.zeros((n, oh, ow, filters))
    fg = filters // groups
    for nn in range(n):
        for i in range(oh):
            for j in range(ow):
                for f in range(filters):
                    g = f // fg
                    acc = 0.0 if bias is None else float(bias[f])
                    for a in range(kh):
                        for b in range(kw):
                            for c in range(cg):
                                acc += (
                                    xp(nn, i * sh + a * dh, j * sw + b * dw, g * cg + c) * kernel[a, b, c, f]
                                )
                    out[nn, i, j, f] = acc
    return out


# --------------------------------------------------------------------------- hand-worked cases
def test_seed_sweep_by_hand():
    # x = [[ 0  1  2  3]      3x3 ones sums each 3x3 block:
    #      [ 4  5  6  7]      top-left     0+1+2+4+5+6+8+9+10     = 45
    #      [ 8  9 10 11]      top-right    1+2+3+5+6+7+9+10+11    = 54
    #      [12 13 14 15]]     bottom-left  4+5+6+8+9+10+12+13+14  = 81
    #                         bottom-right 5+6+7+9+10+11+13+14+15 = 90
    x = np.arange(16.0).reshape(4, 4)
    np.testing.assert_array_equal(cl.conv2d(x, np.ones((3, 3))), [[45, 54], [81, 90]])


def test_cross_correlation_not_convolution_by_hand():
    # x = [[1 2]   kernel [[1 0]   no flip: 1*1 + 4*(-1) = -3;  flipped kernel [[-1 0], [0 1]]: -1 + 4 = 3
    #      [3 4]]          [0 -1]]
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    k = np.array([[1.0, 0.0], [0.0, -1.0]])
    assert cl.conv2d(x, k).tolist() == [[-3.0]]
    assert cl.conv2d(x, k[::-1, ::-1]).tolist() == [[3.0]]


def test_same_odd_total_puts_extra_pixel_after_by_hand():
    # size 4, k 2, strides 1, 'same': total 1 -> 0 before, 1 after. With a [1, 1] row kernel,
    # x = [1 2 3 4] gives [1+2, 2+3, 3+4, 4+0] = [3 5 7 4] (the zero is on the right).
    x = np.array([[1.0, 2.0, 3.0, 4.0]])
    out = cl.conv2d(x, np.ones((1, 2)), padding="same")
    assert out.tolist() == [[3.0, 5.0, 7.0, 4.0]]


def test_same_strided_by_hand():
    # size 6, k 3, s 2, 'same': out 3, total (3-1)*2+3-6 = 1 -> (0, 1).
    # windows start at 0, 2, 4 over [0 1 2 3 4 5 | 0]: sums 0+1+2=3, 2+3+4=9, 4+5+0=9
    x = np.arange(6.0)[None, :]
    assert cl.conv2d(x, np.ones((1, 3)), strides=2, padding="same").tolist() == [[3.0, 9.0, 9.0]]


def test_dilation_by_hand():
    # [0 1 2 3 4 5 6] with kernel [1 10 100] at dilation 2: taps at p, p+2, p+4
    # p=0: 0 + 20 + 400 = 420; p=1: 1 + 30 + 500 = 531; p=2: 2 + 40 + 600 = 642
    x = np.arange(7.0)[None, :]
    out = cl.conv2d(x, np.array([[1.0, 10.0, 100.0]]), dilation_rate=2)
    assert out.tolist() == [[420.0, 531.0, 642.0]]


def test_rgb_filter_sums_its_kernels_by_hand():
    # 1x1 image with R=1, G=2, B=3; one 1x1 filter with kernels (weights) 10, 20, 30 and bias 0.5:
    # 1*10 + 2*20 + 3*30 + 0.5 = 140.5
    x = np.array([[[1.0, 2.0, 3.0]]])
    k = np.array([10.0, 20.0, 30.0]).reshape(1, 1, 3, 1)
    assert cl.conv2d(x, k, bias=[0.5]).tolist() == [[[140.5]]]


def test_seed_keras_example_shape():
    rng = np.random.default_rng(1)
    x = rng.random((4, 28, 28, 3))
    k = rng.standard_normal((3, 3, 3, 2))
    assert cl.conv2d(x, k).shape == (4, 26, 26, 2)


# --------------------------------------------------------------------------- scipy oracle
CASES = [
    # (x shape, kernel shape, strides, padding, dilation, groups)
    ((7, 9, 3), (3, 3, 3, 2), 1, "valid", 1, 1),
    ((2, 7, 9, 3), (3, 2, 3, 4), 1, "valid", 1, 1),
    ((2, 8, 8, 4), (3, 3, 2, 6), 1, "same", 1, 2),
    ((1, 8, 7, 4), (3, 3, 1, 4), 2, "same", 1, 4),  # depthwise
    ((6, 6, 2), (3, 3, 2, 3), 2, "same", 1, 1),  # total 1: (0, 1)
    ((9, 10, 2), (2, 4, 2, 3), (2, 3), "same", 1, 1),  # rectangular, odd totals
    ((9, 10, 2), (3, 2, 2, 3), 1, "same", (2, 3), 1),
    ((3, 11, 12, 2), (3, 3, 2, 2), (2, 1), "SAME", 2, 1),
    ((5, 6, 3), (3, 2, 3, 2), 1, "full", 1, 1),
    ((5, 6, 3), (2, 3, 3, 2), (2, 3), "full", (2, 1), 1),
    ((5, 6, 2), (3, 3, 2, 2), 1, ((0, 2), (3, 1)), 1, 1),  # explicit asymmetric
    ((2, 5, 6, 6), (2, 3, 2, 6), (1, 2), (1, 2), 1, 3),
    ((5, 6, 2), (3, 3, 2, 1), 3, 2, 1, 1),
    ((4, 4, 1), (4, 4, 1, 1), 1, "valid", 1, 1),  # kernel as large as the input
    ((6, 8, 2), (1, 1, 2, 5), (2, 3), "same", 1, 1),  # 1x1 kernels
]


@pytest.mark.parametrize("xs, ks, strides, padding, dilation, groups", CASES)
def test_matches_scipy(xs, ks, strides, padding, dilation, groups):
    rng = np.random.default_rng(abs(hash((xs, ks))) % 2**32)
    x = rng.standard_normal(xs)
    k = rng.standard_normal(ks)
    b = rng.standard_normal(ks[-1])
    got = cl.conv2d(x, k, b, strides=strides, padding=padding, dilation_rate=dilation, groups=groups)
    want = scipy_conv2d(x, k, b, strides, padding, dilation, groups)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


def test_single_channel_matches_scipy_and_is_2d():
    rng = np.random.default_rng(3)
    x, k = rng.standard_normal((9, 7)), rng.standard_normal((3, 2))
    got = cl.conv2d(x, k)
    assert got.ndim == 2
    np.testing.assert_allclose(got, correlate2d(x, k, mode="valid"), rtol=1e-12, atol=1e-12)
    # a true convolution is the cross-correlation with the flipped kernel (docstring's note)
    from scipy.signal import convolve2d

    np.testing.assert_allclose(cl.conv2d(x, k[::-1, ::-1]), convolve2d(x, k, mode="valid"), atol=1e-12)
    np.testing.assert_allclose(cl.conv2d(x, k, padding="full"), correlate2d(x, k, mode="full"), atol=1e-12)


def test_large_input_crosses_block_boundaries():
    """An input big enough to be processed in several blocks of rows and images."""
    rng = np.random.default_rng(5)
    x = rng.standard_normal((3, 90, 80, 5))
    k = rng.standard_normal((3, 4, 5, 7))
    got = cl.conv2d(x, k, strides=(2, 1), padding="same", dilation_rate=(1, 2))
    want = scipy_conv2d(x, k, None, (2, 1), "same", (1, 2), 1)
    np.testing.assert_allclose(got, want, rtol=1e-11, atol=1e-11)


@pytest.mark.parametrize("dtype", [np.uint8, np.int32, np.float32, bool])
def test_integer_bool_and_float32_inputs_give_float64(dtype):
    rng = np.random.default_rng(7)
    x = (rng.random((6, 5, 2)) * 200).astype(dtype)
    k = rng.integers(-3, 4, size=(2, 2, 2, 3)).astype(dtype if dtype is not np.uint8 else np.int16)
    got = cl.conv2d(x, k)
    assert got.dtype == np.float64
    np.testing.assert_allclose(got, scipy_conv2d(x.astype(float), k.astype(float)), rtol=1e-12)


def test_lists_are_accepted():
    assert cl.conv2d([[1, 2], [3, 4]], [[1, 1], [1, 1]]).tolist() == [[10.0]]


# --------------------------------------------------------------------------- loop oracle (hypothesis)
@st.composite
def conv_cases(draw):
    groups = draw(st.sampled_from([1, 1, 2, 3]))
    cg = draw(st.integers(1, 2))
    fg = draw(st.integers(1, 2))
    n = draw(st.integers(1, 2))
    h, w = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    kh, kw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    s = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    d = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    padding = draw(
        st.one_of(
            st.sampled_from(["valid", "same", "full", "Same"]),
            st.integers(0, 2),
            st.tuples(st.integers(0, 2), st.integers(0, 2)),
            st.tuples(
                st.tuples(st.integers(0, 2), st.integers(0, 2)),
                st.tuples(st.integers(0, 2), st.integers(0, 2)),
            ),
        )
    )
    seed = draw(st.integers(0, 2**32 - 1))
    return n, (h, w), (kh, kw), s, d, padding, groups, cg, fg, seed


@SETTINGS
@given(conv_cases())
def test_matches_loop_definition(case):
    n, (h, w), (kh, kw), s, d, padding, groups, cg, fg, seed = case
    pads = explicit_pads((h, w), (kh, kw), s, d, padding)
    fits = all(
        dd * (kk - 1) + 1 <= size + sum(p) for dd, kk, size, p in zip(d, (kh, kw), (h, w), pads, strict=True)
    )
    rng = np.random.default_rng(seed)
    x = rng.integers(-4, 5, size=(n, h, w, cg * groups)).astype(float)
    k = rng.integers(-3, 4, size=(kh, kw, cg, fg * groups)).astype(float)
    b = rng.integers(-3, 4, size=fg * groups).astype(float)
    if not fits:
        with pytest.raises(ValueError, match=r"kernel_size.*spans \d+ pixels.*padded input is only \d+"):
            cl.conv2d(x, k, b, s, padding, d, groups)
        assert 0 in cl.output_size((h, w), (kh, kw), s, padding, d)
        return
    got = cl.conv2d(x, k, b, s, padding, d, groups)
    want = loop_conv2d(x, k, b, s, pads, d, groups)
    assert got.shape == want.shape
    assert got.shape[1:3] == cl.output_size((h, w), (kh, kw), s, padding, d)
    np.testing.assert_array_equal(got, want)  # small integers: exact in float64


@SETTINGS
@given(conv_cases())
def test_unbatched_equals_first_of_batch(case):
    n, (h, w), (kh, kw), s, d, padding, groups, cg, fg, seed = case
    assume(0 not in cl.output_size((h, w), (kh, kw), s, padding, d))
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, h, w, cg * groups))
    k = rng.standard_normal((kh, kw, cg, fg * groups))
    batch = cl.conv2d(x, k, None, s, padding, d, groups)
    for i in range(n):
        # equal up to rounding: the matrix products may group the sums differently
        np.testing.assert_allclose(
            cl.conv2d(x[i], k, None, s, padding, d, groups), batch[i], rtol=1e-13, atol=1e-13
        )


# --------------------------------------------------------------------------- NaN propagation
@pytest.mark.parametrize(
    "strides, padding, dilation, groups",
    [(1, "valid", 1, 1), (2, "same", 1, 1), (1, "same", 2, 1), ((1, 2), ((1, 0), (2, 1)), (2, 1), 2)],
)
def test_nan_reaches_exactly_the_windows_that_cover_it(strides, padding, dilation, groups):
    rng = np.random.default_rng(11)
    h, w, c_in, filters, kh, kw = 9, 8, 4, 4, 3, 2
    x = rng.standard_normal((h, w, c_in))
    k = rng.standard_normal((kh, kw, c_in // groups, filters))
    k[0, 0] = 0.0  # a zero weight still carries NaN (0 * NaN is NaN), as in every framework
    r, c, ch = 4, 3, 1
    x[r, c, ch] = np.nan
    out = cl.conv2d(x, k, strides=strides, padding=padding, dilation_rate=dilation, groups=groups)
    s, d = pair(strides), pair(dilation)
    (t, _), (left, _) = explicit_pads((h, w), (kh, kw), s, d, padding)
    fg = filters // groups
    cg = c_in // groups
    expected = np.zeros(out.shape, dtype=bool)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            taps = {
                (i * s[0] + a * d[0] - t, j * s[1] + b * d[1] - left) for a in range(kh) for b in range(kw)
            }
            if (r, c) in taps:
                for f in range(filters):
                    expected[i, j, f] = (f // fg) == ch // cg
    assert expected.any()
    np.testing.assert_array_equal(np.isnan(out), expected)


# --------------------------------------------------------------------------- inputs are left alone
def test_inputs_not_modified_and_read_only_inputs_work():
    rng = np.random.default_rng(2)
    x = rng.standard_normal((2, 6, 6, 4))
    k = rng.standard_normal((3, 3, 2, 4))
    b = rng.standard_normal(4)
    copies = [a.copy() for a in (x, k, b)]
    first = cl.conv2d(x, k, b, strides=2, padding="same", groups=2)
    for a, c in zip((x, k, b), copies, strict=True):
        np.testing.assert_array_equal(a, c)
    for a in (x, k, b):
        a.setflags(write=False)
    again = cl.conv2d(x, k, b, strides=2, padding="same", groups=2)
    np.testing.assert_array_equal(first, again)
    again[...] = 0  # the result is the caller's own array
    for a, c in zip((x, k, b), copies, strict=True):
        np.testing.assert_array_equal(a, c)


def test_result_does_not_alias_input():
    x = np.ones((3, 3, 1))
    out = cl.conv2d(x, np.ones((1, 1, 1, 1)))
    out[...] = 7
    assert (x == 1).all()


# --------------------------------------------------------------------------- bad input
X3 = np.zeros((6, 6, 3))
K3 = np.zeros((3, 3, 3, 2))


@pytest.mark.parametrize(
    "kwargs, exc, pattern",
    [
        ({"x": np.zeros(5)}, ValueError, r"\bx\b.*1 dimensions"),
        ({"x": np.zeros((1, 2, 3, 4, 5))}, ValueError, r"\bx\b.*5 dimensions"),
        ({"x": np.zeros((6, 6))}, ValueError, r"2-D x.*2-D \(kh, kw\) kernel"),
        ({"kernel": np.zeros((3, 3, 3))}, ValueError, r"kernel must be 4-D.*kernel\[\.\.\., None\]"),
        ({"x": np.zeros((6, 6, 4))}, ValueError, r"C_in=4.*kernel.*3"),
        ({"groups": 2}, ValueError, r"groups=2.*C_in=3"),
        ({"kernel": np.zeros((3, 3, 1, 2)), "groups": 3}, ValueError, r"groups=3.*filters=2.*\[1\]"),
        ({"groups": 0}, ValueError, r"groups"),
        ({"groups": 1.0}, TypeError, r"groups"),
        ({"groups": True}, TypeError, r"groups"),
        ({"strides": 0}, ValueError, r"strides.*at least 1.*0"),
        ({"strides": -2}, ValueError, r"strides.*-2"),
        ({"strides": 1.5}, TypeError, r"strides.*1\.5"),
        ({"strides": True}, TypeError, r"strides.*bool"),
        ({"strides": (1, 2, 3)}, TypeError, r"strides.*\(h, w\) pair"),
        ({"dilation_rate": 0}, ValueError, r"dilation_rate.*at least 1"),
        ({"dilation_rate": 2.0}, TypeError, r"dilation_rate"),
        ({"dilation_rate": (1, False)}, TypeError, r"dilation_rate"),
        ({"padding": -1}, ValueError, r"padding.*-1.*negative"),
        ({"padding": ((0, 1), (-1, 0))}, ValueError, r"padding left.*-1"),
        ({"padding": 1.5}, TypeError, r"padding.*1\.5"),
        ({"padding": "half"}, ValueError, r"padding 'half'.*'valid', 'same', 'full'"),
        ({"padding": None}, TypeError, r"padding None.*'valid'"),
        ({"padding": (1, 2, 3)}, TypeError, r"padding"),
        ({"kernel": np.zeros((7, 3, 3, 2))}, ValueError, r"kernel_size 7 spans 7 pixels.*only 6 tall"),
        ({"dilation_rate": 3}, ValueError, r"kernel_size 3 with dilation_rate 3 spans 7 pixels.*only 6"),
        (
            {"kernel": np.zeros((3, 5, 3, 2)), "padding": ((0, 0), (0, 0)), "dilation_rate": (1, 2)},
            ValueError,
            r"kernel_size 5 with dilation_rate 2 spans 9 pixels.*only 6 wide",
        ),
        ({"bias": np.zeros(3)}, ValueError, r"bias.*\(2,\).*\(3,\)"),
        ({"bias": np.zeros((2, 1))}, ValueError, r"bias.*\(2, 1\)"),
        ({"bias": ["a", "b"]}, TypeError, r"bias.*dtype"),
        ({"x": np.full((6, 6, 3), "a")}, TypeError, r"\bx\b.*real numbers.*<U1"),
        ({"x": np.zeros((6, 6, 3), dtype=object)}, TypeError, r"\bx\b.*object"),
        ({"x": [[1, 2], [3]]}, TypeError, r"\bx\b.*rectangular"),
        ({"kernel": np.zeros((3, 3, 3, 2), dtype=complex)}, TypeError, r"kernel.*real numbers"),
        ({"kernel": "abc"}, TypeError, r"kernel"),
        ({"x": np.zeros((0, 6, 3))}, ValueError, r"empty"),
        ({"kernel": np.zeros((3, 3, 3, 0))}, ValueError, r"empty"),
    ],
)
def test_bad_input_names_the_parameter(kwargs, exc, pattern):
    args = {"x": X3, "kernel": K3} | kwargs
    with pytest.raises(exc, match=pattern):
        cl.conv2d(**args)


def test_huge_output_refused_without_allocating():
    # 1e5 x 1e5 pixels: the output alone would need ~150 GiB, a view of one number stands in for x
    x = np.broadcast_to(np.zeros((1, 1, 1, 1)), (2, 100_000, 100_000, 1))
    with pytest.raises(ValueError, match=r"output of shape \(2, 99998, 99998, 2\) would need \d+\.\d GiB"):
        cl.conv2d(x, np.zeros((3, 3, 1, 2)))


def test_huge_padded_input_refused_without_allocating():
    # a tiny output (strides 1000) but the zero-padded copy of the input would be ~200 GiB
    x = np.broadcast_to(np.zeros((1, 1, 1)), (20_000, 20_000, 64))
    with pytest.raises(ValueError, match=r"padded input of shape \(1, 20002, 20002, 64\) would need .*GiB"):
        cl.conv2d(x, np.zeros((3, 3, 64, 1)), strides=1000, padding=1)


# --------------------------------------------------------------------------- layout converters
@SETTINGS
@given(
    st.tuples(st.integers(1, 4), st.integers(1, 4), st.integers(1, 4), st.integers(1, 4)),
    st.integers(0, 2**32 - 1),
)
def test_keras_torch_round_trip_and_index_mapping(shape, seed):
    w_keras = np.random.default_rng(seed).standard_normal(shape)
    before = w_keras.copy()
    w_torch = cl.keras_to_torch(w_keras)
    kh, kw, c, f = shape
    assert w_torch.shape == (f, c, kh, kw)
    for ff in range(f):
        for cc in range(c):
            for i in range(kh):
                for j in range(kw):
                    assert w_torch[ff, cc, i, j] == w_keras[i, j, cc, ff]
    np.testing.assert_array_equal(cl.torch_to_keras(w_torch), w_keras)
    np.testing.assert_array_equal(w_keras, before)
    assert not np.shares_memory(w_torch, w_keras)


def test_torch_layout_conv_matches_keras_layout():
    """A convolution written in PyTorch's NCHW / (out, in, kh, kw) layout agrees after conversion."""
    rng = np.random.default_rng(4)
    x_nchw = rng.standard_normal((2, 3, 6, 5))
    w_torch = rng.standard_normal((4, 3, 3, 2))
    want = np.zeros((2, 4, 4, 4))
    for n in range(2):
        for o in range(4):
            want[n, o] = sum(correlate2d(x_nchw[n, c], w_torch[o, c], mode="valid") for c in range(3))
    got = cl.conv2d(x_nchw.transpose(0, 2, 3, 1), cl.torch_to_keras(w_torch))
    np.testing.assert_allclose(got.transpose(0, 3, 1, 2), want, atol=1e-12)


@pytest.mark.parametrize("fn, name", [(cl.keras_to_torch, "kernel"), (cl.torch_to_keras, "weight")])
def test_converters_reject_bad_input(fn, name):
    with pytest.raises(ValueError, match=rf"{name} must be 4-D"):
        fn(np.zeros((3, 3, 3)))
    with pytest.raises(TypeError, match=name):
        fn(np.full((1, 1, 1, 1), "x"))


@pytest.mark.parametrize("fn, name", [(cl.keras_to_torch, "kernel"), (cl.torch_to_keras, "weight")])
def test_converters_reject_complex_and_empty_weights(fn, name):
    with pytest.raises(TypeError, match=rf"^{name} must hold real numbers.*complex128"):
        fn(np.zeros((3, 3, 2, 2)) + 1j)
    with pytest.raises(
        ValueError, match=rf"^{name} must not have an empty dimension, got shape \(3, 3, 0, 2\)"
    ):
        fn(np.zeros((3, 3, 0, 2)))


# --------------------------------------------------------------------------- absurd sizes
def test_absurd_padding_is_refused_with_a_readable_size():
    # 10**400 zero pixels on each side: measured exactly, never converted to a float
    with pytest.raises(
        ValueError, match=r"output of shape .* would need <an int of about \d+ digits> GiB.*padding"
    ):
        cl.conv2d(X3, K3, padding=10**400)
    with pytest.raises(ValueError, match=r"^groups=<an int of about 401 digits> must divide both C_in=3"):
        cl.conv2d(X3, K3, groups=10**400)


@pytest.mark.parametrize("strides", [6, 7, 10**6, 10**400, (10**400, 1)])
def test_strides_longer_than_the_input_leave_the_first_window(strides):
    # each axis strided beyond the input keeps only its first window: scipy's first row/column
    rng = np.random.default_rng(11)
    x, k = rng.standard_normal((6, 6, 3)), rng.standard_normal((3, 3, 3, 2))
    got = cl.conv2d(x, k, strides=strides)
    sh, sw = (strides, strides) if isinstance(strides, int) else strides
    for f in range(2):
        want = sum(correlate2d(x[:, :, c], k[:, :, c, f], mode="valid") for c in range(3))  # (4, 4)
        rows, cols = range(0, 4, sh), range(0, 4, sw)
        np.testing.assert_allclose(got[..., f], want[np.ix_(rows, cols)], atol=1e-12)


def test_ragged_lists_are_refused_even_where_numpy_only_warns():
    # numpy before 1.24 makes an object array of a ragged list, with a VisibleDeprecationWarning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(TypeError, match=r"^x must be a rectangular array of numbers"):
            cl.conv2d([[1.0, 2.0], [3.0]], np.ones((1, 1)))
