"""The Chinese edition of the course, ``notebooks/zh/``: the English course in Chinese, and nothing else.

Each Chinese notebook is the English notebook of the same name, its prose written anew in Chinese:

- **The two editions cannot drift.** The code cells are the English ones, in the same order, up to the
  one line that switches the package to Chinese (``cl.language("zh")`` in the Setup cell), comments,
  and the string literals that are words for the learner (what is printed, docstrings, an exercise
  stub's message); every other literal -- a padding word, a kernel's name, a control's value -- is the
  English one. The explorer calls are the same, character for character; so are the predictions'
  keys and the exercises' numbers, which outputs stay folded, and how many headings of each level.
- **One set of terms** (the glossary cell of ``00_start_here``): 卷积核 for a kernel, 滤波器 for a
  filter, 步幅, 填充, 特征图, 空洞 ... The words other Chinese texts use -- the article's translation
  says 内核 and 过滤器 (and 滤镜), Chinese d2l says 卷积核 for a whole filter -- appear only in that
  glossary cell, which explains them. It is the one cell the English twin does not have.
- **Chinese throughout**: no English paragraph is left in the prose (code, formulas, names and the
  titles of English texts aside).
- **The course's notebook rules** (``tests/test_notebooks.py``) hold here too, with the Chinese
  headings: a title and what you will learn, a Setup cell, a summary, predictions asked before they are
  answered with what follows them folded, links that lead somewhere.

The English checks that read no English words are reused as they are, on the Chinese notebooks; the
ones that read English words (the Setup and Summary headings, what a waiting prediction prints, the
exercise headings) are written here again in Chinese. The stored outputs are checked by strict nbval
like the English ones (``notebooks/`` is a test path, and pytest collects ``notebooks/zh/`` under it),
and ``python .ci/refresh_notebooks.py`` refreshes both editions (``notebooks/**/*.ipynb``).
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import re
from pathlib import Path

import pytest
import test_notebooks as english

import convlesson as cl
from convlesson import gallery
from convlesson.exercises import EXERCISES
from convlesson.exercises.predictions import PREDICTIONS

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
ZH = NOTEBOOKS / "zh"
NAMES = english.NAMES
LESSONS = english.LESSONS
LANGUAGE_LINE = 'cl.language("zh")'
EXPLORER_CALL = re.compile(rf"cl\.({'|'.join(cl._EXPLORERS)})\(.*\)")

#: The glossary cell: the one place that names the words this edition does not use, and the one cell
#: of prose the English twin does not have (a Chinese reader meets the other words before lesson 01).
GLOSSARY = ("00_start_here", "## 术语表")
#: The terms the glossary lists, each in a row of its own.
GLOSSARY_TERMS = (
    "卷积核",
    "滤波器",
    "通道",
    "特征图",
    "步幅",
    "填充",
    "空洞",
    "分组卷积",
    "深度卷积",
    "偏置",
    "权重",
)
#: Words for a kernel or a filter that other Chinese texts use and this edition does not.
AVOIDED = ("内核", "过滤器", "滤镜")
#: Other Chinese words for the course's terms, never used here (the term used instead).
OTHER_WORDS = {
    "步长": "步幅",
    "偏差": "偏置",
    "特征映射": "特征图",
    "信道": "通道",
    "输出大小": "输出尺寸",
    "扩张": "空洞",
}
#: What an English notebook's prose says -> the term its Chinese twin must use for it.
TERMS = {
    r"\bkernels?\b": "卷积核",
    r"\bfilters?\b": "滤波器",
    r"\bchannels?\b": "通道",
    r"\bfeature maps?\b": "特征图",
    r"\bstrides\b": "步幅",
    r"\bpadding\b": "填充",
    r"\bbias(es)?\b": "偏置",
    r"\bweights\b": "权重",
    r"\bpartial sums?\b": "部分和",
    r"\breceptive field\b": "感受野",
    r"\bdilation\b": "空洞",
    r"\bgrouped\b": "分组卷积",
    r"\bdepthwise\b": "深度卷积",
    r"\bcross-correlation\b": "互相关",
    r"\bexplorers?\b": "探索器",
    r"\blecture mode\b": "讲课模式",
    r"\bwindows?\b": "窗口",
    r"\bpredict(ion)?\b": "预测",
    r"\bexercises?\b": "练习",
}
#: Dilation is named in full once in each notebook that speaks of it (空洞卷积, also called 膨胀卷积).
DILATION_INTRODUCED = "空洞卷积（也叫膨胀卷积）"
CJK = re.compile(r"[\u3400-\u9fff]")
#: English titles and names a Chinese text quotes as they are.
ENGLISH_NAMES = (
    "No, Kernels & Filters Are Not The Same",
    "Towards Data Science",
    "CS231n: Convolutional Neural Networks for Visual Recognition",
    "Convolutional Neural Networks for Visual Recognition",
)


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


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    cl.language("en")


@pytest.fixture(scope="module", params=NAMES)
def notebook(request):
    """``("zh/NAME", notebook)``: named as ``tests/test_notebooks.py``'s checks expect (under notebooks/)."""
    return f"zh/{request.param}", load(request.param)


@pytest.fixture(scope="module", params=NAMES)
def pair(request):
    """``(name, English notebook, Chinese notebook)``."""
    return request.param, english.load(request.param), load(request.param)


def test_the_chinese_edition_is_every_notebook_of_the_course():
    assert sorted(p.stem for p in ZH.glob("*.ipynb")) == NAMES
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == NAMES


# --------------------------------------------------------------------------- (a) the editions cannot drift
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


# --------------------------------------------------------------------------- (b) the avoided words
def every_text(nb: dict):
    """``(cell index, cell, text)`` for every markdown cell, code cell and stored text output."""
    for i, cell in enumerate(nb["cells"]):
        yield i, cell, source(cell)
        if cell["cell_type"] == "code":
            yield i, cell, outputs_text(cell)


def glossary_cell(nb: dict) -> str:
    cells = [s for s in markdown_cells(nb) if is_glossary(s)]
    assert len(cells) == 1, f"{GLOSSARY[0]} has one glossary cell starting {GLOSSARY[1]!r}"
    return cells[0]


@pytest.mark.parametrize("name", NAMES)
def test_the_avoided_words_appear_only_in_the_glossary_cell(name):
    nb = load(name)
    for _, cell, text in every_text(nb):
        found = [w for w in AVOIDED if w in text]
        if not found:
            continue
        explained = name == GLOSSARY[0] and cell["cell_type"] == "markdown" and is_glossary(text)
        assert explained, f"{name}: {found} outside the glossary cell, in {text[:80]!r}"


def test_the_glossary_lists_the_terms_and_explains_the_other_words():
    cell = glossary_cell(load(GLOSSARY[0]))
    rows = {row.split("|")[1].strip() for row in cell.splitlines() if row.startswith("| **")}
    for term in GLOSSARY_TERMS:
        assert any(row.startswith(f"**{term}**") for row in rows), f"the glossary has no row for {term}"
    explanation = cell.split("\n\n**", 1)[1]
    for word in AVOIDED:
        assert word in explanation, f"the glossary does not explain {word}"
    assert "《不，内核和过滤器是不同的》" in explanation, "the article's Chinese title, with its words"
    d2l = next(line for line in explanation.splitlines() if "《动手学深度学习》" in line)
    assert "卷积核" in d2l and "c_i × k_h × k_w" in d2l and "滤波器" in d2l, "d2l's 卷积核 is a whole filter"


def test_start_here_names_the_article_and_its_translation_and_points_to_the_glossary():
    cells = markdown_cells(load("00_start_here"))
    n = next(i for i, s in enumerate(cells) if "No, Kernels & Filters Are Not The Same" in s)
    assert "towardsdatascience-blog-zh-2021" in cells[n], "the Chinese translation, where it is"
    assert "](#术语表)" in cells[n], "the translation's words: see the glossary"
    assert "卷积核" in cells[n] and "滤波器" in cells[n]
    assert is_glossary(cells[n + 1]), "the glossary follows the article and its translation"


def test_the_beyond_notebook_sends_the_reader_to_the_glossary():
    """08 keeps its glossary of English and framework names (as the English does) and points to 00's."""
    section = markdown_of(load("08_beyond")).split("## 6. 术语表", 1)[1].split("\n## 7.", 1)[0]
    assert "](00_start_here.ipynb#术语表)" in section
    for name in ["`kernel`", "`strides`", "`dilation_rate`", "`out_channels`", "feature map"]:
        assert name in section, f"08's glossary names {name}"


# --------------------------------------------------------------------------- (c) one term for each idea
@pytest.mark.parametrize("name", NAMES)
def test_each_idea_the_english_names_has_its_chinese_term(name):
    en_prose = prose("\n".join(markdown_cells(english.load(name)))).lower()
    zh_prose = prose(markdown_of(load(name)))
    missing = [
        f"{term} (for {pattern})"
        for pattern, term in TERMS.items()
        if re.search(pattern, en_prose) and term not in zh_prose
    ]
    assert not missing, f"{name}: the English speaks of these, the Chinese never uses the term: {missing}"


@pytest.mark.parametrize("name", NAMES)
def test_no_other_word_for_a_term(name):
    nb = load(name)
    for _, cell, text in every_text(nb):
        if name == GLOSSARY[0] and cell["cell_type"] == "markdown" and is_glossary(text):
            continue
        where = f"{name}: {text[:60]!r}"
        assert not re.search(r"(?<!卷积)核", text), f"{where}: 核 alone (a kernel is 卷积核)"
        assert not re.search(r"滤(?!波器)", text), f"{where}: 滤 outside 滤波器 (a filter is 滤波器)"
        for word, term in OTHER_WORDS.items():
            assert word not in text, f"{where}: {word} (this edition says {term})"
        plain = text.replace("**", "")
        assert plain.count("膨胀") == plain.count(DILATION_INTRODUCED), f"{where}: 膨胀 (say 空洞)"


@pytest.mark.parametrize("name", NAMES)
def test_dilation_is_named_in_full_where_a_notebook_first_speaks_of_it(name):
    cells = [s.replace("**", "") for s in markdown_cells(load(name))]
    first = next((s for s in cells if "空洞" in s), None)
    if first is not None:
        assert DILATION_INTRODUCED in first, f"{name}: the first mention of 空洞 says {DILATION_INTRODUCED}"


def test_the_takeaway_is_said_in_the_chosen_words():
    """The takeaway, in the chosen words, where the English states it (00, 09)."""
    takeaway = "卷积核是二维的，属于一个输入通道；滤波器是三维的，由 C_in 个卷积核组成，产生一个输出通道"
    for name in ("00_start_here", "09_exercises"):
        assert takeaway in prose(markdown_of(load(name))), name


# --------------------------------------------------------------------------- (d) Chinese prose throughout
def english_left(markdown: str) -> list[str]:
    """Runs of five or more English words, and lines of English with no Chinese, in the prose."""
    text = prose(markdown)
    for name in ENGLISH_NAMES:
        text = text.replace(name, " ")
    for _ in range(2):  # code written without backticks: calls, dotted and snake_case names, numbers
        text = re.sub(r"[A-Za-z_][\w.]*\([^()]*\)", " ", text)
    text = re.sub(r"\b\w+(?:\.\w+)+\b|\b\w*[_\d]\w*\b", " ", text)
    found = []
    for line in text.splitlines():
        words = re.findall(r"[A-Za-z]+(?:['’-][A-Za-z]+)*", line)
        if len(words) >= 3 and not CJK.search(line):
            found.append(line.strip())
        for run in re.split(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+", line):
            if len(re.findall(r"[A-Za-z]+(?:['’-][A-Za-z]+)*", run)) >= 5:
                found.append(run.strip())
    return found


@pytest.mark.parametrize("name", NAMES)
def test_the_prose_is_chinese(name):
    for text in markdown_cells(load(name)):
        assert CJK.search(text), f"{name}: a markdown cell with no Chinese: {text[:80]!r}"
        left = english_left(text)
        assert not left, f"{name}: English left in the prose: {left}"


def test_the_english_check_finds_english():
    """The check above can fail: an English sentence, or a line of English, is found."""
    assert english_left("这是中文。This sentence was left in English by mistake.")
    assert english_left("- the kernel and the filter")
    assert not english_left(
        "见 [*No, Kernels & Filters Are Not The Same*](https://example.org)，`cl.check(1, answer)`。"
    )


@pytest.mark.parametrize("name", NAMES)
def test_prose_uses_full_width_punctuation(name):
    """Chinese sentences end in 。，：；？！ -- not in their half-width twins right after a Chinese word."""
    text = prose(markdown_of(load(name)))
    slips = re.findall(r"[\u4e00-\u9fff][,;:?!](?=\s|$)", text, flags=re.M)
    assert not slips, f"{name}: half-width punctuation after Chinese: {slips}"


# --------------------------------------------------------------------------- (e) the course's notebook rules
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
    folding, unfolded = False, []
    for n, cell in enumerate(load(name)["cells"]):
        if cell["cell_type"] == "markdown" and source(cell).lstrip().startswith("#"):
            folding = False
        elif cell["cell_type"] == "code" and re.search(r'cl\.check\("[a-z0-9-]+", answer\)', source(cell)):
            folding = True
        elif cell["cell_type"] == "code" and folding:
            if not cell["metadata"].get("jupyter", {}).get("outputs_hidden"):
                unfolded.append(n)
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


def test_symbols_are_explained_before_they_are_used():
    assert "`⊙` 的意思" in markdown_of(load("01_the_sweep"))
    assert "`⊛` 表示第 01 课的滑动" in markdown_of(load("04_many_channels"))


def test_the_four_dimensional_kernel_is_named_as_another_convention():
    traps = re.split(r"## \d+\. 术语陷阱", markdown_of(load("08_beyond")), maxsplit=1)[1]
    first = traps.split("\n- ")[1]
    assert first.startswith("**把全部权重叫作 kernel。**") and "layer.kernel" in first and "d2l" in first
    layer_nb = markdown_of(load("06_conv2d_layer"))
    assert "Keras 把这个 4-D 权重张量叫作" in layer_nb and "layer.weights" in layer_nb
    assert "按照这种约定" in layer_nb


def test_no_repeated_sentences():
    for name in NAMES[:9]:  # the exercises ask alike questions on purpose
        sentences = [
            s.strip()
            for s in re.split(r"(?<=[。！？])", prose(markdown_of(load(name))))
            if len(s.strip()) > 15
        ]
        assert len(sentences) == len(set(sentences)), f"{name} repeats a sentence"


# --------------------------------------------------------------------------- the README's Chinese section
def test_the_readme_says_how_to_start_the_chinese_edition():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## 中文版\n", 1)[1].split("\n## ", 1)[0]
    assert "jupyter lab notebooks/zh/" in section
    assert "卷积核" in section and "滤波器" in section, "the two terms, said once"
    assert "](notebooks/zh/00_start_here.ipynb)" in section and "术语表" in section, "where the glossary is"
    assert "notebooks/figures/zh/" in section, "where the gallery's Chinese pictures go"
    for target in re.findall(r"\]\(([^)\s]+)\)", section):
        assert target.startswith("http") or (ROOT / target).exists(), f"a link to a missing {target}"
    assert not [w for w in AVOIDED if w in section], "the avoided words belong to the glossary cell"
    assert CJK.search(section) and not english_left(section)
