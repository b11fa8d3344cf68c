"""Exercises 11–23 of ``09_exercises``, in Chinese: the kernel/filter distinction itself.

For each exercise, by its number: its ``topic``, the ``question``, a ``hint``, ``right`` (why the answer
is right, shown after "答对了！"), and ``slips``: the feedback for each known wrong answer, keyed by that
answer (keep the keys). The answers and which misconception each slip is are in
``convlesson/exercises/filters.py``.
"""

TEXTS = {
    11: {
        "topic": "判断：更大的卷积核？",
        "question": (
            "判断对错（True 或 False）：滤波器就是更大的卷积核——3 × 3 的卷积核长到 5 × 5，就成了滤波器。"
        ),
        "hint": "想一想作用在 RGB 输入上的 Conv2D(2, 3)：它的一个滤波器里装的是什么？",
        "right": "滤波器的高和宽并不更大：它是 C_in 个同样大小的卷积核叠在一起，形状 (kh, kw, C_in)。",
        "slips": {
            True: (
                "区别不在大小。滤波器把 C_in 个同样大小的卷积核叠在一起，每个输入通道一个：RGB 上的 "
                "Conv2D(2, 3) 的滤波器形状是 (3, 3, 3)，每个滤波器有三个 3 × 3 的卷积核"
            ),
        },
    },
    12: {
        "topic": "判断：一个卷积核看到什么",
        "question": (
            "判断对错（True 或 False）：在作用于 RGB 输入的 Conv2D 层里，每个卷积核同时在三个通道上滑动。"
        ),
        "hint": "卷积核是二维的。滤波器的第一个卷积核乘的是哪个通道？",
        "right": "卷积核是二维的，只属于一个输入通道；由 3 个卷积核叠成的滤波器才看得到全部三个通道。",
        "slips": {
            True: (
                "这说的是滤波器。卷积核是二维的，只属于一个输入通道；滤波器的 3 个卷积核各管一个通道，"
                "它们的 3 张图再相加"
            ),
        },
    },
    13: {
        "topic": "判断：一个滤波器，一个输出通道",
        "question": "判断对错（True 或 False）：不管输入有多少个通道，一个滤波器都只产生一个输出通道。",
        "hint": "滤波器的每个卷积核都在自己的通道上得到一张图。这些图接下来怎么样了？",
        "right": "它的 C_in 个卷积核得到的图相加（再加上偏置），合成一张图：滤波器个数 = 输出通道数。",
        "slips": {
            False: (
                "每个卷积核确实在自己的通道上得到一张图，但滤波器把这 C_in 张图相加成一张，"
                "所以一个滤波器只产生一个输出通道"
            ),
        },
    },
    14: {
        "topic": "灰度输入",
        "question": (
            "把 Conv2D(8, 3) 用在一张 28 × 28 的灰度图像（一个通道）上。\n它的每个滤波器里有几个二维卷积核？"
        ),
        "hint": "滤波器为每个输入通道准备一个卷积核。输入有几个通道？",
        "right": (
            "C_in = 1，所以每个滤波器就是一个卷积核，形状 (3, 3, 1)：这时两个词说的是同一组数，"
            "难怪在单通道图像上它们看起来一样。"
        ),
        "slips": {
            8: "8 是滤波器的个数；每个滤波器为每个输入通道准备一个卷积核",
            3: "3 是每个卷积核的高和宽；卷积核的个数是每个输入通道一个",
            9: "9 数的是一个卷积核的权重（3 × 3）；题目问的是卷积核的个数",
        },
    },
    15: {
        "topic": "判断：偏置",
        "question": (
            "判断对错（True 或 False）：作用于 8 通道输入的 Conv2D(4, 3) 有 32 个偏置，"
            "它的 32 个卷积核每个一个。"
        ),
        "hint": "偏置是在滤波器的各张图相加之后才加上的。相加之后一共有几张图？",
        "right": (
            "每个滤波器一个偏置，只加一次，加在它相加后的那张图上：4 个滤波器（共 32 个卷积核），4 个偏置。"
        ),
        "slips": {
            True: (
                "偏置只加一次，加在滤波器相加后的那张图上，而不是加在每个卷积核的图上：4 个滤波器，"
                "4 个偏置，不管它们一共有多少个卷积核（32 个）"
            ),
        },
    },
    16: {
        "topic": "判断：Keras 的 layer.kernel",
        "question": (
            "判断对错（True 或 False）：Keras Conv2D 层的 layer.kernel（kernel_initializer 填充的那个张量）"
            "\n是一个形状为 (kh, kw) 的二维卷积核。"
        ),
        "hint": "作用于 RGB 输入的 Keras Conv2D(2, 3)：layer.kernel 里有多少个数？",
        "right": (
            "按另一种约定，Keras 把这个 4-D 权重张量 (kh, kw, C_in, filters) 整个叫作 `kernel`"
            "（《动手学深度学习》也把它叫作「卷积核」）；在本课里它是这一层的权重（layer.weights），"
            "而一个卷积核只是它的一个二维切片。"
        ),
        "slips": {
            True: (
                "按另一种约定，Keras 把整个 4-D 权重张量 (kh, kw, C_in, filters) 叫作这一层的 `kernel`；"
                "在本课里，卷积核是它的一个二维切片 weights[:, :, c, j]"
            ),
        },
    },
    17: {
        "topic": "一个滤波器的形状",
        "question": (
            "一个 kernel_size 为 (5, 3)（高 5、宽 3）的 Conv2D 层作用在 8 通道的输入上。\n"
            "按 Keras 的顺序（通道轴在最后），它的一个滤波器是什么形状？"
        ),
        "hint": "滤波器为每个输入通道叠上一个卷积核。",
        "right": "8 个输入通道，每个一个 (5, 3) 的卷积核：(5, 3, 8)。",
        "slips": {
            (5, 3): "这是一个卷积核（二维，属于一个通道）；滤波器要叠 C_in = 8 个",
            (8, 5, 3): "这道题问的是 Keras 的顺序，通道轴在最后：(kh, kw, C_in)",
            (3, 5, 8): "kernel_size (5, 3) 表示高 5、宽 3：(kh, kw, C_in)",
            (5, 5, 8): "kernel_size (5, 3) 是高 5、宽 3",
            (3, 3, 8): "kernel_size (5, 3) 是高 5、宽 3",
        },
    },
    18: {
        "topic": "有几个卷积核",
        "question": (
            "把 Conv2D(filters=12, kernel_size=5) 用在 6 通道的输入上。\n这一层一共有多少个二维卷积核？"
        ),
        "hint": "每个滤波器为每个输入通道准备一个卷积核。",
        "right": "12 个滤波器 × 每个 6 个卷积核 = 72 个卷积核，每个有 5 × 5 个权重。",
        "slips": {
            12: "每个滤波器有 C_in = 6 个卷积核，每个输入通道一个",
            6: "12 个滤波器各有自己的 6 个卷积核",
            300: "kernel_size 5 是每个卷积核的大小（5 × 5 个权重），不是个数：12 × 6",
            1800: "12 × 6 × 5 × 5 数的是卷积核里的数；题目问的是卷积核的个数",
            18: "每一对（滤波器，输入通道）对应一个卷积核：要相乘，不是相加",
        },
    },
    19: {
        "topic": "需要几个滤波器",
        "question": ("一个用 3 × 3 卷积核的层要把 5 通道的输入变成 10 通道的输出。\n它需要几个滤波器？"),
        "hint": "每个滤波器产生一个输出通道。",
        "right": "每个输出通道一个滤波器：10 个滤波器，每个有 5 个卷积核（Conv2D(10, 3)）。",
        "slips": {
            50: "50 是卷积核的个数；它们分成 10 个滤波器，每个 5 个卷积核",
            5: "输入的 5 个通道决定的是每个滤波器有几个卷积核，而不是有几个滤波器",
            2: (
                "10 / 5 是「每个输入通道几个滤波器」，可是一个滤波器读的是全部 5 个通道，"
                "只产生一个输出通道：10 个输出通道就要 10 个滤波器"
            ),
            15: "输入的通道不是滤波器产生的：每个输出通道一个滤波器",
            3: "3 是每个卷积核的高和宽，不是滤波器的个数",
        },
    },
    20: {
        "topic": "从 Keras 的权重形状数卷积核",
        "question": (
            "一个 Keras Conv2D 层的权重形状是 (3, 3, 64, 128)，按 Keras 的布局 (kh, kw, C_in, filters)。\n"
            "请回答 (C_in, filters, 二维卷积核的个数)。"
        ),
        "hint": "从最后两个轴读出 C_in 和 filters；每个滤波器为每个输入通道准备一个卷积核。",
        "right": "C_in = 64，filters = 128，128 个滤波器 × 64 个卷积核 = 8192 个 3 × 3 的卷积核。",
        "slips": {
            (128, 64, 8192): "Keras 的布局是 (kh, kw, C_in, filters)：C_in 在 filters 前面",
            (3, 3, 9): (
                "你把它当成了 PyTorch 的 (out_channels, in_channels, kh, kw)；这个是 Keras 的 HWIO "
                "(kh, kw, C_in, filters)"
            ),
            (64, 128, 128): "128 个滤波器每个有 64 个卷积核：128 × 64",
            (64, 128, 73728): "3 × 3 × 64 × 128 数的是数字个数；一个卷积核是一个 3 × 3 的切片",
            (64, 128, 192): "每一对（输入通道，滤波器）对应一个卷积核：要相乘，不是相加",
        },
    },
    21: {
        "topic": "从 PyTorch 的权重形状数卷积核",
        "question": (
            "一个 PyTorch nn.Conv2d 的 weight 形状是 (32, 16, 5, 5)，按 PyTorch 的布局\n"
            "(out_channels, in_channels, kh, kw)。请回答 (C_in, filters, 二维卷积核的个数)。"
        ),
        "hint": "PyTorch 的 out_channels 就是 Keras 的 filters，而且排在第一位。",
        "right": (
            "C_in = 16，filters = out_channels = 32，32 个滤波器 × 16 个卷积核 = 512 个 5 × 5 的卷积核。"
        ),
        "slips": {
            (32, 16, 512): "PyTorch 把 out_channels（= filters）放在最前面，然后才是 in_channels",
            (5, 5, 25): (
                "你把它当成了 Keras 的 (kh, kw, C_in, filters)；PyTorch 的布局是 OIHW："
                "(out_channels, in_channels, kh, kw)"
            ),
            (16, 32, 32): "32 个滤波器每个有 16 个卷积核：32 × 16",
            (16, 32, 12800): "32 × 16 × 5 × 5 数的是数字个数；一个卷积核是一个 5 × 5 的切片",
        },
    },
    22: {
        "topic": "从 Keras 的权重里取一个卷积核",
        "question": (
            "w = layer.weights 的形状是 (3, 3, 6, 6)，按 Keras 的布局 (kh, kw, C_in, filters)"
            "（按另一种约定，\nKeras 把这个 4-D 权重张量叫作 layer.kernel）。滤波器 4 在输入通道 1 上滑动的"
            "那个二维卷积核\n是哪个表达式？回答它的字母或表达式本身，加引号。"
        ),
        "hint": "卷积核的两个轴整个保留（:），然后在轴 2 上选通道，在轴 3 上选滤波器。",
        "right": "w[:, :, c, j] 是滤波器 j 在通道 c 上滑动的卷积核：这里是 w[:, :, 1, 4]，形状 (3, 3)。",
        "slips": {
            "w[:, :, 4, 1]": (
                "这是滤波器 1 在通道 4 上滑动的卷积核：在 Keras 的布局里，通道轴（2）在滤波器轴（3）前面"
            ),
            "w[4, 1]": (
                "w[4, 1] 是按 PyTorch 的 (out_channels, in_channels, kh, kw) 取下标；在这个 HWIO 的 w 上，"
                "轴 0 是 kh = 3，下标 4 根本不存在"
            ),
            "w[:, :, :, 4]": (
                "w[:, :, :, 4] 是整个滤波器 4，形状 (3, 3, 6)：它的全部六个卷积核；取一个卷积核还要选定通道"
            ),
        },
    },
    23: {
        "topic": "从 PyTorch 的权重里取一个卷积核",
        "question": (
            "weight = conv.weight 的形状是 (6, 6, 3, 3)，按 PyTorch 的布局\n"
            "(out_channels, in_channels, kh, kw)。滤波器 4 在输入通道 1 上滑动的那个二维卷积核\n"
            "是哪个表达式？回答它的字母或表达式本身，加引号。"
        ),
        "hint": "PyTorch 的布局是 OIHW：滤波器（out_channels）在轴 0，通道在轴 1。",
        "right": "weight[j, c] 是滤波器 j 在通道 c 上滑动的卷积核：这里是 weight[4, 1]，形状 (3, 3)。",
        "slips": {
            "weight[1, 4]": "这是滤波器 1 给通道 4 的卷积核：PyTorch 把 out_channels（滤波器）放在最前面",
            "weight[:, :, 1, 4]": (
                "weight[:, :, 1, 4] 是按 Keras 的 (kh, kw, C_in, filters) 取下标；在这个 OIHW 的 weight 上，"
                "轴 2 和轴 3 是 kh 和 kw（各为 3），下标 4 根本不存在"
            ),
            "weight[4]": (
                "weight[4] 是整个滤波器 4，形状 (6, 3, 3)：它的全部六个卷积核；取一个卷积核还要选定通道"
            ),
        },
    },
}
