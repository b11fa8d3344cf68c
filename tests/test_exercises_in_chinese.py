"""After ``cl.language("zh")`` every exercise and prediction speaks Chinese, and ``cl.language("en")`` gives
back the English.

Each exercise and prediction is walked as a learner meets it: its question, its hint, the caption of its
worked solution, the verdict on the right answer, on each listed slip and on a plain wrong answer (and for
the two functions to write: on a missing, a raising and a wrong function). Each text must hold Chinese
and no English word outside code: what is left once quoted values, code (names with ``_``, ``.``, ``(``,
``[``, digits), and the course's code words are taken out must be Chinese.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from scipy.signal import convolve2d, correlate2d

import convlesson as cl
from convlesson.exercises import EXERCISES, PREDICTIONS
from convlesson.exercises.languages import edition

CJK = re.compile(r"[\u3400-\u9fff]")
#: The words a Chinese text may keep in English: code, parameter and function names, the names of
#: frameworks and layouts, the names of the colour channels, True/False/None.
CODE_WORDS = {
    *("R", "G", "B", "RGB", "str", "int", "float", "tuple", "list", "bool"),
    *("kh", "kw", "filters", "groups", "strides", "padding", "activation", "relu", "ReLU"),
    *("kernel", "weights", "weight", "layer", "conv", "torch", "nn", "x", "k", "w", "j", "c", "i", "s"),
    *("valid", "same", "full", "before", "after", "bool", "dtype", "numpy", "np", "n", "answer", "name"),
    *("True", "False", "None", "Keras", "PyTorch", "TensorFlow", "HWIO", "OIHW", "N", "C", "H", "W"),
    *("span", "total", "out", "your_function", "def"),
}
#: Spans that are code as a whole: an exception the learner's function raised, quoted values, backquoted
#: names, 4-D, the letters of options, names joined by ``_`` or ``.``, calls, indexing, keyword arguments.
CODE = re.compile(
    r"\b\w+(?:Error|Exception)(?:: [^（\n]*)?"  # what the learner's own code raised, as Python says it
    r"|'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`|\d-D\b|\([a-h]\)|\w*_\w*"
    r"|[A-Za-z_][A-Za-z0-9_]*(?:[._][A-Za-z0-9_]+)+(?:\([^()\n]*\))?"
    r"|[A-Za-z_][A-Za-z0-9_]*\d[A-Za-z0-9_]*(?:\([^()\n]*\))?"
    r"|[A-Za-z_]\w*\([^()\n]*\)|[A-Za-z_]\w*\[[^\]\n]*\]|[A-Za-z_]\w*="
)
WORD = re.compile(r"[A-Za-z]+")

ALL_ZH = (*edition("zh").exercises, *edition("zh").predictions)


def english_left(text: str) -> list[str]:
    """The English words of ``text`` that are not code: what a Chinese text must not hold."""
    prose = CODE.sub(" ", text)
    return [w for w in WORD.findall(prose) if w not in CODE_WORDS]


def test_the_english_detector_finds_a_sentence_and_spares_code():
    assert english_left("练习 3：答对了！") == []
    assert english_left("用 cl.check(3, my_corr2d) 检查 weights[:, :, c, j]，'valid' 和 kernel_size") == []
    assert english_left("练习 3：not quite — 形状 (kh, kw, C_in)") == ["not", "quite"]
    assert english_left("Hint for exercise 3") == ["Hint", "for", "exercise"]


@pytest.fixture(autouse=True)
def _chinese():
    cl.language("zh")
    yield
    cl.language("en")


def ident(ex):
    return f"ex{ex.number}" if ex.key is None else ex.key


def said(capsys, *calls) -> list[str]:
    """What each of ``calls`` (a function and its arguments) prints or returns, one text each."""
    out = []
    for fn, *args in calls:
        returned = fn(*args)
        printed = capsys.readouterr().out
        out.append(printed if returned is None else str(returned))
    return out


def wrong_answer(ex):
    """An answer of the right kind that is neither right nor a listed slip (or None if there is none)."""
    slips = [s.answer for s in ex.slips]
    if ex.kind == "shape":
        return tuple(v + 100 for v in ex.answer)
    if ex.kind in ("int", "float"):
        return ex.answer + 1000
    if ex.kind == "choice":
        return next((c for c in ex.choices if c != ex.answer and c not in slips), None)
    return None  # True/False: the one wrong answer is a listed slip


def chinese(text: str, where: str) -> None:
    assert CJK.search(text), f"{where}: no Chinese in {text!r}"
    assert not english_left(text), f"{where}: English left {english_left(text)} in {text!r}"


@pytest.mark.parametrize("ex", [e for e in ALL_ZH if e.kind != "code"], ids=ident)
def test_every_question_hint_solution_and_verdict_is_chinese(ex, capsys):
    n = ex.ident
    question, hint, solution = said(capsys, (cl.exercise, n), (cl.hint, n), (cl.solution, n))
    caption = solution.split("\n\n")[0]  # then the worked solution's source, code with its comments
    verdicts = said(capsys, (cl.check, n, None), (cl.check, n, ex.answer))
    verdicts += said(capsys, *[(cl.check, n, s.answer) for s in ex.slips])
    if wrong_answer(ex) is not None:
        verdicts += said(capsys, (cl.check, n, wrong_answer(ex)))
    verdicts += said(capsys, (cl.check, n, "???" if ex.kind != "choice" else 3.5))
    for where, text in [("question", question), ("hint", hint), ("solution", caption)]:
        chinese(text, f"{ident(ex)} {where}")
    for text in verdicts:
        chinese(text, f"{ident(ex)} verdict")
    assert "答对了" in verdicts[1] and ex.right in verdicts[1]
    assert all("还不对" in v for v in verdicts[2 : 2 + len(ex.slips)])


def _not_written(x, *args):
    raise NotImplementedError


def _raises(x, *args):
    return x[10**6]


def _wrong_shape(x, *args):
    return np.zeros((1, 1))


def _ones(x, k, strides=1):
    """A map of the right shape, all ones: wrong values."""
    return np.ones(((x.shape[0] - k.shape[0]) // strides + 1, (x.shape[1] - k.shape[1]) // strides + 1))


@pytest.mark.parametrize("ex", [e for e in ALL_ZH if e.kind == "code"], ids=ident)
def test_the_functions_to_write_are_checked_in_chinese(ex, capsys):
    n = ex.number
    texts = said(capsys, (cl.exercise, n), (cl.hint, n), (cl.check, n, None), (cl.check, n, "my_fn"))
    texts += said(capsys, *[(cl.check, n, fn) for fn in (_not_written, _raises, _wrong_shape)])
    right, *_ = said(capsys, (cl.check, n, ex.answer))
    (caption,) = said(capsys, (cl.solution, n))
    for text in [*texts, right, caption.split("\n\n")[0]]:
        chinese(text, f"exercise {n}")
    assert "答对了" in right


def test_a_wrong_feature_map_is_told_in_chinese(capsys):
    (corr,) = [ex for ex in ALL_ZH if ex.check == "corr2d"]
    (text,) = said(capsys, (cl.check, corr.number, _ones))
    chinese(text, "a wrong feature map")
    assert "第一个对不上的位置" in text


def test_the_listing_and_the_refusals_are_chinese(capsys):
    chinese(str(cl.exercise()), "cl.exercise()")
    for bad in (0, "sweep-sise", 2.5):
        with pytest.raises((ValueError, TypeError)) as caught:
            cl.exercise(bad)
        chinese(str(caught.value), f"cl.exercise({bad!r})")


def _everything_said(capsys) -> list[str]:
    """What the listing, and each exercise's question, hint, solution and verdicts on its answer and its
    slips, say in the language in use."""
    out = said(capsys, (cl.exercise,))
    for ex in (*EXERCISES, *PREDICTIONS):
        n = ex.ident
        out += said(capsys, (cl.exercise, n), (cl.hint, n), (cl.solution, n), (cl.check, n, None))
        if ex.kind != "code":
            out += said(capsys, (cl.check, n, ex.answer), *[(cl.check, n, s.answer) for s in ex.slips])
    return out


def test_english_comes_back_word_for_word(capsys):
    cl.language("en")
    english = _everything_said(capsys)
    assert english[1].startswith("Exercise 1 (output size):\n")
    cl.language("zh")
    chinese_words = _everything_said(capsys)
    assert chinese_words[1].startswith("练习 1：输出尺寸\n一张 15 × 15")
    cl.language("en")
    assert _everything_said(capsys) == english


# ------------------------------------------------------------------ the slips of the functions to write
def corr(x, k, s=1):
    return correlate2d(x, k, mode="valid")[::s, ::s]


def corr_no_strides(x, k):
    return correlate2d(x, k, mode="valid")


def no_jump(x, k, strides=1):
    full = correlate2d(x, k, mode="valid")
    return full[: (x.shape[0] - k.shape[0]) // strides + 1, : (x.shape[1] - k.shape[1]) // strides + 1]


def past_the_edge(x, k, strides=1):
    kh, kw = k.shape
    n = -(-(x.shape[0] - kh) // strides) + 1
    return np.array([[(x[i * strides : i * strides + kh, 0:kw] * k).sum() for i in range(n)]])


def per_channel(x, w):
    return np.stack([conv(x[:, :, c : c + 1], w[:, :, c : c + 1]) for c in range(x.shape[2])], axis=2)


def conv(x, w):
    return np.stack(
        [sum(corr(x[:, :, c], w[:, :, c, f]) for c in range(x.shape[2])) for f in range(w.shape[3])], axis=-1
    )


def swapped(x, w):
    return np.stack(
        [sum(corr(x[:, :, c], w[:, :, f, c]) for c in range(x.shape[2])) for f in range(w.shape[3])], axis=-1
    )


def one_kernel(x, w):
    return np.stack(
        [sum(corr(x[:, :, c], w[:, :, 0, f]) for c in range(x.shape[2])) for f in range(w.shape[3])], axis=-1
    )


CORR_SLIPS = {
    "flipped": lambda x, k, s=1: convolve2d(x, k, mode="valid")[::s, ::s],
    "same": lambda x, k, s=1: correlate2d(x, k, mode="same"),
    "full": lambda x, k, s=1: correlate2d(x, k, mode="full"),
    "off by one": lambda x, k, s=1: corr(x, k, s)[:-1, :-1],
    "no strides argument": corr_no_strides,
    "strides ignored": lambda x, k, s=1: corr_no_strides(x, k),
    "no jump": no_jump,
    "past the edge": past_the_edge,
    "complex": lambda x, k, s=1: corr(x, k, s) + 0j,
    "bool": lambda x, k, s=1: corr(x, k, s) > 0,
    "text": lambda x, k, s=1: "a map",
    "almost": lambda x, k, s=1: corr(x, k, s) + np.eye(*corr(x, k, s).shape),
}
CONV_SLIPS = {
    "one map per kernel": per_channel,
    "averaged": lambda x, w: conv(x, w) / x.shape[2],
    "channels first": lambda x, w: np.moveaxis(conv(x, w), -1, 0),
    "first channel": lambda x, w: conv(x[:, :, :1], w[:, :, :1]),
    "filters added": lambda x, w: conv(x, w).sum(axis=-1),
    "one kernel": one_kernel,
    "swapped": swapped,
    "read the other way": lambda x, w: swapped(x, w.reshape(*w.shape[:2], w.shape[3], w.shape[2])),
    "one map": lambda x, w: conv(x, w)[:, :, :1],
}


@pytest.mark.parametrize(
    ("check", "fn"),
    [*(("corr2d", f) for f in CORR_SLIPS.values()), *(("conv2d", f) for f in CONV_SLIPS.values())],
    ids=[*CORR_SLIPS, *CONV_SLIPS],
)
def test_the_slips_of_the_functions_to_write_are_named_in_chinese(check, fn, capsys):
    (ex,) = [e for e in ALL_ZH if e.check == check]
    (text,) = said(capsys, (cl.check, ex.number, fn))
    chinese(text, f"{check} slip")
    assert "还不对" in text or "抛出了" in text, text
