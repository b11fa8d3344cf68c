"""Chinese words of ``convlesson.explorers`` (see ``words/__init__.py``).

A control keeps its code name, which learners type (``kernel_size``), and a short gloss follows it.
Code values (``'valid'``, ``'named'``, ``'learned'``, ``'sobel x'``) stay in English.
"""

WORDS: dict[str, str] = {
    # ---------------------------------------------------------------- the controls, by their code names
    "control.input_size": "input_size 输入尺寸",
    "control.kernel_size": "kernel_size 卷积核大小",
    "control.strides": "strides 步幅",
    "control.padding": "padding 填充",
    "control.dilation_rate": "dilation_rate 空洞率",
    "control.step": "step 第几步",
    "control.c_in": "c_in 输入通道数",
    "control.filters": "filters 滤波器个数",
    "control.kernels": "kernels 选用的卷积核",
    "control.bias": "bias 偏置",
    "control.relu": "relu 用 ReLU",
    "control.weights": "weights 权重",
    "control.view": "view 视图",
    "control.groups": "groups 分组数",
    "control.kernel": "kernel 经典卷积核",
    "control.sample": "sample 样例图片",
    "control.conv_layer": "conv_layer 第几层",
    "play": "逐步播放",
    # ---------------------------------------------------------------- values a control refuses
    "true_false": "True/False（布尔值）",
    "error.int_type": "{name} 必须是 {lo} 到 {hi} 之间的整数，得到的是 {value}（{kind}）",
    "error.int": "{name} 必须是 {lo} 到 {hi} 之间的整数，得到的是 {value}",
    "error.float_type": "{name} 必须是 {lo} 到 {hi} 之间的数，得到的是 {value}（{kind}）",
    "error.float": "{name} 必须是 {lo} 到 {hi} 之间的数，得到的是 {value}",
    "error.choice_type": "{name} 必须是 {words} 之一；得到的是 {value}（{kind}）",
    "error.choice": "{name} 必须是 {words} 之一；得到的是 {value}",
    "error.bool": "{name} 必须是 True 或 False，得到的是 {value}（{kind}）",
    "error.no_option": "{name} 必须是 {words} 之一；但没有选中任何选项（index {index}）",
    "error.show_type": "show 必须是控件名的列表，例如 ['kernel_size']，得到的是 {value}",
    "error.show_unknown": "show 里有未知的控件 {bad}；控件有：{known}",
    "error.unknown": "未知的控件 {unknown}；控件有：{known}",
    "error.unknown_at_start": "{name} 没有控件 {unknown}；它的控件有：{known}",
    "closed": "这个 {name} 已经关闭了；请新建一个",
    "no_picture": "这组取值画不出图：{why}",
    # ---------------------------------------------------------------- rules between controls
    "allowed.options": "{options} 中的一个",
    "allowed.range": "{lo} 到 {hi}",
    "allowed.only": "只有 {value}",
    "rule.refused": "{why}；这里 {target} 能取的值：{allowed}",
    "rule.moved": "{why}；{target} 已改为 {new}。",
    "rule.with_dilation": "（dilation_rate 为 {d}）",
    "rule.kernel_fits": (
        "kernel_size {value}{dilation} 覆盖 {span} 个像素，但填充后的输入只有 {padded} 个像素宽，不会有输出"
    ),
    "rule.step": "step {value} 超出了最后一个输出位置（一共 {n} 个位置）",
    "rule.groups": "groups {value} 不能同时整除 C_in = {c_in} 和 filters = {filters}",
    "rule.learned": "学到的这一层{reason}，所以 {target} {value} 不适用",
    "reason.learned_c_in": "是在 RGB 图片上训练的：它的每个滤波器有 3 个卷积核（R、G、B）",
    "reason.learned_k": "的卷积核是 3 × 3 的",
    "rule.learned_dilation": (
        "学到的 {k} × {k} 卷积核在 dilation_rate 为 {value} 时覆盖 {span} 个像素，但填充后的输入只有 "
        "{padded} 个像素宽"
    ),
    "rule.filters_in_layer": "第 {layer} 层只有 {have} 个滤波器，没有滤波器 {last} 可以显示",
    # ---------------------------------------------------------------- what the explorers say
    "kernel_sweep.formula": "{formula}   （W' 同理）",
    "channel_sum.learned": (
        "learned：训练好的网络第一层中的滤波器 {j}（{name}），它自己学会了“红减绿”；权重保留一位小数。"
        "图中的偏置是滑块上的值。"
    ),
    "filter_bank.learned": (
        "learned：cl.trained_network() 的第一层，在红绿条纹和圆盘的小图片上训练得到；权重按打印出来的样子"
        "保留一位小数；颜色对立的滤波器按各卷积核的正负号命名（+R −G）。"
    ),
    "filter_bank.learned_weights": "学到的权重",
    "filter_sweep.learned_name": "学到的滤波器 {j}，{name}",
    "filter_sweep.learned": "learned：训练好的网络第一层里颜色对立的滤波器，权重和偏置保留一位小数。",
    "grouped.depthwise": (
        "groups = {g} = C_in（深度卷积）：每个滤波器只读 {c_in} 个通道中的 1 个，所以只有 1 个卷积核"
    ),
    "grouped.reads.one": (
        "groups = {g}：每个滤波器读 {c_in} 个通道中的 C_in/groups = {n} 个，所以有 {n} 个卷积核"
    ),
    "grouped.reads.many": (
        "groups = {g}：每个滤波器读 {c_in} 个通道中的 C_in/groups = {n} 个，所以有 {n} 个卷积核"
    ),
    "grouped.kernels": "这一层共有 {filters}·{per} = {total} 个卷积核   （groups = 1 时：{ungrouped}）",
    "grouped.parameters": (
        "参数：{filters}·({k}·{k}·{per}) + {filters} = {total}   （groups = 1 时：{ungrouped}）"
    ),
    "upload": "上传图片",
    "upload.refused": "{why}。图片保持不变。",
    "upload.the_file": "这个文件",
    "upload.named": "上传的文件 {name}",
    "playground.not_3x3": (
        "{name} 是 3×3 的卷积核；kernel_size 为 {k} 时权重是随机的（把 kernel_size 设为 3 就能看到它）。"
    ),
    "playground.on_each": "{name} ÷ 3，R、G、B 各一个",
    "playground.one_filter": (
        "{name} 卷积核（权重 ÷ 3）用在 R、G、B 每个通道上，三张图相加：它看到的是灰度图。"
    ),
    "playground.filters": (
        "滤波器 0 把 {name} 卷积核（权重 ÷ 3）用在 R、G、B 每个通道上：它看到的是灰度图。其他滤波器是随机的。"
    ),
    "error.sample": "name 必须是 {names} 之一，得到的是 {value}",
    "learned.more_than": "超过 99.9",
    "learned.says": "网络的回答：{answer}（把握 {sure} %）",
    "learned.layer_2": (
        "第 2 层的输入是第 1 层的 8 张特征图经过 ReLU 和 2×2 最大池化的结果（m0 到 m7，值达到 {limit} 就画成"
        "最亮）："
        "它的每个滤波器对每张图各有一个卷积核。"
    ),
    "learned.first_filters": "只显示第 {layer} 层 {n} 个滤波器中的前 {f} 个。",
    "learned.bank_title": "第 {layer} 层学到的权重",
    "class.red vertical stripes": "red vertical stripes（红色竖条纹）",
    "class.green vertical stripes": "green vertical stripes（绿色竖条纹）",
    "class.red horizontal stripes": "red horizontal stripes（红色横条纹）",
    "class.green horizontal stripes": "green horizontal stripes（绿色横条纹）",
    "class.red disc": "red disc（红色圆盘）",
    "class.green disc": "green disc（绿色圆盘）",
    # ---------------------------------------------------------------- the training run
    "training.train": "训练",
    "training.epoch_of": "第 {n} 轮，共 {total} 轮",
    "training.press": "按“训练”：{pictures} 张图片，{epochs} 轮，seed {seed}。",
    "training.this_run": "这次训练：{pictures} 张图片，seed {seed}",
    "training.in_grey": "灰色是训练出随包权重的那次训练。按“训练”，画出你自己的一次。",
    "training.shipped": "随包权重：{pictures} 张图片，{epochs} 轮",
    "training.training": "正在用 {pictures} 张图片训练……",
    "training.epoch": "第 {n} 轮：损失 {loss}，答对 {right} % 的图片",
    "training.trained": (
        "训练用了 {seconds} 秒。在 {pictures} 张它从没见过的新图片上，它答对 {right} %。（在 Python 里："
        "run.network。）"
    ),
    # ---------------------------------------------------------------- the answer box
    "answer.label": "你的答案：",
    "answer.check": "检查",
    "answer.tooltip": "检查你的答案",
    "answer.too_long": "{label}：这个答案有 {n} 个字符，答案都很短。",
    "answer.empty": "{label}：先在框里输入你的答案，再按“检查”。",
    "answer.failed": "{label}：这个答案没法检查（{error}）。",
    "answer.repr": "答题框（{label}）：输入你的答案，再按“检查”。",
    "answer.right_mark": "：答对了！",
    # ---------------------------------------------------------------- a page without widgets
    "fallback.note": (
        "这里没有滑块：这个页面缺少 Jupyter 的控件前端。要显示滑块，请在运行 Jupyter 的环境里执行 "
        "pip install ipywidgets，刷新页面，再运行这个单元格。"
    ),
}
