"""Chinese words of ``convlesson.pictures`` (see ``words/__init__.py``).

The terms are the course's (卷积核 a kernel, 滤波器 a filter, 通道, 特征图, 步幅, 填充, 空洞, 偏置, 部分和);
code words a learner types (``kernel_size``, ``'same'``, ``'sobel x'``) stay in English.
"""

WORDS: dict[str, str] = {
    # ---------------------------------------------------------------- words every picture uses
    "input": "输入",
    "output": "输出",
    "padding.added": " + 填充",
    "filter": "滤波器 {j}",
    "filter_named": "滤波器 {j} · {name}",
    "map": "特征图 {j}",
    "output_channel": "输出通道 {j}",
    "each": "各一张",
    "n_kernels.one": "{n} 个卷积核",
    "n_kernels.many": "{n} 个卷积核",
    "n_filters.one": "{n} 个滤波器",
    "n_filters.many": "{n} 个滤波器",
    "numbers_hidden": "在这个尺寸下太小、看不清的数字就不写了。",
    "numbers_hidden.colours": "在这个尺寸下太小、看不清的数字就不写了，颜色照样表示它们的大小。",
    # ---------------------------------------------------------------- code words, as a picture writes them
    "named.yellow minus blue": "yellow minus blue（黄减蓝）",
    "named.yellow-blue edges": "yellow-blue edges（黄蓝边缘）",
    "named.brightness blur": "brightness blur（亮度模糊）",
    "named.random": "random（随机）",
    "named.identity": "identity（恒等）",
    "named.box blur": "box blur（均值模糊）",
    "named.gaussian blur": "gaussian blur（高斯模糊）",
    "named.sharpen": "sharpen（锐化）",
    "named.sobel x": "sobel x（x 方向梯度）",
    "named.sobel y": "sobel y（y 方向梯度）",
    "named.laplacian": "laplacian（拉普拉斯）",
    # ---------------------------------------------------------------- one kernel sweeping one channel
    "sweep.input": "输入 {h}×{w}",
    "sweep.kernel": "卷积核 {kh}×{kw}{dilation}",
    "sweep.dilation": "，空洞 {d}",
    "sweep.products": "窗口 ⊙ 卷积核",
    "sweep.output": "输出 {oh}×{ow}",
    "sweep.step": "第 {n} 步（共 {total} 步）：output[{i}, {j}] = ",
    "sweep.sum_of_products": "{n} 个乘积之和",
    # ---------------------------------------------------------------- one filter: its maps added
    "channel_sum.kernels": "卷积核",
    "channel_sum.kernels_shape": "{kernels} {shape}，每个通道一个",
    "channel_sum.maps": "卷积结果",
    "channel_sum.map_each": "每个卷积核一张",
    "channel_sum.more.one": "⋮  另外 {n} 个通道（{span}）也有自己的卷积核和图，同样加进来",
    "channel_sum.more.many": "⋮  另外 {n} 个通道（{span}）也各有自己的卷积核和图，同样加进来",
    "channel_sum.sum.one": "Σ：{n} 张图之和",
    "channel_sum.sum.many": "Σ：{n} 张图之和",
    "channel_sum.bias": "+ 偏置 {bias}",
    "channel_sum.feature_map": "一张特征图 ({oh}, {ow})",
    # ---------------------------------------------------------------- a layer: filters × C_in kernels
    "layer.weights": "权重",
    "layer.one_per_channel": "{kernels}，每个通道一个",
    "layer.maps": "特征图",
    "layer.zero_to": "0 到 {limit}",
    "layer.more_filters.one": "⋮  还有 {n} 个滤波器 → 还有 {n} 张特征图",
    "layer.more_filters.many": "⋮  还有 {n} 个滤波器 → 还有 {n} 张特征图",
    "layer.more_channels.one": "⋯  还有 {n} 个通道（{span}），每个滤波器里再多一个卷积核",
    "layer.more_channels.many": "⋯  还有 {n} 个通道（{span}），每个通道在每个滤波器里各有一个卷积核",
    "layer.more_channels_grouped.one": "⋯  还有 {n} 个通道（{span}），读它的每个滤波器里再多一个卷积核",
    "layer.more_channels_grouped.many": (
        "⋯  还有 {n} 个通道（{span}），每个通道在读它的滤波器里各有一个卷积核"
    ),
    # ---------------------------------------------------------------- every filter at one position
    "filter_sweep.step": "第 {n} 步（共 {total} 步）：输出位置 {position}",
    "filter_sweep.explain": "每个滤波器：各卷积核的部分和相加（Σ），加上偏置，得到它输出通道里的一个数。",
    "filter_sweep.plus_bias": "+ 偏置 ({bias}) = {total}",
    "filter_sweep.equation_head": "手算这一步（权重为 0 的乘积不起作用，省略不写）：",
    "filter_sweep.sums_head": "手算这一步：每个卷积核的部分和，再 + 偏置（乘积太多，不逐个写出）：",
    "equation.filter": "滤波器 {j}：{terms}",
    # ---------------------------------------------------------------- the same layer as volumes
    "volumes.input_note": "H × W = {h} × {w}，深度 C_in = {c_in}",
    "volumes.depth_c_in": "深度 C_in = {c_in}",
    "volumes.filter": "滤波器 {j} {shape}",
    "volumes.filters": "滤波器",
    "volumes.kernels_each.one": "各含 {n} 个卷积核",
    "volumes.kernels_each.many": "各含 {n} 个卷积核",
    "volumes.map_of_filter": "特征图 {j} ← 滤波器 {j}",
    "volumes.depth_filters": "深度 = filters = {n}",
    # ---------------------------------------------------------------- the course in one picture
    "summary.kernel": "卷积核",
    "summary.filter": "滤波器",
    "summary.layer": "卷积层",
    "summary.layer_shape": "4-D：filters × C_in 个卷积核",
    "summary.for_r": "属于通道 R",
    "summary.kernel_caption": "一个权重矩阵，只在一个输入通道上滑动。",
    "summary.filter_caption": (
        "C_in 个同样大小的卷积核，每个输入通道一个；它们的图相加，再加一个偏置：得到一个输出通道。"
    ),
    "summary.layer_caption": (
        "Conv2D(filters, kernel_size)：每个滤波器产生一个输出通道；这里 {filters} 个滤波器 × 3 个卷积核 = "
        "{kernels} 个卷积核。"
    ),
    "summary.equation_title": "一个输出数字：滤波器 f 在输出位置 (i, j)",
    "summary.equation_words": (
        "内层的和：卷积核 (c, f) 乘以通道 c 的窗口，得到一个部分和；外层的和：滤波器把它的 C_in 个部分和相加"
        "；"
        "最后加上它唯一的偏置。（Keras 的 w：(kh, kw, C_in, filters)。）"
    ),
    # ---------------------------------------------------------------- a training run
    "training.this_run": "这次训练",
    "training.loss": "损失（对数刻度）",
    "training.accuracy": "答对的图片比例",
    "training.epoch": "轮次（epoch）",
    # ---------------------------------------------------------------- the draw_* functions
    "draw.kernel": "卷积核 {shape}",
    "draw.filter": "滤波器，形状 {shape}",
    "draw.layer": "层的权重：{filters} 个滤波器 × {per} 个卷积核 = {total} 个卷积核",
    "draw.input": "输入 {shape}",
    "draw.output": "输出 {shape}",
    "layout.kernel": "二维数组 (kh, kw)",
    "layout.filter": "三维数组 (kh, kw, C_in)",
    "layout.layer": "四维数组 (kh, kw, C_in/groups, filters)",
    "layout.channels": "(H, W) 或 (H, W, C_in) 的数组",
    "layout.maps": "(H', W') 或 (H', W', n) 的数组",
    "layout.input": "(H, W, C_in) 的数组",
    "what.input_channel": "输入通道",
    "what.grouped_channel": "输入通道（C_in = 每个滤波器的卷积核数 × groups）",
    "what.channel": "通道",
    "what.channels": "通道",
    "what.map": "特征图",
    # ---------------------------------------------------------------- errors a learner can cause
    "error.ax": (
        "ax 必须是可以在上面作图的 matplotlib Axes，得到的是 {value}（{kind}）；例如 fig, ax = plt.subplots()"
        "，"
        "或 ax = matplotlib.figure.Figure().add_subplot()"
    ),
    "error.layout": "{name} 必须是{layout}，得到的形状是 {shape}",
    "error.empty": "{name} 不能有长度为 0 的维度，得到的形状是 {shape}",
    "error.title": "title 必须是 str（或 None，用默认标题），得到的是 {value}（{kind}）",
    "error.vmax_type": (
        "vmax 必须是正数（色标从 -vmax 到 +vmax）或 None，得到的是 {value}（{kind}）；例如 vmax=1.0"
    ),
    "error.vmax": (
        "vmax 必须是有限的正数（色标从 -vmax 到 +vmax），得到的是 {value}；例如 vmax=1.0，或用 None 按数据自"
        "动确定"
    ),
    "error.names_type": "names 必须是含 {count} 个 str 的列表，每个{what}一个，得到的是 {value}（{kind}）",
    "error.names_count": "names 必须有 {count} 个名字，每个{what}一个，得到 {got} 个：{value}",
    "error.groups_suffix": "，且能整除 filters={filters}",
    "error.groups": "groups 必须是能整除 filters={filters} 的正整数，得到的是 {value}",
    "error.padding_word": (
        "这里的 padding 必须是补零的像素数，得到的是 {value}：一个 int、一对 (h, w)，或 ((top, bottom), "
        "(left, right))；像 'same' 这样的填充方式，补多少取决于卷积核："
        "用 cl.padding_amounts((H, W), kernel_size, padding='same') 就能算出来"
    ),
    "error.less_padding": "少填充一些",
    "error.trace": "trace 必须是 convlesson.sweep(...) 得到的 SweepTrace，得到的是 {kind}",
    "error.step_type": "step 必须是 0 到 {last} 的 int（这个 trace 共 {n} 步），得到的是 {value}（{kind}）",
    "error.step": "step 必须是 0 到 {last} 的 int（这个 trace 共 {n} 步），得到的是 {value}",
    "error.layer": "layer 必须是 cl.Conv2D 层，得到的是 {value}",
    "error.volume_step": "step 必须是 None 或 0 到 {last} 的 int，得到的是 {value}",
}
