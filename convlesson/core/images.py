"""The learner's own picture: read from a file, bytes, a PIL image or an array; checked; made square.

``cl.load_image`` reads a PNG or JPEG file (or any picture Pillow reads), a PIL image, or an
``(H, W)`` / ``(H, W, 3)`` array, and returns RGB numbers in ``[0, 1]``; with ``size`` it cuts the
centre square and resizes it, as the explorers do with ``image=``. A file that is empty, larger than
20 MB, damaged, cut short or not a picture is refused with a ``ValueError`` that says which and what
works. Nothing passed in is changed. Introduced in ``07_learned_filters``.
"""

from __future__ import annotations

import io
import os
import warnings
from functools import lru_cache

import numpy as np

from .shapes import _is_int, show

__all__ = ["load_image", "Picture", "MAX_FILE_BYTES", "MAX_PIXELS", "KEEP_SIDE", "WHAT_WORKS"]

#: The largest file taken, in bytes (20 MB).
MAX_FILE_BYTES = 20 * 10**6
#: The most pixels a picture may have (a 48-megapixel phone photo fits).
MAX_PIXELS = 50 * 10**6
#: An explorer keeps the learner's picture as a square at most this many pixels wide.
KEEP_SIDE = 512
#: What ``image`` may be, said in every refusal of its type.
WHAT_WORKS = "a file path (PNG or JPEG), the file's bytes, a PIL image, or an (H, W) or (H, W, 3) array"


#: How PNG and JPEG files begin.
_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def _mb(n: int) -> str:
    """``n`` bytes in megabytes, or in bytes where one decimal would not tell it from the limit."""
    text = f"{n / 10**6:.1f} MB"
    return f"{n:,} bytes" if text == f"{MAX_FILE_BYTES / 10**6:.1f} MB" and n != MAX_FILE_BYTES else text


def _check_bytes(n: int, what: str) -> None:
    if n == 0:
        raise ValueError(f"{what} is empty (0 bytes); a PNG or JPEG picture works")
    if n > MAX_FILE_BYTES:
        raise ValueError(
            f"{what} is {_mb(n)}; pictures up to {MAX_FILE_BYTES // 10**6} MB are taken: "
            "make it smaller first"
        )


def _open(data: bytes, what: str, shrink: bool = False):
    """A loaded, upright PIL image from ``data``, or a ValueError saying what is wrong with it.

    With ``shrink``, a large JPEG may be decoded at a fraction of its size (never below
    :data:`KEEP_SIDE` pixels a side): what an explorer keeps is no larger anyway.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    _check_bytes(len(data), what)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our own limit says it
            img = Image.open(io.BytesIO(data))
            w, h = img.size
            if w * h > MAX_PIXELS:
                raise ValueError(
                    f"{what} has {w} × {h} pixels, more than {MAX_PIXELS // 10**6} million: "
                    "make it smaller first"
                )
            if shrink:
                img.draft("RGB", (KEEP_SIDE, KEEP_SIDE))
            img.load()
    except ValueError:
        raise
    except UnidentifiedImageError:
        kind = next((k for magic, k in _MAGIC.items() if data.startswith(magic)), None)
        if kind:  # it starts as a PNG or JPEG file does, but what follows is broken
            raise ValueError(
                f"{what} is damaged or cut short (it starts like a {kind} file, but Pillow cannot read it); "
                f"save it again as PNG or JPEG and try once more"
            ) from None
        raise ValueError(f"{what} is not a picture Pillow can read; a PNG or JPEG file works") from None
    except Image.DecompressionBombError:
        raise ValueError(f"{what} has too many pixels: make it smaller first") from None
    except Exception as exc:  # a damaged or cut-short file: Pillow raises OSError, SyntaxError, ...
        reason = str(exc).split("\n")[0][:80] or type(exc).__name__
        raise ValueError(
            f"{what} is damaged or cut short ({reason}); save it again as PNG or JPEG and try once more"
        ) from None
    try:
        img = ImageOps.exif_transpose(img)  # a phone photo the right way up
    except Exception:  # an unreadable orientation tag: keep the picture as stored
        pass
    return img


def _from_pil(img) -> np.ndarray:
    """``(H, W, 3)`` floats in [0, 1] from a PIL image (not changed): transparency over white."""
    from PIL import Image

    if img.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):  # 16-bit and float grey pictures
        grey = np.asarray(img, dtype=float)
        top = 65535.0 if img.mode.startswith("I") and grey.max() > 255 else max(grey.max(), 1.0)
        grey = np.clip(grey / top, 0.0, 1.0)
        return np.repeat(grey[:, :, None], 3, axis=2)
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, rgba)
    return np.asarray(img.convert("RGB"), dtype=float) / 255.0


def _from_array(image, name: str) -> np.ndarray:
    """``(H, W, 3)`` floats in [0, 1] from an array of floats in [0, 1] or whole numbers 0 to 255."""
    ragged = f"{name} must be an (H, W) grey or (H, W, 3) RGB array; its rows differ in length"
    try:
        with warnings.catch_warnings():  # numpy < 1.24 only warns, and makes an object array
            warnings.simplefilter("ignore")
            arr = np.asarray(image)
    except ValueError:  # a ragged list (numpy >= 1.24)
        raise ValueError(ragged) from None
    if arr.dtype == object and isinstance(image, (list, tuple)):
        raise ValueError(ragged)
    if arr.dtype == object or arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be {WHAT_WORKS}, got an array of {arr.dtype}")
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = arr[:, :, 0]
    if not (arr.ndim == 2 or (arr.ndim == 3 and arr.shape[2] in (3, 4))) or 0 in arr.shape:
        raise ValueError(f"{name} must be an (H, W) grey or (H, W, 3) RGB array, got shape {show(arr.shape)}")
    if arr.shape[0] * arr.shape[1] > MAX_PIXELS:
        raise ValueError(f"{name} has more than {MAX_PIXELS // 10**6} million pixels: make it smaller first")
    values = arr.astype(float)  # a new array: the learner's is never changed
    if not np.isfinite(values).all():
        raise ValueError(f"{name} holds NaN or infinite values; a picture holds numbers from 0 to 1")
    lo, hi = float(values.min()), float(values.max())
    if arr.dtype.kind in "iu" and lo >= 0 and hi <= 255:
        values /= 255.0
    elif arr.dtype.kind in "iu" or lo < 0 or hi > 1:
        raise ValueError(
            f"{name} must hold numbers from 0 to 1 (or whole numbers from 0 to 255), got values from "
            f"{lo:g} to {hi:g}"
        )
    if values.ndim == 2:
        return np.repeat(values[:, :, None], 3, axis=2)
    if values.shape[2] == 4:  # RGBA, as matplotlib's imread gives a PNG: over white
        alpha = values[:, :, 3:]
        return values[:, :, :3] * alpha + (1.0 - alpha)
    return values


def _read(image, name: str, shrink: bool = False):
    """A PIL image (for files, bytes and PIL images) or an RGB float array, and words for what it is."""
    from PIL import Image

    if isinstance(image, (str, os.PathLike)):
        path = os.fspath(image)
        what = f"{name} {path!r}"
        if not os.path.isfile(path):
            raise ValueError(f"{what} is not a file; give the path of a PNG or JPEG picture")
        _check_bytes(os.path.getsize(path), what)
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
        return _open(data, what, shrink), os.path.basename(path)
    if isinstance(image, (bytes, bytearray, memoryview)):
        return _open(bytes(image), name, shrink), "your picture"
    if isinstance(image, Image.Image):
        w, h = image.size
        if w * h > MAX_PIXELS or w * h == 0:
            raise ValueError(f"{name} has {w} × {h} pixels; a picture of 1 to {MAX_PIXELS:,} pixels works")
        return image, "your picture"
    if isinstance(image, (np.ndarray, list, tuple)):
        return _from_array(image, name), "your picture"
    raise TypeError(f"{name} must be {WHAT_WORKS}, got {show(image, limit=40)} ({type(image).__name__})")


def _centre_square(arr: np.ndarray) -> np.ndarray:
    h, w = arr.shape[:2]
    side = min(h, w)
    top, left = (h - side) // 2, (w - side) // 2
    return arr[top : top + side, left : left + side]


def _resize(arr: np.ndarray, size: int) -> np.ndarray:
    """``(size, size, 3)`` from a square ``(n, n, 3)`` in [0, 1], each channel resampled (Lanczos)."""
    from PIL import Image

    if arr.shape[0] == size:
        return arr.copy()
    lanczos = getattr(Image, "Resampling", Image).LANCZOS  # Pillow 9.1 moved the filters
    channels = [
        np.asarray(
            Image.fromarray(np.ascontiguousarray(arr[:, :, c], dtype=np.float32), mode="F").resize(
                (size, size), lanczos
            )
        )
        for c in range(3)
    ]
    return np.clip(np.stack(channels, axis=-1).astype(float), 0.0, 1.0)


def _check_size(size):
    if not _is_int(size) or isinstance(size, bool):
        raise TypeError(
            f"size must be a whole number of pixels such as 64, got {show(size)} ({type(size).__name__})"
        )
    if not 1 <= size <= 4096:
        raise ValueError(f"size must be from 1 to 4096 pixels, got {show(size)}")
    return int(size)


class Picture:
    """A learner's picture, checked once, kept as a square and resized to whatever size is asked.

    Parameters
    ----------
    image : str, os.PathLike, bytes, PIL.Image.Image or array_like
        See :func:`load_image`.
    name : str
        What the messages call it (``'image'``, or ``"the upload 'cat.png'"``).
    label : str, optional
        What the readout calls it (default: the file's name, or ``'your picture'``).

    Attributes
    ----------
    source_size : (int, int)
        The picture's ``(width, height)`` as given, before it was made square.
    label : str
        The file's name, or ``'your picture'``.
    """

    def __init__(self, image, name: str = "image", label: str | None = None):
        read, self.label = _read(image, name, shrink=True)
        self.label = label or self.label
        if isinstance(read, np.ndarray):
            self.source_size = (read.shape[1], read.shape[0])
            square = _centre_square(read)
            if square.shape[0] > KEEP_SIDE:
                square = _resize(square, KEEP_SIDE)
        else:
            w, h = read.size
            self.source_size = (w, h)
            side = min(w, h)
            box = ((w - side) // 2, (h - side) // 2, (w - side) // 2 + side, (h - side) // 2 + side)
            cropped = read.crop(box)  # a new image: the learner's PIL image is not changed
            if side > KEEP_SIDE:
                from PIL import Image

                lanczos = getattr(Image, "Resampling", Image).LANCZOS
                cropped = cropped.resize((KEEP_SIDE, KEEP_SIDE), lanczos, reducing_gap=3.0)
            square = _from_pil(cropped)
        square.setflags(write=False)
        self._square = square
        self._at = lru_cache(maxsize=4)(self._resized)

    @property
    def side(self) -> int:
        """The side of the square kept, in pixels."""
        return self._square.shape[0]

    def _resized(self, size: int) -> np.ndarray:
        out = _resize(self._square, size)
        out.setflags(write=False)
        return out

    def at(self, size: int) -> np.ndarray:
        """The picture as ``(size, size, 3)`` RGB in [0, 1] (a new array each call)."""
        return self._at(_check_size(size)).copy()

    def enlarged_note(self, size: int) -> str:
        """A sentence for the readout when the picture is much smaller than ``size`` (else ``''``)."""
        w, h = self.source_size
        if min(w, h) * 4 > size:
            return ""
        flat = " it is one flat colour" if min(w, h) == 1 else " it looks blocky or blurred"
        return f"{self.label} is {w} × {h} pixels: enlarged to {size} × {size},{flat}."


def load_image(image, size=None) -> np.ndarray:
    """A picture as RGB numbers in ``[0, 1]``: from a file, its bytes, a PIL image or an array.

    Parameters
    ----------
    image : str, os.PathLike, bytes, PIL.Image.Image or array_like
        A PNG or JPEG file (or any picture Pillow reads, up to 20 MB), the file's bytes, a PIL
        image, or an ``(H, W)`` grey / ``(H, W, 3)`` RGB array of floats in ``[0, 1]`` or whole numbers
        from 0 to 255. Transparent parts are laid over white; a phone photo is turned upright.
        Nothing passed in is changed.
    size : int, optional
        Cut the centre square and resize it to ``size x size`` pixels (as ``cl.Playground(image=...)``
        and ``cl.FilterBank(image=...)`` do). Without it, the whole picture as it is.

    Returns
    -------
    numpy.ndarray
        ``(H, W, 3)`` (or ``(size, size, 3)``) float64 in ``[0, 1]``.

    Raises
    ------
    ValueError
        The file is missing, empty, larger than 20 MB, damaged, cut short or not a picture; or the
        array has another shape or numbers outside ``[0, 1]``.
    TypeError
        ``image`` is none of the above.

    Examples
    --------
    >>> load_image([[0, 255], [255, 0]]).shape  # a 2 x 2 grey array of whole numbers
    (2, 2, 3)

    Introduced in ``07_learned_filters``.
    """
    if size is not None:
        size = _check_size(size)
        picture = Picture(image)
        return picture.at(size)
    read, _ = _read(image, "image")
    return read.copy() if isinstance(read, np.ndarray) else _from_pil(read)
