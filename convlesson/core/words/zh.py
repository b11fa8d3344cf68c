"""Chinese words of ``convlesson.core`` (see ``words/__init__.py``)."""

WORDS: dict[str, str] = {}
