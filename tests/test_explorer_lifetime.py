"""Explorers do not outlive their use: nobody's explorers are freed, a re-run cell frees the old one.

Measured the way a learner causes it: making explorers without keeping them, and running the same
notebook cell again and again in a real Jupyter kernel (the front end sends the cell's id).
"""

from __future__ import annotations

import gc
import os
import queue
import weakref

import pytest

import convlesson as cl
from convlesson.explorers import LiveExplorer

pytestmark = pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads memory from /proc")


def rss_bytes() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_an_explorer_nobody_holds_is_freed_and_its_widgets_closed():
    ex = cl.FilterBank()
    ex.controls["filters"].value = 3  # its observers and checks have run
    ref = weakref.ref(ex)
    parts = [weakref.ref(w) for w in (*ex.controls.values(), ex.image, ex.widget)]
    kept = [w() for w in parts]  # hold the widgets, not the explorer
    del ex
    gc.collect()
    assert ref() is None
    assert all(w.comm is None for w in kept), "the freed explorer's widgets must be closed"


def test_re_created_explorers_keep_memory_flat():
    for _ in range(30):  # warm up: fonts, label stamps, allocator pools
        cl.FilterBank()
    gc.collect()
    base = rss_bytes()
    refs = []
    for _ in range(60):
        ex = cl.FilterBank()
        refs.append(weakref.ref(ex))
    del ex
    gc.collect()
    grown = rss_bytes() - base
    assert all(r() is None for r in refs)
    assert grown / 60 < 0.5e6, f"{grown / 60 / 1e6:.2f} MB per re-created explorer"


def test_close_frees_the_figure_but_keeps_the_state():
    ex = cl.FilterBank(c_in=4)
    state = dict(ex.state)
    ex.close()
    assert ex.closed and ex.state == state and repr(ex).startswith("FilterBank(")
    assert not hasattr(ex, "figure") and not hasattr(ex, "picture")


KERNEL_CODE = """
import gc, os
import convlesson as cl
from convlesson.explorers import LiveExplorer

def _report():
    gc.collect()
    with open("/proc/self/statm") as fh:
        rss = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    open_ = sum(1 for o in gc.get_objects() if isinstance(o, LiveExplorer) and not o.closed)
    return f"{rss} {open_}"
"""


@pytest.mark.parametrize("cell_ids", [True, False], ids=["with cell ids", "without cell ids"])
def test_re_running_a_widget_cell_in_a_kernel_keeps_memory_flat(cell_ids):
    """60 re-runs of the cell ``cl.FilterBank()`` in a real kernel: one explorer open, memory flat.

    JupyterLab, Notebook 7 and Voila send the cell's id with each run; a plain kernel client or some
    editors send none, and the explorer must be freed there too.
    """
    manager = pytest.importorskip("jupyter_client.manager")
    km, kc = manager.start_new_kernel(kernel_name="python3")
    try:

        def drain_output():
            while True:
                try:
                    kc.get_iopub_msg(timeout=0.05)
                except queue.Empty:
                    return

        def run(code, cell_id, report=False):
            """Execute ``code`` as the cell ``cell_id``; with ``report``, return ``_report()``'s text.

            Completion is read from the shell channel's reply (the output channel may drop messages
            when the kernel sends faster than they are read), and the output channel is drained.
            """
            content = {"code": code, "silent": False, "store_history": True, "allow_stdin": False}
            content["user_expressions"] = {"report": "_report()"} if report else {}
            metadata = {"cellId": cell_id} if cell_ids else {}
            msg = kc.session.msg("execute_request", content, metadata=metadata)
            kc.shell_channel.send(msg)
            while True:
                reply = kc.get_shell_msg(timeout=120)
                if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                    break
            drain_output()
            answer = reply["content"]
            if answer["status"] != "ok":
                raise AssertionError("\n".join(answer.get("traceback", [answer.get("evalue", "")])))
            if report:
                result = answer["user_expressions"]["report"]
                assert result["status"] == "ok", result
                return result["data"]["text/plain"]
            return ""

        run(KERNEL_CODE, "setup")
        for _ in range(30):  # warm up: fonts, label stamps, allocator pools
            run("cl.FilterBank()", "widget-cell")
        before, open_before = map(int, run("", "report", report=True).strip("'").split())
        for _ in range(60):
            run("cl.FilterBank()", "widget-cell")
        after, open_after = map(int, run("", "report", report=True).strip("'").split())
        run("cl.FilterBank()  # another cell", "another-cell")
        _, open_two = map(int, run("", "report", report=True).strip("'").split())
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert open_before == open_after == 1, "re-running the cell must close the explorer it showed before"
    assert open_two == 2, "an explorer shown by another cell stays open"
    per_run = (after - before) / 60
    assert per_run < 0.5e6, f"{per_run / 1e6:.2f} MB per re-run"


def test_explorers_outside_a_notebook_are_not_tracked():
    from convlesson.explorers import lifetime

    ex = cl.KernelSweep()
    ex._repr_mimebundle_()
    assert all(ex is not old for shown in lifetime._by_cell.values() for _, old in shown)
    assert isinstance(ex, LiveExplorer)
