"""The numbers of the course, in numpy: nothing here draws, and nothing here imports a widget.

* :mod:`.shapes` -- output sizes, padding amounts, parameter counts, and the checks of the common
  arguments (``kernel_size``, ``strides``, ``padding``, ``dilation_rate``);
  :mod:`.shape_text` -- the same sizes said in words, for a picture's caption;
* :mod:`.conv` -- ``conv2d`` (channels-last, like Keras) and the Keras <-> PyTorch weight layouts;
* :mod:`.layer` -- ``Conv2D``: ``filters`` filters of ``C_in`` kernels, and one filter taken apart;
* :mod:`.sweeps` -- a sweep traced one position at a time (one kernel over one channel, or a layer);
* :mod:`.summary` -- ``cl.summary``: a chain of layers, counting filters and kernels;
* :mod:`.samples` -- the inputs the lessons draw (a colourful scene, a photo, small grids) and the
  classic and named kernels and filters; :mod:`.stable` -- random numbers keyed by their place, so
  adding a filter or a channel changes no other kernel.

May import: numpy and the standard library only -- never :mod:`convlesson.pictures`,
:mod:`convlesson.explorers` or :mod:`convlesson.exercises` (``tests/test_layers.py`` checks it).
"""
