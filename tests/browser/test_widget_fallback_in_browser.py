"""A JupyterLab without Jupyter's widget front end: each explorer shows its picture and says why it has
no sliders.

A second JupyterLab runs with ipywidgets' extension turned off, as a user would
(``jupyter labextension disable @jupyter-widgets/jupyterlab-manager``, in its own config folder).
There, every explorer's output must become its picture under the one line of
``convlesson.explorers.fallback.NOTE``; in the ordinary JupyterLab of the other browser tests the line
never shows (``test_notebooks_in_browser.py`` checks every notebook of the course for it).

Screenshots: ``tests/artifacts/browser/no_widgets__<Explorer>.png``.
"""

from __future__ import annotations

import json

import labdriver
import pytest

from convlesson.explorers.fallback import NOTE

pytestmark = pytest.mark.browser

WIDGET_MANAGER = "@jupyter-widgets/jupyterlab-manager"
NOTE_START = NOTE.split(":")[0]  # "No sliders here"
NOTEBOOK = "no_widgets_check.ipynb"
# The Setup cell, one cell per explorer, and an explorer made in one cell and shown in the next.
CELLS = [
    "import convlesson as cl",
    *[f"cl.{name}()" for name in labdriver.EXPLORER_CLASSES],
    "later = cl.KernelSweep(kernel_size=5)",
    "later",
]

# Per code cell: its source, how many outputs hold the note, their pictures and any widget.
_JS_OUTPUTS = """(note) => Array.from(
  document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')).map(cell => {
    const outs = Array.from(cell.querySelectorAll('.jp-OutputArea-output'));
    const imgs = outs.flatMap(o => Array.from(o.querySelectorAll('img')));
    return {
      source: cell.querySelector('.jp-InputArea-editor')?.textContent || '',
      notes: outs.filter(o => o.textContent.includes(note)).length,  // (innerText skips cells off screen)
      pictures: imgs.filter(i => i.complete && i.naturalWidth >= 400).length,
      widgets: cell.querySelectorAll('.jupyter-widgets').length,
    };
  })"""


@pytest.fixture(scope="module")
def no_widgets_server(artifacts_dir):
    server = labdriver.LabServer(
        labdriver.NOTEBOOKS,
        log_path=artifacts_dir / "jupyterlab-no-widgets-server.log",
        disabled_extensions=(WIDGET_MANAGER,),
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def no_widgets(chromium, no_widgets_server):
    page = labdriver.Lab(chromium, no_widgets_server)
    yield page
    page.close()


def has_widget_manager(page) -> bool:
    return page.page.evaluate(f"() => window.jupyterapp.hasPlugin('{WIDGET_MANAGER}:plugin')")


def test_the_widget_front_end_is_off_there_and_on_in_the_other_jupyterlab(no_widgets, lab):
    assert not has_widget_manager(no_widgets)
    assert has_widget_manager(lab), "the plugin id checked above is the widget manager's"


def run_and_wait_for_notes(page, name: str, expected: int) -> list[dict]:
    """Run every cell, then wait until ``expected`` outputs show the note (it follows the cell's run)."""
    page.open_notebook(name)
    page.run_all_cells()
    page.wait_until(
        f"() => ({_JS_OUTPUTS})({NOTE_START!r}).reduce((n, c) => n + c.notes, 0) >= {expected}",
        f"{expected} explorers saying their sliders are missing",
    )
    return page.page.evaluate(_JS_OUTPUTS, NOTE_START)


def test_every_explorer_shows_its_picture_under_the_note(no_widgets, artifacts_dir):
    no_widgets.server.add_notebook(NOTEBOOK, CELLS)
    shown = [c for c in CELLS if c.startswith("cl.") or c == "later"]
    try:
        cells = run_and_wait_for_notes(no_widgets, NOTEBOOK, len(shown))
        problems = [
            f"{c['source']!r}: {c['notes']} notes, {c['pictures']} pictures, {c['widgets']} widgets"
            for c in cells
            if (c["source"] in shown) != (c["notes"] == 1 and c["pictures"] == 1) or c["widgets"]
        ]
        areas = no_widgets.notebook.locator(".jp-OutputArea-output", has_text=NOTE_START)
        for i, name in enumerate(labdriver.EXPLORER_CLASSES):
            areas.nth(i).scroll_into_view_if_needed()
            areas.nth(i).screenshot(path=str(artifacts_dir / f"no_widgets__{name}.png"))
        # what JupyterLab logs for each widget comm it cannot open (and closes), and nothing else
        errors = [e for e in no_widgets.js_errors if e != "console: Exception opening new comm"]
    finally:
        no_widgets.close_notebook()
    assert not problems, "\n".join(problems)
    assert errors == [], "\n".join(errors)


def explorer_cells(path) -> int:
    nb = json.loads(path.read_text(encoding="utf-8"))
    sources = ["".join(c["source"]).strip() for c in nb["cells"] if c["cell_type"] == "code"]
    return sum(1 for src in sources if labdriver.EXPLORER_CELL.match(src))


def test_a_course_notebook_says_so_too(no_widgets):
    path = next(p for p in labdriver.course_notebooks() if explorer_cells(p))
    try:
        cells = run_and_wait_for_notes(no_widgets, path.name, explorer_cells(path))
    finally:
        no_widgets.close_notebook()
    with_note = [c for c in cells if c["notes"]]
    assert len(with_note) == explorer_cells(path)
    assert all(c["notes"] == c["pictures"] == 1 and not c["widgets"] for c in with_note), with_note
