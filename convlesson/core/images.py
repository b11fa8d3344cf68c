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

from .language import catalog
from .shapes import _is_int, show

__all__ = ["load_image", "Picture", "MAX_FILE_BYTES", "MAX_PIXELS", "KEEP_SIDE", "WHAT_WORKS"]

#: The largest file taken, in bytes (20 MB).
MAX_FILE_BYTES = 20 * 10**6
#: The most pixels a picture may have (a 48-megapixel phone photo fits).
MAX_PIXELS = 50 * 10**6
#: An explorer keeps the learner's picture as a square at most this many pixels wide.
KEEP_SIDE = 512
say = catalog("core")

#: What ``image`` may be, said in every refusal of its type (in English; the messages say
#: ``image.what_works`` in the language in use).
WHAT_WORKS = "a file path (PNG or JPEG), the file's bytes, a PIL image, or an (H, W) or (H, W, 3) array"


#: How PNG and JPEG files begin.
_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def _mb(n: int) -> str:
    """``n`` bytes in megabytes, or in bytes where one decimal would not tell it from the limit."""
    text = f"{n / 10**6:.1f} MB"
    exact = say("image.bytes", n=f"{n:,}")
    return exact if text == f"{MAX_FILE_BYTES / 10**6:.1f} MB" and n != MAX_FILE_BYTES else text


def _check_bytes(n: int, what: str) -> None:
    if n == 0:
        raise ValueError(say("image.empty", what=what))
    if n > MAX_FILE_BYTES:
        raise ValueError(say("image.file_too_large", what=what, size=_mb(n), limit=MAX_FILE_BYTES // 10**6))


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
                raise ValueError(say("image.too_many_pixels", what=what, w=w, h=h, limit=MAX_PIXELS // 10**6))
            if shrink:
                img.draft("RGB", (KEEP_SIDE, KEEP_SIDE))
            img.load()
    except ValueError:
        raise
    except UnidentifiedImageError:
        kind = next((k for magic, k in _MAGIC.items() if data.startswith(magic)), None)
        if kind:  # it starts as a PNG or JPEG file does, but what follows is broken
            raise ValueError(say("image.damaged_kind", what=what, kind=kind)) from None
        raise ValueError(say("image.unreadable", what=what)) from None
    except Image.DecompressionBombError:
        raise ValueError(say("image.bomb", what=what)) from None
    except Exception as exc:  # a damaged or cut-short file: Pillow raises OSError, SyntaxError, ...
        reason = str(exc).split("\n")[0][:80] or type(exc).__name__
        raise ValueError(say("image.damaged", what=what, reason=reason)) from None
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
    ragged = say("image.ragged", name=name)
    try:
        with warnings.catch_warnings():  # numpy < 1.24 only warns, and makes an object array
            warnings.simplefilter("ignore")
            arr = np.asarray(image)
    except ValueError:  # a ragged list (numpy >= 1.24)
        raise ValueError(ragged) from None
    if arr.dtype == object and isinstance(image, (list, tuple)):
        raise ValueError(ragged)
    if arr.dtype == object or arr.dtype.kind not in "biuf":
        raise TypeError(say("image.dtype", name=name, works=say("image.what_works"), dtype=arr.dtype))
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = arr[:, :, 0]
    if not (arr.ndim == 2 or (arr.ndim == 3 and arr.shape[2] in (3, 4))) or 0 in arr.shape:
        raise ValueError(say("image.shape", name=name, shape=show(arr.shape)))
    if arr.shape[0] * arr.shape[1] > MAX_PIXELS:
        raise ValueError(say("image.array_pixels", name=name, limit=MAX_PIXELS // 10**6))
    values = arr.astype(float)  # a new array: the learner's is never changed
    if not np.isfinite(values).all():
        raise ValueError(say("image.not_finite", name=name))
    lo, hi = float(values.min()), float(values.max())
    if arr.dtype.kind in "iu" and lo >= 0 and hi <= 255:
        values /= 255.0
    elif arr.dtype.kind in "iu" or lo < 0 or hi > 1:
        raise ValueError(say("image.range", name=name, lo=f"{lo:g}", hi=f"{hi:g}"))
    if values.ndim == 2:
        return np.repeat(values[:, :, None], 3, axis=2)
    if values.shape[2] == 4:  # RGBA, as matplotlib's imread gives a PNG: over white
        alpha = values[:, :, 3:]
        return values[:, :, :3] * alpha + (1.0 - alpha)
    return values


def _read(image, name: str, shrink: bool = False):
    """A PIL image (for files, bytes and PIL images) or an RGB float array, and the file's name (or None)."""
    from PIL import Image

    if isinstance(image, (str, os.PathLike)):
        path = os.fspath(image)
        what = f"{name} {path!r}"
        if not os.path.isfile(path):
            raise ValueError(say("image.not_file", what=what))
        _check_bytes(os.path.getsize(path), what)
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
        return _open(data, what, shrink), os.path.basename(path)
    if isinstance(image, (bytes, bytearray, memoryview)):
        return _open(bytes(image), name, shrink), None
    if isinstance(image, Image.Image):
        w, h = image.size
        if w * h > MAX_PIXELS or w * h == 0:
            raise ValueError(say("image.pil_pixels", name=name, w=w, h=h, limit=f"{MAX_PIXELS:,}"))
        return image, None
    if isinstance(image, (np.ndarray, list, tuple)):
        return _from_array(image, name), None
    raise TypeError(
        say(
            "image.type",
            name=name,
            works=say("image.what_works"),
            value=show(image, limit=40),
            kind=type(image).__name__,
        )
    )


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
        raise TypeError(say("image.size_type", value=show(size), kind=type(size).__name__))
    if not 1 <= size <= 4096:
        raise ValueError(say("image.size_range", value=show(size)))
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
        read, file_name = _read(image, name, shrink=True)
        self._label = label or file_name
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
    def label(self) -> str:
        """What the readout calls the picture: its file's name, or "your picture" in the language in use."""
        return self._label or say("image.yours")

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
        key = "image.enlarged_flat" if min(w, h) == 1 else "image.enlarged_blocky"
        return say(key, label=self.label, w=w, h=h, size=size)


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
