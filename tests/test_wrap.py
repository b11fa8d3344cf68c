"""Sentences broken into lines: the lines of a plain greedy break, one measurement a word (the oracle)."""

from __future__ import annotations

import random

from convlesson.pictures import text_art
from convlesson.pictures.render import new_figure

WORDS = (
    "a the kernel filter 3×3×4 C_in = ⌊(10 + 2 − 3)/1⌋ + 1 output[3, 5] −0.25 Σ weights (kh, kw, C_in) W"
).split()


def greedy(ax, text, max_w, role):
    """Word by word: a word joins the line when the line with it still fits."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and text_art.measure(ax, lines[-1] + " " + word, role)[0] <= max_w:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def test_wrap_gives_the_lines_of_a_word_by_word_greedy_break():
    fig = new_figure(840, 200, 100)
    ax = fig.add_axes((0, 0, 1, 1))
    rng = random.Random(0)
    for i in range(300):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 40))]
        if i % 7 == 0:
            words.insert(rng.randint(0, len(words)), "")  # two spaces in a row
        text = " ".join(words)
        max_w = rng.choice([40.0, 90.0, 200.0, 333.3, 600.0, 800.0])
        role = rng.choice(text_art.ROLES)
        assert text_art.wrap(ax, text, max_w, role) == greedy(ax, text, max_w, role), (text, max_w, role)
    assert text_art.wrap(ax, "", 100.0) == [""]
