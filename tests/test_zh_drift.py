"""The Chinese edition, ``notebooks/zh/``, cannot drift from the English course.

Each Chinese notebook is the English notebook of the same name, its prose written anew in Chinese. The
code cells are the English ones, in the same order, up to the one line that switches the package to
Chinese (``cl.language("zh")`` in the Setup cell), comments, and the string literals that are words for
the learner (what is printed, docstrings, an exercise stub's message); every other literal -- a padding
word, a kernel's name, a control's value -- is the English one. The explorer calls are the same,
character for character; so are the predictions' keys and the exercises' numbers, which outputs stay
folded, and how many headings of each level. The one cell the English twin does not have is the
glossary cell of ``00_start_here`` (``test_zh_words.py``).

The stored outputs are checked by strict nbval like the English ones (``notebooks/`` is a test path,
and pytest collects ``notebooks/zh/`` under it), and ``python .ci/refresh_notebooks.py`` refreshes both
editions (``notebooks/**/*.ipynb``).
"""

from __future__ import annotations

import ast
import re

import pytest
import test_notebooks as english
from zh_edition import (
    CJK,
    GLOSSARY,
    LANGUAGE_LINE,
    LESSONS,
    NAMES,
    NOTEBOOKS,
    ZH,
    course_code,
    is_glossary,
    load,
    markdown_cells,
    source,
)

import convlesson as cl

EXPLORER_CALL = re.compile(rf"cl\.({'|'.join(cl._EXPLORERS)})\(.*\)")


@pytest.fixture(scope="module", params=NAMES)
def pair(request):
    """``(name, English notebook, Chinese notebook)``."""
    return request.param, english.load(request.param), load(request.param)


def test_the_chinese_edition_is_every_notebook_of_the_course():
    assert sorted(p.stem for p in ZH.glob("*.ipynb")) == NAMES
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == NAMES


# --------------------------------------------------------------------------- the editions cannot drift
class _Code(ast.NodeTransformer):
    """A cell's code with the learner's words taken out: every string literal becomes ``'…'``.

    An f-string becomes ``'…'`` followed by the expressions it formats, sorted (Chinese may put them in
    another order). ``words`` collects the literals that are words for the learner -- what is printed,
    docstrings, an exception's message, what a function returns; ``values`` every other literal, which
    must be the English ones.
    """

    def __init__(self):
        self.values: list[str] = []
        self.words: list[str] = []
        self._text = 0

    def _visit_text(self, node, fields):
        self._text += 1
        for name in fields:
            value = getattr(node, name)
            if isinstance(value, list):
                setattr(node, name, [self.visit(v) for v in value])
            elif value is not None:
                setattr(node, name, self.visit(value))
        self._text -= 1
        return node

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("print", "NotImplementedError"):
            node.func = self.visit(node.func)
            return self._visit_text(node, ("args", "keywords"))
        return self.generic_visit(node)

    def visit_Return(self, node):
        return self._visit_text(node, ("value",))

    def visit_FunctionDef(self, node):
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            self.words.append(body[0].value.value)  # the docstring
            body[0] = ast.Expr(ast.Constant("…"))
            node.body = [body[0], *[self.visit(n) for n in body[1:]]]
            node.args = self.visit(node.args)
            return node
        return self.generic_visit(node)

    def visit_JoinedStr(self, node):
        self._text += 1
        parts = [
            ast.Tuple(
                [
                    self.visit(v.value),
                    ast.Constant(v.conversion),
                    ast.Constant(ast.dump(v.format_spec) if v.format_spec else ""),  # code, kept as is
                ],
                ast.Load(),
            )
            for v in node.values
            if isinstance(v, ast.FormattedValue)
        ]
        self.words += [v.value for v in node.values if isinstance(v, ast.Constant)]
        self._text -= 1
        return ast.Tuple([ast.Constant("…"), *sorted(parts, key=ast.dump)], ast.Load())

    def visit_Constant(self, node):
        if isinstance(node.value, str):
            (self.words if self._text else self.values).append(node.value)
            return ast.Constant("…")
        return node


def code_shape(text: str) -> tuple[str, list[str], list[str]]:
    """``(structure, code values, words)`` of a cell's code (see :class:`_Code`)."""
    tree = ast.parse(text)
    walker = _Code()
    tree = walker.visit(tree)
    return ast.dump(tree), walker.values, walker.words


def without_language_line(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.strip() != LANGUAGE_LINE)


def test_the_same_code_cells_in_the_same_order(pair):
    name, en, zh = pair
    en_cells, zh_cells = course_code(en), course_code(zh)
    assert len(zh_cells) == len(en_cells), f"{name}: {len(zh_cells)} code cells, English has {len(en_cells)}"
    for en_cell, zh_cell in zip(en_cells, zh_cells, strict=True):
        en_src, zh_src = source(en_cell), without_language_line(source(zh_cell))
        en_tree, en_values, _ = code_shape(en_src)
        zh_tree, zh_values, _ = code_shape(zh_src)
        where = f"{name}: the cell {en_src.splitlines()[0][:70]!r}"
        assert zh_tree == en_tree, f"{where} has other code in Chinese:\n{zh_src}"
        assert zh_values == en_values, f"{where}: its code values (not words) changed: {zh_values}"


def test_only_the_setup_cell_switches_the_language(pair):
    name, en, zh = pair
    setup_en, setup_zh = source(course_code(en)[0]), source(course_code(zh)[0])
    lines = [line for line in setup_zh.splitlines() if line.strip()]
    assert lines == [*setup_en.splitlines(), LANGUAGE_LINE], (
        f"{name}: the Setup cell is the English one, then {LANGUAGE_LINE}; got {setup_zh!r}"
    )
    switching = [source(c) for c in course_code(zh)[1:] if "cl.language(" in source(c)]
    assert not switching, f"{name}: only the Setup cell switches the language: {switching}"


def test_the_same_explorers_predictions_and_exercises(pair):
    name, en, zh = pair

    def calls(nb):
        explorers = [s.strip() for s in map(source, course_code(nb)) if EXPLORER_CALL.fullmatch(s.strip())]
        asked = re.findall(
            r"\bcl\.(check|ask|hint|solution|exercise)\(([^,)]*)", "\n".join(map(source, course_code(nb)))
        )
        return explorers, asked

    en_explorers, en_asked = calls(en)
    zh_explorers, zh_asked = calls(zh)
    assert zh_explorers == en_explorers, f"{name}: the explorer calls differ"
    assert zh_asked == en_asked, f"{name}: the predictions and exercises asked differ"
    if name in LESSONS:
        assert any(kind == "check" and key.startswith('"') for kind, key in zh_asked), f"{name} asks nothing"


def test_the_same_cells_fold_and_carry_the_same_tags(pair):
    name, en, zh = pair

    def marks(nb):
        return [
            (bool(c["metadata"].get("jupyter", {}).get("outputs_hidden")), c["metadata"].get("tags", []))
            for c in course_code(nb)
        ]

    assert marks(zh) == marks(en), f"{name}: other cells are folded or tagged in Chinese"


def test_every_cell_has_its_twin(pair):
    """Markdown and code cells come as in English: no paragraph left out, none added (but the glossary)."""
    name, en, zh = pair

    def kinds(nb):
        cells = [c for c in nb["cells"] if c.get("id") != english.REFRESH.INSTALL_CELL_ID]
        return [
            c["cell_type"] for c in cells if not (c["cell_type"] == "markdown" and is_glossary(source(c)))
        ]

    assert kinds(zh) == kinds(en), f"{name}: the cells do not pair up with the English ones"
    glossaries = sum(is_glossary(s) for s in markdown_cells(zh))
    assert glossaries == (name == GLOSSARY[0]), f"{name}: {glossaries} glossary cells"


def test_the_same_headings_at_every_level(pair):
    name, en, zh = pair

    def levels(nb):
        text = "\n".join(s for s in markdown_cells(nb) if not is_glossary(s))  # the glossary is zh's own
        found = re.findall(r"^(#{1,6}) ", re.sub(r"```.*?```", "", text, flags=re.S), flags=re.M)
        return {level: found.count(level) for level in set(found)}

    assert levels(zh) == levels(en), f"{name}: headings per level {levels(zh)}, English {levels(en)}"


def test_the_code_cells_speak_chinese_where_they_speak(pair):
    """A literal of learner's words that English has in a cell, the Chinese cell has in Chinese (or as is:
    a formula, a shape, a name)."""
    name, en, zh = pair
    for en_cell, zh_cell in zip(course_code(en), course_code(zh), strict=True):
        _, _, en_words = code_shape(source(en_cell))
        _, _, zh_words = code_shape(without_language_line(source(zh_cell)))
        english_words = [
            w for w in zh_words if re.search(r"[A-Za-z]{3,}[\s,:;.]+[A-Za-z]{3,}", w) and not CJK.search(w)
        ]
        assert not english_words, f"{name}: English words left in a code cell: {english_words}"
        comments = re.findall(r"#\s*(.*)", source(zh_cell))
        for comment in comments:
            if comment and comment != "ReLU" and re.search(r"[A-Za-z]{4,} [A-Za-z]{3,}", comment):
                assert CJK.search(comment) or source(zh_cell) == source(en_cell), (
                    f"{name}: an English comment in {source(zh_cell)[:60]!r}: {comment!r}"
                )
