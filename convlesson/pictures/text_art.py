"""Text in the pictures: kinds of text by role, pooled labels, measured sizes, numbers in cells.

Every text in a picture has a role (:data:`ROLES`) whose size depends on the mode
(:func:`convlesson.pictures.style.sizes`). :class:`TextPool` reuses its Text artists from frame to frame,
:func:`measure` caches what a text measures, and :class:`NumberArt` draws a grid's numbers as one
artist. Coordinates are data coordinates with y growing downwards, as in :mod:`convlesson.pictures.art`.
"""

from __future__ import annotations

import re

import numpy as np
from matplotlib.artist import Artist, getp
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text

from ..core.bounded_cache import BoundedCache
from . import font, style
from .fast_text import FastText, draw_labels, text_extent

__all__ = [
    "ROLES",
    "TextPool",
    "measure",
    "text_height",
    "inside",
    "wrap",
    "role_props",
    "fmt_number",
    "fmt_decimals",
    "number_decimals",
    "NumberArt",
    "MAX_NUMBERS",
]


_SETTERS = {
    "color": Text.set_color,
    "fontsize": Text.set_fontsize,
    "ha": Text.set_horizontalalignment,
    "va": Text.set_verticalalignment,
}

#: What each kind of text is, by name: its size in :func:`convlesson.pictures.style.sizes` and its weight.
ROLES = ("number", "label", "title", "symbol")


def role_props(role: str, text: str = "") -> dict:
    """Font size (points, for the current mode) and weight of a ``role`` in :data:`ROLES`.

    For a ``text`` holding Chinese also the font family that draws it
    (:func:`convlesson.pictures.font.family`); other texts keep matplotlib's font.
    """
    sizes = style.sizes()
    props = {"fontsize": getattr(sizes, role), "fontweight": "bold" if role == "title" else "normal"}
    families = font.family(text)
    if families is not None:
        props["fontfamily"] = families
    return props


class TextPool:
    """A pool of Text artists reused from frame to frame; extra ones are hidden, not removed.

    Every text has a ``role`` (the pool's, unless an entry's props say e.g. ``{"role": "title"}``),
    which sets its size for the current mode (:func:`convlesson.pictures.style.sizes`), so no text can come
    out smaller than the mode allows. An entry's other props apply to that entry only: a reused
    Text first gets back the pool's defaults for every prop the previous entry set.
    """

    def __init__(self, ax, role: str = "label", **defaults):
        self.ax = ax
        self.role = role
        self.defaults = {"ha": "center", "va": "center", "zorder": 5, **defaults}
        self.items = []
        self._set_last: list[dict] = []  # per item, the props its last entry set
        self._template = Text(0, 0, "", **self.defaults)

    def _default(self, key):
        if key not in self.defaults:
            self.defaults[key] = getp(self._template, key)
        return self.defaults[key]

    def show(self, entries) -> list:
        """Show ``entries``: each ``(x, y, text)`` or ``(x, y, text, props)``. Returns the shown Texts."""
        shown = []
        for i, entry in enumerate(entries):
            x, y, s = entry[:3]
            props = dict(entry[3]) if len(entry) > 3 and entry[3] else {}
            props = {**role_props(props.pop("role", self.role), s), **props}
            if i < len(self.items):
                t = self.items[i]
            else:
                t = FastText(0, 0, "", **self.defaults)
                self.ax.add_artist(t)
                t.set_clip_on(False)
                self.items.append(t)
                self._set_last.append({})
            t.set_position((x, y))
            t.set_text(s)
            t.set_visible(True)
            stale = {k: self._default(k) for k in self._set_last[i] if k not in props}
            for key, value in {**stale, **props}.items():
                setter = _SETTERS.get(key)
                if setter is None:
                    t.update({key: value})
                else:
                    setter(t, value)
            self._set_last[i] = props
            shown.append(t)
        for t in self.items[len(entries) :]:
            t.set_visible(False)
        return shown

    @property
    def visible(self) -> list:
        """The Texts shown now."""
        return [t for t in self.items if t.get_visible()]


def inside(x: float, w: float, lo: float, hi: float) -> float:
    """The centre ``x`` of a text ``w`` pixels wide, moved just enough to lie between ``lo`` and ``hi``."""
    return min(max(x, lo + w / 2), hi - w / 2)


def wrap(ax, text: str, max_w: float, role: str = "label") -> list[str]:
    """``text`` broken into lines that each fit in ``max_w`` pixels (a long word stays whole).

    English breaks at spaces. Each line takes as many words as fit (greedy). A text is never narrower
    than the start of it (its first glyphs sit where they sit alone; more glyphs only widen its box), so
    the words that fit are found by halving, from the rest of the text (most often one line) down: a
    few measurements a line instead of one a word, the same lines.

    Chinese has no spaces between words: a text holding Chinese may also break between two Chinese
    characters, but never before a closing mark (，。：；）… ) nor after an opening one (（「“), as
    Chinese typesetting does; runs of letters, digits and symbols (``kernel_size``, ``3×3``,
    ``(4, 4)``) stay whole.
    """
    props = role_props(role, text)
    families = props.get("fontfamily")
    key = (text, float(max_w), props["fontsize"], props["fontweight"], families and tuple(families))
    key += (ax.figure.dpi,)
    hit = _wrapped.get(key)  # every frame wraps the same sentences
    if hit is None:
        breaker = _wrap_chinese if _CJK.search(text) else _wrap
        hit = tuple(breaker(ax, text, max_w, role))
        _wrapped.put(key, hit)
    return list(hit)


def _wrap(ax, text: str, max_w: float, role: str) -> list[str]:
    words = text.split(" ")
    lines: list[str] = []
    i = 0
    while i < len(words):
        lo, hi = i + 1, len(words)  # words[i:lo] always goes (a long word stays whole)
        while lo < hi:  # the largest j in [lo, hi] whose words[i:j] fit
            j = hi if hi == len(words) and lo == i + 1 else (lo + hi + 1) // 2
            if measure(ax, " ".join(words[i:j]), role)[0] <= max_w:
                lo = j
            else:
                hi = j - 1
        lines.append(" ".join(words[i:lo]))
        i = lo
    return lines


_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
#: Marks a Chinese line never starts with, and those it never ends with.
_NO_START = set("，。、：；！？）」』”’》〉】…—·%,.:;!?)]}")
_NO_END = set("（「『“‘《〈【([{")


def _pieces(text: str) -> list[tuple[str, str]]:
    """``(space before, piece)``: the units a line may break between (a Chinese character, or a run of
    other characters without spaces), closing marks joined to the piece before, opening marks to the
    piece after."""
    pieces: list[tuple[str, str]] = []
    space, run = "", ""
    for char in text:
        if char == " ":
            if run:
                pieces.append((space, run))
                space, run = "", ""
            space += " "
        elif _CJK.match(char):
            if run:
                pieces.append((space, run))
                space, run = "", ""
            pieces.append((space, char))
            space = ""
        else:
            run += char
    if run or space:
        pieces.append((space, run))
    joined: list[tuple[str, str]] = []
    for space, piece in pieces:
        starts_closing = piece[:1] in _NO_START and not space
        after_opening = joined and joined[-1][1][-1:] in _NO_END
        if joined and (starts_closing or after_opening):
            joined[-1] = (joined[-1][0], joined[-1][1] + space + piece)
        else:
            joined.append((space, piece))
    return joined


def _wrap_chinese(ax, text: str, max_w: float, role: str) -> list[str]:
    lines: list[str] = []
    for space, piece in _pieces(text):
        if lines and measure(ax, lines[-1] + space + piece, role)[0] <= max_w:
            lines[-1] += space + piece
        elif piece or not lines:
            lines.append(piece)
    return lines


# (text, size, weight, family, dpi) -> (width, height): layouts re-measure the same texts
_measured = BoundedCache(2**20)
# (text, width, size, weight, family, dpi) -> lines: sentences wrapped
_wrapped = BoundedCache(2**18)


def text_height(ax, role: str = "label") -> float:
    """The height in pixels of a line of text in ``role``'s font: ``Ag``, and in Chinese ``Ag中`` (taller)."""
    return measure(ax, "Ag中" if font.chinese() else "Ag", role)[1]


def measure(ax, text: str, role: str = "label") -> tuple[float, float]:
    """Width and height in pixels of ``text`` in ``role``'s font, as a figure at ``ax``'s dpi draws it."""
    if not text:
        return (0.0, 0.0)
    props = role_props(role, text)
    families = props.get("fontfamily")
    dpi = ax.figure.dpi
    key = (text, props["fontsize"], props["fontweight"], families and tuple(families), dpi)
    hit = _measured.get(key)
    if hit is None:
        prop = FontProperties(size=props["fontsize"], weight=props["fontweight"], family=families)
        w, h, _ = text_extent(text, prop, dpi)  # as any Agg renderer at this dpi measures it
        hit = (float(w), float(h))
        _measured.put(key, hit)
    return hit


#: At most this many numbers are printed in one grid (more would not be read, only slow the picture).
MAX_NUMBERS = 600


class NumberArt(Artist):
    """Many short centred labels (the numbers in a grid's cells) drawn by ONE artist.

    A grid of numbers as separate Text artists costs a full artist draw per cell; here one artist
    hands them all to :func:`convlesson.pictures.fast_text.draw_labels`, which pastes each string's cached
    stamp (or, on the stock path and for SVG or PDF, draws ordinary text). ``texts``,
    ``positions`` and ``colors`` tell what is shown.
    """

    def __init__(self, ax, zorder: float = 5.0):
        super().__init__()
        self.axes = ax
        self.set_figure(ax.figure)
        self.set_transform(ax.transData)
        self.set_zorder(zorder)
        self.positions = np.zeros((0, 2))
        self.texts: list[str] = []
        self.colors: list[str] = []
        self.fontsize = 9.0

    def show(self, positions, texts, colors, fontsize: float) -> None:
        """Show ``texts[i]`` centred at data point ``positions[i]`` in ``colors[i]`` ('black'/'white')."""
        self.positions = np.asarray(positions, dtype=float).reshape(-1, 2)
        self.texts = list(texts)
        self.colors = list(colors)
        self.fontsize = float(fontsize)
        self.stale = True

    def draw(self, renderer):
        if not self.get_visible() or not self.texts:
            return
        xy = self.get_transform().transform(self.positions)
        draw_labels(renderer, self.figure, xy, self.texts, self.colors, FontProperties(size=self.fontsize))
        self.stale = False


def _fmt(v: float, integer: bool) -> str:
    return fmt_decimals(v, 0 if integer else 2)


def fmt_number(v: float, integer: bool) -> str:
    """A cell's number as printed: whole numbers as ints, others with two decimals; a real minus sign."""
    return _fmt(v, integer)


def number_decimals(values) -> int:
    """How many decimals a group of numbers is printed with: 0 if all are whole, 1 if all are tenths
    (weights rounded to one decimal, and sums of them with whole numbers), else 2."""
    vals = np.asarray(values, dtype=float)
    vals = vals[np.isfinite(vals)]
    if np.all(np.round(vals) == vals):
        return 0
    return 1 if np.all(np.abs(vals * 10 - np.round(vals * 10)) < 1e-6) else 2


def fmt_decimals(v: float, decimals: int) -> str:
    """``v`` with ``decimals`` decimals and a real minus sign; a number that rounds to 0 is ``0``."""
    s = f"{v:.{decimals}f}"
    if float(s) == 0:
        s = "0"
    return s.replace("-", "\u2212")
