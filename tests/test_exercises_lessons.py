"""Which lesson each exercise belongs to: never one before the lesson that teaches what it asks.

An exercise's ``lesson`` is the notebook whose end may point to it. A question that needs the bias
(taught in 04), a layer's number of filters (05), the 4-D weights' layout or a batch (06), dilation or
groups (08) belongs to that lesson or a later one. The rules read the question's words; each rule
names the lesson that teaches them (the lesson topics of ``00_start_here``).
"""

from __future__ import annotations

import re

import pytest

from convlesson.exercises import EXERCISES, PREDICTIONS

LESSONS = [
    "01_the_sweep",
    "02_padding_and_output_size",
    "03_kernels",
    "04_many_channels",
    "05_filters",
    "06_conv2d_layer",
    "07_learned_filters",
    "08_beyond",
]

#: (pattern in the question, the first lesson that teaches it)
TAUGHT_IN = [
    (r"\bstrides\b", "01_the_sweep"),
    (r"'valid'|'same'|'full'|padding=", "02_padding_and_output_size"),
    (r"kernel_size \(\d+, \d+\)", "03_kernels"),  # a rectangular kernel
    (r"\bbias\b", "04_many_channels"),
    (r"\bfilters?\b", "04_many_channels"),  # named at the end of 04, taken apart in 05
    (r"Conv2D\((filters=)?\d+", "05_filters"),  # a layer's number of filters
    (
        r"\(kh, kw, C_in, filters\)|Keras's layout|PyTorch's layout|in_channels|out_channels"
        r"|layer\.kernel|layer\.weights|\bbatch\b|trainable parameters",
        "06_conv2d_layer",
    ),
    (r"\bdilation|\bgroups\b|depthwise|1 × 1 convolution", "08_beyond"),
]


def needs(question: str) -> list[tuple[str, str]]:
    """The (words, lesson) pairs the question uses."""
    found = []
    for pattern, lesson in TAUGHT_IN:
        match = re.search(pattern, question)
        if match:
            found.append((match.group(0), lesson))
    return found


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda ex: f"ex{ex.number}")
def test_no_exercise_belongs_to_a_lesson_before_what_it_asks_is_taught(ex):
    assert ex.lesson in LESSONS
    for words, lesson in needs(ex.question):
        assert ex.lesson >= lesson, f"exercise {ex.number} uses {words!r}, taught in {lesson}"


@pytest.mark.parametrize("ex", PREDICTIONS, ids=lambda ex: ex.key)
def test_no_prediction_is_asked_before_its_words_are_taught(ex):
    for words, lesson in needs(ex.question):
        assert ex.lesson >= lesson, f"prediction {ex.key} uses {words!r}, taught in {lesson}"


def test_the_rules_catch_exercises_once_placed_too_early():
    """Three exercises as they were once worded, each pointed to by a lesson before what it asks."""
    was = {
        9: ("01_the_sweep", "One channel x, a 2 × 2 kernel k and a bias of 1, strides 1, 'valid':"),
        8: ("03_kernels", "Conv2D(filters=4, kernel_size=(3, 5), strides=(1, 2)) (padding 'valid')"),
        37: ("04_many_channels", "Write my_conv2d(x, weights): weights is (kh, kw, C_in, filters)."),
    }
    for lesson, question in was.values():
        assert any(lesson < taught for _, taught in needs(question))


def test_the_lessons_each_have_an_exercise_to_point_to():
    by_lesson = {lesson: sorted(ex.number for ex in EXERCISES if ex.lesson == lesson) for lesson in LESSONS}
    assert all(by_lesson.values()), by_lesson
    assert by_lesson["01_the_sweep"] == [36]  # the strided sweep: 01 teaches the sweep and strides
    assert 9 in by_lesson["04_many_channels"] and 37 in by_lesson["06_conv2d_layer"]
    assert 8 in by_lesson["03_kernels"]  # a rectangular kernel on one channel, no layer


def pointed_to(lesson: str) -> list[int]:
    """The exercises a lesson's last cell points to: 'Try exercises 15, 16, 20–31 and 37 in ...'."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "notebooks" / f"{lesson}.ipynb"
    nb = json.loads(path.read_text("utf-8"))
    text = "".join(nb["cells"][-1]["source"])
    match = re.search(r"Try exercises? ([0-9–, and]+?) in \[09", text)
    assert match, f"{lesson} ends without pointing to its exercises"
    numbers = []
    for part in re.split(r", | and ", match.group(1)):
        first, _, last = part.partition("–")
        numbers += range(int(first), int(last or first) + 1)
    return numbers


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_lesson_points_to_exactly_its_exercises(lesson):
    assert pointed_to(lesson) == sorted(ex.number for ex in EXERCISES if ex.lesson == lesson)
