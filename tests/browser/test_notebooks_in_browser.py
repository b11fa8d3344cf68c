"""The course as a learner meets it: every notebook in JupyterLab in headless Chromium.

For each notebook: Run > Run All Cells; no cell may show an error (cells tagged ``raises-exception``
excepted) or a broken widget; every explorer shows its picture (screenshots go to
``tests/artifacts/browser/``); every slider, moved with the keyboard, redraws the picture; every
dropdown and checkbox, changed, redraws it; every explorer with a ``step`` control (KernelSweep,
FilterSweep) shows a Play button that plays the sweep to its last step; and the page logs no
JavaScript error meanwhile.

The Chinese edition's notebooks named in ``labdriver.ZH_IN_BROWSER`` (``zh/00_start_here.ipynb`` ...) go
through the same tests: their Setup cell switches the package to Chinese, and their explorers must
render, redraw and match their stored stills as the English ones do.

Run alone with ``CI=true python -m pytest tests/browser -o addopts="" -q -p no:cacheprovider``.
"""

from __future__ import annotations

import base64
import functools
import importlib.util
import io
import json
import re
import urllib.parse
from dataclasses import dataclass

import labdriver
import numpy as np
import pytest
from PIL import Image

pytestmark = pytest.mark.browser

NOTEBOOKS = labdriver.course_notebooks()
ZH_NOTEBOOKS = labdriver.zh_notebooks(labdriver.ZH_IN_BROWSER)
# Paths relative to the served folder: ``00_start_here.ipynb``, ``zh/00_start_here.ipynb``.
NAMES = [labdriver.served_name(p) for p in NOTEBOOKS + ZH_NOTEBOOKS]


@dataclass
class OpenNotebook:
    name: str
    lab: labdriver.Lab
    cells: list[dict]

    @property
    def stem(self) -> str:
        """A file-name-safe stem for screenshots: ``05_filters``, ``zh_05_filters``."""
        return self.name.removesuffix(".ipynb").replace("/", "_")


@pytest.fixture(scope="module", params=NAMES, ids=[n.removesuffix(".ipynb") for n in NAMES])
def notebook(request, lab):
    """The notebook open in JupyterLab after Run All Cells; closed (kernel shut down) afterwards."""
    name = request.param
    try:
        lab.open_notebook(name)
        lab.run_all_cells()
        cells = lab.cell_report()
    except Exception:
        shot = labdriver.ARTIFACTS / f"FAILED_run_{name.replace('/', '_')}.png"
        lab.page.screenshot(path=str(shot), full_page=True)
        lab.close_notebook()
        raise
    yield OpenNotebook(name, lab, cells)
    lab.close_notebook()


def test_the_course_has_notebooks():
    assert NOTEBOOKS, f"no notebooks found in {labdriver.NOTEBOOKS}"


def test_the_chinese_edition_is_run_too():
    """Every notebook of the Chinese edition named to run in the browser is there (a rename fails here)."""
    if labdriver.NOTEBOOKS != labdriver.REPO / "notebooks":
        pytest.skip(f"the notebooks served are {labdriver.NOTEBOOKS}, not the course's")
    found = [p.stem for p in ZH_NOTEBOOKS]
    assert found == list(labdriver.ZH_IN_BROWSER), f"in {labdriver.NOTEBOOKS / labdriver.ZH}: {found}"


def test_every_cell_runs_without_unexpected_errors(notebook):
    problems = []
    for cell in notebook.cells:
        if cell["type"] != "code" or not cell["source"].strip():
            continue
        where = f"cell {cell['index']} ({cell['source'].strip().splitlines()[0][:60]!r})"
        if cell["execution_count"] is None:
            problems.append(f"{where} was not executed (an earlier error stopped Run All?)")
        if cell["errors"] and "raises-exception" not in cell["tags"]:
            problems.append(f"{where} raised {'; '.join(cell['errors'])}")
    assert not problems, f"{notebook.name}:\n" + "\n".join(problems)


def test_no_widget_fails_to_display(notebook):
    broken = notebook.lab.widget_error_texts()
    assert not broken, f"{notebook.name}: widgets failed to display: {broken}"
    expected = sum(cell["widget_outputs"] for cell in notebook.cells)
    shown = notebook.lab.explorers()
    assert len(shown) == expected, f"{expected} widget outputs in the model, {len(shown)} on the page"


def test_every_explorer_cell_shows_its_widget(notebook):
    missing = [
        cell["source"].strip()
        for cell in notebook.cells
        if cell["type"] == "code"
        and labdriver.EXPLORER_CELL.match(cell["source"].strip())
        and cell["widget_outputs"] == 0
    ]
    assert not missing, f"{notebook.name}: these explorer cells displayed no widget: {missing}"


def test_every_explorer_renders_its_picture(notebook, artifacts_dir):
    for explorer in notebook.lab.explorers():
        if not explorer.is_explorer:
            continue
        notebook.lab.wait_rendered(explorer)
        assert explorer.src(), f"{explorer.name} shows no picture"
        shot = artifacts_dir / f"{notebook.stem}__{explorer.index}_{explorer.name}.png"
        notebook.lab.screenshot(explorer, shot)


def _stored_stills(notebook) -> dict[str, bytes]:
    """Each explorer cell's stored still picture (the ``image/png`` the refresh command stored), by source."""
    nb = json.loads((labdriver.NOTEBOOKS / notebook.name).read_text("utf-8"))
    stills = {}
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png and cell["cell_type"] == "code":
                stills["".join(cell["source"]).strip()] = base64.b64decode(png)
    return stills


def test_every_live_picture_is_the_stored_still_after_run_all(notebook):
    """After Run All, before anything is moved, each explorer shows exactly the picture stored in its cell.

    The stored still is what readers without a kernel see; the live picture is what the browser made of
    the cell's values (a widget link or a slider's rounding could change them there).
    """
    spec = importlib.util.spec_from_file_location("root_conftest", labdriver.REPO / "conftest.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    reason = hooks.whole_picture_skip_reason()
    if reason:
        pytest.skip(reason)
    lab = notebook.lab
    stills = _stored_stills(notebook)
    problems = []
    for explorer in lab.explorers():
        if not explorer.is_explorer:
            continue
        lab.wait_rendered(explorer)
        source = lab.cell_source(explorer).strip()
        stored = stills.get(source)
        if stored is None:
            problems.append(f"{source!r}: no still picture stored")
            continue
        live = explorer.img.evaluate(_JS_PICTURE_BYTES)
        if not np.array_equal(_pixels(base64.b64decode(live)), _pixels(stored)):
            problems.append(f"{source!r}: the live picture is not the stored still")
    assert not problems, f"{notebook.name}:\n" + "\n".join(problems)


_JS_PICTURE_BYTES = """async img => {
  const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
  let s = ''; for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}"""


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def _explorer_cells(notebook) -> list[str]:
    """Sources of the notebook's one-line explorer cells, as written."""
    return [
        cell["source"].strip()
        for cell in notebook.cells
        if cell["type"] == "code" and labdriver.EXPLORER_CELL.match(cell["source"].strip())
    ]


def _redraws(lab, explorer, change, problems, what) -> bool:
    """Make ``change`` and wait for a new picture; record a problem and return False if none comes."""
    before = explorer.src()
    change()
    try:
        lab.wait_picture_change(explorer, before)
    except Exception as exc:
        problems.append(f"{what} did not redraw the picture ({type(exc).__name__})")
        return False
    return True


def test_every_control_redraws_the_picture(notebook):
    """Each slider (keyboard), dropdown and checkbox changes the picture, and changing it back does too.

    Every control is moved from the explorer's starting state and put back, so one control's
    constraints on another (a kernel wider than the input, say) do not decide what is tested.
    """
    lab = notebook.lab
    explorers = [e for e in lab.explorers() if e.is_explorer]
    written = _explorer_cells(notebook)
    assert len(explorers) == len(written), (
        f"{notebook.name}: {len(written)} explorer cells, {len(explorers)} on the page"
    )
    problems = []
    for explorer in explorers:
        if not explorer.sliders:
            problems.append(f"{explorer.name} has no slider")
        lab.wait_rendered(explorer)
        for slider in explorer.sliders:
            value, lo, hi = slider.state()
            if lo == hi:
                problems.append(f"{explorer.name}.{slider.name} cannot move: min = max = {lo:g}")
                continue
            there, back = ("ArrowLeft", "ArrowRight") if value >= hi else ("ArrowRight", "ArrowLeft")
            what = f"{explorer.name}.{slider.name} {value:g} ({there})"
            before = explorer.src()
            _, old, new = lab.nudge(slider, there)
            if new == old:
                problems.append(f"{what}: the key press did not move the slider")
                continue
            try:
                lab.wait_picture_change(explorer, before)
            except Exception as exc:
                problems.append(f"{what} did not redraw the picture ({type(exc).__name__})")
                continue
            back_to = functools.partial(lab.nudge, slider, back)
            _redraws(lab, explorer, back_to, problems, f"{what} and back ({back})")
        for dropdown in explorer.dropdowns:
            old = dropdown.select.input_value()
            what = f"{explorer.name}.{dropdown.name} {old!r} -> next option"
            if _redraws(lab, explorer, dropdown.choose_another, problems, what):
                _redraws(lab, explorer, functools.partial(dropdown.choose, old), problems, f"{what} and back")
        for checkbox in explorer.checkboxes:
            what = f"{explorer.name}.{checkbox.name} (Space)"
            if _redraws(lab, explorer, checkbox.toggle, problems, what):
                _redraws(lab, explorer, checkbox.toggle, problems, f"{what} and back")
    assert not problems, f"{notebook.name}:\n" + "\n".join(problems)


def _classes_with_step(lab, names) -> set[str]:
    """The explorer classes, among ``names``, that have a ``step`` control (asked of the kernel)."""
    if not names:
        return set()
    out = lab.kernel_exec(
        "import convlesson as _cl\n"
        f"print(' '.join(n for n in {sorted(names)!r} if 'step' in getattr(_cl, n).SPECS))"
    )
    return set(out.split())


def test_the_step_animation_plays_to_the_end(notebook, artifacts_dir):
    """Every explorer with a ``step`` slider has a Play button, and Play runs it to the last step.

    One explorer of each class is played (the first one shown), from its first step.
    """
    lab = notebook.lab
    explorers = [e for e in lab.explorers() if e.is_explorer]
    with_step = _classes_with_step(lab, {e.name for e in explorers})
    problems = []
    for explorer in explorers:
        has_slider = any(s.name == "step" for s in explorer.sliders)
        has_play = explorer.play_button() is not None
        source = lab.cell_source(explorer)
        expected = explorer.name in with_step and "show=" not in source
        if has_play != has_slider or (expected and not has_play):
            problems.append(
                f"{explorer.name} (cell {source.strip()!r}): step slider shown {has_slider}, "
                f"Play button shown {has_play}; its class has a step control: {explorer.name in with_step}"
            )
    assert not problems, f"{notebook.name}:\n" + "\n".join(problems)
    played = set()
    for explorer in explorers:
        if explorer.play_button() is None or explorer.name in played:
            continue
        played.add(explorer.name)
        step = explorer.slider("step")
        value, lo, hi = step.state()
        assert hi > lo, f"{explorer.name}: the step slider has a single value ({lo})"
        if value != lo:  # start from the first step so reaching the last one proves the animation ran
            before = explorer.src()
            step.handle.focus()
            step.handle.press("Home")
            lab.wait_picture_change(explorer, before)
            assert step.state()[0] == lo, f"{explorer.name}: Home did not take step to {lo:g}"
        before = explorer.src()
        lab.play_to_end(explorer, step)
        lab.wait_picture_change(explorer, before)
        assert step.state()[0] == hi
        shot = artifacts_dir / f"{notebook.stem}__{explorer.index}_{explorer.name}_played.png"
        lab.screenshot(explorer, shot)


def test_no_explorer_says_its_sliders_are_missing(notebook):
    """The note for pages without the widget front end never shows where widgets work (after every
    test above has run the notebook and moved its explorers)."""
    from convlesson.core.language import LANGUAGES, table
    from convlesson.explorers.fallback import NOTE

    # The note in every language the package speaks (a language without its own words says NOTE).
    notes = {table("explorers", code).get("fallback.note", NOTE) for code in LANGUAGES}
    texts = notebook.lab.notebook.locator(".jp-OutputArea-output").all_text_contents()  # off screen too
    shown = [t for t in texts for note in notes if note.split(":")[0].split("：")[0] in t]
    assert not shown, f"{notebook.name} shows the note: {shown}"


# Each picture in the notebook's markdown as shown: the path JupyterLab resolved it to, and whether it loaded.
_JS_MARKDOWN_PICTURES = """() => Array.from(
  document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown img'))
  .map(img => [new URL(img.src, location.href).pathname, img.complete && img.naturalWidth > 0])"""


def _early_picture_requests(lab) -> list[str]:
    """Console errors of a markdown picture asked for before JupyterLab resolved its link.

    JupyterLab puts a markdown cell's HTML on the page, so the browser starts loading each picture
    at its link as written, relative to the page's own address, before JupyterLab replaces the link
    with the file's address. From ``zh/`` the course's ``../figures/summary.png`` is then asked for at
    ``/figures/summary.png`` (not found) a moment before ``/files/figures/summary.png`` is shown. Such an
    error is the page's, not the learner's, only when that same picture is on the page, loaded.
    """
    shown = {
        urllib.parse.unquote(path).removeprefix("/files/")
        for path, loaded in lab.page.evaluate(_JS_MARKDOWN_PICTURES)
        if loaded and path.startswith("/files/")
    }
    early = []
    for error in lab.js_errors:
        found = re.fullmatch(rf"console: {labdriver.FAILED_LOAD}: .* 404 .*\((http[^)]+)\)", error)
        if found and lab.server.url in found.group(1):
            path = urllib.parse.unquote(urllib.parse.urlsplit(found.group(1)).path).lstrip("/")
            if path in shown:
                early.append(error)
    return early


def test_only_a_picture_shown_excuses_its_early_request():
    """The excuse above can fail: a picture not found, or found but not shown, stays an error."""
    from types import SimpleNamespace

    url = "http://127.0.0.1:8888"

    def failed(path):
        status = "the server responded with a status of 404 (Not Found)"
        return f"console: {labdriver.FAILED_LOAD}: {status} ({url}{path})"

    errors = [
        failed("/figures/summary.png"),
        failed("/figures/missing.png"),
        failed("/files/figures/gone.png"),
    ]
    shown = [["/files/figures/summary.png", True], ["/files/figures/gone.png", False]]
    lab = SimpleNamespace(
        js_errors=errors, server=SimpleNamespace(url=url), page=SimpleNamespace(evaluate=lambda js: shown)
    )
    assert _early_picture_requests(lab) == errors[:1]


def test_no_javascript_errors(notebook):
    """Nothing above made the page throw or log an error (a failing widget view logs one)."""
    early = _early_picture_requests(notebook.lab)
    errors = [e for e in notebook.lab.js_errors if e not in early]
    assert errors == [], f"{notebook.name}: " + "\n".join(errors)
