"""The explorers' contract, driven from Python: controls, state, PNG frames, data equal to conv2d."""

from __future__ import annotations

import gc
import io
import itertools
import struct
from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

import convlesson as cl
from convlesson.core.samples import scene
from convlesson.explorers.data import sweep_kernel
from convlesson.explorers.rules import common_divisors

ALLOWED = {
    "input_size",
    "kernel_size",
    "strides",
    "padding",
    "dilation_rate",
    "c_in",
    "filters",
    "groups",
    "step",
}
EXTRAS = {"kernel", "kernels", "relu", "bias", "weights", "view", "sample", "conv_layer"}
CLASSES = [getattr(cl, name) for name in cl._EXPLORERS]  # every explorer the package has
REQUIRED = {
    cl.KernelSweep: {"input_size", "kernel_size", "strides", "padding", "dilation_rate", "step"},
    cl.ChannelSum: {"c_in", "kernel_size", "strides", "padding", "dilation_rate"},
    cl.FilterBank: {"c_in", "filters", "kernel_size", "strides", "padding", "dilation_rate"},
    cl.Playground: {"input_size", "kernel_size", "strides", "padding", "dilation_rate", "filters", "kernel"},
    cl.GroupedConv: {"c_in", "filters", "groups", "kernel_size"},
    cl.FilterSweep: {"c_in", "filters", "kernel_size", "strides", "padding", "input_size", "step"},
    cl.LearnedLayers: {"sample", "conv_layer", "filters"},
}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def values_of(control):
    if isinstance(control, (widgets.IntSlider, widgets.FloatSlider)):
        if isinstance(control, widgets.FloatSlider):
            return list(np.round(np.linspace(control.min, control.max, 5), 2))
        return list(range(control.min, control.max + 1))
    if isinstance(control, widgets.Dropdown):
        return list(control.options)
    if isinstance(control, widgets.Checkbox):
        return [not control.value, control.value]
    raise AssertionError(type(control))


def model_input(ex):
    """The input the explorer should be using, made here independently of the explorer's code path."""
    s = ex.state
    if isinstance(ex, cl.LearnedLayers):
        picture = cl.toy_images(1, seed=7, classes=[s["sample"]])[0][0]
        return picture if s["conv_layer"] == 1 else pooled_layer1_maps(picture)
    if isinstance(ex, cl.Playground):
        return cl.photo(s["input_size"])
    if isinstance(ex, cl.FilterSweep):
        return np.round(scene(s["input_size"], s["c_in"]) * 3)
    return scene(s["input_size"], s["c_in"])


def shipped_weights() -> dict:
    """The trained network's weights, read straight from the file the package ships."""
    path = Path(cl.__file__).parent / "core" / "toy_cnn.npz"
    with np.load(path) as saved:
        return {k: saved[k].astype(float) for k in saved.files if k.startswith(("conv", "dense"))}


def pooled_layer1_maps(picture) -> np.ndarray:
    """Layer 1 of the trained network by loops, then ReLU and 2 x 2 max pooling by loops: layer 2's input."""
    w = shipped_weights()
    maps = np.maximum(loop_layer(picture, w["conv1.kernel"], w["conv1.bias"], 1, "valid"), 0)
    h, wd, c = maps.shape
    out = np.zeros((h // 2, wd // 2, c))
    for i in range(h // 2):
        for j in range(wd // 2):
            for k in range(c):
                out[i, j, k] = max(maps[2 * i + a, 2 * j + b, k] for a in (0, 1) for b in (0, 1))
    return out


def drawn(grid) -> np.ndarray:
    """The numbers a grid shows (its colours come from them)."""
    return np.asarray(grid.values, dtype=float)


def check_data(ex):
    """What the figure shows equals conv2d / loops from the definition, computed independently."""
    s = ex.state
    if isinstance(ex, cl.KernelSweep):
        x = cl.small_grid(s["input_size"], seed=0)
        k = sweep_kernel(s["kernel_size"])
        full = cl.conv2d(x, k, strides=s["strides"], padding=s["padding"], dilation_rate=s["dilation_rate"])
        want = np.full(full.shape, np.nan)
        want.ravel()[: s["step"] + 1] = full.ravel()[: s["step"] + 1]
        np.testing.assert_allclose(drawn(ex.picture.output), want)
        i, j = divmod(s["step"], full.shape[1])
        assert np.nansum(ex.picture.products.image.get_array()) == pytest.approx(full[i, j])
        return
    x = model_input(ex)
    np.testing.assert_allclose(ex.x, x)
    layer = ex.layer
    w, b = layer.weights, layer.bias
    pad, st, dil = s.get("padding", "valid"), s.get("strides", 1), s.get("dilation_rate", 1)
    if isinstance(ex, cl.ChannelSum):
        pic = ex.picture
        for n, c in enumerate(pic.shown):
            one = cl.conv2d(x[..., c], w[:, :, c, 0], strides=st, padding=pad, dilation_rate=dil)
            np.testing.assert_allclose(drawn(pic.rows[n].map), one, atol=1e-12)
            np.testing.assert_array_equal(drawn(pic.rows[n].kernel), w[:, :, c, 0])
        whole = sum(
            cl.conv2d(x[..., c], w[:, :, c, 0], strides=st, padding=pad, dilation_rate=dil)
            for c in range(s["c_in"])
        )
        np.testing.assert_allclose(drawn(pic.summed), whole, atol=1e-12)
        np.testing.assert_allclose(drawn(pic.biased), whole + s["bias"], atol=1e-12)
        if s["relu"]:
            np.testing.assert_allclose(drawn(pic.activated), np.maximum(whole + s["bias"], 0), atol=1e-12)
        return
    if isinstance(ex, cl.LearnedLayers):
        n = s["conv_layer"]
        np.testing.assert_array_equal(w, shipped_weights()[f"conv{n}.kernel"][..., : s["filters"]])
        np.testing.assert_array_equal(b, shipped_weights()[f"conv{n}.bias"][: s["filters"]])
    if isinstance(ex, cl.FilterSweep):
        trace, pic = ex.trace, ex.picture
        d = 0 if np.array_equal(np.round(w), w) else 1  # learned weights are rounded to tenths
        step = trace[s["step"]]
        oracle = loop_layer(x, w, b, st, pad)
        i, j = step.out_pos
        np.testing.assert_allclose(step.total, oracle[i, j], atol=1e-12)
        for f in range(s["filters"]):
            want = np.full(oracle.shape[:2], np.nan)
            want.ravel()[: s["step"] + 1] = oracle[..., f].ravel()[: s["step"] + 1]
            np.testing.assert_allclose(drawn(pic.rows[f].output), want, atol=1e-12)
            for c in range(s["c_in"]):
                np.testing.assert_array_equal(pic.rows[f].kernels.blocks()[0][c], w[:, :, c, f])
        texts = {t.get_text() for t in pic.labels.visible} | {t.get_text() for t in pic.sums.visible}
        for f in range(s["filters"]):
            window = np.pad(x, (*_pads(ex), (0, 0)))[
                step.rows[0] : step.rows[-1] + 1, step.cols[0] : step.cols[-1] + 1
            ]
            parts = (window * w[..., f]).sum(axis=(0, 1))
            for part in parts:
                assert f"= {fmt(part, d)}" in texts
            total = fmt(parts.sum() + b[f], d)
            assert any(t.endswith(f"= {total}") and "bias" in t for t in texts), (f, texts)
        return
    groups = s.get("groups", 1)
    out = cl.conv2d(x, w, b, st, pad, dil, groups)
    if s.get("relu"):
        out = np.maximum(out, 0)
    pic = ex.picture
    maps = pic.outputs.blocks()
    for n, j in enumerate(pic.filters):
        np.testing.assert_allclose(maps[n][0], out[..., j], atol=1e-12)
    bank = pic.bank.blocks()
    per = x.shape[2] // groups
    for n, j in enumerate(pic.filters):
        g = j // (s["filters"] // groups)
        for m, c in enumerate(pic.channels):
            if g * per <= c < (g + 1) * per:
                np.testing.assert_array_equal(bank[n][m], w[:, :, c - g * per, j])
            else:
                assert np.isnan(bank[n][m]).all(), f"filter {j} does not hold a kernel for channel {c}"


def fmt(v: float, decimals: int = 0) -> str:
    text = f"{v:.{decimals}f}"
    return ("0" if float(text) == 0 else text).replace("-", "\u2212")


def _pads(ex):
    s = ex.state
    return cl.padding_amounts(
        (s["input_size"], s["input_size"]), s["kernel_size"], s["strides"], s["padding"]
    )


def loop_layer(x, w, b, strides, padding):
    """A layer's output from the definition: loops over positions, taps, channels and filters."""
    s = strides
    (t, bt), (lft, r) = cl.padding_amounts(x.shape[:2], w.shape[:2], s, padding)
    xp = np.zeros((x.shape[0] + t + bt, x.shape[1] + lft + r, x.shape[2]))
    xp[t : t + x.shape[0], lft : lft + x.shape[1]] = x
    kh, kw, c_in, filters = w.shape
    oh, ow = (xp.shape[0] - kh) // s + 1, (xp.shape[1] - kw) // s + 1
    out = np.zeros((oh, ow, filters))
    for i in range(oh):
        for j in range(ow):
            for f in range(filters):
                acc = b[f]
                for a in range(kh):
                    for q in range(kw):
                        for c in range(c_in):
                            acc += xp[i * s + a, j * s + q, c] * w[a, q, c, f]
                out[i, j, f] = acc
    return out


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_contract(cls):
    ex = cls()
    assert REQUIRED[cls] <= set(ex.controls) <= ALLOWED | EXTRAS
    for name, c in ex.controls.items():
        if name in {"input_size", "kernel_size", "strides", "dilation_rate", "c_in", "filters", "step"}:
            assert isinstance(c, widgets.IntSlider), name
            assert c.continuous_update
    if "padding" in ex.controls:
        opts = ex.controls["padding"].options
        assert isinstance(ex.controls["padding"], widgets.Dropdown) and {"valid", "same", "full"} <= set(opts)
    assert ex.state == {n: c.value for n, c in ex.controls.items()}
    assert isinstance(ex.figure, Figure)
    assert plt.get_fignums() == []
    assert isinstance(ex.image, widgets.Image) and ex.image.format == "png"
    png_size(ex.image.value)
    assert isinstance(ex.widget, widgets.Box)
    kids = ex.widget.children
    assert ex.image in kids and any(isinstance(k, (widgets.HTML, widgets.Label)) for k in kids)
    assert not any(isinstance(k, widgets.Output) for k in kids)
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    import base64

    still = np.asarray(Image.open(io.BytesIO(base64.b64decode(bundle["image/png"]))).convert("RGB"))
    live = np.asarray(Image.open(io.BytesIO(ex.image.value)).convert("RGB"))
    np.testing.assert_array_equal(still, live)  # the stored picture is the live frame, only smaller
    assert len(base64.b64decode(bundle["image/png"])) < len(ex.image.value)
    assert bundle["text/plain"].startswith(cls.__name__ + "(") and "0x" not in bundle["text/plain"]
    assert bundle["text/plain"] == cls()._repr_mimebundle_()["text/plain"]
    w, _ = png_size(ex.image.value)
    assert w == 840, "every picture is as wide as a notebook column allows, so it is never shrunk"
    ex.flush()  # nothing pending: a no-op
    assert ex.message == ""
    check_data(ex)
    ex.close()


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_control_over_its_range(cls):
    ex = cls()
    for name in list(ex.controls):
        control = ex.controls[name]
        start = control.value
        for v in values_of(control):
            before = ex.image.value
            old = control.value
            control.value = v
            ex.flush()
            assert ex.state[name] == control.value
            assert ex.image.value[:4] == b"\x89PNG"
            if control.value != old and not (name == "kernel" and ex.state["kernel_size"] != 3):
                assert ex.image.value != before, f"{name}: {old} -> {v} did not change the picture"
            assert ex.message == "" or "now" in ex.message
            check_data(ex)
        control.value = start
        ex.flush()
    ex.close()


def test_extremes_draw_and_match():
    for cls, kw in [
        (cl.FilterBank, dict(c_in=8, filters=8, kernel_size=7)),
        (cl.FilterBank, dict(kernel_size=1, strides=3, dilation_rate=3, input_size=6)),
        (cl.ChannelSum, dict(c_in=8, kernel_size=7, padding="full")),
        (cl.ChannelSum, dict(c_in=1, input_size=6, strides=3)),
        (cl.KernelSweep, dict(input_size=3, kernel_size=1)),
        (cl.KernelSweep, dict(input_size=10, kernel_size=3, dilation_rate=3, padding=2, step=7)),
        (cl.GroupedConv, dict(c_in=8, filters=8, groups=8)),
        (cl.Playground, dict(kernel="random", filters=8, kernel_size=7, padding="same", strides=3)),
    ]:
        ex = cls(**kw)
        assert ex.message == ""
        for k, v in kw.items():
            assert ex.state[k] == v
        check_data(ex)


def test_product_of_core_sliders_on_filter_bank():
    ex = cl.FilterBank(input_size=8)
    for k, s, p, c, f in itertools.product((1, 3, 7), (1, 3), ("valid", "same", "full"), (1, 3, 8), (1, 4)):
        ex.set(kernel_size=k, strides=s, padding=p, c_in=c, filters=f)
        assert ex.image.value[:4] == b"\x89PNG"
        if ex.message:
            assert "now" in ex.message and ex.state["kernel_size"] < k  # clamped, said so
        else:
            assert ex.state == {
                **ex.state,
                "kernel_size": k,
                "strides": s,
                "padding": p,
                "c_in": c,
                "filters": f,
            }
        check_data(ex)


def test_step_max_follows_output_positions():
    ex = cl.KernelSweep(input_size=5, kernel_size=3)
    assert ex.controls["step"].max == 3 * 3 - 1
    ex.controls["step"].value = 8
    ex.controls["strides"].value = 2
    assert ex.controls["step"].max == 2 * 2 - 1 and ex.state["step"] == 3
    ex.controls["padding"].value = "full"
    n = cl.output_size(5, 3, 2, "full")
    assert ex.controls["step"].max == n * n - 1 == ex.play.max
    check_data(ex)


def test_kernel_size_max_follows_the_padded_input():
    ex = cl.KernelSweep(input_size=5, kernel_size=3)
    assert ex.controls["kernel_size"].max == 5
    ex.controls["padding"].value = 1
    assert ex.controls["kernel_size"].max == 7
    ex.controls["dilation_rate"].value = 2
    assert ex.controls["kernel_size"].max == 4  # span 2*(4-1)+1 = 7 = 5 + 2
    ex.controls["padding"].value = "same"
    assert ex.controls["kernel_size"].max == 7


def test_a_kernel_that_cannot_fit_is_refused_when_asked_for():
    with pytest.raises(ValueError, match=r"kernel_size 7 spans 7 pixels.*only 3 wide.*from 1 to 3 works"):
        cl.KernelSweep(input_size=3, kernel_size=7)
    ex = cl.KernelSweep(input_size=5, kernel_size=3)
    with pytest.raises(ValueError, match="kernel_size 6 spans 6 pixels"):
        ex.set(kernel_size=6)
    with pytest.raises(ValueError, match="kernel_size 6 spans 6 pixels"):
        ex.controls["kernel_size"].value = 6
    assert ex.state["kernel_size"] == 3 and ex.message == ""
    check_data(ex)


def test_a_kernel_pushed_out_by_another_control_shrinks_and_says_so():
    ex = cl.KernelSweep(input_size=5, kernel_size=3)
    ex.controls["dilation_rate"].value = 3
    assert "spans 7 pixels" in ex.message and ex.state["kernel_size"] == 2
    assert "now 2" in ex.readout.value
    check_data(ex)
    ex.controls["input_size"].value = 7  # a valid change clears the message
    assert ex.message == ""
    ex = cl.GroupedConv(c_in=4, filters=4, groups=4)
    ex.controls["c_in"].value = 6
    assert ex.state["groups"] == 2 and "does not divide" in ex.message
    check_data(ex)


def test_groups_offers_only_common_divisors():
    ex = cl.GroupedConv(c_in=4, filters=4, groups=2)
    assert list(ex.controls["groups"].options) == [1, 2, 4]
    for c_in, filters in [(6, 4), (8, 8), (3, 5), (1, 8), (6, 6)]:
        ex.set(c_in=c_in, filters=filters)
        want = [g for g in range(1, 9) if c_in % g == 0 and filters % g == 0]
        assert list(ex.controls["groups"].options) == want == common_divisors(c_in, filters)
        check_data(ex)
    ex.set(c_in=8, filters=8, groups=8)
    assert "depthwise" in " ".join(picture_texts(ex))
    with pytest.raises(ValueError, match="groups"):
        cl.GroupedConv(c_in=4, filters=4, groups=3)


@pytest.mark.parametrize(
    ("cls", "kw", "exc", "words"),
    [
        (cl.FilterBank, {"c_in": 20}, ValueError, "c_in must be a whole number from 1 to 8, got 20"),
        (cl.FilterBank, {"c_in": 2.5}, TypeError, r"c_in must be a whole number from 1 to 8, got 2\.5"),
        (cl.KernelSweep, {"padding": "middle"}, ValueError, "padding must be one of"),
        (cl.ChannelSum, {"relu": "yes"}, TypeError, "relu must be True or False"),
        (cl.ChannelSum, {"colour": 1}, TypeError, "unknown control"),
        (cl.Playground, {"kernel": "emboss"}, ValueError, "kernel must be one of"),
    ],
)
def test_bad_arguments_name_the_parameter(cls, kw, exc, words):
    with pytest.raises(exc, match=words):
        cls(**kw)


def test_constructor_values_and_case_insensitive_words():
    ex = cl.Playground(kernel="Sobel X", padding="SAME")
    assert ex.state["kernel"] == "sobel x" and ex.state["padding"] == "same"
    ex = cl.FilterBank(c_in=3, filters=2, kernel_size=3)
    assert ex.layer.n_kernels == 6 and ex.layer.param_count == 56
    assert any(t.endswith("= 56") for t in picture_texts(ex))


def test_playground_uses_the_classic_kernel():
    ex = cl.Playground(kernel="sobel x", filters=2)
    for c in range(3):
        np.testing.assert_allclose(ex.layer.kernel_for(0, c), cl.classic_kernel("sobel x") / 3)
    ex.controls["kernel_size"].value = 5
    assert "random" in ex.readout.value
    check_data(ex)


def test_hold_draws_once_and_flush_draws_pending():
    ex = cl.FilterBank()
    n = ex.frames_drawn
    with ex.hold():
        ex.controls["c_in"].value = 5
        ex.controls["filters"].value = 3
        assert ex.frames_drawn == n
    assert ex.frames_drawn == n + 1
    ex.flush()
    assert ex.frames_drawn == n + 1
    check_data(ex)


def test_lecture_mode_draws_larger_type_and_fewer_panels_in_the_same_width():
    ex = cl.FilterBank(c_in=8, filters=8)
    normal_titles = {t.get_fontsize() for t in ex.picture.titles.visible}
    assert len(ex.picture.filters) == 8 and len(ex.picture.channels) == 8
    try:
        cl.lecture_mode()
        ex.controls["kernel_size"].value = 5  # an explorer made before the switch changes at its next frame
        assert png_size(ex.image.value)[0] == 840
        lecture_titles = {t.get_fontsize() for t in ex.picture.titles.visible}
        assert min(lecture_titles) >= 1.3 * max(normal_titles)
        assert len(ex.picture.filters) == 3 and len(ex.picture.channels) == 3
        assert any("5 more filters" in t for t in picture_texts(ex))
        check_data(ex)
        assert png_size(cl.KernelSweep().image.value)[0] == 840
    finally:
        cl.lecture_mode(False)
    ex.controls["kernel_size"].value = 3
    assert {t.get_fontsize() for t in ex.picture.titles.visible} == normal_titles
    assert len(ex.picture.filters) == 8


def picture_texts(ex) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in ex.figure.findobj(Text) if t.get_visible() and t.get_text()]


def rss_bytes() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096


@pytest.mark.skipif(not __import__("os").path.exists("/proc/self/statm"), reason="needs /proc")
def test_no_figure_leak_and_flat_memory():
    # the cheapest real frames: a 3x3 input and a 1x1 kernel, stepping between two positions
    ex = cl.KernelSweep(input_size=3, kernel_size=1)
    step = ex.controls["step"]
    for i in range(50):  # warm up caches; ends on step 0
        step.value = (i + 1) % 2
    gc.collect()
    base = rss_bytes()
    drawn = ex.frames_drawn
    for i in range(1000):
        step.value = (i + 1) % 2
    gc.collect()
    assert ex.frames_drawn == drawn + 1000
    grown = rss_bytes() - base
    assert plt.get_fignums() == []
    assert grown < 20_000_000, f"memory grew by {grown} bytes over 1000 frames"


# ----------------------------------------------------------------------------- one validation path
BAD_VALUES = [
    (cl.FilterBank, "kernel_size", 99, ValueError, "kernel_size must be a whole number from 1 to 7, got 99"),
    (cl.FilterBank, "c_in", 2.7, TypeError, r"c_in must be a whole number from 1 to 8, got 2\.7"),
    (cl.FilterBank, "c_in", True, TypeError, "c_in must be a whole number"),
    (cl.ChannelSum, "bias", float("nan"), ValueError, "bias must be a number from -1 to 1, got nan"),
    (cl.ChannelSum, "bias", 1.5, ValueError, "bias must be a number from -1 to 1, got 1.5"),
    (cl.ChannelSum, "relu", 1, TypeError, "relu must be True or False"),
    (cl.KernelSweep, "padding", None, TypeError, "padding must be one of 'valid', 'same', 'full', 1, 2, 3"),
    (cl.KernelSweep, "padding", "middle", ValueError, "padding must be one of"),
    (cl.KernelSweep, "step", 50, ValueError, r"step 50 is past the last output position.*from 0 to 8"),
    (cl.Playground, "kernel", None, TypeError, "kernel must be one of 'identity'"),
    (cl.Playground, "kernel", np.eye(3), TypeError, "kernel must be one of 'identity'"),
    (cl.GroupedConv, "groups", 3, ValueError, r"groups 3 does not divide both C_in = 4 and filters.*1, 2, 4"),
]


@pytest.mark.parametrize(("cls", "name", "value", "exc", "words"), BAD_VALUES)
def test_a_bad_value_is_refused_the_same_way_everywhere(cls, name, value, exc, words):
    """Constructor, set() and direct assignment refuse alike; the explorer is unchanged and still draws."""
    with pytest.raises(exc, match=words):
        cls(**{name: value})
    ex = cls()
    before = dict(ex.state)
    frames = ex.frames_drawn
    for attempt in (lambda: ex.set(**{name: value}), lambda: setattr(ex.controls[name], "value", value)):
        with pytest.raises(exc, match=words):
            attempt()
        assert ex.state == before == {n: c.value for n, c in ex.controls.items()}
        assert ex.frames_drawn == frames
    for other in ex.controls:  # the explorer still draws after the refusal
        control = ex.controls[other]
        if isinstance(control, widgets.IntSlider) and control.max > control.min:
            control.value = control.max if control.value != control.max else control.min
            break
    assert ex.frames_drawn == frames + 1
    check_data(ex)
    ex.close()


def test_numpy_scalars_work_like_python_ones():
    ex = cl.GroupedConv(c_in=np.int64(4), filters=np.int32(4), groups=np.int64(2))
    assert ex.state == cl.GroupedConv(c_in=4, filters=4, groups=2).state
    assert all(type(v) in (int, float, str, bool) for v in ex.state.values())
    ex.set(c_in=np.int16(8), filters=np.uint8(8))
    assert ex.state["c_in"] == 8 and type(ex.state["c_in"]) is int
    cs = cl.ChannelSum(bias=np.float32(0.25), relu=np.bool_(False))
    assert cs.state["bias"] == pytest.approx(0.25) and cs.state["relu"] is False
    cs.controls["bias"].value = np.float64(-0.5)
    assert cs.state["bias"] == -0.5
    check_data(cs)


def test_words_are_case_insensitive_everywhere():
    ex = cl.KernelSweep()
    ex.set(padding="SAME")
    assert ex.state["padding"] == "same"
    ex.controls["padding"].value = "Full"
    assert ex.state["padding"] == "full"
    assert cl.Playground().set(kernel="Box Blur").state["kernel"] == "box blur"


def test_set_gives_the_same_state_in_any_order():
    import itertools

    asks = {"groups": 4, "c_in": 8, "filters": 8, "kernel_size": 5, "input_size": 6}
    states = set()
    for order in itertools.permutations(asks):
        ex = cl.GroupedConv(c_in=3, filters=6, groups=3)
        with ex.hold():
            pass
        ex.set(**{k: asks[k] for k in order})
        states.add(tuple(sorted(ex.state.items())))
        check_data(ex)
        ex.close()
    assert states == {tuple(sorted(asks.items()))}


def test_set_refuses_all_or_nothing():
    ex = cl.FilterBank(c_in=3, filters=2)
    with pytest.raises(ValueError, match="kernel_size"):
        ex.set(c_in=5, kernel_size=99)
    assert ex.state["c_in"] == 3


def test_groups_keeps_its_value_while_it_still_divides_and_never_freezes():
    """Every c_in / filters move from every legal (c_in, filters, groups): groups moves only when it must."""
    ex = cl.GroupedConv()
    moves = 0
    for c, f in itertools.product(range(1, 9), repeat=2):
        for g in common_divisors(c, f):
            for name in ("c_in", "filters"):
                for v in range(1, 9):
                    with ex.hold():  # no frames: this is about the controls
                        ex.set(c_in=c, filters=f, groups=g)
                        ex.controls[name].value = v
                        ex._pending = False
                    s = ex.state
                    options = common_divisors(s["c_in"], s["filters"])
                    assert list(ex.controls["groups"].options) == options
                    assert s["groups"] == (g if g in options else max(o for o in options if o <= g))
                    assert ("does not divide" in ex.message) == (g not in options)
                    moves += 1
    assert moves == 1472
    ex.set(c_in=3, filters=6, groups=3)
    ex.controls["c_in"].value = 2  # froze the explorer with a TraitError once
    assert ex.state["groups"] == 2
    check_data(ex)


def test_defaults_adapt_to_what_the_learner_asked_for():
    """A default that does not fit what was passed adapts silently; the message never blames it."""
    ex = cl.GroupedConv(c_in=3, filters=3)
    assert ex.state["groups"] == 1 and ex.message == ""
    ex = cl.FilterBank(input_size=6, dilation_rate=3)
    assert ex.state["kernel_size"] == 2 and ex.message == ""
    check_data(ex)


def test_show_picks_the_controls_on_screen():
    ex = cl.KernelSweep(show=["kernel_size", "step"], input_size=7)
    shown = list(ex.control_box.children)
    assert shown == [ex.play, ex.controls["kernel_size"], ex.controls["step"]]
    assert ex.state["input_size"] == 7 and set(ex.controls) == set(cl.KernelSweep.SPECS)
    ex = cl.KernelSweep(show=["kernel_size"])
    assert ex.play not in ex.control_box.children
    with pytest.raises(ValueError, match="show names unknown control"):
        cl.KernelSweep(show=["colour"])
    with pytest.raises(TypeError, match="show must be a list"):
        cl.KernelSweep(show="kernel_size")


def test_flush_turns_only_no_picture_into_a_message(monkeypatch):
    from convlesson.explorers import NoPicture

    ex = cl.FilterBank()

    def no_picture():
        raise NoPicture("the output would be empty")

    monkeypatch.setattr(ex, "_draw", no_picture)
    before = ex.image.value
    ex.controls["filters"].value = 3
    assert ex.message == "This combination has no picture: the output would be empty"
    assert ex.image.value == before

    def bug():
        raise ValueError("a drawing bug")

    monkeypatch.setattr(ex, "_draw", bug)
    with pytest.raises(ValueError, match="a drawing bug"):
        ex.controls["filters"].value = 4


def test_a_closed_explorer_says_so():
    ex = cl.FilterBank()
    ex.close()
    assert ex.closed and ex.figure is None if hasattr(ex, "figure") else ex.closed
    with pytest.raises(ValueError, match="was closed"):
        ex.set(filters=3)
    assert "(closed)" in ex._repr_mimebundle_()["text/plain"]
    ex.close()  # twice is fine
