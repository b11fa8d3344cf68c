"""The Conv2D layer: its filters and kernels, its forward pass and the per-filter decomposition."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.signal import correlate2d

import convlesson as cl


def channel_map(x_channel, kernel, strides=(1, 1)):
    """One kernel swept over one channel ('valid' padding), by scipy."""
    return correlate2d(x_channel, kernel, mode="valid")[:: strides[0], :: strides[1]]


# --------------------------------------------------------------------------- the article's layer
def test_seed_layer_shapes_and_counts():
    x = np.random.default_rng(0).standard_normal((4, 28, 28, 3))
    layer = cl.Conv2D(2, 3, activation="relu")
    out = layer(x)
    assert out.shape == (4, 26, 26, 2)
    assert (out >= 0).all()
    assert layer.kernel.shape == (3, 3, 3, 2)
    assert layer.filter(0).shape == (3, 3, 3)  # a filter is 3-D: one kernel per input channel
    assert layer.kernel_for(1, 2).shape == (3, 3)  # a kernel is 2-D
    assert layer.n_kernels == 6  # filters x C_in
    assert layer.param_count == 2 * (3 * 3 * 3) + 2 == 56
    assert layer.param_count == cl.param_count(3, 3, 2)
    assert layer.output_shape((4, 28, 28, 3)) == (4, 26, 26, 2)


def test_filter_and_kernel_are_slices_of_the_weights():
    layer = cl.Conv2D(4, (3, 2), c_in=3, seed=3)
    w = layer.kernel
    for j in range(4):
        np.testing.assert_array_equal(layer.filter(j), w[:, :, :, j])
        for c in range(3):
            np.testing.assert_array_equal(layer.kernel_for(j, c), w[:, :, c, j])
            np.testing.assert_array_equal(layer.kernel_for(j, c), layer.filter(j)[:, :, c])


@pytest.mark.parametrize(
    "c_in, filters, groups, kernel_size, use_bias",
    [(3, 2, 1, 3, True), (4, 6, 2, (3, 5), True), (8, 8, 8, 3, False), (6, 3, 3, 1, True)],
)
def test_counts_by_hand(c_in, filters, groups, kernel_size, use_bias):
    layer = cl.Conv2D(filters, kernel_size, groups=groups, use_bias=use_bias, c_in=c_in)
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    assert layer.n_kernels == filters * c_in // groups
    assert layer.kernels_per_filter == c_in // groups
    assert layer.filter(0).shape == (kh, kw, c_in // groups)
    # count the weights one by one through the public accessors
    by_hand = sum(layer.filter(j).size for j in range(filters)) + (filters if use_bias else 0)
    assert layer.param_count == by_hand == cl.param_count(kernel_size, c_in, filters, use_bias, groups)
    assert (layer.bias is None) == (not use_bias)


def test_groups_channels_and_kernel_for():
    layer = cl.Conv2D(6, 3, groups=3, c_in=6)
    # 6 filters in 3 groups of 2; input channels in 3 groups of 2
    assert [layer.channels_of(j) for j in range(6)] == [(0, 1), (0, 1), (2, 3), (2, 3), (4, 5), (4, 5)]
    assert layer.kernel_for(3, 2).shape == (3, 3)
    np.testing.assert_array_equal(layer.kernel_for(3, 3), layer.kernel[:, :, 1, 3])
    with pytest.raises(IndexError, match=r"channel c=0.*filter 3.*2\.\.3"):
        layer.kernel_for(3, 0)
    with pytest.raises(ValueError, match=r"channel c=4"):  # also a ValueError: it is bad input
        layer.kernel_for(3, 4)
    with pytest.raises(ValueError, match=r"filter index j.*0 to 5.*6"):
        layer.filter(6)
    with pytest.raises(IndexError, match=r"filter index j"):
        layer.filter(-1)


# --------------------------------------------------------------------------- weights
def test_seed_makes_weights_reproducible():
    a = cl.Conv2D(3, 3, c_in=2, seed=7)
    b = cl.Conv2D(3, 3, c_in=2, seed=7)
    c = cl.Conv2D(3, 3, c_in=2, seed=8)
    np.testing.assert_array_equal(a.kernel, b.kernel)
    np.testing.assert_array_equal(a.bias, b.bias)
    assert not np.array_equal(a.kernel, c.kernel)
    lazy = cl.Conv2D(3, 3, seed=7)
    lazy(np.zeros((5, 5, 2)))
    np.testing.assert_array_equal(lazy.kernel, a.kernel)


def test_given_weights_are_copied_not_aliased():
    k = np.arange(3 * 3 * 2 * 4, dtype=float).reshape(3, 3, 2, 4)
    b = np.array([1.0, 2.0, 3.0, 4.0])
    k0, b0 = k.copy(), b.copy()
    layer = cl.Conv2D(4, 3, kernel=k, bias=b)
    k[...] = -1
    b[...] = -1
    np.testing.assert_array_equal(layer.kernel, k0)
    np.testing.assert_array_equal(layer.bias, b0)
    # what the layer hands out is a copy too
    layer.kernel[...] = 0
    layer.bias[...] = 0
    layer.filter(0)[...] = 0
    layer.kernel_for(0, 0)[...] = 0
    np.testing.assert_array_equal(layer.kernel, k0)
    np.testing.assert_array_equal(layer.bias, b0)


def test_given_kernel_without_bias_starts_biases_at_zero():
    layer = cl.Conv2D(2, 1, kernel=np.ones((1, 1, 3, 2)))
    np.testing.assert_array_equal(layer.bias, [0.0, 0.0])
    assert layer.c_in == 3


def test_given_bias_survives_building_on_first_call():
    layer = cl.Conv2D(2, 1, bias=[5.0, -5.0])
    out = layer(np.zeros((2, 2, 3)))
    np.testing.assert_array_equal(layer.bias, [5.0, -5.0])
    np.testing.assert_array_equal(out[..., 0], 5.0)
    np.testing.assert_array_equal(out[..., 1], -5.0)


def test_inputs_not_modified_read_only_ok():
    x = np.random.default_rng(1).standard_normal((5, 5, 2))
    x.setflags(write=False)
    x0 = x.copy()
    layer = cl.Conv2D(2, 3, activation="relu", c_in=2)
    layer(x)
    layer.decompose(x, 1)
    np.testing.assert_array_equal(x, x0)


# --------------------------------------------------------------------------- forward pass
def test_forward_against_scipy_with_relu():
    rng = np.random.default_rng(2)
    x = rng.standard_normal((2, 7, 6, 3))
    layer = cl.Conv2D(4, (3, 2), strides=(2, 1), activation="ReLU", c_in=3, seed=5)
    w, b = layer.kernel, layer.bias
    want = np.stack(
        [
            np.stack(
                [
                    sum(channel_map(img[..., c], w[:, :, c, f], (2, 1)) for c in range(3)) + b[f]
                    for f in range(4)
                ],
                axis=-1,
            )
            for img in x
        ]
    )
    np.testing.assert_allclose(layer(x), np.maximum(want, 0), atol=1e-12)
    assert (want < 0).any()  # the ReLU had something to do


@settings(max_examples=50, deadline=None)
@given(
    n=st.sampled_from([None, 1, 2]),
    hw=st.tuples(st.integers(3, 7), st.integers(3, 7)),
    ks=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    groups=st.sampled_from([1, 2]),
    cg=st.integers(1, 3),
    fg=st.integers(1, 2),
    strides=st.integers(1, 2),
    padding=st.sampled_from(["valid", "same", "full", 1]),
    dilation=st.integers(1, 2),
    activation=st.sampled_from([None, "relu"]),
    use_bias=st.booleans(),
    seed=st.integers(0, 1000),
)
def test_decomposition_adds_up_to_the_layer(
    n, hw, ks, groups, cg, fg, strides, padding, dilation, activation, use_bias, seed
):
    assume(0 not in cl.output_size(hw, ks, strides, padding, dilation))
    c_in, filters = cg * groups, fg * groups
    layer = cl.Conv2D(
        filters, ks, strides, padding, dilation, use_bias, groups, activation, c_in=c_in, seed=seed
    )
    shape = (*hw, c_in) if n is None else (n, *hw, c_in)
    x = np.random.default_rng(seed).standard_normal(shape)
    out = layer(x)
    direct = cl.conv2d(x, layer.kernel, layer.bias, strides, padding, dilation, groups)
    np.testing.assert_allclose(out, direct if activation is None else np.maximum(direct, 0), atol=1e-12)
    for j in range(filters):
        dec = layer.decompose(x, j)
        assert dec.channels == layer.channels_of(j)
        assert dec.channel_maps.shape[-3] == cg  # one map per kernel of the filter
        for k, c in enumerate(dec.channels):
            # each map is one kernel swept over one channel, on its own
            images = [x] if n is None else list(x)
            alone = [
                cl.conv2d(img[..., c], layer.kernel_for(j, c), None, strides, padding, dilation)
                for img in images
            ]
            alone = alone[0] if n is None else np.stack(alone)
            np.testing.assert_allclose(dec.channel_maps[..., k, :, :], alone, atol=1e-12)
        np.testing.assert_allclose(dec.summed, dec.channel_maps.sum(axis=-3), atol=1e-12)
        b = layer.bias[j] if use_bias else 0.0
        assert dec.bias == b
        np.testing.assert_allclose(dec.biased, dec.summed + b, atol=1e-12)
        np.testing.assert_allclose(dec.output, np.maximum(dec.biased, 0) if activation else dec.biased)
        np.testing.assert_allclose(dec.output, out[..., j], atol=1e-12)


# --------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    "kwargs, exc, pattern",
    [
        ({"filters": 0}, ValueError, r"filters.*0"),
        ({"filters": 2.0}, TypeError, r"filters.*2\.0"),
        ({"filters": True}, TypeError, r"filters.*True"),
        ({"kernel_size": 0}, ValueError, r"kernel_size"),
        ({"strides": 0}, ValueError, r"strides"),
        ({"dilation_rate": 1.5}, TypeError, r"dilation_rate"),
        ({"padding": "half"}, ValueError, r"padding 'half'.*'valid', 'same', 'full'"),
        ({"padding": -1}, ValueError, r"padding.*-1"),
        ({"use_bias": 1}, TypeError, r"use_bias"),
        ({"groups": 0}, ValueError, r"groups.*0"),
        ({"groups": 2, "c_in": 3}, ValueError, r"groups=2.*C_in=3"),
        ({"activation": "tanh"}, ValueError, r"activation.*'relu'.*'tanh'"),
        ({"seed": 1.5}, TypeError, r"seed"),
        ({"c_in": 0}, ValueError, r"c_in.*0"),
        ({"c_in": 2.0}, TypeError, r"c_in.*2\.0"),
        (
            {"kernel": np.zeros((3, 3, 2))},
            ValueError,
            r"kernel must have shape \(kh, kw, C_in/groups, filters\)",
        ),
        ({"kernel": np.zeros((3, 3, 2, 3))}, ValueError, r"kernel must have shape.*\(3, 3, 2, 3\)"),
        ({"kernel": np.zeros((3, 3, 2, 2)), "c_in": 3}, ValueError, r"c_in=3.*C_in=2"),
        ({"kernel": np.full((3, 3, 2, 2), "a")}, TypeError, r"kernel"),
        ({"bias": [1.0, 2.0, 3.0]}, ValueError, r"bias.*\(2,\).*\(3,\)"),
        ({"bias": [1.0, 2.0], "use_bias": False}, ValueError, r"bias.*use_bias=False"),
    ],
)
def test_bad_construction_names_the_parameter(kwargs, exc, pattern):
    args = {"filters": 2, "kernel_size": 3} | kwargs
    with pytest.raises(exc, match=pattern):
        cl.Conv2D(**args)


def test_bad_calls_name_the_parameter():
    layer = cl.Conv2D(2, 3, c_in=3)
    with pytest.raises(ValueError, match=r"x has 4 channels.*C_in=3"):
        layer(np.zeros((5, 5, 4)))
    with pytest.raises(ValueError, match=r"\bx\b.*\(5, 5\)"):
        layer(np.zeros((5, 5)))
    with pytest.raises(TypeError, match=r"\bx\b.*real numbers"):
        layer(np.full((5, 5, 3), "a"))
    with pytest.raises(ValueError, match=r"kernel_size 3 spans 3 pixels.*only 2"):
        layer(np.zeros((2, 5, 3)))
    unbuilt = cl.Conv2D(2, 3)
    with pytest.raises(ValueError, match=r"no weights yet.*c_in"):
        _ = unbuilt.kernel


@pytest.mark.parametrize(
    "kwargs, exc, pattern",
    [
        ({"seed": -1}, ValueError, r"^seed must be a non-negative int, got -1; for example seed=0"),
        ({"seed": np.int64(-5)}, ValueError, r"^seed must be a non-negative int"),
        ({"seed": None}, TypeError, r"^seed must be a non-negative int, got None"),
        ({"seed": [1, 2]}, TypeError, r"^seed must be a non-negative int"),
        ({"seed": True}, TypeError, r"^seed must be a non-negative int"),
        ({"activation": np.array(["relu"])}, ValueError, r"^activation must be None or 'relu'"),
        ({"kernel": np.zeros((3, 3, 3, 2)) + 5j}, TypeError, r"^kernel must hold real numbers.*complex"),
        ({"bias": np.zeros(2) + 5j}, TypeError, r"^bias must hold real numbers.*complex"),
        ({"use_bias": np.array([True])}, TypeError, r"^use_bias must be True or False"),
    ],
)
def test_more_bad_construction_names_the_parameter(kwargs, exc, pattern):
    args = {"filters": 2, "kernel_size": 3, "c_in": 3} | kwargs
    if "kernel" in kwargs:
        del args["c_in"]
    with pytest.raises(exc, match=pattern):
        cl.Conv2D(**args)


@pytest.mark.parametrize(
    "args, kwargs, pattern",
    [
        ((10**12, 3), {"c_in": 3}, r"weights of Conv2D\(filters=1000000000000, .* 201165\.7 GiB"),
        ((2, 10**6), {"c_in": 3}, r"weights of Conv2D.*kernel_size=\(1000000, 1000000\).* GiB"),
        ((2, 3), {"c_in": 10**12}, r"for c_in=1000000000000 .* GiB"),
        ((10**400, 3), {"c_in": 3}, r"filters=<an int of about 401 digits>"),
    ],
)
def test_weights_too_large_to_make_are_refused_before_making_them(args, kwargs, pattern):
    # (3, 3, 3, 10**12) float64 weights: 27e12 * 8 bytes = 216e12 / 2**30 = 201,165.7 GiB
    with pytest.raises(ValueError, match=pattern):
        cl.Conv2D(*args, **kwargs)
    unbuilt = cl.Conv2D(*args)
    with pytest.raises(ValueError, match=r"would need .* GiB \(more than 2 GiB\)"):
        unbuilt.build(kwargs["c_in"])
    with pytest.raises(ValueError, match="no weights yet"):  # nothing half-made is left behind
        _ = unbuilt.kernel


def test_numpy_scalars_are_taken_as_their_python_values():
    plain = cl.Conv2D(2, 3, use_bias=True, c_in=3, seed=4)
    numpy = cl.Conv2D(np.int64(2), np.int32(3), use_bias=np.bool_(True), c_in=np.int64(3), seed=np.uint8(4))
    np.testing.assert_array_equal(plain.kernel, numpy.kernel)
    np.testing.assert_array_equal(plain.bias, numpy.bias)
    assert repr(plain) == repr(numpy)
    assert type(numpy.use_bias) is bool and type(numpy.seed) is int
    assert cl.Conv2D(2, 3, use_bias=np.bool_(False), c_in=3).bias is None


def test_complex_inputs_are_refused_not_cut_to_their_real_part():
    layer = cl.Conv2D(2, 3, c_in=3)
    x = np.ones((5, 5, 3)) + 1j
    with pytest.raises(TypeError, match=r"^x must hold real numbers.*complex128"):
        layer(x)
    with pytest.raises(TypeError, match=r"^x must hold real numbers.*complex128"):
        layer.decompose(x, 0)
    with pytest.raises(TypeError, match=r"^x must hold real numbers"):
        cl.Conv2D(2, 3)(x)


def test_output_shape_of_a_built_layer_checks_the_channels():
    layer = cl.Conv2D(2, 3, c_in=3)
    assert layer.output_shape((28, 28, 3)) == (26, 26, 2)
    with pytest.raises(ValueError, match=r"input_shape \(28, 28, 4\) has 4 channels.*C_in=3"):
        layer.output_shape((28, 28, 4))
    assert cl.Conv2D(2, 3).output_shape((28, 28, 4)) == (26, 26, 2)  # not built: any C_in will do
    with pytest.raises(ValueError, match=r"kernel_size 3 spans 3 pixels, but the padded input is only 2"):
        layer.output_shape((2, 28, 3))


def test_an_empty_input_is_refused_naming_x():
    with pytest.raises(ValueError, match=r"^x must not have an empty dimension, got shape \(0, 6, 3\)"):
        cl.Conv2D(2, 3, c_in=3).decompose(np.zeros((0, 6, 3)), 0)


# ----------------------------------------------------------------------------- stable weights
def test_adding_a_filter_or_a_channel_leaves_every_other_kernel_as_it_was():
    base = cl.Conv2D(2, 3, c_in=3, seed=7)
    more_filters = cl.Conv2D(3, 3, c_in=3, seed=7)
    more_channels = cl.Conv2D(2, 3, c_in=4, seed=7)
    for j in range(2):
        np.testing.assert_array_equal(more_filters.filter(j), base.filter(j))
        np.testing.assert_array_equal(more_channels.filter(j)[..., :3], base.filter(j))
        for c in range(3):
            np.testing.assert_array_equal(more_channels.kernel_for(j, c), base.kernel_for(j, c))
    np.testing.assert_array_equal(more_filters.bias[:2], base.bias)
    # grouped layers hand out the same kernel (j, c) as ordinary ones
    grouped, dense = cl.Conv2D(4, 3, groups=2, c_in=4, seed=7), cl.Conv2D(4, 3, c_in=4, seed=7)
    for j in range(4):
        for c in grouped.channels_of(j):
            np.testing.assert_array_equal(grouped.kernel_for(j, c), dense.kernel_for(j, c))


def test_stable_weights_change_with_the_seed_and_the_kernel_size_only():
    a, b = cl.Conv2D(2, 3, c_in=2, seed=0), cl.Conv2D(2, 3, c_in=2, seed=1)
    assert not np.allclose(a.weights, b.weights)
    assert cl.Conv2D(2, (3, 3), c_in=2, seed=0).weights.tolist() == a.weights.tolist()
    five = cl.Conv2D(2, 5, c_in=2, seed=0)
    assert five.weights.shape == (5, 5, 2, 2)
    kernels = [a.kernel_for(j, c) for j in range(2) for c in range(2)]
    assert len({k.tobytes() for k in kernels}) == 4, "every kernel has numbers of its own"


def test_stable_weights_look_uniform_within_their_limit():
    w = cl.Conv2D(64, 3, c_in=32, seed=3).weights
    limit = np.sqrt(3 / 9)
    assert np.abs(w).max() <= limit and np.abs(w).max() > 0.99 * limit
    assert abs(w.mean()) < 0.01 and w.std() == pytest.approx(limit / np.sqrt(3), rel=0.02)
    hist, _ = np.histogram(w, bins=10, range=(-limit, limit))
    assert hist.min() > 0.9 * hist.mean()  # flat, as uniform numbers are


def test_weights_is_the_4d_tensor_keras_calls_kernel():
    layer = cl.Conv2D(2, 3, c_in=3)
    np.testing.assert_array_equal(layer.weights, layer.kernel)
    assert layer.weights.shape == (3, 3, 3, 2)
    np.testing.assert_array_equal(layer.weights[:, :, 2, 1], layer.kernel_for(1, 2))
    w = layer.weights
    w[...] = 0
    assert layer.weights.any(), "weights is a copy"
