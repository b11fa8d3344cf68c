"""Chinese words of ``convlesson.exercises`` (see ``words/__init__.py``).

The course's terms (卷积核, 滤波器, 通道, 特征图, 步幅, 填充, 偏置, 权重); code, parameter names and values
stay as they are typed (``cl.check``, ``strides``, ``None``, ``True``). A prediction's answer box is
named by what it does ("再点按钮检查"), not by its button's label, which the explorers' catalog words.
"""

WORDS: dict[str, str] = {
    # ------------------------------------------------------------------ records.py: naming an exercise
    "label.exercise": "练习 {number}",
    "label.prediction": "预测 {key}",
    "label_in_text.exercise": "练习 {number}",
    "label_in_text.prediction": "预测 {key}",
    "slip.named": "{misconception}：{feedback}",
    # ------------------------------------------------------------------ grading.py: the verdicts
    "wait.code": "{label}：把 None 换成你写的函数，再运行这个单元格。",
    "wait.exercise": "{label}：把 None 换成你的答案，再运行这个单元格。",
    "wait.exercise_choice": "{label}：把 None 换成你的答案（{choices}），再运行这个单元格。",
    "wait.exercise_truefalse": "{label}：把 None 换成你的答案（True 或 False），再运行这个单元格。",
    "wait.prediction": (
        "{label}：把 None 换成你的预测，再运行这个单元格——也可以在下面的框里输入，再点按钮检查。"
    ),
    "wait.prediction_choice": (
        "{label}：把 None 换成你的预测（{choices}），再运行这个单元格——也可以在下面的框里输入，再点按钮检查。"
    ),
    "wait.prediction_truefalse": (
        "{label}：把 None 换成你的预测（True 或 False），再运行这个单元格——"
        "也可以在下面的框里输入，再点按钮检查。"
    ),
    "grade.right": "{label}：答对了！{right}",
    "grade.wrong": "{label}：还不对（{answer}）。提示：{hint}",
    "grade.not_quite": "{label}：还不对（{answer}）——{message}。",
    "grade.not_quite_as_is": "{label}：还不对（{answer}）——{message}",
    "grade.count": "答案有 {want} 个数，你的有 {got} 个。提示：{hint}",
    "whole.floor": (
        "尺寸和个数都是整数；输出尺寸是 ⌊(n + p_total − k) / s⌋ + 1：这个除法向下取整，从不向上取整。"
    ),
    "whole.floor_span": (
        "尺寸和个数都是整数；输出尺寸是 ⌊(n + p_total − span) / s⌋ + 1，其中卷积核覆盖 "
        "dilation_rate · (k − 1) + 1 个像素：这个除法向下取整，从不向上取整。"
    ),
    "whole.hint": "尺寸和个数都是整数。提示：{hint}",
    # an answer of the wrong kind
    "kind.shape": (
        "{label} 的答案必须是写在圆括号里的一组整数，共 {count} 个，比如 {example}，"
        "传入的是 {answer}（{type}）"
    ),
    "kind.truefalse": "{label} 的答案必须是 True 或 False，不加引号，传入的是 {answer}（{type}）",
    "kind.int": "{label} 的答案必须是一个整数，不加引号，传入的是 {answer}（{type}）",
    "kind.float": "{label} 的答案必须是一个数，不加引号，传入的是 {answer}（{type}）",
    "kind.choice": "{label} 的答案必须是 {choices} 之一，传入的是 {answer}（{type}）",
    "kind.choice_quoted": "{label} 的答案必须是 {choices} 之一，要加引号，传入的是 {answer}（{type}）",
    "kind.not_finite": "{label} 的答案必须是有限的数，传入的是 {answer}",
    "choice.or": "{first} 或 {last}",
    # ------------------------------------------------------------------ interface.py
    "verdict.not_an_answer": "{label}：还不算答案——{reason}。",
    "verdict.unreadable": (
        "{label}：还不算答案——这个答案（{type}）读不出来（{error}）；请按题目的要求作答，比如一个数或一个元组。"
    ),
    "format.pair": "一对整数，例如 {example}",
    "format.triple": "三个整数，例如 {example}",
    "format.tuple": "{count} 个整数组成的元组，例如 {example}",
    "format.int": "一个整数",
    "format.float": "一个数",
    "format.truefalse": "True 或 False",
    "format.code": "你写的函数",
    "get.name": "n 必须是 1 到 {last} 的练习编号，或者某个预测的名字，传入的是 {value}。预测有：{names}。",
    "get.name_close": (
        "n 必须是 1 到 {last} 的练习编号，或者某个预测的名字，传入的是 {value}（你想写的是 {close} 吗？）。"
        "预测有：{names}。"
    ),
    "get.type": (
        "n 必须是练习编号（1 到 {last} 的整数）或者预测的名字（str，比如 'sweep-size'），"
        "传入的是 {value}（{type}）"
    ),
    "get.number": "n 必须是 1 到 {last} 的练习编号，传入的是 {value}",
    "question": "{label}：{topic}\n{question}",
    "listing.exercises": (
        "{count} 道练习（09_exercises），用 cl.exercise(n) 看题，用 cl.check(n, answer) 检查答案："
    ),
    "listing.predictions": '{count} 个预测，课程在揭晓答案之前先请你预测（cl.check("name", answer)）：',
    "hint": "{label} 的提示：{hint}",
    "solution": "{label} 的解答：{answer}。{right}\n\n{source}",
    "solution.code": "{label} 的解答：\n\n{source}",
    "ask.code": (
        "n {value} 这道练习要你写一个函数，答案框收不了：请在代码单元格里写好，"
        "再用 cl.check({value}, your_function) 检查"
    ),
    # ------------------------------------------------------------------ code_checks.py: a function to write
    "case.kernel": "测试 {number}：x 的形状 {x}，卷积核的形状 {w}",
    "case.kernel_strides": "测试 {number}：x 的形状 {x}，卷积核的形状 {w}，步幅 {strides}",
    "case.weights": "测试 {number}：x 的形状 {x}，weights 的形状 {w}",
    "case.weights_strides": "测试 {number}：x 的形状 {x}，weights 的形状 {w}，步幅 {strides}",
    "code.not_a_function": (
        "请传入你写的函数，例如 cl.check({ident}, {name})，{name} 不加引号；传入的是 {answer}（{type}）"
    ),
    "code.not_implemented": "{label}：还没有实现——先把上面的单元格（{name}）写好，再运行这个检查。",
    "code.time_up": (
        "{label}：{name} 在 {seconds} 秒内没有结束（{case}），所以被停下了。"
        "是不是有一个停不下来的循环——比如条件永远不会变成 False 的 while 循环？"
    ),
    "code.raised": "{label}：{name} 抛出了 {error}（{case}）。",
    "code.raised_because": "{label}：{name} 抛出了 {error}（{case}）。{why}",
    "code.not_yet": "{label}：还不对——{case}：{problem}",
    "code.right": "{label}：答对了！在每个测试输入上都和 cl.conv2d 的结果一致。",
    "raised.swapped": (
        "在测试 {number} 上（C_in = filters = {c}）它能运行，但输出是权重弄反之后的结果。{swapped}"
    ),
    "raised.axes": (
        "检查一下权重各轴的顺序：(kh, kw, C_in, filters)，所以 weights[:, :, c, j] 是滤波器 j "
        "用在通道 c 上的卷积核。"
    ),
    "raised.strides_argument": "{name} 的第三个参数是步幅：def {name}(x, k, strides=1)。",
    "raised.broadcast": (
        "有个窗口越过了 x 的边缘（在那里切出来的 x 比卷积核小）：最后一个窗口最多从第 H − kh 行开始"
        "（列最多从第 W − kw 列开始）。"
    ),
    "result.unreadable": (
        "{name} 应该返回一个实数数组（一张特征图），返回的却是 {got}（{type}），numpy 没法把它读成数组。"
    ),
    "result.complex": (
        "{name} 应该返回一个实数数组（一张特征图），却返回了复数（dtype {dtype}）；"
        "实数输入的卷积仍是实数：不要加虚部。"
    ),
    "result.bool": "{name} 应该返回一个实数数组（一张特征图），却返回了 True/False 值（dtype bool）。",
    "result.other": "{name} 应该返回一个实数数组（一张特征图），返回的却是 {got}（{type}，dtype {dtype}）。",
    "value.flipped": (
        "{misconception}：你的输出是卷积核翻转以后的结果（数学上的卷积）；深度学习框架把卷积核原样"
        "放到输入上（互相关），所以不要翻转。"
    ),
    "value.mismatch": "第一个对不上的位置是索引 {pos}：应该是 {want}，你的是 {got}。",
    "time_up": "没有在 {seconds} 秒内结束",
    # ------------------------------------------------------------------ code_slips.py: the slips named
    "slips.swapped": (
        "{misconception}，通道和滤波器弄反了：权重是 (kh, kw, C_in, filters)，所以 weights[:, :, c, j] "
        "才是滤波器 j 用在通道 c 上的卷积核；weights[:, :, j, c] 把滤波器的编号当成了通道，"
        "又把通道的编号当成了滤波器。"
    ),
    "slips.averaged": "{misconception}：你把各通道的结果图取了平均；滤波器是把它们加起来。",
    "slips.one_kernel": (
        "{misconception}：你拿同一个卷积核 weights[:, :, {c}, j] 扫过了每个通道；滤波器每个通道有一个"
        "卷积核，通道 c 由它自己的 weights[:, :, c, j] 扫过。"
    ),
    "slips.first_channel": "只算了第一个通道；要把全部 C_in 个通道的结果图加起来。",
    "slips.no_jump": (
        "窗口没有跳着走：步幅为 {s} 时，输出 (i, j) 的窗口从输入的第 i · {s} 行、第 j · {s} 列开始，"
        "而不是第 i 行、第 j 列。"
    ),
    "shape.only": "形状应该是 {want}，你的是 {got}。",
    "shape.forgot_strides": (
        "形状应该是 {want}，你的是 {got}。{misconception}：这是步幅为 1、每个位置都算的特征图；"
        "步幅为 {s} 时卷积核一次跳 {s} 个像素，所以特征图是 {size}。"
    ),
    "shape.input_size": (
        "形状应该是 {want}，你的是 {got}。这是输入的尺寸：这道练习不填充，所以输出是 {size}。"
    ),
    "shape.full": "形状应该是 {want}，你的是 {got}。这是 'full' 填充；只在卷积核完全落在 x 里面的位置滑动。",
    "shape.off_by_one": (
        "形状应该是 {want}，你的是 {got}。{misconception}：卷积核的第一个位置也要算：窗口的起始行是 {first}。"
    ),
    "shape.summed_filters": (
        "形状应该是 {want}，你的是 {got}。{misconception}：每个滤波器把它自己那些卷积核的结果图加成一张，"
        "各个滤波器的图则叠在一起，一个滤波器一个输出通道：(H', W', filters)。"
    ),
    "shape.read_swapped": (
        "形状应该是 {want}，你的是 {got}。你把权重的形状读成了 (kh, kw, filters, C_in)：{swapped}"
    ),
    "shape.one_map_per_kernel": (
        "形状应该是 {want}，你的是 {got}。{misconception}：你给每个输入通道都留了一张图；"
        "滤波器要把它的 C_in 张结果图加成一张。"
    ),
    "shape.channels_first": (
        "形状应该是 {want}，你的是 {got}。{misconception}：这道练习是通道在后，和 Keras 一样："
        "filters 轴放在最后，(H', W', filters)。"
    ),
    "shape.stack": (
        "形状应该是 {want}，你的是 {got}。一个滤波器一个输出通道：把各滤波器的图叠在最后一个轴上。"
    ),
}
