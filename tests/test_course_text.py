"""What the lessons say, read as an expert would: the words right, the sources named, the road short.

Text checks over the stored notebooks: the playground's picture called a filter of three kernels,
a kernel 2-D in a 2-D convolution, the famous first-layer pictures called filters, one sense of
"feature map", weight layouts called HWIO and OIHW (channels-first/last kept for data), 'full' said
right, the article and the other sources named in full and linked, forward references where 06 uses
what 08 teaches, the ceiling explained where it is used, the lopsided padding and 'full' recipes in
08 only, the optional section marked, Keras's "kernel" explained once in full, the exercises in
parts, an answer box beside every lesson prediction, and the numbers of the by-hand prediction the
ones 04's picture makes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import convlesson as cl
from convlesson.exercises import EXERCISES, PREDICTIONS

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
LESSONS = [n for n in NAMES if n[:2] not in ("00", "09")]


def load(name):
    return json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))


def source(cell):
    return "".join(cell["source"])


def markdown(name) -> str:
    """The notebook's markdown, paragraphs joined into single lines (a phrase may break anywhere)."""
    text = "\n\n".join(source(c) for c in load(name)["cells"] if c["cell_type"] == "markdown")
    return re.sub(r" {2,}", " ", re.sub(r"(?<!\n)\n(?![\n|#>-]|\d+\.)", " ", text))


def everything() -> str:
    return "\n".join(markdown(n) for n in NAMES)


# ---------------------------------------------------------------- point 1: the moment, by hand
def cells_of(name):
    return [c for c in load(name)["cells"]]


def test_04_asks_one_number_by_hand_before_its_picture_shows_the_step():
    cells = cells_of("04_many_channels")
    asked = next(i for i, c in enumerate(cells) if 'cl.check("step-by-hand", answer)' in source(c))
    shown = next(i for i, c in enumerate(cells) if source(c).startswith("cl.FilterSweep("))
    assert asked < shown
    call = source(cells[shown])
    assert '"filters"' in call and '"weights"' in call, "04 shows the filters and weights controls"
    # the windows the learner works from are printed before the question, and the answer is not
    printed = "".join("".join(o.get("text", "")) for c in cells[:asked] for o in c.get("outputs", []))
    assert "R's window: [[3, 2, 0], [2, 0, 1], [0, 1, 3]]" in printed
    assert not re.search(r"(?<![\d.])16(?![\d.])", printed), "the answer is printed before the question"


def test_the_by_hand_answer_is_the_number_04s_picture_makes():
    src = next(source(c) for c in cells_of("04_many_channels") if source(c).startswith("cl.FilterSweep("))
    ex = eval(src, {"cl": cl})
    try:
        step = ex.trace.step(ex.state["step"])
        answer = next(p.answer for p in PREDICTIONS if p.key == "step-by-hand")
        assert step.total[0] == answer and ex.layer.bias[0] == 2
        x5 = cl.scene(5, 3, levels=3)
        assert (step.window == x5[1:4, 1:4, :]).all(), "the printed windows are the step's"
        assert {float(v) for v in ex.layer.weights[..., 0].ravel()} == {1.0, -1.0}
        assert (ex.layer.weights[:, :, 2, 0] == -1).all() and (ex.layer.weights[:, :, :2, 0] == 1).all()
    finally:
        ex.close()


def test_one_number_is_asked_before_the_lesson_says_the_sums_are_added():
    cells = cells_of("04_many_channels")
    asked = next(i for i, c in enumerate(cells) if 'cl.check("one-number", answer)' in source(c))
    said = next(i for i, c in enumerate(cells) if "**added**" in source(c))
    assert asked < said


# ---------------------------------------------------------------- point 2: statements an expert marks
def test_the_playground_is_a_filter_of_three_kernels_on_the_plain_grey():
    text = markdown("03_kernels")
    assert "comes from one 3×3 kernel — swept over each colour channel" not in text
    assert "By the words of notebook 05 those three kernels together are a *filter*" in text
    assert "(R + G + B) / 3" in text and "0.299 R + 0.587 G + 0.114 B" in text


def test_a_kernel_is_2d_in_a_2d_convolution_and_first_layers_show_filters():
    text = markdown("03_kernels")
    assert "kernel is always 2-D" not in text
    assert "In a 2-D convolution — the kind this course is about — a kernel is 2-D" in text
    assert "end up with kernels much like these" not in text
    assert "show whole **filters**, each 11 × 11 × 3" in text and "cs231n.github.io" in text


def test_a_feature_map_is_one_output_channel_everywhere():
    assert "produces a feature map of shape `(h', w', out_dims)`" not in everything()
    assert "in this course a feature map is one of those grids, one output channel" in markdown(
        "01_the_sweep"
    )
    assert "| **feature map** | one output channel `(H', W')`" in markdown("08_beyond")


def test_channels_first_and_last_speak_of_data_only():
    for name in NAMES:
        for line in markdown(name).splitlines():
            if re.search(r"channels-(first|last)", line, re.I):
                assert re.search(r"\(N, [HC]|data|output shape", line), f"{name}: {line[:160]}"
    for ex in (*EXERCISES, *PREDICTIONS):
        if "layouts" in ex.tags or "groups" in ex.tags:
            for text in (ex.question, ex.hint, ex.right, *(s.message for s in ex.slips)):
                assert not re.search(r"channels-(first|last)", text, re.I), (ex.ident, text)
    assert "HWIO" in markdown("06_conv2d_layer") and "OIHW" in markdown("06_conv2d_layer")


def test_full_is_refused_by_the_layers_not_by_every_framework_word():
    text = everything()
    assert "not a framework word" not in text and "not** a framework" not in text
    for name in ("02_padding_and_output_size", "08_beyond"):
        assert "keras.ops.correlate" in markdown(name)


def test_the_glossary_warns_of_chinese_d2l_and_defines_the_receptive_field():
    text = markdown("08_beyond")
    assert "卷积核 for the whole `c_i × k_h × k_w` tensor" in text and "《动手学深度学习》" in text
    assert re.search(r"\| \*\*receptive field\*\* \| the input pixels one output number depends on", text)
    assert "感受野" in text


def test_corr2d_is_written_once_and_exercise_36_asks_for_it_again():
    text = markdown("01_the_sweep")
    assert "never need to write again" not in text and "Exercise 36 asks you to write `corr2d`" in text


def test_same_extra_zero_is_asked_in_08_from_the_rule_it_reasons_with():
    assert 'cl.check("same-extra-zero"' not in "".join(
        source(c) for c in cells_of("02_padding_and_output_size")
    )
    cells = cells_of("08_beyond")
    asked = next(i for i, c in enumerate(cells) if 'cl.check("same-extra-zero", answer)' in source(c))
    before = " ".join(source(c) for c in cells[:asked] if c["cell_type"] == "markdown")
    assert "`total // 2` zeros before" in " ".join(before.split())
    assert "after (bottom/right)" not in before and "goes after" not in before


# ---------------------------------------------------------------- point 4: the road through the course
def test_00_names_the_article_and_maps_its_points_to_the_notebooks():
    text = markdown("00_start_here")
    assert "Shubham Panchal" in text and "*No, Kernels & Filters Are Not The Same*" in text
    assert "*Towards Data Science*" in text and "《不，内核和过滤器是不同的》" in text
    assert "https://towardsdatascience.com/no-kernels-filters-are-not-the-same-b230ec192ac9" in text
    table = text.split("| The article's point | Where you see it |", 1)[1].split("\n\n", 1)[0]
    rows = [r for r in table.splitlines() if r.startswith("| ") and "---" not in r]
    assert len(rows) == 7
    for lesson in LESSONS[:6]:
        assert f"]({lesson}.ipynb)" in table, lesson


def test_d2l_and_cs231n_are_named_in_full_and_linked_where_cited():
    for name in NAMES:
        text = markdown(name)
        if re.search(r"\bd2l\b", text):
            assert "Dive into Deep Learning" in text and "d2l.ai" in text, name
        if "CS231n" in text:
            assert "cs231n.github.io" in text, name
    assert "Convolutional Neural Networks for Visual Recognition" in markdown("00_start_here")


def test_06_points_to_08_where_it_uses_dilation_and_groups():
    text = markdown("06_conv2d_layer")
    for line in text.splitlines():
        if re.search(r"`dilation_rate`|`groups`", line):
            assert "notebook 08" in line, line[:160]


def test_the_ceiling_is_explained_where_it_is_used():
    for name in NAMES:
        text = markdown(name)
        if "⌈" in text:
            assert "rounded **up**" in text or "(notebook 02)" in text, name
    assert "rounded **up**" in markdown("02_padding_and_output_size")


def test_lopsided_padding_and_the_full_recipes_live_in_08():
    pad = markdown("02_padding_and_output_size")
    assert "Lopsided" not in pad and "ZeroPadding2D" not in pad and "padding_amounts" not in pad
    beyond = markdown("08_beyond")
    assert "## 4. Where `'same'` puts an odd zero" in beyond and "## 5. `'full'` in a framework" in beyond
    assert "ZeroPadding2D(k − 1)" in beyond


def test_the_learned_kernel_section_is_marked_optional():
    text = markdown("03_kernels")
    assert "## 5. Optional: kernels are learned" in text and "nothing later depends on it" in text


def test_keras_s_kernel_is_explained_once_in_full():
    """06 says it well; 08's first trap repeats it as a reference; the other lessons do not."""
    full = re.compile(r"Keras calls (this|a layer's) whole 4-D (weight )?tensor")
    said = [name for name in LESSONS + ["00_start_here"] for _ in full.finditer(markdown(name))]
    assert said == ["06_conv2d_layer", "08_beyond"], said


def test_the_exercises_come_in_numbered_parts_with_a_contents_list_and_an_explanation_at_the_end():
    nb = load("09_exercises")
    text = "\n\n".join(source(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    pattern = r"^## Part (\d+) of (\d+) · (.+) \(exercises? (\d+)(?:–(\d+))? of (\d+)\)$"
    parts = re.findall(pattern, text, re.M)
    assert len(parts) >= 5
    n = len(parts)
    assert [int(p[0]) for p in parts] == list(range(1, n + 1)) and {int(p[1]) for p in parts} == {n}
    covered = [k for p in parts for k in range(int(p[3]), int(p[4] or p[3]) + 1)]
    assert covered == [ex.number for ex in EXERCISES] and {int(p[5]) for p in parts} == {len(EXERCISES)}
    contents = source(nb["cells"][0])
    for k, p in enumerate(parts, start=1):
        which = f"exercises {p[3]}–{p[4]}" if p[4] else f"exercise {p[3]}"
        assert f"{k}. {p[2]} — {which}" in contents
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings[-2:] == ["Explain it back", "When you are done"]


@pytest.mark.parametrize("name", LESSONS)
def test_every_lesson_prediction_has_an_answer_box(name):
    for cell in load(name)["cells"]:
        found = re.search(r'cl\.check\("([a-z0-9-]+)", answer\)', source(cell))
        if found and cell["cell_type"] == "code":
            key = found.group(1)
            assert f'cl.ask("{key}")' in source(cell)
            shown = [o["data"]["text/plain"] for o in cell["outputs"] if "text/plain" in o.get("data", {})]
            assert (
                "".join(shown[-1])
                == f"Answer box for prediction {key!r}: type your answer, then press Check."
            )
