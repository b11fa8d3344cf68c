"""The package's layers, read from every module's imports: no module imports from a layer above its own.

``convlesson/`` is layered (README: "Architecture")::

    convlesson/__init__.py, gallery.py    the public API and entry points: may import every layer
    explorers/                           ipywidgets: core and pictures
    pictures/      exercises/            matplotlib: core  |  the exercises: core (pictures only to draw)
    core/                                numpy: nothing of the package above it

The imports are read with ``ast`` (at the top of a module and inside functions, relative and absolute),
so a lazy import inside a function counts as much as one at the top. Third-party packages follow the
same layers: only the explorers import ipywidgets, and nothing in core imports matplotlib.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import convlesson

PACKAGE = Path(convlesson.__file__).parent

#: The subpackages each subpackage may import from (its own included).
ALLOWED = {
    "core": {"core"},
    "pictures": {"core", "pictures"},
    "exercises": {"core", "exercises"},
    "explorers": {"core", "pictures", "explorers"},
}
#: Modules of ``exercises`` that draw, and so may import ``pictures`` (none today).
EXERCISES_THAT_DRAW: frozenset[str] = frozenset()
#: Third-party packages a layer must never import (ipywidgets belongs to the explorers alone).
FORBIDDEN_PACKAGES = {
    "core": {"matplotlib", "ipywidgets", "IPython"},
    "pictures": {"ipywidgets", "IPython"},
    "exercises": {"ipywidgets", "matplotlib"},
    "explorers": set(),
}
#: Third-party modules a layer may import although their package is forbidden to it, and why.
EXCEPTIONS = {"core": {"matplotlib.cbook": "the sample photo bundled with matplotlib (no drawing)"}}
#: Modules at the top of the package: the public API and entry points, above every layer.
TOP = {"convlesson", "convlesson.gallery", "convlesson.train"}


def module_name(path: Path) -> str:
    """``convlesson.core.conv`` for ``.../convlesson/core/conv.py`` (a package for ``__init__.py``)."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(module: str, source: str, is_package: bool = False) -> list[tuple[int, str]]:
    """Every ``(line, absolute name)`` that ``source`` (the module ``module``) imports.

    ``from a.b import c`` gives ``a.b.c``: ``c`` may be a module (``from .. import pictures``).
    """
    package = module if is_package else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module
            out += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
    return out


def layer_of(module: str) -> str | None:
    """The layer a module of the package belongs to (None for the top: the API and entry points)."""
    parts = module.split(".")
    if module in TOP or len(parts) < 2:
        return None
    return parts[1] if parts[1] in ALLOWED else None


def _excepted(layer: str, target: str) -> bool:
    return any(target == e or target.startswith(e + ".") for e in EXCEPTIONS.get(layer, {}))


def violations(module: str, source: str, is_package: bool = False) -> list[str]:
    """What in ``source`` (the module ``module``) breaks the layering, one sentence each."""
    layer = layer_of(module)
    if layer is None:
        return []
    allowed = set(ALLOWED[layer])
    if layer == "exercises" and module in EXERCISES_THAT_DRAW:
        allowed.add("pictures")
    found = []
    for line, target in imported(module, source, is_package):
        top = target.split(".")[0]
        if top == "convlesson":
            if layer_of(target) not in allowed:  # a higher layer, or the top (None)
                found.append(
                    f"{module} (line {line}) imports {target}: {layer} may import only "
                    f"{', '.join(sorted(allowed))}"
                )
        elif top in FORBIDDEN_PACKAGES[layer] and not _excepted(layer, target):
            found.append(f"{module} (line {line}) imports {target}: {layer} never imports {top}")
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer_or_the_top():
    loose = [module_name(p) for p in MODULES if layer_of(module_name(p)) is None]
    assert set(loose) <= TOP, f"modules outside every layer: {sorted(set(loose) - TOP)}"
    assert {p.relative_to(PACKAGE).parts[0] for p in MODULES if p.parent != PACKAGE} == set(ALLOWED)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_module_imports_from_a_layer_above_its_own(path):
    problems = violations(module_name(path), path.read_text(encoding="utf-8"), path.name == "__init__.py")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("convlesson.core.conv", "from ..pictures import style\n"),  # relative, upwards
        ("convlesson.core.conv", "def f():\n    from convlesson.explorers import live\n"),  # lazy, absolute
        ("convlesson.core.samples", "import matplotlib.pyplot as plt\n"),
        ("convlesson.core.samples", "from matplotlib import colors\n"),
        ("convlesson.pictures.draw", "from ..explorers.controls import Int\n"),
        ("convlesson.pictures.draw", "from ..exercises import check\n"),
        ("convlesson.pictures.draw", "import ipywidgets\n"),
        ("convlesson.exercises.grading", "from ..pictures.draw import draw_kernel\n"),
        ("convlesson.exercises.grading", "from .. import explorers\n"),
        ("convlesson.explorers.live", "from .. import gallery\n"),
        ("convlesson.explorers.live", "import convlesson as cl\n"),  # the whole API, every layer
        ("convlesson.explorers.live", "from ..exercises import check\n"),
    ],
)
def test_an_upward_import_is_caught(module, source):
    assert violations(module, source), f"{source!r} in {module} should break the layering"


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("convlesson.core.layer", "from . import stable\nfrom .conv import conv2d\n"),
        ("convlesson.pictures.draw", "from ..core.conv import conv2d\nimport matplotlib\n"),
        ("convlesson.explorers.live", "from ..pictures import style\nimport ipywidgets\n"),
        ("convlesson.exercises.grading", "from ..core.shapes import show\n"),
    ],
)
def test_a_downward_import_is_allowed(module, source):
    assert not violations(module, source)


def test_an_exercise_that_draws_may_import_pictures(monkeypatch):
    source = "from ..pictures.draw import draw_kernel\n"
    assert violations("convlesson.exercises.drawn", source)
    monkeypatch.setitem(globals(), "EXERCISES_THAT_DRAW", frozenset({"convlesson.exercises.drawn"}))
    assert not violations("convlesson.exercises.drawn", source)


#: The longest a module of the package may grow before it is split by concept.
MAX_LINES = 400


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_module_is_longer_than_a_reader_can_hold(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module_name(path)} has {lines} lines; split it by concept"
