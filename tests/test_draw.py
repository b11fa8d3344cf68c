"""The drawing functions: what they draw is the data given, labelled as the course names it."""

from __future__ import annotations

import io
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from scipy.signal import correlate2d

import convlesson as cl


@pytest.fixture
def ax():
    fig = Figure(figsize=(8, 5), dpi=100)
    return fig.add_subplot()


def drawn(image) -> np.ndarray:
    return np.ma.filled(image.get_array().astype(float), np.nan)


def texts_of(ax) -> list[str]:
    return [t.get_text() for t in ax.texts if t.get_visible()] + [ax.get_title()]


def test_draw_kernel_draws_the_kernel_with_symmetric_limits_and_numbers(ax):
    k = np.array([[1.0, -2.0, 0.5], [0.0, 3.0, -1.0], [2.0, 1.0, 0.0]])
    before = k.copy()
    art = cl.draw_kernel(ax, k)
    np.testing.assert_array_equal(drawn(art.image), k)
    np.testing.assert_array_equal(k, before)
    assert art.image.get_clim() == (-3.0, 3.0)
    assert "(3, 3)" in ax.get_title()
    assert len(art.numbers.texts) == 9 and "\u22122.0" in art.numbers.texts  # tenths: one decimal
    np.testing.assert_allclose(art.numbers.positions[0], (0.5, 0.5))
    assert plt.get_fignums() == []


def test_numbers_are_hidden_when_cells_are_too_small(ax):
    art = cl.draw_kernel(ax, np.random.default_rng(0).normal(size=(60, 60)))
    assert art.numbers.texts == []
    art = cl.draw_kernel(ax, np.ones((3, 3)), numbers=False)
    assert art.numbers.texts == []


def test_draw_filter_shows_every_kernel_by_channel_and_the_shape(ax):
    f = np.arange(3 * 3 * 3, dtype=float).reshape(3, 3, 3) - 13
    pic = cl.draw_filter(ax, f)
    blocks = pic.mosaic.blocks()
    assert len(blocks) == 1 and len(blocks[0]) == 3
    for c in range(3):
        np.testing.assert_array_equal(blocks[0][c], f[:, :, c])
    words = texts_of(ax)
    assert {"R", "G", "B"} <= set(words)
    assert any("(3, 3, 3)" in w for w in words)
    lo, hi = pic.mosaic.image.get_clim()
    assert lo == -hi == -13


def test_draw_filter_names_channels_c0_beyond_three(ax):
    cl.draw_filter(ax, np.ones((2, 2, 5)))
    words = set(texts_of(ax))
    assert {"c0", "c4"} <= words and "R" not in words


def test_draw_layer_weights_rows_are_filters_and_groups_leave_kernels_out(ax):
    k = np.random.default_rng(1).normal(size=(3, 3, 2, 4))
    pic = cl.draw_layer_weights(ax, k, groups=2)
    blocks = pic.mosaic.blocks()
    assert len(blocks) == 4 and all(len(r) == 4 for r in blocks)
    for j in range(4):
        g = j // 2
        for c in range(4):
            if 2 * g <= c < 2 * g + 2:
                np.testing.assert_array_equal(blocks[j][c], k[:, :, c - 2 * g, j])
            else:
                assert np.isnan(blocks[j][c]).all()
    assert {"filter 0", "filter 3"} <= set(texts_of(ax))
    assert pic.absent.mask.any()


def test_draw_channels_and_maps(ax):
    x = cl.photo(8)
    pic = cl.draw_channels(ax, x, padding=((1, 1), (2, 2)))
    blocks = pic.mosaic.blocks()[0]
    for c in range(3):
        np.testing.assert_array_equal(blocks[c], np.pad(x[..., c], ((1, 1), (2, 2))))
    assert pic.hatch.mask.sum() == 3 * (10 * 12 - 8 * 8)
    fig = Figure()
    ax2 = fig.add_subplot()
    maps = np.random.default_rng(2).normal(size=(5, 5, 2))
    mp = cl.draw_maps(ax2, maps)
    for j in range(2):
        np.testing.assert_array_equal(mp.mosaic.blocks()[0][j], maps[..., j])
    lo, hi = mp.mosaic.image.get_clim()
    assert -lo == hi == pytest.approx(np.abs(maps).max())
    assert {"map 0", "map 1"} <= set(texts_of(ax2))


def test_draw_sweep_shows_the_window_products_and_partial_output(ax):
    x = cl.small_grid(5, seed=0)
    k = np.array([[1.0, 0.0], [0.0, -1.0]])
    trace = cl.sweep(x, k)
    pic = cl.draw_sweep(ax, trace, step=5)
    st = trace.step(5)
    np.testing.assert_array_equal(drawn(pic.products.image), st.products)
    out = drawn(pic.output.image)
    full = cl.conv2d(x, k)
    np.testing.assert_array_equal(out.ravel()[:6], full.ravel()[:6])
    assert np.isnan(out.ravel()[6:]).all()
    x0, y0 = pic.window.get_xy()
    ix, iy = pic.input.origin
    r0, c0 = st.origin
    assert (x0, y0) == pytest.approx((ix + c0 * pic.input.cell, iy + r0 * pic.input.cell))


def test_shape_text_plugs_the_numbers_in():
    lines = cl.shape_text(28, 3, 3, 2)
    assert lines[1].endswith("(26, 26, 2)")
    assert lines[2].endswith("= 56")
    assert "/groups" in cl.shape_text(8, 4, 3, 4, groups=2)[2]


def test_shape_text_for_one_map_speaks_of_no_filter():
    """Before notebook 05 names the filter, the one-map pictures count kernels and a bias only."""
    lines = cl.shape_text(24, 3, 3, 1, one_map=True)
    assert not any("filter" in line for line in lines)
    assert lines[1] == "output shape (H', W') = (22, 22)"  # 24 - 3 + 1 by hand
    assert lines[2].endswith("3·3·3 + 1 = 28")  # 27 weights and one bias
    assert cl.shape_text(24, 3, 3, 1, use_bias=False, one_map=True)[2].endswith("= 27")


@pytest.mark.parametrize(
    ("func", "arg", "name"),
    [
        (cl.draw_kernel, np.ones((2, 2, 2)), "kernel"),
        (cl.draw_filter, np.ones((2, 2)), "filt"),
        (cl.draw_layer_weights, np.ones((2, 2, 2)), "kernel"),
        (cl.draw_channels, np.ones((2, 2, 2, 2)), "x"),
        (cl.draw_maps, np.ones(3), "maps"),
        (cl.draw_sweep, np.ones((3, 3)), "trace"),
    ],
)
def test_bad_input_names_the_parameter(ax, func, arg, name):
    with pytest.raises((ValueError, TypeError), match=rf"^{name}\b"):
        func(ax, arg)


def test_bad_groups_names_the_parameter(ax):
    with pytest.raises(ValueError, match="groups"):
        cl.draw_layer_weights(ax, np.ones((3, 3, 2, 4)), groups=3)


# ---------------------------------------------------------------- shape_text on rectangles
def valid_hw(size, kernel_size, strides=(1, 1), dilation=(1, 1)):
    """The output's (H', W') from scipy: a dilated zero kernel swept over a zero image, then strided."""
    k = np.zeros((dilation[0] * (kernel_size[0] - 1) + 1, dilation[1] * (kernel_size[1] - 1) + 1))
    return correlate2d(np.zeros(size), k, mode="valid")[:: strides[0], :: strides[1]].shape


@pytest.mark.parametrize(
    "size, kernel_size, strides, dilation",
    [
        ((28, 28), (3, 5), (1, 1), (1, 1)),
        ((28, 20), (3, 3), (1, 1), (1, 1)),
        ((28, 28), (3, 3), (1, 2), (1, 1)),
        ((28, 28), (3, 3), (1, 1), (2, 1)),
        ((9, 14), (2, 4), (2, 3), (1, 2)),
    ],
)
def test_shape_text_for_rectangles(size, kernel_size, strides, dilation):
    oh, ow = valid_hw(size, kernel_size, strides, dilation)
    c_in, filters = 3, 2
    lines = cl.shape_text(size, c_in, kernel_size, filters, strides, "valid", dilation)
    assert len(lines) == 3
    assert lines[0].startswith(f"H' = ⌊({size[0]} + 0 + 0") and f"= {oh};" in lines[0]
    assert f"W' = ⌊({size[1]} + 0 + 0" in lines[0] and lines[0].endswith(f"= {ow}")
    assert "likewise" not in lines[0]
    assert lines[1] == f"output shape (H', W', filters) = ({oh}, {ow}, {filters})"
    kh, kw = kernel_size
    weights = sum(1 for _f in range(filters) for _c in range(c_in) for _i in range(kh) for _j in range(kw))
    assert lines[2].endswith(f"= {filters}·({kh}·{kw}·{c_in}) + {filters} = {weights + filters}")


def test_shape_text_by_hand_for_a_3_by_5_kernel():
    lines = cl.shape_text(28, 3, (3, 5), 2)
    assert lines[0] == "H' = ⌊(28 + 0 + 0 − 3)/1⌋ + 1 = 26;   W' = ⌊(28 + 0 + 0 − 5)/1⌋ + 1 = 24"
    assert lines[1] == "output shape (H', W', filters) = (26, 24, 2)"
    assert lines[2] == "parameters: filters·(kh·kw·C_in) + filters = 2·(3·5·3) + 2 = 92"  # 2·45 + 2


def test_shape_text_says_likewise_only_when_both_axes_are_the_same():
    square = cl.shape_text(28, 3, 3, 2)
    assert square[0] == "H' = ⌊(28 + 0 + 0 − 3)/1⌋ + 1 = 26   (W' likewise: the input is square)"
    assert cl.shape_text((28, 28), 3, (3, 3), 2, (2, 2), ((1, 1), (1, 1)), (1, 1)) == cl.shape_text(
        28, 3, 3, 2, 2, 1, 1
    )
    assert "likewise" in cl.shape_text((28, 28), 3, (3, 3), 2)[0]
    # the same numbers but padding that differs between the axes: two formulas
    lopsided = cl.shape_text(28, 3, 3, 2, padding=((1, 1), (0, 0)))
    assert "likewise" not in lopsided[0] and lopsided[1].endswith("(28, 26, 2)")


def test_shape_text_keeps_its_order_for_groups_and_no_bias():
    lines = cl.shape_text(8, 4, (3, 1), 4, groups=2, use_bias=np.bool_(False))
    assert lines[1] == "output shape (H', W', filters) = (6, 8, 4)"
    assert lines[2] == "parameters: filters·(kh·kw·C_in/groups) = 4·(3·1·4/2) = 24"


# ---------------------------------------------------------------- checking the arguments
DRAWS = [
    (cl.draw_kernel, lambda: np.ones((3, 3))),
    (cl.draw_filter, lambda: np.ones((3, 3, 3))),
    (cl.draw_layer_weights, lambda: np.ones((3, 3, 3, 2))),
    (cl.draw_channels, lambda: np.ones((5, 5, 3))),
    (cl.draw_maps, lambda: np.ones((5, 5, 2))),
    (cl.draw_sweep, lambda: cl.sweep(np.ones((4, 4)), np.ones((2, 2)))),
]


@pytest.mark.parametrize(("func", "data"), DRAWS, ids=lambda v: getattr(v, "__name__", ""))
@pytest.mark.parametrize(
    "bad_ax", [None, "ax", Figure(), np.zeros(3)], ids=["None", "str", "Figure", "array"]
)
def test_every_draw_needs_an_axes(func, data, bad_ax):
    with pytest.raises(TypeError, match=r"^ax must be a matplotlib Axes"):
        func(bad_ax, data())


@pytest.mark.parametrize(
    ("func", "data"), [d for d in DRAWS if d[0] in (cl.draw_kernel, cl.draw_filter, cl.draw_layer_weights)]
)
@pytest.mark.parametrize(
    ("vmax", "exc"),
    [
        (-1, ValueError),
        (0, ValueError),
        (float("nan"), ValueError),
        (float("inf"), ValueError),
        ("1", TypeError),
    ]
    + [(True, TypeError), (1 + 0j, TypeError)],
)
def test_vmax_is_checked_when_drawing_not_when_rendering(ax, func, data, vmax, exc):
    with pytest.raises(exc, match=r"^vmax must be a positive"):
        func(ax, data(), vmax=vmax)


def test_good_vmax_numbers_and_titles_are_used(ax):
    art = cl.draw_kernel(ax, np.eye(3), vmax=np.float32(2.5), numbers=np.bool_(False), title="eye")
    assert art.image.get_clim() == (-2.5, 2.5)
    assert type(art.image.get_clim()[1]) is float
    assert art.numbers.texts == [] and ax.get_title() == "eye"


@pytest.mark.parametrize(
    ("kwargs", "exc", "pattern"),
    [
        ({"numbers": 1}, TypeError, r"^numbers must be True or False"),
        ({"numbers": "yes"}, TypeError, r"^numbers must be True or False"),
        ({"title": 5}, TypeError, r"^title must be a str"),
        ({"names": ["a", "b"]}, ValueError, r"^names must hold 3 names, one per input channel, got 2"),
        ({"names": ["a", "b", "c", "d"]}, ValueError, r"^names must hold 3 names"),
        ({"names": "RGB"}, TypeError, r"^names must be a list of 3 str"),
        ({"names": [1, 2, 3]}, TypeError, r"^names must be a list of 3 str"),
    ],
)
def test_filter_options_are_checked(ax, kwargs, exc, pattern):
    with pytest.raises(exc, match=pattern):
        cl.draw_filter(ax, np.ones((3, 3, 3)), **kwargs)


def test_names_of_channels_and_maps_must_match_their_count(ax):
    with pytest.raises(ValueError, match=r"^names must hold 3 names, one per channel, got 4"):
        cl.draw_channels(ax, np.ones((4, 4, 3)), names=["a", "b", "c", "d"])
    with pytest.raises(ValueError, match=r"^names must hold 2 names, one per map, got 3"):
        cl.draw_maps(ax, np.ones((4, 4, 2)), names=["a", "b", "c"])
    with pytest.raises(ValueError, match=r"^names must hold 4 names"):  # C_in = 2 kernels x 2 groups
        cl.draw_layer_weights(ax, np.ones((3, 3, 2, 4)), groups=2, names=["a", "b"])
    with pytest.raises(TypeError, match=r"^vertical must be True or False"):
        cl.draw_maps(ax, np.ones((4, 4, 2)), vertical="yes")


@pytest.mark.parametrize(
    ("padding", "exc", "pattern"),
    [
        ("same", ValueError, r"^padding must be amounts.*cl\.padding_amounts"),
        (((1, -1), (0, 0)), ValueError, r"^padding bottom must be 0 or more"),
        (None, TypeError, r"^padding None is not understood"),
        (10**6, ValueError, r"padded input .* GiB.*less padding"),
    ],
)
def test_draw_channels_padding_is_checked(ax, padding, exc, pattern):
    with pytest.raises(exc, match=pattern):
        cl.draw_channels(ax, np.ones((4, 4, 3)), padding=padding)


def test_draw_channels_takes_an_int_or_a_pair_of_amounts(ax):
    pic = cl.draw_channels(ax, np.ones((4, 4, 1)), padding=(1, 2))
    np.testing.assert_array_equal(pic.mosaic.blocks()[0][0], np.pad(np.ones((4, 4)), ((1, 1), (2, 2))))


@pytest.mark.parametrize(
    ("step", "exc"),
    [
        (2.7, TypeError),
        (2.0, TypeError),
        (True, TypeError),
        ("1", TypeError),
        (-1, ValueError),
        (9, ValueError),
    ],
)
def test_draw_sweep_step_is_an_int_in_range(ax, step, exc):
    trace = cl.sweep(np.ones((4, 4)), np.ones((2, 2)))  # 9 steps
    with pytest.raises(exc, match=r"^step must be an int from 0 to 8 \(the trace has 9 steps\)"):
        cl.draw_sweep(ax, trace, step)


def test_draw_sweep_takes_numpy_ints(ax):
    trace = cl.sweep(cl.small_grid(5, seed=0), np.array([[1.0, 0.0], [0.0, -1.0]]))
    pic = cl.draw_sweep(ax, trace, np.int64(2))
    np.testing.assert_array_equal(drawn(pic.products.image), trace.step(2).products)


@pytest.mark.parametrize(
    ("func", "array"),
    [
        (cl.draw_kernel, np.ones((3, 3)) + 1j),
        (cl.draw_filter, np.ones((3, 3, 3)) + 1j),
        (cl.draw_layer_weights, np.ones((3, 3, 3, 2)) + 1j),
        (cl.draw_channels, np.ones((5, 5, 3)) + 1j),
        (cl.draw_maps, np.ones((5, 5, 2)) + 1j),
    ],
    ids=lambda v: getattr(v, "__name__", "complex"),
)
def test_complex_data_is_refused_not_cut_to_its_real_part(ax, func, array):
    with pytest.raises(TypeError, match=r"must hold real numbers .*complex128"):
        func(ax, array)


@pytest.mark.parametrize(
    ("func", "array"),
    [
        (cl.draw_kernel, np.ones((0, 3))),
        (cl.draw_filter, np.ones((3, 3, 0))),
        (cl.draw_layer_weights, np.ones((3, 3, 3, 0))),
        (cl.draw_channels, np.ones((5, 0, 3))),
        (cl.draw_maps, np.ones((0, 5, 2))),
    ],
    ids=lambda v: getattr(v, "__name__", "empty"),
)
def test_empty_data_is_refused(ax, func, array):
    with pytest.raises(ValueError, match=r"must not have an empty dimension"):
        func(ax, array)


def test_channels_with_nan_and_infinite_pixels_draw_and_render_quietly(ax):
    x = np.array([[0.0, np.nan], [np.inf, 0.5]])[..., None]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pic = cl.draw_channels(ax, x)
        ax.figure.savefig(io.BytesIO(), format="png")
    assert pic.mosaic.image.get_clim() == (0.0, 1.0)  # the grey scale of the finite pixels (at least 0..1)
