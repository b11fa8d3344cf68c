"""The project holds together: declared dependencies, the public API, import hygiene, the test command."""

from __future__ import annotations

import ast
import importlib.metadata
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import convlesson

ROOT = Path(__file__).resolve().parents[1]


def requirement_name(req: str) -> str:
    """``'numpy>=1.23'`` -> ``'numpy'`` (normalised as pip does)."""
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", req).group(1)
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_spec(req: str) -> str:
    return re.sub(r"\s+", "", req[len(re.match(r"\s*[A-Za-z0-9][A-Za-z0-9._-]*", req).group(0)) :])


def pyproject() -> dict:
    tomllib = pytest.importorskip("tomllib", reason="reading pyproject.toml needs Python 3.11's tomllib")
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def environment_yml_dependencies() -> tuple[list[str], list[str]]:
    """The conda packages and the pip entries listed under ``dependencies:`` (a tiny YAML reader).

    Handles what a conda environment file holds: ``- item`` lists, a nested ``- pip:`` list,
    comments and blank lines.
    """
    conda, pip = [], []
    in_deps = False
    pip_indent = None
    for raw in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        text = line.strip()
        if indent == 0:
            in_deps = text == "dependencies:"
            pip_indent = None
            continue
        if not in_deps or not text.startswith("- "):
            continue
        item = text[2:].strip().strip("'\"")
        if pip_indent is not None and indent > pip_indent:
            pip.append(item)
            continue
        pip_indent = None
        if item == "pip:":
            pip_indent = indent
        else:
            conda.append(item)
    return conda, pip


# --------------------------------------------------------------------------- dependencies
def test_environment_yml_and_pyproject_name_the_same_runtime_packages():
    conda, pip = environment_yml_dependencies()
    declared = {requirement_name(r): requirement_spec(r) for r in pyproject()["project"]["dependencies"]}
    listed = {
        requirement_name(r): requirement_spec(r)
        for r in conda
        if requirement_name(r) not in ("python", "pip")
    }
    assert listed == declared, "environment.yml and pyproject.toml [project].dependencies differ"
    assert "-e ." in pip or "." in pip, "environment.yml must install the package itself with pip"
    python = [r for r in conda if requirement_name(r) == "python"]
    assert python, "environment.yml should pin the Python version"
    assert requirement_spec(python[0]) == requirement_spec(
        "python" + pyproject()["project"]["requires-python"]
    )


def test_the_tiny_yaml_reader_reads_a_nested_pip_list(tmp_path, monkeypatch):
    (tmp_path / "environment.yml").write_text(
        "name: x  # comment\nchannels:\n  - conda-forge\ndependencies:\n  - python>=3.10\n"
        "  # a comment line\n  - numpy>=1\n  - pip\n  - pip:\n      - -e .\n      - extra\n  - scipy\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert environment_yml_dependencies() == (["python>=3.10", "numpy>=1", "pip", "scipy"], ["-e .", "extra"])


def third_party_imports(paths) -> set[str]:
    local = {"convlesson", "conftest"} | {p.stem for p in (ROOT / "tests").rglob("*.py")}
    found = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in local and top != "__future__":
                    found.add(top)
    return found


def test_every_imported_package_is_declared():
    """Each third-party module imported by the package or its tests comes from a declared
    distribution (runtime or the [test] extra), or from a dependency of one."""
    meta = pyproject()["project"]
    declared = {requirement_name(r) for r in meta["dependencies"]}
    declared |= {requirement_name(r) for r in meta["optional-dependencies"]["test"]}
    reachable = set(declared)
    for dist in declared:
        try:
            reqs = importlib.metadata.requires(dist) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        reachable |= {requirement_name(r) for r in reqs if "extra ==" not in r}
    providers = importlib.metadata.packages_distributions()
    files = [
        *(ROOT / "convlesson").glob("*.py"),
        *(ROOT / "tests").rglob("*.py"),
        *(ROOT / "benchmarks").glob("*.py"),
    ]
    missing = {}
    for module in sorted(third_party_imports(files)):
        dists = {requirement_name(d) for d in providers.get(module, [module])}
        if not dists & reachable:
            missing[module] = sorted(dists)
    assert not missing, f"imported but not declared in pyproject.toml (module: distributions): {missing}"


# --------------------------------------------------------------------------- public API
def test_all_names_exist_and_are_unique():
    assert len(convlesson.__all__) == len(set(convlesson.__all__))
    missing = [name for name in convlesson.__all__ if not hasattr(convlesson, name)]
    assert not missing


@pytest.mark.parametrize(
    "name",
    [
        "output_size",
        "padding_amounts",
        "output_shape",
        "conv2d",
        "param_count",
        "keras_to_torch",
        "torch_to_keras",
    ],
)
def test_required_api_is_public(name):
    assert name in convlesson.__all__
    assert callable(getattr(convlesson, name))
    assert getattr(convlesson, name).__doc__


IMPORT_PROBE = r"""
import json, sys
import numpy as np
import matplotlib
before = dict(dict.items(matplotlib.rcParams))  # raw values: reading must not resolve the backend
state = np.random.get_state()
import convlesson
after = dict(dict.items(matplotlib.rcParams))
changed = sorted(k for k in set(before) | set(after) if repr(before.get(k)) != repr(after.get(k)))
same_rng = all(np.array_equal(a, b) for a, b in zip(state, np.random.get_state()))
print(json.dumps({
    "changed": changed,
    "same_rng": bool(same_rng),
    "modules": [m for m in ("ipywidgets", "matplotlib.pyplot", "IPython.display") if m in sys.modules],
}))
"""


@pytest.fixture(scope="module")
def import_probe() -> dict:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_PROBE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_import_changes_no_rcparams(import_probe):
    assert import_probe["changed"] == []


def test_import_does_not_seed_numpy(import_probe):
    assert import_probe["same_rng"]


def test_import_does_not_load_widgets_or_pyplot(import_probe):
    # ipywidgets belongs to the explorers, pyplot to no module at all: neither should load on import
    assert "matplotlib.pyplot" not in import_probe["modules"]
    assert "ipywidgets" not in import_probe["modules"]


# --------------------------------------------------------------------------- README and CI agree
def ci_pattern() -> str:
    """The pattern .ci/run greps README.md for to find the test command it runs."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    found = re.search(r"""grep -m1 -E '([^']+)' README\.md""", script)
    assert found, ".ci/run should take its test command from README.md with grep -m1 -E '...' README.md"
    assert re.search(r'eval "\$test_command"', script), ".ci/run should run the command it found"
    return found.group(1)


def readme_test_command() -> str:
    """The command in the README's fenced block that follows the words about running the tests."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"([^\n]*\n)\s*```(?:bash|sh|console)?\n(.*?)```", text, flags=re.S)
    commands = [body.strip() for lead, body in blocks if "test" in lead.lower() and "pytest" in body]
    assert len(commands) == 1, f"README.md should show exactly one test command, found {commands}"
    return commands[0]


def test_readme_test_command_is_what_ci_runs():
    command = readme_test_command()
    pattern = ci_pattern()
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    # grep -E with these patterns behaves as Python's re.search here (anchors, escapes, literals)
    matches = [line for line in lines if re.search(pattern, line)]
    assert matches, f"no README line matches .ci/run's pattern {pattern!r}"
    assert matches[0] == command, "CI would run a different line than the README's test command"
    assert "[test]" in command and "pytest" in command


def test_readme_command_installs_an_existing_extra():
    extras = re.findall(r'pip install -e "\.\[([^\]]+)\]"', readme_test_command())
    assert extras
    for extra in extras[0].split(","):
        assert extra.strip() in pyproject()["project"]["optional-dependencies"]
