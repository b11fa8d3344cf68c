"""The keys that move an explorer's slider in Jupyter Notebook 7 (the README's "Jupyter Notebook 7" note).

Notebook 7 starts its Lumino application without ``bubblingKeydown``, so its shortcut handler listens
for ``keydown`` on the document in the *capture* phase: it sees a key before the focused slider does.
Its command-mode shortcuts for ArrowUp/Down/Left/Right (``@jupyterlab/notebook-extension:tracker``,
selector ``.jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus``) match a focused slider
handle -- a ``<div>``, not an editable element, so the notebook stays in command mode without
``jp-mod-readWrite`` -- and Lumino runs the command and stops the event: the slider never gets it.
JupyterLab 4 starts with ``bubblingKeydown: true``: the slider handles the key first and calls
``preventDefault()``, and Lumino ignores a key whose default was prevented.

These tests open a small notebook of their own in Notebook 7 (written into the server's copy of the
course) and check, on a focused slider, both halves of the note:

* out of the box, Shift+ArrowLeft/Right, PageUp/PageDown, Home/End, a click on the track, a drag of
  the handle and a number typed beside the slider move it and redraw the picture; Tab reaches the
  next slider; ArrowRight/ArrowLeft do what Notebook 7 makes them do (jump to the next / previous
  heading, the slider unmoved) -- so these tests fail if Notebook 7 ever changes;
* with the shortcut settings the README gives, the arrow keys move the slider and still move between
  cells when a cell, not a slider, has the focus.
"""

from __future__ import annotations

import json
import re

import labdriver
import pytest

pytestmark = pytest.mark.browser

README = labdriver.REPO / "README.md"
SHORTCUTS_FILE = "@jupyterlab/shortcuts-extension/shortcuts.jupyterlab-settings"
NOTEBOOK = "notebook7_keys.ipynb"
CELLS = [
    ("markdown", "# Keys in Notebook 7"),
    "import convlesson as cl",
    ("markdown", "## The explorer"),
    "cl.FilterSweep()",
    ("markdown", "## After the explorer"),
    "print('the end')",
]
EXPLORER_CELL, HEADING_ABOVE, HEADING_BELOW = 3, 2, 4
PAGE_STEPS = 5  # what Page Up / Page Down move a slider by (noUiSlider's keyboardPageMultiplier)
JS_ERRORS: dict[str, list[str]] = {}  # page -> what it logged after loading
# Notebook 7.6 itself logs this while its page loads, before any cell runs, also with no user settings
# at all (its shortcuts plugin reads the schema of a settings plugin it has not loaded).
NOTEBOOK7_LOAD_ERRORS = ("uncaught: Cannot read properties of undefined (reading 'schema')",)


def documented_shortcuts() -> dict:
    """The Keyboard Shortcuts settings the README's "Jupyter Notebook 7" note gives (its JSON block)."""
    text = README.read_text(encoding="utf-8")
    note = re.search(r"^#+ Jupyter Notebook 7\b.*?^```json\n(.*?)^```", text, re.M | re.S)
    assert note, f'{README.name} has no "Jupyter Notebook 7" note with a ```json block of shortcut settings'
    return json.loads(note.group(1))


@pytest.fixture(scope="module")
def server(notebook7_server):
    notebook7_server.add_notebook(NOTEBOOK, CELLS)
    notebook7_server.remove_settings(SHORTCUTS_FILE)
    yield notebook7_server
    notebook7_server.remove_settings(SHORTCUTS_FILE)


def _open(page: labdriver.NotebookPage) -> labdriver.Explorer:
    """Load the notebook, run it, and return its explorer once its picture is shown."""
    page.open_notebook(NOTEBOOK)
    unexpected = [e for e in page.js_errors if e not in NOTEBOOK7_LOAD_ERRORS]
    assert not unexpected, "Notebook 7 logged errors while loading:\n" + "\n".join(unexpected)
    page.js_errors.clear()
    page.run_all_cells()
    errors = [e for cell in page.cell_report() for e in cell["errors"]]
    assert not errors, f"{NOTEBOOK}: {errors}"
    explorers = [e for e in page.explorers() if e.is_explorer]
    assert [e.name for e in explorers] == ["FilterSweep"], [e.name for e in explorers]
    page.wait_rendered(explorers[0])
    page.record_commands()
    return explorers[0]


@pytest.fixture(scope="module")
def out_of_the_box(server, notebook7):
    explorer = _open(notebook7)
    yield notebook7, explorer
    notebook7.close_notebook()


@pytest.fixture(scope="module")
def with_documented_shortcuts(server, notebook7, out_of_the_box):
    JS_ERRORS["out of the box"] = list(notebook7.js_errors)
    notebook7.close_notebook()  # the settings are read when a page loads
    server.write_settings(SHORTCUTS_FILE, documented_shortcuts())
    explorer = _open(notebook7)
    yield notebook7, explorer
    notebook7.close_notebook()
    server.remove_settings(SHORTCUTS_FILE)


def _press(page, explorer, slider, key: str) -> tuple[float, float]:
    """Focus the slider, press ``key``, wait for a new picture; return the value before and after."""
    before, src = slider.state()[0], explorer.src()
    slider.handle.focus()
    slider.handle.press(key)
    after = slider.state()[0]
    if after == before:
        raise AssertionError(
            f"{key} on {slider.name} = {before:g} did not move it; commands run: "
            f"{page.commands_run()}, focus now on {page.focused()}, active cell {page.active_cell()}"
        )
    page.wait_picture_change(explorer, src)
    return before, after


def _set(page, explorer, slider, key: str) -> None:
    """Put the slider at an end with Home or End (no-op if it is there already)."""
    value, lo, hi = slider.state()
    if value != (lo if key == "Home" else hi):
        _press(page, explorer, slider, key)


def test_keys_that_move_a_slider_out_of_the_box(out_of_the_box):
    page, explorer = out_of_the_box
    step = explorer.slider("step")
    _, lo, hi = step.state()
    assert hi - lo > PAGE_STEPS, f"step runs {lo:g}..{hi:g}: too short to tell the keys apart"
    _set(page, explorer, step, "Home")
    assert _press(page, explorer, step, "End") == (lo, hi)
    assert _press(page, explorer, step, "Home") == (hi, lo)
    before, after = _press(page, explorer, step, "PageUp")
    assert after - before == PAGE_STEPS, f"PageUp took step from {before:g} to {after:g} (README: five steps)"
    assert _press(page, explorer, step, "PageDown") == (after, before)
    assert _press(page, explorer, step, "Shift+ArrowRight") == (lo, lo + 1)
    assert _press(page, explorer, step, "Shift+ArrowLeft") == (lo + 1, lo)
    assert page.commands_run() == [], f"these keys ran Notebook 7 commands: {page.commands_run()}"


def test_mouse_and_typing_move_a_slider(out_of_the_box):
    page, explorer = out_of_the_box
    step = explorer.slider("step")
    _set(page, explorer, step, "Home")
    _, lo, hi = step.state()
    track = step.handle.locator("xpath=ancestor::div[contains(@class, 'noUi-target')][1]")
    track.scroll_into_view_if_needed()
    box = track.bounding_box()
    src = explorer.src()
    page.page.mouse.click(box["x"] + box["width"] * 0.99, box["y"] + box["height"] / 2)
    page.wait_picture_change(explorer, src)
    assert step.state()[0] == hi, f"a click at the end of the track took step to {step.state()[0]:g}"
    # The handle glides to where the track was clicked; grab it only once it is there.
    page.page.wait_for_function(
        "t => !t.classList.contains('noUi-state-tap')", arg=track.element_handle(), polling=25
    )
    handle = step.handle.bounding_box()
    src = explorer.src()
    page.page.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    page.page.mouse.down()
    page.page.mouse.move(box["x"] + 1, box["y"] + box["height"] / 2, steps=8)
    page.page.mouse.up()
    page.wait_picture_change(explorer, src)
    assert step.state()[0] == lo, f"dragging the handle to the start took step to {step.state()[0]:g}"
    readout = step.handle.locator("xpath=ancestor::div[contains(@class, 'widget-slider')][1]").locator(
        ".widget-readout"
    )
    target = int(lo + 2)
    src = explorer.src()
    readout.click()
    page.page.keyboard.press("ControlOrMeta+a")
    page.page.keyboard.type(str(target))
    page.page.keyboard.press("Enter")
    page.wait_picture_change(explorer, src)
    assert step.state()[0] == target, f"typing {target} beside the slider took step to {step.state()[0]:g}"
    assert page.commands_run() == [], f"the mouse and typing ran Notebook 7 commands: {page.commands_run()}"


def test_tab_reaches_the_next_slider(out_of_the_box):
    page, explorer = out_of_the_box
    first, second = explorer.sliders[0], explorer.sliders[1]
    first.handle.focus()
    presses = 0
    while presses < 4 and not second.handle.evaluate("h => h === document.activeElement"):
        page.page.keyboard.press("Tab")
        presses += 1
    assert second.handle.evaluate("h => h === document.activeElement"), (
        f"Tab {presses} times from {first.name} did not reach {second.name}; focus on {page.focused()}"
    )
    assert presses == 2, f"Tab reached {second.name} after {presses} presses (the README says twice)"
    _press(page, explorer, second, "PageDown" if second.state()[0] > second.state()[1] else "PageUp")


@pytest.mark.parametrize(
    "key, command, lands_on",
    [
        ("ArrowRight", "notebook:move-cursor-heading-below-or-expand", HEADING_BELOW),
        ("ArrowLeft", "notebook:move-cursor-heading-above-or-collapse", HEADING_ABOVE),
    ],
)
def test_arrow_keys_jump_to_a_heading_out_of_the_box(out_of_the_box, key, command, lands_on):
    """What the README says the arrows do in Notebook 7: leave the slider for the heading below / above."""
    page, explorer = out_of_the_box
    step = explorer.slider("step")
    _set(page, explorer, step, "Home")
    if key == "ArrowLeft":
        _press(page, explorer, step, "Shift+ArrowRight")  # so ArrowLeft would have room to move it
    value = step.state()[0]
    step.handle.focus()
    assert page.active_cell() == EXPLORER_CELL, f"focusing the slider made cell {page.active_cell()} active"
    page.record_commands()
    step.handle.press(key)
    page.wait_until(
        f"() => window.__cl.widget.content.activeCellIndex === {lands_on}",
        f"{key} on a focused slider in Notebook 7 making cell {lands_on} (a heading) active "
        f"(commands run: {page.commands_run()}, step {step.state()[0]:g}, focus on {page.focused()})",
    )
    assert page.commands_run() == [command], f"{key} ran {page.commands_run()}, not [{command!r}]"
    assert step.state()[0] == value, f"{key} moved the slider from {value:g} to {step.state()[0]:g}"
    assert "noUi-handle" not in page.focused(), f"after {key} the focus is still on {page.focused()}"


@pytest.mark.parametrize("key", ["ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown"])
def test_documented_shortcuts_give_the_arrows_to_the_slider(with_documented_shortcuts, key):
    page, explorer = with_documented_shortcuts
    step = explorer.slider("step")
    _set(page, explorer, step, "Home")
    if key in ("ArrowLeft", "ArrowDown"):
        _press(page, explorer, step, "End")
    page.record_commands()
    before, after = _press(page, explorer, step, key)
    assert abs(after - before) == 1, f"{key} moved step from {before:g} to {after:g}"
    assert page.commands_run() == [], f"{key} on the slider also ran {page.commands_run()}"


def test_documented_shortcuts_keep_the_arrows_between_cells(with_documented_shortcuts):
    """On a focused cell (command mode), ArrowDown / ArrowRight still move through the notebook."""
    page, _ = with_documented_shortcuts
    for key, start, lands_on in (("ArrowDown", 0, 1), ("ArrowRight", 0, HEADING_ABOVE)):
        page.page.evaluate(
            f"""() => {{ const nb = window.__cl.widget.content; nb.mode = 'command';
                 nb.activeCellIndex = {start}; nb.activeCell.node.focus(); }}"""
        )
        page.record_commands()
        page.page.keyboard.press(key)
        page.wait_until(
            f"() => window.__cl.widget.content.activeCellIndex === {lands_on}",
            f"{key} on cell {start} moving to cell {lands_on} (commands run: {page.commands_run()}, "
            f"focus on {page.focused()})",
        )


def test_no_javascript_errors(out_of_the_box, with_documented_shortcuts):
    page, _ = with_documented_shortcuts
    JS_ERRORS["with the documented shortcuts"] = list(page.js_errors)
    logged = [f"{where}: {error}" for where, errors in JS_ERRORS.items() for error in errors]
    assert len(JS_ERRORS) == 2 and not logged, "\n".join(logged)
