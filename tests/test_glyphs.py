"""Labels made from kept glyph bitmaps are matplotlib's own ``draw_text``, pixel for pixel.

The glyph path checks itself once with a few probe strings; here many random strings (the characters
the pictures print), sizes, weights and sub-pixel places are drawn both ways, the kept glyphs reused
from one string to the next, and every pixel must agree. When the check fails, matplotlib draws.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import FontProperties

from convlesson.pictures import glyphs

#: matplotlib before 3.10 has no ``ft2font.RenderMode``: there every label is drawn by ``draw_text``
#: (checked by ``test_a_matplotlib_without_render_modes_draws_every_label``, which runs everywhere).
needs_glyph_path = pytest.mark.skipif(
    glyphs.RenderMode is None, reason="this matplotlib has no glyph path (before 3.10)"
)
CHARS = "0123456789.,:;=+−-×·⊙Σ⌊⌋()[]'' abcdefghijklmnopqrstuvwxyzABCKRGBHWfiW→≠²"


def _draw(how, s, prop, x, y, antialiased=True) -> np.ndarray:
    r = RendererAgg(420, 50, 100)
    gc = r.new_gc()
    gc.set_foreground((0.2, 0.1, 0.6, 1.0), isRGBA=True)
    gc.set_antialiased(antialiased)
    if how == "matplotlib":
        r.draw_text(gc, x, y, s, prop, 0, ismath=False)
    else:
        glyphs.draw_text(r, gc, x, y, s, prop)
    gc.restore()
    return np.asarray(r.buffer_rgba()).copy()


@needs_glyph_path
def test_random_labels_from_kept_glyphs_are_matplotlibs_pixels():
    assert glyphs.glyphs_checked(), glyphs.glyph_path()
    rng = random.Random(0)
    for i in range(150):
        s = "".join(rng.choice(CHARS) for _ in range(rng.randint(1, 24)))
        prop = FontProperties(
            size=rng.choice([8.0, 9.5, 10.0, 11.0, 12.5, 15.0, 18.0]), weight=rng.choice(["normal", "bold"])
        )
        x, y = 5 + rng.random() * 30, 20 + rng.random() * 15
        antialiased = i % 10 != 0
        stock = _draw("matplotlib", s, prop, x, y, antialiased)
        kept = _draw("kept glyphs", s, prop, x, y, antialiased)
        assert stock[..., 3].any() or not s.strip()
        assert np.array_equal(stock, kept), f"{s!r} at ({x}, {y}), {prop.get_size_in_points()} pt"


def test_a_matplotlib_without_render_modes_draws_every_label(monkeypatch):
    monkeypatch.setattr(glyphs, "_state", {"ok": None, "reason": ""})
    monkeypatch.setattr(glyphs, "RenderMode", None)
    assert not glyphs.glyphs_checked()
    assert glyphs.glyph_path().startswith("draw_text (this matplotlib has no ft2font.RenderMode")


def test_a_failed_check_lets_matplotlib_draw(monkeypatch):
    from convlesson.pictures import fast_text

    monkeypatch.setattr(glyphs, "_state", {"ok": None, "reason": ""})
    monkeypatch.setattr(glyphs, "_probe", lambda: "a check that fails on purpose")
    assert not glyphs.glyphs_checked()
    assert glyphs.glyph_path() == "draw_text (a check that fails on purpose)"
    called = []
    monkeypatch.setattr(glyphs, "draw_text", lambda *a, **k: called.append(a))
    fast_text._stamps.clear()
    renderer = RendererAgg(100, 40, 100)
    prop = FontProperties(size=11)
    stamp = fast_text._stamp(renderer, "12.5", prop, fast_text.font_key(prop), (0, 0, 0, 1), True, None)
    assert stamp is not None and not called


@needs_glyph_path
@pytest.mark.parametrize("weight", ["normal", "bold"])
def test_a_glyph_kept_at_one_place_is_drawn_right_at_another(weight):
    """The same string at places one whole pixel and one sub-pixel apart: kept bitmaps moved, not redrawn."""
    prop = FontProperties(size=10, weight=weight)
    for x in (10.0, 11.0, 11.25, 40.5):
        assert np.array_equal(
            _draw("matplotlib", "−0.75 Σ", prop, x, 30), _draw("kept", "−0.75 Σ", prop, x, 30)
        )


# ------------------------------------------------------------------------------ measured from the layout
ZH_CHARS = "卷积核滤波器通道特征图输入输出每个有，。：（）"


@needs_glyph_path
def test_random_texts_measured_from_their_layout_are_matplotlibs_numbers():
    """``extent`` against ``get_text_width_height_descent``: English and Chinese (the shipped font as a
    fallback), sizes, weights and three dpis, the glyphs' boxes and the layouts kept from one to the next."""
    from convlesson.pictures import font

    assert glyphs.extents_checked(), glyphs.extent_path()
    rng = random.Random(1)
    for i in range(300):
        chars = CHARS + ZH_CHARS if i % 3 == 0 else CHARS
        s = "".join(rng.choice(chars) for _ in range(rng.randint(1, 70)))
        prop = FontProperties(
            size=rng.choice([8.0, 9.5, 10.0, 11.0, 12.5, 15.0, 18.0]),
            weight=rng.choice(["normal", "bold"]),
            family=font.family(s),
        )
        r = RendererAgg(1, 1, rng.choice([72, 100, 150]))
        stock = tuple(float(v) for v in r.get_text_width_height_descent(s, prop, ismath=False))
        assert glyphs.extent(r, s, prop) == stock, f"{s!r}, {prop.get_size_in_points()} pt at {r.dpi} dpi"


def test_without_kept_glyphs_matplotlib_measures(monkeypatch):
    monkeypatch.setattr(glyphs, "_extents_state", {"ok": None, "reason": ""})
    monkeypatch.setattr(glyphs, "glyphs_checked", lambda: False)
    assert not glyphs.extents_checked()
    assert glyphs.extent_path() == "get_text_width_height_descent (the kept glyphs are not in use)"


@needs_glyph_path
def test_the_measurement_check_refuses_a_measurement_off_by_a_64th_of_a_pixel(monkeypatch):
    right = glyphs.extent
    monkeypatch.setattr(
        glyphs, "extent", lambda r, s, prop: (right(r, s, prop)[0] + 1 / 64, *right(r, s, prop)[1:])
    )
    reason = glyphs._probe_extents()
    assert reason is not None and reason.startswith("measured from the layout, 'step 12 of 49")


def test_a_failed_measurement_check_lets_matplotlib_measure(monkeypatch):
    from convlesson.pictures import fast_text

    monkeypatch.setattr(glyphs, "_extents_state", {"ok": None, "reason": ""})
    monkeypatch.setattr(glyphs, "glyphs_checked", lambda: True)  # so that this check is the one that fails
    monkeypatch.setattr(glyphs, "_probe_extents", lambda: "a check that fails on purpose")
    assert not glyphs.extents_checked()
    assert glyphs.extent_path() == "get_text_width_height_descent (a check that fails on purpose)"
    monkeypatch.setattr(
        glyphs, "extent", lambda *a: pytest.fail("measured from the layout after a failed check")
    )
    fast_text._extents.clear()
    prop = FontProperties(size=11)
    w, h, d = fast_text.text_extent("filter 3×3×4 = 36 weights", prop, 100)
    assert w > 100 and h > 5


@needs_glyph_path
def test_texts_put_together_from_their_words_are_laid_out_as_a_whole():
    """Words' kept layouts put side by side against FreeType's layout of the whole text, glyph for glyph:
    random texts of the characters the pictures print, with single and double spaces, and with Greek and
    Chinese letters (whose neighbours are kerned as their script says: such texts are laid out whole)."""
    from matplotlib.backends.backend_agg import get_hinting_flag

    from convlesson.pictures import font

    flags = get_hinting_flag()
    rng = random.Random(2)
    put_together = 0
    # a hyphen and an A after a space are kerned in English, not after Greek or Chinese: laid out whole
    known = ["WΣ -AA T.", "卷积 -T Wa", "Σ -AV To", "- AV Ty -A"]
    for i in range(1500 + len(known)):
        chars = CHARS + "  Σαβ" + (ZH_CHARS if i % 5 == 0 else "")
        s = known[i] if i < len(known) else "".join(rng.choice(chars) for _ in range(rng.randint(1, 90)))
        if i % 2 and i >= len(known):
            s = s.replace("Σ", "S").replace("α", "a").replace("β", "b")
        prop = FontProperties(
            size=rng.choice([8.0, 9.5, 10.0, 11.0, 12.5, 15.0, 18.0, 23.0]),
            weight=rng.choice(["normal", "bold"]),
            family=font.family(s),
        )
        r = RendererAgg(1, 1, rng.choice([72, 100, 144, 150]))
        whole = glyphs._whole_layout(r._prepare_font(prop), s, flags)
        words = glyphs._layout(r._prepare_font(prop), s, prop, r.dpi, flags)
        assert [g[1:] for g in words] == [g[1:] for g in whole], (
            f"{s!r}, {prop.get_size_in_points()} pt, {r.dpi} dpi"
        )
        put_together += " " in s.strip(" ") and glyphs._latin_only(s)
    assert put_together > 300  # the words' layouts were used, not only whole texts
