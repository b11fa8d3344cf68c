"""Chinese words of ``convlesson.pictures`` (see ``words/__init__.py``)."""

WORDS: dict[str, str] = {}
