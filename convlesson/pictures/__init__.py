"""Everything matplotlib draws: the pictures of the explorers and the public ``draw_*`` functions.

* :mod:`.style` -- the column the pictures are drawn for, type sizes, colours, lecture mode;
* :mod:`.art`, :mod:`.text_art` and :mod:`.scales` -- the artists pictures are made of: grids of cells
  with numbers, mosaics, hatching, outlines; pools of labels; colour scales;
* :mod:`.fast_text` and :mod:`.fast_cells` -- the fast paths: labels rasterised once and pasted,
  grids of cells pasted without resampling. The ONE place that relies on how the Agg renderer
  works, each checked at first use with a stock-matplotlib fallback (``CONVLESSON_STOCK_TEXT=1``);
* :mod:`.render` -- a figure on an Agg canvas and its frame as PNG bytes (no widgets);
* one module per picture, each redrawn in place: :mod:`.sweep` (one kernel over one channel),
  :mod:`.channel_sum` (one filter's maps added), :mod:`.layer` (a layer's filters and maps),
  :mod:`.filter_sweep` (every filter at one position), :mod:`.volumes` (the same in 3-D),
  :mod:`.stacks` (channel stacks and kernel banks);
* :mod:`.draw` -- the public ``draw_*`` functions: they take an Axes and data and return artists.

May import: matplotlib, numpy and :mod:`convlesson.core` -- never :mod:`convlesson.explorers` or
:mod:`convlesson.exercises` (``tests/test_layers.py`` checks it).
"""
