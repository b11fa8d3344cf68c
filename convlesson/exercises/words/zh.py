"""Chinese words of ``convlesson.exercises`` (see ``words/__init__.py``)."""

WORDS: dict[str, str] = {}
