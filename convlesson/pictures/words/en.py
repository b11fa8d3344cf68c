"""English words of ``convlesson.pictures`` (see ``words/__init__.py``)."""

WORDS: dict[str, str] = {
    # ---------------------------------------------------------------- words every picture uses
    "input": "input",
    "output": "output",
    "padding.added": " + padding",
    "filter": "filter {j}",
    "filter_named": "filter {j} · {name}",
    "map": "map {j}",
    "output_channel": "output channel {j}",
    "each": "one each",
    "n_kernels.one": "{n} kernel",
    "n_kernels.many": "{n} kernels",
    "n_filters.one": "{n} filter",
    "n_filters.many": "{n} filters",
    "numbers_hidden": "Numbers too small to read at this size are left out.",
    "numbers_hidden.colours": "Numbers too small to read at this size are left out; the colours show them.",
    # ---------------------------------------------------------------- code words, as a picture writes them
    "named.yellow minus blue": "yellow minus blue",
    "named.yellow-blue edges": "yellow-blue edges",
    "named.brightness blur": "brightness blur",
    "named.random": "random",
    "named.identity": "identity",
    "named.box blur": "box blur",
    "named.gaussian blur": "gaussian blur",
    "named.sharpen": "sharpen",
    "named.sobel x": "sobel x",
    "named.sobel y": "sobel y",
    "named.laplacian": "laplacian",
    # ---------------------------------------------------------------- one kernel sweeping one channel
    "sweep.input": "input {h}×{w}",
    "sweep.kernel": "kernel {kh}×{kw}{dilation}",
    "sweep.dilation": ", dilation {d}",
    "sweep.products": "window ⊙ kernel",
    "sweep.output": "output {oh}×{ow}",
    "sweep.step": "step {n} of {total}: output[{i}, {j}] = ",
    "sweep.sum_of_products": "the sum of the {n} products",
    # ---------------------------------------------------------------- one filter: its maps added
    "channel_sum.kernels": "kernels",
    "channel_sum.kernels_shape": "{kernels} {shape}, one per channel",
    "channel_sum.maps": "maps",
    "channel_sum.map_each": "one per kernel",
    "channel_sum.more.one": "⋮  {n} more channel ({span}), each with its own kernel and map, added in too",
    "channel_sum.more.many": "⋮  {n} more channels ({span}), each with its own kernel and map, added in too",
    "channel_sum.sum.one": "Σ of {n} map",
    "channel_sum.sum.many": "Σ of {n} maps",
    "channel_sum.bias": "+ bias {bias}",
    "channel_sum.feature_map": "one feature map ({oh}, {ow})",
    # ---------------------------------------------------------------- a layer: filters × C_in kernels
    "layer.weights": "weights",
    "layer.one_per_channel": "{kernels}, one per channel",
    "layer.maps": "maps",
    "layer.zero_to": "0 to {limit}",
    "layer.more_filters.one": "⋮  {n} more filter → {n} more map",
    "layer.more_filters.many": "⋮  {n} more filters → {n} more maps",
    "layer.more_channels.one": "⋯  {n} more channel ({span}), one more kernel each",
    "layer.more_channels.many": "⋯  {n} more channels ({span}), one more kernel each",
    "layer.more_channels_grouped.one": (
        "⋯  {n} more channel ({span}), one more kernel in each filter that reads it"
    ),
    "layer.more_channels_grouped.many": (
        "⋯  {n} more channels ({span}), one more kernel in each filter that reads it"
    ),
    # ---------------------------------------------------------------- every filter at one position
    "filter_sweep.step": "step {n} of {total}: output position {position}",
    "filter_sweep.explain": (
        "For each filter: its kernels' partial sums added (Σ), plus its bias, land in its output channel."
    ),
    "filter_sweep.plus_bias": "+ bias ({bias}) = {total}",
    "filter_sweep.equation_head": (
        "By hand, at this step (products with a 0 weight add nothing and are left out):"
    ),
    "filter_sweep.sums_head": (
        "By hand, at this step: each kernel's partial sum, + the bias (too many products to write out):"
    ),
    "equation.filter": "filter {j}: {terms}",
    # ---------------------------------------------------------------- the same layer as volumes
    "volumes.input_note": "H × W = {h} × {w}, depth C_in = {c_in}",
    "volumes.depth_c_in": "depth C_in = {c_in}",
    "volumes.filter": "filter {j}: {shape}",
    "volumes.filters": "filters",
    "volumes.kernels_each.one": "{n} kernel each",
    "volumes.kernels_each.many": "{n} kernels each",
    "volumes.map_of_filter": "map {j} ← filter {j}",
    "volumes.depth_filters": "depth = filters = {n}",
    # ---------------------------------------------------------------- the course in one picture
    "summary.kernel": "kernel",
    "summary.filter": "filter",
    "summary.layer": "layer",
    "summary.layer_shape": "4-D: filters × C_in kernels",
    "summary.for_r": "for channel R",
    "summary.kernel_caption": "A matrix of weights swept over ONE input channel.",
    "summary.filter_caption": (
        "C_in kernels, one per input channel, the same size; their maps are added, plus one bias: ONE output "
        "channel."
    ),
    "summary.layer_caption": (
        "Conv2D(filters, kernel_size): each filter makes one output channel; here {filters} filters × 3 "
        "kernels = {kernels} kernels."
    ),
    "summary.equation_title": "One output number: filter f at output position (i, j)",
    "summary.equation_words": (
        "the inner sums: kernel (c, f) times channel c's window, one partial sum; the outer sum: the filter "
        "adds its C_in partial sums; then its ONE bias. (Keras's w: (kh, kw, C_in, filters).)"
    ),
    # ---------------------------------------------------------------- a training run
    "training.this_run": "this run",
    "training.loss": "loss (log scale)",
    "training.accuracy": "share of the pictures right",
    "training.epoch": "epoch",
    # ---------------------------------------------------------------- the draw_* functions
    "draw.kernel": "kernel {shape}",
    "draw.filter": "filter, shape {shape}",
    "draw.layer": "layer weights: {filters} filters × {per} kernels = {total} kernels",
    "draw.input": "input {shape}",
    "draw.output": "output {shape}",
    "layout.kernel": "2-D (kh, kw)",
    "layout.filter": "3-D (kh, kw, C_in)",
    "layout.layer": "4-D (kh, kw, C_in/groups, filters)",
    "layout.channels": "(H, W) or (H, W, C_in)",
    "layout.maps": "(H', W') or (H', W', n)",
    "layout.input": "(H, W, C_in)",
    "what.input_channel": "input channel",
    "what.grouped_channel": "input channel (C_in = kernels per filter × groups)",
    "what.channel": "channel",
    "what.channels": "channels",
    "what.map": "map",
    # ---------------------------------------------------------------- errors a learner can cause
    "error.ax": (
        "ax must be a matplotlib Axes to draw on, got {value} ({kind}); for example fig, ax = "
        "plt.subplots(), "
        "or ax = matplotlib.figure.Figure().add_subplot()"
    ),
    "error.layout": "{name} must be {layout}, got shape {shape}",
    "error.empty": "{name} must not have an empty dimension, got shape {shape}",
    "error.title": "title must be a str (or None for the default), got {value} ({kind})",
    "error.vmax_type": (
        "vmax must be a positive number (the colour scale runs from -vmax to +vmax) or None, got {value} "
        "({kind}); for example vmax=1.0"
    ),
    "error.vmax": (
        "vmax must be a positive finite number (the colour scale runs from -vmax to +vmax), got {value}; for "
        "example vmax=1.0, or None to fit the data"
    ),
    "error.names_type": "names must be a list of {count} str, one per {what}, got {value} ({kind})",
    "error.names_count": "names must hold {count} names, one per {what}, got {got}: {value}",
    "error.groups_suffix": " dividing filters={filters}",
    "error.groups": "groups must be a positive int dividing filters={filters}, got {value}",
    "error.padding_word": (
        "padding must be amounts of zero pixels here, got {value}: an int, an (h, w) pair or ((top, bottom), "
        "(left, right)); for a padding word such as 'same' the amounts depend on the kernel: "
        "cl.padding_amounts((H, W), kernel_size, padding='same') gives them"
    ),
    "error.less_padding": "use less padding",
    "error.trace": "trace must be a SweepTrace from convlesson.sweep(...), got {kind}",
    "error.step_type": "step must be an int from 0 to {last} (the trace has {n} steps), got {value} ({kind})",
    "error.step": "step must be an int from 0 to {last} (the trace has {n} steps), got {value}",
    "error.layer": "layer must be a cl.Conv2D layer, got {value}",
    "error.volume_step": "step must be None or an int from 0 to {last}, got {value}",
}
