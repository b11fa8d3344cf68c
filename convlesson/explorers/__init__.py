"""The live explorers: controls on top, a picture that follows them below.

This package is the only part of convlesson that imports ipywidgets. Every explorer has the same
parts: ``controls`` (a dict of ipywidgets keyed by parameter name), ``state`` (their current
values), ``figure`` (a matplotlib Figure made without pyplot), ``image`` (the ``ipywidgets.Image``
holding the current PNG), ``widget`` (controls + readout + image), ``set()``, ``hold()``,
``flush()`` and ``close()``. Displaying an explorer shows the live widget and also carries a
static PNG, so the notebook shows the picture where no kernel runs. Build one with the values you
want to start from, e.g. ``FilterBank(c_in=8, filters=8, kernel_size=7)``.

* :class:`KernelSweep` -- one kernel sweeping one channel, step by step (``01_the_sweep``).
* :class:`ChannelSum` -- one filter: C_in kernels, C_in maps, their sum, + bias (``04_many_channels``).
* :class:`FilterBank` -- a whole Conv2D layer: ``filters x C_in`` kernels (``06_conv2d_layer``).
* :class:`Playground` -- the photo, classic kernels and every slider at once (``03_kernels``).
* :class:`GroupedConv` -- groups and depthwise convolution (``08_beyond``).
* :class:`FilterSweep` -- the moment each filter makes one number: C_in windows × C_in kernels,
  partial sums, + bias (``04_many_channels``, ``05_filters``); also as volumes in 3-D.
* :class:`LearnedLayers` -- the trained network's two layers: learned filters and their maps
  (``07_learned_filters``).
* :class:`TrainingRun` -- not an explorer but a button: trains the small CNN live, with a progress
  bar and its loss and accuracy per epoch (``07_learned_filters``).

:mod:`.answer_box` holds the answer box behind ``cl.ask``: a prediction answered by typing it in.

Inside: :mod:`.controls` (what each control accepts, and its widget), :mod:`.rules` (which values
of one control work with the others), :mod:`.live` (the drawing loop, validation and lifetime every
explorer shares), and one small module per explorer.
"""

from ..pictures.style import lecture_mode
from .channel_sum import ChannelSum
from .filter_bank import FilterBank
from .filter_sweep import FilterSweep
from .grouped_conv import GroupedConv
from .kernel_sweep import KernelSweep
from .learned_layers import LearnedLayers
from .live import LiveExplorer, NoPicture
from .playground import Playground
from .training_run import TrainingRun

__all__ = [
    "KernelSweep",
    "ChannelSum",
    "FilterBank",
    "Playground",
    "GroupedConv",
    "FilterSweep",
    "LearnedLayers",
    "TrainingRun",
    "LiveExplorer",
    "NoPicture",
    "lecture_mode",
]
