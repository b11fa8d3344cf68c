"""The frame loop: a change of the controls in, one PNG frame out.

An observer records the new value and redraws synchronously, in the same comm message. This is
enough to coalesce frames: the widget front end keeps at most one message per widget in flight and
merges every change made meanwhile into a single buffered message, sent when the kernel turns idle.
So while one frame is drawn, any number of slider moves become ONE next frame with the latest value:
the last value is always drawn and the picture is never more than one frame behind. ``hold()``
batches changes made from Python; ``flush()`` draws a pending frame.

``_draw()`` raises :class:`NoPicture` for a combination that has no picture; the readout then says
why and the last picture stays. Any other exception is a bug and is raised.

A frame is drawn whole (``canvas.draw()``) and encoded by bands of rows, only the bands whose pixels
changed deflated again (:class:`~convlesson.pictures.render.BandedPng`); the pictures keep what they
drew last (label stamps made from kept glyphs, grids' pasted pixels) while it still holds. ``FRAMES =
"full"`` (or the environment variable ``CONVLESSON_FRAMES=full``) draws every frame as before, with
none of those caches, and encodes it whole: the reference the tests and the benchmarks compare with.
"""

from __future__ import annotations

import html
import os
from contextlib import contextmanager

import numpy as np

from ..pictures import style
from ..pictures.fast_text import without_frame_caches
from ..pictures.render import BandedPng, render_png
from .heap import after_frame
from .words import say

__all__ = ["FrameLoop", "NoPicture", "FRAMES_ENV"]

#: Set to ``full`` to draw and encode every frame whole, with none of the frame caches (see above).
FRAMES_ENV = "CONVLESSON_FRAMES"


class NoPicture(Exception):
    """This combination of controls has no picture (raised by ``_draw``; the readout shows why)."""


class FrameLoop:
    """Draws a frame when the controls change (a part of :class:`~.live.LiveExplorer`)."""

    WIDTH = style.WIDTH_PX
    #: ``"changed"``: only the changed bands of the PNG encoded again; ``"full"``: the full redraw.
    FRAMES = "full" if os.environ.get(FRAMES_ENV, "").strip().lower() == "full" else "changed"
    _png = None  # the explorer's BandedPng, made with its first frame

    def _request(self) -> None:
        self._pending = True
        if self._hold == 0:
            self.flush()

    @contextmanager
    def hold(self):
        """Change several controls, then draw once: ``with ex.hold(): ex.controls['c_in'].value = 8 ...``."""
        self._refuse_if_closed()
        self._hold += 1
        try:
            yield self
        finally:
            self._hold -= 1
            if self._hold == 0 and not self._closed:
                self.flush()

    def flush(self) -> None:
        """Draw the pending frame now (does nothing when no frame is pending)."""
        self._refuse_if_closed()
        if not self._pending:
            return
        self._pending = False
        self.notes = []
        try:
            height = self._draw()
        except NoPicture as exc:  # an impossible combination: say so, keep the last picture
            self.message = say("no_picture", why=exc)
        else:
            self._set_height(height)
            self.image.value = self._frame_png()
            self.frames_drawn += 1
            after_frame()
        self._show_readout()

    def _frame_png(self) -> bytes:
        """The picture as it stands now, drawn and encoded as PNG (see ``FRAMES``)."""
        if self.FRAMES == "full":
            with without_frame_caches():
                return render_png(self.figure)
        if self._png is None:
            self._png = BandedPng()
        canvas = self.figure.canvas
        canvas.draw()
        return self._png.encode(np.asarray(canvas.buffer_rgba()))

    def _set_height(self, height: float) -> None:
        """Make the figure exactly as tall as its picture (pixels): no empty bands."""
        h = max(int(np.ceil(height)), 1)
        if round(self.figure.get_figheight() * style.BASE_DPI) != h:
            self.figure.set_size_inches(self.WIDTH / style.BASE_DPI, h / style.BASE_DPI)
            for ax in self.figure.axes:  # one pixel per data unit on every Axes of the picture
                ax.set_ylim(h, 0)

    def _show_readout(self) -> None:
        size = f"{round(style.px(style.sizes().label))}px"
        parts = []
        if self.message:
            message = html.escape(self.message, quote=False)
            parts.append(f'<div style="color:#b00020;font-weight:bold">{message}</div>')
        for note in self.notes:
            parts.append(f"<div>{html.escape(note, quote=False)}</div>")
        self.readout.value = f'<div style="font-size:{size};min-height:1.3em">{"".join(parts)}</div>'
