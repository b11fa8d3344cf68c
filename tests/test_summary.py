"""``cl.summary``: a chain of layers counted by hand, and checked by running the chain."""

from __future__ import annotations

import numpy as np
import pytest

import convlesson as cl


def test_rgb_then_8_then_16_filters_by_hand():
    s = cl.summary((32, 32, 3), [cl.Conv2D(8, 3), cl.Conv2D(16, 3)])
    first, second = s.rows
    assert (first.input_shape, first.filter_shape, first.filters, first.kernels) == (
        (32, 32, 3),
        (3, 3, 3),
        8,
        24,
    )
    assert first.params == 8 * (3 * 3 * 3) + 8 == 224 and first.output_shape == (30, 30, 8)
    # each layer-2 filter holds layer 1's 8 maps' worth of kernels
    assert (second.filter_shape, second.filters, second.kernels) == ((3, 3, 8), 16, 128)
    assert second.params == 16 * (3 * 3 * 8) + 16 == 1168 and second.output_shape == (28, 28, 16)
    assert (s.total_kernels, s.total_params) == (152, 1392)
    text = str(s)
    for word in ("filter shape", "kernels", "(3, 3, 8)", "1,168", "1,392", "152"):
        assert word in text


def test_the_famous_18496():
    s = cl.summary((32, 32, 32), [cl.Conv2D(64, 3)])
    assert s.total_params == 18_496 and s.rows[0].kernels == 64 * 32


def test_the_article_example_with_a_batch():
    s = cl.summary((4, 28, 28, 3), [cl.Conv2D(2, 3, activation="relu")])
    assert s.rows[0].output_shape == (4, 26, 26, 2) and s.total_params == 56


def test_shapes_agree_with_running_the_chain():
    layers = [cl.Conv2D(4, 3, padding="same"), cl.Conv2D(6, (3, 2), strides=2), cl.Conv2D(2, 1, groups=2)]
    s = cl.summary((11, 9, 2), layers)
    x = np.random.default_rng(0).normal(size=(11, 9, 2))
    for row, layer in zip(s.rows, layers, strict=True):
        assert row.input_shape == x.shape
        x = layer(x)
        assert row.output_shape == x.shape
        assert row.params == layer.param_count and row.kernels == layer.n_kernels
        assert row.filter_shape == layer.filter(0).shape


def test_a_layer_built_for_other_channels_is_named():
    with pytest.raises(ValueError, match=r"layers\[1\] was built for C_in=3 channels.*has 8"):
        cl.summary((16, 16, 3), [cl.Conv2D(8, 3), cl.Conv2D(4, 3, c_in=3)])
    with pytest.raises(TypeError, match="layers must be a list"):
        cl.summary((16, 16, 3), cl.Conv2D(8, 3))
    with pytest.raises(TypeError, match=r"layers\[0\] must be a cl.Conv2D"):
        cl.summary((16, 16, 3), ["conv"])
    with pytest.raises(ValueError, match="input_shape"):
        cl.summary((16, 3), [cl.Conv2D(8, 3)])
    with pytest.raises(ValueError, match="kernel_size 5 spans 5"):
        cl.summary((4, 4, 3), [cl.Conv2D(8, 5)])
