#!/usr/bin/env python3
"""Print a command block of README.md that CI runs as written.

README.md marks each such block with an HTML comment on the line before its fence (GitHub does not
show it): ``<!-- ci: NAME ... -->``. This prints the block's commands, exactly as the README shows
them, for ``.ci/run`` to run (README: "What CI tests").

Usage::

    python .ci/readme_commands.py quick-start      # the block after <!-- ci: quick-start ... -->
    python .ci/readme_commands.py --list           # the names of every marked block
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"

#: ``<!-- ci: NAME ... -->`` then, on the next line, a fenced block: its body is the commands.
MARKED_BLOCK = re.compile(r"^<!-- ci: ([a-z0-9-]+)\b[^\n]*-->\n```[a-z]*\n(.*?)^```$", flags=re.M | re.S)


def blocks(text: str) -> dict[str, str]:
    """Every marked block of ``text``: name -> commands (a name may be used once)."""
    found: dict[str, str] = {}
    for name, body in MARKED_BLOCK.findall(text):
        if name in found:
            raise ValueError(f"README.md marks two blocks {name!r}")
        found[name] = body
    markers = re.findall(r"^<!-- ci: ([a-z0-9-]+)", text, flags=re.M)
    unmatched = sorted(set(markers) - set(found))
    if unmatched:
        raise ValueError(f"README.md marks {unmatched} but no fenced block follows on the next line")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("name", nargs="?", help="the block's name")
    parser.add_argument("--list", action="store_true", help="print the names of the marked blocks")
    parser.add_argument("--readme", type=Path, default=README)
    args = parser.parse_args(argv)
    try:
        found = blocks(args.readme.read_text(encoding="utf-8"))
    except ValueError as exc:
        print(f"readme_commands.py: {exc}", file=sys.stderr)
        return 2
    if args.list:
        print("\n".join(found))
        return 0
    if args.name not in found:
        print(
            f"readme_commands.py: README.md has no block marked {args.name!r}; it has {sorted(found)}",
            file=sys.stderr,
        )
        return 2
    sys.stdout.write(found[args.name])
    return 0


if __name__ == "__main__":
    sys.exit(main())
