"""Chinese words of ``convlesson.explorers`` (see ``words/__init__.py``)."""

WORDS: dict[str, str] = {}
