"""One source of words per language: every catalog has the same keys and placeholders in every language.

A key that Chinese lacks, or Chinese words that drop or rename a placeholder, fails here -- so a
missing translation is a failing test, never an English word in a Chinese picture.
"""

from __future__ import annotations

import re

import pytest

import convlesson as cl
from convlesson.core import language as lang

CJK = re.compile(r"[\u3400-\u9fff]")
#: Templates that read the same in Chinese (formulas, numbers, names), by domain and key.
SAME_IN_EVERY_LANGUAGE: dict[str, set[str]] = {domain: set() for domain in lang.DOMAINS}
# full-width punctuation around the words of an exercise, nothing to translate
SAME_IN_EVERY_LANGUAGE["exercises"] = {"slip.named", "question"}


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    cl.language("en")


@pytest.mark.parametrize("domain", lang.DOMAINS)
def test_every_language_has_every_key(domain):
    english = lang.table(domain, "en")
    for code in lang.LANGUAGES:
        other = lang.table(domain, code)
        assert set(other) == set(english), (
            f"{domain}/words/{code}.py: missing {sorted(set(english) - set(other))}, "
            f"unknown {sorted(set(other) - set(english))}"
        )


@pytest.mark.parametrize("domain", lang.DOMAINS)
def test_every_language_fills_the_same_placeholders(domain):
    english = lang.table(domain, "en")
    for code in lang.LANGUAGES:
        for key, words in lang.table(domain, code).items():
            assert lang.placeholders(words) == lang.placeholders(english[key]), f"{domain}/{code}: {key}"


@pytest.mark.parametrize("domain", lang.DOMAINS)
def test_chinese_words_are_chinese(domain):
    english = lang.table(domain, "en")
    for key, words in lang.table(domain, "zh").items():
        if key in SAME_IN_EVERY_LANGUAGE[domain]:
            continue
        assert CJK.search(words) and words != english[key], f"{domain}/zh: {key} is not translated: {words!r}"


def test_language_switches_and_refuses_what_it_does_not_speak():
    assert cl.language() == "en"
    assert cl.language("zh") == "zh" == cl.language()
    assert cl.language(" EN ") == "en"
    with pytest.raises(ValueError, match=r"language must be one of 'en' \(English\), 'zh'.*got 'fr'"):
        cl.language("fr")
    assert cl.language() == "en"
