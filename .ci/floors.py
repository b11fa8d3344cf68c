#!/usr/bin/env python3
"""Print the declared version floors as pip constraints, read from pyproject.toml.

Every ``name>=X`` of ``[project].dependencies`` and of the ``[lab]`` extra becomes ``name==X``, with
``X`` written as a full release (``8.0`` -> ``8.0.0``, which PEP 440 treats as the same version), so
CI installs exactly the oldest versions the project declares and the floors it tests can never drift
from the floors it declares. A requirement without a ``>=`` floor is an error: an undeclared floor is
an untested one.

Usage::

    python .ci/floors.py                 # the constraints, one ``name==version`` a line
    python .ci/floors.py --python        # the oldest Python declared, e.g. ``3.10``
    python .ci/floors.py --pyproject PATH
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
#: The extras whose floors are installed with the runtime dependencies (the course needs JupyterLab).
FLOOR_EXTRAS = ("lab",)

NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*")
FLOOR = re.compile(r">=\s*([0-9]+(?:\.[0-9]+)*)$")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def full_release(version: str, parts: int = 3) -> str:
    """``'8'`` -> ``'8.0.0'``, ``'1.23'`` -> ``'1.23.0'``; longer releases are kept as written."""
    numbers = version.split(".")
    return ".".join(numbers + ["0"] * (parts - len(numbers)))


def floor(requirement: str) -> tuple[str, str]:
    """``'numpy>=1.23'`` -> ``('numpy', '1.23.0')``.

    The requirement must hold exactly one plain ``>=X``; beside it only caps (``<Y``, ``!=Y``) are
    allowed, and no environment marker.
    """
    head = NAME.match(requirement)
    specs = [s.strip() for s in requirement[head.end() :].split(",")] if head else []
    found = [m.group(1) for m in map(FLOOR.match, specs) if m]
    caps = [s for s in specs if s.startswith(("<", "!="))]
    if not head or len(found) != 1 or len(found) + len(caps) != len(specs):
        raise ValueError(f"{requirement!r}: a runtime requirement needs exactly one plain '>=X' floor")
    return normalise(head.group(1)), full_release(found[0])


def floors(pyproject: Path = PYPROJECT) -> dict[str, str]:
    """The floor of every runtime requirement and of the ``FLOOR_EXTRAS``, in the order declared."""
    meta = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    own = normalise(meta["name"])
    requirements = list(meta["dependencies"])
    for extra in FLOOR_EXTRAS:
        requirements += meta.get("optional-dependencies", {}).get(extra, [])
    pins: dict[str, str] = {}
    for requirement in requirements:
        head = NAME.match(requirement)
        if head and normalise(head.group(1)) == own:
            continue  # a self-reference such as "convlesson[lab]" adds no floor of its own
        name, version = floor(requirement)
        if pins.get(name, version) != version:
            raise ValueError(f"{name} has two floors: {pins[name]} and {version}")
        pins[name] = version
    return pins


def python_floor(pyproject: Path = PYPROJECT) -> str:
    """``requires-python = ">=3.10"`` -> ``'3.10'``."""
    spec = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["requires-python"]
    found = re.fullmatch(r"\s*>=\s*([0-9]+\.[0-9]+)\s*", spec)
    if not found:
        raise ValueError(f"requires-python {spec!r}: expected a plain '>=X.Y'")
    return found.group(1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pyproject", type=Path, default=PYPROJECT)
    parser.add_argument("--python", action="store_true", help="print the oldest Python declared")
    args = parser.parse_args(argv)
    try:
        if args.python:
            print(python_floor(args.pyproject))
            return 0
        pins = floors(args.pyproject)
    except ValueError as exc:
        print(f"floors.py: {exc}", file=sys.stderr)
        return 2
    extras = ", ".join(f"[{e}]" for e in FLOOR_EXTRAS)
    print(f"# By .ci/floors.py: the floors of [project].dependencies and {extras} in pyproject.toml")
    for name, version in pins.items():
        print(f"{name}=={version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
