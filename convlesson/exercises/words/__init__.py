"""The words of ``convlesson.exercises``, one catalog per language (see :mod:`convlesson.core.language`).

``en.py`` and ``zh.py`` each hold ``WORDS = {key: template}`` with the same keys and the same
placeholders; edit the words freely, keep the keys and the ``{names}`` in braces.
"""
