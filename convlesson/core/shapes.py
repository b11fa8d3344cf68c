"""Shape arithmetic for 2-D convolution: output sizes, padding amounts, parameter counts.

Pure Python (no numpy), so that every other module can rely on it. The rules are the ones
Keras/TensorFlow and PyTorch use; the lessons ``01_the_sweep`` and ``02_padding_and_output_size``
derive them step by step.
"""

from __future__ import annotations

import math
import numbers
import sys

from .language import catalog

say = catalog("core")

#: An int for both axes, or an ``(h, w)`` pair.
IntOrPair = int | tuple[int, int]
#: A padding word, or explicit amounts: an int, an ``(h, w)`` pair, or ``((top, bottom), (left, right))``.
Padding = str | int | tuple[int, int] | tuple[tuple[int, int], tuple[int, int]]

__all__ = [
    "PADDING_WORDS",
    "output_size",
    "padding_amounts",
    "output_shape",
    "param_count",
    "output_size_formula",
]

#: The padding words every function accepts (case-insensitive).
PADDING_WORDS = ("valid", "same", "full")


class _OutOfRange(IndexError, ValueError):
    """An index outside its range: catchable as IndexError (indexing) or ValueError (bad input)."""


def _is_int(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def show(value, limit: int = 200) -> str:
    """``repr(value)`` for a message: ints too long to read shortened to their size, long text cut."""
    if _is_int(value) and abs(int(value)).bit_length() > 64:
        digits = int(abs(int(value)).bit_length() * math.log10(2)) + 1
        return f"{'-' if value < 0 else ''}{say('show.huge_int', digits=digits)}"
    if isinstance(value, (tuple, list)) and len(value) <= 20:
        inner = ", ".join(show(v, limit) for v in value)
        text = f"({inner}{',' if len(value) == 1 else ''})" if isinstance(value, tuple) else f"[{inner}]"
    else:
        try:
            text = repr(value)
        except Exception:  # an object whose repr fails still gets a message
            text = say("show.unprintable", kind=type(value).__name__)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _is_bool(value) -> bool:
    """True for ``True``/``False`` and numpy's bools (checked without importing numpy)."""
    if isinstance(value, bool):
        return True
    np = sys.modules.get("numpy")
    return np is not None and isinstance(value, np.bool_)


def as_bool(value, name: str) -> bool:
    """``value`` as a Python bool; numpy bools are fine, anything else is refused."""
    if not _is_bool(value):
        raise TypeError(say("bool.type", name=name, value=show(value), kind=type(value).__name__))
    return bool(value)


def as_seed(value, name: str = "seed") -> int:
    """Validate a random seed: a non-negative int (numpy ints are fine)."""
    if not _is_int(value):
        raise TypeError(say("seed.type", name=name, value=show(value), kind=type(value).__name__))
    if value < 0:
        raise ValueError(say("seed.negative", name=name, value=show(value)))
    return int(value)


def check_fits(padded_hw, kernel_hw, dilation_hw) -> None:
    """Raise when the dilated kernel is larger than the padded input along either axis."""
    for axis, name in ((0, "tall"), (1, "wide")):
        span = dilation_hw[axis] * (kernel_hw[axis] - 1) + 1
        if span > padded_hw[axis]:
            key = f"fits.{name}_dilated" if dilation_hw[axis] > 1 else f"fits.{name}"
            raise ValueError(
                say(
                    key,
                    k=show(kernel_hw[axis]),
                    d=show(dilation_hw[axis]),
                    span=show(span),
                    size=show(padded_hw[axis]),
                )
            )


#: What to suggest for each per-axis parameter: one int, and a pair.
_EXAMPLES = {
    "size": ("28", "(28, 20)"),
    "kernel_size": ("3", "(3, 5)"),
    "strides": ("1", "(2, 1)"),
    "dilation_rate": ("1", "(2, 1)"),
}


def as_pair(value, name: str, minimum: int = 1) -> tuple[int, int]:
    """Validate an int or an ``(h, w)`` pair of ints ``>= minimum`` and return it as a pair."""
    one, pair_example = _EXAMPLES.get(name, (str(max(minimum, 1)), f"({max(minimum, 1)}, {max(minimum, 1)})"))
    if _is_int(value):
        pair = (int(value), int(value))
    elif isinstance(value, (tuple, list)) and len(value) == 2 and all(_is_int(v) for v in value):
        pair = (int(value[0]), int(value[1]))
    else:
        kind = say("kind.bool") if isinstance(value, bool) else type(value).__name__
        raise TypeError(say("pair.type", name=name, value=show(value), kind=kind, one=one, pair=pair_example))
    for v in pair:
        if v < minimum:
            raise ValueError(say("pair.too_small", name=name, minimum=minimum, value=show(value), one=one))
    return pair


def _check_padding_word(padding: str) -> str:
    word = padding.lower()
    if word not in PADDING_WORDS:
        raise ValueError(say("padding.word", value=repr(padding)))
    return word


def _nonneg_int(value, name: str) -> int:
    if not _is_int(value):
        raise TypeError(say("padding.amount_type", name=name, value=show(value), kind=type(value).__name__))
    if value < 0:
        raise ValueError(say("padding.amount_negative", name=name, value=show(value)))
    return int(value)


def explicit_padding(padding) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Explicit padding amounts as ``((top, bottom), (left, right))``, or None for a padding word."""
    if isinstance(padding, str):
        _check_padding_word(padding)
        return None
    if _is_int(padding):
        p = _nonneg_int(padding, "padding")
        return ((p, p), (p, p))
    if isinstance(padding, (tuple, list)) and len(padding) == 2:
        if all(_is_int(v) for v in padding):
            h, w = (_nonneg_int(v, "padding") for v in padding)
            return ((h, h), (w, w))
        if all(isinstance(v, (tuple, list)) and len(v) == 2 for v in padding):
            (t, b), (left, r) = padding
            return (
                (_nonneg_int(t, say("padding.top")), _nonneg_int(b, say("padding.bottom"))),
                (_nonneg_int(left, say("padding.left")), _nonneg_int(r, say("padding.right"))),
            )
    raise TypeError(say("padding.unknown", value=show(padding)))


def _pad_1d(size: int, k: int, s: int, d: int, word_or_amounts, axis: int) -> tuple[int, int]:
    """Padding before/after along one axis (axis 0 = height, 1 = width)."""
    if isinstance(word_or_amounts, str):
        word = _check_padding_word(word_or_amounts)
        span = d * (k - 1) + 1
        if word == "valid":
            return (0, 0)
        if word == "full":
            return (span - 1, span - 1)
        # TensorFlow's 'same': output ceil(size / s); the odd pixel goes after (bottom/right).
        out = -(-size // s)
        total = max((out - 1) * s + span - size, 0)
        return (total // 2, total - total // 2)
    return explicit_padding(word_or_amounts)[axis]


def _output_1d(size: int, k: int, s: int, d: int, before: int, after: int) -> int:
    span = d * (k - 1) + 1
    padded = size + before + after
    if span > padded:
        return 0
    return (padded - span) // s + 1


def _is_pair_like(value) -> bool:
    return isinstance(value, (tuple, list))


def _wants_pair(size, kernel_size, strides, padding, dilation_rate) -> bool:
    """True when any argument is given per axis, so the answer must be per axis too."""
    return any(_is_pair_like(v) for v in (size, kernel_size, strides, dilation_rate, padding))


def _check_size(size, name="size") -> tuple[int, int]:
    return as_pair(size, name, minimum=1)


def _axis_pairs(size, kernel_size, strides, dilation_rate):
    """``size``, ``kernel_size``, ``strides`` and ``dilation_rate`` checked and made ``(h, w)`` pairs."""
    return (
        _check_size(size),
        as_pair(kernel_size, "kernel_size"),
        as_pair(strides, "strides"),
        as_pair(dilation_rate, "dilation_rate"),
    )


def padding_amounts(
    size: IntOrPair,
    kernel_size: IntOrPair,
    strides: IntOrPair = 1,
    padding: Padding = "valid",
    dilation_rate: IntOrPair = 1,
) -> tuple[int, int] | tuple[tuple[int, int], tuple[int, int]]:
    """Zero pixels added before and after the input, per side.

    With an int ``size`` (one axis) this returns ``(before, after)``; with an ``(H, W)`` pair it
    returns ``((top, bottom), (left, right))``. ``'same'`` follows TensorFlow: the output has
    ``ceil(size / strides)`` pixels and, when the total padding is odd, the extra pixel goes
    after (bottom/right). ``'full'`` pads ``dilation_rate * (kernel_size - 1)`` on each side.

    Introduced in ``02_padding_and_output_size``.

    >>> padding_amounts(5, 3, padding="same")
    (1, 1)
    >>> padding_amounts(6, 3, strides=2, padding="same")  # odd total: the extra pixel goes after
    (0, 1)
    """
    two_d = _wants_pair(size, kernel_size, strides, padding, dilation_rate)
    hw, k, s, d = _axis_pairs(size, kernel_size, strides, dilation_rate)
    pads = tuple(_pad_1d(hw[a], k[a], s[a], d[a], padding, a) for a in (0, 1))
    return pads if two_d else pads[0]


def output_size(
    size: IntOrPair,
    kernel_size: IntOrPair,
    strides: IntOrPair = 1,
    padding: Padding = "valid",
    dilation_rate: IntOrPair = 1,
) -> int | tuple[int, int]:
    """Number of output pixels along an axis: ``floor((size + before + after - span) / strides) + 1``.

    ``span = dilation_rate * (kernel_size - 1) + 1`` is how many input pixels the kernel covers.
    Returns 0 when the kernel does not fit in the padded input at all: it counts positions, and
    there are none (:func:`output_shape` and :func:`convlesson.conv2d` refuse that case with a
    ValueError, since there is no output to shape). An int ``size`` gives an int; an ``(H, W)``
    pair (or a pair for any other argument) gives ``(H', W')``.

    Introduced in ``02_padding_and_output_size``.

    >>> output_size(28, 3)
    26
    >>> output_size(7, 3, strides=2, padding=1)
    4
    """
    two_d = _wants_pair(size, kernel_size, strides, padding, dilation_rate)
    hw, k, s, d = _axis_pairs(size, kernel_size, strides, dilation_rate)
    out = []
    for a in (0, 1):
        before, after = _pad_1d(hw[a], k[a], s[a], d[a], padding, a)
        out.append(_output_1d(hw[a], k[a], s[a], d[a], before, after))
    return tuple(out) if two_d else out[0]


#: The notes :func:`_positive_int` says after a name, by key (``core/words``: ``note.<key>``).
_NOTES = ("output_channels", "c_in", "filters", "groups")


def _positive_int(value, name: str, note: str = "") -> int:
    """``value`` as a positive int; ``note``, said after the name, is one of :data:`_NOTES` (a few words
    on what the number counts, in the current language) or words of the caller's own."""
    words = say(f"note.{note}") if note in _NOTES else note
    if not _is_int(value):
        raise TypeError(
            say("positive_int.type", name=name, note=words, value=show(value), kind=type(value).__name__)
        )
    if value < 1:
        raise ValueError(say("positive_int.small", name=name, note=words, value=show(value)))
    return int(value)


def _check_input_shape(input_shape) -> tuple[int, ...]:
    """``input_shape`` checked to be ``(H, W, C_in)`` or ``(N, H, W, C_in)`` of positive ints."""
    if not isinstance(input_shape, (tuple, list)) or len(input_shape) not in (3, 4):
        raise ValueError(say("input_shape.form", value=show(input_shape)))
    for v in input_shape:
        if not _is_int(v):
            raise TypeError(
                say("input_shape.type", value=show(input_shape), item=show(v), kind=type(v).__name__)
            )
        if v < 1:
            raise ValueError(say("input_shape.small", value=show(input_shape)))
    return tuple(int(v) for v in input_shape)


def output_shape(
    input_shape: tuple[int, ...],
    kernel_size: IntOrPair,
    filters: int,
    strides: IntOrPair = 1,
    padding: Padding = "valid",
    dilation_rate: IntOrPair = 1,
) -> tuple[int, ...]:
    """Shape of a Conv2D layer's output, channels-last.

    ``input_shape`` is ``(H, W, C_in)`` or batched ``(N, H, W, C_in)``; the result is
    ``(H', W', filters)`` or ``(N, H', W', filters)``. The article's example:

    >>> output_shape((4, 28, 28, 3), kernel_size=3, filters=2)
    (4, 26, 26, 2)

    Like :func:`convlesson.conv2d`, it raises a ValueError when the kernel does not fit in the
    padded input (where :func:`output_size` counts 0 positions). Introduced in ``06_conv2d_layer``.
    """
    shape = _check_input_shape(input_shape)
    filters = _positive_int(filters, "filters", "output_channels")
    hw, k, s, d = _axis_pairs(shape[-3:-1], kernel_size, strides, dilation_rate)
    pads = [_pad_1d(hw[a], k[a], s[a], d[a], padding, a) for a in (0, 1)]
    padded = tuple(hw[a] + sum(pads[a]) for a in (0, 1))
    check_fits(padded, k, d)
    oh, ow = (_output_1d(padded[a], k[a], s[a], d[a], 0, 0) for a in (0, 1))
    return (*shape[:-3], oh, ow, filters)


def param_count(
    kernel_size: IntOrPair, c_in: int, filters: int, use_bias: bool = True, groups: int = 1
) -> int:
    """Trainable parameters of a Conv2D layer: ``filters * (kh * kw * C_in / groups) + filters``.

    Each of the ``filters`` filters holds ``C_in / groups`` kernels of ``kh * kw`` weights, plus
    one bias. Introduced in ``06_conv2d_layer``.

    >>> param_count(3, c_in=3, filters=2)
    56
    """
    kh, kw = as_pair(kernel_size, "kernel_size")
    c_in = _positive_int(c_in, "c_in", "c_in")
    filters = _positive_int(filters, "filters", "output_channels")
    groups = _positive_int(groups, "groups")
    use_bias = as_bool(use_bias, "use_bias")
    if c_in % groups or filters % groups:
        raise ValueError(
            say(
                "groups.divide_count",
                groups=show(groups),
                c_in=c_in,
                filters=filters,
                divisor=math.gcd(c_in, filters),
            )
        )
    return filters * kh * kw * (c_in // groups) + (filters if use_bias else 0)


def check_symbol(symbol) -> str:
    """``'H'`` or ``'W'`` (either case), the axis an output-size formula is about."""
    if not isinstance(symbol, str) or symbol.upper() not in ("H", "W"):
        raise ValueError(say("symbol.unknown", value=show(symbol)))
    return symbol.upper()


def output_size_formula(
    size: IntOrPair,
    kernel_size: IntOrPair,
    strides: IntOrPair = 1,
    padding: Padding = "valid",
    dilation_rate: IntOrPair = 1,
    symbol: str = "H",
) -> str:
    """The output-size formula along one axis with the numbers plugged in.

    ``symbol`` names the axis: ``'H'`` (the height, axis 0) or ``'W'`` (the width, axis 1). Every
    argument given as an ``(h, w)`` pair contributes its number for that axis. Introduced in
    ``02_padding_and_output_size``.

    >>> output_size_formula(28, 3)
    "H' = ⌊(28 + 0 + 0 − 3)/1⌋ + 1 = 26"
    >>> output_size_formula((28, 20), 3, symbol="W")
    "W' = ⌊(20 + 0 + 0 − 3)/1⌋ + 1 = 18"
    """
    symbol = check_symbol(symbol)
    axis = 0 if symbol == "H" else 1
    hw, ks, ss, ds = _axis_pairs(size, kernel_size, strides, dilation_rate)
    n, k, s, d = hw[axis], ks[axis], ss[axis], ds[axis]
    before, after = _pad_1d(n, k, s, d, padding, axis)
    span = d * (k - 1) + 1
    out = _output_1d(n, k, s, d, before, after)
    span_text = str(k) if d == 1 else f"({d}·{k - 1}+1)"
    text = f"{symbol}' = ⌊({n} + {before} + {after} − {span_text})/{s}⌋ + 1"
    if n + before + after < span:
        return say("formula.no_output", formula=text, span=span, padded=n + before + after)
    return f"{text} = {out}"
