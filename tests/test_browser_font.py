"""In Chinese every explorer brings the shipped font to the browser; in English nothing changes.

The labels, readouts, buttons and answer box of an explorer are HTML text the browser draws with its
own fonts, which on many machines hold no Chinese. In Chinese each explorer's outer box is marked
with a class and carries a ``<style>`` whose ``@font-face`` rules hold the shipped font files as
``data:`` URLs; here the URLs are decoded and compared byte for byte with the files on disk.
(``tests/browser/test_notebooks_in_browser.py`` checks that a browser really draws with it.)
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import ipywidgets as widgets
import pytest

import convlesson as cl
from convlesson.explorers import browser_font

FONTDATA = Path(__file__).resolve().parents[1] / "convlesson" / "pictures" / "fontdata"
SHIPPED = {
    "normal": (FONTDATA / "ConvlessonSansSC-Regular.otf").read_bytes(),
    "bold": (FONTDATA / "ConvlessonSansSC-Bold.otf").read_bytes(),
}
FACE = re.compile(
    r'@font-face \{ font-family: "Convlesson Sans SC"; font-weight: (\w+);[^}]*'
    r"src: url\(data:font/otf;base64,([A-Za-z0-9+/=]+)\)"
)
FAMILY = "Convlesson Sans SC"
MAKERS = {
    "KernelSweep": lambda: cl.KernelSweep(),
    "ChannelSum": lambda: cl.ChannelSum(),
    "FilterBank": lambda: cl.FilterBank(),
    "Playground": lambda: cl.Playground(),
    "GroupedConv": lambda: cl.GroupedConv(),
    "FilterSweep": lambda: cl.FilterSweep(),
    "LearnedLayers": lambda: cl.LearnedLayers(),
    "TrainingRun": lambda: cl.TrainingRun(),
    "answer box": lambda: cl.ask("kernels-for-one-map"),
}


@pytest.fixture(autouse=True)
def _english_after():
    yield
    cl.language("en")


def _tree(w) -> list:
    """``w`` and every widget inside it."""
    out = [w]
    for child in getattr(w, "children", ()):
        out += _tree(child)
    return out


def _styles(root) -> list[widgets.HTML]:
    return [w for w in _tree(root) if isinstance(w, widgets.HTML) and "@font-face" in w.value]


@pytest.mark.parametrize("name", MAKERS)
def test_in_chinese_the_explorer_carries_the_shipped_font(name):
    cl.language("zh")
    ex = MAKERS[name]()
    try:
        assert browser_font.CLASS in ex.widget._dom_classes
        (style,) = _styles(ex.widget)
        assert style.layout.display == "none"  # it takes no room on the page
        faces = dict(FACE.findall(style.value))
        assert set(faces) == {"normal", "bold"}
        for weight, data in faces.items():
            assert base64.b64decode(data, validate=True) == SHIPPED[weight]
            # only Chinese writing is claimed: letters and digits stay in the page's own fonts
        ranges = re.findall(r"unicode-range: ([^;]*);", style.value)
        assert ranges == ["U+2E80-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF"] * 2
        every_but_icons = ":not(.fa):not(.fas):not(.far):not(.fab)"
        rule = f'.{browser_font.CLASS}, .{browser_font.CLASS} *{every_but_icons} {{ font-family: "{FAMILY}", '
        assert rule + "var(--jp-ui-font-family" in style.value
    finally:
        ex.close()
    assert style.comm is None  # closed with the explorer


@pytest.mark.parametrize("name", MAKERS)
def test_in_english_nothing_is_added(name):
    assert cl.language() == "en"
    ex = MAKERS[name]()
    try:
        assert not _styles(ex.widget)
        assert not any(browser_font.CLASS in w._dom_classes for w in _tree(ex.widget))
    finally:
        ex.close()


def test_the_style_is_made_once_per_process():
    assert browser_font.style_html() is browser_font.style_html()
