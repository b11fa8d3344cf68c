"""Properties of the committed notebooks that nbval does not check.

nbval (run by ``pytest`` on ``notebooks/``) re-runs every cell and compares the text outputs. These
tests read the stored notebooks as JSON and check what must hold for a learner opening them anywhere:
every code cell was run, in order, in a ``python3`` kernel; no stored output holds an error, a
traceback, a warning or a memory address; no ``interact`` or ``Output``-widget artefacts; the widget
state is stored so that nbviewer can show the explorers; every explorer also left a still picture.

The exercise stubs in ``09_exercises`` only *define* functions that raise ``NotImplementedError`` when
called; they are tagged ``raises-exception`` so a learner's half-finished cell never stops Run All,
and the check cells report "not implemented yet" instead of raising. So no stored output anywhere
holds a traceback.
"""

from __future__ import annotations

import base64
import importlib.util
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

import convlesson as cl
from convlesson.exercises import EXERCISES

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = [
    "00_start_here",
    "01_the_sweep",
    "02_padding_and_output_size",
    "03_kernels",
    "04_many_channels",
    "05_filters",
    "06_conv2d_layer",
    "07_learned_filters",
    "08_beyond",
    "09_exercises",
]
REFRESH_COMMAND = "python .ci/refresh_notebooks.py"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
EXPLORERS = cl._EXPLORERS
LESSONS = NAMES[1:9]


def refresh_script():
    """``.ci/refresh_notebooks.py`` as a module: the install cell and what it normalises."""
    spec = importlib.util.spec_from_file_location("refresh_notebooks", ROOT / ".ci" / "refresh_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFRESH = refresh_script()


def load(name):
    return json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def output_texts(cell):
    """Every piece of text a cell's stored outputs hold, with where it came from."""
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            yield out["name"], "".join(out["text"])
        elif out["output_type"] == "error":
            yield "error", "\n".join([out.get("ename", ""), out.get("evalue", ""), *out.get("traceback", [])])
        else:
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/"):
                    yield mime, "".join(value) if isinstance(value, list) else value


@pytest.fixture(scope="module", params=NAMES)
def notebook(request):
    return request.param, load(request.param)


def test_the_course_is_exactly_the_numbered_notebooks():
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == NAMES


def test_kernelspec_is_python3(notebook):
    _, nb = notebook
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert nb["metadata"]["kernelspec"]["language"] == "python"


def test_every_code_cell_was_run_in_order(notebook):
    _, nb = notebook
    counts = [c["execution_count"] for c in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1)), "run the notebook top to bottom in a fresh kernel"


def test_no_execution_timestamps_are_stored(notebook):
    name, nb = notebook
    for cell in code_cells(nb):
        assert "execution" not in cell["metadata"], f"{name}: timing stored; refresh with {REFRESH_COMMAND}"


def test_no_stored_output_holds_an_error_or_traceback(notebook):
    name, nb = notebook
    for cell in code_cells(nb):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"{name}: {source(cell)[:60]!r} stored an error"
            assert "traceback" not in out
        for _, text in output_texts(cell):
            assert "Traceback" not in text, f"{name}: a traceback in the output of {source(cell)[:60]!r}"


def test_no_warnings_and_no_stderr(notebook):
    name, nb = notebook
    for cell in code_cells(nb):
        for where, text in output_texts(cell):
            assert where != "stderr", f"{name}: {source(cell)[:60]!r} wrote to stderr: {text[:200]}"
            assert "Warning" not in text, f"{name}: a warning in the output of {source(cell)[:60]!r}"


def test_no_memory_addresses(notebook):
    name, nb = notebook
    for cell in code_cells(nb):
        for _, text in output_texts(cell):
            assert not re.search(r"0x[0-9a-fA-F]{6,}", text), f"{name}: a memory address in {text[:200]!r}"
            assert " object at " not in text


def test_text_outputs_are_short(notebook):
    name, nb = notebook
    for cell in code_cells(nb):
        for _, text in output_texts(cell):
            assert len(text.splitlines()) <= 20, f"{name}: a long output from {source(cell)[:60]!r}"


def test_no_interact_or_output_widget_artefacts(notebook):
    name, nb = notebook
    for cell in code_cells(nb):
        assert "interact(" not in source(cell) and "Output(" not in source(cell)
    state = nb["metadata"].get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    models = {m["model_name"] for m in state.values()}
    assert "OutputModel" not in models, f"{name}: an Output widget was stored"


def test_no_widget_state_is_stored(notebook):
    """Each picture is stored once, as the PNG every explorer carries; no widget state, no model ids."""
    name, nb = notebook
    assert WIDGET_STATE not in nb["metadata"].get("widgets", {}), (
        f"{name}: widget state stored; refresh with {REFRESH_COMMAND}"
    )


def test_the_html_export_shows_every_explorer_offline(notebook, tmp_path):
    """``jupyter nbconvert --to html`` of a notebook shows each explorer's still picture, no kernel needed."""
    name, nb = notebook
    explorer_cells = [
        c for c in code_cells(nb) if re.fullmatch(rf"cl\.({'|'.join(EXPLORERS)})\(.*\)", source(c).strip())
    ]
    if not explorer_cells:
        return
    nbconvert = pytest.importorskip("nbconvert")
    body, _ = nbconvert.HTMLExporter().from_filename(str(NOTEBOOKS / f"{name}.ipynb"))
    shown = re.findall(r'<img [^>]*src="data:image/png;base64,([A-Za-z0-9+/=]+)"', body)
    stored = [
        o["data"]["image/png"].strip()
        for c in explorer_cells
        for o in c["outputs"]
        if "image/png" in o.get("data", {})
    ]
    assert len(stored) == len(explorer_cells)
    assert all(png in shown for png in stored), f"{name}: an explorer's picture is missing from the HTML"


def test_every_explorer_shows_a_widget_and_a_still_picture(notebook):
    name, nb = notebook
    for cell in code_cells(nb):
        src = source(cell)
        if re.fullmatch(rf"cl\.({'|'.join(EXPLORERS)})\(.*\)", src.strip()):
            datas = [out.get("data", {}) for out in cell["outputs"]]
            assert any(WIDGET_VIEW in d for d in datas), f"{name}: {src!r} shows no live widget"
            pngs = [base64.b64decode(d["image/png"]) for d in datas if "image/png" in d]
            assert pngs, f"{name}: {src!r} shows no still picture"
            for png in pngs:
                assert png.startswith(b"\x89PNG"), f"{name}: {src!r} stored an empty or broken picture"
                width, height = Image.open(io.BytesIO(png)).size
                assert width >= 400 and height >= 200, f"{name}: {src!r} stored a {width}x{height} picture"


def test_each_lesson_has_a_title_what_you_learn_setup_and_summary(notebook):
    name, nb = notebook
    text = [source(c) for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert text[0].startswith("# ")
    joined = "\n".join(text)
    assert "## Setup" in joined
    setup = source(code_cells(nb)[1])  # after the cell that installs the package in JupyterLite
    assert setup.splitlines()[0] == "import convlesson as cl"
    assert set(setup.splitlines()) <= {"import convlesson as cl", "import numpy as np"}
    if name not in ("00_start_here", "09_exercises"):
        assert "**What you will learn**" in text[0]
        assert "## Summary" in joined


def test_no_other_imports_after_setup(notebook):
    _, nb = notebook
    for cell in code_cells(nb)[2:]:
        assert not re.search(r"^\s*(import|from) ", source(cell), flags=re.M)


def test_notebook_links_point_to_existing_notebooks(notebook):
    name, nb = notebook
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for target in re.findall(r"\]\(([^)]+\.ipynb)\)", source(cell)):
                assert (NOTEBOOKS / target).exists(), f"{name} links to missing {target}"


def test_the_exercise_notebook_asks_and_checks_every_exercise():
    nb = load("09_exercises")
    md = "\n".join(source(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    code = "\n".join(source(c) for c in code_cells(nb))
    headings = [int(n) for n in re.findall(r"^### Exercise (\d+) — ", md, flags=re.M)]
    assert headings == [ex.number for ex in EXERCISES], "every exercise, once, in order"
    for ex in EXERCISES:
        cell = next(
            source(c) for c in nb["cells"] if source(c).startswith(f"### Exercise {ex.number} — {ex.topic}\n")
        )
        assert ex.question.splitlines()[0] in cell, f"exercise {ex.number}'s question is not in the notebook"
        assert f"]({ex.lesson}.ipynb)" in cell, f"exercise {ex.number} must link to {ex.lesson}"
        assert f"cl.check({ex.number}, " in code
    # a part on the kernel/filter distinction itself
    section = re.split(r"\n## Part \d+ of \d+ · Kernels vs filters [^\n]*\n", md)[1].split("\n## ", 1)[0]
    numbers = [int(n) for n in re.findall(r"^### Exercise (\d+) — ", section, flags=re.M)]
    assert len(numbers) >= 10
    assert set(numbers) <= {ex.number for ex in EXERCISES if "kernel-vs-filter" in ex.tags}
    for cell in code_cells(nb):
        for _, text in output_texts(cell):
            assert "right!" not in text, "the committed notebook must not hold answers"


def test_exercise_stubs_are_tagged_and_their_checks_report_not_implemented():
    nb = load("09_exercises")
    cells = code_cells(nb)
    stubs = [i for i, c in enumerate(cells) if 'raise NotImplementedError("Exercise:' in source(c)]
    assert len(stubs) == sum(1 for ex in EXERCISES if ex.kind == "code") == 2
    for i in stubs:
        assert "raises-exception" in cells[i]["metadata"].get("tags", [])
        assert cells[i]["outputs"] == []
        check_text = "".join(t for _, t in output_texts(cells[i + 1]))
        assert "not implemented yet — fill in the cell above" in check_text


def test_placeholder_answers_ask_for_an_answer():
    nb = load("09_exercises")
    placeholders = [c for c in code_cells(nb) if source(c).startswith("answer = None")]
    assert len(placeholders) == sum(1 for ex in EXERCISES if ex.kind != "code")
    kinds = {ex.number: ex.kind for ex in EXERCISES}
    for cell in placeholders:
        text = "".join(t for _, t in output_texts(cell))
        assert "replace None with your answer" in text
        n = int(re.search(r"cl\.check\((\d+), answer\)", source(cell)).group(1))
        if kinds[n] == "truefalse":
            assert "True or False" in source(cell) and "(True or False)" in text


def test_the_article_example_is_computed_in_the_layer_notebook():
    nb = load("06_conv2d_layer")
    texts = [t for c in code_cells(nb) for _, t in output_texts(c)]
    assert "(4, 28, 28, 3) -> (4, 26, 26, 2)\n" in texts
    assert cl.output_shape((4, 28, 28, 3), 3, 2) == (4, 26, 26, 2)


def test_glossary_names_the_chinese_terms_and_which_to_avoid():
    nb = load("08_beyond")
    md = "\n".join(source(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    for term in ["卷积核", "内核", "滤波器", "过滤器", "滤镜", "特征图", "步长", "填充", "通道"]:
        assert term in md
    assert re.search(r"卷积核 \(use\)", md) and re.search(r"滤波器 \(use\)", md)
    assert re.search(r"内核 \*\(avoid", md) and re.search(r"滤镜 \*\(avoid", md)
    assert "receptive field (of one layer)" not in md, "kernel_size is not the receptive field with dilation"


def markdown_of(name) -> str:
    return "\n".join(source(c) for c in load(name)["cells"] if c["cell_type"] == "markdown")


def all_text() -> str:
    """Every notebook's markdown and every stored text output: what a reader reads."""
    parts = []
    for name in NAMES:
        nb = load(name)
        parts.append(markdown_of(name))
        parts += [t for c in code_cells(nb) for _, t in output_texts(c)]
    return "\n".join(parts)


def test_the_four_dimensional_kernel_is_named_as_another_convention():
    traps = re.split(r"## \d+\. Terminology traps", markdown_of("08_beyond"), maxsplit=1)[1]
    first = traps.split("\n- ")[1]
    assert (
        first.startswith('**"Kernel" for all the weights.**') and "layer.kernel" in first and "d2l" in first
    )
    layer_nb = markdown_of("06_conv2d_layer")
    assert "by that convention" in layer_nb and "layer.weights" in layer_nb
    outputs = [t for c in code_cells(load("06_conv2d_layer")) for _, t in output_texts(c)]
    assert not any(t.startswith("kernel:") for t in outputs), (
        "06 prints the 4-D tensor as 'kernel' without a word"
    )
    text = all_text()
    assert "wrongly" not in text, "other conventions are named 'by another convention', not 'wrongly'"


def test_padding_words_are_said_right():
    text = " ".join(all_text().split())  # line breaks fall anywhere in a paragraph
    assert "PyTorch's and Keras's padding" not in text
    assert "ZeroPadding2D" in markdown_of("08_beyond")
    pad = " ".join(markdown_of("02_padding_and_output_size").split())
    assert "the three padding words" not in pad and "not a framework word" not in text
    assert "Conv2D layers of Keras and PyTorch do **not** take it" in pad and "keras.ops.correlate" in pad
    beyond = " ".join(markdown_of("08_beyond").split())
    assert "refuses `stride > 1` for this reason" not in text and "PyTorch's `padding='same'`" in beyond


def test_no_plural_slips_and_no_repeated_sentences():
    text = all_text()
    assert not re.search(r"\b1 (filters|kernels|maps|channels)\b", text)
    for name in NAMES[:9]:  # the exercises ask alike questions on purpose
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", markdown_of(name)) if len(s.strip()) > 30]
        assert len(sentences) == len(set(sentences)), f"{name} repeats a sentence"


def test_symbols_are_explained_before_they_are_used():
    assert "`⊙` means" in markdown_of("01_the_sweep")
    assert "`⊛` for the sweep" in markdown_of("04_many_channels")


@pytest.mark.parametrize("name", LESSONS)
def test_each_lesson_asks_before_it_tells(name):
    """At least one prediction per lesson, stored waiting for the learner, never answered on the page."""
    nb = load(name)
    cells = code_cells(nb)
    asks = [i for i, c in enumerate(cells) if re.search(r'cl\.check\("[a-z0-9-]+", answer\)', source(c))]
    assert asks, f"{name} asks no prediction"
    from convlesson.exercises.predictions import PREDICTIONS

    answers = {p.key: p.answer for p in PREDICTIONS}
    for i in asks:
        cell = cells[i]
        assert source(cell).startswith("answer = None")
        text = "".join(t for _, t in output_texts(cell))
        assert "replace None with your prediction" in text and "right!" not in text
        key = re.search(r'cl\.check\("([a-z0-9-]+)"', source(cell)).group(1)
        # nothing printed before the question gives its answer away (answers too short to tell apart
        # from any other number, such as 3, are left to the reading of the notebook)
        earlier = "\n".join(t for c in cells[:i] for _, t in output_texts(c))
        said = str(answers[key])
        assert len(said) < 3 or said not in earlier, (name, key)


@pytest.mark.parametrize("name", LESSONS)
def test_what_follows_a_prediction_stays_folded_until_run(name):
    """Every code cell between a prediction and the next heading is stored with its output folded.

    Those cells show the answer (a printed shape, a picture); JupyterLab shows a folded output as a
    thin bar until the learner runs the cell (the browser suite checks that it unfolds then).
    """
    unfolded = unfolded_after_predictions(load(name))
    assert not unfolded, f"{name}: cells {unfolded} show an answer before the learner runs them"


def unfolded_after_predictions(nb: dict) -> list[int]:
    """The code cells after a prediction (up to the next heading) whose output is not folded."""
    folding, unfolded = False, []
    for n, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "markdown" and source(cell).lstrip().startswith("#"):
            folding = False
        elif cell["cell_type"] == "code" and re.search(r'cl\.check\("[a-z0-9-]+", answer\)', source(cell)):
            folding = True
        elif cell["cell_type"] == "code" and folding:
            if not cell["metadata"].get("jupyter", {}).get("outputs_hidden"):
                unfolded.append(n)
    return unfolded


def root_conftest():
    """The repository's conftest.py as a module: the refresh command and the reference matplotlib."""
    spec = importlib.util.spec_from_file_location("root_conftest", ROOT / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_and_stale_hook_give_the_same_refresh_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert REFRESH_COMMAND in readme
    hooks = root_conftest()
    assert hooks.REFRESH_COMMAND == REFRESH_COMMAND == REFRESH.REFRESH_COMMAND
    assert REFRESH_COMMAND in hooks.STALE_MESSAGE
    # the refresh advice names the matplotlib that draws the stored pictures
    reference = f"matplotlib {hooks.REFERENCE_MATPLOTLIB}.x installed"
    assert reference in hooks.STALE_MESSAGE
    refreshing = readme.split("## Refreshing the notebooks' outputs", 1)[1].split("\n## ", 1)[0]
    assert reference in refreshing and REFRESH_COMMAND in refreshing
    lines = readme.splitlines()
    assert 'pip install -e ".[test]" && pytest' in lines
    assert 'pip install -e ".[lab]" && jupyter lab notebooks/' in lines
    for name in NAMES:
        assert f"{name}.ipynb" in readme


def test_a_stale_notebook_fails_with_the_refresh_command(tmp_path):
    """Run nbval on a one-cell notebook whose stored output is wrong, with the repository's hook."""
    nbformat = pytest.importorskip("nbformat")
    cell = nbformat.v4.new_code_cell("print(6 * 7)", execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="41\n")]
    nb = nbformat.v4.new_notebook(cells=[cell])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "stale.ipynb")
    (tmp_path / "conftest.py").write_text(
        (ROOT / "conftest.py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval",
            "--nbval-current-env",
            "-p",
            "no:cacheprovider",
            "-q",
            "stale.ipynb",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Cell outputs differ" in run.stdout
    assert REFRESH_COMMAND in run.stdout


@pytest.mark.parametrize("code", ["en", "zh"])
def test_readme_pictures_are_the_explorers_current_pictures(code):
    """The README's PNGs must be what ``python -m convlesson.gallery`` draws now (up to anti-aliasing).

    English under ``notebooks/figures/``, Chinese (drawn after ``cl.language("zh")``) under
    ``notebooks/figures/zh/``, side by side in the README's table of explorers.
    """
    np = pytest.importorskip("numpy")
    from convlesson import gallery
    from convlesson.core.language import language

    hooks = root_conftest()
    if reason := hooks.whole_picture_skip_reason():
        pytest.skip(reason)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    folder = "figures" if code == "en" else f"figures/{gallery.LANGUAGE_DIRS[code]}"
    for file_name, (class_name, settings) in gallery.GALLERY.items():
        path = NOTEBOOKS / folder / file_name
        assert f"notebooks/{folder}/{file_name}" in readme
        assert path.exists(), f"missing {path}; run: python -m convlesson.gallery"
        stored = np.asarray(Image.open(path).convert("RGB"), dtype=float)
        speaking = language()
        try:
            language(code)
            png = gallery.render(class_name, settings)
        finally:
            language(speaking)
        fresh = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)
        assert stored.shape == fresh.shape and np.abs(stored - fresh).mean() < 1.0, (
            f"{folder}/{file_name} is stale: regenerate the README's pictures with matplotlib "
            f"{hooks.REFERENCE_MATPLOTLIB}.x installed: python -m convlesson.gallery"
        )


@pytest.mark.parametrize("code", ["en", "zh"])
def test_stored_figures_are_what_the_package_draws_now(code):
    """The summary figure (kernel → filter → layer) is stored under figures/ and shown in 00 and 05.

    The Chinese one, under figures/zh/, is shown by the Chinese edition's 00 and 05 and the README.
    """
    np = pytest.importorskip("numpy")
    from convlesson import gallery
    from convlesson.core.language import language

    if code == "en":
        for file_name in gallery.FIGURES:
            for name in ("00_start_here", "05_filters"):
                assert f"](figures/{file_name})" in markdown_of(name), f"{name} does not show {file_name}"
    else:
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        for file_name in gallery.FIGURES:
            assert f"](notebooks/figures/zh/{file_name})" in readme
            for name in ("00_start_here", "05_filters"):
                text = markdown_of(f"zh/{name}")
                assert f"](../figures/zh/{file_name})" in text, f"zh/{name} does not show zh/{file_name}"
    hooks = root_conftest()
    if reason := hooks.whole_picture_skip_reason():
        pytest.skip(reason)
    folder = NOTEBOOKS / "figures" / gallery.LANGUAGE_DIRS[code]
    for file_name in gallery.FIGURES:
        path = folder / file_name
        assert path.exists(), f"missing {path}; run: python -m convlesson.gallery"
        stored = np.asarray(Image.open(path).convert("RGB"), dtype=float)
        speaking = language()
        try:
            language(code)
            png = gallery.render_figure(file_name)
        finally:
            language(speaking)
        fresh = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)
        assert stored.shape == fresh.shape and np.abs(stored - fresh).mean() < 1.0, (
            f"{file_name} is stale: redraw it with matplotlib {hooks.REFERENCE_MATPLOTLIB}.x installed: "
            "python -m convlesson.gallery"
        )


def test_gallery_writes_every_picture_in_every_language(tmp_path):
    from convlesson import gallery

    written = gallery.main(["--out", str(tmp_path)])
    names = sorted([*gallery.GALLERY, *gallery.FIGURES])
    expected = sorted([*names, *(f"zh/{n}" for n in names)])
    assert sorted(str(p.relative_to(tmp_path)) for p in written) == expected
    for p in written:
        assert p.read_bytes().startswith(b"\x89PNG")
    assert gallery.main(["--out", str(tmp_path / "en"), "--languages", "en"])[0].parent == tmp_path / "en"
    with pytest.raises(SystemExit):
        gallery.main(["--out", str(tmp_path), "--languages", "fr"])


def test_explorer_pictures_in_the_notebooks_are_current(notebook):
    """nbval does not compare pictures; this does, for every explorer cell (up to anti-aliasing)."""
    import numpy as np

    hooks = root_conftest()
    if reason := hooks.whole_picture_skip_reason():
        pytest.skip(reason)
    name, nb = notebook
    for cell in code_cells(nb):
        src = source(cell).strip()
        if not re.fullmatch(rf"cl\.({'|'.join(EXPLORERS)})\(.*\)", src):
            continue
        stored = next(
            base64.b64decode(o["data"]["image/png"])
            for o in cell["outputs"]
            if "image/png" in o.get("data", {})
        )
        explorer = eval(src, {"cl": cl})  # one call such as cl.KernelSweep(input_size=5, kernel_size=3)
        try:
            png = explorer._repr_mimebundle_()["image/png"]
        finally:
            explorer.close()
        fresh = np.asarray(Image.open(io.BytesIO(base64.b64decode(png))).convert("RGB"), dtype=float)
        old = np.asarray(Image.open(io.BytesIO(stored)).convert("RGB"), dtype=float)
        assert old.shape == fresh.shape and np.abs(old - fresh).mean() < 1.0, (
            f"{name}: the stored picture of {src} is stale; refresh the notebooks with matplotlib "
            f"{hooks.REFERENCE_MATPLOTLIB}.x installed: {REFRESH_COMMAND}"
        )
