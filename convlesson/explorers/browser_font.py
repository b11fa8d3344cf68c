"""The shipped Chinese font, brought to the browser with an explorer's widgets.

An explorer's picture is drawn by matplotlib with the shipped font (:mod:`..pictures.font`), but
its sliders' labels, readouts, buttons and the answer box are HTML text the browser draws with its
own fonts. A machine without a Chinese font (many Linux machines, headless browsers) would draw
their Chinese as empty boxes. So, while the package speaks Chinese, each explorer's box carries a
hidden ``ipywidgets.HTML`` holding one ``<style>``: ``@font-face`` rules for "Convlesson Sans SC"
(regular and bold, as ``data:`` URLs, so no file has to be served), and a rule giving everything
inside the box (marked with the class :data:`CLASS`) but its icons that family and then the page's
own fonts.

The ``@font-face`` rules claim only Chinese writing (``unicode-range``: the code points the pictures
draw in this font, :data:`..pictures.font.CJK_RANGES`), so letters, digits and symbols are drawn in
the page's own fonts exactly as in English, and only Chinese in the shipped font. It is named first,
not after the page's fonts: Chromium does not redraw a text it laid out while a font named after
others was still loading (the text stays boxes until something else lays it out again), but it
always redraws one whose first font was loading.

In English nothing is added: no widget, no class.
"""

from __future__ import annotations

import base64
import functools

import ipywidgets as widgets

from ..core.language import current
from ..pictures.font import CJK_RANGES, FAMILY, font_bytes

__all__ = ["CLASS", "style_html", "dress"]

#: The class an explorer's outer box gets while it carries the font.
CLASS = "convlesson-zh-font"
# Icons (Font Awesome: the Play widget's buttons, a button's icon) keep their own font.
_NOT_ICONS = ":not(.fa):not(.fas):not(.far):not(.fab)"
# The page's own fonts: JupyterLab, Notebook 7 and Voila name them in --jp-ui-font-family.
_PAGE_FONTS = "var(--jp-ui-font-family, system-ui, -apple-system, 'Segoe UI', helvetica, arial, sans-serif)"
_RANGE = ", ".join(f"U+{a:04X}-{b:04X}" for a, b in CJK_RANGES)


@functools.lru_cache(maxsize=1)
def style_html() -> str:
    """The ``<style>`` that brings the font (made once per process: about 290 KB of base64)."""
    regular, bold = (base64.b64encode(data).decode("ascii") for data in font_bytes())
    faces = "".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; font-style: normal; '
        f"unicode-range: {_RANGE}; src: url(data:font/otf;base64,{data}) format('opentype'); }}\n"
        for weight, data in (("normal", regular), ("bold", bold))
    )
    rule = f'.{CLASS}, .{CLASS} *{_NOT_ICONS} {{ font-family: "{FAMILY}", {_PAGE_FONTS}; }}\n'
    return f"<style>\n{faces}{rule}</style>"


def dress(box: widgets.Box) -> widgets.HTML | None:
    """In Chinese: mark ``box`` with :data:`CLASS` and add the font's style as its first child.

    Returns the added (hidden) widget, to be closed with the explorer's others; in English returns
    None and leaves ``box`` untouched.
    """
    if current() != "zh":
        return None
    style = widgets.HTML(style_html(), layout=widgets.Layout(display="none"))
    box.add_class(CLASS)
    box.children = (style, *box.children)
    return style
