"""Drive the course in a real JupyterLab in headless Chromium (shared by tests and benchmarks).

Everything here is plain Python plus Playwright's sync API:

* :func:`find_chromium` locates a Chromium binary (``CONVLESSON_CHROMIUM`` or the usual names).
* :class:`LabServer` runs ``jupyter lab`` (or Jupyter Notebook 7, ``app="notebook"``) on 127.0.0.1 over a
  temporary *copy* of the notebooks, with its own config, settings, workspaces and runtime directories,
  and stops it without leftovers. :meth:`LabServer.add_notebook` writes a notebook of a test's own into
  that copy.
* :class:`Lab` is one browser page on a JupyterLab server: open a notebook, run all cells the way a
  learner does (Run menu), find the explorers, press keys on their sliders and wait for their pictures.
  :class:`NotebookPage` does the same in Jupyter Notebook 7, one notebook per page.
"""

from __future__ import annotations

import atexit
import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from convlesson import _EXPLORERS

REPO = Path(__file__).resolve().parents[2]
# The folder of notebooks to drive: the course, or another one given in $CONVLESSON_NOTEBOOKS.
NOTEBOOKS = Path(os.environ.get("CONVLESSON_NOTEBOOKS") or REPO / "notebooks")
ARTIFACTS = REPO / "tests" / "artifacts" / "browser"
# The Chinese edition's folder inside NOTEBOOKS, and its notebooks the browser suite runs like the English.
ZH = "zh"
ZH_IN_BROWSER = ("00_start_here", "04_many_channels", "05_filters")

CHROMIUM_ENV = "CONVLESSON_CHROMIUM"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
HOW_TO_ENABLE = (
    "browser tests need Chromium and Playwright: apt-get install chromium && pip install playwright "
    f"(or set {CHROMIUM_ENV}=/path/to/chrome)"
)

# Generous limits for a slow, shared 2-core machine (milliseconds unless stated otherwise).
SERVER_START_S = 90
PAGE_LOAD_MS = 120_000
KERNEL_START_MS = 60_000
RUN_ALL_MS = 180_000
PICTURE_MS = 30_000
PLAY_MS = 120_000
# A layout has settled when its widths stay put this many animation frames and milliseconds in a row.
SETTLED_FRAMES = 10
SETTLED_MS = 500

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_OUTPUT = ".jp-OutputArea-output:has(> .jupyter-widgets)"
# How the console reports a request that failed (``js_errors`` adds the URL in parentheses).
FAILED_LOAD = "Failed to load resource"
WIDGET_ERRORS = ("Error displaying widget", "model not found", "Click to show javascript error")
EXPLORER_CLASSES = _EXPLORERS
_NAMES = "|".join(EXPLORER_CLASSES)
_EXPLORER_CALL = re.compile(rf"\b({_NAMES})\s*\(")
# A widget cell is one line that builds an explorer: ``cl.FilterBank()``, ``cl.KernelSweep(kernel_size=5)``.
EXPLORER_CELL = re.compile(rf"^\s*(?:\w+\.)?({_NAMES})\(.*\)\s*;?\s*$")

# JupyterLab user settings for the test server: no news, no update checks, no toasts.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
        "doNotDisturbMode": True,
    },
}


def ci_requested() -> bool:
    """True when the ``CI`` environment variable asks for a strict run (browser tests must not skip)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_voila() -> None:
    """Skip a Voila test where Voila is not installed; under ``CI`` fail it instead."""
    import pytest

    try:
        import voila  # noqa: F401
    except ImportError:
        reason = "Voila is not installed: pip install 'voila>=0.5' (in the [test] extra)"
        if ci_requested():
            pytest.fail(f"CI is set but the Voila test cannot run: {reason}", pytrace=False)
        pytest.skip(reason)


def find_chromium() -> str | None:
    """Path of a Chromium binary: ``$CONVLESSON_CHROMIUM``, else the usual names on PATH, else None."""
    override = os.environ.get(CHROMIUM_ENV, "").strip()
    if override:
        path = shutil.which(override) or override
        return path if os.path.isfile(path) and os.access(path, os.X_OK) else None
    for name in (
        "/usr/bin/chromium",
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ):
        path = shutil.which(name)
        if path:
            return path
    return None


def notebook7_unavailable_reason() -> str | None:
    """None when Jupyter Notebook 7 or newer is installed, else a one-line reason saying how to fix it."""
    try:
        from notebook import __version__
    except ImportError:
        return "Jupyter Notebook is not installed: pip install 'notebook>=7' (in the [test] extra)"
    major = int(re.match(r"\d+", __version__).group())
    return None if major >= 7 else f"Jupyter Notebook {__version__} is installed, these tests need 7 or newer"


def browser_unavailable_reason() -> str | None:
    """None when Playwright and Chromium are both there, else a one-line reason saying how to fix it."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return f"Playwright is not installed; {HOW_TO_ENABLE}"
    if find_chromium() is None:
        override = os.environ.get(CHROMIUM_ENV, "").strip()
        where = f"{CHROMIUM_ENV}={override} is not an executable" if override else "no Chromium found"
        return f"{where}; {HOW_TO_ENABLE}"
    return None


def course_notebooks(directory: Path = NOTEBOOKS) -> list[Path]:
    """The course's notebooks in order (``NN_name.ipynb``; checkpoints excluded)."""
    return sorted(p for p in directory.glob("*.ipynb") if p.is_file())


def zh_notebooks(stems: tuple[str, ...] | None = None, directory: Path = NOTEBOOKS) -> list[Path]:
    """The Chinese edition's notebooks (``zh/NN_name.ipynb``) in order, or only those named in ``stems``."""
    found = course_notebooks(directory / ZH)
    return [p for p in found if stems is None or p.stem in stems]


def served_name(path: Path, directory: Path = NOTEBOOKS) -> str:
    """A notebook's path as the server knows it, relative to the served folder: ``zh/05_filters.ipynb``."""
    return path.relative_to(directory).as_posix()


def control_name(label: str) -> str:
    """The code name of a control from its label: its first word (``'step'`` of ``'step 第几步'``).

    A control is labelled with its parameter's name; another language may add a gloss after it.
    """
    words = label.split()
    return words[0] if words else label


def write_notebook(path: Path, cells: list) -> Path:
    """Write a notebook to ``path`` (with kernelspec metadata, so no kernel dialog opens).

    Each cell is the source of a code cell, or ``("markdown", source)``.
    """
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell(cell[1])
        if isinstance(cell, tuple) and cell[0] == "markdown"
        else nbformat.v4.new_code_cell(cell)
        for cell in cells
    ]
    nbformat.write(nb, path)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pids_mentioning(text: str) -> list[int]:
    """Processes whose command line mentions ``text`` (used to find kernels by our runtime dir)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in cmdline:
            pids.append(int(entry.name))
    return pids


APPS = {
    # app: (the jupyter subcommand's options beyond the common ones, a notebook's URL path)
    "lab": (["--LabApp.expose_app_in_browser=True", "--LabApp.news_url="], "/lab/tree/{}"),
    "notebook": (["--JupyterNotebookApp.expose_app_in_browser=True"], "/notebooks/{}"),
}


class LabServer:
    """A JupyterLab (or Jupyter Notebook 7) server over a temporary copy of ``notebook_dir``.

    The copy keeps the repository's notebooks untouched (no autosave, no checkpoints); the config,
    data, settings, workspaces and runtime directories are temporary too, so a learner's own JupyterLab
    settings cannot change what the tests see. ``settings`` adds user settings files to the
    temporary settings directory (``{"@jupyterlab/...-extension/plugin.jupyterlab-settings": {...}}``);
    Notebook 7 reads the same directory. ``disabled_extensions`` are turned off with
    ``jupyter labextension disable`` in the temporary config directory (e.g. the widget front end).
    ``stop()`` shuts the kernels down through the REST API, terminates the server's process group and
    kills anything still running from the runtime dir.
    """

    def __init__(
        self,
        notebook_dir: Path,
        log_path: Path | None = None,
        app: str = "lab",
        settings: dict[str, dict] | None = None,
        disabled_extensions: tuple[str, ...] = (),
    ):
        if app not in APPS:
            raise ValueError(f"app must be one of {sorted(APPS)}, got {app!r}")
        self.notebook_dir = Path(notebook_dir)
        self.log_path = log_path
        self.app = app
        self.settings = {**LAB_SETTINGS, **(settings or {})}
        self.disabled_extensions = tuple(disabled_extensions)
        self.tmp = Path(tempfile.mkdtemp(prefix=f"convlesson-{app}-"))
        self.root = self.tmp / "notebooks"
        self.proc: subprocess.Popen | None = None
        self.port: int | None = None
        self._log = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def notebook_url(self, name: str) -> str:
        """Where this server's front end shows notebook ``name`` (a path relative to the copy)."""
        return self.url + APPS[self.app][1].format(urllib.parse.quote(name))

    def write_settings(self, rel: str, values: dict) -> None:
        """Write one user settings file (read by the next page load, not by pages already open)."""
        target = self.tmp / "settings" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))

    def remove_settings(self, rel: str) -> None:
        (self.tmp / "settings" / rel).unlink(missing_ok=True)

    def add_notebook(self, name: str, cells: list) -> str:
        """Write a notebook into the served copy (after ``start()``; cells as for :func:`write_notebook`)."""
        write_notebook(self.root / name, cells)
        return name

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        dirs = {
            "JUPYTER_CONFIG_DIR": "config",
            "JUPYTER_DATA_DIR": "data",  # notebook signatures; the environment's extensions still load
            "JUPYTERLAB_SETTINGS_DIR": "settings",
            "JUPYTERLAB_WORKSPACES_DIR": "workspaces",
            "JUPYTER_RUNTIME_DIR": "runtime",
            "IPYTHONDIR": "ipython",
        }
        for var, sub in dirs.items():
            (self.tmp / sub).mkdir(exist_ok=True)
            env[var] = str(self.tmp / sub)
        # Kernel specs from this Python's environment win over a learner's user-level ones.
        env["JUPYTER_PREFER_ENV_PATH"] = "1"
        env.pop("JUPYTER_TOKEN", None)
        env["PYTHONUNBUFFERED"] = "1"
        return env

    def start(self, timeout_s: float = SERVER_START_S) -> LabServer:
        atexit.register(self.stop)  # also when a run is interrupted before the fixtures' teardown
        shutil.copytree(self.notebook_dir, self.root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        for rel, values in self.settings.items():
            self.write_settings(rel, values)
        for extension in self.disabled_extensions:  # as a user would, in this server's own config folder
            subprocess.run(
                [sys.executable, "-m", "jupyter", "labextension", "disable", "--level=user", extension],
                env=self._env(),
                check=True,
                capture_output=True,
                timeout=120,
            )
        log_path = self.log_path or (self.tmp / "server.log")
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        last_error = "server did not start"
        for _attempt in range(3):
            self.port = free_port()
            cmd = [
                sys.executable,
                "-m",
                "jupyter",
                self.app,
                "--no-browser",
                "--ServerApp.token=",
                "--ServerApp.password=",
                "--ServerApp.allow_root=True",
                "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={self.port}",
                "--ServerApp.port_retries=0",
                f"--ServerApp.root_dir={self.root}",
                "--ServerApp.open_browser=False",
                *APPS[self.app][0],
            ]
            self.proc = subprocess.Popen(
                cmd,
                cwd=self.tmp,
                env=self._env(),
                stdout=self._log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
            deadline = time.monotonic() + timeout_s
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    code = self.proc.returncode
                    last_error = f"jupyter {self.app} exited with code {code} (log: {log_path})"
                    break
                try:
                    with urllib.request.urlopen(f"{self.url}/api/status", timeout=5) as r:
                        if r.status == 200:
                            return self
                except (urllib.error.URLError, OSError):
                    pass
                time.sleep(0.2)  # polling for the server to come up, not synchronising a page
            else:
                last_error = f"jupyter {self.app} did not answer within {timeout_s} s (log: {log_path})"
                self._stop_process()
                break
        self.stop()
        raise RuntimeError(last_error)

    def api(self, method: str, path: str):
        req = urllib.request.Request(f"{self.url}{path}", method=method)
        with urllib.request.urlopen(req, timeout=30) as r:
            body = r.read()
        return json.loads(body) if body else None

    def kernels(self) -> list[dict]:
        return self.api("GET", "/api/kernels")

    def shutdown_kernels(self) -> None:
        try:
            for kernel in self.kernels():
                self.api("DELETE", f"/api/kernels/{kernel['id']}")
        except (urllib.error.URLError, OSError):
            pass

    def _stop_process(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def leftover_pids(self) -> list[int]:
        """Processes still running that were started by this server (found by its temp dir)."""
        return _pids_mentioning(str(self.tmp))

    def stop(self) -> None:
        """Stop the server and its kernels and remove the temporary copy (safe to call twice)."""
        if self.proc is not None and self.proc.poll() is None:
            self.shutdown_kernels()
        self._stop_process()
        # Kernels run in their own sessions: kill any that outlived the server, by pid.
        for pid in self.leftover_pids():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self._log is not None:
            self._log.close()
            self._log = None
        shutil.rmtree(self.tmp, ignore_errors=True)


def launch_browser(playwright, executable: str | None = None):
    return playwright.chromium.launch(
        executable_path=executable or find_chromium(), headless=True, args=CHROMIUM_ARGS
    )


# --- in-page JavaScript -----------------------------------------------------------------------------

# Promises are started here and watched with wait_for_function, which has a timeout (evaluate has none).
_JS_OPEN = """(path) => {
  const state = window.__cl = {widget: null, error: null};
  window.jupyterapp.commands.execute('docmanager:open', {path, factory: 'Notebook'})
    .then(async w => { await w.context.ready; await w.sessionContext.ready; state.widget = w; })
    .catch(e => { state.error = String(e); });
}"""

# Notebook 7 opens the notebook of its URL by itself: adopt it once its context and session are ready.
_JS_ADOPT = """() => {
  const app = window.jupyterapp;
  const w = app && app.shell.currentWidget;
  if (!w || !w.context || !w.sessionContext || !w.context.isReady) return false;
  if (!w.sessionContext.session) return false;
  window.__cl = {widget: w, error: null};
  return true;
}"""

_JS_OPENED = """() => {
  const s = window.__cl;
  if (s.error) return s.error;
  const w = s.widget;
  const k = w && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.status === 'idle' && k.connectionStatus === 'connected';
}"""

# Done when the kernel is idle, no cell is queued or running, and either the last code cell ran or
# some cell produced an error (an unexpected error aborts the rest of the queue).
_JS_RUN_DONE = """() => {
  const w = window.__cl.widget;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  if (!k || k.status !== 'idle') return false;
  const cells = Array.from(w.content.model.cells).filter(c => c.type === 'code');
  if (cells.some(c => c.executionState === 'running')) return false;
  const prompts = Array.from(w.content.node.querySelectorAll('.jp-InputPrompt'));
  if (prompts.some(p => p.textContent.includes('*'))) return false;
  const ran = c => c.executionCount !== null;
  const failed = c => Array.from({length: c.outputs.length}, (_, i) => c.outputs.get(i).type)
    .includes('error');
  const code = cells.filter(c => c.sharedModel.getSource().trim() !== '');
  return code.length === 0 || ran(code[code.length - 1]) || code.some(failed);
}"""

_JS_CELL_REPORT = """() => {
  const w = window.__cl.widget;
  const cells = Array.from(w.content.model.cells);
  return cells.map((c, index) => {
    const outputs = c.type === 'code'
      ? Array.from({length: c.outputs.length}, (_, i) => c.outputs.get(i).toJSON()) : [];
    return {
      index, type: c.type, source: c.sharedModel.getSource(),
      tags: c.getMetadata('tags') || [],
      execution_count: c.type === 'code' ? c.executionCount : null,
      errors: outputs.filter(o => o.output_type === 'error')
        .map(o => `${o.ename}: ${o.evalue}`),
      widget_outputs: outputs.filter(o => o.data && o.data[WIDGET_MIME]).length,
    };
  });
}""".replace("WIDGET_MIME", repr(WIDGET_MIME))

_JS_CLOSE = """async () => {
  const w = window.__cl && window.__cl.widget;
  window.__cl = null;
  if (!w || w.isDisposed) return;
  const timeout = new Promise(resolve => setTimeout(resolve, 30000));
  if (w.sessionContext.session) { await Promise.race([w.sessionContext.shutdown(), timeout]); }
  w.context.model.dirty = false;
  w.dispose();
}"""

_JS_DIAGNOSE = """() => {
  const w = window.__cl && window.__cl.widget;
  const k = w && w.sessionContext.session && w.sessionContext.session.kernel;
  const dialogs = Array.from(document.querySelectorAll('.jp-Dialog')).map(d => d.innerText.trim());
  return {kernel: k ? `${k.status}/${k.connectionStatus}` : 'none', dialogs,
          error: window.__cl && window.__cl.error};
}"""

# True once the widths of the elements (selectors, handles) have stayed the same for `frames` animation
# frames and `ms` milliseconds in a row (polled every frame); a missing or 0-wide element never settles.
_JS_SETTLED = """([selectors, handles, frames, ms]) => {
  const els = [...selectors.map(s => document.querySelector(s)), ...handles];
  const widths = els.map(el => el ? el.getBoundingClientRect().width : 0);
  const key = widths.join(',');
  const now = performance.now();
  const s = window.__clSettle;
  if (!s || s.key !== key || widths.some(w => w <= 0)) {
    window.__clSettle = {key, since: now, frames: 0};
    return false;
  }
  s.frames += 1;
  return s.frames >= frames && now - s.since >= ms;
}"""

# How much taller an output area is than the notebook's scrolling viewport (<= 0: it fits).
_JS_MISSING_HEIGHT = """el => {
  const scroller = el.closest('.jp-WindowedPanel-outer, .jp-Notebook');
  return el.getBoundingClientRect().height - scroller.clientHeight;
}"""

_JS_CELL_SOURCE = "el => el.closest('.jp-CodeCell')?.querySelector('.jp-InputArea-editor')?.textContent || ''"

# Latency probe: times of keydowns and of the picture's new src being loaded (performance.now()).
_JS_PROBE = """(img) => {
  const p = {keydowns: [], srcChanges: [], loads: [], srcs: []};
  const onKey = e => p.keydowns.push(performance.now());
  document.addEventListener('keydown', onKey, true);
  const mo = new MutationObserver(() => { p.srcChanges.push(performance.now()); p.srcs.push(img.src); });
  mo.observe(img, {attributes: true, attributeFilter: ['src']});
  const onLoad = () => p.loads.push(performance.now());
  img.addEventListener('load', onLoad);
  p.stop = () => { document.removeEventListener('keydown', onKey, true); mo.disconnect();
                   img.removeEventListener('load', onLoad); };
  window.__clProbe = p;
}"""


@dataclass
class Slider:
    name: str
    handle: object  # Locator of the .noUi-handle

    def state(self) -> tuple[float, float, float]:
        """(value, min, max) as the handle announces them to assistive technology."""
        # aria-valuenow is rounded to one decimal by noUiSlider; aria-valuetext has the full value.
        vals = self.handle.evaluate(
            "h => [h.getAttribute('aria-valuetext') || h.getAttribute('aria-valuenow'),"
            " h.getAttribute('aria-valuemin'), h.getAttribute('aria-valuemax')]"
        )
        return tuple(float(v) for v in vals)


@dataclass
class Dropdown:
    name: str
    select: object  # Locator of the <select>

    def choose_another(self) -> tuple[str, str]:
        """Pick the next option (wrapping round) as a learner would with the mouse; return old, new."""
        options = self.select.evaluate("s => Array.from(s.options).map(o => o.value)")
        old = self.select.input_value()
        new = options[(options.index(old) + 1) % len(options)]
        self.select.select_option(new)
        return old, new

    def choose(self, value: str) -> None:
        self.select.select_option(value)


@dataclass
class Checkbox:
    name: str
    box: object  # Locator of the <input type=checkbox>

    def toggle(self) -> tuple[bool, bool]:
        """Tick or untick it with the space bar; return old, new."""
        old = self.box.is_checked()
        self.box.focus()
        self.box.press("Space")
        return old, self.box.is_checked()


@dataclass
class Explorer:
    """One rendered explorer: its output area in the notebook, its picture and its controls."""

    index: int
    name: str
    area: object  # Locator of the widget output
    img: object  # Locator of the picture
    sliders: list[Slider] = field(default_factory=list)
    dropdowns: list[Dropdown] = field(default_factory=list)
    checkboxes: list[Checkbox] = field(default_factory=list)

    @property
    def is_explorer(self) -> bool:
        return self.name in EXPLORER_CLASSES

    def src(self) -> str:
        return self.img.get_attribute("src") or ""

    def slider(self, name: str) -> Slider:
        for s in self.sliders:
            if s.name == name:
                return s
        raise KeyError(f"{self.name} has no slider {name!r}; it has {[s.name for s in self.sliders]}")

    def play_button(self):
        """The Play widget's play/pause button, or None when this explorer has no animation."""
        buttons = self.area.locator(".widget-play button")
        return buttons.first if buttons.count() else None


def _label(row, default: str) -> str:
    """The control's code name, from its label (see :func:`control_name`)."""
    texts = [t.strip().rstrip(":") for t in row.locator("label").all_text_contents()]
    return control_name(next((t for t in texts if t), default))


class Lab:
    """One Chromium page showing JupyterLab; notebooks are opened in it one after another.

    ``viewport`` is the page's size in CSS pixels. JupyterLab's left panel (the file browser, open by
    default) is collapsed so the notebook gets the whole width, unless ``file_browser`` is true.
    """

    def __init__(self, browser, server: LabServer, viewport=(1280, 900), file_browser: bool = False):
        self.server = server
        self.viewport = viewport
        self.file_browser = file_browser
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.page = self.context.new_page()
        self.page.set_default_timeout(PICTURE_MS)
        # Uncaught exceptions and console.error messages of the page (widget errors land here).
        self.js_errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.js_errors.append(f"uncaught: {exc}"))
        self.page.on("console", self._on_console)
        self._load_app()

    def _load_app(self) -> None:
        self.page.goto(f"{self.server.url}/lab?reset", timeout=PAGE_LOAD_MS)
        self.page.wait_for_function("() => window.jupyterapp !== undefined", timeout=PAGE_LOAD_MS)
        left = "app.shell.activateById('filebrowser')" if self.file_browser else "app.shell.collapseLeft()"
        self.page.evaluate(
            "() => { const app = window.jupyterapp; window.__clReady = false;"
            " Promise.all([app.started, app.restored]).then(() => {"
            f" {left}; window.__clReady = true; }}); }}"
        )
        self.page.wait_for_function("() => window.__clReady", timeout=PAGE_LOAD_MS, polling=100)
        panels = ["#filebrowser", "#jp-main-dock-panel"] if self.file_browser else ["#jp-main-dock-panel"]
        self.wait_layout_settled(panels, "the page's layout")

    def wait_layout_settled(self, targets, doing: str, timeout_ms: float = PAGE_LOAD_MS) -> None:
        """Wait until the widths of ``targets`` (CSS selectors, or element handles) stay the same for
        :data:`SETTLED_FRAMES` animation frames and :data:`SETTLED_MS` in a row.

        JupyterLab lays its panels out in steps (the restored sidebar width comes after the first
        layout); on a loaded machine the steps are far apart, so no fixed wait would do.
        """
        selectors = [t for t in targets if isinstance(t, str)]
        handles = [t for t in targets if not isinstance(t, str)]
        self.page.evaluate("() => { window.__clSettle = null; }")
        self._wait(
            _JS_SETTLED,
            timeout_ms,
            f"{doing}: widths settling",
            polling="raf",
            arg=[selectors, handles, SETTLED_FRAMES, SETTLED_MS],
        )

    def _on_console(self, msg) -> None:
        if msg.type != "error":
            return
        text = f"console: {msg.text}"
        url = (msg.location or {}).get("url")
        if msg.text.startswith(FAILED_LOAD) and url:  # which resource: the message does not say
            text += f" ({url})"
        self.js_errors.append(text)

    def close(self) -> None:
        self.context.close()

    # -- notebooks -------------------------------------------------------------------------------

    def open_notebook(self, name: str) -> None:
        """Open ``name`` in a tab and wait until its kernel is idle (``js_errors`` starts afresh)."""
        self.js_errors.clear()
        self.page.evaluate(_JS_OPEN, name)
        self._wait(_JS_OPENED, KERNEL_START_MS, f"opening {name} and starting its kernel")
        error = self.page.evaluate("() => window.__cl.error")
        if error:
            raise RuntimeError(f"JupyterLab could not open {name}: {error}")
        self.notebook.wait_for(state="visible")

    def _wait(self, js: str, timeout_ms: float, doing: str, polling: float | str = 100, arg=None) -> None:
        """wait_for_function, with the kernel state and any open dialog in the error message."""
        try:
            self.page.wait_for_function(js, arg=arg, timeout=timeout_ms, polling=polling)
        except Exception as exc:
            try:
                state = self.page.evaluate(_JS_DIAGNOSE)
            except Exception as inner:  # the page itself is gone
                state = f"(page unavailable: {inner})"
            raise TimeoutError(
                f"{doing}: not done within {timeout_ms / 1000:.0f} s; page state {state}"
            ) from exc

    def wait_until(self, js: str, doing: str, timeout_ms: float = PICTURE_MS) -> None:
        """Wait until the JavaScript function ``js`` returns true; on timeout, say what was awaited."""
        self._wait(js, timeout_ms, doing, polling=25)

    @property
    def notebook(self):
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").first

    def run_all_cells(self) -> None:
        """Clear old outputs, then Run > Run All Cells from the menu bar; wait for the kernel to finish."""
        self.page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
        self.notebook.click(position={"x": 5, "y": 5})  # the notebook, not the file browser, is active
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        self._wait(_JS_RUN_DONE, RUN_ALL_MS, "Run All Cells", polling=200)

    def cell_report(self) -> list[dict]:
        return self.page.evaluate(_JS_CELL_REPORT)

    def widget_error_texts(self) -> list[str]:
        texts = self.notebook.locator(".jp-OutputArea").all_inner_texts()
        return [t.strip() for t in texts if any(err in t for err in WIDGET_ERRORS)]

    def close_notebook(self) -> None:
        """Shut the notebook's kernel down and close its tab without saving."""
        self.page.evaluate(_JS_CLOSE)

    # -- explorers -------------------------------------------------------------------------------

    def cell_source(self, explorer: Explorer) -> str:
        """The code of the cell whose output ``explorer`` is, as shown in the editor."""
        return explorer.area.evaluate(_JS_CELL_SOURCE)

    def explorers(self) -> list[Explorer]:
        """Every widget output of the open notebook, named after the code that built it."""
        found = []
        areas = self.notebook.locator(WIDGET_OUTPUT)
        for i in range(areas.count()):
            area = areas.nth(i)
            source = area.evaluate(_JS_CELL_SOURCE)
            match = _EXPLORER_CALL.search(source)
            name = match.group(1) if match else f"widget{i}"
            sliders = [
                Slider(_label(row, f"slider{j}"), row.locator(".noUi-handle").first)
                for j, row in enumerate(area.locator(".widget-slider").all())
            ]
            dropdowns = [
                Dropdown(_label(row, f"dropdown{j}"), row.locator("select").first)
                for j, row in enumerate(area.locator(".widget-dropdown").all())
            ]
            checkboxes = [
                Checkbox(_label(row, f"checkbox{j}"), row.locator("input[type=checkbox]").first)
                for j, row in enumerate(area.locator(".widget-checkbox").all())
            ]
            img = area.locator("img").first
            found.append(Explorer(i, name, area, img, sliders, dropdowns, checkboxes))
        return found

    def wait_rendered(self, explorer: Explorer) -> None:
        explorer.img.wait_for(state="attached", timeout=PICTURE_MS)
        self.page.wait_for_function(
            "img => !!img.getAttribute('src') && img.complete && img.naturalWidth > 0",
            arg=explorer.img.element_handle(),
            timeout=PICTURE_MS,
            polling=50,
        )

    def wait_picture_change(self, explorer: Explorer, old_src: str, timeout: float = PICTURE_MS) -> str:
        """Wait until the picture's src differs from ``old_src`` and the new image has loaded."""
        self.page.wait_for_function(
            "([img, old]) => !!img.getAttribute('src') && img.src !== old && img.complete"
            " && img.naturalWidth > 0",
            arg=[explorer.img.element_handle(), old_src],
            timeout=timeout,
            polling=25,
        )
        return explorer.src()

    def nudge(self, slider: Slider, key: str | None = None) -> tuple[str, float, float]:
        """Press ``key`` on the slider's handle (default ArrowRight, or ArrowLeft at its max).

        Returns the key pressed and the value before and after.
        """
        value, lo, hi = slider.state()
        if key is None:
            key = "ArrowLeft" if value >= hi else "ArrowRight"
        slider.handle.focus()
        slider.handle.press(key)
        return key, value, slider.state()[0]

    def play_to_end(self, explorer: Explorer, step: Slider) -> None:
        """Click Play and wait until the animation has reached the last step and stopped."""
        button = explorer.play_button()
        button.click()
        try:
            self._wait(
                """([handle, button]) =>
                     handle.getAttribute('aria-valuenow') === handle.getAttribute('aria-valuemax')
                     && button.querySelector('i').classList.contains('fa-play')""",
                PLAY_MS,
                f"{explorer.name}: Play to the last {step.name}",
                polling=25,
                arg=[step.handle.element_handle(), button.element_handle()],
            )
        except TimeoutError as exc:
            value, _, hi = step.state()
            raise TimeoutError(f"{exc}; {step.name} is at {value:g} of {hi:g}") from exc

    def picture_geometry(self, explorer: Explorer) -> dict:
        """How the picture sits in its output column, in CSS pixels.

        ``natural`` is the PNG's own width; ``rendered`` the ``<img>``'s client width; ``box`` the
        content width of the element the picture is laid out in (what ``max-width: 100%`` refers to);
        ``column`` the content width of the cell's output area; ``viewport`` the page's width.
        """
        return explorer.img.evaluate(
            """img => {
              const content = el => { const cs = getComputedStyle(el);
                return el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight); };
              const column = img.closest('.jp-OutputArea-output');
              return {natural: img.naturalWidth, natural_height: img.naturalHeight,
                      rendered: img.clientWidth, rendered_height: img.clientHeight,
                      box: content(img.parentElement), column: content(column),
                      viewport: document.documentElement.clientWidth};
            }"""
        )

    def screenshot(self, explorer: Explorer, path: Path) -> None:
        """A picture of the explorer's whole output area, controls and picture.

        An explorer taller than the notebook's visible part would come out overlaid by the menus,
        toolbar and status bar around it, so for the shot the window is made taller (never wider:
        the column keeps its width) and then put back.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        explorer.area.scroll_into_view_if_needed()
        missing = explorer.area.evaluate(_JS_MISSING_HEIGHT)
        if missing <= 0:
            explorer.area.screenshot(path=str(path))
            return
        width, height = self.viewport
        self.page.set_viewport_size({"width": width, "height": height + math.ceil(missing) + 40})
        try:
            explorer.area.evaluate("el => el.scrollIntoView({block: 'center'})")
            explorer.area.screenshot(path=str(path))
        finally:
            self.page.set_viewport_size({"width": width, "height": height})

    def window_screenshot(self, explorer: Explorer, path: Path) -> None:
        """The window as a learner sees it, the explorer scrolled to the top of the notebook."""
        path.parent.mkdir(parents=True, exist_ok=True)
        explorer.area.evaluate("el => el.scrollIntoView({block: 'start'})")
        self.page.screenshot(path=str(path))

    def fits_on_screen(self, explorer: Explorer) -> dict:
        """Heights (CSS px): the explorer's output area and the notebook's visible part."""
        return explorer.area.evaluate(
            """el => ({explorer: el.getBoundingClientRect().height,
                      visible: el.closest('.jp-WindowedPanel-outer, .jp-Notebook').clientHeight})"""
        )

    # -- what the app did ----------------------------------------------------------------------

    def record_commands(self) -> None:
        """Start (or restart) recording the ids of the commands the app runs; shortcuts run commands."""
        self.page.evaluate(
            """() => { const app = window.jupyterapp; window.__clCommands = [];
                if (app.__clRecorder) return;
                app.__clRecorder = (_, args) => window.__clCommands.push(args.id);
                app.commands.commandExecuted.connect(app.__clRecorder); }"""
        )

    def commands_run(self) -> list[str]:
        return self.page.evaluate("() => window.__clCommands || []")

    def active_cell(self) -> int:
        """Index of the notebook's active cell."""
        return self.page.evaluate("() => window.__cl.widget.content.activeCellIndex")

    def focused(self) -> str:
        """The focused element, described: its tag and classes, and its aria-label if any."""
        return self.page.evaluate(
            """() => { const a = document.activeElement; if (!a) return 'nothing';
                return `${a.tagName.toLowerCase()}.${Array.from(a.classList).join('.')}`
                       + (a.getAttribute('aria-label') ? ` (${a.getAttribute('aria-label')})` : ''); }"""
        )

    # -- probes for benchmarks -------------------------------------------------------------------

    def install_probe(self, explorer: Explorer) -> None:
        self.page.evaluate("() => window.__clProbe && window.__clProbe.stop()")
        explorer.img.evaluate(_JS_PROBE)

    def probe(self) -> dict:
        return self.page.evaluate(
            "() => { const p = window.__clProbe; return {keydowns: p.keydowns, srcChanges: p.srcChanges,"
            " loads: p.loads, srcs: p.srcs, now: performance.now()}; }"
        )

    def kernel_exec(self, code: str) -> str:
        """Run ``code`` silently in the open notebook's kernel and return what it printed."""
        return self.page.evaluate(
            """async (code) => {
              const k = window.__cl.widget.sessionContext.session.kernel;
              let out = '';
              const f = k.requestExecute({code, store_history: false, silent: false});
              f.onIOPub = msg => {
                if (msg.header.msg_type === 'stream') out += msg.content.text;
                if (msg.header.msg_type === 'error') out += msg.content.ename + ': ' + msg.content.evalue;
              };
              await f.done;
              return out;
            }""",
            code,
        )

    def picture_sha1(self, explorer: Explorer) -> str:
        """SHA-1 of the bytes of the picture currently shown."""
        return explorer.img.evaluate(
            """async img => {
              const buf = await (await fetch(img.src)).arrayBuffer();
              const d = await crypto.subtle.digest('SHA-1', buf);
              return Array.from(new Uint8Array(d)).map(b => b.toString(16).padStart(2, '0')).join('');
            }"""
        )


class NotebookPage(Lab):
    """One Chromium page showing Jupyter Notebook 7, which shows one notebook per page (its URL).

    The server must be a ``LabServer(..., app="notebook")``. Everything after opening -- running
    the cells, finding the explorers, pressing keys -- is the same as in :class:`Lab`.
    """

    def _load_app(self) -> None:
        if self.server.app != "notebook":
            raise ValueError(f"NotebookPage needs a Notebook 7 server, got a {self.server.app!r} server")

    def open_notebook(self, name: str) -> None:
        """Load the notebook's page and wait until its kernel is idle (``js_errors`` starts afresh)."""
        self.js_errors.clear()
        self.page.goto(self.server.notebook_url(name), timeout=PAGE_LOAD_MS)
        self._wait(_JS_ADOPT, PAGE_LOAD_MS, f"Notebook 7 showing {name}")
        self._wait(_JS_OPENED, KERNEL_START_MS, f"opening {name} and starting its kernel")
        self.notebook.wait_for(state="visible")

    def close_notebook(self) -> None:
        """Shut the notebook's kernel down and leave its page without saving."""
        super().close_notebook()
        self.page.goto("about:blank")
