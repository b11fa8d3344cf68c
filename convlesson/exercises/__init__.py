"""Exercises and predictions with feedback: ``cl.exercise``, ``cl.check``, ``cl.hint``, ``cl.solution``.

* :mod:`.interface` -- what a learner calls: the question, the check, a hint, the worked solution;
* :mod:`.records` -- the :class:`Exercise` and :class:`Slip` records and the named misconceptions;
* the exercises of ``09_exercises`` by topic: :mod:`.sizes`, :mod:`.filters`, :mod:`.layers`, and
  the predictions the lessons ask: :mod:`.predictions` -- the questions, hints and feedback, as
  records a teacher or translator edits without reading code;
* :mod:`.solutions` and :mod:`.prediction_solutions` -- the worked solutions, one function each
  (``cl.solution`` shows their source);
* :mod:`.grading` -- an answer of any type graded without a traceback; :mod:`.code_checks` and
  :mod:`.deadline` -- a learner's function run on test inputs, stopped after a few seconds.

May import: :mod:`convlesson.core` (the numbers an answer is checked against) -- never
:mod:`convlesson.explorers`, and :mod:`convlesson.pictures` only for an exercise that draws
(``tests/test_layers.py`` checks it).
"""

from .interface import (
    EXERCISES,
    PREDICTIONS,
    Exercise,
    Feedback,
    Question,
    check,
    exercise,
    grade,
    hint,
    solution,
)

__all__ = [
    "Exercise",
    "Feedback",
    "Question",
    "EXERCISES",
    "PREDICTIONS",
    "exercise",
    "check",
    "grade",
    "hint",
    "solution",
]
