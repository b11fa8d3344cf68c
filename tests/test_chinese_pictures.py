"""Pictures in Chinese on any machine: the shipped font holds every character, nothing is drawn as a box.

With ``cl.language("zh")`` every picture and explorer writes Chinese. Most machines have no Chinese
font, so the package ships a subset of Noto Sans CJK SC (``convlesson/pictures/fontdata``). Here
matplotlib is shown NO system font that has Chinese (any it finds is hidden), every explorer and
every ``draw_*`` function is drawn in Chinese, and any "Glyph … missing" warning fails the test.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import warnings
from pathlib import Path

import numpy as np
import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import IdentityTransform

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pytest itself depends on tomli there
    import tomli as tomllib

import convlesson as cl
from convlesson.core import language as lang
from convlesson.pictures import fast_text, font, text_art
from convlesson.pictures.render import still_png
from convlesson.pictures.summary_figure import summary_figure

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
AVOIDED = ("内核", "过滤器", "滤镜")
#: A few settings of each explorer (the first is its defaults), drawn in normal and lecture mode.
SETTINGS = {
    "KernelSweep": [
        {},
        {"input_size": 10, "kernel_size": 3, "dilation_rate": 3, "padding": "full", "step": 5},
    ],
    "ChannelSum": [{}, {"c_in": 8, "kernel_size": 7, "kernels": "random"}, {"c_in": 1}],
    "FilterBank": [
        {},
        {"c_in": 8, "filters": 8, "kernel_size": 7},
        {"c_in": 1, "filters": 1, "weights": "random"},
    ],
    "Playground": [{}, {"filters": 8, "kernel_size": 7, "kernel": "random"}],
    "GroupedConv": [{}, {"c_in": 8, "filters": 8, "groups": 8}],
    "FilterSweep": [{}, {"c_in": 4, "filters": 3, "kernel_size": 5}, {"view": "3-D", "step": 4}],
    "LearnedLayers": [{}, {"sample": "green disc", "conv_layer": 2, "filters": 16}],
}
CASES = [
    (name, kw, lecture) for name, settings in SETTINGS.items() for kw in settings for lecture in (False, True)
]


def _strings(value):
    """Every str inside ``value`` (dicts' keys and values, lists, tuples, sets)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _strings(v)


def chinese_catalogs() -> dict[str, str]:
    """``{module name: all its text}`` of every Chinese catalog: each layer's ``words/zh.py`` and, where
    it exists, every module of ``convlesson.exercises.texts.zh``."""
    found = {}
    for domain in lang.DOMAINS:
        name = f"convlesson.{domain}.words.zh"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        found[name] = "\n".join(_strings(module.WORDS))
    try:
        texts = importlib.import_module("convlesson.exercises.texts.zh")
    except ModuleNotFoundError:
        return found
    for info in pkgutil.walk_packages(texts.__path__, texts.__name__ + "."):
        module = importlib.import_module(info.name)
        found[info.name] = "\n".join(s for v in vars(module).values() for s in _strings(v))
    return found


def test_the_font_holds_every_character_of_every_chinese_catalog():
    catalogs = chinese_catalogs()
    assert "convlesson.pictures.words.zh" in catalogs and "convlesson.explorers.words.zh" in catalogs
    for path in font.FONT_FILES:
        held = set(TTFont(path, lazy=True).getBestCmap())
        for name, text in catalogs.items():
            lacking = sorted({c for c in text if CJK.match(c) and ord(c) not in held})
            assert not lacking, f"{path.name} lacks {''.join(lacking)} of {name}: re-run make_font"


def test_the_font_is_small_licensed_named_and_shipped():
    for path in font.FONT_FILES:
        assert path.stat().st_size < 300_000, f"{path.name}: {path.stat().st_size:,} bytes"
        names = TTFont(path, lazy=True)["name"]
        assert names.getDebugName(1) == font.FAMILY  # renamed, as the licence asks of a modified font
        assert "Adobe" in names.getDebugName(0)
    licence = (font.FONT_FILES[0].parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Adobe" in licence
    shipped = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    patterns = shipped["convlesson.pictures"]
    assert "fontdata/*.otf" in patterns and "fontdata/OFL.txt" in patterns


@pytest.mark.parametrize("domain", ["pictures", "explorers"])
def test_the_avoided_words_are_never_said(domain):
    for code in lang.LANGUAGES:
        for key, words in lang.table(domain, code).items():
            for word in AVOIDED:
                assert word not in words, f"{domain}/words/{code}.py: {key} says {word}"


# ------------------------------------------------------------------ drawing with no system Chinese font
@pytest.fixture(scope="module")
def no_system_chinese_font():
    """matplotlib's font list without any font but ours that has Chinese; caches emptied, Chinese in use."""
    font.register()
    ours = {p.resolve() for p in font.FONT_FILES}

    def has_chinese(entry) -> bool:
        try:
            return ord("卷") in font_manager.get_font(entry.fname).get_charmap()
        except Exception:  # a font FreeType cannot open is no Chinese font either
            return False

    saved = list(font_manager.fontManager.ttflist)
    kept = [e for e in saved if Path(e.fname).resolve() in ours or not has_chinese(e)]
    font_manager.fontManager.ttflist = kept
    font_manager.fontManager._findfont_cached.cache_clear()
    assert {Path(e.fname).resolve() for e in kept if has_chinese(e)} == ours
    fast_text._stamps.clear()
    fast_text._origins.clear()
    text_art._measured.clear()
    try:
        yield
    finally:
        font_manager.fontManager.ttflist = saved
        font_manager.fontManager._findfont_cached.cache_clear()
        cl.language("en")
        cl.lecture_mode(False)


@pytest.fixture
def zh(no_system_chinese_font):
    cl.language("zh")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught
    cl.language("en")
    cl.lecture_mode(False)
    missing = sorted({str(w.message) for w in caught if "missing from font" in str(w.message)})
    assert not missing, missing[:5]


def chinese_texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and CJK.search(t.get_text())]


def case_id(case):
    name, kw, lecture = case
    return (
        f"{name}[{','.join(f'{k}={v}' for k, v in kw.items()) or 'default'}]{'-lecture' if lecture else ''}"
    )


@pytest.mark.parametrize(("name", "kw", "lecture"), CASES, ids=[case_id(c) for c in CASES])
def test_every_explorer_draws_its_chinese(zh, name, kw, lecture):
    cl.lecture_mode(lecture)
    ex = getattr(cl, name)(**kw)
    try:
        ex.flush()
        assert chinese_texts(ex.figure), "no Chinese in the picture"
        assert still_png(ex.figure)[:4] == b"\x89PNG"
        control = next(iter(ex.controls.values()))
        assert CJK.search(control.description), control.description
    finally:
        ex.close()


def test_a_training_run_speaks_chinese(zh):
    run = cl.TrainingRun(pictures=160, epochs=2, seed=3)
    try:
        run.button.click()
        assert CJK.search(run.readout.value) and CJK.search(run.progress.description)
        assert CJK.search(run.button.description)
    finally:
        run.close()


def test_every_draw_function_draws_its_chinese(zh):
    rng = np.random.default_rng(0)
    x = rng.uniform(size=(6, 6, 3))
    layer = cl.Conv2D(filters=2, kernel_size=3, seed=0)
    draws = [
        lambda ax: cl.draw_kernel(ax, rng.normal(size=(3, 3))),
        lambda ax: cl.draw_filter(ax, rng.normal(size=(3, 3, 3))),
        lambda ax: cl.draw_layer_weights(ax, rng.normal(size=(3, 3, 2, 4)), groups=2),
        lambda ax: cl.draw_channels(ax, x, padding=1),
        lambda ax: cl.draw_maps(ax, rng.normal(size=(4, 4, 2))),
        lambda ax: cl.draw_sweep(ax, cl.sweep(x[..., 0], np.ones((3, 3))), step=4),
        lambda ax: cl.draw_volumes(ax, x, layer, step=3),
        lambda ax: cl.draw_kernel(ax, np.eye(3), title="一个卷积核（自己的标题）"),
    ]
    for draw in draws:
        fig = Figure(figsize=(8.5, 4), dpi=100)
        FigureCanvasAgg(fig)
        draw(fig.add_subplot())
        fig.canvas.draw()
        assert chinese_texts(fig), draw
    fig = summary_figure()
    fig.canvas.draw()
    assert len(chinese_texts(fig)) > 5


def test_the_fast_labels_draw_chinese_as_matplotlib_does(zh):
    """A stamped Chinese label has the pixels of the stock one, and is not blank."""
    props = text_art.role_props("label", "卷积核 3×3，滤波器")
    assert props["fontfamily"][-1] == font.FAMILY

    def pixels(cls):
        fig = Figure(figsize=(3.2, 0.5), dpi=100)
        FigureCanvasAgg(fig)
        fig.add_artist(cls(20, 20, "卷积核 3×3，滤波器", transform=IdentityTransform(), **props))
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba()).astype(int)

    stock, fast = pixels(Text), pixels(fast_text.FastText)
    assert (stock[..., :3] < 128).sum() > 200, "the label is blank"
    np.testing.assert_array_equal(fast, stock)


def test_english_pictures_use_no_chinese_font_and_come_back_unchanged():
    """Switching to Chinese and back gives the English picture pixel for pixel."""
    assert text_art.role_props("label", "kernel 3×3") == {
        "fontsize": text_art.role_props("label")["fontsize"],
        "fontweight": "normal",
    }
    before = cl.ChannelSum()
    english = still_png(before.figure)
    cl.language("zh")
    try:
        chinese = cl.ChannelSum()
        assert still_png(chinese.figure) != english
        chinese.close()
    finally:
        cl.language("en")
    again = cl.ChannelSum()
    try:
        assert not chinese_texts(again.figure)
        assert all(font.FAMILY not in t.get_fontfamily() for t in again.figure.findobj(Text))
        assert still_png(again.figure) == english
    finally:
        before.close()
        again.close()


@pytest.mark.parametrize(
    ("make", "exc"),
    [
        (lambda: cl.KernelSweep(kernel_size=99), ValueError),
        (lambda: cl.KernelSweep(kernel_size=2.5), TypeError),
        (lambda: cl.ChannelSum(padding="middle"), ValueError),
        (lambda: cl.FilterBank(relu="yes"), TypeError),
        (lambda: cl.GroupedConv(colour=3), TypeError),
        (lambda: cl.draw_kernel("not an Axes", np.ones((3, 3))), TypeError),
        (lambda: cl.draw_kernel(Figure().add_subplot(), np.ones((3, 3, 3))), ValueError),
        (lambda: cl.draw_maps(Figure().add_subplot(), np.ones((4, 4, 2)), names=["a"]), ValueError),
    ],
)
def test_errors_a_learner_can_cause_speak_chinese_and_name_the_parameter(make, exc):
    cl.language("zh")
    try:
        with pytest.raises(exc) as caught:
            make()
    finally:
        cl.language("en")
    message = str(caught.value)
    assert CJK.search(message), message
    assert re.search(r"kernel_size|padding|relu|colour|ax|kernel|names", message), message


def test_the_answer_box_and_the_fallback_note_speak_chinese():
    from convlesson.explorers.answer_box import AnswerBox
    from convlesson.explorers.fallback import NOTE, still_with_note

    cl.language("zh")
    try:
        box = AnswerBox("预测 1", "例如 (4, 4)", lambda answer: "预测 1：答对了！13 像素宽。")
        assert CJK.search(box.text.description) and CJK.search(box.button.description)
        assert CJK.search(box.check())  # nothing typed yet: says what to do, in Chinese
        box.text.value = "(4, 4)"
        assert (
            box.check() == "预测 1：答对了！13 像素宽。" and "#1e7d32" in box.feedback.value
        )  # green: right
        box.close()
        ex = cl.KernelSweep()
        bundle = still_with_note(ex)
        ex.close()
    finally:
        cl.language("en")
    assert NOTE not in bundle["text/plain"] and CJK.search(bundle["text/plain"])
    assert "<code>pip install ipywidgets</code>" in bundle["text/html"]


def test_an_explorer_on_the_page_switches_at_its_next_frame():
    ex = cl.KernelSweep()
    try:
        assert ex.controls["kernel_size"].description == "kernel_size"
        cl.language("zh")
        ex.controls["step"].value = 1
        ex.flush()
        assert ex.controls["kernel_size"].description == "kernel_size 卷积核大小"
        assert chinese_texts(ex.figure)
        cl.language("en")
        ex.controls["step"].value = 2
        ex.flush()
        assert ex.controls["kernel_size"].description == "kernel_size"
        assert not chinese_texts(ex.figure)
    finally:
        cl.language("en")
        ex.close()
