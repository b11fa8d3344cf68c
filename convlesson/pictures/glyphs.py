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

__all__ = ["draw_text", "glyphs_checked", "glyph_path", "GLYPH_BYTES"]

#: The most bytes of glyph bitmaps kept (a glyph is a few hundred bytes; the pictures use a few hundred).
GLYPH_BYTES = 2**20
# (font, size, dpi, glyph, load flags, mode, x and y within the pixel in 1/64) -> (bitmap, left, top)
_glyphs = BoundedCache(GLYPH_BYTES, size=lambda key, value: 160 + value[0].nbytes)
_UPRIGHT = np.array([[0x10000, 0], [0, 0x10000]])  # draw_text's transform for angle 0, no slant
_state: dict = {"ok": None, "reason": ""}


def draw_text(renderer: RendererAgg, gc, x: float, y: float, s: str, prop: FontProperties, mtext=None):
    """``renderer.draw_text(gc, x, y, s, prop, 0, ismath=False, mtext=mtext)`` from kept glyph bitmaps.

    ``y`` counts downwards from the top, as in ``draw_text``.
    """
    font = renderer._prepare_font(prop)
    load_flags = get_hinting_flag()
    items = font._layout(
        s,
        flags=load_flags,
        features=mtext.get_fontfeatures() if mtext is not None else None,
        language=mtext.get_language() if mtext is not None else None,
    )
    size = prop.get_size_in_points()
    dpi = renderer.dpi
    mode = RenderMode.NORMAL if gc.get_antialiased() else RenderMode.MONO
    height = renderer.height
    paste = renderer._renderer.draw_text_image
    for item in items:
        # where draw_text puts the glyph, in 1/64 pixel (the same float operations, the same rounding)
        tx = round(0x40 * (x + item.x))
        ty = round(0x40 * (height - y + item.y))
        ft = item.ft_object
        key = (ft, size, dpi, item.glyph_index, load_flags, mode, tx & 63, ty & 63)
        kept = _glyphs.get(key)
        if kept is None:
            ft.set_size(size, dpi)
            ft._set_transform(_UPRIGHT, [tx & 63, ty & 63])
            bitmap = ft._render_glyph(item.glyph_index, load_flags, mode)
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


def glyph_path() -> str:
    """``'kept glyphs'``, or ``'draw_text (why)'`` when the check failed."""
    return "kept glyphs" if glyphs_checked() else f"draw_text ({_state['reason']})"


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
