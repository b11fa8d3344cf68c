"""Session fixtures for the browser suite: one JupyterLab server, one Chromium, one page.

Without Chromium or Playwright the suite skips with a one-line reason, unless the ``CI`` environment
variable is set, in which case it fails: CI must never silently lose these tests.
"""

from __future__ import annotations

import labdriver
import pytest


def _require(reason: str | None) -> None:
    if reason is None:
        return
    if labdriver.ci_requested():
        pytest.fail(f"CI is set but the browser suite cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


def _require_browser() -> None:
    _require(labdriver.browser_unavailable_reason())


FAILED = pytest.StashKey[list]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        item.stash.setdefault(FAILED, []).append(report.when)


@pytest.fixture(scope="session")
def artifacts_dir():
    labdriver.ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in labdriver.ARTIFACTS.glob("*.png"):
        old.unlink()
    return labdriver.ARTIFACTS


@pytest.fixture(scope="session")
def lab_server(artifacts_dir):
    _require_browser()
    server = labdriver.LabServer(labdriver.NOTEBOOKS, log_path=artifacts_dir / "jupyterlab-server.log")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def notebook7_server(artifacts_dir):
    """Jupyter Notebook 7 over its own temporary copy of the course."""
    _require_browser()
    _require(labdriver.notebook7_unavailable_reason())
    server = labdriver.LabServer(
        labdriver.NOTEBOOKS, log_path=artifacts_dir / "notebook7-server.log", app="notebook"
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = labdriver.launch_browser(pw)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def lab(chromium, lab_server):
    page = labdriver.Lab(chromium, lab_server)
    yield page
    page.close()


@pytest.fixture(scope="session")
def notebook7(chromium, notebook7_server):
    page = labdriver.NotebookPage(chromium, notebook7_server)
    yield page
    page.close()


# Fixtures that are a browser page, for the screenshot kept when a test fails.
PAGES = ("lab", "projector", "notebook7")


@pytest.fixture(autouse=True)
def _screenshot_on_failure(request, artifacts_dir):
    """Keep a picture of the whole page when a test that used a page fails."""
    yield
    if not request.node.stash.get(FAILED, None):
        return
    name = "".join(c if c.isalnum() or c in "._-" else "_" for c in request.node.name)
    for fixture in PAGES:
        if fixture not in request.fixturenames:
            continue
        page = request.getfixturevalue(fixture)
        try:
            page.page.screenshot(path=str(artifacts_dir / f"FAILED_{name}.png"), full_page=True)
        except Exception as exc:  # the page itself may be what broke
            print(f"could not save a screenshot of the failure: {exc}")
