"""Repository-wide pytest hooks: a stale notebook's failure says how to refresh the stored outputs.

The notebooks in ``notebooks/`` are checked cell by cell by nbval (strict ``--nbval``): each cell is
re-run and its text outputs must equal the ones stored in the notebook. When a change to the package
changes what a cell prints, the stored outputs are *stale*; the failure report then ends with the one
command that re-runs every notebook and stores fresh outputs (and the widget state nbviewer shows).
"""

from __future__ import annotations

import pytest

#: Re-runs every notebook in place and stores its outputs and widget state (README: "Refreshing outputs").
REFRESH_COMMAND = (
    "jupyter nbconvert --to notebook --execute --inplace "
    "--ExecutePreprocessor.store_widget_state=True --ExecutePreprocessor.record_timing=False "
    "notebooks/*.ipynb"
)

STALE_MESSAGE = (
    "The notebook's stored outputs differ from what its cells print now. If the new output is the "
    "intended one, refresh every notebook's stored outputs (and widget state) with:\n\n    "
    + REFRESH_COMMAND
    + "\n\nthen review the diff and commit the notebooks."
)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed or not str(item.fspath).endswith(".ipynb"):
        return
    text = str(report.longrepr)
    if "Cell outputs differ" in text or "Unrun reference cell" in text:
        report.longrepr = f"{text}\n\n{STALE_MESSAGE}"
