"""Where the page cannot show widgets: the explorer's still picture, and one line saying why.

An explorer is shown as its live widget with a still picture (PNG) in the same output. A page with
Jupyter's widget front end (JupyterLab or Notebook 7 with ipywidgets' extension, Voila) draws the
widget; a page without it draws the PNG, and nothing would say why the sliders are missing.

Such a page also closes the comm of every widget the kernel opens: it has no handler for widget
comms (JupyterLab and Notebook 7 close an unknown comm at once). A page with the widget front end never
closes them while it shows the widget, and nbconvert, nbclient and nbval never close a comm. So
:func:`show` displays the explorer with a display id, and when the page closes the comm of the
explorer's widget, it replaces that output with :func:`still_with_note`: the current picture under
:data:`NOTE`. An explorer whose comm is already closed when it is displayed shows that at once. Closing
an explorer from Python (``explorer.close()``) closes its comms without calling back.
"""

from __future__ import annotations

import base64
import html
import weakref

from ..core.language import table
from ..pictures.render import still_png
from .words import say

__all__ = ["NOTE", "WIDGET_VIEW", "show", "still_with_note"]

#: The line shown above an explorer's picture when the page cannot show its sliders, in English (the
#: catalog's ``fallback.note``; :func:`still_with_note` says it in the language in use).
NOTE = table("explorers", "en")["fallback.note"]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

# The displays of each explorer whose widget's comm is watched, updated when a page closes that comm.
_shown: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def still_with_note(explorer) -> dict:
    """The output that replaces an explorer's widget: :data:`NOTE` above its current picture."""
    explorer.flush()
    png = base64.b64encode(still_png(explorer.figure)).decode("ascii")
    command = html.escape("pip install ipywidgets")
    words = say("fallback.note")
    note = html.escape(words).replace(command, f"<code>{command}</code>")
    picture = f'<img src="data:image/png;base64,{png}" alt="{html.escape(repr(explorer))}">'
    return {
        "text/html": f"<p>{note}</p>\n{picture}",
        "image/png": png,
        "text/plain": f"{explorer!r}\n{words}",
    }


def _closed_by_the_page(comm) -> bool:
    """True when a front end closed the comm (the kernel's comm manager marks it closed)."""
    return bool(getattr(comm, "_closed", False))


def show(explorer) -> None:
    """Display ``explorer``: its widget and still picture, replaced by :func:`still_with_note` when
    the page closes the widget's comm."""
    from IPython.display import display

    bundle = explorer._repr_mimebundle_()
    comm = None if explorer.closed else getattr(explorer.widget, "comm", None)
    if comm is None or WIDGET_VIEW not in bundle:
        display(bundle, raw=True)
        return
    if _closed_by_the_page(comm):
        display(still_with_note(explorer), raw=True)
        return
    handle = display(bundle, raw=True, display_id=True)
    if explorer not in _shown:
        _shown[explorer] = []
        comm.on_close(_on_page_close(weakref.ref(explorer)))
    _shown[explorer].append(handle)


def _on_page_close(ref):
    def replace_the_widget(_msg) -> None:
        explorer = ref()
        if explorer is None or explorer.closed:
            return
        still = still_with_note(explorer)
        for handle in _shown.pop(explorer, []):
            handle.update(still, raw=True)

    return replace_the_widget
