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
  adding a filter or a channel changes no other kernel;
* the small trained network: :mod:`.toy_images` (the pictures it learns from), :mod:`.backprop` (its
  layers, each with a backward pass), :mod:`.network` (``ToyCNN``, the shipped weights
  ``toy_cnn.npz``), :mod:`.training` (Adam, the training loop, ``python -m convlesson.train``) and
  :mod:`.learned` (its first layer read as the explorers show it: which filters are colour-opponent);
* :mod:`.images` -- the learner's own picture: read, checked and made square (``cl.load_image``).

May import: numpy, Pillow (pictures only) and the standard library -- never :mod:`convlesson.pictures`,
:mod:`convlesson.explorers` or :mod:`convlesson.exercises` (``tests/test_layers.py`` checks it).
"""
