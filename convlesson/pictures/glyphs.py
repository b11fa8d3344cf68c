"""New labels made from kept glyphs: each glyph is rendered by FreeType once, then blended where it goes.

matplotlib 3.11's Agg ``draw_text`` lays a string out (``FT2Font._layout``), then for every glyph sets
the font's size and transform, has FreeType render the glyph at its place (``_render_glyph``) and
blends the bitmap into the canvas (``draw_text_image``): about 0.1 ms a glyph, most of it rendering,
so a new 80-character line costs 8 ms. A glyph rendered at ``p + (i, j)`` whole pixels is the glyph
rendered at ``p``, moved by ``(i, j)``: FreeType applies the transform after hinting, and a move by whole
pixels moves every point of the outline by whole pixels. So the bitmap of each glyph, font, size,
dpi, hinting, mode and position within its pixel (1/64 of a pixel each way) is kept, and
:func:`draw_text` blends kept bitmaps with the same ``draw_text_image`` call, at the same places, in
the same order as ``draw_text``: the same pixels.

That reasoning rests on FreeType and on how ``draw_text`` calls it, so it is checked once, at first use
(:func:`glyphs_checked`): probe strings (English, and Chinese with the shipped font as the fallback)
are drawn both ways at many sub-pixel places and must agree byte for byte; when they do not, or
anything fails, ``RendererAgg.draw_text`` draws every label (:func:`glyph_path` says which and why).
Only upright, single-font-size plain text goes this way -- the labels
:mod:`convlesson.pictures.fast_text` rasterises into stamps.

Measuring a new label (``get_text_width_height_descent``) lays it out and loads every glyph again with
FreeType (``FT2Font.set_text``): about as long as drawing it. With matplotlib 3.11 that measurement is
the layout's and the glyphs' own numbers -- the width is where the pen stops after the last glyph, the
height and descent the span of the glyphs' boxes -- so :func:`extent` takes them from the layout the
label is then drawn with (kept for a few labels) and from each glyph's box and advance (kept): one
layout a new label instead of two. It too is checked once, at first use (:func:`extents_checked`),
against ``get_text_width_height_descent``.
"""

from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag
from matplotlib.font_manager import FontProperties

try:  # matplotlib 3.10 and later; before it, every label goes through draw_text
    from matplotlib.ft2font import RenderMode
except ImportError:
    RenderMode = None

from ..core.bounded_cache import BoundedCache
from . import font

__all__ = [
    "draw_text",
    "extent",
    "glyphs_checked",
    "extents_checked",
    "glyph_path",
    "extent_path",
    "GLYPH_BYTES",
]

#: The most bytes of glyph bitmaps kept (a glyph is a few hundred bytes; the pictures use a few hundred).
GLYPH_BYTES = 2**20
# (font, size, dpi, glyph, load flags, mode, x and y within the pixel in 1/64) -> (bitmap, left, top)
_glyphs = BoundedCache(GLYPH_BYTES, size=lambda key, value: 160 + value[0].nbytes)
# (font, size, dpi, glyph, load flags) -> (bottom, top, advance) in 1/64 pixel
_metrics = BoundedCache(2**18, size=lambda key, value: 240)
# (text, font, size, dpi, load flags) -> the layout: ((font, glyph, x, y), ...); a frame's new labels are
# measured, then drawn: only the last few are kept
_layouts = BoundedCache(2**18, size=lambda key, value: 200 + 120 * len(value))
_UPRIGHT = np.array([[0x10000, 0], [0, 0x10000]])  # draw_text's transform for angle 0, no slant
_state: dict = {"ok": None, "reason": ""}
_extents_state: dict = {"ok": None, "reason": ""}


def _layout(font, s: str, prop: FontProperties, dpi: float, load_flags, mtext=None) -> tuple:
    """``font._layout(s)`` as ``((font, glyph index, x, y), ...)``; for plain labels, put together from
    the kept layouts of its words (:func:`_words_layout`) or kept whole."""
    features = mtext.get_fontfeatures() if mtext is not None else None
    language = mtext.get_language() if mtext is not None else None
    if features is not None or language is not None:
        return _whole_layout(font, s, load_flags, features, language)
    size = prop.get_size_in_points()
    if " " in s.strip(" ") and _latin_only(s):
        hit = _words_layout(font, s, size, dpi, load_flags)
        if hit is not None:
            return hit
    key = (s, font, size, dpi, load_flags)
    hit = _layouts.get(key)
    if hit is None:
        hit = _whole_layout(font, s, load_flags)
        _layouts.put(key, hit)
    return hit


def _latin_only(s: str) -> bool:
    """No letter but ASCII's: digits, signs and symbols take their script from the letters around them,
    and a Greek ``Σ`` or a Chinese character before a space changes how the words after it are kerned."""
    return s.isascii() or all(c.isascii() or not c.isalpha() for c in s)


def _whole_layout(font, s: str, load_flags, features=None, language=None) -> tuple:
    items = font._layout(s, flags=load_flags, features=features, language=language)
    return tuple((item.ft_object, item.glyph_index, item.x, item.y) for item in items)


def _words_layout(font, s: str, size: float, dpi: float, load_flags) -> tuple | None:
    """The layout of ``s`` from the kept layouts of its words, each with the space after it; None when a
    word needs a fallback font (the whole text is then laid out at once).

    With matplotlib 3.11 a glyph's place is the pen's, and the pen moves by each glyph's hinted advance
    and the kerning between two glyphs; the fonts the pictures use kern no pair across a space, so a word
    starts where the space before it stops the pen. How a pair is kerned depends on the script of the
    letters around it, so only texts whose letters are all ASCII go this way (:func:`_latin_only`). A
    text of words costs a few look-ups instead of a layout of its every glyph by FreeType (about 15 us
    a glyph). Checked with the glyphs (:func:`glyphs_checked`) and the measurements
    (:func:`extents_checked`), whose probes hold such texts; ``tests/test_glyphs.py`` compares it with
    the whole layout over many random texts.
    """
    out: list = []
    pen = 0.0
    words = s.split(" ")
    for k, word in enumerate(words):
        part = word if k == len(words) - 1 else word + " "
        if not part:
            continue
        key = (part, font, size, dpi, load_flags)
        items = _layouts.get(key)
        if items is None:
            items = _whole_layout(font, part, load_flags)
            _layouts.put(key, items)
        if not items:
            return None
        for ft, index, x, y in items:
            if ft is not font:
                return None
            out.append((ft, index, pen + x, y))
        ft, index, x, _ = items[-1]
        pen += x + _metric(ft, size, dpi, index, load_flags)[2] / 64
    return tuple(out)


def _metric(ft, size: float, dpi: float, index: int, load_flags) -> tuple:
    """``(bottom, top, advance)`` of a glyph in 1/64 pixel, kept."""
    key = (ft, size, dpi, index, load_flags)
    kept = _metrics.get(key)
    if kept is None:
        glyph = ft.load_glyph(index, load_flags)
        kept = (glyph.bbox[1], glyph.bbox[3], glyph.horiAdvance)
        _metrics.put(key, kept)
    return kept


def extent(renderer: RendererAgg, s: str, prop: FontProperties) -> tuple[float, float, float]:
    """``renderer.get_text_width_height_descent(s, prop, ismath=False)`` from the layout and the kept
    glyph boxes (see the module's docstring); checked by :func:`extents_checked`."""
    font = renderer._prepare_font(prop)
    load_flags = get_hinting_flag()
    size, dpi = prop.get_size_in_points(), renderer.dpi
    items = _layout(font, s, prop, dpi, load_flags)
    if not items:
        return 0.0, 0.0, 0.0
    bottom, top = 1 << 30, -(1 << 30)
    for ft, index, _, y in items:
        kept = _metric(ft, size, dpi, index, load_flags)
        y64 = round(0x40 * y)
        bottom, top = min(bottom, kept[0] + y64), max(top, kept[1] + y64)
    font.clear()  # let go of the glyphs load_glyph kept
    # the pen's stop after the last glyph, the span of the glyphs' boxes, the depth below the baseline
    return (round(0x40 * items[-1][2]) + kept[2]) / 64, (top - bottom) / 64, -bottom / 64


def draw_text(renderer: RendererAgg, gc, x: float, y: float, s: str, prop: FontProperties, mtext=None):
    """``renderer.draw_text(gc, x, y, s, prop, 0, ismath=False, mtext=mtext)`` from kept glyph bitmaps.

    ``y`` counts downwards from the top, as in ``draw_text``.
    """
    font = renderer._prepare_font(prop)
    load_flags = get_hinting_flag()
    size = prop.get_size_in_points()
    dpi = renderer.dpi
    items = _layout(font, s, prop, dpi, load_flags, mtext)
    mode = RenderMode.NORMAL if gc.get_antialiased() else RenderMode.MONO
    height = renderer.height
    paste = renderer._renderer.draw_text_image
    for ft, index, item_x, item_y in items:
        # where draw_text puts the glyph, in 1/64 pixel (the same float operations, the same rounding)
        tx = round(0x40 * (x + item_x))
        ty = round(0x40 * (height - y + item_y))
        key = (ft, size, dpi, index, load_flags, mode, tx & 63, ty & 63)
        kept = _glyphs.get(key)
        if kept is None:
            ft.set_size(size, dpi)
            ft._set_transform(_UPRIGHT, [tx & 63, ty & 63])
            bitmap = ft._render_glyph(index, load_flags, mode)
            buffer = np.array(bitmap.buffer)
            if mode is not RenderMode.NORMAL:
                buffer *= 0xFF
            kept = (buffer, bitmap.left, bitmap.top)
            _glyphs.put(key, kept)
        buffer, left, top = kept
        if buffer.size:  # a blank glyph (a space) draws nothing
            top += ty >> 6
            paste(buffer, left + (tx >> 6), int(height) - top + buffer.shape[0], 0, gc)


# ----------------------------------------------------------------------------------------- the check
_PROBES = (
    ("step 12 of 49: output[3, 5] = 0·3 + (−1)·2 + 1·(−4) = −6", 10.0, "normal"),
    ("H' = ⌊(10 + 2 + 2 − 3)/1⌋ + 1 = 12   Σ ⊙ × ² AVAWffi gjpqy", 9.5, "normal"),
    ("kernel 3×3, c_in 4 → filter 3×3×4: −0.25 1.5", 11.0, "bold"),
    ("Wj −12.75 + 0.5 = 7", 15.5, "normal"),
    ("Kernel ≠ filter", 18.0, "bold"),
    ("卷积核 3×3，滤波器：通道、特征图 = −6", 11.0, "normal"),  # Chinese: the shipped font as a fallback
    ("每个滤波器有 C_in 个卷积核", 18.0, "bold"),
)


def glyphs_checked() -> bool:
    """True when :func:`draw_text` draws exactly what ``RendererAgg.draw_text`` draws (checked once)."""
    if _state["ok"] is None:
        reason = _probe()
        _state["ok"], _state["reason"] = reason is None, reason or ""
    return _state["ok"]


def extents_checked() -> bool:
    """True when :func:`extent` measures exactly what ``get_text_width_height_descent`` does (checked
    once; it needs the kept glyphs' check too, as the two share the layout)."""
    if _extents_state["ok"] is None:
        reason = _probe_extents() if glyphs_checked() else "the kept glyphs are not in use"
        _extents_state["ok"], _extents_state["reason"] = reason is None, reason or ""
    return _extents_state["ok"]


def glyph_path() -> str:
    """``'kept glyphs'``, or ``'draw_text (why)'`` when the check failed."""
    return "kept glyphs" if glyphs_checked() else f"draw_text ({_state['reason']})"


def extent_path() -> str:
    """``'layouts'``, or ``'get_text_width_height_descent (why)'`` when new labels are measured by
    matplotlib."""
    return "layouts" if extents_checked() else f"get_text_width_height_descent ({_extents_state['reason']})"


def _probe() -> str | None:
    """Probe strings drawn both ways at many sub-pixel places: None when every pixel agrees."""
    if RenderMode is None:
        return "this matplotlib has no ft2font.RenderMode (3.10 and later have it)"
    try:
        for s, size, weight in _PROBES:
            prop = FontProperties(size=size, weight=weight, family=font.family(s))
            for k, (dx, dy) in enumerate([(0, 0), (0.3, 0.55), (0.5, 0.5), (0.77, 0.12), (0.015625, 0.9)]):
                for antialiased in (True, False) if k == 0 else (True,):
                    pictures = []
                    for how in ("matplotlib", "kept glyphs"):
                        r = RendererAgg(700, 60, 100)
                        gc = r.new_gc()
                        gc.set_foreground((0.1, 0.2, 0.7, 1.0), isRGBA=True)
                        gc.set_antialiased(antialiased)
                        if how == "matplotlib":
                            r.draw_text(gc, 7 + dx, 40 + dy, s, prop, 0, ismath=False)
                        else:
                            draw_text(r, gc, 7 + dx, 40 + dy, s, prop)
                        gc.restore()
                        pictures.append(np.asarray(r.buffer_rgba()).copy())
                    if not pictures[0][..., 3].any():
                        return "the probe label drew nothing"
                    if not np.array_equal(*pictures):
                        worst = int(np.abs(pictures[0].astype(int) - pictures[1]).max())
                        return f"glyphs kept differ from matplotlib's draw_text by up to {worst} levels"
    except Exception as exc:  # anything draw_text relies on has changed: let matplotlib draw
        return f"the kept glyphs failed their check: {type(exc).__name__}: {exc}"
    finally:
        _glyphs.clear()
    return None


def _probe_extents() -> str | None:
    """The probe strings, and their starts, measured both ways: None when every number agrees."""
    try:
        for dpi in (100, 72, 150):
            r = RendererAgg(1, 1, dpi)
            for s, size, weight in (*_PROBES, (" ", 10.0, "normal"), ("", 10.0, "normal")):
                prop = FontProperties(size=size, weight=weight, family=font.family(s))
                for text in (s, s[: len(s) // 2], s[:1]):
                    stock = tuple(float(v) for v in r.get_text_width_height_descent(text, prop, ismath=False))
                    if extent(r, text, prop) != stock:
                        return f"measured from the layout, {text!r} is {extent(r, text, prop)}, not {stock}"
    except Exception as exc:  # anything the measurement relies on has changed: let matplotlib measure
        return f"the layout's measurements failed their check: {type(exc).__name__}: {exc}"
    finally:
        _metrics.clear()
        _layouts.clear()
    return None
