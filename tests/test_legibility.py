"""Every explorer's picture read on a projector: text size on screen, nothing clipped, nothing overlapping.

On-screen size of a text = font size (pt) × dpi / 72 × min(1, 850 / picture width), for a notebook
column 850 px wide. Every text must be at least 12 px on screen normally and 18 px in lecture mode,
at default settings and at the extremes (numbers inside cells are drawn only where they fit, at
the number size of the mode, so they are held to the same minimum whenever they are drawn).
Bounding boxes come from matplotlib's own text layout. Every case is drawn in English and in
Chinese (``cl.language("zh")``): Chinese labels are shorter and taller, and every layout must hold both.
"""

from __future__ import annotations

import itertools

import pytest
from matplotlib.text import Text

import convlesson as cl
from convlesson.pictures.text_art import NumberArt

COLUMN = 850

SETTINGS = {
    "KernelSweep": [
        {},
        {"input_size": 10, "kernel_size": 7, "padding": "same", "step": 60},
        {"input_size": 10, "kernel_size": 7},
        {"input_size": 3, "kernel_size": 1},
        {"input_size": 10, "kernel_size": 3, "dilation_rate": 3, "padding": "full", "step": 5},
    ],
    "ChannelSum": [
        {},
        {"c_in": 1},
        {"c_in": 8, "kernel_size": 7},
        {"c_in": 8, "kernel_size": 7, "padding": "full", "relu": False},
        {"c_in": 2, "input_size": 6, "strides": 3, "kernels": "random"},
        {"c_in": 8, "kernels": "random"},
    ],
    "FilterBank": [
        {},
        {"c_in": 8, "filters": 8, "kernel_size": 7},
        {"c_in": 1, "filters": 1, "kernel_size": 1},
        {"c_in": 8, "filters": 1, "padding": "full"},
        {"c_in": 1, "filters": 8, "input_size": 32, "weights": "random"},
    ],
    "Playground": [{}, {"filters": 8, "kernel_size": 7, "kernel": "random"}, {"input_size": 8}],
    "GroupedConv": [{}, {"c_in": 8, "filters": 8, "groups": 8}, {"c_in": 8, "filters": 8, "kernel_size": 5}],
    "FilterSweep": [
        {},
        {"c_in": 4, "filters": 3, "kernel_size": 5},
        {"c_in": 1, "filters": 1, "kernel_size": 1},
        {"c_in": 4, "filters": 3, "kernel_size": 5, "input_size": 8, "padding": "full"},
        {"c_in": 4, "filters": 3, "input_size": 8, "padding": "same", "step": 20},
        {"view": "3-D", "step": 4},
        {"view": "3-D", "c_in": 4, "filters": 3, "kernel_size": 5, "input_size": 8},
        {"view": "3-D", "c_in": 1, "filters": 1, "kernel_size": 1},
    ],
    "LearnedLayers": [{}, {"sample": "green disc", "conv_layer": 2, "filters": 16}],
}
CASES = [
    (name, kw, lecture, code)
    for code in ("en", "zh")  # Chinese labels are shorter and taller: every layout is checked in both
    for name, settings in SETTINGS.items()
    for kw in settings
    for lecture in (False, True)
    if hasattr(cl, name)
]


def on_screen_px(fig, points: float) -> float:
    width = fig.get_figwidth() * fig.dpi
    return points * fig.dpi / 72 * min(1.0, COLUMN / width)


def visible_texts(fig):
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


@pytest.fixture
def explorer(request):
    name, kw, lecture, code = request.param
    cl.lecture_mode(lecture)
    cl.language(code)
    try:
        ex = getattr(cl, name)(**{k: v for k, v in kw.items()})
        yield ex, lecture
        ex.close()
    finally:
        cl.lecture_mode(False)
        cl.language("en")


def case_id(case):
    name, kw, lecture, code = case
    args = ",".join(f"{k}={v}" for k, v in kw.items()) or "default"
    return f"{name}[{args}]{'-lecture' if lecture else ''}{'-zh' if code != 'en' else ''}"


@pytest.mark.parametrize("explorer", CASES, ids=[case_id(c) for c in CASES], indirect=True)
def test_text_is_large_enough_on_screen(explorer):
    ex, lecture = explorer
    fig = ex.figure
    least = 18.0 if lecture else 12.0
    assert fig.get_figwidth() * fig.dpi <= COLUMN, "the picture is wider than a notebook column"
    small = [(t.get_text(), round(on_screen_px(fig, t.get_fontsize()), 1)) for t in visible_texts(fig)]
    small = [s for s in small if s[1] < least]
    assert not small, f"text under {least} px on screen: {small[:8]}"
    for art in fig.findobj(NumberArt):
        if art.get_visible() and art.texts:
            assert on_screen_px(fig, art.fontsize) >= least, "numbers in cells too small"


@pytest.mark.parametrize("explorer", CASES, ids=[case_id(c) for c in CASES], indirect=True)
def test_no_text_is_clipped_or_overlapping(explorer):
    ex, _ = explorer
    fig = ex.figure
    renderer = fig.canvas.get_renderer()
    width, height = fig.get_figwidth() * fig.dpi, fig.get_figheight() * fig.dpi
    boxes = []
    for t in visible_texts(fig):
        bb = t.get_window_extent(renderer)
        assert bb.x0 >= -0.5 and bb.x1 <= width + 0.5, f"{t.get_text()!r} runs off the side: {bb}"
        assert bb.y0 >= -0.5 and bb.y1 <= height + 0.5, f"{t.get_text()!r} runs off the top or bottom: {bb}"
        boxes.append((t.get_text(), bb))
    for (a, ba), (b, bb) in itertools.combinations(boxes, 2):
        overlap_w = min(ba.x1, bb.x1) - max(ba.x0, bb.x0)
        overlap_h = min(ba.y1, bb.y1) - max(ba.y0, bb.y0)
        assert overlap_w <= 1 or overlap_h <= 1, f"{a!r} overlaps {b!r}"


@pytest.mark.parametrize("explorer", CASES, ids=[case_id(c) for c in CASES], indirect=True)
def test_the_picture_has_no_empty_bands(explorer):
    """The height follows the content: nothing drawn is far from the top or the bottom edge."""
    ex, _ = explorer
    fig = ex.figure
    renderer = fig.canvas.get_renderer()
    height = fig.get_figheight() * fig.dpi
    extents = [t.get_window_extent(renderer) for t in visible_texts(fig)]
    extents += [
        a.get_window_extent(renderer) for a in ex.ax.images if a.get_visible() and a.get_array().size > 1
    ]
    top = max(e.y1 for e in extents)
    bottom = min(e.y0 for e in extents)
    assert height - top <= 40, f"{height - top:.0f} px empty above the picture"
    assert bottom <= 40, f"{bottom:.0f} px empty below the picture"
