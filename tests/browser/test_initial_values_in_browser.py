"""Every explorer comes up in the browser with exactly the values its call asked for, in three front ends.

The browser has the last word on a widget's initial value: a ``jslink`` copies its source's value into
its target when the views appear, so an explorer built with ``step=5`` whose Play button were the
link's source would come up at Play's 0 in the browser while Python still says 5. Only a browser sees
that. Here a notebook made of every explorer cell of the course (each as written in its lesson) runs in
JupyterLab, in Jupyter Notebook 7 and in Voila; for each explorer on the page, every control shown
(slider, dropdown, checkbox) must hold the value the same call gives in Python, and the picture must be
the very picture Python draws for those values.

The Chinese edition's explorer cells run the same way in JupyterLab after ``cl.language("zh")``, and
are compared with what Python holds and draws in Chinese. A control is known by its code name, the
first word of its label (another language may add a gloss after it).

Run alone with ``CI=true python -m pytest tests/browser/test_initial_values_in_browser.py -o addopts=""``.
"""

from __future__ import annotations

import base64
import io
import json
import math

import labdriver
import numpy as np
import pytest
from PIL import Image

import convlesson as cl

pytestmark = pytest.mark.browser

NOTEBOOK = "initial_values.ipynb"
ZH_NOTEBOOK = "initial_values_zh.ipynb"
VOILA_PATH = "/voila/render/{}"
VOILA_MS = 240_000


def course_explorer_cells(paths=None) -> list[str]:
    """Every one-line explorer cell of the course (or of ``paths``), as written, in order (each once)."""
    cells = []
    for path in labdriver.course_notebooks() if paths is None else paths:
        for cell in json.loads(path.read_text("utf-8"))["cells"]:
            source = "".join(cell["source"]).strip()
            if cell["cell_type"] == "code" and labdriver.EXPLORER_CELL.match(source) and source not in cells:
                cells.append(source)
    return cells


CELLS = course_explorer_cells()
ZH_CELLS = course_explorer_cells(labdriver.zh_notebooks())

# Each widget output of the page: its controls as the page shows them, and its picture's bytes.
_JS_READ = """async () => {
  const outputs = Array.from(document.querySelectorAll('.jp-OutputArea-output'))
    .filter(o => o.querySelector(':scope > .jupyter-widgets'));
  const label = row => Array.from(row.querySelectorAll('label'))
    .map(l => l.textContent.replace(/\u200b/g, '').trim().replace(/:$/, '')).find(t => t) || '';
  const read = async o => {
    const img = o.querySelector('img');
    let png = '';
    if (img && img.src) {
      const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
      let s = ''; for (const b of bytes) s += String.fromCharCode(b);
      png = btoa(s);
    }
    return {
      sliders: Array.from(o.querySelectorAll('.widget-slider')).map(r => {
        const h = r.querySelector('.noUi-handle');
        return [label(r), h.getAttribute('aria-valuetext') || h.getAttribute('aria-valuenow')];
      }),
      dropdowns: Array.from(o.querySelectorAll('.widget-dropdown')).map(r =>
        [label(r), (r.querySelector('select').selectedOptions[0]?.textContent ?? '')
          .replace(/\u00a0/g, ' ')]),
      checkboxes: Array.from(o.querySelectorAll('.widget-checkbox')).map(r =>
        [label(r), r.querySelector('input[type=checkbox]').checked]),
      png,
    };
  };
  return Promise.all(outputs.map(read));
}"""

# Every widget output holds a loaded picture: the first frames have arrived.
_JS_ALL_PICTURES = """(n) => {
  const outputs = Array.from(document.querySelectorAll('.jp-OutputArea-output'))
    .filter(o => o.querySelector(':scope > .jupyter-widgets'));
  return outputs.length === n && outputs.every(o => {
    const img = o.querySelector('img');
    return img && img.getAttribute('src') && img.complete && img.naturalWidth > 0;
  });
}"""


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def made_in_python(cells: list[str], language: str = "en") -> list[tuple[dict, np.ndarray]]:
    """What each cell's explorer holds in Python right after it is made, in ``language``: its state
    and first picture."""
    cl.lecture_mode(False)  # as the notebooks draw
    cl.language(language)
    out = []
    try:
        for source in cells:
            explorer = eval(source, {"cl": cl})  # the cell as the learner runs it
            try:
                out.append((dict(explorer.state), pixels(explorer.image.value)))
            finally:
                explorer.close()
    finally:
        cl.language("en")
    return out


@pytest.fixture(scope="module")
def expected():
    return made_in_python(CELLS)


def named(controls) -> list[tuple[str, object]]:
    """``(code name, value)`` for each ``(label, value)`` the page shows."""
    return [(labdriver.control_name(label), value) for label, value in controls]


def _check(page_outputs, expected, cells=CELLS) -> list[str]:
    """Every difference between what the page shows and what Python holds, one line each."""
    problems = []
    if len(page_outputs) != len(cells):
        return [f"{len(cells)} explorer cells, {len(page_outputs)} widget outputs on the page"]
    for source, shown, (state, picture) in zip(cells, page_outputs, expected, strict=True):
        for name, value in named(shown["sliders"]):
            want = state[name]
            if not math.isclose(float(value), float(want), rel_tol=0, abs_tol=1e-9):
                problems.append(f"{source}: the {name} slider shows {value}, the call asked for {want}")
        for name, value in named(shown["dropdowns"]):
            if str(state[name]) != value:
                problems.append(
                    f"{source}: the {name} menu shows {value!r}, the call asked for {state[name]!r}"
                )
        for name, value in named(shown["checkboxes"]):
            if bool(state[name]) != value:
                problems.append(f"{source}: {name} is ticked {value}, the call asked for {state[name]}")
        if not shown["png"]:
            problems.append(f"{source}: no picture on the page")
            continue
        live = pixels(base64.b64decode(shown["png"]))
        if live.shape != picture.shape or not np.array_equal(live, picture):
            problems.append(f"{source}: the picture on the page is not the one Python drew for these values")
    return problems


@pytest.fixture(scope="module")
def course_cells_notebook(lab_server):
    return lab_server.add_notebook(NOTEBOOK, ["import convlesson as cl", *CELLS])


def test_the_course_has_explorer_cells_with_chosen_values():
    assert len(CELLS) >= 10
    assert any("step=" in c for c in CELLS), "no explorer cell starts at a chosen step"


def _problems_after_run_all(driver, notebook, expected, cells=CELLS) -> list[str]:
    """Open ``notebook`` in ``driver``'s front end, run all, and compare what it shows with ``expected``."""
    driver.open_notebook(notebook)
    try:
        driver.run_all_cells()
        driver.wait_until(f"() => ({_JS_ALL_PICTURES})({len(cells)})", "every explorer's first picture")
        return _check(driver.page.evaluate(_JS_READ), expected, cells)
    finally:
        driver.close_notebook()


def test_jupyterlab_shows_the_values_each_cell_asked_for(lab, course_cells_notebook, expected):
    problems = _problems_after_run_all(lab, course_cells_notebook, expected)
    assert not problems, "\n".join(problems)


def test_the_chinese_edition_has_the_explorer_cells_of_the_english():
    assert ZH_CELLS, f"no explorer cells in {labdriver.NOTEBOOKS / labdriver.ZH}"
    assert sorted(ZH_CELLS) == sorted(CELLS)


def test_jupyterlab_shows_the_values_each_cell_asked_for_in_chinese(lab, lab_server):
    """The Chinese edition's explorer cells, after ``cl.language("zh")``: the values asked for and the
    very pictures Python draws in Chinese."""
    want = made_in_python(ZH_CELLS, "zh")
    name = lab_server.add_notebook(ZH_NOTEBOOK, ["import convlesson as cl", 'cl.language("zh")', *ZH_CELLS])
    problems = _problems_after_run_all(lab, name, want, ZH_CELLS)
    assert not problems, "\n".join(problems)


def test_notebook7_shows_the_values_each_cell_asked_for(notebook7, notebook7_server, expected):
    notebook7_server.add_notebook(NOTEBOOK, ["import convlesson as cl", *CELLS])
    problems = _problems_after_run_all(notebook7, NOTEBOOK, expected)
    assert not problems, "\n".join(problems)


def test_voila_shows_the_values_each_cell_asked_for(chromium, lab_server, course_cells_notebook, expected):
    """Voila runs the notebook itself when the page is asked for and shows only the outputs."""
    labdriver.require_voila()
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(lab_server.url + VOILA_PATH.format(course_cells_notebook), timeout=VOILA_MS)
        page.wait_for_function(_JS_ALL_PICTURES, arg=len(CELLS), timeout=VOILA_MS, polling=200)
        problems = _check(page.evaluate(_JS_READ), expected)
    finally:
        context.close()
    assert not problems, "\n".join(problems)
