"""The cells after a prediction keep their stored output folded until the learner runs them.

The notebooks mark those cells ``"jupyter": {"outputs_hidden": true}``; JupyterLab shows such an
output as a thin bar and unfolds it when the cell runs. Run alone with
``CI=true python -m pytest tests/browser/test_folded_answers_in_browser.py -o addopts="" -q``.
"""

from __future__ import annotations

import json
import time

import labdriver
import pytest

pytestmark = pytest.mark.browser

# Per code cell of the open notebook: is its output folded behind a bar, and how tall is its output?
_JS_FOLDS = """() => Array.from(
  document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')).map(cell => {
    const bar = cell.querySelector('.jp-OutputPlaceholder');
    const area = cell.querySelector('.jp-OutputArea');
    return {folded: !!bar && bar.offsetHeight > 0, shown: area ? area.offsetHeight : 0};
  })"""


def _folded_in_file(path) -> list[int]:
    """Indices (among code cells) of the cells stored with a folded, non-empty output."""
    cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    return [
        n
        for n, c in enumerate(cells)
        if c["metadata"].get("jupyter", {}).get("outputs_hidden") and c.get("outputs")
    ]


def _still_folded(folds, cells) -> list[int]:
    return [n for n in cells if n >= len(folds) or folds[n]["folded"] or folds[n]["shown"] == 0]


def _settled(lab, done, folded=True, seconds=20.0):
    """The page's folds once ``done(folds)`` holds, or as they are after ``seconds`` (a loaded machine
    lays a long notebook out slowly); with ``folded``, the indices of the folded cells."""
    deadline = time.monotonic() + seconds
    while True:
        folds = lab.page.evaluate(_JS_FOLDS)
        if done(folds) or time.monotonic() > deadline:
            return [n for n, f in enumerate(folds) if f["folded"]] if folded else folds
        lab.page.wait_for_timeout(250)


def test_some_answers_are_folded():
    assert any(_folded_in_file(p) for p in labdriver.course_notebooks())


@pytest.mark.parametrize("path", labdriver.course_notebooks(), ids=lambda p: p.stem)
def test_folded_outputs_show_as_bars_when_a_notebook_opens(lab, path):
    want = _folded_in_file(path)
    lab.open_notebook(path.name)
    try:
        folded = _settled(lab, lambda folds: [n for n, f in enumerate(folds) if f["folded"]] == want)
    finally:
        lab.close_notebook()
    assert folded == want


def test_running_a_folded_cell_unfolds_its_output(lab):
    path = next(p for p in labdriver.course_notebooks() if _folded_in_file(p))
    folded = _folded_in_file(path)
    lab.open_notebook(path.name)
    try:
        lab.run_all_cells()
        folds = _settled(lab, lambda folds: not _still_folded(folds, folded), folded=False)
    finally:
        lab.close_notebook()
    still = _still_folded(folds, folded)
    assert not still, f"{path.name}: code cells {still} still folded after Run All Cells"
