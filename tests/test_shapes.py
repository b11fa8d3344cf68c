"""Shape arithmetic: output sizes, padding amounts, output shapes and parameter counts.

Checked by brute force (counting the windows that actually fit), against hand-worked cases, and
against what conv2d really produces.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import convlesson as cl

SETTINGS = settings(max_examples=100, deadline=None)


def count_windows(size: int, k: int, s: int, d: int, before: int, after: int) -> int:
    """Slide a window over the padded axis one position at a time and count where it fits."""
    taps = [d * t for t in range(k)]
    count = 0
    for start in range(-before, size + after):
        if start % s != (-before) % s:  # the window moves by s pixels from the first position
            continue
        if all(-before <= start + t < size + after for t in taps):
            count += 1
    return count


# --------------------------------------------------------------------------- hand-worked cases
def test_seed_example():
    # 28 - 3 + 1 = 26 on each side; batch and filters carried through
    assert cl.output_shape((4, 28, 28, 3), 3, 2) == (4, 26, 26, 2)
    assert cl.output_shape((28, 28, 3), kernel_size=3, filters=2) == (26, 26, 2)
    assert cl.output_size(28, 3) == 26


@pytest.mark.parametrize(
    "size, k, s, d, expected",
    [
        (6, 3, 2, 1, (0, 1)),  # out 3; windows 0-2, 2-4, 4-6 need 7 pixels: 1 extra, after
        (5, 3, 2, 1, (1, 1)),  # out 3; windows need (3-1)*2+3 = 7 pixels: 2 extra, one each side
        (5, 3, 1, 1, (1, 1)),  # the classic "same" for a 3x3 kernel
        (4, 2, 1, 1, (0, 1)),  # even kernel: 1 extra pixel, after
        (7, 3, 3, 1, (1, 1)),  # out 3; (3-1)*3+3 = 9 pixels: 2 extra
        (8, 3, 3, 1, (0, 1)),  # out 3; 9 pixels: 1 extra, after
        (9, 3, 3, 1, (0, 0)),  # out 3; 9 pixels: nothing extra
        (10, 1, 4, 1, (0, 0)),  # out 3; (3-1)*4+1 = 9 <= 10: no padding
        (5, 3, 1, 2, (2, 2)),  # dilated span 5: 4 extra
        (2, 5, 1, 1, (2, 2)),  # kernel larger than the input
    ],
)
def test_tf_same_padding_by_hand(size, k, s, d, expected):
    assert cl.padding_amounts(size, k, strides=s, padding="same", dilation_rate=d) == expected
    assert cl.output_size(size, k, strides=s, padding="same", dilation_rate=d) == -(-size // s)


def test_full_and_explicit_padding_by_hand():
    assert cl.padding_amounts(5, 3, padding="full") == (2, 2)
    assert cl.padding_amounts(5, 3, padding="full", dilation_rate=2) == (4, 4)
    assert cl.output_size(5, 3, padding="full") == 7  # 5 + 2 + 2 - 3 + 1
    assert cl.output_size(7, 3, strides=2, padding=1) == 4  # (7 + 2 - 3) // 2 + 1
    assert cl.padding_amounts((5, 6), 3, padding=((0, 2), (3, 1))) == ((0, 2), (3, 1))
    assert cl.output_size((5, 6), 3, padding=((0, 2), (3, 1))) == (5, 8)


def test_padding_words_are_case_insensitive():
    for word in ("SAME", "Same", "sAmE"):
        assert cl.padding_amounts(6, 3, strides=2, padding=word) == (0, 1)
    assert cl.output_size(6, 3, padding="VALID") == 4
    assert cl.output_size(6, 3, padding="Full") == 8


def test_pairs_give_pairs():
    assert cl.output_size((28, 20), (3, 5)) == (26, 16)
    assert cl.output_size(28, (3, 5), strides=(1, 2)) == (26, 12)
    assert cl.padding_amounts((6, 5), 3, strides=2, padding="same") == ((0, 1), (1, 1))
    # padding given per axis describes both axes, so the answer does too
    assert cl.output_size(7, 3, padding=(1, 2)) == (7, 9)
    assert cl.padding_amounts(7, 3, padding=((0, 1), (2, 3))) == ((0, 1), (2, 3))


def test_kernel_larger_than_input_gives_zero():
    assert cl.output_size(4, 5) == 0
    assert cl.output_size(4, 3, dilation_rate=2) == 0  # span 5 > 4
    assert cl.output_size(4, 3, dilation_rate=2, padding=1) == 2  # 6 - 5 + 1


def test_output_size_formula_by_hand():
    assert cl.output_size_formula(28, 3) == "H' = ⌊(28 + 0 + 0 − 3)/1⌋ + 1 = 26"
    assert cl.output_size_formula(6, 3, strides=2, padding="same", symbol="W").endswith("= 3")
    assert "(2·2+1)" in cl.output_size_formula(9, 3, dilation_rate=2)
    assert "no output" in cl.output_size_formula(2, 3)


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"kernel_size": 3, "c_in": 3, "filters": 2}, 56),  # 2 * (3*3*3) + 2, the article's layer
        ({"kernel_size": 3, "c_in": 3, "filters": 2, "use_bias": False}, 54),
        ({"kernel_size": (3, 5), "c_in": 4, "filters": 8}, 8 * 3 * 5 * 4 + 8),  # 488
        ({"kernel_size": 3, "c_in": 256, "filters": 64}, 64 * 9 * 256 + 64),  # 147520
        ({"kernel_size": 3, "c_in": 4, "filters": 6, "groups": 2}, 6 * 9 * 2 + 6),  # 114
        ({"kernel_size": 3, "c_in": 8, "filters": 8, "groups": 8}, 8 * 9 + 8),  # depthwise: 80
    ],
)
def test_param_count_by_hand(kwargs, expected):
    assert cl.param_count(**kwargs) == expected


# --------------------------------------------------------------------------- brute force
@st.composite
def axis_settings(draw):
    size = draw(st.integers(1, 30))
    k = draw(st.integers(1, 7))
    s = draw(st.integers(1, 5))
    d = draw(st.integers(1, 4))
    padding = draw(st.one_of(st.sampled_from(["valid", "same", "full"]), st.integers(0, 6)))
    return size, k, s, d, padding


@SETTINGS
@given(axis_settings())
def test_output_size_counts_the_windows_that_fit(setting):
    size, k, s, d, padding = setting
    before, after = cl.padding_amounts(size, k, s, padding, d)
    if isinstance(padding, int):
        assert (before, after) == (padding, padding)
    elif padding == "valid":
        assert (before, after) == (0, 0)
    elif padding == "full":
        assert before == after == d * (k - 1)
    assert cl.output_size(size, k, s, padding, d) == count_windows(size, k, s, d, before, after)


@SETTINGS
@given(axis_settings())
def test_same_padding_is_the_least_that_gives_ceil_size_over_strides(setting):
    size, k, s, d, _ = setting
    before, after = cl.padding_amounts(size, k, s, "same", d)
    want = -(-size // s)
    assert count_windows(size, k, s, d, before, after) == want
    assert before <= after <= before + 1  # the odd pixel goes after
    total = before + after
    if total > 0:  # one pixel less would lose the last window
        assert count_windows(size, k, s, d, 0, total - 1) < want


@settings(max_examples=60, deadline=None)
@given(
    st.tuples(st.integers(1, 3), st.integers(1, 12), st.integers(1, 12), st.integers(1, 3)),
    st.tuples(st.integers(1, 4), st.integers(1, 4)),
    st.integers(1, 3),
    st.tuples(st.integers(1, 3), st.integers(1, 3)),
    st.tuples(st.integers(1, 3), st.integers(1, 3)),
    st.one_of(st.sampled_from(["valid", "same", "full"]), st.tuples(st.integers(0, 3), st.integers(0, 3))),
)
def test_output_shape_is_what_conv2d_produces(input_shape, kernel_size, filters, strides, dilation, padding):
    hw = cl.output_size(input_shape[1:3], kernel_size, strides, padding, dilation)
    x = np.zeros(input_shape)
    k = np.zeros((*kernel_size, input_shape[-1], filters))
    if 0 in hw:  # no output at all: both refuse, in the same words
        with pytest.raises(ValueError, match="so there is no output") as refused_shape:
            cl.output_shape(input_shape, kernel_size, filters, strides, padding, dilation)
        with pytest.raises(ValueError, match="so there is no output") as refused_conv:
            cl.conv2d(x, k, None, strides, padding, dilation)
        assert str(refused_shape.value) == str(refused_conv.value)
        return
    shape = cl.output_shape(input_shape, kernel_size, filters, strides, padding, dilation)
    assert shape == (input_shape[0], *hw, filters)
    assert cl.conv2d(x, k, None, strides, padding, dilation).shape == shape
    assert cl.conv2d(x[0], k, None, strides, padding, dilation).shape == shape[1:]


@settings(max_examples=60, deadline=None)
@given(
    st.tuples(st.integers(1, 5), st.integers(1, 5)),
    st.integers(1, 4),
    st.integers(1, 4),
    st.sampled_from([1, 2, 3]),
    st.booleans(),
)
def test_param_count_counts_the_weights(kernel_size, cg, fg, groups, use_bias):
    c_in, filters = cg * groups, fg * groups
    # every weight of the layer, one by one: filter f holds C_in/groups kernels of kh*kw weights
    weights = sum(
        1
        for _f in range(filters)
        for _c in range(c_in // groups)
        for _i in range(kernel_size[0])
        for _j in range(kernel_size[1])
    )
    biases = filters if use_bias else 0
    assert cl.param_count(kernel_size, c_in, filters, use_bias, groups) == weights + biases


# --------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    "call, exc, pattern",
    [
        (lambda: cl.output_size(0, 3), ValueError, r"size.*at least 1.*0"),
        (lambda: cl.output_size(5.0, 3), TypeError, r"size.*5\.0"),
        (lambda: cl.output_size(5, 0), ValueError, r"kernel_size.*at least 1"),
        (lambda: cl.output_size(5, (3, 3, 3)), TypeError, r"kernel_size.*\(h, w\) pair"),
        (lambda: cl.output_size(5, 3, strides=0), ValueError, r"strides.*at least 1.*0"),
        (lambda: cl.output_size(5, 3, strides=-1), ValueError, r"strides.*-1"),
        (lambda: cl.output_size(5, 3, strides=1.0), TypeError, r"strides.*1\.0.*float"),
        (lambda: cl.output_size(5, 3, strides=True), TypeError, r"strides.*True.*bool"),
        (lambda: cl.output_size(5, 3, dilation_rate=0), ValueError, r"dilation_rate.*at least 1"),
        (lambda: cl.output_size(5, 3, dilation_rate=(1, 0.5)), TypeError, r"dilation_rate"),
        (lambda: cl.output_size(5, 3, padding=-1), ValueError, r"padding.*-1.*negative"),
        (lambda: cl.output_size(5, 3, padding=(1, -2)), ValueError, r"padding.*-2"),
        (lambda: cl.output_size(5, 3, padding=((1, 1), (0, -1))), ValueError, r"padding right.*-1"),
        (lambda: cl.output_size(5, 3, padding="half"), ValueError, r"'half'.*'valid', 'same', 'full'"),
        (lambda: cl.output_size(5, 3, padding=2.5), TypeError, r"padding 2\.5"),
        (lambda: cl.output_size(5, 3, padding=True), TypeError, r"padding True"),
        (lambda: cl.padding_amounts(5, 3, padding="causal"), ValueError, r"padding 'causal'.*'valid'"),
        (lambda: cl.output_shape((28, 28), 3, 2), ValueError, r"input_shape.*\(H, W, C_in\)"),
        (lambda: cl.output_shape((4, 28, 0, 3), 3, 2), ValueError, r"input_shape.*positive"),
        (lambda: cl.output_shape((28, 28, 3), 3, 0), ValueError, r"filters.*0"),
        (lambda: cl.output_shape((28, 28, 3), 3, 2.0), TypeError, r"filters.*2\.0"),
        (lambda: cl.param_count(3, 0, 2), ValueError, r"c_in.*0"),
        (lambda: cl.param_count(3, 3, -2), ValueError, r"filters.*-2"),
        (lambda: cl.param_count(3, 3, 2, groups=2), ValueError, r"groups=2.*c_in=3.*filters=2"),
        (lambda: cl.param_count(3, 3, 2, groups=0), ValueError, r"groups.*0"),
        (lambda: cl.param_count(3, 3, 2, use_bias="no"), TypeError, r"use_bias.*'no'"),
        (lambda: cl.param_count(3, "3", 2), TypeError, r"c_in.*'3'"),
    ],
)
def test_bad_input_names_the_parameter(call, exc, pattern):
    with pytest.raises(exc, match=pattern):
        call()


def test_numpy_ints_are_accepted():
    assert cl.output_size(np.int64(28), np.int32(3), strides=np.int8(1)) == 26
    assert cl.output_shape((np.int64(4), 28, 28, 3), 3, np.int64(2)) == (4, 26, 26, 2)
    assert all(type(v) is int for v in cl.output_shape((np.int64(4), 28, 28, 3), 3, np.int64(2)))


# --------------------------------------------------------------------------- one rule, every axis
def test_output_size_formula_uses_the_axis_its_symbol_names():
    # (28, 20) with a 3-wide kernel: 28 - 3 + 1 = 26 rows, 20 - 3 + 1 = 18 columns
    assert cl.output_size_formula((28, 20), 3, symbol="H").endswith("= 26")
    assert cl.output_size_formula((28, 20), 3, symbol="W") == "W' = ⌊(20 + 0 + 0 − 3)/1⌋ + 1 = 18"
    assert cl.output_size_formula((28, 20), 3, symbol="w").startswith("W' = ⌊(20 ")
    # a (3, 5) kernel on 28 x 28: 26 rows, 24 columns; strides (1, 2): ⌊(28 − 3)/2⌋ + 1 = 13 columns
    assert cl.output_size_formula(28, (3, 5), symbol="W").endswith("− 5)/1⌋ + 1 = 24")
    assert cl.output_size_formula(28, 3, strides=(1, 2), symbol="W").endswith("/2⌋ + 1 = 13")
    # dilation (1, 2): the width's taps span 2·2 + 1 = 5 pixels, 28 − 5 + 1 = 24
    assert cl.output_size_formula(28, 3, dilation_rate=(1, 2), symbol="W").endswith("(2·2+1))/1⌋ + 1 = 24")
    # explicit padding (h, w) = (0, 2): the width gets 2 zeros each side, 28 + 4 − 3 + 1 = 30
    assert cl.output_size_formula(28, 3, padding=(0, 2), symbol="W") == "W' = ⌊(28 + 2 + 2 − 3)/1⌋ + 1 = 30"
    assert cl.output_size_formula(28, 3, padding=(0, 2), symbol="H").endswith("(28 + 0 + 0 − 3)/1⌋ + 1 = 26")


@settings(max_examples=60, deadline=None)
@given(
    st.tuples(st.integers(1, 12), st.integers(1, 12)),
    st.tuples(st.integers(1, 4), st.integers(1, 4)),
    st.tuples(st.integers(1, 3), st.integers(1, 3)),
    st.tuples(st.integers(1, 2), st.integers(1, 2)),
)
def test_output_size_formula_ends_with_the_windows_counted_on_its_axis(size, k, s, d):
    for axis, symbol in ((0, "H"), (1, "W")):
        text = cl.output_size_formula(size, k, s, "valid", d, symbol=symbol)
        count = count_windows(size[axis], k[axis], s[axis], d[axis], 0, 0)
        assert text.startswith(f"{symbol}' = ⌊({size[axis]} + 0 + 0")
        assert text.endswith(f"= {count}") if count else text.endswith("so no output")


@pytest.mark.parametrize("symbol", ["X", "", "HW", None, 1, b"H"])
def test_output_size_formula_symbol_must_be_h_or_w(symbol):
    with pytest.raises(ValueError, match=r"^symbol must be 'H' .* or 'W'"):
        cl.output_size_formula(28, 3, symbol=symbol)


def test_output_shape_refuses_a_kernel_that_does_not_fit_like_conv2d():
    want = r"kernel_size 9 spans 9 pixels, but the padded input is only 5 tall, so there is no output"
    with pytest.raises(ValueError, match=want):
        cl.output_shape((5, 5, 3), 9, 2)
    with pytest.raises(ValueError, match=want):
        cl.conv2d(np.zeros((5, 5, 3)), np.zeros((9, 9, 3, 2)))
    with pytest.raises(ValueError, match=r"dilation_rate 3 spans 7 pixels.*only 6 wide"):
        cl.output_shape((1, 9, 6, 1), (1, 3), 1, dilation_rate=(1, 3))
    # output_size counts positions: there are none, and it says so with a 0
    assert cl.output_size(5, 9) == 0 and cl.output_size(2, 3) == 0
    assert cl.output_shape((5, 5, 3), 9, 2, padding="same") == (5, 5, 2)  # padding makes room


@pytest.mark.parametrize(
    "call, exc, pattern",
    [
        (lambda: cl.output_size(float("nan"), 3), TypeError, r"^size .*nan"),
        (lambda: cl.output_size(float("inf"), 3), TypeError, r"^size .*inf"),
        (lambda: cl.output_size((True, 5), 3), TypeError, r"^size "),
        (lambda: cl.output_size(5, 3 + 0j), TypeError, r"^kernel_size .*complex"),
        (lambda: cl.output_shape((28, 28, 3 + 0j), 3, 2), TypeError, r"^input_shape .*complex"),
        (lambda: cl.output_shape((28, 28.0, 3), 3, 2), TypeError, r"^input_shape .*float"),
        (lambda: cl.output_shape((28, 28, True), 3, 2), TypeError, r"^input_shape .*bool"),
        (lambda: cl.param_count(3 + 0j, 3, 2), TypeError, r"^kernel_size .*complex"),
        (lambda: cl.param_count(3, 3, 2, use_bias=1), TypeError, r"^use_bias must be True or False"),
        (lambda: cl.output_size(10**400, 3, strides=0), ValueError, r"^strides must be at least 1"),
        (lambda: cl.output_size(3, -(10**400)), ValueError, r"-<an int of about 401 digits>"),
    ],
)
def test_more_bad_input_names_the_parameter(call, exc, pattern):
    with pytest.raises(exc, match=pattern):
        call()


def test_numpy_bools_are_accepted_where_bools_are():
    assert cl.param_count(3, 3, 2, use_bias=np.bool_(False)) == 54
    assert cl.param_count(3, 3, 2, use_bias=np.bool_(True)) == 56


def test_huge_sizes_are_plain_arithmetic():
    n = 10**400
    assert cl.output_size(n, 3) == n - 2
    assert cl.output_shape((n, 5, 1), 3, 1) == (n - 2, 3, 1)
