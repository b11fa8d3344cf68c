"""Fast labels for live pictures: matplotlib rasterises each label once, every later frame pastes it.

A live picture redraws the same few hundred labels (titles, the numbers in a grid's cells) on every
frame, and matplotlib lays out and rasterises every one of them again each time (about half a
millisecond a label with matplotlib 3.11). Here a label is rasterised ONCE, by matplotlib's own Agg
text drawing, into a small RGBA *stamp*; later frames paste the stamp with the renderer's
``draw_image``. Only public matplotlib API is used (``RendererAgg``, ``draw_text``, ``draw_image``,
``buffer_rgba``, ``Text.get_window_extent``), and one stamp cache serves every picture. One private
name is touched: :class:`FastText` holds the ``Text._renderer`` reference weakly.

What the shortcut relies on -- where ``draw_text`` puts the glyphs, the row order ``draw_image``
expects, where ``Text`` puts its baseline -- is checked once, at first use, by drawing probe labels
both ways and comparing the pixels. When the check fails, or when the environment variable
``CONVLESSON_STOCK_TEXT`` is set to ``1``, every label is drawn by stock matplotlib (``Text.draw``):
slower, the same picture. :func:`text_path` says which path is in use and why.

A label the stamps have not seen is rasterised from glyph bitmaps kept from earlier labels
(:mod:`convlesson.pictures.glyphs`, checked at first use against ``draw_text``), and every text is
measured once (:func:`text_extent`): the pictures' layouts, the stamps and their anchors share the
measurements, which are taken from the layout the label is then drawn with (``glyphs.extent``, checked
at first use against ``get_text_width_height_descent``). Inside :func:`without_frame_caches` all of
these are done the stock way, as before.

This module, with :mod:`convlesson.pictures.glyphs` for the glyphs of new labels, is the only part of
the package that knows how text gets onto a picture.
"""

from __future__ import annotations

import math
import os
import weakref
from contextlib import contextmanager

import matplotlib as mpl
import numpy as np
from matplotlib import colors as mcolors
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import IdentityTransform

from ..core.bounded_cache import BoundedCache
from . import glyphs

__all__ = [
    "FastText",
    "draw_labels",
    "text_path",
    "text_extent",
    "font_key",
    "STOCK_ENV",
    "frame_caches",
    "without_frame_caches",
]

#: Set to ``1`` to draw every label with stock matplotlib (the fallback path).
STOCK_ENV = "CONVLESSON_STOCK_TEXT"

#: The most bytes of stamps kept: a frame pastes a few hundred labels (0.1-0.6 MB of stamps, the most
#: in lecture mode); every move may bring new ones (new numbers, new formulas), so the least recently
#: used are forgotten.
STAMP_BYTES = 2**20
_PAD = 4  # blank pixels around a label while it is rasterised, so nothing is cut off

_state: dict = {"fast": None, "reason": "", "frame caches": True}
# (text, font_key, dpi, rgba, antialiased) -> (image rows bottom-up, dx, dy) or None
_stamps = BoundedCache(STAMP_BYTES)
# (text, font_key, dpi, ha, va) -> offset of the baseline-left point from the anchor
_origins = BoundedCache(2**19)
# (text, font, dpi, hinting) -> (width, height, descent) as an Agg renderer measures it
_extents = BoundedCache(2**19)
_rulers: dict = {}  # dpi -> a 1 x 1 renderer that measures through _extents


def font_key(prop) -> tuple:
    """What a ``FontProperties`` draws with, as a key: the whole family list (a Chinese label's, with
    its fallback font, differs from an English one's), style, weight, size and file -- never a hash
    (it may collide)."""
    return (
        tuple(prop.get_family()),
        prop.get_style(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_size_in_points(),
        prop.get_file(),
        prop.get_math_fontfamily(),
    )


def text_extent(s: str, prop, dpi: float, pkey: tuple | None = None) -> tuple[float, float, float]:
    """``(width, height, descent)`` in pixels of plain text ``s``, as any Agg renderer at ``dpi`` measures
    it (``get_text_width_height_descent``), measured once and kept."""
    key = (s, pkey or font_key(prop), dpi, mpl.rcParams["text.hinting"], mpl.rcParams["text.hinting_factor"])
    hit = _extents.get(key)
    if hit is None:
        if frame_caches() and s.isprintable() and glyphs.extents_checked():
            hit = glyphs.extent(_ruler(dpi), s, prop)  # from the layout the label is drawn with
        else:
            hit = RendererAgg.get_text_width_height_descent(_ruler(dpi), s, prop, ismath=False)
            hit = tuple(float(v) for v in hit)
        _extents.put(key, hit)
    return hit


class _Ruler(RendererAgg):
    """An Agg renderer that measures plain text through :func:`text_extent` (for ``Text``'s layout)."""

    def get_text_width_height_descent(self, s, prop, ismath):
        if ismath is False:
            return text_extent(s, prop, self.dpi)
        return super().get_text_width_height_descent(s, prop, ismath)


def _ruler(dpi: float) -> _Ruler:
    ruler = _rulers.get(dpi)
    if ruler is None:
        ruler = _rulers[dpi] = _Ruler(1, 1, dpi)
    return ruler


def _env_forces_stock() -> bool:
    return os.environ.get(STOCK_ENV, "").strip().lower() not in ("", "0", "false", "no")


def fast_text() -> bool:
    """True when labels are pasted from stamps; decided once, at first use (see :func:`text_path`)."""
    if _state["fast"] is None:
        if _env_forces_stock():
            _set(False, f"{STOCK_ENV} is set")
        else:
            reason = _probe()
            _set(reason is None, reason or "")
    return _state["fast"]


def text_path() -> str:
    """``'fast'``, or ``'stock (why)'`` when every label is drawn by stock matplotlib."""
    return "fast" if fast_text() else f"stock ({_state['reason']})"


def _set(fast: bool, reason: str = "") -> None:
    """Choose the path (tests and benchmarks use this to compare both in one process)."""
    _state["fast"], _state["reason"] = fast, reason
    _stamps.clear()
    _origins.clear()
    _extents.clear()


def frame_caches() -> bool:
    """Whether the live pictures may keep what they drew from frame to frame (see below); True but
    inside :func:`without_frame_caches`."""
    return _state["frame caches"]


@contextmanager
def without_frame_caches():
    """Draw as without the frame caches: every new label rasterised by matplotlib's ``draw_text``,
    every grid's pixels gathered again (the full redraw, which the caches are compared with)."""
    before = _state["frame caches"]
    _state["frame caches"] = False
    try:
        yield
    finally:
        _state["frame caches"] = before


def _antialiased(text: Text) -> bool:
    getter = getattr(text, "get_antialiased", None)  # matplotlib >= 3.8; earlier, the rcParam decides
    return bool(getter()) if getter is not None else bool(mpl.rcParams["text.antialiased"])


def _plain(text: Text, renderer) -> bool:
    """Whether ``text`` is a label the stamps can draw exactly (else stock matplotlib draws it)."""
    s = text.get_text()
    return (
        isinstance(renderer, RendererAgg)
        and text.get_rotation() == 0
        and "\n" not in s
        and "$" not in s
        and not text.get_usetex()
        and not text.get_wrap()
        and text.get_bbox_patch() is None
        and not text.get_path_effects()
        and not (text.get_clip_on() and (text.get_clip_box() is not None or text.get_clip_path()))
    )


def _rgba(text: Text) -> tuple:
    return mcolors.to_rgba(text.get_color(), text.get_alpha())


def _stamp(renderer, s, prop, pkey, rgba, antialiased, mtext):
    """The label ``s`` rasterised by matplotlib's own ``draw_text`` (or from its kept glyphs, the same
    pixels), cropped to its ink."""
    kept = frame_caches() and glyphs.glyphs_checked()
    key = (s, pkey, renderer.dpi, rgba, antialiased, kept)
    if key in _stamps:
        return _stamps.get(key)
    if kept:
        w, h, d = text_extent(s, prop, renderer.dpi, pkey)
    else:
        w, h, d = renderer.get_text_width_height_descent(s, prop, ismath=False)
    width, height = math.ceil(w) + 2 * _PAD, math.ceil(h) + 2 * _PAD
    off = RendererAgg(width, height, renderer.dpi)
    gc = off.new_gc()
    gc.set_foreground(rgba, isRGBA=True)
    gc.set_antialiased(antialiased)
    ox, oy = _PAD, _PAD + math.ceil(h - d)  # the baseline-left point; draw_text's y grows downwards
    if kept:
        glyphs.draw_text(off, gc, ox, oy, s, prop, mtext)
    else:
        off.draw_text(gc, ox, oy, s, prop, 0, ismath=False, mtext=mtext)
    gc.restore()
    buf = np.asarray(off.buffer_rgba())
    ink = buf[..., 3] > 0
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if rows.size == 0:
        hit = None  # nothing to draw (spaces)
    else:
        r0, r1, c0, c1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
        # draw_image wants the bottom row first
        hit = (np.ascontiguousarray(buf[r0:r1, c0:c1][::-1]), int(c0 - ox), int(r0 - oy))
    _stamps.put(key, hit)
    return hit


def _origin(renderer, s, prop, pkey, ha, va, figure):
    """Where stock ``Text`` puts the baseline-left point of ``s``, relative to its anchor (pixels, y up)."""
    key = (s, pkey, renderer.dpi, ha, va)
    hit = _origins.get(key)
    if hit is None:
        if frame_caches():  # measured once for the layout, the stamp and this (the same numbers)
            renderer = _ruler(renderer.dpi)
        ruler = Text(0, 0, s, fontproperties=prop, ha=ha, va=va, transform=IdentityTransform())
        ruler.set_figure(figure)
        box = ruler.get_window_extent(renderer)
        ruler.set_verticalalignment("baseline")
        descent = -ruler.get_window_extent(renderer).y0
        hit = (box.x0, box.y0 + descent)
        _origins.put(key, hit)
    return hit


class _Paster:
    """Pastes labels of one font on one Agg renderer (one graphics context for all of them)."""

    def __init__(self, renderer, prop, antialiased, ha, va, figure):
        self.renderer, self.prop, self.antialiased = renderer, prop, antialiased
        self.ha, self.va, self.figure = ha, va, figure
        self.pkey = font_key(prop)
        self.gc = renderer.new_gc()

    def paste(self, x, y, s, rgba, mtext=None) -> None:
        """Draw ``s`` anchored at display point ``(x, y)`` (y up) from its stamp."""
        r = self.renderer
        stamp = _stamp(r, s, self.prop, self.pkey, rgba, self.antialiased, mtext)
        if stamp is None:
            return
        img, dx, dy = stamp
        ox, oy = _origin(r, s, self.prop, self.pkey, self.ha, self.va, self.figure)
        left = round(x + ox) + dx
        top = round(r.height - (y + oy)) + dy  # rows counted downwards, like draw_text's y
        r.draw_image(self.gc, left, r.height - top - img.shape[0], img)

    def close(self) -> None:
        self.gc.restore()


class FastText(Text):
    """A ``Text`` that pastes its stamp when it can (one line, unrotated, Agg), else draws as usual.

    A ``Text`` keeps the last renderer that drew or measured it (the private ``_renderer``). A live
    picture gets a new renderer whenever its height changes; a label measured before that (a frame's
    layout is measured before the figure takes its new height), or hidden since, kept an old one
    alive, with its two full-size pixel buffers (about 4 MB at 840 x 600 pixels). Here that reference
    is weak: the figure's canvas keeps the renderer in use, nothing keeps old ones.
    """

    @property
    def _renderer(self):
        ref = self.__dict__.get("_renderer_ref")
        return None if ref is None else ref()

    @_renderer.setter
    def _renderer(self, renderer) -> None:
        try:
            ref = None if renderer is None else weakref.ref(renderer)
        except TypeError:  # a renderer that takes no weak reference is kept as matplotlib keeps it
            ref = lambda: renderer  # noqa: E731
        self.__dict__["_renderer_ref"] = ref

    def __getstate__(self):
        state = super().__getstate__()
        state.pop("_renderer_ref", None)  # a weak reference cannot be pickled; pickles keep none
        return state

    def draw(self, renderer):
        if not self.get_visible() or not fast_text() or not _plain(self, renderer):
            return super().draw(renderer)
        s = self.get_text()
        if s:
            x, y = self.get_transform().transform(self.get_unitless_position())
            prop = self.get_fontproperties()
            ha, va = self.get_horizontalalignment(), self.get_verticalalignment()
            paster = _Paster(renderer, prop, _antialiased(self), ha, va, self.figure)
            paster.paste(x, y, s, _rgba(self), self)
            paster.close()
        self.stale = False


def draw_labels(renderer, figure, xy, texts, colors, prop) -> None:
    """Draw many short labels centred on display points ``xy`` (the numbers in a grid's cells).

    One stamp per distinct string and colour; with the stock path (or a renderer other than Agg,
    e.g. when saving to SVG or PDF) each label is an ordinary ``Text`` drawn by matplotlib.
    """
    if fast_text() and isinstance(renderer, RendererAgg):
        paster = _Paster(renderer, prop, bool(mpl.rcParams["text.antialiased"]), "center", "center", figure)
        rgba = {color: mcolors.to_rgba(color) for color in set(colors)}
        for (x, y), s, color in zip(xy, texts, colors, strict=True):
            paster.paste(x, y, s, rgba[color])
        paster.close()
        return
    label = Text(0, 0, "", fontproperties=prop, ha="center", va="center", transform=IdentityTransform())
    label.set_figure(figure)
    for (x, y), s, color in zip(xy, texts, colors, strict=True):
        label.set_position((x, y))
        label.set_text(s)
        label.set_color(color)
        label.draw(renderer)


# ----------------------------------------------------------------------------------------- the check
_PROBE_TEXT = "−12.5 Σ (3, 3) filter Hgj"
_PROBE_CASES = (("left", "baseline"), ("center", "center"), ("right", "top"), ("left", "bottom"))


def _probe_pixels(cls, s, size, ha, va, at) -> np.ndarray:
    fig = Figure(figsize=(3.2, 0.5), dpi=100)
    FigureCanvasAgg(fig)
    label = cls(at[0], at[1], s, fontsize=size, ha=ha, va=va, transform=IdentityTransform())
    fig.add_artist(label)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).astype(int)


def _probe() -> str | None:
    """Draw probe labels with stock ``Text`` and with stamps; None when the pixels agree, else why not."""
    try:
        _state["fast"] = True  # so that FastText pastes while probing
        for ha, va in _PROBE_CASES:
            fig = Figure(figsize=(3.2, 0.5), dpi=100)
            renderer = FigureCanvasAgg(fig).get_renderer()
            prop = Text(0, 0, "", fontsize=11).get_fontproperties()
            ox, oy = _origin(renderer, _PROBE_TEXT, prop, font_key(prop), ha, va, fig)
            at = (160 - ox, 25 - oy)  # the baseline-left point on whole pixels, where both agree exactly
            stock = _probe_pixels(Text, _PROBE_TEXT, 11, ha, va, at)
            fast = _probe_pixels(FastText, _PROBE_TEXT, 11, ha, va, at)
            if not (stock[..., :3] < 250).any():
                return "the probe label drew nothing"
            worst = int(np.abs(stock - fast).max())
            if worst > 2:
                return f"pasted labels differ from matplotlib's own by up to {worst} levels ({ha}, {va})"
    except Exception as exc:  # any change in what the shortcut relies on: use stock matplotlib
        return f"the fast path failed its check: {type(exc).__name__}: {exc}"
    finally:
        _state["fast"] = None
        _stamps.clear()
        _origins.clear()
    return None
