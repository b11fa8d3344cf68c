"""Exercises 24–39 of ``09_exercises``, in English: layers, chains, groups, code to write, and cost.

For each exercise, by its number: its ``topic`` (a few words shown after it), the
``question``, a ``hint``, ``right`` (why the answer is right, shown after "right!"), and ``slips``: the
feedback for each known wrong answer, keyed by that answer. Edit the words freely; the answers and
which misconception each slip is are in ``convlesson/exercises/layers.py``.
"""

TEXTS = {
    24: {
        "topic": "the layer's output shape",
        "question": (
            "A batch of shape (10, 20, 20, 3) goes through Conv2D(4, 3, activation='relu')\n"
            "(padding 'valid', strides 1). What is the output shape?"
        ),
        "hint": ("Batch stays, each side shrinks by kernel_size − 1, and the channels become `filters`."),
        "right": "(10, 18, 18, 4): each of the 4 filters makes one 18 × 18 map per image.",
        "slips": {
            (10, 18, 18, 3): "the output has one channel per FILTER (4), not per input channel",
            (10, 20, 20, 4): "with 'valid', each side is 20 − 3 + 1 = 18",
            (18, 18, 4): "keep the batch axis: 10 images in, 10 feature maps out",
            (
                10,
                18,
                18,
                12,
            ): "each filter's 3 per-channel maps are added into ONE map, so 4 channels, not 4 × 3",
            (10, 4, 18, 18): "this question is channels-last, like Keras: (N, H', W', filters)",
            (10, 18, 18, 1): (
                "each filter adds ITS OWN kernels' maps into one map; the 4 filters' maps are not "
                "added together but stacked, one output channel per filter: 4 channels"
            ),
            (10, 17, 17, 4): "the first position counts too: 20 − 3 + 1 = 18",
        },
    },
    25: {
        "topic": "output shape with 'same'",
        "question": (
            "Conv2D(8, 3, padding='same') (strides 1) on an input of shape (32, 32, 3).\n"
            "What is the output shape (channels-last)?"
        ),
        "hint": "'same' with strides 1 keeps the height and width; then count the output channels.",
        "right": "(32, 32, 8): 'same' keeps 32 × 32, and each of the 8 filters makes one map.",
        "slips": {
            (32, 32, 24): (
                "each filter's 3 kernels make 3 maps, but the filter ADDS them into ONE: 8 channels, not 24"
            ),
            (30, 30, 8): "'same' pads so that, with strides 1, the output keeps the input's 32 × 32",
            (32, 32, 3): "the output has one channel per FILTER (8), not per input channel",
            (8, 32, 32): "this question asks channels-last, like Keras: (H', W', filters)",
            (32, 32, 1): (
                "each filter adds ITS OWN 3 kernels' maps into one map; the 8 filters' maps are "
                "stacked, not added: one output channel per filter, 8"
            ),
        },
    },
    26: {
        "topic": "parameter count",
        "question": "How many trainable parameters does Conv2D(4, 5) have on an RGB (3-channel) input?",
        "hint": "Weights: filters × (kernel_size² × C_in); then the biases.",
        "right": "4 × (5·5·3) + 4 = 300 weights + 4 biases = 304.",
        "slips": {
            300: "each filter has one bias, so add `filters` to the weights",
            312: "a filter has ONE bias, however many kernels it holds: 300 weights + 4 biases",
            104: "each filter holds C_in = 3 kernels, one per input channel",
            100: (
                "each filter holds 3 kernels (4 × 25 counts one per filter); and each filter has one "
                "bias, so add `filters` to the weights"
            ),
            76: "that is one filter (75 weights + 1 bias); the layer has 4 filters",
            64: "kernel_size 5 means 5 × 5 = 25 weights per kernel: 4 × (5·5·3) + 4",
            303: "the bias count is one per filter (4), not one per input channel",
        },
    },
    27: {
        "topic": "parameter count",
        "question": "How many trainable parameters does Conv2D(48, 3) have on a 24-channel input?",
        "hint": "Each of the 48 filters holds 24 kernels of 3 × 3 weights, and has one bias.",
        "right": "48 × (3·3·24) + 48 = 10368 + 48 = 10416.",
        "slips": {
            10368: "each filter has one bias, so add `filters` to the weights",
            11520: "a filter has ONE bias, not one per kernel: 10368 + 48",
            480: "each filter holds C_in = 24 kernels, one per input channel",
            432: (
                "each filter holds 24 kernels (48 × 9 counts one per filter); and each filter has one "
                "bias, so add `filters` to the weights"
            ),
            10392: "the bias count is one per filter (48), not one per input channel",
        },
    },
    28: {
        "topic": "weight layouts",
        "question": (
            "Keras stores a Conv2D layer's weights as one 4-D tensor of shape (3, 3, 16, 32) = "
            "(kh, kw, C_in,\n"
            "filters). What shape does PyTorch's nn.Conv2d.weight store the same weights in?"
        ),
        "hint": "PyTorch's nn.Conv2d.weight is (out_channels, in_channels, kh, kw).",
        "right": "(32, 16, 3, 3); cl.keras_to_torch does weights.transpose(3, 2, 0, 1).",
        "slips": {
            (16, 32, 3, 3): "PyTorch puts out_channels (= filters = 32) first",
            (3, 3, 16, 32): "that is Keras's layout; PyTorch moves the two channel axes to the front",
            (32, 3, 3, 16): "PyTorch's weight layout is OIHW: (out_channels, in_channels, kh, kw)",
        },
    },
    29: {
        "topic": "a chain: kernels per filter",
        "question": (
            "An RGB input goes through Conv2D(6, 3), then Conv2D(10, 3) (both 'valid', strides "
            "1).\n"
            "How many kernels does each filter of the SECOND layer hold?"
        ),
        "hint": ("A filter holds one kernel per channel of ITS input. What is the second layer's input?"),
        "right": (
            "Layer 2's input is layer 1's output, 6 channels (one per layer-1 filter): 6 kernels per filter."
        ),
        "slips": {
            3: "3 is the RGB input's channels; layer 2's input is layer 1's output, 6 channels",
            10: "10 is how many filters layer 2 has; each holds one kernel per input channel",
            60: "60 is all of layer 2's kernels (10 filters × 6); the question asks per filter",
            18: "18 is all of layer 1's kernels (6 filters × 3); layer 2's filters each hold 6",
            1: (
                "a filter holds one kernel per channel of its input, and layer 2's input has 6 "
                "channels (layer 1's 6 maps): 6 kernels per filter"
            ),
        },
    },
    30: {
        "topic": "a chain: all the kernels",
        "question": (
            "An RGB input goes through Conv2D(6, 3), then Conv2D(10, 3) (both 'valid', strides "
            "1).\n"
            "How many 2-D kernels do the two layers hold together?"
        ),
        "hint": (
            "Layer by layer: filters × kernels per filter, where layer 2's filters see layer 1's 6 channels."
        ),
        "right": "Layer 1: 6 × 3 = 18; layer 2: 10 × 6 = 60; together 78.",
        "slips": {
            48: "layer 2's filters see layer 1's 6 output channels, not the 3 RGB ones: 18 + 10 × 6",
            16: "6 + 10 counts filters; each filter holds one kernel per input channel",
            60: "that is layer 2 alone; add layer 1's 6 × 3 = 18",
            18: "that is layer 1 alone; add layer 2's 10 × 6 = 60",
            702: ("that counts weights (78 kernels × 9, without the biases); the question asks for kernels"),
        },
    },
    31: {
        "topic": "a chain: all the parameters",
        "question": (
            "An RGB input goes through Conv2D(6, 3), then Conv2D(10, 3) (both 'valid', strides "
            "1).\n"
            "How many trainable parameters do the two layers hold together?"
        ),
        "hint": (
            "Layer by layer: filters × (3 · 3 · C_in) + filters, where layer 2's C_in is layer 1's filters."
        ),
        "right": "Layer 1: 6 × 27 + 6 = 168; layer 2: 10 × 54 + 10 = 550; together 718.",
        "slips": {
            702: "each filter has one bias, so add `filters` to the weights: 162 + 6 and 540 + 10",
            780: "one bias per FILTER: 6 + 10 biases, not 18 + 60",
            448: "layer 2's input has layer 1's 6 channels: 10 × (3 · 3 · 6) + 10",
            168: "that is layer 1 alone; add layer 2's 550",
            550: "that is layer 2 alone; add layer 1's 168",
        },
    },
    32: {
        "topic": "grouped convolution: kernels",
        "question": (
            "Conv2D(filters=8, kernel_size=3, groups=2) on a 4-channel input.\n"
            "How many 2-D kernels does the layer hold?"
        ),
        "hint": (
            "groups=2 splits the input channels into 2 groups; each filter sees the channels of "
            "one group only."
        ),
        "right": "Each filter sees C_in / groups = 2 channels, so holds 2 kernels: 8 × 2 = 16.",
        "slips": {
            32: "with groups=2 each filter sees only C_in / groups = 2 channels: 8 × 2",
            8: (
                "8 counts one kernel per filter, or one group's kernels alone (4 filters × 2); each "
                "of the 8 filters holds C_in / groups = 2 kernels: 8 × 2"
            ),
            4: ("groups splits the input channels, not the filters: all 8 filters stay, 2 kernels each"),
        },
    },
    33: {
        "topic": "grouped convolution: the weights' shape",
        "question": (
            "The same layer, Conv2D(filters=8, kernel_size=3, groups=2) on a 4-channel input: "
            "what is the shape\n"
            "of its 4-D weights in Keras's layout (kh, kw, C_in / groups, filters)?"
        ),
        "hint": "Each filter holds one kernel per channel it sees.",
        "right": "(3, 3, 2, 8): 8 filters, each a stack of 2 kernels.",
        "slips": {
            (3, 3, 4, 8): "with groups=2 each filter sees only 4 / 2 = 2 channels",
            (8, 2, 3, 3): "this question asks Keras's layout, (kh, kw, C_in / groups, filters)",
            (3, 3, 8): (
                "the 4-D weights keep an axis for the channels each filter sees: every filter is a "
                "(3, 3, 2) stack of 2 kernels, so (kh, kw, C_in / groups, filters)"
            ),
            (3, 3, 2, 4): "groups splits the input channels, not the filters: all 8 filters stay",
        },
    },
    34: {
        "topic": "depthwise convolution",
        "question": (
            "A depthwise convolution on a 32-channel input: groups=32, 32 filters, kernel_size 3, "
            "with bias.\n"
            "How many trainable parameters?"
        ),
        "hint": "With groups = C_in each filter sees one channel, so it holds one kernel.",
        "right": "32 filters × 1 kernel × 9 weights + 32 biases = 320.",
        "slips": {
            9248: (
                "that is an ordinary convolution; with groups=32 each filter holds C_in / groups = 1 kernel"
            ),
            288: "each filter has one bias, so add `filters` to the weights",
            9216: (
                "that is an ordinary convolution's weights, 32 × 32 × 9, with the biases forgotten "
                "too; with groups=32 each filter holds C_in / groups = 1 kernel of 9 weights, and "
                "has one bias"
            ),
        },
    },
    35: {
        "topic": "1 × 1 convolution",
        "question": (
            "Conv2D(16, 1), a 1 × 1 convolution, on a 64-channel input. How many trainable parameters?"
        ),
        "hint": "A 1 × 1 kernel is a single weight; how many kernels does each filter hold?",
        "right": (
            "16 filters × 64 kernels of 1 weight + 16 biases = 1040: a 1 × 1 filter still mixes "
            "all 64 channels."
        ),
        "slips": {
            32: "each filter holds C_in = 64 one-weight kernels, one per input channel",
            1024: "each filter has one bias, so add `filters` to the weights",
            2048: "a filter has ONE bias, not one per kernel: 1024 + 16",
        },
    },
    36: {
        "topic": "implement the sweep with strides",
        "question": (
            "Write my_corr2d(x, k, strides=1): sweep the 2-D kernel k (kh, kw) over the single "
            "channel x (H, W)\n"
            "with no padding, moving it `strides` pixels at a time (down and across), and return "
            "the feature\n"
            "map, of shape (⌊(H − kh) / strides⌋ + 1, ⌊(W − kw) / strides⌋ + 1). With strides=1 "
            "it is 01's\n"
            "corr2d."
        ),
        "hint": (
            "Start from 01's corr2d: only two things change. How many output positions are there "
            "(the shape in the question)? And after i steps down and j steps across, how many "
            "pixels has the kernel moved: where does the window of output (i, j) start in x?"
        ),
        "right": "It matches cl.conv2d on every test input.",
    },
    37: {
        "topic": "implement a multi-channel convolution",
        "question": (
            "Write my_conv2d(x, weights): x is (H, W, C_in), weights is (kh, kw, C_in, filters). "
            "Return the\n"
            "(H − kh + 1, W − kw + 1, filters) output, strides 1, no padding, no bias. You may "
            "use my_corr2d."
        ),
        "hint": (
            "weights[:, :, c, j] is the kernel filter j applies to channel c. For each filter j, "
            "sweep every channel with its kernel and add the C_in maps: that sum is output "
            "channel j."
        ),
        "right": "It matches cl.conv2d on every test input.",
    },
    38: {
        "topic": "a layer's multiply-adds",
        "question": (
            "Conv2D(8, 3, padding='same') (strides 1) on ONE input of shape (32, 32, 16).\n"
            "How many multiply-adds does it take to compute the whole output (leave the biases out)?"
        ),
        "hint": (
            "One output number is one filter at one position: how many products does it add up? Then "
            "count the output numbers: (H', W', filters)."
        ),
        "right": (
            "One output number takes 3 · 3 · 16 = 144 products (9 for each of the filter's 16 kernels), "
            "and the output holds 32 · 32 · 8 numbers: 8192 × 144 = 1,179,648."
        ),
        "slips": {
            1036800: "with 'same' and strides 1 the output keeps 32 × 32, not 30 × 30",
            73728: (
                "one output number adds the products of ALL the filter's 16 kernels, one per input "
                "channel: 3 · 3 · 16 = 144, not 9"
            ),
            147456: "that is one output channel; each of the 8 filters makes its own: × 8",
            1160: (
                "that is the number of parameters; each weight is used again at every one of the "
                "32 × 32 positions"
            ),
            1152: (
                "that is the number of weights, each counted once; each is used at every one of the "
                "32 × 32 positions"
            ),
        },
    },
    39: {
        "topic": "depthwise: kernels per filter",
        "question": (
            "A depthwise convolution with two filters per channel: Conv2D(filters=48, kernel_size=3, "
            "groups=24)\n"
            "on a 24-channel input (PyTorch: nn.Conv2d(24, 48, 3, groups=24)). How many 2-D kernels "
            "does EACH filter\n"
            "hold, and how many does the layer hold? Answer (per filter, in the layer)."
        ),
        "hint": (
            "groups = 24 splits the 24 channels into groups of C_in / groups; a filter holds one "
            "kernel per channel of its group."
        ),
        "right": (
            "Each filter sees C_in / groups = 1 channel, so it holds 1 kernel; 48 filters hold 48 "
            "kernels (2 of them read each channel)."
        ),
        "slips": {
            (24, 1152): (
                "that is an ordinary Conv2D(48, 3): with groups=24 each filter sees only 24 / 24 = 1 channel"
            ),
            (2, 96): (
                "2 is how many filters each group has (48 / 24); each of those filters sees one "
                "channel, so it holds 1 kernel"
            ),
            (1, 24): "there are 48 filters, not 24: each holds its own kernel, 48 in all",
            (2, 48): (
                "the 2 filters of a group each hold 1 kernel for that group's one channel; 48 kernels "
                "in all is right"
            ),
        },
    },
    40: {
        "topic": "a learned filter on a flat patch",
        "question": (
            "A trained first-layer filter holds three 3 × 3 kernels: the weights of its R kernel add "
            "up to +3,\n"
            "those of its G kernel to −2 and those of its B kernel to 0; its bias is 0. What number "
            "does it make\n"
            "on a flat yellow patch, where every pixel is R = 1, G = 1, B = 0?"
        ),
        "hint": (
            "On a flat patch every pixel under a kernel is the same, so a kernel's partial sum is the "
            "sum of its weights times its channel's value. Then the filter adds its partial sums."
        ),
        "right": (
            "R: 3 × 1 = 3, G: −2 × 1 = −2, B: 0 × 0 = 0; added, plus the bias 0: 1. Red alone would "
            "give 3 and green alone −2: yellow, as red as it is green, lands in between."
        ),
        "slips": {
            3: "that is the R kernel's partial sum alone; the filter adds all three kernels' sums",
            (3, -2, 0): "those are the three partial sums; the filter adds them into ONE number",
            1 / 3: "the partial sums are added, not averaged: 3 − 2 + 0",
            0.33: "the partial sums are added, not averaged: 3 − 2 + 0",
            5: "the G kernel's weights add up to −2: on G = 1 its partial sum is −2, so it subtracts",
        },
    },
}
