"""The course's notebook rules hold in the Chinese edition, ``notebooks/zh/``.

The rules of ``tests/test_notebooks.py``, with the Chinese headings: a title and what you will learn,
a Setup cell, a summary, predictions asked before they are answered with what follows them folded,
links that lead to the Chinese notebooks and to pictures that exist. The English checks that read no
English words are reused as they are, on the Chinese notebooks; the ones that read English words (the
Setup and Summary headings, what a waiting prediction prints, the exercise headings) are written here
again in Chinese.
"""

from __future__ import annotations

import re

import pytest
import test_notebooks as english
from zh_edition import (
    LANGUAGE_LINE,
    LESSONS,
    NAMES,
    ZH,
    course_code,
    load,
    markdown_cells,
    markdown_of,
    outputs_text,
    printed_by,
    source,
    stdout_of,
)

import convlesson as cl
from convlesson import gallery
from convlesson.exercises import EXERCISES
from convlesson.exercises.predictions import PREDICTIONS


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    cl.language("en")


@pytest.fixture(scope="module", params=NAMES)
def notebook(request):
    """``("zh/NAME", notebook)``: named as ``tests/test_notebooks.py``'s checks expect (under notebooks/)."""
    return f"zh/{request.param}", load(request.param)


# --------------------------------------------------------------------------- the course's notebook rules
def test_kernelspec_is_python3(notebook):
    english.test_kernelspec_is_python3(notebook)


def test_every_code_cell_was_run_in_order(notebook):
    english.test_every_code_cell_was_run_in_order(notebook)


def test_no_execution_timestamps_are_stored(notebook):
    english.test_no_execution_timestamps_are_stored(notebook)


def test_no_stored_output_holds_an_error_or_traceback(notebook):
    english.test_no_stored_output_holds_an_error_or_traceback(notebook)


def test_no_warnings_and_no_stderr(notebook):
    english.test_no_warnings_and_no_stderr(notebook)


def test_no_memory_addresses(notebook):
    english.test_no_memory_addresses(notebook)


def test_text_outputs_are_short(notebook):
    english.test_text_outputs_are_short(notebook)


def test_no_interact_or_output_widget_artefacts(notebook):
    english.test_no_interact_or_output_widget_artefacts(notebook)


def test_no_widget_state_is_stored(notebook):
    english.test_no_widget_state_is_stored(notebook)


def test_the_html_export_shows_every_explorer_offline(notebook, tmp_path):
    english.test_the_html_export_shows_every_explorer_offline(notebook, tmp_path)


def test_every_explorer_shows_a_widget_and_a_still_picture(notebook):
    english.test_every_explorer_shows_a_widget_and_a_still_picture(notebook)


def test_no_other_imports_after_setup(notebook):
    english.test_no_other_imports_after_setup(notebook)


def test_explorer_pictures_in_the_notebooks_are_current(notebook):
    """The stored pictures are what the explorers draw now, in Chinese."""
    cl.language("zh")
    english.test_explorer_pictures_in_the_notebooks_are_current(notebook)


def test_each_lesson_has_a_title_what_you_learn_setup_and_summary(notebook):
    name, nb = notebook
    text = markdown_cells(nb)
    assert text[0].startswith("# ")
    joined = "\n".join(text)
    assert "\n## 准备\n" in f"\n{joined}\n"
    setup = [line for line in source(course_code(nb)[0]).splitlines() if line.strip()]
    assert setup[0] == "import convlesson as cl" and LANGUAGE_LINE in setup
    assert set(setup) <= {"import convlesson as cl", "import numpy as np", LANGUAGE_LINE}
    if name.removeprefix("zh/") in LESSONS:
        assert "**你将学到**" in text[0]
        assert "\n## 小结\n" in f"\n{joined}\n"


def headings(nb: dict) -> list[str]:
    text = re.sub(r"```.*?```", "", markdown_of(nb), flags=re.S)
    return [h.strip().replace(" ", "-") for h in re.findall(r"^#{1,6} (.*)$", text, flags=re.M)]


def test_links_lead_to_the_chinese_notebooks_and_to_pictures_that_exist(notebook):
    name, nb = notebook
    pictures = {*gallery.GALLERY, *gallery.FIGURES}
    for text in markdown_cells(nb):
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if target.startswith(("http://", "https://")):
                continue
            path, _, anchor = target.partition("#")
            if path.endswith(".ipynb"):
                assert "/" not in path and (ZH / path).exists(), f"{name} links to {target}"
            elif path.startswith("../figures/"):
                # the English pictures, or the Chinese ones the gallery draws under the same names
                assert path.split("/")[-1] in pictures, f"{name}: no picture {target}"
                assert (ZH / path).exists(), f"{name} shows a missing picture {target}"
            elif path:
                assert (ZH / path).exists(), f"{name} links to a missing {target}"
            if anchor:  # JupyterLab's anchor of a heading: its text, spaces as "-"
                assert anchor in headings(load(path.removesuffix(".ipynb")) if path else nb), (
                    f"{name}: {target}"
                )


def test_the_summary_picture_is_shown_where_the_english_shows_it():
    for name in NAMES:
        en_shows = [f for f in gallery.FIGURES if f"](figures/{f})" in markdown_of(english.load(name))]
        zh_shows = [
            f for f in gallery.FIGURES if re.search(rf"\]\(\.\./figures/(zh/)?{f}\)", markdown_of(load(name)))
        ]
        assert zh_shows == en_shows, name


def _waiting(ident) -> str:
    """What ``cl.check(ident, None)`` prints in Chinese: the request for an answer, no answer in it."""
    return printed_by(cl.check, ident, None)


@pytest.mark.parametrize("name", LESSONS)
def test_each_lesson_asks_before_it_tells(name):
    """Every prediction is stored waiting for the learner, and nothing printed before it gives it away."""
    cells = course_code(load(name))
    answers = {p.key: p.answer for p in PREDICTIONS}
    asks = [i for i, c in enumerate(cells) if re.search(r'cl\.check\("[a-z0-9-]+", answer\)', source(c))]
    assert asks, f"{name} asks no prediction"
    for i in asks:
        cell = cells[i]
        key = re.search(r'cl\.check\("([a-z0-9-]+)"', source(cell)).group(1)
        assert source(cell).startswith("answer = None")
        assert stdout_of(cell) == _waiting(key), f"{name}: {key} is not stored waiting for an answer"
        earlier = "\n".join(outputs_text(c) for c in cells[:i])
        said = str(answers[key])
        assert len(said) < 3 or said not in earlier, (name, key)


@pytest.mark.parametrize("name", LESSONS)
def test_what_follows_a_prediction_stays_folded_until_run(name):
    unfolded = english.unfolded_after_predictions(load(name))
    assert not unfolded, f"{name}: cells {unfolded} show an answer before the learner runs them"


def test_the_exercise_notebook_asks_and_checks_every_exercise():
    nb = load("09_exercises")
    md = markdown_of(nb)
    code = "\n".join(source(c) for c in course_code(nb))
    headings = [int(n) for n in re.findall(r"^### 练习 (\d+) — ", md, flags=re.M)]
    assert headings == [ex.number for ex in EXERCISES], "every exercise, once, in order"
    for ex in EXERCISES:
        cell = next(s for s in markdown_cells(nb) if s.startswith(f"### 练习 {ex.number} — "))
        assert f"]({ex.lesson}.ipynb)" in cell, f"exercise {ex.number} must link to {ex.lesson}"
        assert f"cl.check({ex.number}, " in code
    section = re.split(r"\n## 第 \d+ 部分（共 \d+ 部分）· 卷积核与滤波器[^\n]*\n", md)[1].split("\n## ", 1)[0]
    numbers = [int(n) for n in re.findall(r"^### 练习 (\d+) — ", section, flags=re.M)]
    assert len(numbers) >= 10
    assert set(numbers) <= {ex.number for ex in EXERCISES if "kernel-vs-filter" in ex.tags}


def test_the_exercise_notebook_holds_no_answers():
    cells = course_code(load("09_exercises"))
    placeholders = [c for c in cells if source(c).startswith("answer = None")]
    assert len(placeholders) == sum(1 for ex in EXERCISES if ex.kind != "code")
    for cell in placeholders:
        n = int(re.search(r"cl\.check\((\d+), answer\)", source(cell)).group(1))
        assert stdout_of(cell) == _waiting(n), f"exercise {n} is not stored waiting for an answer"
    stubs = [i for i, c in enumerate(cells) if "raise NotImplementedError(" in source(c)]
    assert len(stubs) == sum(1 for ex in EXERCISES if ex.kind == "code") == 2
    for i in stubs:
        assert "raises-exception" in cells[i]["metadata"].get("tags", [])
        assert cells[i]["outputs"] == []
        n = int(re.search(r"cl\.check\((\d+), ", source(cells[i + 1])).group(1))

        def stub(*args):
            raise NotImplementedError

        assert stdout_of(cells[i + 1]) == printed_by(cl.check, n, stub), f"exercise {n}'s check"


def test_the_article_example_is_computed_in_the_layer_notebook():
    texts = [outputs_text(c) for c in course_code(load("06_conv2d_layer"))]
    assert "(4, 28, 28, 3) -> (4, 26, 26, 2)\n" in texts
