"""The project holds together: declared dependencies, the public API, import hygiene, the test command."""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
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
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: pytest itself depends on tomli there
        tomllib = pytest.importorskip("tomli", reason="reading pyproject.toml needs tomllib or tomli")
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def requirements(meta: dict, extra: str | None = None) -> list[str]:
    """The runtime requirements (``extra=None``) or an extra's, with self-references such as
    ``convlesson[lab]`` replaced by what they name."""
    found = []
    for req in meta["dependencies"] if extra is None else meta["optional-dependencies"][extra]:
        if requirement_name(req) != requirement_name(meta["name"]):
            found.append(req)
            continue
        named = re.search(r"\[([^\]]*)\]", req)
        for other in named.group(1).split(",") if named else []:
            found += requirements(meta, other.strip())
    return found


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
#: conda-forge packages that are a PyPI distribution under another name: matplotlib-base is matplotlib
#: without a GUI toolkit (what Binder and JupyterHub images want).
CONDA_NAMES = {"matplotlib-base": "matplotlib"}


def environment_yml_differences() -> dict[str, tuple[str | None, str | None]]:
    """Package -> (spec in environment.yml, spec in pyproject.toml) wherever the two differ.

    environment.yml runs the course, so it lists the runtime dependencies plus the ``[lab]`` extra.
    """
    meta = pyproject()["project"]
    declared = {
        requirement_name(r): requirement_spec(r) for r in requirements(meta) + requirements(meta, "lab")
    }
    conda, _ = environment_yml_dependencies()
    listed = {
        CONDA_NAMES.get(requirement_name(r), requirement_name(r)): requirement_spec(r)
        for r in conda
        if requirement_name(r) not in ("python", "pip")
    }
    return {
        name: (listed.get(name), declared.get(name))
        for name in sorted(set(listed) | set(declared))
        if listed.get(name) != declared.get(name)
    }


def test_environment_yml_and_pyproject_name_the_same_runtime_packages():
    differences = environment_yml_differences()
    assert not differences, (
        "environment.yml and pyproject.toml ([project].dependencies + [lab]) differ "
        f"(package: (environment.yml, pyproject.toml)): {differences}"
    )
    conda, pip = environment_yml_dependencies()
    assert "-e ." in pip or "." in pip, "environment.yml must install the package itself with pip"
    python = [r for r in conda if requirement_name(r) == "python"]
    assert python, "environment.yml should pin the Python version"
    assert requirement_spec(python[0]) == requirement_spec(
        "python" + pyproject()["project"]["requires-python"]
    )


def test_environment_yml_comparison_sees_a_missing_package_and_another_floor(tmp_path, monkeypatch):
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "  - pillow>=9.0\n" in text and "  - numpy>=1.23\n" in text
    assert "  - matplotlib-base>=3.6\n" in text
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (tmp_path / "environment.yml").write_text(
        text.replace("  - pillow>=9.0\n", "")
        .replace("numpy>=1.23", "numpy>=1.24")
        .replace("matplotlib-base>=3.6", "matplotlib-base>=3.7")
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert environment_yml_differences() == {
        "matplotlib": (">=3.7", ">=3.6"),
        "numpy": (">=1.24", ">=1.23"),
        "pillow": (None, ">=9.0"),
    }


def test_the_package_alone_brings_no_jupyter_server():
    """``%pip install`` in JupyterLite or Colab must not pull in JupyterLab; the [lab] and [test]
    extras bring it."""
    meta = pyproject()["project"]
    runtime = {requirement_name(r) for r in requirements(meta)}
    assert not runtime & {"jupyterlab", "notebook", "jupyter-server", "voila"}
    assert "jupyterlab" in {requirement_name(r) for r in requirements(meta, "lab")}
    assert "jupyterlab" in {requirement_name(r) for r in requirements(meta, "test")}


def test_the_tiny_yaml_reader_reads_a_nested_pip_list(tmp_path, monkeypatch):
    (tmp_path / "environment.yml").write_text(
        "name: x  # comment\nchannels:\n  - conda-forge\ndependencies:\n  - python>=3.10\n"
        "  # a comment line\n  - numpy>=1\n  - pip\n  - pip:\n      - -e .\n      - extra\n  - scipy\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert environment_yml_dependencies() == (["python>=3.10", "numpy>=1", "pip", "scipy"], ["-e .", "extra"])


#: The standard library's modules; tomllib joined it in Python 3.11 (3.10 reads TOML with tomli).
STDLIB = set(sys.stdlib_module_names) | {"tomllib"}


def third_party_imports(paths) -> set[str]:
    local = {"convlesson", "conftest"} | {p.stem for p in (ROOT / "tests").rglob("*.py")}
    local |= {p.stem for p in (ROOT / "benchmarks").glob("*.py")}
    local.add("convlesson_base")  # the package at an earlier commit, which a benchmark compares with
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
                if top not in STDLIB and top not in local and top != "__future__":
                    found.add(top)
    return found


def test_every_imported_package_is_declared():
    """Each third-party module imported by the package or its tests comes from a declared
    distribution (runtime or the [test] extra), or from a dependency of one."""
    meta = pyproject()["project"]
    declared = {requirement_name(r) for r in requirements(meta) + requirements(meta, "test")}
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
    blocks = re.findall(r"([^\n]*\n)\s*```[a-z]*\n(.*?)```", text, flags=re.S)
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


# --------------------------------------------------------------------------- the floor environment
def floors_script(*args: str) -> subprocess.CompletedProcess:
    """Run .ci/floors.py, which CI uses to pin the oldest declared versions."""
    return subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "floors.py"), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def pins(output: str) -> dict[str, str]:
    """``'numpy==1.23.0'`` lines (comments aside) -> ``{'numpy': '1.23.0'}``."""
    found = {}
    for line in output.splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = re.fullmatch(r"([A-Za-z0-9._-]+)==([0-9.]+)", line.strip()).groups()
            found[requirement_name(name)] = version
    return found


def test_ci_installs_exactly_the_declared_floors():
    """Every runtime and [lab] requirement declares a ``>=`` floor, and the constraints CI installs
    for the floor environment are exactly those floors, written as full releases."""
    meta = pyproject()["project"]
    declared = {}
    for req in requirements(meta) + requirements(meta, "lab"):
        floor = re.fullmatch(r">=([0-9]+(?:\.[0-9]+)*)", requirement_spec(req))
        assert floor, f"{req!r} should declare a plain '>=X' floor, so that CI can test it"
        declared[requirement_name(req)] = floor.group(1)
    run = floors_script()
    assert run.returncode == 0, run.stderr
    installed = pins(run.stdout)
    assert installed.keys() == declared.keys()
    for name, version in installed.items():
        assert len(version.split(".")) >= 3, f"{name}=={version} should name a full release"
        padded = declared[name].split(".") + ["0"] * (
            len(version.split(".")) - len(declared[name].split("."))
        )
        assert version.split(".") == padded, (
            f"CI pins {name}=={version}, pyproject declares >={declared[name]}"
        )
    python = floors_script("--python")
    assert python.returncode == 0, python.stderr
    assert "python>=" + python.stdout.strip() == "python" + requirement_spec(
        "python" + meta["requires-python"]
    )


def test_the_floors_follow_pyproject_and_refuse_an_undeclared_floor(tmp_path):
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"numpy>=1.23",' in text and 'requires-python = ">=3.10"' in text
    moved = tmp_path / "pyproject.toml"
    moved.write_text(
        text.replace('"numpy>=1.23",', '"numpy>=1.24.2",').replace(">=3.10", ">=3.12"), encoding="utf-8"
    )
    run = floors_script("--pyproject", str(moved))
    assert run.returncode == 0, run.stderr
    assert pins(run.stdout)["numpy"] == "1.24.2"
    assert floors_script("--pyproject", str(moved), "--python").stdout.strip() == "3.12"
    for unpinned in ('"numpy",', '"numpy<3",', '"numpy==1.23",', "\"numpy>=1.23; python_version<'3.12'\","):
        moved.write_text(text.replace('"numpy>=1.23",', unpinned), encoding="utf-8")
        run = floors_script("--pyproject", str(moved))
        assert run.returncode != 0 and "numpy" in run.stderr, (unpinned, run.stdout)


def test_ci_runs_every_stage():
    """The floor environment, the stock-text run, ruff, the README's first run and the JupyterLite site
    are in .ci/run, besides the README's test command."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for part in [
        ".ci/floors.py",
        "--ignore=tests/browser",
        "CONVLESSON_STOCK_TEXT=1",
        "ruff check .",
        "ruff format --check .",
        "python .ci/readme_commands.py quick-start",
        'python .ci/readme_commands.py "$name"',
        "for part in quick-start package-from-clone package-from-wheel; do",
        "/api/status",
        "pip install -q -r lite/requirements.txt",
        "lite/build_site.py --no-network",
    ]:
        assert part in script, f".ci/run should run {part!r}"
    stages = re.findall(r'^stage "([a-f])\. ', script, flags=re.M)
    assert stages == ["a", "d", "f"], "stages a, d and f run in the foreground, in this order"
    assert sorted(set(re.findall(r'collect \w+ "([bce])\. ', script))) == ["b", "c", "e"]
    # the stock-text stage leaves out only test modules that exist (a renamed one would be run again)
    left_out = re.search(r"NOT_DRAWING=\(([^)]*)\)", script).group(1).split()
    assert left_out and all((ROOT / "tests" / f"{name}.py").exists() for name in left_out), left_out


# --------------------------------------------------------------------------- the README's first run
def readme_commands():
    spec = importlib.util.spec_from_file_location("readme_commands", ROOT / ".ci" / "readme_commands.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def readme_blocks() -> dict[str, str]:
    return readme_commands().blocks((ROOT / "README.md").read_text(encoding="utf-8"))


def test_ci_runs_the_readmes_first_run_blocks():
    assert sorted(readme_blocks()) == ["package-from-clone", "package-from-wheel", "quick-start"]


def test_the_quick_start_makes_a_virtual_environment_before_it_installs():
    """A system Python that refuses pip (externally-managed-environment) is never asked to install."""
    lines = readme_blocks()["quick-start"].splitlines()
    assert lines[0] == "python3 -m venv .venv && . .venv/bin/activate"
    assert lines[1] == 'pip install -e ".[lab]" && jupyter lab notebooks/'
    assert len(lines) == 2


def test_the_package_alone_is_installed_without_jupyterlab():
    blocks = readme_blocks()
    assert blocks["package-from-clone"].splitlines() == ["pip install ."]
    wheel = blocks["package-from-wheel"].splitlines()
    assert wheel == ["pip install build && python -m build", "pip install dist/convlesson-*.whl"]
    assert "[" not in blocks["package-from-clone"] + blocks["package-from-wheel"], "no extra: no JupyterLab"
    assert wheel[1].split("/")[1].startswith(pyproject()["project"]["name"] + "-")


def test_the_readme_block_reader_refuses_a_mark_without_a_block_and_a_name_twice():
    reader = readme_commands()
    block = "<!-- ci: one (runs) -->\n```bash\necho 1\n```\n"
    assert reader.blocks("text\n" + block) == {"one": "echo 1\n"}
    with pytest.raises(ValueError, match="one"):
        reader.blocks(block + block)
    with pytest.raises(ValueError, match="two"):
        reader.blocks(block + "<!-- ci: two -->\n\n```bash\necho 2\n```\n")
    run = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "readme_commands.py"), "no-such-block"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and "no-such-block" in run.stderr


def test_the_jupyterlite_site_is_built_from_the_notebooks_with_no_fallback_to_pypi():
    config = json.loads((ROOT / "lite" / "jupyter_lite_config.json").read_text(encoding="utf-8"))
    assert config["LiteBuildConfig"]["contents"] == ["../notebooks"]
    runtime = json.loads((ROOT / "lite" / "jupyter-lite.json").read_text(encoding="utf-8"))
    kernel = runtime["jupyter-config-data"]["litePluginSettings"][
        "@jupyterlite/pyodide-kernel-extension:kernel"
    ]
    assert kernel == {"disablePyPIFallback": True}, "the site serves every wheel the kernel installs"
    needs = {
        requirement_name(r)
        for r in (ROOT / "lite" / "requirements.txt").read_text().splitlines()
        if r.strip() and not r.startswith("#")
    }
    assert needs == {"jupyterlite-core", "jupyterlite-pyodide-kernel", "jupyterlab-widgets", "ipython"}
    assert "jupyterlite" not in " ".join(requirements(pyproject()["project"], "test")), (
        "the site's tools stay out of the test environment"
    )


def test_the_license_file_is_the_declared_license():
    meta = pyproject()["project"]
    assert meta["license"] == "MIT" and meta["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n") and "Permission is hereby granted, free of charge" in text
    requires = pyproject()["build-system"]["requires"]
    assert requires == ["setuptools>=77"], "license = 'MIT' (an SPDX expression) needs setuptools 77"


# --------------------------------------------------------------------------- whole-picture tests
def root_conftest():
    spec = importlib.util.spec_from_file_location("root_conftest", ROOT / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_whole_pictures_are_compared_only_under_the_reference_matplotlib(monkeypatch):
    import matplotlib

    from convlesson.pictures import fast_text

    hooks = root_conftest()
    monkeypatch.setattr(fast_text, "fast_text", lambda: True)  # labels as the stored pictures drew them
    reference = hooks.REFERENCE_MATPLOTLIB
    assert re.fullmatch(r"[0-9]+\.[0-9]+", reference)
    monkeypatch.setattr(matplotlib, "__version__", f"{reference}.7")
    assert hooks.whole_picture_skip_reason() is None
    for other in ["3.6.0", f"{reference}0.1", "4.0.0rc1"]:
        monkeypatch.setattr(matplotlib, "__version__", other)
        reason = hooks.whole_picture_skip_reason()
        assert reason and other in reason and f"{reference}.x" in reason and "\n" not in reason


def test_whole_pictures_are_not_compared_when_labels_are_drawn_by_stock_matplotlib(monkeypatch):
    import matplotlib

    from convlesson.pictures import fast_text

    hooks = root_conftest()
    monkeypatch.setattr(matplotlib, "__version__", f"{hooks.REFERENCE_MATPLOTLIB}.0")
    monkeypatch.setattr(fast_text, "fast_text", lambda: False)
    monkeypatch.setattr(fast_text, "text_path", lambda: "stock (CONVLESSON_STOCK_TEXT is set)")
    reason = hooks.whole_picture_skip_reason()
    assert reason and "CONVLESSON_STOCK_TEXT" in reason and "\n" not in reason


def test_the_readmes_exercise_example_prints_what_its_comment_says(capsys):
    """README shows ``cl.check(n, answer)  # what it prints ...``: the package must still print that."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"^cl\.check\((\d+), (.+?)\)  # (.+?)(?:, \.\.\.|\.\.\.)?$", text, flags=re.M)
    assert examples, "README shows an exercise checked"
    for number, answer, comment in examples:
        convlesson.check(int(number), ast.literal_eval(answer))
        printed = " ".join(capsys.readouterr().out.split())
        assert printed.startswith(comment), (printed, comment)
