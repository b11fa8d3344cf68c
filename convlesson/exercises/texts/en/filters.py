"""Exercises 11–23 of ``09_exercises``, in English: the kernel/filter distinction itself.

For each exercise, by its number: its ``topic`` (a few words shown after it), the
``question``, a ``hint``, ``right`` (why the answer is right, shown after "right!"), and ``slips``: the
feedback for each known wrong answer, keyed by that answer. Edit the words freely; the answers and
which misconception each slip is are in ``convlesson/exercises/filters.py``.
"""

TEXTS = {
    11: {
        "topic": "true or false: a bigger kernel?",
        "question": (
            "True or False: a filter is a bigger kernel — a 3 × 3 kernel becomes a filter when it "
            "grows to\n"
            "5 × 5."
        ),
        "hint": "Think of Conv2D(2, 3) on an RGB input: what does one of its filters hold?",
        "right": (
            "A filter is not bigger in height or width: it is a stack of C_in kernels of the same "
            "size, (kh, kw, C_in)."
        ),
        "slips": {
            True: (
                "size is not the difference. A filter stacks C_in kernels of the SAME size, one per "
                "input channel: Conv2D(2, 3) on RGB has filters of shape (3, 3, 3), three 3 × 3 "
                "kernels each"
            ),
        },
    },
    12: {
        "topic": "true or false: what one kernel sees",
        "question": (
            "True or False: in a Conv2D layer on an RGB input, each kernel is swept over all "
            "three channels\n"
            "at once."
        ),
        "hint": "A kernel is 2-D. Which channel does the filter's first kernel multiply?",
        "right": (
            "A kernel is 2-D and belongs to ONE input channel; the filter, a stack of 3 kernels, "
            "sees all three."
        ),
        "slips": {
            True: (
                "that describes a filter. A kernel is 2-D and belongs to one input channel; the "
                "filter's 3 kernels take one channel each, and their 3 maps are added"
            ),
        },
    },
    13: {
        "topic": "true or false: one filter, one output channel",
        "question": (
            "True or False: one filter makes one output channel, however many channels the input has."
        ),
        "hint": "Each of the filter's kernels makes a map on its channel. What happens to those maps?",
        "right": (
            "Its C_in kernels' maps are added (then the bias) into ONE map: filters = output channels."
        ),
        "slips": {
            False: (
                "each kernel does make a map on its own channel, but the filter ADDS its C_in maps "
                "into ONE map, so one filter makes one output channel"
            ),
        },
    },
    14: {
        "topic": "a grayscale input",
        "question": (
            "Conv2D(8, 3) is applied to a 28 × 28 grayscale image (one channel).\n"
            "How many 2-D kernels does EACH of its filters hold?"
        ),
        "hint": "A filter holds one kernel per input channel. How many channels are there?",
        "right": (
            "C_in = 1, so each filter is one kernel, shape (3, 3, 1): here the two words name the "
            "same numbers, which is why one-channel pictures make them look alike."
        ),
        "slips": {
            8: "8 is the number of filters; each holds one kernel per input channel",
            3: "3 is each kernel's height and width; the count is one per input channel",
            9: "9 counts a kernel's weights (3 × 3); the question asks for kernels",
        },
    },
    15: {
        "topic": "true or false: the bias",
        "question": (
            "True or False: Conv2D(4, 3) on an 8-channel input holds 32 biases, one for each of "
            "its 32 kernels."
        ),
        "hint": ("The bias is added after a filter's maps are added up. How many summed maps are there?"),
        "right": (
            "One bias per filter, added once to its summed map: 4 biases for 4 filters (and 32 kernels)."
        ),
        "slips": {
            True: (
                "the bias is added ONCE, to a filter's summed map, not to each kernel's map: 4 "
                "filters, 4 biases, however many kernels (32) they hold"
            ),
        },
    },
    16: {
        "topic": "true or false: Keras's layer.kernel",
        "question": (
            "True or False: a Keras Conv2D layer's layer.kernel (the tensor kernel_initializer "
            "fills) is one\n"
            "2-D kernel of shape (kh, kw)."
        ),
        "hint": "Keras's Conv2D(2, 3) on an RGB input: how many numbers does layer.kernel hold?",
        "right": (
            "By another convention Keras calls the layer's whole 4-D weight tensor (kh, kw, C_in, "
            'filters) its kernel (d2l calls it "the convolution kernel"); in this course that is '
            "the layer's weights (layer.weights), and a kernel is one 2-D slice of it."
        ),
        "slips": {
            True: (
                "by another convention Keras calls the WHOLE 4-D weight tensor (kh, kw, C_in, "
                "filters) the layer's kernel; in this course a kernel is one 2-D slice of it, "
                "weights[:, :, c, j]"
            ),
        },
    },
    17: {
        "topic": "the shape of one filter",
        "question": (
            "A Conv2D layer with kernel_size (5, 3) (5 tall, 3 wide) is applied to an 8-channel "
            "input.\n"
            "What is the shape of ONE of its filters, in the order Keras uses (the channel axis last)?"
        ),
        "hint": "A filter stacks one kernel per input channel.",
        "right": "One (5, 3) kernel for each of the 8 input channels: (5, 3, 8).",
        "slips": {
            (5, 3): "that is one kernel (2-D, one channel); a filter stacks C_in = 8 of them",
            (8, 5, 3): "this question asks the order Keras uses, the channel axis last: (kh, kw, C_in)",
            (3, 5, 8): "kernel_size (5, 3) means 5 tall and 3 wide: (kh, kw, C_in)",
            (5, 5, 8): "kernel_size (5, 3) is 5 tall and 3 wide",
            (3, 3, 8): "kernel_size (5, 3) is 5 tall and 3 wide",
        },
    },
    18: {
        "topic": "how many kernels",
        "question": (
            "Conv2D(filters=12, kernel_size=5) is applied to a 6-channel input.\n"
            "How many 2-D kernels does the layer hold?"
        ),
        "hint": "Each filter holds one kernel per input channel.",
        "right": "12 filters × 6 kernels each = 72 kernels, each of 5 × 5 weights.",
        "slips": {
            12: "each filter holds C_in = 6 kernels, one per input channel",
            6: "each of the 12 filters has its own 6 kernels",
            300: "kernel_size 5 is the size of each kernel (5 × 5 weights), not a count: 12 × 6",
            1800: "12 × 6 × 5 × 5 counts the numbers in the kernels; the question asks for kernels",
            18: "there is one kernel per (filter, input channel) pair: multiply, do not add",
        },
    },
    19: {
        "topic": "how many filters",
        "question": (
            "A layer with 3 × 3 kernels must turn a 5-channel input into a 10-channel output.\n"
            "How many filters does it need?"
        ),
        "hint": "Each filter makes one output channel.",
        "right": "One filter per output channel: 10 filters, each holding 5 kernels (Conv2D(10, 3)).",
        "slips": {
            50: "50 is the number of kernels; they are grouped into 10 filters of 5 kernels each",
            5: "the input's 5 channels set how many kernels each filter holds, not how many filters",
            2: (
                "10 / 5 would be filters per input channel, but a filter reads ALL 5 channels and "
                "makes ONE output channel: 10 output channels need 10 filters"
            ),
            15: "the input's channels are not made by filters: one filter per OUTPUT channel",
            3: "3 is each kernel's height and width, not a count of filters",
        },
    },
    20: {
        "topic": "from a Keras weight shape to kernels",
        "question": (
            "A Keras Conv2D layer's weights have shape (3, 3, 64, 128), Keras's layout (kh, kw, "
            "C_in, filters).\n"
            "Answer (C_in, filters, number of 2-D kernels)."
        ),
        "hint": (
            "Read C_in and filters off the last two axes; each filter holds one kernel per input channel."
        ),
        "right": "C_in = 64, filters = 128, and 128 filters × 64 kernels = 8192 kernels of 3 × 3.",
        "slips": {
            (128, 64, 8192): "Keras's layout is (kh, kw, C_in, filters): C_in comes before filters",
            (3, 3, 9): (
                "you read the shape as PyTorch's (out_channels, in_channels, kh, kw); this one is "
                "Keras's HWIO (kh, kw, C_in, filters)"
            ),
            (64, 128, 128): "each of the 128 filters holds 64 kernels: 128 × 64",
            (64, 128, 73728): "3 × 3 × 64 × 128 counts numbers; one kernel is a 3 × 3 slice",
            (64, 128, 192): "there is one kernel per (input channel, filter) pair: multiply, do not add",
        },
    },
    21: {
        "topic": "from a PyTorch weight shape to kernels",
        "question": (
            "A PyTorch nn.Conv2d's weight has shape (32, 16, 5, 5), PyTorch's layout\n"
            "(out_channels, in_channels, kh, kw). Answer (C_in, filters, number of 2-D kernels)."
        ),
        "hint": "PyTorch's out_channels is Keras's filters, and it comes first.",
        "right": (
            "C_in = 16, filters = out_channels = 32, and 32 filters × 16 kernels = 512 kernels of 5 × 5."
        ),
        "slips": {
            (32, 16, 512): "PyTorch puts out_channels (= filters) first, then in_channels",
            (5, 5, 25): (
                "you read it as Keras's (kh, kw, C_in, filters); PyTorch's layout is OIHW: "
                "(out_channels, in_channels, kh, kw)"
            ),
            (16, 32, 32): "each of the 32 filters holds 16 kernels: 32 × 16",
            (16, 32, 12800): "32 × 16 × 5 × 5 counts numbers; one kernel is a 5 × 5 slice",
        },
    },
    22: {
        "topic": "one kernel out of Keras's weights",
        "question": (
            "w = layer.weights has shape (3, 3, 6, 6) in Keras's layout (kh, kw, C_in, filters) "
            "(Keras\n"
            "calls this 4-D tensor layer.kernel, by another convention). Which expression is the "
            "2-D kernel\n"
            "that filter 4 sweeps over input channel 1? Answer its letter or the expression, in "
            "quotes."
        ),
        "hint": (
            "Keep both kernel axes whole (:), then pick the channel on axis 2 and the filter on axis 3."
        ),
        "right": (
            "w[:, :, c, j] is the kernel filter j sweeps over channel c: here w[:, :, 1, 4], shape (3, 3)."
        ),
        "slips": {
            "w[:, :, 4, 1]": (
                "that is the kernel filter 1 sweeps over channel 4: in Keras's layout the channel "
                "axis (2) comes before the filter axis (3)"
            ),
            "w[4, 1]": (
                "w[4, 1] indexes like PyTorch's (out_channels, in_channels, kh, kw); on this "
                "HWIO w axis 0 is kh = 3, so index 4 does not even exist"
            ),
            "w[:, :, :, 4]": (
                "w[:, :, :, 4] is filter 4 whole, shape (3, 3, 6): all six of its kernels; one kernel "
                "also picks the channel"
            ),
        },
    },
    23: {
        "topic": "one kernel out of PyTorch's weights",
        "question": (
            "weight = conv.weight has shape (6, 6, 3, 3) in PyTorch's layout\n"
            "(out_channels, in_channels, kh, kw). Which expression is the 2-D kernel that filter "
            "4 sweeps\n"
            "over input channel 1? Answer its letter or the expression, in quotes."
        ),
        "hint": ("PyTorch's layout is OIHW: the filter (out_channels) on axis 0, the channel on axis 1."),
        "right": (
            "weight[j, c] is the kernel filter j sweeps over channel c: here weight[4, 1], shape (3, 3)."
        ),
        "slips": {
            "weight[1, 4]": (
                "that is filter 1's kernel for channel 4: PyTorch puts out_channels (the filter) first"
            ),
            "weight[:, :, 1, 4]": (
                "weight[:, :, 1, 4] indexes like Keras's (kh, kw, C_in, filters); on this "
                "OIHW weight axes 2 and 3 are kh and kw (3 each), so index 4 does not even exist"
            ),
            "weight[4]": (
                "weight[4] is filter 4 whole, shape (6, 3, 3): all six of its kernels; one kernel "
                "also picks the channel"
            ),
        },
    },
}
