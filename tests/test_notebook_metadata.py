"""The notebooks' first cell and metadata: what JupyterLite needs and what JupyterLab would rewrite.

Every notebook starts with the cell that installs the package in JupyterLite (Python in the browser,
Pyodide) and does nothing anywhere else, and stores its metadata as JupyterLab 4 and Notebook 7 save
it, so that opening an unrun notebook there does not mark it modified
(``tests/browser/test_notebooks_open_unmodified.py`` checks that in a real JupyterLab). Both are kept
by ``python .ci/refresh_notebooks.py``, the documented refresh; its normalisation is tested here too.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

import pytest
from test_notebooks import refresh_script

ROOT = Path(__file__).resolve().parents[1]


REFRESH = refresh_script()
NOTEBOOKS = REFRESH.course_notebooks()

# What JupyterLab 4.6 and Notebook 7 write into a notebook when its ipykernel kernel starts (measured:
# they copy the kernel's spec and its kernel_info reply); written out here, not taken from the script.
JUPYTERLAB_KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
IPYKERNEL_LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def path(request) -> Path:
    return request.param


def test_the_refresh_finds_every_notebook():
    folder = ROOT / "notebooks"  # the course and its Chinese edition, notebooks/zh/
    found = sorted(p.relative_to(folder) for p in folder.rglob("*.ipynb"))
    assert [p.relative_to(folder) for p in NOTEBOOKS] == found
    assert len(NOTEBOOKS) >= 9


# --------------------------------------------------------------------------- the install cell
def test_the_first_code_cell_installs_the_package_in_jupyterlite(path):
    first = code_cells(read(path))[0]
    assert first.get("id") == REFRESH.INSTALL_CELL_ID
    assert source(first) == REFRESH.INSTALL_CELL, f"{path.name}: refresh with {REFRESH.REFRESH_COMMAND}"
    assert first["outputs"] == [], "the install cell prints nothing outside JupyterLite"
    assert first["execution_count"] == 1 and first["metadata"] == {}


def run_cell_in_ipython(code: str, platform: str, monkeypatch) -> list[tuple[str, str]]:
    """Run a cell's code as IPython would (its ``%`` lines transformed) with ``sys.platform`` set to
    ``platform``; return the line magics it called."""
    from IPython.core.inputtransformer2 import TransformerManager

    called = []

    class Shell:
        def run_line_magic(self, name, line, _stack_depth=1):
            called.append((name, line))

    python = TransformerManager().transform_cell(code)
    monkeypatch.setattr(sys, "platform", platform)
    exec(compile(python, "<install cell>", "exec"), {"get_ipython": Shell})
    monkeypatch.undo()
    return called


def test_the_install_cell_does_nothing_outside_jupyterlite(monkeypatch, capsys):
    for platform in ("linux", "darwin", "win32"):
        assert run_cell_in_ipython(REFRESH.INSTALL_CELL, platform, monkeypatch) == []
    assert capsys.readouterr() == ("", "")


def test_the_install_cell_installs_this_package_under_pyodide(monkeypatch):
    """Pyodide's ``sys.platform`` is ``emscripten``; there ``%pip install`` is piplite's install."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        tomllib = pytest.importorskip("tomli")
    name = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    called = run_cell_in_ipython(REFRESH.INSTALL_CELL, "emscripten", monkeypatch)
    assert called == [("pip", f"install -q {name}")]


# --------------------------------------------------------------------------- metadata
def test_the_kernelspec_and_language_info_are_what_jupyterlab_writes(path):
    meta = read(path)["metadata"]
    assert meta["kernelspec"] == JUPYTERLAB_KERNELSPEC, f"{path.name}: refresh with {REFRESH.REFRESH_COMMAND}"
    info = dict(meta["language_info"])
    version = info.pop("version")
    assert info == IPYKERNEL_LANGUAGE_INFO
    assert re.fullmatch(r"3\.[0-9]+\.[0-9]+", version), f"{path.name}: language_info.version {version!r}"


def test_every_notebook_was_last_run_by_the_same_python():
    """One refresh ran them all: the notebooks open unmodified on one Python version, not on several."""
    versions = {p.name: read(p)["metadata"]["language_info"]["version"] for p in NOTEBOOKS}
    assert len(set(versions.values())) == 1, versions


def test_cell_metadata_is_what_jupyterlab_saves(path):
    for i, cell in enumerate(read(path)["cells"]):
        md = cell["metadata"]
        assert "trusted" not in md, f"{path.name} cell {i}: JupyterLab drops 'trusted' when it saves"
        assert md.get("scrolled", True) is True, (
            f"{path.name} cell {i}: JupyterLab keeps 'scrolled' only if true"
        )
        if cell["cell_type"] == "code":
            # a folded output: JupyterLab writes the legacy field beside the new one
            assert md.get("collapsed") == md.get("jupyter", {}).get("outputs_hidden"), (
                f"{path.name} cell {i}: 'collapsed' must equal jupyter.outputs_hidden"
            )


def test_every_notebook_is_stored_as_the_refresh_leaves_it(path):
    assert REFRESH.is_normalised(path), f"{path.name}: run {REFRESH.REFRESH_COMMAND} --no-run {path}"


# --------------------------------------------------------------------------- the normalisation itself
def notebook(*cells, minor=5, language_info=None) -> dict:
    """A notebook of code cells ``(source, execution_count, outputs, metadata)``."""
    nb = {"cells": [], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}}}
    nb.update(nbformat=4, nbformat_minor=minor)
    if language_info is not None:
        nb["metadata"]["language_info"] = language_info
    for n, (src, count, outputs, md) in enumerate(cells):
        cell = {"cell_type": "code", "execution_count": count, "metadata": md, "outputs": outputs}
        cell["source"] = src.splitlines(keepends=True)
        if minor >= 5:
            cell["id"] = f"c{n}"
        nb["cells"].append(cell)
    return nb


def result(count: int) -> dict:
    return {
        "output_type": "execute_result",
        "execution_count": count,
        "data": {"text/plain": "6"},
        "metadata": {},
    }


def test_a_run_notebook_gets_the_install_cell_numbered_as_a_run_would():
    nb = notebook(("import convlesson as cl", 1, [], {}), ("1 + 5", 2, [result(2)], {}))
    nb["cells"].insert(0, {"cell_type": "markdown", "id": "m", "metadata": {}, "source": ["## Setup"]})
    out = REFRESH.normalise(nb, python_version="3.11.7")
    cells = code_cells(out)
    assert [c["execution_count"] for c in cells] == [1, 2, 3]
    assert cells[2]["outputs"][0]["execution_count"] == 3
    assert out["cells"][0]["cell_type"] == "markdown", "inserted before the first code cell"
    assert source(cells[0]) == REFRESH.INSTALL_CELL and cells[0]["id"] == REFRESH.INSTALL_CELL_ID
    assert nb["cells"][1]["execution_count"] == 1, "the notebook given is not changed"
    assert REFRESH.normalise(out) == out, "a second pass changes nothing"


def test_an_unrun_notebook_gets_an_unrun_install_cell():
    out = REFRESH.normalise(notebook(("import convlesson as cl", None, [], {})), python_version="3.12.1")
    assert [c["execution_count"] for c in code_cells(out)] == [None, None]
    assert out["metadata"]["language_info"] == {**IPYKERNEL_LANGUAGE_INFO, "version": "3.12.1"}
    assert out["metadata"]["kernelspec"] == JUPYTERLAB_KERNELSPEC


def test_an_older_install_cell_is_replaced_not_repeated():
    old = ("import sys\nif sys.platform == 'emscripten':\n    import piplite", 1, [], {"tags": ["x"]})
    nb = notebook(old, ("import convlesson as cl", 2, [], {}))
    nb["cells"][0]["id"] = REFRESH.INSTALL_CELL_ID
    cells = code_cells(REFRESH.normalise(nb))
    assert [source(c) for c in cells] == [REFRESH.INSTALL_CELL, "import convlesson as cl"]
    assert [c["execution_count"] for c in cells] == [1, 2] and cells[0]["metadata"] == {}


def test_a_stored_python_version_is_kept():
    info = {**IPYKERNEL_LANGUAGE_INFO, "version": "3.10.13", "codemirror_mode": "python"}
    out = REFRESH.normalise(notebook(("1", 1, [], {}), language_info=info), python_version="3.13.0")
    assert out["metadata"]["language_info"] == {**IPYKERNEL_LANGUAGE_INFO, "version": "3.10.13"}


def test_cell_metadata_is_settled_as_jupyterlab_saves_it():
    """What JupyterLab 4.6 wrote on save for each kind of cell metadata (measured on a notebook of them)."""
    given_and_saved = [
        ({"collapsed": True}, {"collapsed": True, "jupyter": {"outputs_hidden": True}}),
        ({"jupyter": {"outputs_hidden": True}}, {"collapsed": True, "jupyter": {"outputs_hidden": True}}),
        ({"jupyter": {"outputs_hidden": False}}, {"collapsed": False, "jupyter": {"outputs_hidden": False}}),
        ({"scrolled": True}, {"scrolled": True}),
        ({"scrolled": "auto"}, {}),
        ({"scrolled": False}, {}),
        ({"trusted": True}, {}),
        (
            {"tags": ["raises-exception"], "editable": False},
            {"tags": ["raises-exception"], "editable": False},
        ),
        ({"jupyter": {"source_hidden": True}}, {"jupyter": {"source_hidden": True}}),
    ]
    cells = [("print(1)", 1, [], copy.deepcopy(given)) for given, _ in given_and_saved]
    out = REFRESH.normalise(notebook(*cells))
    saved = [c["metadata"] for c in code_cells(out)[1:]]
    assert saved == [want for _, want in given_and_saved]


def test_an_nbformat_4_4_notebook_gets_no_cell_id():
    out = REFRESH.normalise(notebook(("1", 1, [], {}), minor=4))
    assert "id" not in code_cells(out)[0] and source(code_cells(out)[0]) == REFRESH.INSTALL_CELL
    assert REFRESH.normalise(out) == out


def test_check_names_the_notebooks_to_normalise_and_no_run_fixes_them(tmp_path, capsys):
    stale = tmp_path / "stale.ipynb"
    stale.write_text(json.dumps(notebook(("import convlesson as cl", 1, [], {}))), encoding="utf-8")
    fine = tmp_path / "fine.ipynb"
    fine.write_text(REFRESH.dumps(REFRESH.normalise(read(stale))), encoding="utf-8")
    assert REFRESH.main(["--check", str(stale), str(fine)]) == 1
    printed = capsys.readouterr().out
    assert "stale.ipynb is not normalised" in printed and "fine.ipynb" not in printed
    before = fine.stat().st_mtime_ns
    assert REFRESH.main(["--no-run", str(stale), str(fine)]) == 0
    assert REFRESH.main(["--check", str(stale), str(fine)]) == 0
    assert fine.stat().st_mtime_ns == before, "a normalised notebook is not rewritten"
