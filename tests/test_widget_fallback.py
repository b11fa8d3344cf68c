"""A page without Jupyter's widget front end shows each explorer's picture and says why it has no sliders.

Such a page closes the comm of every widget the kernel opens (it has no handler for them); the
explorer then replaces its output with its still picture under one line, ``fallback.NOTE``. Checked
here in a real kernel, speaking the Jupyter protocol as the page would (a ``comm_close`` for the
explorer's widget), and that nothing changes when no page closes it (nbconvert, nbclient and nbval
never do). ``tests/browser/test_widget_fallback_in_browser.py`` checks it in a JupyterLab whose widget
extension is disabled.
"""

from __future__ import annotations

import base64
import html
import json
import queue
import re
import time
from pathlib import Path

import pytest

import convlesson as cl
from convlesson.explorers import fallback

ROOT = Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def test_the_note_says_what_is_missing_and_how_to_get_it():
    assert "sliders" in fallback.NOTE and "widget front end" in fallback.NOTE
    assert "pip install ipywidgets" in fallback.NOTE and "\n" not in fallback.NOTE


def test_the_still_with_the_note_shows_the_current_picture():
    ex = cl.KernelSweep(step=2)
    try:
        ex.set(step=3)
        still = fallback.still_with_note(ex)
        png = base64.b64decode(still["image/png"])
        assert png.startswith(b"\x89PNG") and still["image/png"] == ex._repr_mimebundle_()["image/png"]
        assert WIDGET_VIEW not in still
        page = still["text/html"]
        assert html.escape("pip install ipywidgets") in page and "<code>" in page
        assert f'src="data:image/png;base64,{still["image/png"]}"' in page
        assert still["text/plain"].splitlines() == [repr(ex), fallback.NOTE]
        assert "step=3" in repr(ex)
    finally:
        ex.close()


def test_no_stored_output_holds_the_note():
    """The refresh (nbconvert) never closes a comm, so no notebook stores the note."""
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        assert fallback.NOTE not in path.read_text(encoding="utf-8"), path.name


# --------------------------------------------------------------------------- in a real kernel
class Kernel:
    """A kernel and a client that runs cells and gathers what each sends on the output channel."""

    def __init__(self):
        manager = pytest.importorskip("jupyter_client.manager")
        self.km, self.kc = manager.start_new_kernel(kernel_name="python3")
        self.late: list[dict] = []  # output messages that arrived outside a cell's run

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def run(self, code: str) -> list[dict]:
        """Run ``code`` as a notebook cell; return the output messages it caused (status aside)."""
        msg_id = self.kc.execute(code)
        got = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=120)
            if msg["parent_header"].get("msg_id") != msg_id:
                self.late.append(msg)
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                reply = self.kc.get_shell_msg(timeout=120)
                assert reply["content"]["status"] == "ok", reply["content"]
                return got
            if msg["msg_type"] not in ("status", "execute_input"):
                got.append(msg)
        raise TimeoutError(code)

    def close_comm_as_a_page_without_widgets(self, comm_id: str) -> None:
        """What JupyterLab without the widget front end sends for a widget's comm."""
        self.kc.shell_channel.send(self.kc.session.msg("comm_close", {"comm_id": comm_id, "data": {}}))

    def wait_for(self, msg_type: str, timeout: float = 30) -> dict:
        """The next output message of that type, from any parent (a comm_close has no cell)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i, msg in enumerate(self.late):
                if msg["msg_type"] == msg_type:
                    return self.late.pop(i)
            try:
                self.late.append(self.kc.get_iopub_msg(timeout=1))
            except queue.Empty:
                continue
        raise TimeoutError(f"no {msg_type} within {timeout} s")

    def drain(self) -> list[dict]:
        while True:
            try:
                self.late.append(self.kc.get_iopub_msg(timeout=0.5))
            except queue.Empty:
                break
        late, self.late = self.late, []
        return late


@pytest.fixture(scope="module")
def kernel():
    k = Kernel()
    k.run("import convlesson as cl")
    yield k
    k.stop()


def shown(messages: list[dict]) -> dict:
    """The one display of an explorer among a cell's output messages."""
    displays = [m for m in messages if m["msg_type"] in ("display_data", "execute_result")]
    assert len(displays) == 1, [m["msg_type"] for m in messages]
    return displays[0]


def test_an_explorer_keeps_its_widget_where_no_page_closes_its_comm(kernel):
    display = shown(kernel.run("cl.KernelSweep()"))
    assert display["msg_type"] == "display_data" and display["content"]["transient"]["display_id"]
    data = display["content"]["data"]
    assert WIDGET_VIEW in data and "image/png" in data and "text/html" not in data
    kernel.run("None")  # the next cell runs; nothing came in between
    assert not [m for m in kernel.drain() if m["msg_type"] == "update_display_data"]


def test_a_page_without_widgets_gets_the_picture_and_the_note(kernel):
    display = shown(kernel.run("ex = cl.ChannelSum(c_in=2)\nex"))
    display_id = display["content"]["transient"]["display_id"]
    model = display["content"]["data"][WIDGET_VIEW]["model_id"]
    kernel.drain()
    kernel.close_comm_as_a_page_without_widgets(model)
    update = kernel.wait_for("update_display_data")
    assert update["content"]["transient"]["display_id"] == display_id
    data = update["content"]["data"]
    assert WIDGET_VIEW not in data
    page = data["text/html"].replace("<code>", "").replace("</code>", "")
    assert f"<p>{html.escape(fallback.NOTE)}</p>" in page
    png = re.search(r'src="data:image/png;base64,([^"]+)"', data["text/html"]).group(1)
    assert png == data["image/png"] and base64.b64decode(png).startswith(b"\x89PNG")
    assert data["text/plain"].endswith(fallback.NOTE)
    # shown again after the page closed its comm: the note at once, no widget
    again = shown(kernel.run("ex"))["content"]["data"]
    assert WIDGET_VIEW not in again and fallback.NOTE in again["text/plain"]


def test_an_explorer_made_in_one_cell_and_shown_in_another(kernel):
    """The page closes the comm as soon as the widget is made, before the cell that shows it runs."""
    made = kernel.run("later = cl.FilterBank(filters=2)")
    opened = [
        m["content"]
        for m in made + kernel.drain()
        if m["msg_type"] == "comm_open" and m["content"]["data"]["state"].get("_model_name") == "VBoxModel"
    ]
    assert len(opened) == 1
    kernel.close_comm_as_a_page_without_widgets(opened[0]["comm_id"])
    kernel.run("None")  # the close is handled before the next cell
    data = shown(kernel.run("later"))["content"]["data"]
    assert WIDGET_VIEW not in data and fallback.NOTE in data["text/plain"]


def test_closing_an_explorer_from_python_shows_no_note(kernel):
    display = shown(kernel.run("gone = cl.KernelSweep()\ngone"))
    assert WIDGET_VIEW in display["content"]["data"]
    kernel.run("gone.close()")
    kernel.run("None")
    late = kernel.drain()
    assert not [m for m in late if m["msg_type"] == "update_display_data"], json.dumps(late)[:500]
