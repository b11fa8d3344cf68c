"""The smallest text on screen in every explorer's picture, normal and lecture mode.

On-screen size = font size (pt) x dpi / 72 x min(1, 850 / picture width): the picture as it is shown in
a notebook column 850 px wide (a projector's JupyterLab). "text" is every label, title and note;
"numbers" are the numbers drawn inside cells, where they fit ("-" when every cell shows colour only,
which the picture then says once). tests/test_legibility.py asserts the minimums (12 px, 18 px in
lecture mode) over more settings; this prints the table.

Run: ``python benchmarks/legibility.py [Explorer ...]``
"""

from __future__ import annotations

import sys

import matplotlib

matplotlib.use("Agg")
from matplotlib.text import Text  # noqa: E402

import convlesson as cl  # noqa: E402

COLUMN = 850
LARGEST = {
    "KernelSweep": {"input_size": 10, "kernel_size": 7, "padding": "same"},
    "ChannelSum": {"c_in": 8, "kernel_size": 7},
    "FilterBank": {"c_in": 8, "filters": 8, "kernel_size": 7},
    "Playground": {"filters": 8, "kernel_size": 7},
    "GroupedConv": {"c_in": 8, "filters": 8, "kernel_size": 5},
    "FilterSweep": {"c_in": 4, "filters": 3, "kernel_size": 5, "input_size": 8},
}


def smallest(ex) -> tuple[float, float | None, float]:
    """(smallest text px, smallest number px or None, picture width px) at an 850-px column."""
    fig = ex.figure
    width = fig.get_figwidth() * fig.dpi
    scale = fig.dpi / 72 * min(1.0, COLUMN / width)
    texts = [t.get_fontsize() * scale for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    numbers = [
        a.fontsize * scale
        for a in fig.findobj(lambda a: hasattr(a, "texts") and hasattr(a, "fontsize"))
        if a.get_visible() and a.texts
    ]
    return min(texts), (min(numbers) if numbers else None), width


def main(names) -> None:
    print(f"{'mode':8} {'explorer':12} {'setting':8} {'width':>7} {'text':>7} {'numbers':>8}")
    for lecture in (False, True):
        cl.lecture_mode(lecture)
        for name in names:
            cls = getattr(cl, name)
            for setting, kw in (("default", {}), ("largest", LARGEST[name])):
                ex = cls(**{k: v for k, v in kw.items() if k in cls.SPECS})
                text, numbers, width = smallest(ex)
                shown = f"{numbers:6.1f}px" if numbers is not None else "       -"
                mode = "lecture" if lecture else "normal"
                print(f"{mode:8} {name:12} {setting:8} {width:5.0f}px {text:5.1f}px {shown}")
                ex.close()
    cl.lecture_mode(False)


if __name__ == "__main__":
    main(sys.argv[1:] or list(LARGEST))
