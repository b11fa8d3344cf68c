"""convlesson: the helper package behind the course on convolution kernels and filters.

``import convlesson as cl`` is the only import a notebook needs. A *kernel* is 2-D and belongs to
one input channel; a *filter* is 3-D, holds C_in kernels and produces one output channel; a
Conv2D layer holds ``filters`` filters, i.e. ``filters x C_in`` kernels.
"""

from .core.conv import conv2d, keras_to_torch, torch_to_keras
from .core.images import load_image
from .core.language import language
from .core.layer import Conv2D, FilterDecomposition
from .core.network import trained_network
from .core.samples import CLASSIC_KERNELS, classic_kernel, photo, scene, small_grid, synthetic_channels
from .core.shapes import output_shape, output_size, output_size_formula, padding_amounts, param_count
from .core.summary import summary
from .core.sweeps import LayerSweepStep, LayerSweepTrace, SweepStep, SweepTrace, sweep
from .core.toy_images import toy_images
from .exercises import check, exercise, hint, solution
from .pictures.draw import (
    draw_channels,
    draw_filter,
    draw_kernel,
    draw_layer_weights,
    draw_maps,
    draw_sweep,
    draw_volumes,
    shape_text,
)
from .pictures.style import lecture_mode

__version__ = "0.1.0"

#: The explorers need ipywidgets; they are imported on first use (``cl.KernelSweep``), so that
#: ``import convlesson`` stays light and works where no widgets are installed.
_EXPLORERS = (
    "KernelSweep",
    "ChannelSum",
    "FilterBank",
    "Playground",
    "GroupedConv",
    "FilterSweep",
    "LearnedLayers",
)
_LAZY = {name: "explorers" for name in (*_EXPLORERS, "TrainingRun")}


def ask(n: int | str):
    """An answer box for prediction (or exercise) ``n``: type the answer, press Check, read the verdict.

    The same verdict as ``cl.check(n, answer)``, for readers who cannot edit a code cell (Voila, a
    read-only notebook). What is typed is read as a number, a tuple, True/False or a word.

    Parameters
    ----------
    n : int or str
        A prediction's name such as ``"sweep-size"``, or an exercise's number (not one that asks
        for a function: those are checked with ``cl.check(n, my_function)``).

    Returns
    -------
    AnswerBox
        Shown by the notebook as a text box and a Check button.

    Introduced in ``01_the_sweep``.
    """
    from .exercises.interface import answer_box
    from .explorers.answer_box import AnswerBox

    return AnswerBox(*answer_box(n))


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "language",
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
    "LayerSweepTrace",
    "LayerSweepStep",
    "Conv2D",
    "FilterDecomposition",
    "summary",
    "photo",
    "scene",
    "synthetic_channels",
    "small_grid",
    "CLASSIC_KERNELS",
    "classic_kernel",
    "exercise",
    "check",
    "hint",
    "solution",
    "ask",
    "KernelSweep",
    "ChannelSum",
    "FilterBank",
    "Playground",
    "GroupedConv",
    "FilterSweep",
    "LearnedLayers",
    "TrainingRun",
    "trained_network",
    "toy_images",
    "load_image",
    "lecture_mode",
    "draw_kernel",
    "draw_filter",
    "draw_layer_weights",
    "draw_channels",
    "draw_maps",
    "draw_sweep",
    "draw_volumes",
    "shape_text",
]
