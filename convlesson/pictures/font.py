"""The font Chinese is drawn in, shipped with the package: pictures in Chinese on any machine.

Most machines have no Chinese font matplotlib can find, and then every Chinese character is drawn
as an empty box (with a "Glyph … missing from font(s)" warning). So the package ships one:
"Convlesson Sans SC", Noto Sans CJK SC (SIL Open Font License 1.1, ``fontdata/OFL.txt``) cut down
to the characters the package writes (``python -m convlesson.pictures.make_font`` makes it and says
how). It is added to matplotlib's fonts the first time a text is drawn in Chinese, never at import,
and no rcParams change.

A text that holds a Chinese character is drawn with :func:`family`: the pictures' own font first
(matplotlib's ``font.family``, DejaVu Sans unless you changed it), then this one for the characters
the first lacks (matplotlib's font fallback, 3.6 and later). Letters, digits and symbols are
therefore drawn exactly as in the English pictures (a text without Chinese -- a number, ``→``, a
shape -- keeps matplotlib's font, so its box is the English one), and Chinese in Noto Sans CJK SC.
English pictures never use it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.language import current

__all__ = ["family", "chinese", "register", "font_bytes", "FAMILY", "FONT_FILES", "CJK_RANGES"]

#: The shipped font's family name.
FAMILY = "Convlesson Sans SC"
_DIR = Path(__file__).resolve().parent / "fontdata"
#: The shipped font's files: regular and bold (titles are bold).
FONT_FILES = (_DIR / "ConvlessonSansSC-Regular.otf", _DIR / "ConvlessonSansSC-Bold.otf")
#: Chinese writing: CJK punctuation, ideographs, compatibility and full-width forms (code point ranges).
CJK_RANGES = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))
_CJK = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in CJK_RANGES) + "]")
_state = {"registered": False}


def register() -> None:
    """Add the shipped font to matplotlib's fonts (once; later calls do nothing)."""
    if _state["registered"]:
        return
    from matplotlib import font_manager

    known = {Path(f.fname).resolve() for f in font_manager.fontManager.ttflist}
    for path in FONT_FILES:
        if path.resolve() not in known:
            font_manager.fontManager.addfont(str(path))
    _state["registered"] = True


def font_bytes() -> tuple[bytes, bytes]:
    """The shipped font's files as bytes: (regular, bold), as :data:`FONT_FILES` orders them."""
    return tuple(path.read_bytes() for path in FONT_FILES)


def chinese(text: str = "") -> bool:
    """Whether ``text`` is drawn in Chinese: Chinese is in use, or the text holds a Chinese character."""
    return current() == "zh" or bool(text and _CJK.search(text))


def family(text: str) -> list[str] | None:
    """The font family list ``text`` is drawn with if it holds Chinese (registering the font), else None.

    ``None`` means: leave the text's font alone (English pictures stay exactly as they were).
    """
    if not _CJK.search(text or ""):
        return None
    import matplotlib

    register()
    first = [f for f in matplotlib.rcParams["font.family"] if f != FAMILY]
    return [*first, FAMILY]
