"""The exercises' words live in text tables a teacher or translator edits; a table that misfits is refused."""

from __future__ import annotations

import copy
import importlib

import pytest

from convlesson.exercises import EXERCISES, PREDICTIONS
from convlesson.exercises import texts as texts_pkg
from convlesson.exercises.records import MISCONCEPTIONS, assemble

TOPICS = {
    "sizes": "convlesson.exercises.sizes",
    "filters": "convlesson.exercises.filters",
    "layers": "convlesson.exercises.layers",
    "predictions": "convlesson.exercises.predictions",
}


def _answers(topic):
    return importlib.import_module(TOPICS[topic]).ANSWERS


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_every_text_table_holds_strings_only(topic):
    for ident, words in texts_pkg.table(topic).items():
        for name, text in words.items():
            if name == "slips":
                assert all(isinstance(t, str) and t.strip() for t in text.values()), ident
            else:
                assert isinstance(text, str) and text.strip(), (ident, name)


def test_the_tables_cover_every_exercise_and_prediction_once():
    from_tables = [i for t in texts_pkg.TOPICS for i in texts_pkg.table(t)]
    assert sorted(from_tables, key=str) == sorted((e.ident for e in (*EXERCISES, *PREDICTIONS)), key=str)


def test_every_misconception_has_words():
    slips = {s.misconception for e in (*EXERCISES, *PREDICTIONS) for s in e.slips if s.misconception}
    assert slips <= set(MISCONCEPTIONS)
    assert all(isinstance(w, str) and w for w in MISCONCEPTIONS.values())


def test_an_edited_word_reaches_the_learner():
    words = copy.deepcopy(texts_pkg.table("sizes"))
    words[1]["hint"] = "Count the windows."
    (ex1, *_) = assemble(_answers("sizes"), words)
    assert ex1.hint == "Count the windows."


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda w: w.pop(1), "has no words for 1"),
        (lambda w: w[1].pop("hint"), "lacks hint for 1"),
        (lambda w: w[1]["slips"].pop(15), "no feedback for the answer 15 to 1"),
        (lambda w: w[1]["slips"].update({99: "a slip nobody makes"}), "feedback for ['99'] in 1"),
        (lambda w: w.update({999: w[1]}), "has words for ['999']"),
    ],
    ids=["no-exercise", "no-hint", "no-slip-feedback", "extra-slip", "extra-exercise"],
)
def test_a_table_that_does_not_fit_the_answers_is_refused(edit, message):
    words = copy.deepcopy(texts_pkg.table("sizes"))
    edit(words)
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        assemble(_answers("sizes"), words, "a table")


def test_lettered_options_come_from_the_answers_not_the_words():
    (ex22,) = [e for e in EXERCISES if e.number == 22]
    words = texts_pkg.table("filters")[22]["question"]
    assert "(a)" not in words
    assert ex22.question.startswith(words)
    assert [line.strip()[4:] for line in ex22.question.splitlines()[-4:]] == list(ex22.choices)


def test_an_unknown_language_or_topic_is_refused_by_name():
    with pytest.raises(ValueError, match="language must be one of 'en', 'zh', got 'xx'"):
        texts_pkg.table("sizes", "xx")
    with pytest.raises(ValueError, match="topic must be one of"):
        texts_pkg.table("colours")
