"""The exercises' and predictions' words in English (see :mod:`convlesson.exercises.texts`)."""
