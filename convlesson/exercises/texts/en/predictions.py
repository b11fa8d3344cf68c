"""The predictions the lesson notebooks ask before they show, in English: keyed by their short names.

For each prediction, by its name: its ``topic`` (a few words shown after it), the
``question``, a ``hint``, ``right`` (why the answer is right, shown after "right!"), and ``slips``: the
feedback for each known wrong answer, keyed by that answer. Edit the words freely; the answers and
which misconception each slip is are in ``convlesson/exercises/predictions.py``.
"""

TEXTS = {
    "sweep-size": {
        "topic": "the feature map's size",
        "question": (
            "A 3 × 3 kernel sweeps a 5 × 5 channel with strides 1 and no padding.\n"
            "What is the shape of the feature map, (rows, columns)?"
        ),
        "hint": (
            "Count the places where the whole 3 × 3 kernel fits inside the 5 × 5 channel, down and across."
        ),
        "right": "5 − 3 + 1 = 3 positions down and 3 across: a 3 × 3 feature map.",
        "slips": {
            (5, 5): "the kernel cannot hang over the edge, so it fits at only 5 − 3 + 1 places each way",
            (2, 2): "the first position counts too: 5 − 3 + 1 = 3",
            9: "9 is how many positions there are; answer the shape as a pair (rows, columns)",
        },
    },
    "stride-positions": {
        "topic": "positions with strides",
        "question": (
            "A 3 × 3 kernel moves along a 7-pixel row with strides 2 (no padding).\n"
            "At how many positions does it stop?"
        ),
        "hint": (
            "List the kernel's left edges: 0, 2, … and stop when the kernel would run past the row's end."
        ),
        "right": "Left edges 0, 2 and 4: ⌊(7 − 3) / 2⌋ + 1 = 3.",
        "slips": {
            5: "5 is for strides 1; with strides 2 the left edges are 0, 2, 4, …",
            4: ("a window starting at pixel 6 would need pixels 6, 7 and 8, and the row ends at pixel 6"),
            2: "(7 − 3) / 2 = 2 steps, plus the first position",
            9: (
                "9 counts the positions of a whole 2-D sweep: on a 7 × 7 channel with strides 2 the "
                "kernel stops at 3 places in each of 3 rows, 3 × 3 = 9 (and the 5 × 5 sweep with "
                "strides 1 had 9 too); along ONE 7-pixel row it stops at left edges 0, 2 and 4"
            ),
        },
    },
    "padding-sizes": {
        "topic": "'valid', 'same' and 'full'",
        "question": (
            "A 5 × 5 channel and a 3 × 3 kernel, strides 1. What are the output widths with "
            "'valid', 'same'\n"
            "and 'full'? Answer a triple (valid, same, full)."
        ),
        "hint": (
            "'valid' pads nothing, 'same' pads enough to keep the size, 'full' lets the kernel "
            "hang k − 1 pixels over each edge."
        ),
        "right": "5 − 3 + 1 = 3; 'same' keeps 5; 'full' pads 2 on each side: 5 + 4 − 3 + 1 = 7.",
        "slips": {
            (3, 5, 5): "'full' pads k − 1 = 2 zeros on EACH side, 4 in all, not 2 in all: 5 + 4 − 3 + 1",
            (3, 5, 9): (
                "the kernel must still overlap the channel by a pixel: k − 1 zeros on each side, not k"
            ),
            (3, 3, 3): "'same' and 'full' pad the channel before the sweep, so they shrink it less",
            (5, 5, 7): "with 'valid', 5 − 3 + 1 = 3",
            (7, 5, 3): "the order asked is (valid, same, full)",
        },
    },
    "same-extra-zero": {
        "topic": "TensorFlow's odd zero",
        "question": (
            "TensorFlow's 'same' padding on a 6-pixel row, kernel_size 3, strides 2: the padding "
            "needs ONE zero\n"
            "in all. Does it go 'before' (left/top) or 'after' (right/bottom)?"
        ),
        "hint": "TensorFlow splits the total padding as total // 2 before and the rest after.",
        "right": ("1 // 2 = 0 zeros before and 1 after: TensorFlow puts the odd zero after (bottom/right)."),
        "slips": {
            "before": (
                "total // 2 zeros go before and the rest after, so a single zero goes after "
                "(bottom/right); PyTorch's padding='same' does the same for an even kernel at stride "
                "1"
            ),
        },
    },
    "rectangular-output": {
        "topic": "a rectangular kernel",
        "question": (
            "A kernel of kernel_size (1, 5) (1 tall, 5 wide) sweeps a 64 × 64 channel, padding "
            "'valid',\n"
            "strides 1. What is the feature map's shape (H', W')?"
        ),
        "hint": "Each axis shrinks by its own kernel size minus 1.",
        "right": "The height shrinks by 1 − 1 = 0 and the width by 5 − 1 = 4: (64, 60).",
        "slips": {
            (60, 64): "(1, 5) is (height, width): 1 tall and 5 wide, so only the width shrinks",
            (60, 60): "a 1 × 5 kernel is 1 tall, so the height does not shrink",
            (64, 64): "the 5-wide kernel fits at 64 − 5 + 1 places across",
            (63, 60): "a 1-tall kernel fits at every row: 64 − 1 + 1 = 64",
        },
    },
    "kernels-for-one-map": {
        "topic": "kernels for one map",
        "question": (
            "An input has 8 channels, and we want ONE output map (one output channel).\n"
            "How many 2-D kernels take part in making it?"
        ),
        "hint": ("A kernel is 2-D and belongs to one input channel; every channel contributes to the map."),
        "right": "8 kernels, one per input channel, their maps added into one map.",
        "slips": {
            1: (
                "a kernel is 2-D and belongs to ONE input channel, so each of the 8 channels needs "
                "its own kernel: 8 kernels, one per input channel, their maps added into one map"
            ),
            64: (
                "one map needs one kernel per input channel, 8 in all, their maps added into it; 8 × "
                "8 = 64 kernels would make 8 maps"
            ),
        },
    },
    "one-number": {
        "topic": "one output number",
        "question": (
            "At one output position, three kernels (one per input channel) give the partial sums "
            "4, −2 and 1\n"
            "on their channels, and the output map's bias is −1. What number lands in the output "
            "map?"
        ),
        "hint": "The partial sums are added, then the bias is added once.",
        "right": "4 − 2 + 1 = 3, plus the bias −1: 2.",
        "slips": {
            3: "add the bias, −1, after the sum",
            (4, -2, 1): "the three partial sums are ADDED into ONE number",
            (3, -3, 0): (
                "the three partial sums are added into one number, and the bias is added once, to the sum"
            ),
            0: ("the partial sums are ADDED (not averaged), and the bias is added once, not once per kernel"),
            6: "mind the sign: 4 + (−2) + 1 + (−1)",
        },
    },
    "step-by-hand": {
        "topic": "one output number, by hand",
        "question": (
            "At step 5 of the sweep below, the three 3 × 3 windows printed above (R, G, B) meet three "
            "kernels:\n"
            "every weight of R's kernel and of G's is +1, every weight of B's is −1; the bias is 2.\n"
            "What number lands in the output map at that step?"
        ),
        "hint": (
            "Each kernel's products summed: with weights of +1 that is its window's sum, with −1 minus "
            "it. Then add the three partial sums, and the bias once."
        ),
        "right": "R: 12, G: 8, B: −6 (its window sums to 6, times −1); 12 + 8 − 6 = 14, plus the bias 2: 16.",
        "slips": {
            14: "add the bias, 2, after the three partial sums",
            28: "B's kernel is −1 everywhere, so B's partial sum is −6, not 6: 12 + 8 − 6 + 2",
            22: "B's kernel adds its part too: −6 (its window sums to 6, times −1), so 12 + 8 − 6 + 2",
            (12, 8, -6): "those are the three partial sums; they are ADDED into one number, plus the bias",
            20 / 3: "the partial sums are ADDED, not averaged: 12 + 8 − 6 = 14, then the bias",
            20: "the bias is added once, to the sum of the partial sums: 14 + 2, not 14 + 3 · 2",
        },
    },
    "layer-kernels": {
        "topic": "kernels in a layer",
        "question": "Conv2D(16, 3) on an 8-channel input. How many 2-D kernels does the layer hold?",
        "hint": "Each filter holds one kernel per input channel.",
        "right": "16 filters × 8 kernels each = 128 kernels.",
        "slips": {
            16: "each filter holds one kernel per input channel, 8 here",
            8: "each of the 16 filters has its own 8 kernels",
            144: "kernel_size 3 is the size of each kernel, not a count: 16 × 8",
            1152: "16 × 8 × 3 × 3 counts numbers; a kernel is one 3 × 3 matrix",
        },
    },
    "weights-shape": {
        "topic": "the layer's 4-D weights",
        "question": (
            "Conv2D(2, 3) on an RGB input. What is the shape of the layer's 4-D weights "
            "(layer.weights),\n"
            "in Keras's layout, where the axis that counts the filters comes last?"
        ),
        "hint": (
            "Keras's order is (kh, kw, C_in, filters): the kernel's size, then one axis per "
            "channel, then one per filter."
        ),
        "right": "(kh, kw, C_in, filters): 2 filters, each a stack of 3 kernels of 3 × 3.",
        "slips": {
            (2, 3, 3, 3): (
                "(out_channels, in_channels, kh, kw) puts the 2 filters first; Keras's HWIO layout "
                "puts the filters' axis last: (kh, kw, C_in, filters)"
            ),
            (3, 3, 2, 3): "C_in (3) comes before filters (2): (kh, kw, C_in, filters)",
            (3, 3, 3): "that is ONE filter, (kh, kw, C_in); the layer stacks its 2 filters on a last axis",
            (3, 3, 6): "the 6 kernels are arranged as 3 channels × 2 filters: one axis each",
            (3, 3, 2): (
                "each of the 2 filters is a stack of C_in = 3 kernels, (3, 3, 3); the weights keep "
                "that channel axis: (kh, kw, C_in, filters)"
            ),
        },
    },
    "params-64-32": {
        "topic": "parameters",
        "question": "Conv2D(64, 3) on a 32-channel input. How many trainable parameters does it have?",
        "hint": "Each of the 64 filters holds 32 kernels of 3 × 3 weights, and has one bias.",
        "right": "64 × (3·3·32) + 64 = 18432 + 64 = 18496.",
        "slips": {
            18432: "each filter has one bias, so add the 64 biases",
            20480: "a filter has ONE bias, not one per kernel: 18432 + 64",
            640: "each filter holds one kernel per input channel, 32 here",
            18464: "the bias count is one per filter (64), not one per input channel",
        },
    },
    "chain-kernels": {
        "topic": "a chain of layers",
        "question": (
            "An RGB input goes through Conv2D(8, 3), then Conv2D(16, 3).\n"
            "How many kernels does each filter of the second layer hold?"
        ),
        "hint": ("A filter holds one kernel per channel of ITS input. What is the second layer's input?"),
        "right": (
            "Layer 2's input is layer 1's output, 8 channels (one per layer-1 filter): 8 kernels per filter."
        ),
        "slips": {
            3: "3 is the RGB input's channels; layer 2's input is layer 1's output, 8 channels",
            16: "16 is how many filters layer 2 has; each holds one kernel per input channel",
            128: "128 is all of layer 2's kernels (16 × 8); the question asks per filter",
        },
    },
    "same-kernels-colour": {
        "topic": "a filter that could tell colours",
        "question": (
            "True or False: a filter whose three kernels (for R, G and B) are all the same can give a "
            "red disc\n"
            "a different number than a green disc that is just as bright."
        ),
        "hint": (
            "The filter adds its three maps: w ⊛ R + w ⊛ G + w ⊛ B. With the same w three times, "
            "what is that?"
        ),
        "right": (
            "w ⊛ R + w ⊛ G + w ⊛ B = w ⊛ (R + G + B), so such a filter sees only how bright "
            "each pixel is. To tell red from green, a filter needs DIFFERENT kernels for R and G."
        ),
        "slips": {
            True: (
                "the three maps are added: w ⊛ R + w ⊛ G + w ⊛ B = w ⊛ (R + G + B), the same number "
                "for red (1, 0, 0) as for green (0, 1, 0)"
            ),
        },
    },
    "layer2-filter-shape": {
        "topic": "a second-layer filter",
        "question": (
            "The network: Conv2D(8, 3) on RGB pictures, then ReLU and 2 × 2 max pooling, then "
            "Conv2D(16, 3).\n"
            "What is the shape (kh, kw, C_in) of ONE filter of the second layer?"
        ),
        "hint": "A filter holds one kernel per channel of ITS input. How many channels leave layer 1?",
        "right": (
            "(3, 3, 8): layer 2's input has 8 channels, one per layer-1 filter (pooling shrinks the maps, "
            "not their number), so each layer-2 filter holds 8 kernels of 3 × 3."
        ),
        "slips": {
            (3, 3, 3): "3 is the pictures' channels; layer 2's input is layer 1's 8 maps",
            (3, 3, 16): "16 is how many filters layer 2 has; each holds one kernel per INPUT channel, 8",
            (3, 3, 8, 16): "that is the whole layer's weights; one filter is (kh, kw, C_in)",
            (3, 3): "that is one kernel; a filter stacks one kernel per input channel",
        },
    },
    "network-kernels": {
        "topic": "all the network's kernels",
        "question": (
            "The same network: Conv2D(8, 3) on RGB, ReLU, 2 × 2 max pooling, Conv2D(16, 3), ReLU,\n"
            "global average, dense. How many 2-D kernels does it hold in all?"
        ),
        "hint": "Count each convolution layer's filters × kernels per filter; pooling and dense hold none.",
        "right": "Layer 1: 8 filters × 3 kernels = 24; layer 2: 16 filters × 8 kernels = 128; 152 in all.",
        "slips": {
            24: (
                "24 is layer 1's kernels (8 × 3), or both layers' filters (8 + 16); add layer 2's "
                "16 × 8 = 128 kernels"
            ),
            128: "128 is layer 2's kernels; add layer 1's 8 × 3 = 24",
            72: "layer 2's filters each hold 8 kernels, one per layer-1 map: 16 × 8, not 16 × 3",
            1368: "that counts weights (9 per kernel); a kernel is one 3 × 3 matrix: 24 + 128",
        },
    },
    "grouped-kernels": {
        "topic": "a grouped convolution",
        "question": (
            "A grouped convolution: C_in = 4 input channels, 4 filters, groups = 2.\n"
            "How many kernels does each filter hold?"
        ),
        "hint": "groups splits the input channels into groups; each filter sees one group.",
        "right": "Each filter sees C_in / groups = 4 / 2 = 2 channels, so it holds 2 kernels.",
        "slips": {
            4: "with groups = 2 each filter sees only C_in / groups = 2 channels",
            1: "one kernel per filter is depthwise (groups = C_in = 4); here groups = 2",
            8: "8 is all the layer's kernels (4 filters × 2); the question asks per filter",
        },
    },
}
