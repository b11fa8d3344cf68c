"""The README's pictures: one still of each explorer, drawn by the explorers themselves.

Run from the repository's root::

    python -m convlesson.gallery

to rewrite ``notebooks/figures/*.png`` and, drawn with the package speaking Chinese, the same
pictures under the same names in ``notebooks/figures/zh/`` (the Chinese edition's). Each picture is
the still image an explorer shows under its controls (its ``image/png`` display), with the same
settings the course uses, so the README shows exactly what a learner sees and never drifts from the
package. Besides those, the stills the package draws with no explorer (:data:`FIGURES`): the
summary of the course, kernel → filter → layer, that ``00_start_here`` and ``05_filters`` show.
"""

from __future__ import annotations

import argparse
import base64
from pathlib import Path

__all__ = ["GALLERY", "FIGURES", "LANGUAGE_DIRS", "render", "render_figure", "main"]

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
#: language code -> the sub-folder of ``--out`` its pictures go to (English at the top).
LANGUAGE_DIRS: dict[str, str] = {"en": ".", "zh": "zh"}


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

    English goes to ``--out`` itself, Chinese to its ``zh/`` folder (:data:`LANGUAGE_DIRS`);
    ``--languages en`` draws one language only.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    from .core.language import language

    parser = argparse.ArgumentParser(prog="python -m convlesson.gallery", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR, help="folder for the PNG files")
    parser.add_argument(
        "--languages",
        default=",".join(LANGUAGE_DIRS),
        help="comma-separated languages to draw (default: all; zh goes to OUT/zh)",
    )
    args = parser.parse_args(argv)
    codes = [code.strip() for code in args.languages.split(",") if code.strip()]
    if not codes or any(code not in LANGUAGE_DIRS for code in codes):
        known = ", ".join(LANGUAGE_DIRS)
        parser.error(f"--languages takes a comma-separated list of {known}; got {args.languages!r}")
    written = []
    speaking = language()
    try:
        for code in codes:
            language(code)
            folder = args.out / LANGUAGE_DIRS[code]
            folder.mkdir(parents=True, exist_ok=True)
            for file_name, (class_name, settings) in GALLERY.items():
                written.append(_write(folder / file_name, render(class_name, settings)))
            for file_name in FIGURES:
                written.append(_write(folder / file_name, render_figure(file_name)))
    finally:
        language(speaking)
    return written


def _write(path: Path, png: bytes) -> Path:
    path.write_bytes(png)
    print(f"wrote {path}")
    return path


if __name__ == "__main__":
    main()
