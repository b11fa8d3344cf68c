"""Make the Chinese font the package ships: Noto Sans CJK SC, cut down to the characters the package draws.

Run from the repository's root, with the Noto Sans CJK collections at hand::

    python -m convlesson.pictures.make_font --source /usr/share/fonts/opentype/noto

(Debian's ``fonts-noto-cjk`` package holds them -- the shipped files were made from version
1:20220127+repack1-1; ``apt-get download fonts-noto-cjk`` and ``dpkg-deb -x fonts-noto-cjk_*.deb DIR``
give them without installing anything, in ``DIR/usr/share/fonts/opentype/noto``. ``--also DIR``, once
for each, adds the characters of other checkouts of the repository: translations on branches not
merged yet.) It writes ``convlesson/pictures/fontdata/``:

* ``ConvlessonSansSC-Regular.otf`` and ``ConvlessonSansSC-Bold.otf`` -- the Simplified Chinese face
  of ``NotoSansCJK-Regular.ttc`` and ``NotoSansCJK-Bold.ttc`` (Noto Sans CJK SC 2.004, by Adobe and
  Google), holding only :func:`characters`: every Chinese character and full-width punctuation mark
  written anywhere in the package's Python files (every ``words/zh.py`` catalog, the Chinese
  exercise tables) and in the code cells of ``notebooks/zh/``, plus printable ASCII and the other
  symbols the package's files hold that the source has (⊛, Σ, →, ×, −, …). No layout features
  (Chinese needs none), no hinting; renamed "Convlesson Sans SC", as the SIL Open Font License asks
  of a modified font (the name presented to users must not be a Reserved Font Name);
beside ``OFL.txt``, the licence (the SIL Open Font License 1.1 under the copyright line of Noto Sans
CJK), which is not remade.

Re-run it whenever a translation adds characters: ``tests/test_chinese_pictures.py`` fails, naming
them, until the font holds every character the package's files write. The same characters give the
same files (no timestamps), so a re-run without new characters changes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["characters", "missing", "make", "main", "FONT_DIR", "FAMILY", "FILES", "CJK_RANGES"]

PACKAGE = Path(__file__).resolve().parents[1]
ROOT = PACKAGE.parent
FONT_DIR = Path(__file__).resolve().parent / "fontdata"
#: The family name of the subset (not the source's: the licence asks a modified font to be renamed).
FAMILY = "Convlesson Sans SC"
#: weight -> (file written, source collection)
FILES = {
    "Regular": ("ConvlessonSansSC-Regular.otf", "NotoSansCJK-Regular.ttc"),
    "Bold": ("ConvlessonSansSC-Bold.otf", "NotoSansCJK-Bold.ttc"),
}
#: The Simplified Chinese face in each collection.
SOURCE_FACE = "Noto Sans CJK SC"
#: Code points that are Chinese writing: CJK punctuation, ideographs, compatibility and full-width forms.
CJK_RANGES = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))
COPYRIGHT = "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."


def is_cjk(char: str) -> bool:
    return any(lo <= ord(char) <= hi for lo, hi in CJK_RANGES)


def _sources(root: Path = ROOT) -> list[tuple[Path, str]]:
    """``(file, text)`` of every file whose Chinese the pictures may draw."""
    out = [(p, p.read_text(encoding="utf-8")) for p in sorted((root / "convlesson").rglob("*.py"))]
    for nb in sorted((root / "notebooks" / "zh").glob("*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8")).get("cells", [])
        code = ["".join(c.get("source", "")) for c in cells if c.get("cell_type") == "code"]
        out.append((nb, "\n".join(code)))
    return out


def characters(root: Path = ROOT, also: tuple[Path, ...] = ()) -> dict[str, str]:
    """Every Chinese character the package's files write, each with the first file that writes it.

    Chinese is any character in :data:`CJK_RANGES`, in any ``.py`` file of the package and in the
    code cells of ``notebooks/zh/*.ipynb`` (titles a lesson passes to a ``draw_*`` function); ``also``
    adds other checkouts of the repository (a branch's translations not merged yet).
    """
    found: dict[str, str] = {}
    for base in (Path(root), *map(Path, also)):
        for path, text in _sources(base):
            for char in text:
                if char not in found and is_cjk(char):
                    found[char] = str(path.relative_to(base))
    return found


def _symbols(root: Path = ROOT, also: tuple[Path, ...] = ()) -> set[str]:
    """Printable ASCII and the other non-Chinese characters of the package's files (⊛, Σ, →, …)."""
    chars = {chr(c) for c in range(0x20, 0x7F)}
    for base in (Path(root), *map(Path, also)):
        for _, text in _sources(base):
            chars |= {c for c in text if ord(c) > 0x7F and not is_cjk(c) and c.isprintable()}
    return chars


def missing(font_path: Path | None = None, root: Path = ROOT) -> dict[str, str]:
    """The Chinese characters of :func:`characters` that the shipped font (Regular and Bold) lacks."""
    from fontTools.ttLib import TTFont

    paths = [font_path] if font_path else [FONT_DIR / name for name, _ in FILES.values()]
    held = None
    for path in paths:
        cmap = set(TTFont(path, lazy=True).getBestCmap())
        held = cmap if held is None else held & cmap
    return {c: where for c, where in characters(root).items() if ord(c) not in held}


def _rename(font, weight: str) -> None:
    """Give the subset its own names (the OFL: a Modified Version is not presented under the original's)."""
    full, postscript = f"{FAMILY} {weight}", f"{FAMILY.replace(' ', '')}-{weight}"
    names = font["name"]
    keep = {0, 7, 8, 9, 11, 12, 13, 14}  # copyright, trademark, makers, licence: as they were
    names.names = [n for n in names.names if n.nameID in keep]
    described = "Noto Sans CJK SC 2.004 cut down to the characters of the convlesson package"
    for name_id, text in (
        (1, FAMILY),
        (2, weight),
        (3, f"{postscript};subset of NotoSansCJKsc-{weight}"),
        (4, full),
        (5, "Version 2.004; subset made by convlesson.pictures.make_font"),
        (6, postscript),
        (10, described),
    ):
        names.setName(text, name_id, 3, 1, 0x409)
        names.setName(text, name_id, 1, 0, 0)
    cff = font["CFF "].cff
    cff.fontNames = [postscript]
    top = cff.topDictIndex[0]
    top.FullName, top.FamilyName, top.Weight = full, FAMILY, weight


def make(
    source_dir: Path, out_dir: Path = FONT_DIR, root: Path = ROOT, also: tuple[Path, ...] = ()
) -> list[Path]:
    """Write the subset fonts into ``out_dir``; return the files written."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    wanted = set(characters(root, also)) | _symbols(root, also)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for weight, (name, source) in FILES.items():
        collection = TTCollection(str(Path(source_dir) / source))
        font = next(f for f in collection.fonts if f["name"].getDebugName(1) == SOURCE_FACE)
        held = set(font.getBestCmap())
        options = subset.Options()
        options.layout_features = []  # Chinese needs no shaping: no ligatures, no locl
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.hinting = False
        options.notdef_outline = True
        options.desubroutinize = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(ord(c) for c in wanted if ord(c) in held))
        subsetter.subset(font)
        _rename(font, weight)
        font.recalcTimestamp = False  # the same characters give the same bytes
        path = out_dir / name
        font.save(str(path))
        written.append(path)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m convlesson.pictures.make_font", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--source",
        type=Path,
        default=Path("/usr/share/fonts/opentype/noto"),
        help="folder of NotoSansCJK-*.ttc",
    )
    parser.add_argument("--out", type=Path, default=FONT_DIR, help="folder the font is written to")
    parser.add_argument(
        "--also",
        type=Path,
        action="append",
        default=[],
        help="another checkout of the repository whose characters the font holds too (repeatable)",
    )
    args = parser.parse_args(argv)
    for path in make(args.source, args.out, also=tuple(args.also)):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    lacking = {}
    for name, _ in FILES.values():
        lacking |= missing(args.out / name)
    if lacking:
        print(f"still missing: {''.join(sorted(lacking))}", file=sys.stderr)
        return 1
    print(f"{len(characters())} Chinese characters, all in the font")
    return 0


if __name__ == "__main__":
    sys.exit(main())
