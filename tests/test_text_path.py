"""The fast label path draws what stock matplotlib draws, checks itself, and can be switched off.

The oracle everywhere is stock matplotlib: the same labels drawn by ``Text.draw`` with the fast
path turned off.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

import convlesson as cl
from convlesson.pictures import fast_text
from convlesson.pictures.art import GridArt
from convlesson.pictures.text_art import TextPool


@pytest.fixture
def restore_path():
    yield
    fast_text._set(None)  # decide again at next use, as at import


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)


def test_the_fast_path_is_in_use_here_unless_switched_off():
    forced = fast_text._env_forces_stock()
    assert fast_text.text_path() == ("stock (CONVLESSON_STOCK_TEXT is set)" if forced else "fast")


def test_the_environment_variable_forces_stock_matplotlib():
    code = "from convlesson.pictures import fast_text as f; print(f.text_path())"
    for value, want in (("1", "stock (CONVLESSON_STOCK_TEXT is set)"), ("0", "fast"), ("", "fast")):
        env = {**os.environ, fast_text.STOCK_ENV: value}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == want, value


def test_the_check_passes_as_is():
    assert fast_text._probe() is None


def test_the_check_fails_when_pasted_labels_land_one_pixel_off(monkeypatch):
    real = fast_text._Paster.paste

    def shifted(self, x, y, s, rgba, mtext=None):
        return real(self, x + 1, y, s, rgba, mtext)

    monkeypatch.setattr(fast_text._Paster, "paste", shifted)
    reason = fast_text._probe()
    assert reason is not None and "differ" in reason


def test_the_check_fails_when_what_it_relies_on_is_gone(monkeypatch):
    def gone(*args, **kwargs):
        raise AttributeError("'RendererAgg' object has no attribute 'draw_image'")

    monkeypatch.setattr(fast_text._Paster, "paste", gone)
    reason = fast_text._probe()
    assert reason is not None and "AttributeError" in reason


def test_a_failed_check_means_stock_text(monkeypatch, restore_path):
    monkeypatch.delenv(fast_text.STOCK_ENV, raising=False)  # the check decides, not the variable
    monkeypatch.setattr(fast_text, "_probe", lambda: "broken on purpose")
    fast_text._state["fast"] = None
    assert fast_text.text_path() == "stock (broken on purpose)"
    ex = cl.KernelSweep(input_size=5, kernel_size=3)  # still draws, with stock text
    assert ex.image.value[:4] == b"\x89PNG"
    ex.close()


@pytest.mark.parametrize(
    ("cls", "kw"),
    [
        (cl.KernelSweep, {"input_size": 6, "kernel_size": 3, "step": 5}),
        (cl.FilterBank, {"c_in": 3, "filters": 2}),
        (cl.ChannelSum, {"c_in": 2}),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_fast_and_stock_pictures_agree(cls, kw, restore_path):
    """Whole explorer frames: the fast path may differ from stock only by sub-pixel glyph placement."""
    fast_text._set(True)
    ex = cls(**kw)
    fast = pixels(ex.image.value)
    fast_text._set(False, "compared")
    ex.controls[next(iter(kw))].value = kw[next(iter(kw))] + 1  # two real redraws with stock text
    ex.controls[next(iter(kw))].value = kw[next(iter(kw))]
    stock = pixels(ex.image.value)
    ex.close()
    assert fast.shape == stock.shape
    diff = np.abs(fast - stock).max(axis=2)
    assert diff.mean() < 2.0, diff.mean()
    # every place where the two differ is at a glyph's edge: within two pixels of ink in both pictures

    def near(ink):
        grown = np.zeros_like(ink)
        for dr in (-2, -1, 0, 1, 2):
            for dc in (-2, -1, 0, 1, 2):
                grown |= np.roll(np.roll(ink, dr, axis=0), dc, axis=1)
        return grown

    near_ink = near(stock.min(axis=2) < 200) & near(fast.min(axis=2) < 200)
    assert not (diff > 60)[~near_ink].any()


def test_labels_reach_svg_as_text():
    fig = Figure(figsize=(3, 2), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    TextPool(ax).show([(0.5, 0.8, "filter 7")])
    GridArt(ax, "RdBu_r").update(np.array([[1.0, -2.0]]), (0.1, 0.1), 0.3, clim=(-2, 2), numbers=True)
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    svg = buf.getvalue()
    for label in ("filter 7", "1", "−2"):  # matplotlib writes each text's string as a comment
        assert f"<!-- {label} -->" in svg, label
