"""``shape_text``: a Conv2D layer's shape arithmetic with the numbers plugged in, as lines of text.

The explorers write these lines under their pictures; ``06_conv2d_layer`` prints them.
"""

from __future__ import annotations

from .language import catalog
from .shapes import _wants_pair, as_bool, as_pair, output_size, output_size_formula, param_count

__all__ = ["shape_text"]

say = catalog("core")


def shape_text(
    size,
    c_in,
    kernel_size,
    filters,
    strides=1,
    padding="valid",
    dilation_rate=1,
    groups=1,
    use_bias=True,
    *,
    one_map=False,
) -> list[str]:
    """The shape arithmetic of a Conv2D layer, numbers plugged in, as lines of text.

    ``size``, ``kernel_size``, ``strides`` and ``dilation_rate`` are ints or ``(h, w)`` pairs, and
    ``padding`` is anything :func:`convlesson.output_size` takes. Returns three lines:

    0. the output-size formula: for the height ``H'``, followed by ``(W' likewise: ...)`` when the width's
       numbers are the same, or by the width's own formula ``W' = ...`` when any of them differs;
    1. the output shape ``(H', W', filters)``;
    2. the parameter count ``filters·(kh·kw·C_in/groups) + filters = N``.

    With ``one_map`` (a single output map, before the word *filter* is taught) the lines speak of
    the map and its kernels only: ``output shape (H', W') = ...`` and ``kh·kw·C_in + bias = N``.

    Introduced in ``06_conv2d_layer``.

    >>> shape_text(28, 3, 3, 2)[1]
    "output shape (H', W', filters) = (26, 26, 2)"
    >>> shape_text((28, 28), 3, (3, 5), 2)[1]
    "output shape (H', W', filters) = (26, 24, 2)"
    """
    formula_h = output_size_formula(size, kernel_size, strides, padding, dilation_rate, symbol="H")
    formula_w = output_size_formula(size, kernel_size, strides, padding, dilation_rate, symbol="W")
    params = param_count(kernel_size, c_in, filters, use_bias=use_bias, groups=groups)
    use_bias = as_bool(use_bias, "use_bias")
    hw = output_size(size, kernel_size, strides, padding, dilation_rate)
    oh, ow = hw if _wants_pair(size, kernel_size, strides, padding, dilation_rate) else (hw, hw)
    kh, kw = as_pair(kernel_size, "kernel_size")
    c_in, filters, groups = int(c_in), int(filters), int(groups)
    if formula_w[1:] == formula_h[1:]:
        formula = say("shape_text.square", formula=formula_h)
    else:
        formula = f"{formula_h};   {formula_w}"
    if one_map and oh and ow:
        shape = say("shape_text.one_map", oh=oh, ow=ow)
    elif oh and ow:
        shape = say("shape_text.shape", oh=oh, ow=ow, filters=filters)
    else:
        shape = say("shape_text.none")
    numbers = {"kh": kh, "kw": kw, "c_in": c_in, "filters": filters, "groups": groups, "params": params}
    if one_map:
        key = "shape_text.map_params"
    else:
        key = "shape_text.params" if groups == 1 else "shape_text.grouped_params"
    return [formula, shape, say(key + ("_bias" if use_bias else ""), **numbers)]
