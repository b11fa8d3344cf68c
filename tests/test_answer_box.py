"""The answer box (``cl.ask``): a prediction answered without editing code, as a browser drives it.

A browser sends what the reader typed through ``Widget.set_state({"value": ...})`` and a click on
Check as a custom message to the button (``_handle_button_msg``); both are driven here as the front end
drives them. The verdict the box shows is the one ``cl.check`` prints for the same answer, for every
prediction's right answer and every listed slip.
"""

from __future__ import annotations

import html

import pytest

import convlesson as cl
from convlesson.exercises import EXERCISES, PREDICTIONS, grade
from convlesson.explorers.answer_box import AnswerBox, read_answer

QUESTIONS = [ex for ex in (*PREDICTIONS, *EXERCISES) if ex.kind != "code"]


def ident(ex):
    return f"ex{ex.number}" if ex.key is None else ex.key


def typed(value) -> str:
    """How a reader types an answer in the box: 8, (3, 3), True, after (a word without quotes)."""
    return value if isinstance(value, str) else repr(value)


def browser_types(box: AnswerBox, text: str) -> None:
    box.text.set_state({"value": text})


def shown(box: AnswerBox) -> str:
    """The verdict's words as the reader sees them (the HTML's text, unescaped)."""
    value = box.feedback.value
    return html.unescape(value.split(">", 1)[1].rsplit("<", 1)[0]) if value else ""


def browser_clicks(box: AnswerBox) -> str:
    box.button._handle_button_msg(None, {"event": "click"}, None)
    return shown(box)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("8", 8),
        (" 8 ", 8),
        ("-0.25", -0.25),
        ("\u22120.25", -0.25),  # a typographic minus
        ("(3, 3)", (3, 3)),
        ("3, 3", (3, 3)),
        ("[10, 18, 18, 4]", (10, 18, 18, 4)),
        ("True", True),
        ("false", False),
        ("after", "after"),
        ("'after'", "after"),
        ("b", "b"),
        ("w[:, :, 1, 4]", "w[:, :, 1, 4]"),
        ("", None),
        ("   ", None),
    ],
)
def test_what_is_typed_is_read_as_the_value_check_takes(text, value):
    got = read_answer(text)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("ex", QUESTIONS, ids=ident)
def test_the_right_answer_typed_in_the_browser_is_right(ex):
    box = cl.ask(ex.ident)
    try:
        browser_types(box, typed(ex.answer))
        said = browser_clicks(box)
        assert said.startswith(f"{ex.label}: right!"), said
    finally:
        box.close()


@pytest.mark.parametrize("ex", QUESTIONS, ids=ident)
def test_each_listed_slip_typed_in_the_box_is_named_as_check_names_it(ex):
    box = cl.ask(ex.ident)
    try:
        for s in ex.slips:
            if isinstance(s.answer, float) and not s.answer.is_integer():
                text = repr(s.answer)  # typed as the number it is
            else:
                text = typed(s.answer)
            browser_types(box, text)
            box.button.click()  # the Python side of a click: the same handler
            said = shown(box)
            assert s.message in said, said
            assert said == grade(ex.ident, read_answer(text)).message
    finally:
        box.close()


def test_editing_the_answer_clears_the_old_verdict(monkeypatch):
    from convlesson.explorers import answer_box

    now = [100.0]
    monkeypatch.setattr(answer_box, "_clock", lambda: now[0])
    box = cl.ask("sweep-size")
    browser_types(box, "(3, 3)")
    assert "right!" in browser_clicks(box)
    now[0] += answer_box.SAME_CHECK_S  # the learner edits the answer after reading the verdict
    browser_types(box, "(3, 4")
    assert box.feedback.value == ""
    said = browser_clicks(box)
    assert "not an answer yet" in said or "not quite" in said
    box.close()


def test_an_answer_that_reaches_the_kernel_after_its_click_is_judged(monkeypatch):
    """The box sends its text as Check takes the focus, then the click goes; a kernel may take the
    click first (seen in Jupyter Notebook 7 and JupyterLab on a busy kernel). The verdict must be on
    the answer typed, not on the one before it, and not cleared by the answer arriving."""
    from convlesson.explorers import answer_box

    now = [100.0]
    monkeypatch.setattr(answer_box, "_clock", lambda: now[0])
    box = cl.ask("sweep-size")
    browser_types(box, "(5, 5)")
    assert "no padding" in browser_clicks(box)
    now[0] += 5.0
    browser_clicks(box)  # the second click, taken before the answer typed with it
    now[0] += 0.05
    browser_types(box, "(3, 3)")
    assert shown(box).startswith("Prediction 'sweep-size': right!"), shown(box)
    box.close()


def test_an_empty_or_endless_answer_gets_a_sentence():
    box = cl.ask("sweep-size")
    assert "type your answer in the box" in browser_clicks(box)
    browser_types(box, "9" * 1000)
    assert "characters long" in browser_clicks(box)
    box.close()
    box = cl.ask("one-number")
    browser_types(box, "1e999")
    assert "finite" in browser_clicks(box)
    box.close()


def test_a_verdict_that_raises_is_still_a_sentence():
    def broken(answer):
        raise RuntimeError("no")

    box = AnswerBox("Prediction 'x'", "a number", broken)
    browser_types(box, "3")
    assert "could not be checked (RuntimeError)" in browser_clicks(box)
    box.close()


def test_the_box_shows_a_widget_and_plain_text_that_never_changes():
    box = cl.ask("one-number")
    bundle = box._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert (
        bundle["text/plain"] == "Answer box for prediction 'one-number': type your answer, then press Check."
    )
    assert cl.ask(12)._repr_mimebundle_()["text/plain"].startswith("Answer box for exercise 12:")
    assert box.text.placeholder == "a number" and box.feedback.value == ""
    box.close()
    assert box.closed and box.text.comm is None and box.button.comm is None
    assert box._repr_mimebundle_() == {"text/plain": repr(box) + "  (closed)"}


@pytest.mark.parametrize(
    ("n", "exc", "words"),
    [
        (36, ValueError, "asks for a function"),
        ("no-such-thing", ValueError, "prediction's name"),
        (2.5, TypeError, "an exercise number"),
    ],
)
def test_a_question_without_a_box_is_refused_clearly(n, exc, words):
    with pytest.raises(exc, match=words):
        cl.ask(n)
