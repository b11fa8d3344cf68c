"""The lifetime of an explorer's widgets and figure: nothing left behind.

Widgets hold their explorer only weakly (:func:`attach`), so an explorer nobody holds is freed and
its widgets closed. An explorer shown in a notebook cell is kept while the cell's output shows it;
running that cell again closes it and frees its figure (:func:`shown_in_cell`).

JupyterLab, Notebook 7 and Voila send the cell's id with each execute request, so a re-run is known
by its cell. Front ends that send none (a plain kernel client, some editors) are recognised by the
code they run instead: running the same code again closes what its earlier run showed. There, two
cells with exactly the same code count as one (running either closes the other's explorer; the
course never repeats an explorer cell).
"""

from __future__ import annotations

import hashlib
import weakref

import ipywidgets as widgets
from matplotlib.backend_bases import FigureCanvasBase

__all__ = ["attach", "shown_in_cell"]


def _release(items, figure) -> None:
    """Close an explorer's widgets and free its figure's pixels now (not at the next garbage collection).

    A matplotlib figure lives in reference cycles, so it would wait for the cycle collector, holding
    its canvas's full-size pixel buffer; giving it a bare canvas frees the old one at once.
    """
    for w in items:
        w.close()
    figure.clear()
    FigureCanvasBase(figure)


def _with_parts(ws) -> list:
    """Widgets and their layout and style widgets (each is a widget of its own, open until closed)."""
    out = []
    for w in ws:
        out.append(w)
        for part in ("layout", "style"):
            sub = getattr(w, part, None)
            if isinstance(sub, widgets.Widget):
                out.append(sub)
    return out


def attach(explorer, parts) -> weakref.finalize:
    """Wire the explorer's controls to it weakly; return what closes ``parts`` and frees its figure.

    Each control checks its new values with the explorer (``_check_control``) and reports them to it
    (``_on_change``) through a weak reference, so the widgets never keep their explorer alive. The
    returned finalizer runs when the explorer is freed, or at once when called (``close()``).
    """
    ref = weakref.ref(explorer)
    for name, control in explorer.controls.items():
        control.check = _weak_check(ref, name)
        control.refused = _weak_refused(ref, name)
        control.observe(_weak_observer(ref, name), names="value")
    return weakref.finalize(explorer, _release, tuple(_with_parts(parts)), explorer.figure)


def _weak_check(ref, name):
    def check(value):
        explorer = ref()
        return value if explorer is None else explorer._check_control(name, value)

    return check


def _weak_refused(ref, name):
    def refused(error):
        explorer = ref()
        if explorer is not None:
            explorer._refused(name, error)

    return refused


def _weak_observer(ref, name):
    def observer(change):
        explorer = ref()
        if explorer is not None:
            explorer._on_change(name, change["new"])

    return observer


# A notebook cell's explorers: kept while the cell's output shows them, closed when it runs again.
_by_cell: dict[str, list[tuple[int, object]]] = {}  # cell -> [(run, explorer)]


def _running_cell() -> tuple[str, int] | None:
    """``(cell, execution count)`` of the notebook cell being run, or None outside a notebook.

    ``cell`` is ``"id <cell id>"`` where the front end sends the cell's id, else ``"code <digest>"``
    of the code being run.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - ipywidgets needs IPython
        return None
    shell = get_ipython()
    kernel = getattr(shell, "kernel", None)
    get_parent = getattr(kernel, "get_parent", None)
    if get_parent is None:
        return None
    try:
        parent = get_parent("shell") or {}
        cell = parent.get("metadata", {}).get("cellId")
        code = parent.get("content", {}).get("code")
        run = int(shell.execution_count)
    except Exception:  # an unusual kernel: nothing to know a cell by, nothing is closed for the learner
        return None
    if cell:
        return f"id {cell}", run
    if isinstance(code, str) and code.strip():
        return f"code {hashlib.sha1(code.encode()).hexdigest()}", run
    return None


def shown_in_cell(explorer) -> None:
    """Keep ``explorer`` for the cell showing it; close what an earlier run of that cell showed."""
    where = _running_cell()
    if where is None:
        return
    cell, run = where
    keep = []
    for shown_run, old in _by_cell.get(cell, []):
        if old is explorer:
            continue
        if shown_run < run:
            old.close()
        else:
            keep.append((shown_run, old))
    keep.append((run, explorer))
    _by_cell[cell] = keep
