"""The slips that come back across exercises, in Chinese: the words that start their feedback.

``cl.check`` prints "还不对（answer）——" and then, for a slip of one of these kinds, these words, a
colon and the slip's own feedback. Keys are the names the exercises use (do not change them).
"""

WORDS = {
    "one-map-per-kernel": "每个卷积核一张图",
    "one-bias-per-kernel": "每个卷积核一个偏置",
    "channels-first": "PyTorch 通道在前的数据顺序 (N, C, H, W)",
    "oihw-layout": "PyTorch 的 OIHW 权重布局",
    "hwio-layout": "Keras 的 HWIO 权重布局",
    "square-kernel": "默认卷积核是正方形",
    "filters-as-kernels": "把滤波器当成卷积核来数",
    "kernels-as-filters": "把卷积核当成滤波器来数",
    "forgot-bias": "忘了偏置",
    "padding-total": "每边的填充和总填充搞混了",
    "forgot-floor": "忘了向下取整",
    "flipped-kernel": "卷积核翻转了",
    "averaged-channels": "取了平均，而不是相加",
    "in-out-swapped": "输入和输出弄反了",
    "weights-as-kernels": "把权重当成卷积核来数",
    "whole-filter": "取了整个滤波器，而不是一个卷积核",
    "one-kernel": "只有一个卷积核，而不是一个滤波器",
    "previous-c-in": "后一层的 C_in 用错了",
    "groups-ignored": "忽略了 groups",
    "same-with-strides": "带步幅的 'same'",
    "odd-pixel-before": "TensorFlow 把多出来的那个像素放在后面",
    "forgot-strides": "忘了步幅",
    "off-by-one": "差一错误",
    "no-shrink": "不填充，特征图就会变小",
    "summed-filters": "把各个滤波器的图加在了一起",
    "filter-2d": "滤波器是三维的，不是二维的",
    "dilation-span": "空洞卷积核覆盖 dilation_rate · (k − 1) + 1 个像素",
}
