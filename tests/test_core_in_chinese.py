"""After ``cl.language("zh")`` the core's refusals speak Chinese: every bad value of ``test_bad_input``'s
catalogue passed to a function of ``convlesson.core`` is refused in a Chinese sentence that still names
the parameter, and ``cl.language("en")`` gives back the English message, word for word.
"""

from __future__ import annotations

import re

import pytest
from test_bad_input import CATALOGUE, _short, outcome
from test_exercises_in_chinese import CJK, english_left

import convlesson as cl

#: What a refusal may keep in English besides code: the names of types and file formats, how Python
#: writes a value (nan, b'3'), the letters and words of a layout written as code ((h, w), ((top, bottom),
#: (left, right))), the unit GiB, and `size`, which a refusal of another parameter suggests changing.
KEPT = {
    *("NoneType", "bytes", "complex", "ndarray", "Fraction", "dict", "object", "nan", "inf", "NaN", "b"),
    *("h", "top", "bottom", "left", "right", "GiB", "PNG", "JPEG", "PIL", "Pillow", "size"),
}
#: numpy's own reason for not reading an array, passed on as numpy words it.
NUMPY_SAYS = re.compile(r"numpy 读不了它（.*）")


def _in_core(entry) -> bool:
    func = getattr(cl, entry.function, None)
    return getattr(func, "__module__", "").startswith("convlesson.core")


CORE_CASES = [
    pytest.param(entry, value, id=f"{entry.function}-{entry.param}-{i}-{_short(value)}")
    for entry in CATALOGUE
    if _in_core(entry)
    for i, value in enumerate(entry.bad)
]


def test_the_walk_reaches_the_core():
    assert len({p.values[0].function for p in CORE_CASES}) >= 10 and len(CORE_CASES) > 300


@pytest.mark.parametrize(("entry", "value"), CORE_CASES)
def test_a_bad_value_is_refused_in_chinese_and_in_english_as_before(entry, value):
    english = outcome(entry, value)
    cl.language("zh")
    try:
        kind, message = outcome(entry, value)
    finally:
        cl.language("en")
    assert kind == "clean", message
    assert CJK.search(message), message
    left = set(english_left(NUMPY_SAYS.sub("", message))) - KEPT - {entry.param, entry.function}
    assert not left, f"English left {sorted(left)} in {message!r}"
    assert outcome(entry, value) == english
