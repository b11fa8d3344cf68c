#!/usr/bin/env python3
"""Refresh the notebooks' stored outputs, stored the way JupyterLab itself would save them.

Usage, from the repository's root (matplotlib 3.11.x installed, as for every refresh)::

    python .ci/refresh_notebooks.py                           # every notebook: normalise, run, normalise
    python .ci/refresh_notebooks.py notebooks/05_filters.ipynb   # only the notebooks named
    python .ci/refresh_notebooks.py --no-run                  # only normalise: no kernel, outputs kept
    python .ci/refresh_notebooks.py --check                   # name the notebooks not normalised; exit 1

A refresh runs each notebook top to bottom in a fresh kernel and stores its outputs (``nbconvert
--execute --inplace``, without widget state or timings), between two passes of :func:`normalise`,
which is idempotent (a second pass changes nothing) and writes only the notebooks it changes:

1. **The first code cell installs the package in JupyterLite** (:data:`INSTALL_CELL`: under Pyodide,
   ``sys.platform`` is ``"emscripten"``; anywhere else the cell does nothing and prints nothing). It is
   inserted before the first code cell where it is missing (found by its cell id, so a changed
   :data:`INSTALL_CELL` replaces the old one), with the other cells' execution counts moved on by one
   as a run would number them.
2. **Notebook metadata as JupyterLab 4 and Notebook 7 write it** when they open a notebook with
   ipykernel: :data:`KERNELSPEC` and :data:`LANGUAGE_INFO`. ``language_info.version`` is the version
   of the Python that last ran the notebook (the refresh writes it); an unrun notebook opens without
   being marked modified only on exactly that Python version.
3. **Cell metadata as JupyterLab saves it**: a code cell's ``collapsed`` mirrors its
   ``jupyter.outputs_hidden`` (a folded output), ``trusted`` is dropped, ``scrolled`` kept only when true.

The notebooks are ``notebooks/**/*.ipynb``. The files are written as nbformat writes them (one-space
indents, sorted keys, UTF-8 as is, a final newline).
"""

from __future__ import annotations

import argparse
import copy
import json
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

#: The first code cell of every notebook: installs the course's package in JupyterLite (Pyodide), where
#: ``%pip`` becomes piplite's install from the site's own wheels; elsewhere the ``if`` is never taken.
INSTALL_CELL = """\
# In JupyterLite (Python in your browser) this installs the course's package; elsewhere it does nothing.
import sys

if sys.platform == "emscripten":
    %pip install -q convlesson"""
#: The install cell's id: how a notebook's install cell is found, whatever its source.
INSTALL_CELL_ID = "install-in-jupyterlite"

#: The kernelspec JupyterLab 4 and Notebook 7 write for ipykernel's kernel (ipykernel >= 6 names it so).
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
#: ipykernel's ``language_info`` (its kernel_info reply), which the front ends copy into the notebook,
#: less ``version``: the kernel's Python, ``x.y.z``.
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}
PYTHON_VERSION = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+")

REFRESH_COMMAND = "python .ci/refresh_notebooks.py"
NBCONVERT = [
    "--to",
    "notebook",
    "--execute",
    "--inplace",
    "--ExecutePreprocessor.store_widget_state=False",
    "--ExecutePreprocessor.record_timing=False",
]


def source_lines(text: str) -> list[str]:
    """A cell source as nbformat stores it: its lines, each but the last with its newline."""
    return text.splitlines(keepends=True)


def source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def install_cell(execution_count: int | None, with_id: bool) -> dict:
    cell = {
        "cell_type": "code",
        "execution_count": execution_count,
        "metadata": {},
        "outputs": [],
        "source": source_lines(INSTALL_CELL),
    }
    if with_id:
        cell["id"] = INSTALL_CELL_ID
    return cell


def _is_install_cell(cell: dict) -> bool:
    return cell["cell_type"] == "code" and (
        cell.get("id") == INSTALL_CELL_ID or source(cell).strip() == INSTALL_CELL
    )


def _place_install_cell(nb: dict) -> None:
    """Make the install cell the first code cell, numbered as a top-to-bottom run would number it."""
    cells = nb["cells"]
    with_id = (nb.get("nbformat"), nb.get("nbformat_minor", 0)) >= (4, 5)
    found = [i for i, c in enumerate(cells) if _is_install_cell(c)]
    code = [i for i, c in enumerate(cells) if c["cell_type"] == "code"]
    if found and found == code[:1]:  # in place: only its source, id, outputs and metadata to settle
        cell = cells[found[0]]
        count = cell.get("execution_count")
        cells[found[0]] = install_cell(count, with_id)
        return
    for i in reversed(found):
        del cells[i]
    others = [c for c in cells if c["cell_type"] == "code"]
    counts = [c.get("execution_count") for c in others]
    ran_in_order = bool(counts) and counts == list(range(1, len(counts) + 1))
    if ran_in_order:  # the run numbers the install cell 1 and every later cell one more
        for cell in others:
            cell["execution_count"] += 1
            for out in cell.get("outputs", []):
                if out.get("output_type") == "execute_result" and out.get("execution_count") is not None:
                    out["execution_count"] += 1
    first = next((i for i, c in enumerate(cells) if c["cell_type"] == "code"), len(cells))
    cells.insert(first, install_cell(1 if ran_in_order else None, with_id))


def _cell_metadata(cell: dict) -> None:
    md = cell.setdefault("metadata", {})
    md.pop("trusted", None)
    if "scrolled" in md and md["scrolled"] is not True:
        del md["scrolled"]
    if cell["cell_type"] != "code":
        return
    hidden = md.get("jupyter", {}).get("outputs_hidden", md.get("collapsed"))
    if hidden is not None:  # JupyterLab writes both the legacy field and the new one, always equal
        md["collapsed"] = bool(hidden)
        md.setdefault("jupyter", {})["outputs_hidden"] = bool(hidden)


def normalise(nb: dict, python_version: str | None = None) -> dict:
    """A copy of ``nb`` as JupyterLab would save it after opening it unrun, with the install cell first.

    ``python_version`` fills ``language_info.version`` where the notebook has none (default: this
    Python's); a version already stored is kept (it is the Python that ran the notebook).
    """
    nb = copy.deepcopy(nb)
    _place_install_cell(nb)
    for cell in nb["cells"]:
        _cell_metadata(cell)
    meta = nb.setdefault("metadata", {})
    meta["kernelspec"] = dict(KERNELSPEC)
    stored = meta.get("language_info", {}).get("version")
    if not (isinstance(stored, str) and PYTHON_VERSION.fullmatch(stored)):
        stored = python_version or platform.python_version()
    meta["language_info"] = {**copy.deepcopy(LANGUAGE_INFO), "version": stored}
    return nb


def dumps(nb: dict) -> str:
    """A notebook's file text, as nbformat writes it."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def normalise_file(path: Path) -> bool:
    """Normalise one notebook file in place; True if it changed."""
    text = path.read_text(encoding="utf-8")
    new = dumps(normalise(json.loads(text)))
    if new == text:
        return False
    path.write_text(new, encoding="utf-8")
    return True


def is_normalised(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return dumps(normalise(json.loads(text))) == text


def course_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """Every notebook under ``notebooks/`` (checkpoints excluded), in order."""
    return sorted(p for p in folder.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def shown(path: Path) -> str:
    """A path as the maintainer typed it: relative to the repository when inside it."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def run_in_place(paths: list[Path]) -> None:
    """Run each notebook top to bottom in a fresh kernel; store its outputs (no widget state, no timings)."""
    for path in paths:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "nbconvert", *NBCONVERT, str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            sys.exit(f"running {path} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        print(f"ran {shown(path)} in {time.perf_counter() - start:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/**/*.ipynb")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--no-run", action="store_true", help="only normalise (no kernel; outputs kept)")
    what.add_argument("--check", action="store_true", help="change nothing; exit 1 if any is not normalised")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or course_notebooks()
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        parser.error(f"no such notebook: {', '.join(missing)}")
    if args.check:
        stale = [p for p in paths if not is_normalised(p)]
        for p in stale:
            print(f"{shown(p)} is not normalised: {REFRESH_COMMAND} --no-run {shown(p)}")
        return 1 if stale else 0
    for path in paths:
        if normalise_file(path):
            print(f"normalised {shown(path)}")
    if not args.no_run:
        run_in_place(paths)
        for path in paths:  # the run rewrites language_info from its kernel; settle the rest again
            normalise_file(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
