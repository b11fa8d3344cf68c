"""``Playground``: the photo, classic kernels and every slider at once (``03_kernels``)."""

from __future__ import annotations

from ..core.layer import Conv2D
from ..core.samples import CLASSIC_KERNELS, RGB_NAMES, photo
from .controls import K_MAX, PADDING_OPTIONS, Bool, Choice, Int
from .filter_bank import FilterBank
from .rules import KernelFits

__all__ = ["Playground"]


class Playground(FilterBank):
    """The photo with classic kernels (or random weights) and every slider at once.

    ``kernel`` picks filter 0's weights: a classic 3x3 kernel (identity, box blur, gaussian blur,
    sharpen, sobel x, sobel y, laplacian) applied to each of R, G, B with its weights divided by 3
    (so the filter sees the grey image), or ``'random'``. Other filters are random. Classic kernels
    are 3x3: with another ``kernel_size`` the weights are random and the readout says so.
    Introduced in ``03_kernels``.
    """

    SPECS = {
        "kernel": Choice("sobel x", (*CLASSIC_KERNELS, "random")),
        "input_size": Int(48, 8, 64),
        "kernel_size": Int(3, 1, K_MAX),
        "strides": Int(1, 1, 3),
        "padding": Choice("valid", PADDING_OPTIONS),
        "dilation_rate": Int(1, 1, 3),
        "filters": Int(1, 1, 8),
        "relu": Bool(False),
    }
    RULES = (KernelFits(K_MAX),)
    ONE_FILTER_AS_KERNELS = True

    def _c_in(self) -> int:
        return 3

    def _input(self, s):
        return photo(s["input_size"]), list(RGB_NAMES)

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
        if s["kernel_size"] != 3:
            self.notes.append(
                f"{name} is a 3×3 kernel; with kernel_size {s['kernel_size']} the weights are random "
                "(set kernel_size to 3 to see it)."
            )
            return layer
        kernel = layer.weights
        kernel[:, :, :, 0] = CLASSIC_KERNELS[name][:, :, None] / 3.0
        on_each = " on each of R, G, B" if s["filters"] == 1 else ""
        self.filter_names = [f"{name} ÷ 3{on_each}"] + ["random"] * (s["filters"] - 1)
        if s["filters"] == 1:
            note = (
                f"the {name} kernel (weights ÷ 3) on each of R, G, B, the maps added: it sees the grey image."
            )
        else:
            note = (
                f"filter 0 applies the {name} kernel to each of R, G, B (weights ÷ 3): "
                "it sees the grey image. Other filters are random."
            )
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
