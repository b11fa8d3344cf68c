"""The README's pictures: one still of each explorer, drawn by the explorers themselves.

Run from the repository's root::

    python -m convlesson.gallery

to rewrite ``notebooks/figures/*.png``. Each picture is the still image an explorer shows under
its controls (its ``image/png`` display), with the same settings the course uses, so the README
shows exactly what a learner sees and never drifts from the package. Besides those, the stills the
package draws with no explorer (:data:`FIGURES`): the summary of the course, kernel → filter →
layer, that ``00_start_here`` and ``05_filters`` show.
"""

from __future__ import annotations

import argparse
import base64
from pathlib import Path

__all__ = ["GALLERY", "FIGURES", "render", "render_figure", "main"]

#: file name -> (explorer class name, settings), in the order the course introduces them.
GALLERY: dict[str, tuple[str, dict]] = {
    "kernel_sweep.png": ("KernelSweep", {"input_size": 7, "kernel_size": 3, "strides": 2, "step": 5}),
    "playground.png": ("Playground", {"kernel": "sobel x"}),
    "channel_sum.png": ("ChannelSum", {"c_in": 3, "kernel_size": 3}),
    "filter_sweep.png": ("FilterSweep", {"c_in": 3, "filters": 2, "kernel_size": 3, "step": 4}),
    "filter_3d.png": ("FilterSweep", {"c_in": 3, "filters": 2, "kernel_size": 3, "step": 4, "view": "3-D"}),
    "filter_bank.png": ("FilterBank", {"c_in": 3, "filters": 3, "kernel_size": 3}),
    "learned_layers.png": ("LearnedLayers", {"conv_layer": 1, "sample": "red disc"}),
    "grouped_conv.png": ("GroupedConv", {"c_in": 4, "filters": 4, "groups": 2, "kernel_size": 3}),
}

#: file name -> the function in :mod:`convlesson.pictures` that draws it (a Figure, no explorer).
FIGURES: dict[str, str] = {"summary.png": "summary_figure"}

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "notebooks" / "figures"


def render(class_name: str, settings: dict) -> bytes:
    """PNG bytes of the still picture the explorer ``class_name(**settings)`` displays.

    Parameters
    ----------
    class_name : str
        One of the explorers in :mod:`convlesson.explorers`, e.g. ``"KernelSweep"``.
    settings : dict
        Keyword arguments for the explorer.

    Returns
    -------
    bytes
        The PNG file's contents.
    """
    from . import explorers

    explorer = getattr(explorers, class_name)(**settings)
    try:
        bundle = explorer._repr_mimebundle_()
    finally:
        explorer.close()
    png = bundle["image/png"]
    return base64.b64decode(png) if isinstance(png, str) else bytes(png)


def render_figure(file_name: str) -> bytes:
    """PNG bytes of the still :data:`FIGURES` names ``file_name``, drawn now.

    Parameters
    ----------
    file_name : str
        A key of :data:`FIGURES`, e.g. ``"summary.png"``.
    """
    from .pictures import summary_figure as module
    from .pictures.render import render_png, still_png

    if file_name not in FIGURES:
        raise ValueError(f"file_name must be one of {sorted(FIGURES)}, got {file_name!r}")
    fig = getattr(module, FIGURES[file_name])()
    render_png(fig)
    return still_png(fig)


def main(argv=None) -> list[Path]:
    """Write the pictures of :data:`GALLERY` and :data:`FIGURES` into ``--out`` (``notebooks/figures``).

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    parser = argparse.ArgumentParser(prog="python -m convlesson.gallery", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR, help="folder for the PNG files")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, (class_name, settings) in GALLERY.items():
        path = args.out / file_name
        path.write_bytes(render(class_name, settings))
        written.append(path)
        print(f"wrote {path}")
    for file_name in FIGURES:
        path = args.out / file_name
        path.write_bytes(render_figure(file_name))
        written.append(path)
        print(f"wrote {path}")
    return written


if __name__ == "__main__":
    main()
