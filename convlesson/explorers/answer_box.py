"""An answer box: a prediction answered by typing it in and pressing Check, no code cell edited.

Where readers cannot edit code (Voila, a read-only notebook) a prediction asked as ``answer = None``
then ``cl.check("key", answer)`` cannot be answered. :class:`AnswerBox` is a text box and a Check
button: what is typed is read as a Python value where it is one (``8``, ``(3, 3)``, ``True``), as
the word itself otherwise (``after``, ``b``), and the verdict -- the same one ``cl.check`` prints --
appears under the box. It works in JupyterLab, Jupyter Notebook 7 and Voila: plain ipywidgets, and
the verdict is a widget's value, so nothing is printed into the cell's stored output.

``cl.ask("key")`` makes one for a prediction or an exercise (:func:`convlesson.ask`); the grading
is handed in as a function, so this module needs nothing from :mod:`convlesson.exercises`.
Introduced in ``01_the_sweep``.
"""

from __future__ import annotations

import ast
import html
import time
from collections.abc import Callable

import ipywidgets as widgets

from .browser_font import dress
from .lifetime import shown_in_cell
from .words import say

__all__ = ["AnswerBox", "read_answer"]

#: The longest text the box reads (a longer one is answered as too long, never parsed).
MAX_CHARS = 200

#: Seconds after a click on Check within which an answer reaching the kernel is the one Check was
#: pressed for, and is judged; a later edit clears the verdict (see ``AnswerBox._on_edit``).
SAME_CHECK_S = 2.0
_clock = time.monotonic


def read_answer(text: str):
    """What a learner typed, as the value ``cl.check`` takes: a Python literal where it is one, else the text.

    ``"8"`` is 8, ``"(3, 3)"`` and ``"3, 3"`` are ``(3, 3)``, ``"True"``/``"true"`` is True, ``"-0.25"`` is
    -0.25; ``"after"``, ``"b"`` or ``"w[:, :, 1, 4]"`` stay the words they are. An empty box is None.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    said = text.strip().replace("\u2212", "-")  # a typographic minus, −1, is a minus too
    if not said:
        return None
    if said.lower() in ("true", "false"):
        return said.lower() == "true"
    try:
        value = ast.literal_eval(said)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return said.strip("'\"")
    if isinstance(value, list):
        value = tuple(value)
    return value


class AnswerBox:
    """A text box, a Check button and the verdict under them, for one question.

    Parameters
    ----------
    label : str
        What the question is called in messages, e.g. ``"Prediction 'sweep-size'"``.
    format_hint : str
        What an answer looks like, shown greyed in the empty box (``"a pair such as (4, 4)"``).
    verdict : callable
        ``verdict(answer)``: the verdict on an answer (``read_answer`` of what was typed), either its
        message (a str) or an object with ``message`` and ``correct`` (what ``cl.check`` works out);
        it must not raise.

    Attributes
    ----------
    text : ipywidgets.Text
    button : ipywidgets.Button
    feedback : ipywidgets.HTML
        The verdict on the last answer checked ("" until Check is pressed).
    widget : ipywidgets.HBox
        What the notebook shows.
    """

    def __init__(self, label: str, format_hint: str, verdict: Callable[[object], object]):
        self.label = label
        self._verdict = verdict
        self._closed = False
        # The box's value reaches the kernel when the box is left (pressing Check leaves it), not at
        # each keystroke: the browser holds back a model's later values until the kernel has taken
        # the earlier one, while the button's click goes at once, so on a busy kernel a click could
        # overtake the last keystrokes and judge half an answer.
        self.text = widgets.Text(
            continuous_update=False,
            placeholder=format_hint,
            description=say("answer.label"),
            style={"description_width": "initial"},
        )
        self.button = widgets.Button(
            description=say("answer.check"), button_style="primary", tooltip=say("answer.tooltip")
        )
        self.feedback = widgets.HTML(layout=widgets.Layout(width="100%"))
        self._clicked_at: float | None = None
        self.row = widgets.HBox([self.text, self.button])
        self.widget = widgets.VBox([self.row, self.feedback])
        self._font = dress(self.widget)  # in Chinese: the shipped font for the text the browser draws
        self.button.on_click(self._on_click)
        self.text.observe(self._on_edit, names="value")

    # ------------------------------------------------------------------ what the reader does
    def _on_edit(self, change) -> None:
        """A verdict on an answer that is no longer there would mislead: an edit clears it. But the
        answer typed before Check was pressed may reach the kernel just after the click (the box sends
        it as Check takes the focus; seen in Jupyter Notebook 7 and JupyterLab on a busy kernel, the
        click handled first): an answer arriving within :data:`SAME_CHECK_S` of a click is judged instead."""
        if self._clicked_at is not None and _clock() - self._clicked_at < SAME_CHECK_S:
            self.check()
        else:
            self.feedback.value = ""

    def _on_click(self, _button) -> None:
        self._clicked_at = _clock()
        self.check()

    def check(self) -> str:
        """Check what the box holds now, show the verdict under it, and return it."""
        typed = self.text.value
        right = False
        if len(typed) > MAX_CHARS:
            message = say("answer.too_long", label=self.label, n=len(typed))
        elif not typed.strip():
            message = say("answer.empty", label=self.label)
        else:
            try:
                found = self._verdict(read_answer(typed))
            except Exception as exc:  # the grading promises not to raise; say so plainly if it does
                message = say("answer.failed", label=self.label, error=type(exc).__name__)
            else:
                message = getattr(found, "message", found)
                right = getattr(found, "correct", say("answer.right_mark") in message)
        colour = "#1e7d32" if right else "#8a4b00"
        self.feedback.value = f'<span style="color: {colour}">{html.escape(message)}</span>'
        return message

    # ------------------------------------------------------------------ display and lifetime
    def __repr__(self) -> str:
        return say("answer.repr", label=f"{self.label[0].lower()}{self.label[1:]}")

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        if self._closed:
            return {"text/plain": repr(self) + "  (closed)"}
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude, **kwargs) or {})
        bundle["text/plain"] = repr(self)
        shown_in_cell(self)
        return bundle

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run."""
        return self._closed

    def close(self) -> None:
        """Close the widgets (a cell run again closes the box it showed before)."""
        if self._closed:
            return
        self._closed = True
        for w in (self.text, self.button, self.feedback, self.row, self.widget, self._font):
            for part in (getattr(w, "layout", None), getattr(w, "style", None), w):
                if isinstance(part, widgets.Widget):
                    part.close()
