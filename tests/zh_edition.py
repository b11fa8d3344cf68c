"""Reading the Chinese edition of the course, ``notebooks/zh/``, for the tests that check it.

Each Chinese notebook is the English notebook of the same name (``tests/test_notebooks.py`` reads
those), its prose written anew in Chinese. The tests of the Chinese edition are split by what they
check: ``test_zh_drift.py`` (the two editions cannot drift), ``test_zh_words.py`` (one set of terms,
the avoided words only in the glossary cell, Chinese prose throughout) and
``test_zh_notebook_rules.py`` (the course's notebook rules, predictions and links, in Chinese). This
module holds what they share: where the notebooks are, the glossary cell, and how a notebook is read.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import test_notebooks as english

import convlesson as cl

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
ZH = NOTEBOOKS / "zh"
NAMES = english.NAMES
LESSONS = english.LESSONS
LANGUAGE_LINE = 'cl.language("zh")'

#: The glossary cell: the one place that names the words this edition does not use, and the one cell
#: of prose the English twin does not have (a Chinese reader meets the other words before lesson 01).
GLOSSARY = ("00_start_here", "## 术语表")
CJK = re.compile(r"[\u3400-\u9fff]")


# --------------------------------------------------------------------------- reading the notebooks
def load(name: str) -> dict:
    return json.loads((ZH / f"{name}.ipynb").read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    return english.source(cell)


def markdown_cells(nb: dict) -> list[str]:
    return [source(c) for c in nb["cells"] if c["cell_type"] == "markdown"]


def is_glossary(text: str) -> bool:
    return text.startswith(GLOSSARY[1] + "\n")


def markdown_of(nb: dict) -> str:
    return "\n".join(markdown_cells(nb))


def course_code(nb: dict) -> list[dict]:
    """The code cells after the JupyterLite install cell (``tests/test_notebook_metadata.py`` checks it)."""
    return [c for c in english.code_cells(nb) if c.get("id") != english.REFRESH.INSTALL_CELL_ID]


def outputs_text(cell: dict) -> str:
    return "".join(text for _, text in english.output_texts(cell))


def stdout_of(cell: dict) -> str:
    return "".join(text for where, text in english.output_texts(cell) if where == "stdout")


def prose(markdown: str) -> str:
    """What a reader reads as sentences: no code, formulas, link targets, emphasis marks."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$|\$[^$\n]+\$", " ", text, flags=re.S)
    text = re.sub(r"`[^`\n]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"https?://\S+", " ", text)
    return text.replace("**", "").replace("*", "")


def printed_by(call, *args) -> str:
    """What ``call(*args)`` prints, in Chinese."""
    out = io.StringIO()
    cl.language("zh")
    try:
        with contextlib.redirect_stdout(out):
            call(*args)
    finally:
        cl.language("en")
    return out.getvalue()
