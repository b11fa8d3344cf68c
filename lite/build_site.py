"""Build the course as a JupyterLite site and check what it holds.

Run it with the Python of an environment made for it (README: "In the browser: JupyterLite")::

    python3 -m venv .venv-lite && .venv-lite/bin/pip install -r lite/requirements.txt
    .venv-lite/bin/python lite/build_site.py                # build in a temp folder, check, delete
    .venv-lite/bin/python lite/build_site.py --out _site    # keep the site: python3 -m http.server -d _site
    .venv-lite/bin/python lite/build_site.py --no-network   # the JupyterLite build itself with no network

Steps:

1. the convlesson wheel, built from a copy of the package's files (``pip wheel --no-deps``);
2. the pure-Python wheels Pyodide's distribution lacks -- ipywidgets, jupyterlab_widgets (the version
   whose front end the site gets) and comm -- from PyPI, so that the site's kernel needs no PyPI
   (``disablePyPIFallback`` in ``lite/jupyter-lite.json``);
3. ``jupyter lite build`` with ``lite/`` as its folder (``jupyter_lite_config.json``: the notebooks as
   the site's files) and those wheels for piplite, run from a temp folder so that nothing is written
   into the checkout; with ``--no-network``, inside a network namespace of its own (``unshare``);
4. the checks: every file of ``notebooks/`` (any notebook added is covered) is in the site,
   byte for byte, and listed for the file browser; the wheel is served and indexed with its sha256;
   the widget wheels and the widget manager are there; the site loads Pyodide from its CDN; and the
   site's own kernel turns each notebook's first cell into an install of this package.

Steps 1 and 2 need PyPI (setuptools for the wheel, the widget wheels); step 3 needs no network.
The site loads Pyodide -- and numpy, matplotlib and Pillow built for WebAssembly -- from Pyodide's CDN
when a learner starts a kernel: that part is not (and cannot be) checked here.
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import types
import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LITE_DIR = REPO / "lite"
NOTEBOOKS = REPO / "notebooks"
#: What the wheel is built from (setuptools reads the README and the licence besides the package).
WHEEL_SOURCES = ["pyproject.toml", "README.md", "LICENSE", "convlesson"]
PYODIDE_KERNEL = "@jupyterlite/pyodide-kernel-extension:kernel"
WIDGET_MANAGER = "@jupyter-widgets/jupyterlab-manager"
WIDGET_WHEELS = ["ipywidgets~=8.1", "comm"]  # plus jupyterlab_widgets==<this environment's>
NO_NETWORK = ["unshare", "--map-root-user", "--net"]


def run(cmd: list[str], cwd: Path) -> float:
    """Run a command, stop with its output if it fails, return the seconds it took."""
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"FAILED ({done.returncode}): {' '.join(cmd)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def package_name() -> str:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^name\s*=\s*"([^"]+)"', text, flags=re.M).group(1)


def course_files() -> list[str]:
    """Every file under notebooks/, relative to it (checkpoints aside)."""
    return sorted(
        p.relative_to(NOTEBOOKS).as_posix()
        for p in NOTEBOOKS.rglob("*")
        if p.is_file() and ".ipynb_checkpoints" not in p.parts
    )


def first_code_cell(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["cell_type"] == "code")
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _module_from_wheel(wheel: Path, member: str, name: str) -> types.ModuleType:
    """Load one module of a wheel by itself (its package's ``__init__`` is not run)."""
    with zipfile.ZipFile(wheel) as zf:
        code = zf.read(member).decode("utf-8")
    module = types.ModuleType(name)
    module.__file__ = f"{wheel.name}/{member}"
    exec(compile(code, module.__file__, "exec"), module.__dict__)
    return module


def kernel_transform(site: Path):
    """The cell transform of the site's own Pyodide kernel (``%pip`` -> a piplite install)."""
    static = site / "extensions" / "@jupyterlite" / "pyodide-kernel-extension" / "static" / "pypi"
    (kernel,) = static.glob("pyodide_kernel-*.whl")
    (piplite,) = static.glob("piplite-*.whl")
    package = types.ModuleType("piplite")
    package.cli = _module_from_wheel(piplite, "piplite/cli.py", "piplite.cli")
    sys.modules.setdefault("piplite", package)
    sys.modules.setdefault("piplite.cli", package.cli)
    manager = _module_from_wheel(
        kernel, "pyodide_kernel/litetransform.py", "litetransform"
    ).LiteTransformerManager()
    return lambda cell: asyncio.run(manager.transform_cell(cell))


def check_install_cells(site: Path) -> list[str]:
    """Each notebook's first cell, as the site's kernel runs it, installs this package (and nothing else)."""
    transform = kernel_transform(site)
    expected = f"await __import__(\"piplite\").install(**{{'requirements': ['{package_name()}']}})"
    problems = []
    for path in sorted(NOTEBOOKS.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        code = transform(first_code_cell(path))
        try:
            ast.parse(code)
        except SyntaxError as exc:
            problems.append(
                f"{path.name}: the first cell, as the site's kernel runs it, is not Python: {exc}"
            )
            continue
        if expected not in code or code.count("piplite") != 1:
            problems.append(f"{path.name}: the first cell, as the site's kernel runs it, is {code!r}")
    return problems


def check_site(site: Path, wheel: Path) -> list[str]:
    """Every problem found in a built site, as sentences (none when the site is complete)."""
    problems = []
    files = course_files()
    for rel in files:
        built = site / "files" / rel
        if not built.is_file():
            problems.append(f"files/{rel} is missing")
        elif built.read_bytes() != (NOTEBOOKS / rel).read_bytes():
            problems.append(f"files/{rel} differs from notebooks/{rel}")
    listed = set()  # the contents API the file browser reads: api/contents/all.json and one per folder
    for index in (site / "api" / "contents").rglob("all.json"):
        listed |= {item["path"] for item in json.loads(index.read_text(encoding="utf-8"))["content"]}
    problems += [f"{rel} is not listed in api/contents/**/all.json" for rel in files if rel not in listed]

    pypi = site / "pypi"
    if not (pypi / wheel.name).is_file():
        problems.append(f"pypi/{wheel.name} is missing")
    index = (
        json.loads((pypi / "all.json").read_text(encoding="utf-8")) if (pypi / "all.json").is_file() else {}
    )
    releases = [r for rs in index.get(package_name(), {}).get("releases", {}).values() for r in rs]
    sha = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if not any(r["filename"] == wheel.name and r["digests"]["sha256"] == sha for r in releases):
        problems.append(f"pypi/all.json does not list {wheel.name} with sha256 {sha}")
    for name in ("ipywidgets", "jupyterlab-widgets", "comm"):
        if name not in index:
            problems.append(f"pypi/all.json does not list {name} (the kernel may not fetch it from PyPI)")

    config = json.loads((site / "jupyter-lite.json").read_text(encoding="utf-8"))["jupyter-config-data"]
    kernel = config.get("litePluginSettings", {}).get(PYODIDE_KERNEL, {})
    if not any(u.split("?")[0] == "./pypi/all.json" for u in kernel.get("pipliteUrls", [])):
        problems.append("jupyter-lite.json's pipliteUrls lacks ./pypi/all.json")
    if kernel.get("disablePyPIFallback") is not True:
        problems.append("jupyter-lite.json lets the kernel fall back to PyPI (disablePyPIFallback)")
    if WIDGET_MANAGER not in {e["name"] for e in config.get("federated_extensions", [])}:
        problems.append(f"{WIDGET_MANAGER} is not in the site: pip install jupyterlab_widgets here")
    if "pyodideUrl" in kernel:
        problems.append(f"the site ships its own Pyodide ({kernel['pyodideUrl']}); expected Pyodide's CDN")
    return problems + check_install_cells(site)


def pyodide_version() -> str:
    spec = importlib.util.find_spec("jupyterlite_pyodide_kernel.constants")
    if spec is None:
        return "unknown"
    from jupyterlite_pyodide_kernel import constants

    return f"{constants.PYODIDE_VERSION} (Python {constants.PYODIDE_PYTHON_VERSION})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="keep the built site in this folder (replaced)")
    parser.add_argument(
        "--no-network", action="store_true", help=f"run jupyter lite build under {' '.join(NO_NETWORK)}"
    )
    args = parser.parse_args()
    try:
        widgets = version("jupyterlab_widgets")
    except PackageNotFoundError:
        sys.exit("pip install -r lite/requirements.txt first: the site's widget manager comes from here")
    if args.no_network and shutil.which(NO_NETWORK[0]) is None:
        sys.exit("--no-network needs unshare (util-linux)")

    with tempfile.TemporaryDirectory(prefix="convlesson-lite-") as tmp:
        tmp = Path(tmp)
        source, wheels, site = tmp / "source", tmp / "wheels", tmp / "site"
        source.mkdir()
        for name in WHEEL_SOURCES:
            if (REPO / name).is_dir():
                shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(REPO / name, source / name)
        t_wheel = run(
            [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)], tmp
        )
        (wheel,) = wheels.glob(f"{package_name()}-*.whl")
        pins = [f"jupyterlab_widgets=={widgets}", *WIDGET_WHEELS]
        download = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:"]
        t_download = run([*download, "-d", str(wheels), *pins], tmp)
        build = [sys.executable, "-m", "jupyterlite_core", "build", "--lite-dir", str(LITE_DIR)]
        build += ["--output-dir", str(site), f"--LiteBuildConfig.cache_dir={tmp / 'cache'}"]
        build += ["--piplite-wheels", str(wheels)]
        t_build = run((NO_NETWORK if args.no_network else []) + build, tmp)
        problems = check_site(site, wheel)

        notebooks = sorted(
            p.relative_to(site / "files").as_posix() for p in (site / "files").rglob("*.ipynb")
        )
        files = [p for p in site.rglob("*") if p.is_file()]
        print(
            f"wheel {wheel.name} ({wheel.stat().st_size / 1e3:.0f} kB) in {t_wheel:.1f} s; "
            f"widget wheels in {t_download:.1f} s; jupyter lite build in {t_build:.1f} s"
            + (" with no network" if args.no_network else "")
        )
        print(f"site: {size_mb(site):.1f} MB in {len(files)} files; Pyodide {pyodide_version()} from its CDN")
        for part in sorted(p for p in site.iterdir() if p.is_dir()):
            print(f"  {part.name + '/':12} {size_mb(part):6.1f} MB")
        print(f"notebooks ({len(notebooks)}): {', '.join(notebooks)}")
        print(f"pypi/: {', '.join(sorted(p.name for p in (site / 'pypi').glob('*.whl')))}")
        if args.out:
            shutil.rmtree(args.out, ignore_errors=True)
            shutil.copytree(site, args.out)
            print(f"site kept in {args.out.resolve()}")
    if problems:
        sys.exit("the site is incomplete:\n  " + "\n  ".join(problems))
    print(
        "site complete: every file of notebooks/, the wheel and the widget wheels indexed, the widget "
        "manager, Pyodide from its CDN, each first cell a piplite install of the package"
    )


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUTF8", "1")
    main()
