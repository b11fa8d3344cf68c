"""Exercises 1–10 of ``09_exercises``, in English: output sizes and padding, then reading feature maps.

For each exercise, by its number: its ``topic`` (a few words shown after it), the
``question``, a ``hint``, ``right`` (why the answer is right, shown after "right!"), and ``slips``: the
feedback for each known wrong answer, keyed by that answer. Edit the words freely; the answers and
which misconception each slip is are in ``convlesson/exercises/sizes.py``.
"""

TEXTS = {
    1: {
        "topic": "output size",
        "question": (
            "A 15 × 15 single-channel image is swept by a 3 × 3 kernel, strides 1, padding "
            "'valid'.\n"
            "How many output pixels wide is the feature map?"
        ),
        "hint": "Count the positions where the 3-wide kernel fits entirely inside 15 pixels.",
        "right": "15 − 3 + 1 = 13: the kernel's left edge can sit at pixels 0, 1, …, 12.",
        "slips": {
            15: (
                "'valid' means no padding, so the feature map shrinks: the kernel cannot hang over the edge"
            ),
            12: "the kernel's first position counts too, so it is 15 − 3 + 1",
            14: "a 3-wide kernel loses one pixel at EACH edge: 15 − 3 + 1",
        },
    },
    2: {
        "topic": "output size with strides (the floor)",
        "question": (
            "A 12-pixel-wide channel, kernel_size 5, strides 2, padding 'valid'.\n"
            "How many output pixels wide is the feature map?"
        ),
        "hint": "List the kernel's left edges: 0, 2, 4, … and stop when it would run past pixel 11.",
        "right": (
            "⌊(12 − 5) / 2⌋ + 1 = ⌊3.5⌋ + 1 = 4: windows start at 0, 2, 4 and 6; a 5th, at 8, "
            "would need pixels 8 to 12, and pixel 12 does not exist."
        ),
        "slips": {
            4.5: (
                "the output size is ⌊(n + p_total − k) / s⌋ + 1: the division is floored, never rounded up"
            ),
            5: (
                "rounded up; the output size is ⌊(n + p_total − k) / s⌋ + 1: the division is floored, "
                "never rounded up; pixel 11 is simply never looked at"
            ),
            8: "divide (12 − 5) by strides before adding 1",
            3: "forgot the + 1 for the first position",
            6: (
                "that is the 'same' size, ⌈12 / 2⌉; 'valid' pads nothing, so the 5-wide kernel fits "
                "fewer times"
            ),
        },
    },
    3: {
        "topic": "'same' with strides",
        "question": (
            "An 11-pixel-wide channel, kernel_size 5, strides 2, padding 'same' "
            "(TensorFlow/Keras).\n"
            "How many output pixels wide is the feature map?"
        ),
        "hint": ("In TensorFlow, 'same' picks the padding so that the output is ⌈input / strides⌉ wide."),
        "right": (
            "⌈11 / 2⌉ = 6 (TensorFlow pads (6 − 1)·2 + 5 − 11 = 4 zeros, 2 on each side: ⌊(11 + 4 "
            "− 5) / 2⌋ + 1 = 6)."
        ),
        "slips": {
            11: (
                "TensorFlow's 'same' keeps the size only with strides 1; in general the output is ⌈n "
                "/ strides⌉"
            ),
            4: ("that is the 'valid' size, ⌊(11 − 5) / 2⌋ + 1; 'same' pads first, so the output is ⌈11 / 2⌉"),
            5.5: "sizes are whole numbers: 'same' gives ⌈11 / 2⌉",
            5: (
                "'same' rounds UP: ⌈11 / 2⌉ = 6, not ⌊11 / 2⌋ = 5 (or, if you padded one zero on each "
                "side as for a 3-wide kernel: this 5-wide kernel gets 2 on each side)"
            ),
        },
    },
    4: {
        "topic": "TensorFlow's 'same' padding amounts",
        "question": (
            "TensorFlow 'same' padding on a 224-pixel-tall image, kernel_size 7, strides 2.\n"
            "How many zero rows go on top and how many at the bottom? Answer a pair (top, "
            "bottom)."
        ),
        "hint": (
            "First the output height ⌈224 / 2⌉, then the total padding (out − 1) · strides + "
            "kernel_size − 224, then split it."
        ),
        "right": (
            "112 outputs need (112 − 1)·2 + 7 = 229 rows, 5 more than 224: 5 // 2 = 2 on top, and "
            "the odd row goes at the bottom, 3."
        ),
        "slips": {
            (3, 3): (
                "(7 − 1) / 2 = 3 on each side is 'same' at strides 1; with strides 2 only (112 − 1)·2 "
                "+ 7 − 224 = 5 zero rows are needed in all"
            ),
            (3, 2): "with an odd total (5) the extra zero row goes at the bottom (or right), not on top",
            (0, 0): "'same' does pad here: 112 outputs need 229 rows and the input has 224",
            5: "that is the total padding; answer the pair (top, bottom)",
            (2.5, 2.5): "zeros come whole: 5 // 2 = 2 on top, and the odd one goes at the bottom",
        },
    },
    5: {
        "topic": "'full' padding in a framework",
        "question": (
            "A 10-pixel-wide channel is padded by hand for 'full' (numpy's mode='full': every "
            "position where\n"
            "the kernel overlaps the input by at least one pixel), then swept by a 5-wide kernel, "
            "strides 1.\n"
            "How many output pixels wide is the feature map?"
        ),
        "hint": (
            "How many zeros go on each side so that the kernel can hang over the edge by all but "
            "one pixel? Then count the positions in the padded row."
        ),
        "right": (
            "k − 1 = 4 zeros on each side make the row 18 wide; the 5-wide kernel fits at 18 − 5 "
            "+ 1 = 14 places: n + k − 1, as with mode='full'."
        ),
        "slips": {
            6: "that is the 'valid' size, 10 − 5 + 1; 'full' pads k − 1 = 4 zeros on each side first",
            10: ("that is the 'same' size (2 zeros a side, 4 in all); 'full' pads k − 1 = 4 on EACH side"),
            18: "18 is the padded row; the 5-wide kernel fits at 18 − 5 + 1 places in it",
            16: "the kernel must still overlap the input by one pixel: k − 1 = 4 zeros a side, not k",
            13: "the first position counts too: 18 − 5 + 1",
        },
    },
    6: {
        "topic": "per-side vs total padding",
        "question": (
            "PyTorch: nn.Conv2d(in_channels=3, out_channels=8, kernel_size=5, padding=2) on a 32 "
            "× 32 input.\n"
            "How many pixels wide is each output channel?"
        ),
        "hint": "PyTorch's padding=2 is the number of zeros on EACH side.",
        "right": "(32 + 2·2 − 5) + 1 = 32: padding 2 per side is exactly 'same' for a 5 × 5 kernel.",
        "slips": {
            30: (
                "you treated padding=2 as the total; PyTorch's nn.Conv2d(padding=2) puts 2 zeros on "
                "EACH side (top AND bottom), 4 in total; d2l.ai's formulas write the total, 4"
            ),
            28: "forgot the padding: padding=2 adds 2 zeros on each side",
            36: (
                "the padding is added to the input, then the kernel's 5 pixels are taken off: 32 + 4 − 5 + 1"
            ),
            31: "the first position counts too: 32 + 2·2 − 5 + 1 = 32",
        },
    },
    7: {
        "topic": "dilation",
        "question": (
            "A 15-pixel-wide channel, kernel_size 3, dilation_rate 2 (Keras), strides 1, 'valid'.\n"
            "How many output pixels wide is the feature map?"
        ),
        "hint": (
            "A dilated kernel's taps are dilation_rate pixels apart: it spans dilation_rate · (k − 1) + 1."
        ),
        "right": "The kernel spans 2·(3 − 1) + 1 = 5 pixels (taps at 0, 2 and 4), so 15 − 5 + 1 = 11.",
        "slips": {
            13: "forgot the dilation: the 3 taps now span 5 pixels, not 3",
            9: (
                "counted dilation from 0 like CS231n (gaps of 2 pixels, a span of 7); in Keras and "
                "PyTorch dilation_rate 1 is the ordinary kernel and 2 leaves ONE pixel between taps"
            ),
            10: (
                "the first position counts too: 15 − 5 + 1 (or, if you took the span as 3 · 2 = 6: "
                "the taps sit at 0, 2 and 4, a span of 2·(3 − 1) + 1 = 5)"
            ),
            12: (
                "2·(3 − 1) = 4 counts the gaps between the first and the last tap; the span counts "
                "the pixels, one more: taps at 0, 2 and 4 span 5, so 15 − 5 + 1"
            ),
        },
    },
    8: {
        "topic": "a rectangular kernel with strides",
        "question": (
            "A kernel of kernel_size (3, 5) sweeps a 32 × 32 channel with strides (1, 2), padding "
            "'valid'.\n"
            "What is the feature map's size (H', W')?"
        ),
        "hint": (
            "Work out each axis on its own: the height with 3 and strides 1, the width with 5 and strides 2."
        ),
        "right": "H' = 32 − 3 + 1 = 30; W' = ⌊(32 − 5) / 2⌋ + 1 = 13 + 1 = 14.",
        "slips": {
            (30, 15): (
                "⌊27 / 2⌋ = 13, then + 1; the output size is ⌊(n + p_total − k) / s⌋ + 1: the "
                "division is floored, never rounded up"
            ),
            (30, 30): "kernel_size (3, 5) is 3 tall and 5 wide, and strides (1, 2) differ too",
            (14, 30): "(3, 5) and (1, 2) are (height, width): the width gets the 5 and the 2",
            (30, 28): "the width moves 2 pixels per step: ⌊(32 − 5) / 2⌋ + 1",
            (29, 13): "the first position counts too: 32 − 3 + 1 = 30 and ⌊(32 − 5) / 2⌋ + 1 = 14",
        },
    },
    9: {
        "topic": "reading a feature map",
        "question": (
            "One channel x, a 2 × 2 kernel k and a bias of 1, strides 1, 'valid':\n"
            "\n"
            "x = [[1, 2, 0, 3],        k = [[1,  2],\n"
            "[0, 1, 2, 1],             [0, -1]]\n"
            "[3, 0, 1, 2],\n"
            "[1, 2, 1, 0]]\n"
            "\n"
            "What is the value of the feature map at row 1, column 0 (counting from 0)?"
        ),
        "hint": (
            "Lay the kernel over x with its top-left corner on x's row 1, column 0; multiply the "
            "four pairs, add them up, add the bias."
        ),
        "right": "Window [[0, 1], [3, 0]]: 0·1 + 1·2 + 3·0 + 0·(−1) = 2, plus the bias 1.",
        "slips": {
            7: (
                "you flipped the kernel (mathematical convolution); deep-learning frameworks lay it "
                "over the input as it is (cross-correlation)"
            ),
            2: "add 1 after the sum",
            1: "that is row 0, column 1: rows go down, columns go across",
        },
    },
    10: {
        "topic": "adding the channels",
        "question": (
            "A filter sweeps a 3-channel input. At one pixel its three kernels give 1.5, −4.0 and "
            "2.0 on their\n"
            "channels; the filter's bias is 0.25 and the layer's activation is ReLU.\n"
            "What is the output at that pixel?"
        ),
        "hint": "Per-channel results are added, then the bias, then ReLU(z) = max(z, 0).",
        "right": "1.5 − 4.0 + 2.0 + 0.25 = −0.25, and ReLU(−0.25) = 0.",
        "slips": {
            -0.25: "forgot the ReLU: max(−0.25, 0) = 0",
            -0.5: "forgot the bias and the ReLU",
            0.08333333333333334: "the per-channel maps are ADDED into one map, not averaged",
            3.75: ("a filter adds its channels' results; only the sum goes through ReLU, not each channel"),
            (1.5, -4.0, 2.0): "a filter's C_in partial results are ADDED into one number, one output channel",
        },
    },
}
