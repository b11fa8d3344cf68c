"""English words of ``convlesson.explorers`` (see ``words/__init__.py``)."""

WORDS: dict[str, str] = {
    # ---------------------------------------------------------------- the controls, by their code names
    "control.input_size": "input_size",
    "control.kernel_size": "kernel_size",
    "control.strides": "strides",
    "control.padding": "padding",
    "control.dilation_rate": "dilation_rate",
    "control.step": "step",
    "control.c_in": "c_in",
    "control.filters": "filters",
    "control.kernels": "kernels",
    "control.bias": "bias",
    "control.relu": "relu",
    "control.weights": "weights",
    "control.view": "view",
    "control.groups": "groups",
    "control.kernel": "kernel",
    "control.sample": "sample",
    "control.conv_layer": "conv_layer",
    "play": "play the sweep",
    # ---------------------------------------------------------------- values a control refuses
    "true_false": "True/False",
    "error.int_type": "{name} must be a whole number from {lo} to {hi}, got {value} ({kind})",
    "error.int": "{name} must be a whole number from {lo} to {hi}, got {value}",
    "error.float_type": "{name} must be a number from {lo} to {hi}, got {value} ({kind})",
    "error.float": "{name} must be a number from {lo} to {hi}, got {value}",
    "error.choice_type": "{name} must be one of {words}; got {value} ({kind})",
    "error.choice": "{name} must be one of {words}; got {value}",
    "error.bool": "{name} must be True or False, got {value} ({kind})",
    "error.no_option": "{name} must be one of {words}; got no option (index {index})",
    "error.show_type": "show must be a list of control names such as ['kernel_size'], got {value}",
    "error.show_unknown": "show names unknown control(s) {bad}; the controls are {known}",
    "error.unknown": "unknown control(s) {unknown}; the controls are {known}",
    "error.unknown_at_start": "{name} got unknown control(s) {unknown}; its controls are {known}",
    "closed": "this {name} was closed; make a new one",
    "no_picture": "This combination has no picture: {why}",
    # ---------------------------------------------------------------- rules between controls
    "allowed.options": "one of {options}",
    "allowed.range": "from {lo} to {hi}",
    "allowed.only": "only {value}",
    "rule.refused": "{why}; {target} {allowed} works here",
    "rule.moved": "{why}; {target} is now {new}.",
    "rule.with_dilation": " with dilation_rate {d}",
    "rule.kernel_fits": (
        "kernel_size {value}{dilation} spans {span} pixels, but the padded input is only {padded} wide, so "
        "there would be no output"
    ),
    "rule.step": "step {value} is past the last output position (there are {n})",
    "rule.groups": "groups {value} does not divide both C_in = {c_in} and filters = {filters}",
    "rule.learned": "the learned layer {reason}, so {target} {value} does not fit it",
    "reason.learned_c_in": "was trained on RGB pictures: each of its filters holds 3 kernels (R, G, B)",
    "reason.learned_k": "has 3 × 3 kernels",
    "rule.learned_dilation": (
        "the learned {k} × {k} kernels with dilation_rate {value} span {span} pixels, but the padded input "
        "is "
        "only {padded} wide"
    ),
    "rule.filters_in_layer": "layer {layer} has {have} filters, so there is no filter {last} to show",
    # ---------------------------------------------------------------- what the explorers say
    "kernel_sweep.formula": "{formula}   (W' likewise)",
    "channel_sum.learned": (
        "learned: filter {j} of the trained network's first layer ({name}), which found red minus green by "
        "itself; its weights rounded to one decimal. The bias drawn is the slider's."
    ),
    "filter_bank.learned": (
        "learned: the first layer of cl.trained_network(), trained on small pictures of red and green "
        "stripes "
        "and discs, its weights rounded to one decimal as they are printed; a colour-opponent filter is "
        "named "
        "by its kernels' signs (+R −G)."
    ),
    "filter_bank.learned_weights": "learned weights",
    "filter_sweep.learned_name": "learned filter {j}, {name}",
    "filter_sweep.learned": (
        "learned: colour-opponent filters of the trained network's first layer, their weights and biases "
        "rounded to one decimal."
    ),
    "grouped.depthwise": (
        "groups = {g} = C_in (depthwise): each filter reads 1 of the {c_in} channels, so it holds 1 kernel"
    ),
    "grouped.reads.one": (
        "groups = {g}: each filter reads C_in/groups = {n} of the {c_in} channels, so it holds {n} kernel"
    ),
    "grouped.reads.many": (
        "groups = {g}: each filter reads C_in/groups = {n} of the {c_in} channels, so it holds {n} kernels"
    ),
    "grouped.kernels": "the layer holds {filters}·{per} = {total} kernels   (groups = 1: {ungrouped})",
    "grouped.parameters": (
        "parameters: {filters}·({k}·{k}·{per}) + {filters} = {total}   (groups = 1: {ungrouped})"
    ),
    "upload": "upload a picture",
    "upload.refused": "{why}. The picture stays as it was.",
    "upload.the_file": "the file",
    "upload.named": "the upload {name}",
    "playground.not_3x3": (
        "{name} is a 3×3 kernel; with kernel_size {k} the weights are random (set kernel_size to 3 to see "
        "it)."
    ),
    "playground.on_each": "{name} ÷ 3 on each of R, G, B",
    "playground.one_filter": (
        "the {name} kernel (weights ÷ 3) on each of R, G, B, the maps added: it sees the grey image."
    ),
    "playground.filters": (
        "filter 0 applies the {name} kernel to each of R, G, B (weights ÷ 3): it sees the grey image. Other "
        "filters are random."
    ),
    "error.sample": "name must be one of {names}, got {value}",
    "learned.more_than": "more than 99.9",
    "learned.says": "the network says: {answer} ({sure} % sure)",
    "learned.layer_2": (
        "layer 2's input is layer 1's 8 maps after ReLU and 2×2 max pooling (m0 to m7, up to {limit} drawn "
        "at "
        "full brightness): each of its filters holds one kernel per map."
    ),
    "learned.first_filters": "the first {f} of layer {layer}'s {n} filters are shown.",
    "learned.bank_title": "layer {layer}'s learned weights",
    "class.red vertical stripes": "red vertical stripes",
    "class.green vertical stripes": "green vertical stripes",
    "class.red horizontal stripes": "red horizontal stripes",
    "class.green horizontal stripes": "green horizontal stripes",
    "class.red disc": "red disc",
    "class.green disc": "green disc",
    # ---------------------------------------------------------------- the training run
    "training.train": "train",
    "training.epoch_of": "epoch {n} of {total}",
    "training.press": "Press train: {pictures} pictures, {epochs} epochs, seed {seed}.",
    "training.this_run": "this run: {pictures} pictures, seed {seed}",
    "training.in_grey": (
        "In grey, the run that made the shipped weights. Press train to draw a run of your own."
    ),
    "training.shipped": "shipped: {pictures} pictures, {epochs} epochs",
    "training.training": "training on {pictures} pictures …",
    "training.epoch": "epoch {n}: loss {loss}, {right} % of its pictures right",
    "training.trained": (
        "trained in {seconds} s. On {pictures} fresh pictures it never saw, it is right {right} % of the "
        "time. (In Python: run.network.)"
    ),
    # ---------------------------------------------------------------- the answer box
    "answer.label": "Your answer:",
    "answer.check": "Check",
    "answer.tooltip": "check your answer",
    "answer.too_long": "{label}: that answer is {n} characters long; answers are short.",
    "answer.empty": "{label}: type your answer in the box, then press Check.",
    "answer.failed": "{label}: this answer could not be checked ({error}).",
    "answer.repr": "Answer box for {label}: type your answer, then press Check.",
    "answer.right_mark": ": right!",
    # ---------------------------------------------------------------- a page without widgets
    "fallback.note": (
        "No sliders here: this page lacks Jupyter's widget front end. To get them, run pip install "
        "ipywidgets "
        "where Jupyter runs, reload the page and run this cell again."
    ),
}
