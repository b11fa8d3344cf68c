"""The Chinese edition's words: one set of terms, the avoided words only where they are explained,
Chinese prose throughout.

- **One set of terms** (the glossary cell of ``00_start_here``): 卷积核 for a kernel, 滤波器 for a
  filter, 步幅, 填充, 特征图, 空洞 ... The words other Chinese texts use -- the article's translation
  says 内核 and 过滤器 (and 滤镜), Chinese d2l says 卷积核 for a whole filter -- appear only in that
  glossary cell, which explains them.
- **Chinese throughout**: no English paragraph is left in the prose (code, formulas, names and the
  titles of English texts aside); the README's Chinese section too.
"""

from __future__ import annotations

import re

import pytest
import test_notebooks as english
from zh_edition import (
    CJK,
    GLOSSARY,
    NAMES,
    ROOT,
    is_glossary,
    load,
    markdown_cells,
    markdown_of,
    outputs_text,
    prose,
    source,
)

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
#: English titles and names a Chinese text quotes as they are.
ENGLISH_NAMES = (
    "No, Kernels & Filters Are Not The Same",
    "Towards Data Science",
    "CS231n: Convolutional Neural Networks for Visual Recognition",
    "Convolutional Neural Networks for Visual Recognition",
)


# --------------------------------------------------------------------------- the avoided words
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


# --------------------------------------------------------------------------- one term for each idea
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


# --------------------------------------------------------------------------- Chinese prose throughout
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


# --------------------------------------------------------------------------- symbols and conventions named
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
