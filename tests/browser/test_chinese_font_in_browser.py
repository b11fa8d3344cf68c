"""The Chinese explorers' labels are drawn with the shipped font in JupyterLab: no empty boxes.

A slider's label is HTML text the browser draws with its own fonts; a machine without a Chinese
font (this suite's headless Chromium, most Linux machines) would draw its Chinese as boxes. In
Chinese each explorer brings the shipped font with it (``convlesson/explorers/browser_font.py``).
After Run All Cells of ``zh/04_many_channels.ipynb``: the font is loaded, a Chinese slider label's
computed font-family names it, every Chinese text of the widgets is as wide on the page as in its
font (boxes are narrower), and the label's Chinese, drawn in the label's own font, is not the
picture of missing glyphs (the same number of unassigned characters, which no font has, drawn in
that font: the boxes a missing glyph is drawn as). The same holds for one explorer in Notebook 7
and in Voila.

Run alone with ``CI=true python -m pytest tests/browser/test_chinese_font_in_browser.py -o addopts="" -q``.
"""

from __future__ import annotations

import labdriver
import pytest

pytestmark = pytest.mark.browser

NAME = labdriver.served_name(labdriver.zh_notebooks(("04_many_channels",))[0])
FAMILY = "Convlesson Sans SC"
# A small Chinese notebook for Notebook 7 and Voila: an explorer with a Play widget, and an answer box.
SMALL = "chinese_font.ipynb"
SMALL_CELLS = [
    'import convlesson as cl\n\ncl.language("zh")',
    'cl.FilterSweep(filters=1, step=4, show=["c_in", "filters", "kernel_size", "step"])',
    'cl.ask("kernels-for-one-map")',
]
VOILA_MS = 240_000

# What the browser knows of the font, and how a slider's Chinese label is drawn.
_JS_FONT_REPORT = """async (area, family) => {
    await document.fonts.ready;
    const faces = [...document.fonts].filter(f => f.family.replace(/["']/g, '') === family);
    const label = [...area.querySelectorAll('.widget-slider label')]
        .find(l => /[\\u4e00-\\u9fff]/.test(l.textContent));
    if (!label) return {label: null};
    const chinese = (label.textContent.match(/[\\u4e00-\\u9fff]/g) || []).join('');
    const style = getComputedStyle(label);
    const font = `${style.fontWeight} 32px ${style.fontFamily}`;
    const draw = (text) => {
        const canvas = document.createElement('canvas');
        canvas.width = 40 * text.length + 20; canvas.height = 60;
        const ctx = canvas.getContext('2d');
        ctx.font = font; ctx.fillStyle = '#000'; ctx.textBaseline = 'middle';
        ctx.fillText(text, 10, 30);
        return {width: ctx.measureText(text).width, data: canvas.toDataURL()};
    };
    const drawn = draw(chinese);
    const boxes = draw('\\u0378'.repeat(chinese.length));  // unassigned: every font lacks it
    // every text in any widget output (labels, readouts, buttons, the answer box's input) with Chinese
    const cjk = /[\u4e00-\u9fff]/;
    const own = (e) => [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('')
        + (e.placeholder || '') + (e.tagName === 'INPUT' ? e.value : '');
    const outputs = document.querySelectorAll('.jp-OutputArea-output .jupyter-widgets');
    const chineseTexts = [...outputs].flatMap(o => [...o.querySelectorAll('*')])
        .filter(e => cjk.test(own(e)));
    const without = chineseTexts.filter(e => !getComputedStyle(e).fontFamily.includes(family))
        .map(e => `<${e.tagName.toLowerCase()} class="${e.className}">${own(e).slice(0, 40)}`);
    // each Chinese text node as laid out on the page vs. its width in its font: boxes, or a text left
    // as laid out before the font loaded, are narrower (a Chinese character is one em wide)
    const measure = document.createElement('canvas').getContext('2d');
    const misdrawn = [];
    for (const e of chineseTexts) {
        const st = getComputedStyle(e);
        measure.font = `${st.fontStyle} ${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
        for (const n of e.childNodes) {
            if (n.nodeType !== 3 || !cjk.test(n.textContent)) continue;
            const range = document.createRange();
            range.selectNodeContents(n);
            const laid = range.getBoundingClientRect().width, wide = measure.measureText(n.textContent).width;
            const text = n.textContent;
            if (laid > 0 && Math.abs(laid - wide) > 1) misdrawn.push(`${text}: ${laid} not ${wide} px`);
        }
    }
    // icons (the Play widget's buttons) keep Font Awesome
    const icons = [...outputs].flatMap(o => [...o.querySelectorAll('.fa')]);
    const iconFonts = [...new Set(icons.map(e => getComputedStyle(e).fontFamily))];
    return {
        icons: icons.length, iconFonts,
        texts: chineseTexts.length, without: [...new Set(without)], misdrawn,
        label: label.textContent, chinese, fontFamily: style.fontFamily,
        check: document.fonts.check(`16px "${family}"`, '步幅'),
        loaded: faces.map(f => `${f.weight}:${f.status}`),
        drawnWidth: drawn.width, boxesWidth: boxes.width, sameAsBoxes: drawn.data === boxes.data,
    };
}"""


@pytest.fixture(scope="module")
def report(lab, artifacts_dir):
    lab.open_notebook(NAME)
    try:
        lab.run_all_cells()
        explorers = [e for e in lab.explorers() if e.is_explorer and e.sliders]
        assert explorers, f"{NAME}: no explorer with sliders on the page"
        lab.wait_rendered(explorers[0])
        lab.screenshot(explorers[0], artifacts_dir / f"zh_font__{explorers[0].name}.png")
        yield explorers[0].area.evaluate(_JS_FONT_REPORT, FAMILY)
    finally:
        lab.close_notebook()


def _problems(report: dict) -> list[str]:
    """What is wrong with how a page draws its widgets' Chinese (the tests below, for other pages)."""
    families = [f.strip().strip("\"'") for f in report.get("fontFamily", "").split(",")]
    found = {
        "no slider with a Chinese label": not report["label"],
        "the shipped font is not loaded": "normal:loaded" not in report.get("loaded", []),
        f"the label is drawn in {report.get('fontFamily')}": families[:1] != [FAMILY] or len(families) < 2,
        f"texts drawn as boxes: {report.get('misdrawn')}": report.get("misdrawn"),
        "the label's Chinese is drawn as boxes": report.get("sameAsBoxes"),
        f"drawn without the font: {report.get('without')}": report.get("without"),
        f"icons drawn in {report.get('iconFonts')}": not report.get("icons")
        or any("Font Awesome" not in f for f in report.get("iconFonts")),
    }
    return [what for what, wrong in found.items() if wrong]


def _page_report(page) -> dict:
    return page.evaluate(f"(family) => ({_JS_FONT_REPORT})(document.body, family)", FAMILY)


def test_notebook7_draws_the_chinese_with_the_shipped_font(notebook7, notebook7_server, artifacts_dir):
    notebook7_server.add_notebook(SMALL, SMALL_CELLS)
    notebook7.open_notebook(SMALL)
    try:
        notebook7.run_all_cells()
        explorer = next(e for e in notebook7.explorers() if e.is_explorer)
        notebook7.wait_rendered(explorer)
        notebook7.screenshot(explorer, artifacts_dir / "zh_font_notebook7__FilterSweep.png")
        report = _page_report(notebook7.page)
    finally:
        notebook7.close_notebook()
    assert not _problems(report), f"Notebook 7: {_problems(report)}\n{report}"


def test_voila_draws_the_chinese_with_the_shipped_font(chromium, lab_server, artifacts_dir):
    """Voila runs the notebook itself when the page is asked for and shows only the outputs."""
    labdriver.require_voila()
    lab_server.add_notebook(SMALL, SMALL_CELLS)
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{lab_server.url}/voila/render/{SMALL}", timeout=VOILA_MS)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.jupyter-widgets img')].some(i => i.naturalWidth > 0)",
            timeout=VOILA_MS,
            polling=200,
        )
        report = _page_report(page)
        page.screenshot(path=str(artifacts_dir / "zh_font_voila.png"), full_page=True)
    finally:
        context.close()
    assert not _problems(report), f"Voila: {_problems(report)}\n{report}"


def test_the_shipped_font_is_loaded(report):
    assert report["label"], f"{NAME}: no slider with a Chinese label"
    assert report["check"], f"document.fonts.check('16px \"{FAMILY}\"', '步幅') is false: {report}"
    assert "normal:loaded" in report["loaded"], f"the shipped font is not loaded: {report}"


def test_a_chinese_label_is_drawn_in_the_shipped_font_then_the_pages_own(report):
    """The shipped font claims only Chinese (its unicode-range), so the page's fonts draw the rest."""
    families = [f.strip().strip("\"'") for f in report["fontFamily"].split(",")]
    assert FAMILY in families, f"{report['label']!r} is drawn in {report['fontFamily']}"
    assert families[0] == FAMILY and len(families) > 1, report["fontFamily"]


def test_no_chinese_text_is_left_as_laid_out_before_the_font_loaded(report):
    """Every Chinese text of the widgets is as wide on the page as in its font: no boxes anywhere."""
    assert report["texts"] >= 10 and not report["misdrawn"], report["misdrawn"]


def test_every_chinese_text_of_a_widget_has_the_shipped_font(report):
    """Labels, readouts, buttons and the answer box (its input and verdict) of every widget output."""
    assert report["texts"] >= 10, f"only {report['texts']} Chinese texts in the widget outputs"
    assert not report["without"], f"drawn without {FAMILY}: {report['without']}"


def test_the_icons_keep_their_font(report):
    """The Play widget's play, pause and stop icons are Font Awesome, not boxes of the shipped font."""
    assert report["icons"] >= 3, f"only {report['icons']} icons in the widget outputs"
    assert all("Font Awesome" in f and FAMILY not in f for f in report["iconFonts"]), report["iconFonts"]


def test_a_chinese_label_is_not_drawn_as_boxes(report):
    assert not report["sameAsBoxes"], (
        f"{report['chinese']!r} of {report['label']!r} is drawn as missing-glyph boxes "
        f"(width {report['drawnWidth']:.1f} px, boxes {report['boxesWidth']:.1f} px) "
        f"in {report['fontFamily']}"
    )
