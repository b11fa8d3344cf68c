"""The slips that come back across exercises, in English: the words that start their feedback.

``cl.check`` prints "not quite (answer) — " and then, for a slip of one of these kinds, these words,
a colon and the slip's own feedback. Keys are the names the exercises use (do not change them).
"""

WORDS = {
    "one-map-per-kernel": "one map per kernel",
    "one-bias-per-kernel": "one bias per kernel",
    "channels-first": "PyTorch's channels-first data order, (N, C, H, W)",
    "oihw-layout": "PyTorch's OIHW weight layout",
    "hwio-layout": "Keras's HWIO weight layout",
    "square-kernel": "a square kernel assumed",
    "filters-as-kernels": "filters counted as kernels",
    "kernels-as-filters": "kernels counted as filters",
    "forgot-bias": "forgot the bias",
    "padding-total": "per-side vs total padding",
    "forgot-floor": "forgot the floor",
    "flipped-kernel": "a flipped kernel",
    "averaged-channels": "averaged instead of added",
    "in-out-swapped": "in and out swapped",
    "weights-as-kernels": "weights counted as kernels",
    "whole-filter": "a whole filter, not one kernel",
    "one-kernel": "one kernel, not a filter",
    "previous-c-in": "the wrong C_in for a chained layer",
    "groups-ignored": "groups ignored",
    "same-with-strides": "'same' with strides",
    "odd-pixel-before": "TensorFlow's odd pixel goes after",
    "forgot-strides": "forgot the strides",
    "off-by-one": "off by one",
    "no-shrink": "no padding, so the map shrinks",
    "summed-filters": "the filters' maps added together",
    "filter-2d": "a filter is 3-D, not 2-D",
    "dilation-span": "a dilated kernel spans dilation_rate · (k − 1) + 1 pixels",
}
