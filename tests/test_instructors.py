"""INSTRUCTORS.md speaks of the course as it is: its predictions, slips and notebooks exist.

The lecture plan names predictions by their keys (**sweep-size**) and slips by the words ``cl.check``
starts their feedback with; when a lesson or an exercise changes them, this test says which line of
the plan to update.
"""

from __future__ import annotations

import re
from pathlib import Path

from convlesson.exercises.predictions import PREDICTIONS
from convlesson.exercises.texts.en.misconceptions import WORDS

ROOT = Path(__file__).resolve().parents[1]
TEXT = (ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    return TEXT.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_every_prediction_named_is_one_the_lessons_ask():
    named = set(re.findall(r"\*\*([a-z0-9]+(?:-[a-z0-9]+)+)\*\*", TEXT))
    assert len(named) >= 10
    assert not named - {p.key for p in PREDICTIONS}, "INSTRUCTORS.md names predictions that do not exist"


def test_every_slip_in_the_table_is_one_cl_check_names():
    rows = [
        line.split("|")[1].strip()
        for line in section("Where learners stumble").splitlines()
        if line.startswith("| ") and not line.startswith("| slip")
    ]
    named = {slip.strip() for row in rows for slip in row.split(";")}
    assert len(named) >= 15
    assert not named - set(WORDS.values()), "INSTRUCTORS.md names slips cl.check does not"
    assert not set(WORDS.values()) - named, "cl.check names slips the lecture plan leaves out"


def test_the_lecture_goes_through_notebooks_that_exist():
    plan = section("The 50 minutes").split("### Optional")[0]
    numbers = sorted(set(re.findall(r"^\| [0-9–]+ \| ([0-9]{2}) · ", plan, flags=re.M)))
    assert numbers == ["00", "01", "02", "03", "04", "05", "06"]
    for number in numbers:
        assert list((ROOT / "notebooks").glob(f"{number}_*.ipynb")), number
