"""The scene and the named filters: what they show, and that asking for more never changes what was there."""

from __future__ import annotations

import numpy as np
import pytest

import convlesson as cl
from convlesson.core.samples import NAMED_FILTERS, filter_bank, named_filter, scene, scene_channel_names


def test_the_scene_is_colourful_where_its_shapes_are():
    img = scene(40, 3)
    assert img.shape == (40, 40, 3) and img.min() >= 0 and img.max() <= 1
    red, green, blue, yellow, background = img[12, 12], img[11, 29], img[30, 12], img[29, 29], img[1, 1]
    assert red[0] > 0.8 and red[1] < 0.2 and red[2] < 0.2
    assert green[1] > 0.7 and green[0] < 0.2
    assert blue[2] > 0.9 and blue[0] < 0.2
    assert yellow[0] > 0.8 and yellow[1] == yellow[0] and yellow[2] < 0.2  # as red as it is green
    assert background.max() < 0.15
    # a colourful picture: its channels differ (the bundled photo's R, G and B nearly agree)
    assert np.abs(img[..., 0] - img[..., 1]).mean() > 0.15


def test_more_channels_only_add_channels():
    three = scene(24, 3)
    for c_in in (1, 2, 4, 8):
        more = scene(24, c_in)
        n = min(3, c_in)
        np.testing.assert_array_equal(more[..., :n], three[..., :n])
    np.testing.assert_array_equal(scene(24, 8)[..., :5], scene(24, 5))
    assert scene_channel_names(5) == ["R", "G", "B", "c3", "c4"] and scene_channel_names(1) == ["R"]


def test_levels_give_small_whole_numbers():
    img = scene(6, 4, levels=3)
    assert set(np.unique(img)) <= {0.0, 1.0, 2.0, 3.0} and img.max() == 3
    np.testing.assert_array_equal(img, np.round(scene(6, 4) * 3))


def test_the_scene_is_a_fresh_array_each_time():
    a = scene(8, 3)
    a[...] = 0
    assert scene(8, 3).any()


@pytest.mark.parametrize(
    ("kwargs", "exc", "words"),
    [
        ({"size": 2}, ValueError, "size"),
        ({"size": 2.5}, TypeError, "size"),
        ({"c_in": 0}, ValueError, "c_in"),
        ({"levels": 0}, ValueError, "levels"),
        ({"levels": True}, TypeError, "levels"),
    ],
)
def test_bad_scene_arguments(kwargs, exc, words):
    with pytest.raises(exc, match=words):
        scene(**kwargs)


def test_yellow_minus_blue_puts_yellow_highest_and_blue_below_zero():
    img = scene(40, 3)
    w = named_filter("yellow minus blue", 3, 3)[..., None]
    out = cl.conv2d(img, w)[..., 0]  # output (i, j) is centred on input (i + 1, j + 1)
    by_loops = 9 * (img[..., 0] + img[..., 1] - img[..., 2])  # a 3 x 3 box: 9 times the centre inside a shape
    yellow, red, green, blue = out[28, 28], out[11, 11], out[10, 28], out[25, 11]
    assert yellow == pytest.approx(by_loops[29, 29]) and yellow > 15  # (0.9 + 0.9 - 0.1) x 9
    assert yellow > red > 0 and yellow > green > 0  # yellow is red AND green: the sum sees it most
    assert blue < -4  # the blue bar: (0.15 + 0.30 - 0.95) x 9
    assert abs(out[0, 0]) < 0.5  # the dark background, nearly grey: nearly nothing


def test_yellow_blue_edges_and_brightness_blur_by_the_channels():
    img = scene(40, 3)
    edge = np.tile([-1.0, 0.0, 1.0], (3, 1))
    edges = cl.conv2d(img, named_filter("yellow-blue edges", 3, 3)[..., None])[..., 0]
    by_channel = sum(sign * cl.conv2d(img[..., c], edge) for c, sign in enumerate((1, 1, -1)))
    np.testing.assert_allclose(edges, by_channel, atol=1e-12)
    blur = cl.conv2d(img, named_filter("brightness blur", 3, 3)[..., None])[..., 0]
    np.testing.assert_allclose(blur, cl.conv2d(img.sum(axis=2), np.ones((3, 3))))


@pytest.mark.parametrize("name", NAMED_FILTERS)
@pytest.mark.parametrize("k", [1, 2, 3, 5])
def test_every_named_filter_uses_every_channel_with_whole_numbers(name, k):
    w = named_filter(name, k, 8)
    assert set(np.unique(w)) <= {-1.0, 0.0, 1.0}
    for c in range(8):
        assert w[..., c].any(), f"{name}: the kernel for channel {c} is all zeros"
    if name != "brightness blur":  # the colour filters: each colour's kernel of its own sign
        assert not np.array_equal(w[..., 0], w[..., 2])


def test_named_filters_keep_their_kernels_as_channels_are_added():
    for name in NAMED_FILTERS:
        for k in (1, 2, 3, 5):
            small, big = named_filter(name, k, 2), named_filter(name, k, 5)
            np.testing.assert_array_equal(big[..., :2], small)
    assert named_filter("yellow-blue edges", 1, 3)[..., 2].tolist() == [[-1.0]]
    assert named_filter("yellow-blue edges", 4, 1)[..., 0][0].tolist() == [-1.0, -1.0, 1.0, 1.0]


def test_filter_bank_names_then_random_and_stays_put():
    w, names = filter_bank(3, 3, 5)
    assert names == ["yellow minus blue", "yellow-blue edges", "brightness blur", "random", "random"]
    assert set(np.unique(w[..., 3:])) <= {-1.0, 0.0, 1.0} and w[..., 3:].any()
    w_more, _ = filter_bank(3, 4, 6)
    np.testing.assert_array_equal(w_more[:, :, :3, :5], w)
    w_random, names_random = filter_bank(3, 3, 2, weights="random")
    assert names_random == ["random", "random"]
    np.testing.assert_array_equal(filter_bank(3, 3, 4, weights="random")[0][..., :2], w_random)
    np.testing.assert_array_equal(w_random[..., 1], filter_bank(3, 3, 5)[0][..., 1] * 0 + w_random[..., 1])
    assert not np.array_equal(filter_bank(3, 3, 4, seed=1)[0][..., 3], w[..., 3])
    with pytest.raises(ValueError, match="weights must be 'named' or 'random'"):
        filter_bank(3, 3, 2, weights="glorot")
    with pytest.raises(ValueError, match="name must be one of"):
        named_filter("blue edges", 3, 3)
