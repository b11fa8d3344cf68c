"""Repository-wide pytest hooks: a stale notebook's failure says how to refresh the stored outputs.

The notebooks in ``notebooks/`` are checked cell by cell by nbval (strict ``--nbval``): each cell is
re-run and its text outputs must equal the ones stored in the notebook. When a change to the package
changes what a cell prints, the stored outputs are *stale*; the failure report then ends with the one
command that re-runs every notebook and stores fresh outputs (``.ci/refresh_notebooks.py``: it also
keeps each notebook's first cell and metadata as JupyterLite and JupyterLab need them).

The refresh also stores every explorer's picture, and the whole-picture tests compare those (and the
README's figures) with freshly drawn ones. Glyph edges differ between matplotlib releases, so those
tests compare only under ``REFERENCE_MATPLOTLIB``, the release that drew the stored pictures, and skip
under any other; refresh with that release installed. They skip too when labels are drawn by stock
matplotlib (``CONVLESSON_STOCK_TEXT=1``), which places glyphs up to a pixel away from the fast path.
"""

from __future__ import annotations

import pytest

#: Re-runs every notebook in place and stores its outputs, without widget state (README: "Refreshing the
#: notebooks' outputs"); a notebook's path after it refreshes that notebook alone.
REFRESH_COMMAND = "python .ci/refresh_notebooks.py"

#: The matplotlib (major.minor) that drew the stored pictures: the explorers' pictures in the notebooks
#: and the README's figures (notebooks/figures/).
REFERENCE_MATPLOTLIB = "3.11"

STALE_MESSAGE = (
    "The notebook's stored outputs differ from what its cells print now. If the new output is the "
    "intended one, refresh every notebook's stored outputs, from the repository's root, with matplotlib "
    f"{REFERENCE_MATPLOTLIB}.x installed:\n\n    "
    + REFRESH_COMMAND
    + "\n\nthen review the diff and commit the notebooks."
)


def whole_picture_skip_reason() -> str | None:
    """Why stored pictures cannot be compared whole with fresh ones here, or None when they can."""
    import matplotlib

    from convlesson.pictures import fast_text

    installed = matplotlib.__version__
    if installed.split(".")[:2] != REFERENCE_MATPLOTLIB.split("."):
        return (
            f"the stored pictures were drawn with matplotlib {REFERENCE_MATPLOTLIB}.x, this is matplotlib "
            f"{installed} (glyph edges differ); compared only under {REFERENCE_MATPLOTLIB}.x"
        )
    if not fast_text.fast_text():
        return (
            f"the stored pictures were drawn with the fast label path, this run draws labels with "
            f"{fast_text.text_path()} (glyphs land up to a pixel apart; tests/test_text_path.py compares "
            f"the two paths)"
        )
    return None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed or not str(item.fspath).endswith(".ipynb"):
        return
    text = str(report.longrepr)
    if "Cell outputs differ" in text or "Unrun reference cell" in text:
        report.longrepr = f"{text}\n\n{STALE_MESSAGE}"
