"""English words of ``convlesson.exercises`` (see ``words/__init__.py``).

What ``cl.exercise``, ``cl.check``, ``cl.hint``, ``cl.solution`` and ``cl.ask`` say around an exercise's
own words (those are in ``texts/<language>/``): its label, the verdicts, the refusals of answers of the
wrong kind, the feedback on a function the learner wrote.
"""

WORDS: dict[str, str] = {
    # ------------------------------------------------------------------ records.py: naming an exercise
    "label.exercise": "Exercise {number}",
    "label.prediction": "Prediction {key}",
    "label_in_text.exercise": "exercise {number}",
    "label_in_text.prediction": "prediction {key}",
    "slip.named": "{misconception}: {feedback}",
    # ------------------------------------------------------------------ grading.py: the verdicts
    "wait.code": "{label}: replace None with the function you wrote, then run this cell again.",
    "wait.exercise": "{label}: replace None with your answer, then run this cell again.",
    "wait.exercise_choice": "{label}: replace None with your answer ({choices}), then run this cell again.",
    "wait.exercise_truefalse": (
        "{label}: replace None with your answer (True or False), then run this cell again."
    ),
    "wait.prediction": (
        "{label}: replace None with your prediction, then run this cell again — "
        "or type it in the box below and press Check."
    ),
    "wait.prediction_choice": (
        "{label}: replace None with your prediction ({choices}), then run this cell again — "
        "or type it in the box below and press Check."
    ),
    "wait.prediction_truefalse": (
        "{label}: replace None with your prediction (True or False), then run this cell again — "
        "or type it in the box below and press Check."
    ),
    "grade.right": "{label}: right! {right}",
    "grade.wrong": "{label}: not quite ({answer}). Hint: {hint}",
    "grade.not_quite": "{label}: not quite ({answer}) — {message}.",
    "grade.not_quite_as_is": "{label}: not quite ({answer}) — {message}",
    "grade.count": "the answer has {want} numbers, yours has {got}. Hint: {hint}",
    "whole.floor": (
        "sizes and counts are whole numbers; the output size is ⌊(n + p_total − k) / s⌋ + 1: "
        "the division is floored, never rounded up."
    ),
    "whole.floor_span": (
        "sizes and counts are whole numbers; the output size is ⌊(n + p_total − span) / s⌋ + 1, where "
        "the kernel spans dilation_rate · (k − 1) + 1 pixels: the division is floored, never rounded up."
    ),
    "whole.hint": "sizes and counts are whole numbers. Hint: {hint}",
    # an answer of the wrong kind
    "kind.shape": (
        "answer for {label} must be a tuple of whole numbers in parentheses, {count} of them, "
        "such as {example}, got {answer} ({type})"
    ),
    "kind.truefalse": "answer for {label} must be True or False, without quotes, got {answer} ({type})",
    "kind.int": "answer for {label} must be a whole number, without quotes, got {answer} ({type})",
    "kind.float": "answer for {label} must be a number, without quotes, got {answer} ({type})",
    "kind.choice": "answer for {label} must be one of {choices}, got {answer} ({type})",
    "kind.choice_quoted": "answer for {label} must be one of {choices}, in quotes, got {answer} ({type})",
    "kind.not_finite": "answer for {label} must be a finite number, got {answer}",
    "choice.or": "{first} or {last}",
    # ------------------------------------------------------------------ interface.py
    "verdict.not_an_answer": "{label}: not an answer yet — {reason}.",
    "verdict.unreadable": (
        "{label}: not an answer yet — this answer ({type}) could not be read ({error}); "
        "answer as the question asks, e.g. a number or a tuple."
    ),
    "format.pair": "a pair of whole numbers, e.g. {example}",
    "format.triple": "a triple of whole numbers, e.g. {example}",
    "format.tuple": "a tuple of {count} whole numbers, e.g. {example}",
    "format.int": "a whole number",
    "format.float": "a number",
    "format.truefalse": "True or False",
    "format.code": "a function you wrote",
    "get.name": (
        "n must be an exercise number from 1 to {last} or a prediction's name, got {value}. "
        "The predictions are {names}."
    ),
    "get.name_close": (
        "n must be an exercise number from 1 to {last} or a prediction's name, got {value} "
        "(did you mean {close}?). The predictions are {names}."
    ),
    "get.type": (
        "n must be an exercise number (an int from 1 to {last}) or a prediction's name "
        "(a str such as 'sweep-size'), got {value} ({type})"
    ),
    "get.number": "n must be an exercise number from 1 to {last}, got {value}",
    "question": "{label} ({topic}):\n{question}",
    "listing.exercises": (
        "{count} exercises (09_exercises), asked with cl.exercise(n) and checked with cl.check(n, answer):"
    ),
    "listing.predictions": (
        '{count} predictions, asked in the lessons before they show the answer (cl.check("name", answer)):'
    ),
    "hint": "Hint for {label}: {hint}",
    "solution": "Solution of {label}: {answer}. {right}\n\n{source}",
    "solution.code": "Solution of {label}:\n\n{source}",
    "ask.code": (
        "n {value} is an exercise that asks for a function, which no box can take: write it in a code "
        "cell and check it with cl.check({value}, your_function)"
    ),
    # ------------------------------------------------------------------ code_checks.py: a function to write
    "case.kernel": "test {number}: x of shape {x}, kernel of shape {w}",
    "case.kernel_strides": "test {number}: x of shape {x}, kernel of shape {w}, strides {strides}",
    "case.weights": "test {number}: x of shape {x}, weights of shape {w}",
    "case.weights_strides": "test {number}: x of shape {x}, weights of shape {w}, strides {strides}",
    "code.not_a_function": (
        "pass the function you wrote, e.g. cl.check({ident}, {name}), {name} without quotes; "
        "got {answer} ({type})"
    ),
    "code.not_implemented": (
        "{label}: not implemented yet — fill in the cell above ({name}), then run this check again."
    ),
    "code.time_up": (
        "{label}: {name} did not finish within {seconds} seconds ({case}), so it was stopped. "
        "Is there a loop that never ends — a while loop whose condition never becomes False?"
    ),
    "code.raised": "{label}: {name} raised {error} ({case}).",
    "code.raised_because": "{label}: {name} raised {error} ({case}). {why}",
    "code.not_yet": "{label}: not yet — {case}: {problem}",
    "code.right": "{label}: right! It matches cl.conv2d on every test input.",
    "raised.swapped": (
        "On test {number}, where C_in = filters = {c}, it runs, and its output is that of swapped "
        "weights. {swapped}"
    ),
    "raised.axes": (
        "Check the order of the weights' axes: (kh, kw, C_in, filters), so weights[:, :, c, j] is the "
        "kernel filter j applies to channel c."
    ),
    "raised.strides_argument": "{name} takes the strides as a third argument: def {name}(x, k, strides=1).",
    "raised.broadcast": (
        "A window ran past the edge of x (there the slice of x is smaller than the kernel): the last "
        "window starts at row H − kh at most (and column W − kw)."
    ),
    "result.unreadable": (
        "{name} should return an array of real numbers (a feature map), got {got} ({type}), "
        "which numpy cannot read as an array."
    ),
    "result.complex": (
        "{name} should return an array of real numbers (a feature map), but it returned complex numbers "
        "(dtype {dtype}); a convolution of real inputs is real: do not add imaginary parts."
    ),
    "result.bool": (
        "{name} should return an array of real numbers (a feature map), but it returned True/False "
        "values (dtype bool)."
    ),
    "result.other": (
        "{name} should return an array of real numbers (a feature map), got {got} ({type}, dtype {dtype})."
    ),
    "value.flipped": (
        "{misconception}: your output is the kernel flipped (mathematical convolution); deep-learning "
        "frameworks lay the kernel over the input as it is (cross-correlation), so do not flip it."
    ),
    "value.mismatch": "first mismatch at index {pos}: expected {want}, got {got}.",
    "time_up": "did not finish within {seconds} seconds",
    # ------------------------------------------------------------------ code_slips.py: the slips named
    "slips.swapped": (
        "{misconception}, channels and filters swapped: weights[:, :, c, j] is the kernel filter j applies "
        "to channel c, since the weights are (kh, kw, C_in, filters); weights[:, :, j, c] takes the "
        "filter's index as the channel and the channel's as the filter."
    ),
    "slips.averaged": "{misconception}: you averaged the per-channel maps; a filter ADDS them.",
    "slips.one_kernel": (
        "{misconception}: you swept one kernel, weights[:, :, {c}, j], over every channel; a filter holds "
        "one kernel per channel, and channel c is swept by its own, weights[:, :, c, j]."
    ),
    "slips.first_channel": "only the first channel counted; add the maps of all C_in channels.",
    "slips.no_jump": (
        "the windows do not jump: with strides {s} the window for output (i, j) starts at input row "
        "i · {s} and column j · {s}, not at row i and column j."
    ),
    "shape.only": "expected shape {want}, got {got}. ",
    "shape.forgot_strides": (
        "expected shape {want}, got {got}. {misconception}: that is the map with strides 1, every "
        "position; with strides {s} the kernel jumps {s} pixels at a time, so the map is {size}."
    ),
    "shape.input_size": (
        "expected shape {want}, got {got}. That is the input's size: this exercise uses no padding, "
        "so the output is {size}."
    ),
    "shape.full": (
        "expected shape {want}, got {got}. That is 'full' padding; sweep only where the kernel fits inside x."
    ),
    "shape.off_by_one": (
        "expected shape {want}, got {got}. {misconception}: the kernel's first position counts too: "
        "the windows start at the rows in {first}."
    ),
    "shape.summed_filters": (
        "expected shape {want}, got {got}. {misconception}: each filter adds ITS OWN kernels' maps into "
        "one map, and the filters' maps are stacked, one output channel per filter: (H', W', filters)."
    ),
    "shape.read_swapped": (
        "expected shape {want}, got {got}. You read the weights' shape as (kh, kw, filters, C_in): {swapped}"
    ),
    "shape.one_map_per_kernel": (
        "expected shape {want}, got {got}. {misconception}: you kept one map per input channel; "
        "a filter ADDS its C_in per-channel maps into one map."
    ),
    "shape.channels_first": (
        "expected shape {want}, got {got}. {misconception}: this exercise is channels-last, like Keras: "
        "the filters axis goes last, (H', W', filters)."
    ),
    "shape.stack": (
        "expected shape {want}, got {got}. One output channel per filter: stack the filters' maps on a "
        "last axis."
    ),
}
