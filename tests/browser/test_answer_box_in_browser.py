"""The answer box (``cl.ask``) in a real front end: typed in, checked with the button, the verdict shown.

JupyterLab runs 01's first prediction cell as a learner would; Jupyter Notebook 7 a small notebook of
its own with a prediction and its box. The text is typed into the box with the keyboard and Check is
clicked; the verdict must appear under the box (first a named slip, then "right!"). A kernel slow to
take each value (one that sleeps in an observer) must still judge the whole answer, not the first
keystrokes: the browser holds back a model's later values until the kernel has taken the earlier one,
while a button's click is sent at once; and an answer the kernel takes just after the click it was sent
before must be judged, not clear the verdict. Run alone with
``CI=true python -m pytest tests/browser/test_answer_box_in_browser.py -o addopts="" -q``.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

NOTEBOOK = "answer_box.ipynb"
CELLS = [
    "import convlesson as cl",
    'answer = None\ncl.check("sweep-size", answer)\ncl.ask("sweep-size")',
]
SLOW_NOTEBOOK = "answer_box_slow_kernel.ipynb"
SLOW_CELLS = [
    "import time\nimport convlesson as cl",
    'box = cl.ask("sweep-size")\nbox.text.observe(lambda change: time.sleep(0.4), names="value")\nbox',
]
_JS_VERDICT = """words => Array.from(document.querySelectorAll(
  '.jp-NotebookPanel:not(.lm-mod-hidden) .widget-html, .jp-Notebook .widget-html'))
  .some(el => el.innerText.includes(words))"""


def _answer(page, text: str, words: str) -> None:
    box = page.notebook.locator(".widget-text input").first
    box.click()
    box.fill("")
    box.type(text)
    page.notebook.locator(".widget-button", has_text="Check").first.click()
    page.wait_until(f"() => ({_JS_VERDICT})({words!r})", f"the verdict on {text} saying {words!r}")


def _check_box(page) -> None:
    page.run_all_cells()
    errors = [e for cell in page.cell_report() for e in cell["errors"]]
    assert not errors, errors
    assert page.notebook.locator(".widget-text input").count() >= 1, "no answer box shown"
    _answer(page, "(5, 5)", "no padding, so the map shrinks")
    _answer(page, "(3, 3)", "Prediction 'sweep-size': right!")


def test_the_answer_box_checks_what_is_typed_in_jupyterlab(lab):
    lab.open_notebook("01_the_sweep.ipynb")
    try:
        _check_box(lab)
    finally:
        lab.close_notebook()


def test_the_answer_box_checks_what_is_typed_in_notebook7(notebook7_server, notebook7):
    notebook7_server.add_notebook(NOTEBOOK, CELLS)
    notebook7.open_notebook(NOTEBOOK)
    try:
        _check_box(notebook7)
    finally:
        notebook7.close_notebook()


def test_a_slow_kernel_judges_the_whole_answer_typed(notebook7_server, notebook7):
    notebook7_server.add_notebook(SLOW_NOTEBOOK, SLOW_CELLS)
    notebook7.open_notebook(SLOW_NOTEBOOK)
    try:
        notebook7.run_all_cells()
        _answer(notebook7, "(3, 3)", "Prediction 'sweep-size': right!")
    finally:
        notebook7.close_notebook()


@pytest.mark.parametrize("attempt", range(3))
def test_a_slow_kernel_judges_each_answer_in_turn(notebook7_server, notebook7, attempt):
    """A slip, then the right answer: the kernel may take the second click before the answer sent with
    it (about one time in four here before the box judged an answer arriving just after its click)."""
    name = f"answer_box_twice_{attempt}.ipynb"
    notebook7_server.add_notebook(name, SLOW_CELLS)
    notebook7.open_notebook(name)
    try:
        notebook7.run_all_cells()
        _answer(notebook7, "(5, 5)", "no padding, so the map shrinks")
        _answer(notebook7, "(3, 3)", "Prediction 'sweep-size': right!")
    finally:
        notebook7.close_notebook()
