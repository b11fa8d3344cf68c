"""Lecture mode on a projector: every explorer in JupyterLab at 1280×720 with the file browser open.

A notebook of the test's own, written into the server's temporary copy of the course, turns lecture
mode on in its Setup cell and shows each explorer. Each picture must fit its output column at its
natural size: its ``<img>`` is no wider than the column and its PNG is no wider either, so the page
never shrinks it and its type is as large on screen as it was drawn. One explorer is checked the same
way in normal mode, in a notebook of its own (a kernel of its own, so lecture mode cannot leak in).

Screenshots go to ``tests/artifacts/browser/``: ``lecture__<Explorer>.png`` (the whole explorer) and
``lecture__<Explorer>__window.png`` (the 1280×720 window, the explorer scrolled to the top), the same
with ``normal__`` for normal mode; the measured widths and heights to ``column_widths.json`` there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import labdriver
import pytest

pytestmark = pytest.mark.browser

PROJECTOR = (1280, 720)  # CSS pixels: a common projector, with JupyterLab's file browser open
NORMAL_MODE_EXPLORER = "FilterSweep"
MEASURED: dict[str, dict] = {}  # "mode/Explorer" -> the picture's geometry, kept in column_widths.json


@dataclass
class Shown:
    """What one notebook run showed: per explorer, its picture's geometry and the PNG's SHA-1."""

    mode: str
    geometry: dict[str, dict] = field(default_factory=dict)
    sha1: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    js_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def projector(chromium, lab_server):
    """A second JupyterLab page on the course's server: 1280×720, file browser open."""
    page = labdriver.Lab(chromium, lab_server, viewport=PROJECTOR, file_browser=True)
    yield page
    page.close()


def _show(page: labdriver.Lab, mode: str, setup: str, names, artifacts_dir) -> Shown:
    """Write a notebook (Setup cell, then one cell per explorer), run it all and measure each picture."""
    notebook = page.server.add_notebook(
        f"{mode}_mode_check.ipynb", [setup] + [f"cl.{name}()" for name in names]
    )
    shown = Shown(mode)
    page.open_notebook(notebook)
    try:
        page.run_all_cells()
        for cell in page.cell_report():
            if cell["errors"]:
                shown.problems.append(f"cell {cell['source'].strip()!r} raised {'; '.join(cell['errors'])}")
        explorers = {e.name: e for e in page.explorers() if e.is_explorer}
        for name in names:
            explorer = explorers.get(name)
            if explorer is None:
                shown.problems.append(f"cl.{name}() showed no explorer")
                continue
            page.wait_rendered(explorer)
            # measured once the picture and its column have their final widths, however slow the page
            page.wait_layout_settled([explorer.img.element_handle(), explorer.area.element_handle()], name)
            shown.geometry[name] = {**page.picture_geometry(explorer), **page.fits_on_screen(explorer)}
            shown.sha1[name] = page.picture_sha1(explorer)
            page.screenshot(explorer, artifacts_dir / f"{mode}__{name}.png")
            page.window_screenshot(explorer, artifacts_dir / f"{mode}__{name}__window.png")
        shown.js_errors = list(page.js_errors)
    finally:
        page.close_notebook()
    return shown


@pytest.fixture(scope="module")
def lecture(projector, artifacts_dir) -> Shown:
    setup = "import convlesson as cl\ncl.lecture_mode()"
    return _show(projector, "lecture", setup, labdriver.EXPLORER_CLASSES, artifacts_dir)


@pytest.fixture(scope="module")
def normal(projector, artifacts_dir) -> Shown:
    setup = "import convlesson as cl\ncl.lecture_mode(False)"
    return _show(projector, "normal", setup, [NORMAL_MODE_EXPLORER], artifacts_dir)


@pytest.fixture(scope="module", autouse=True)
def _keep_widths(artifacts_dir):
    """Write every geometry measured to column_widths.json, whatever the tests conclude."""
    MEASURED.clear()
    yield
    if MEASURED:
        (artifacts_dir / "column_widths.json").write_text(json.dumps(MEASURED, indent=2) + "\n")


def _where(shown: Shown, name: str) -> str:
    g = shown.geometry[name]
    MEASURED[f"{shown.mode}/{name}"] = g
    return (
        f"{shown.mode} mode, {name}: PNG {g['natural']}×{g['natural_height']} px, shown "
        f"{g['rendered']}×{g['rendered_height']}, output column {g['column']:g} px, picture box "
        f"{g['box']:g} px, window {g['viewport']} px; explorer {g['explorer']:.0f} px high, "
        f"{g['visible']} px of notebook visible"
    )


def _fits(shown: Shown, name: str) -> list[str]:
    """Problems with the picture's width against its column (empty when it fits unshrunk)."""
    g, where = shown.geometry[name], _where(shown, name)
    column = min(g["column"], g["box"])
    problems = []
    if g["rendered"] > column:
        problems.append(f"the picture is wider on screen than its column ({where})")
    if g["natural"] > column:
        problems.append(f"the PNG is wider than the column, so the page shrinks it ({where})")
    return problems


def test_the_page_is_a_projector_with_the_file_browser_open(projector):
    """The layout the widths below are measured in: 1280 px wide, file browser beside the notebook
    (measured once the panels' widths have settled: ``Lab`` waits for that when it loads the page)."""
    projector.wait_layout_settled(["#filebrowser", "#jp-main-dock-panel"], "the projector page")
    browser = projector.page.locator("#filebrowser")
    assert browser.is_visible(), "JupyterLab's file browser is not open"
    box = browser.bounding_box()
    width = projector.page.evaluate("() => document.documentElement.clientWidth")
    assert width == PROJECTOR[0], f"the page is {width} px wide, not {PROJECTOR[0]}"
    assert box["width"] > 150, f"the file browser is only {box['width']:.0f} px wide"


def test_lecture_mode_setup_runs_and_every_explorer_shows(lecture):
    assert not lecture.problems, "\n".join(lecture.problems)
    assert sorted(lecture.geometry) == sorted(labdriver.EXPLORER_CLASSES)


@pytest.mark.parametrize("name", labdriver.EXPLORER_CLASSES)
def test_lecture_picture_fits_its_column_unshrunk(lecture, name):
    if name not in lecture.geometry:
        pytest.fail(f"{name} was not shown: {lecture.problems}")
    problems = _fits(lecture, name)
    assert not problems, "\n".join(problems)


def test_lecture_pictures_are_shown_at_their_natural_size(lecture):
    """Not enlarged either: a picture scaled up by a few pixels is resampled, and its type blurs."""
    problems = [
        f"shown {g['rendered']} px wide instead of {g['natural']} ({_where(lecture, name)})"
        for name, g in lecture.geometry.items()
        if g["rendered"] != g["natural"]
    ]
    assert lecture.geometry and not problems, "\n".join(problems)


def test_normal_picture_fits_its_column_unshrunk(normal):
    assert not normal.problems, "\n".join(normal.problems)
    problems = _fits(normal, NORMAL_MODE_EXPLORER)
    assert not problems, "\n".join(problems)


def test_lecture_mode_draws_another_picture(lecture, normal):
    """The Setup cell's ``cl.lecture_mode()`` took effect: the same explorer draws differently."""
    name = NORMAL_MODE_EXPLORER
    assert name in lecture.sha1 and name in normal.sha1, (lecture.problems, normal.problems)
    assert lecture.sha1[name] != normal.sha1[name], f"{name} draws the same PNG in lecture and normal mode"
    assert lecture.geometry[name]["natural"] == normal.geometry[name]["natural"], (
        "lecture mode should draw larger type in the same width, not a wider picture"
    )


def test_no_javascript_errors(lecture, normal):
    errors = lecture.js_errors + normal.js_errors
    assert errors == [], "\n".join(errors)
