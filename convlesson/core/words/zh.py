"""Chinese words of ``convlesson.core`` (see ``words/__init__.py``).

The terms are the course's (卷积核 for a 2-D kernel, 滤波器 for a filter, 通道, 特征图, 步幅, 填充, 偏置,
权重); parameter names, code and values stay as they are typed (``kernel_size``, ``'valid'``).
"""

WORDS: dict[str, str] = {
    # ------------------------------------------------------------------ language.py
    "language.unknown": "{name} 必须是 {codes} 之一，传入的是 {value}",
    # ------------------------------------------------------------------ shapes.py: values in messages
    "show.huge_int": "<约 {digits} 位的整数>",
    "show.unprintable": "<{kind} 对象>",
    "kind.bool": "布尔值",
    # the common arguments
    "bool.type": "{name} 必须是 True 或 False，传入的是 {value}（{kind}）",
    "seed.type": "{name} 必须是非负整数，传入的是 {value}（{kind}）；例如 {name}=0",
    "seed.negative": "{name} 必须是非负整数，传入的是 {value}；例如 {name}=0",
    "pair.type": (
        "{name} 必须是一个整数，或两个整数组成的 (h, w)，传入的是 {value}（{kind}）；"
        "例如 {name}={one} 或 {name}={pair}"
    ),
    "pair.too_small": "{name} 至少要是 {minimum}，传入的是 {value}；例如 {name}={one}",
    "positive_int.type": "{name}{note} 必须是正整数，传入的是 {value}（{kind}）",
    "positive_int.small": "{name}{note} 必须是正整数，传入的是 {value}",
    "note.output_channels": "（输出通道数）",
    "note.c_in": "（输入的通道数）",
    "note.filters": "（滤波器个数，也就是输出通道数）",
    "note.groups": "（groups=1 就是普通卷积）",
    # padding
    "padding.word": (
        "padding {value} 不是填充方式的名字；请用 'valid'、'same'、'full' 之一，"
        "或者直接给出填充量：一个整数、一对 (h, w)，或 ((top, bottom), (left, right))"
    ),
    "padding.unknown": (
        "看不懂 padding {value}；请用 'valid'、'same'、'full'，一个整数（四边一样），"
        "一对 (h, w)，或 ((top, bottom), (left, right))"
    ),
    "padding.amount_type": "{name} 必须是整数个像素，传入的是 {value}（{kind}）",
    "padding.amount_negative": "{name} 必须是 0 个或更多像素，传入的是 {value}；填充不能是负数",
    "padding.top": "padding 的上边",
    "padding.bottom": "padding 的下边",
    "padding.left": "padding 的左边",
    "padding.right": "padding 的右边",
    # a kernel that does not fit
    "fits.tall": (
        "kernel_size {k} 要占 {span} 个像素，可填充后的输入只有 {size} 像素高，所以没有输出；"
        "请用更小的 kernel_size 或 dilation_rate，或者多填充一些"
    ),
    "fits.wide": (
        "kernel_size {k} 要占 {span} 个像素，可填充后的输入只有 {size} 像素宽，所以没有输出；"
        "请用更小的 kernel_size 或 dilation_rate，或者多填充一些"
    ),
    "fits.tall_dilated": (
        "kernel_size {k} 加上 dilation_rate {d}，要占 {span} 个像素，可填充后的输入只有 {size} 像素高，"
        "所以没有输出；请用更小的 kernel_size 或 dilation_rate，或者多填充一些"
    ),
    "fits.wide_dilated": (
        "kernel_size {k} 加上 dilation_rate {d}，要占 {span} 个像素，可填充后的输入只有 {size} 像素宽，"
        "所以没有输出；请用更小的 kernel_size 或 dilation_rate，或者多填充一些"
    ),
    # shapes and counts
    "input_shape.form": (
        "input_shape 必须是 (H, W, C_in) 或 (N, H, W, C_in)，传入的是 {value}；例如 (28, 28, 3)"
    ),
    "input_shape.type": (
        "input_shape 里必须都是正整数，传入的是 {value}（其中的 {item} 是 {kind}）；例如 (28, 28, 3)"
    ),
    "input_shape.small": "input_shape 里必须都是正整数，传入的是 {value}；例如 (28, 28, 3)",
    "groups.divide_count": (
        "groups={groups} 必须同时整除 c_in={c_in} 和 filters={filters}；"
        "试试 groups=1，或者它们的公约数，比如 {divisor}"
    ),
    "symbol.unknown": "symbol 必须是 'H'（高，第 0 轴）或 'W'（宽，第 1 轴），传入的是 {value}",
    "formula.no_output": "{formula}：卷积核要占 {span} 个像素，可填充后的输入只有 {padded} 个，所以没有输出",
    # ------------------------------------------------------------------ shape_text.py: a layer's arithmetic
    "shape_text.square": "{formula}   （W' 同理：输入是正方形）",
    "shape_text.one_map": "输出形状 (H', W') = ({oh}, {ow})",
    "shape_text.shape": "输出形状 (H', W', filters) = ({oh}, {ow}, {filters})",
    "shape_text.none": "输出形状 (H', W', filters)：没有输出，卷积核放不进填充后的输入",
    "shape_text.map_params": "参数：kh·kw·C_in = {kh}·{kw}·{c_in} = {params}",
    "shape_text.map_params_bias": "参数：kh·kw·C_in + 偏置 = {kh}·{kw}·{c_in} + 1 = {params}",
    "shape_text.params": "参数：filters·(kh·kw·C_in) = {filters}·({kh}·{kw}·{c_in}) = {params}",
    "shape_text.params_bias": (
        "参数：filters·(kh·kw·C_in) + filters = {filters}·({kh}·{kw}·{c_in}) + {filters} = {params}"
    ),
    "shape_text.grouped_params": (
        "参数：filters·(kh·kw·C_in/groups) = {filters}·({kh}·{kw}·{c_in}/{groups}) = {params}"
    ),
    "shape_text.grouped_params_bias": (
        "参数：filters·(kh·kw·C_in/groups) + filters = "
        "{filters}·({kh}·{kw}·{c_in}/{groups}) + {filters} = {params}"
    ),
    # ------------------------------------------------------------------ conv.py
    "numeric.ragged": "{name} 必须是规整的数字数组；numpy 读不了它（{reason}）",
    "numeric.dtype": (
        "{name} 里必须是实数（int 或 float），传入的数组 dtype 是 {dtype}；"
        "可以用 np.asarray({name}, dtype=float) 转换"
    ),
    "groups.type": "groups 必须是正整数，传入的是 {value}（{kind}）；groups=1 就是普通卷积",
    "groups.small": "groups 必须是正整数，传入的是 {value}；groups=1 就是普通卷积",
    "groups.divide": (
        "groups={groups} 必须同时整除 C_in={c_in} 和 filters={filters}；这里能用的 groups 有 {working}"
    ),
    "size.too_big": "{what}需要 {amount}（超过 {limit} GiB）；{advice}",
    "size.too_big_shape": "形状为 {shape} 的{what}需要 {amount}（超过 {limit} GiB）；{advice}",
    "what.output": "输出",
    "what.padded_input": "填充后的输入",
    "what.maps": "各通道的结果图",
    "what.weights": "Conv2D(filters={filters}, kernel_size={kernel_size}) 在 c_in={c_in} 时的权重",
    "what.photo": "照片",
    "what.channels": "通道",
    "what.grid": "网格",
    "what.scene": "场景图",
    "advice.conv": "请用更小的输入、更少的滤波器（filters）、更少的填充（padding）或更大的步幅（strides）",
    "advice.weights": "请用更少的滤波器、更小的 kernel_size 或更少的输入通道（c_in）",
    "advice.size": "请用更小的 size",
    "advice.size_c_in": "请用更小的 size 或 c_in",
    "conv.x2d_kernel": (
        "二维的 x（一个通道，形状 {x_shape}）要配一个二维的 (kh, kw) 卷积核，传入的卷积核形状是 {shape}"
    ),
    "conv.kernel_4d": (
        "{name} 必须是四维的 (kh, kw, C_in/groups, filters)，传入的形状是 {shape}；"
        "只有一个形状为 (kh, kw, C_in) 的滤波器时，可以写 kernel[..., None]"
    ),
    "conv.x_dims": "x 必须是 (H, W)、(H, W, C_in) 或 (N, H, W, C_in)，传入的是 {ndim} 维的 {shape}",
    "empty": "{name} 不能有长度为 0 的维，传入的形状是 {shape}",
    "conv.c_in": (
        "x 有 C_in={c_in} 个通道，可 {name} 里每个滤波器只有 {per} 个卷积核"
        "（{name} 的形状是 {shape}）；它的第三轴必须是 C_in = {want}"
    ),
    "conv.c_in_grouped": (
        "x 有 C_in={c_in} 个通道，可 {name} 里每个滤波器只有 {per} 个卷积核"
        "（{name} 的形状是 {shape}）；它的第三轴必须是 C_in / groups = {c_in}/{groups} = {want}"
    ),
    "bias.shape": "bias 的形状必须是 (filters,) = ({filters},)，每个滤波器一个；传入的是 {shape}",
    "layout.keras": (
        "kernel 必须是四维的，按 Keras 的存法 (kh, kw, C_in/groups, filters)，传入的形状是 {shape}"
    ),
    "layout.torch": (
        "weight 必须是四维的，按 PyTorch 的存法 (out_channels, in_channels/groups, kh, kw)，"
        "传入的形状是 {shape}"
    ),
    # ------------------------------------------------------------------ layer.py
    "activation.unknown": "activation 必须是 None 或 'relu'，传入的是 {value}",
    "bias.without_use_bias": "给了 bias，却又设了 use_bias=False；请传 use_bias=True，或者去掉 bias",
    "kernel.shape": (
        "kernel 的形状必须是 (kh, kw, C_in/groups, filters) = ({kh}, {kw}, C_in/{groups}, {filters})，"
        "传入的是 {shape}"
    ),
    "kernel.no_kernels": (
        "kernel 的形状必须是 (kh, kw, C_in/groups, filters) = ({kh}, {kw}, C_in/{groups}, {filters})，"
        "而且每个滤波器至少要有一个卷积核，传入的是 {shape}"
    ),
    "kernel.c_in": (
        "c_in={c_in}，可 kernel 的形状 {shape} 在 groups={groups} 下意味着 C_in={derived}；"
        "请传 c_in={derived}，或者干脆不传"
    ),
    "layer.unbuilt": "这个层还没有权重：请传 c_in=... 或 kernel=...，或者先拿一个输入调用它",
    "layer.filter_index": "滤波器编号 j 必须是 0 到 {last} 的整数，传入的是 {value}",
    "layer.channel": (
        "通道 c={value} 不在滤波器 {j} 看得到的通道里：groups={groups} 时，它只有输入通道 "
        "{first}..{last} 的卷积核"
    ),
    "layer.x_dims": "x 必须是 (H, W, C_in) 或 (N, H, W, C_in)，传入的形状是 {shape}",
    "layer.x_channels": (
        "x 有 {channels} 个通道（形状 {shape}），可这个层是按 C_in={c_in} 建的；请给它一个 {c_in} 通道的输入"
    ),
    "layer.input_shape_channels": (
        "input_shape {value} 有 {channels} 个通道，可这个层是按 C_in={c_in} 建的；"
        "请给它一个 {c_in} 通道的输入"
    ),
    # ------------------------------------------------------------------ sweeps.py
    "sweep.upto_type": "upto 必须是 0 到 {last} 之间的整数步号，传入的是 {value}（{kind}）",
    "sweep.upto": "upto 必须是 0 到 {last} 之间的整数步号，传入的是 {value}",
    "sweep.step": "step 必须是 0 到 {last} 的整数（一共 {n} 个位置），传入的是 {value}",
    "sweep.bias_one_channel": (
        "x 只有一个通道 (H, W) 时，bias 必须是 None：卷积核没有偏置；想让滤波器连同偏置一起滑动，"
        "请把 x 写成 (H, W, 1)，把 weights 写成 (kh, kw, 1, 1)"
    ),
    "sweep.x_dims": (
        "sweep 的 x 必须是一个通道 (H, W) 或一个输入 (H, W, C_in)，传入的形状是 {shape}；"
        "一批图像请一张一张地滑动"
    ),
    "sweep.weights_4d": (
        "x 是 (H, W, C_in) 时，weights 必须是四维的 (kh, kw, C_in, filters)，传入的形状是 {shape}；"
        "只有一个形状为 (kh, kw, C_in) 的滤波器时，可以写 weights[..., None]"
    ),
    "sweep.weights_2d": (
        "x 只有一个通道 (H, W) 时，weights 必须是一个二维的 (kh, kw) 卷积核，传入的形状是 {shape}"
    ),
    # ------------------------------------------------------------------ summary.py
    "summary.with_network": "给了网络就不要再给 layers：summary(network) 会列出网络自己的层",
    "summary.layers": "layers 必须是由 cl.Conv2D 层组成的列表，传入的是 {value}",
    "summary.no_layers": "layers 里至少要有一个 cl.Conv2D 层，传入的是空列表",
    "summary.layer": "layers[{i}] 必须是 cl.Conv2D 层，传入的是 {value}",
    "summary.c_in": (
        "layers[{i}] 是按 C_in={built} 个通道建的，可它的输入 {shape} 有 {c_in} 个通道；"
        "一串层里，每一层的输入通道数就是上一层的滤波器个数"
    ),
    "summary.groups": "layers[{i}] 的 groups={groups}，必须同时整除它的 C_in={c_in} 和 filters={filters}",
    "summary.head.layer": "层",
    "summary.head.input_shape": "输入形状",
    "summary.head.filter_shape": "滤波器形状",
    "summary.head.filters": "滤波器",
    "summary.head.kernels": "卷积核",
    "summary.head.parameters": "参数",
    "summary.head.output_shape": "输出形状",
    "summary.total": "合计",
    # ------------------------------------------------------------------ bounded_cache.py
    "cache.max_bytes": "max_bytes 必须大于 0，传入的是 {value}",
    # ------------------------------------------------------------------ samples.py
    "classic.type": "name 必须是卷积核的名字（str），传入的是 {value}（{kind}）；可以选 {choices}",
    "classic.unknown": "name {value} 不是经典卷积核；可以选 {choices}",
    "count.type": "{name} 必须是不小于 {minimum} 的整数，传入的是 {value}（{kind}）；例如 {name}={example}",
    "count.small": "{name} 必须是不小于 {minimum} 的整数，传入的是 {value}",
    "count.range": "{name} 必须是 {minimum} 到 {maximum} 之间的整数，传入的是 {value}",
    "named.unknown": "name 必须是 {choices} 之一，传入的是 {value}",
    "named.weights": "weights 必须是 'named' 或 'random'，传入的是 {value}",
    "filter.yellow minus blue": "黄减蓝",
    "filter.yellow-blue edges": "黄蓝边缘",
    "filter.brightness blur": "亮度模糊",
    "filter.random": "随机",
    # ------------------------------------------------------------------ learned.py: a learned filter's name
    "learned.edges": "边缘",
    "learned.vertical_edges": "竖直边缘",
    "learned.horizontal_edges": "水平边缘",
    "learned.red_green_edges": "红/绿边缘",
    "learned.red_green_vertical_edges": "红/绿竖直边缘",
    "learned.red_green_horizontal_edges": "红/绿水平边缘",
    # ------------------------------------------------------------------ images.py: the learner's picture
    "image.what_works": "文件路径（PNG 或 JPEG）、文件的字节、PIL 图像，或者 (H, W) 或 (H, W, 3) 的数组",
    "image.bytes": "{n} 字节",
    "image.empty": "{what} 是空的（0 字节）；PNG 或 JPEG 图片都可以",
    "image.file_too_large": "{what} 有 {size}；只收 {limit} MB 以内的图片：请先把它缩小",
    "image.too_many_pixels": "{what} 有 {w} × {h} 个像素，超过了 {limit} 百万像素：请先把它缩小",
    "image.damaged_kind": (
        "{what} 已损坏或不完整（开头像是 {kind} 文件，可 Pillow 读不了）；请重新存成 PNG 或 JPEG 再试一次"
    ),
    "image.unreadable": "{what} 不是 Pillow 能读的图片；PNG 或 JPEG 文件都可以",
    "image.bomb": "{what} 的像素太多：请先把它缩小",
    "image.damaged": "{what} 已损坏或不完整（{reason}）；请重新存成 PNG 或 JPEG 再试一次",
    "image.ragged": "{name} 必须是 (H, W) 灰度数组或 (H, W, 3) RGB 数组；它的各行长短不一",
    "image.dtype": "{name} 必须是{works}，传入的是 {dtype} 类型的数组",
    "image.shape": "{name} 必须是 (H, W) 灰度数组或 (H, W, 3) RGB 数组，传入的形状是 {shape}",
    "image.array_pixels": "{name} 超过了 {limit} 百万像素：请先把它缩小",
    "image.not_finite": "{name} 里有 NaN 或无穷大；图片里的数应在 0 到 1 之间",
    "image.range": "{name} 里的数必须在 0 到 1 之间（或是 0 到 255 的整数），传入的数从 {lo} 到 {hi}",
    "image.not_file": "{what} 不是文件；请给出一张 PNG 或 JPEG 图片的路径",
    "image.pil_pixels": "{name} 有 {w} × {h} 个像素；图片要有 1 到 {limit} 个像素",
    "image.type": "{name} 必须是{works}，传入的是 {value}（{kind}）",
    "image.yours": "你的图片",
    "image.size_type": "size 必须是整数个像素，比如 64，传入的是 {value}（{kind}）",
    "image.size_range": "size 必须在 1 到 4096 像素之间，传入的是 {value}",
    "image.enlarged_flat": "{label} 只有 {w} × {h} 个像素：放大到 {size} × {size} 后，只剩一整块颜色。",
    "image.enlarged_blocky": (
        "{label} 只有 {w} × {h} 个像素：放大到 {size} × {size} 后，看起来会有马赛克或发糊。"
    ),
    # ------------------------------------------------------------------ network.py, training.py, toy_images
    "net.images": (
        "{name} 必须是一批图片 (N, H, W, {c_in})，N >= 1，H、W >= 8，传入的形状是 {shape}；"
        "只有一张图片时，用 {name}[None]"
    ),
    "net.params_type": "params 必须是由带名字的数组组成的 dict，传入的是 {kind}",
    "net.params_missing": "params 缺了 {missing}；它需要 {needed}",
    "net.params_fit": (
        "params 的形状对不上：conv1.kernel (kh, kw, C_in, F1)、conv2.kernel (kh, kw, F1, F2)、"
        "dense.kernel (F2, classes)；传入的是 {k1}、{k2}、{dk}"
    ),
    "net.class_names_count": "class_names 有 {names} 个名字，可类别有 {classes} 个",
    "net.filters_pair": "filters 必须是一对数（第 1 层, 第 2 层），传入的是 {value}",
    "net.class_names": "class_names 必须是至少有 2 个名字的列表，传入的是 {value}",
    "net.labels_shape": "labels 的形状必须是 (N,) = ({n},)，传入的是 {shape}",
    "net.one_image": "image 必须是一张图片 (H, W, {c_in})，传入的形状是 {shape}",
    "net.dtype": "dtype 必须是浮点类型（float16、float32、float64），传入的是 {value}",
    "net.no_file": "path {path} 不是文件；可以用 python -m convlesson.train --out PATH 训练一个",
    "train.positive_number": "{name} 必须是正数，传入的是 {value}",
    "train.net": "net 必须是 ToyCNN，传入的是 {kind}",
    "train.shapes": "x 必须是 (N, H, W, C_in)，labels 必须是 (N,)；传入的是 {x} 和 {labels}",
    "train.labels": "labels 必须是 [0, {classes}) 里的整数，传入的是 {dtype}，从 {lo} 到 {hi}",
    "train.on_epoch": "on_epoch 必须能这样调用：on_epoch(epoch, loss, accuracy)，传入的是 {value}",
    "toy.n": "n 最多是 {limit} 张图片，传入的是 {value}",
    "toy.size": "size 必须在 8 到 256（像素）之间，传入的是 {value}",
    "toy.classes": "classes 必须是非空的列表，名字取自 {names}，传入的是 {value}",
    "class.red vertical stripes": "红色竖条纹",
    "class.green vertical stripes": "绿色竖条纹",
    "class.red horizontal stripes": "红色横条纹",
    "class.green horizontal stripes": "绿色横条纹",
    "class.red disc": "红色圆盘",
    "class.green disc": "绿色圆盘",
}
