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


# ------------------------------------------------------------------ every language: the same words to say
OTHER_LANGUAGES = [code for code in texts_pkg.LANGUAGES if code != "en"]


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
@pytest.mark.parametrize("topic", texts_pkg.TOPICS)
def test_every_language_words_every_exercise_hint_and_slip(topic, code):
    english, other = texts_pkg.table(topic, "en"), texts_pkg.table(topic, code)
    assert set(other) == set(english), f"texts/{code}/{topic}.py: not the exercises of texts/en/"
    for ident, words in english.items():
        assert set(other[ident]) == set(words), f"texts/{code}/{topic}.py: {ident!r} lacks or adds a word"
        assert list(other[ident].get("slips", {})) == list(words.get("slips", {})), (
            f"texts/{code}/{topic}.py: {ident!r} has feedback for other answers than English"
        )
        for name, text in other[ident].items():
            texts = text.values() if name == "slips" else [text]
            assert all(isinstance(t, str) and t.strip() for t in texts), (ident, name)


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_language_names_every_misconception(code):
    assert set(texts_pkg.misconception_words(code)) == set(texts_pkg.misconception_words("en"))


def test_a_missing_chinese_word_is_refused_when_the_chinese_exercises_are_assembled():
    words = copy.deepcopy(texts_pkg.table("sizes", "zh"))
    words[2]["slips"].pop(5)
    with pytest.raises(ValueError, match="no feedback for the answer 5 to 2"):
        assemble(_answers("sizes"), words, "texts/zh/sizes.py", "zh")


#: Words the Chinese edition avoids: 内核 is an operating system's kernel, 过滤器 and 滤镜 are not the
#: course's 滤波器 (the glossary of the notebooks explains them; no catalog says them).
AVOIDED = ("内核", "过滤器", "滤镜")


def _chinese_strings():
    """Every string of the Chinese catalogs of the core and the exercises, with where it is."""
    from convlesson.core import language as lang

    for domain in ("core", "exercises"):
        for key, words in lang.table(domain, "zh").items():
            yield f"{domain}/words/zh.py {key}", words
    for topic in texts_pkg.TOPICS:
        for ident, words in texts_pkg.table(topic, "zh").items():
            for name, text in words.items():
                for answer, t in text.items() if name == "slips" else [(None, text)]:
                    yield f"texts/zh/{topic}.py {ident!r} {name} {answer!r}", t
    for key, words in texts_pkg.misconception_words("zh").items():
        yield f"texts/zh/misconceptions.py {key}", words


def _avoided(said) -> list[tuple[str, str]]:
    return [(where, word) for where, text in said for word in AVOIDED if word in text]


def test_the_avoided_words_never_appear_in_the_chinese_catalogs():
    said = list(_chinese_strings())
    assert len(said) > 700  # the walk reaches every table
    assert not _avoided(said)


def test_an_avoided_word_is_found_wherever_it_is():
    said = [("a", "卷积核"), ("b", "每个内核"), ("c", "一个过滤器"), ("d", "滤镜")]
    assert _avoided(said) == [("b", "内核"), ("c", "过滤器"), ("d", "滤镜")]
