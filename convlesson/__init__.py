"""convlesson: the helper package behind the course on convolution kernels and filters.

``import convlesson as cl`` is the only import a notebook needs. A *kernel* is 2-D and belongs to
one input channel; a *filter* is 3-D, holds C_in kernels and produces one output channel; a
Conv2D layer holds ``filters`` filters, i.e. ``filters x C_in`` kernels.
"""

from .conv import SweepStep, SweepTrace, conv2d, keras_to_torch, sweep, torch_to_keras
from .draw import (
    draw_channels,
    draw_filter,
    draw_kernel,
    draw_layer_weights,
    draw_maps,
    draw_sweep,
    shape_text,
)
from .exercises import check, exercise, hint, solution
from .explorers import ChannelSum, FilterBank, GroupedConv, KernelSweep, Playground
from .layer import Conv2D, FilterDecomposition
from .samples import CLASSIC_KERNELS, classic_kernel, photo, small_grid, synthetic_channels
from .shapes import output_shape, output_size, output_size_formula, padding_amounts, param_count
from .style import lecture_mode

__version__ = "0.1.0"

__all__ = [
    "output_size",
    "padding_amounts",
    "output_shape",
    "param_count",
    "output_size_formula",
    "conv2d",
    "keras_to_torch",
    "torch_to_keras",
    "sweep",
    "SweepTrace",
    "SweepStep",
    "Conv2D",
    "FilterDecomposition",
    "photo",
    "synthetic_channels",
    "small_grid",
    "CLASSIC_KERNELS",
    "classic_kernel",
    "exercise",
    "check",
    "hint",
    "solution",
    "KernelSweep",
    "ChannelSum",
    "FilterBank",
    "Playground",
    "GroupedConv",
    "lecture_mode",
    "draw_kernel",
    "draw_filter",
    "draw_layer_weights",
    "draw_channels",
    "draw_maps",
    "draw_sweep",
    "shape_text",
]
