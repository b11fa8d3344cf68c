"""``Playground``: the photo, or your own picture, with classic kernels and every slider (``03_kernels``)."""

from __future__ import annotations

import weakref

import ipywidgets as widgets

from ..core.images import Picture
from ..core.layer import Conv2D
from ..core.samples import CLASSIC_KERNELS, RGB_NAMES, photo
from ..pictures.words import name_of
from .controls import K_MAX, PADDING_OPTIONS, Bool, Choice, Int
from .filter_bank import FilterBank
from .rules import KernelFits
from .words import say

__all__ = ["Playground"]

#: What the upload button offers in the browser's file dialog.
ACCEPT = ".png,.jpg,.jpeg,image/png,image/jpeg"


class Playground(FilterBank):
    """The photo (or your own picture) with classic kernels (or random weights) and every slider at once.

    ``kernel`` picks filter 0's weights: a classic 3x3 kernel (identity, box blur, gaussian blur,
    sharpen, sobel x, sobel y, laplacian) applied to each of R, G, B with its weights divided by 3
    (so the filter sees the grey image), or ``'random'``. Other filters are random. Classic kernels
    are 3x3: with another ``kernel_size`` the weights are random and the readout says so.

    The picture is Grace Hopper's portrait, or your own: ``Playground(image=...)`` takes a file path,
    a PIL image or an ``(H, W)`` / ``(H, W, 3)`` array (see :func:`convlesson.load_image`), and the
    **Upload** button takes a PNG or JPEG file up to 20 MB from your computer. Its centre square is
    resized to ``input_size``. A file that is empty, too large, damaged or not a picture is refused
    in the readout, and the picture stays as it was. Each map's colours reach full strength at its
    99th percentile, so a photo's many fainter edges show, not only its strongest.
    Introduced in ``03_kernels``; your own picture in ``07_learned_filters``.

    Attributes
    ----------
    upload : ipywidgets.FileUpload
        The upload button (one PNG or JPEG file).
    """

    SPECS = {
        "kernel": Choice("sobel x", (*CLASSIC_KERNELS, "random")),
        "input_size": Int(96, 8, 128),
        "kernel_size": Int(3, 1, K_MAX),
        "strides": Int(1, 1, 3),
        "padding": Choice("valid", PADDING_OPTIONS),
        "dilation_rate": Int(1, 1, 3),
        "filters": Int(1, 1, 8),
        "relu": Bool(False),
    }
    RULES = (KernelFits(K_MAX),)
    ONE_FILTER_AS_KERNELS = True
    MAP_QUANTILE = 99.0

    def __init__(self, *, image=None, show=None, **values):
        super().__init__(image=image, show=show, **values)
        self.upload = widgets.FileUpload(
            accept=ACCEPT, multiple=False, description=say("upload"), layout=widgets.Layout(width="auto")
        )
        self.upload.observe(_weak_upload(weakref.ref(self)), names="value")
        self.control_box.children = (*self.control_box.children, self.upload)
        parts = (self.upload, self.upload.layout, self.upload.style)
        self._upload_finalizer = weakref.finalize(self, _close, parts)

    def close(self) -> None:
        """Close the widgets (the upload button too) and free the figure; keep only ``state``."""
        if not self.closed:
            self._upload_finalizer()
        super().close()

    def _uploaded(self, value) -> None:
        """A file arrived from the browser: take it if it is a picture, else say why in the readout."""
        if self.closed or not value:
            return
        file = value[0]
        name = str(file.get("name", "")) or say("upload.the_file")
        content = file.get("content", b"")
        try:
            picture = Picture(bytes(content or b""), name=say("upload.named", name=repr(name)), label=name)
        except (ValueError, TypeError) as exc:
            self.message = say("upload.refused", why=exc)
            self._show_readout()
        else:
            self._own = picture
            self.message = ""
            self._request()
        finally:
            self.upload.value = ()  # free the file's bytes; the same file can be sent again

    def _c_in(self) -> int:
        return 3

    def _input(self, s):
        if self._own is None:
            return photo(s["input_size"]), list(RGB_NAMES)
        note = self._own.enlarged_note(s["input_size"])
        if note:
            self.notes.append(note)
        return self._own.at(s["input_size"]), list(RGB_NAMES)

    def _make_layer(self, s) -> Conv2D:
        layer = Conv2D(
            s["filters"],
            s["kernel_size"],
            s["strides"],
            s["padding"],
            s["dilation_rate"],
            activation="relu" if s["relu"] else None,
            c_in=3,
        )
        self.filter_names = None
        name = s["kernel"]
        if name == "random":
            return layer
        shown = name_of(name)
        if s["kernel_size"] != 3:
            self.notes.append(say("playground.not_3x3", name=shown, k=s["kernel_size"]))
            return layer
        kernel = layer.weights
        kernel[:, :, :, 0] = CLASSIC_KERNELS[name][:, :, None] / 3.0
        if s["filters"] == 1:
            self.filter_names = [say("playground.on_each", name=shown)]
            note = say("playground.one_filter", name=shown)
        else:
            self.filter_names = [f"{shown} ÷ 3"] + ["random"] * (s["filters"] - 1)
            note = say("playground.filters", name=shown)
        self.notes.append(note)
        return Conv2D(
            s["filters"],
            3,
            s["strides"],
            s["padding"],
            s["dilation_rate"],
            activation="relu" if s["relu"] else None,
            kernel=kernel,
            bias=layer.bias * 0,
        )


def _weak_upload(ref):
    """An observer of the upload button that holds its explorer only weakly."""

    def observer(change):
        explorer = ref()
        if explorer is not None:
            explorer._uploaded(change["new"])

    return observer


def _close(parts) -> None:
    for w in parts:
        w.close()
