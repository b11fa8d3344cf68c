"""Opening a notebook of the course, unrun, marks nothing modified, and saving it changes no byte.

JupyterLab 4 and Notebook 7 copy the kernel's spec and ``language_info`` into a notebook when its
kernel starts, and rewrite some cell metadata when they save it; the notebooks store exactly that
(``.ci/refresh_notebooks.py``, ``tests/test_notebook_metadata.py``). Here each notebook is opened
in both front ends, nothing is run: the tab must not be marked modified, and Save must write the
file back byte for byte.

``language_info.version`` is the one field that depends on the learner: it is the kernel's Python
version. The notebooks store the version of the Python that refreshed them, CI's; should the tests
run on another Python, the served copy takes this Python's version first (and that is all it changes).

The Chinese edition's notebooks (``zh/``) are stored by the same refresh and checked the same way.
"""

from __future__ import annotations

import json
import platform

import labdriver
import pytest

pytestmark = pytest.mark.browser

NOTEBOOKS = labdriver.course_notebooks()
# Every notebook of both editions, as the server knows it: ``00_start_here.ipynb``, ``zh/00_...``.
NAMES = [labdriver.served_name(p) for p in NOTEBOOKS + labdriver.zh_notebooks()]

# After the kernel has answered kernel_info and its spec (what the front end copies into the
# notebook), and two animation frames later: is the open notebook modified, and how does its tab say so?
_JS_STATE = """async () => {
  const w = window.__cl.widget;
  const kernel = w.sessionContext.session.kernel;
  const [info] = await Promise.all([kernel.info, kernel.spec]);
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const tabs = Array.from(document.querySelectorAll('.lm-TabBar-tab.jp-mod-dirty'));
  return {dirty: w.context.model.dirty, dirtyTabs: tabs.map(t => t.innerText.trim()),
          kernelPython: info.language_info.version,
          languageInfo: w.context.model.getMetadata('language_info')};
}"""

_JS_SAVE = """async () => {
  const w = window.__cl.widget;
  await w.context.save();
  return w.context.model.dirty;
}"""


def served_as_this_python_would_save_it(server, name: str) -> bytes:
    """The served copy's bytes, its ``language_info.version`` set to this Python's (if it differs)."""
    path = server.root / name
    text = path.read_text(encoding="utf-8")
    nb = json.loads(text)
    if nb["metadata"]["language_info"]["version"] != platform.python_version():
        nb["metadata"]["language_info"]["version"] = platform.python_version()
        text = json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8")
    return text.encode("utf-8")


def open_and_save(page, name: str, as_this_python: bool = True) -> tuple[dict, bool, bytes, bytes]:
    """Open ``name`` unrun, read whether it is modified, save it; return what was seen and the bytes."""
    if as_this_python:
        before = served_as_this_python_would_save_it(page.server, name)
    else:
        before = (page.server.root / name).read_bytes()
    page.open_notebook(name)
    try:
        state = page.page.evaluate(_JS_STATE)
        dirty_after_save = page.page.evaluate(_JS_SAVE)
    finally:
        page.close_notebook()
    return state, dirty_after_save, before, (page.server.root / name).read_bytes()


def check(state, dirty_after_save, before, after, name, app) -> None:
    assert state["kernelPython"] == platform.python_version(), (
        f"the {app} kernel runs Python {state['kernelPython']}, the tests {platform.python_version()}"
    )
    assert not state["dirty"] and not state["dirtyTabs"], (
        f"{app} marks {name} modified as soon as it opens; its language_info is now {state['languageInfo']}"
    )
    assert not dirty_after_save
    assert after == before, f"saving {name} unrun in {app} changed the file: refresh the notebooks"


def _id(name: str) -> str:
    return name.removesuffix(".ipynb")


@pytest.mark.parametrize("name", NAMES, ids=_id)
def test_jupyterlab_opens_a_notebook_unmodified_and_saves_it_unchanged(lab, name):
    check(*open_and_save(lab, name), name, "JupyterLab")


@pytest.mark.parametrize("name", NAMES, ids=_id)
def test_notebook7_opens_a_notebook_unmodified_and_saves_it_unchanged(notebook7, name):
    check(*open_and_save(notebook7, name), name, "Notebook 7")


@pytest.mark.parametrize("change", ["the old kernelspec", "another Python"])
def test_a_notebook_stored_otherwise_opens_modified(lab, change):
    """The check above can fail: the kernelspec the notebooks stored before (display name "Python 3"),
    or the language_info of another Python than the kernel's, is rewritten the moment the kernel starts.
    """
    name = NOTEBOOKS[0].name
    nb = json.loads((lab.server.root / name).read_text(encoding="utf-8"))
    if change == "the old kernelspec":
        nb["metadata"]["kernelspec"]["display_name"] = "Python 3"
        rewritten = b'"display_name": "Python 3 (ipykernel)"'
    else:
        nb["metadata"]["language_info"]["version"] = "3.9.0"
        rewritten = f'"version": "{platform.python_version()}"'.encode()
    other = lab.server.root / f"stored_otherwise_{name}"
    other.write_text(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    state, _, _, after = open_and_save(lab, other.name, as_this_python=False)
    assert state["dirty"] and state["dirtyTabs"]
    assert rewritten in after
