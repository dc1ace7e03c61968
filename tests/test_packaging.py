"""Packaging and the declared dependency floors: what `pip install csdesign` promises."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement

from tests.helpers import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _floors() -> dict[str, str]:
    """Every dependency and test extra of pyproject.toml -> its `>=` floor."""
    project = PYPROJECT["project"]
    floors = {}
    for text in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        req = Requirement(text)
        lows = [s.version for s in req.specifier if s.operator == ">="]
        assert len(lows) == 1, f"{text}: declare exactly one `>=` floor (.ci/run tests it)"
        floors[req.name.lower()] = lows[0]
    return floors


def _minimums() -> dict[str, str]:
    pins = {}
    for line in (ROOT / ".ci" / "minimums.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            m = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s;]+)", line)
            assert m, f".ci/minimums.txt: {line!r} is not name==version"
            pins[m.group(1).lower()] = m.group(2)
    return pins


def _norm(version: str) -> str:
    """6.0 and 6.0.0 are the same floor."""
    parts = version.split(".")
    while len(parts) > 1 and parts[-1] == "0":
        parts.pop()
    return ".".join(parts)


def test_ci_minimums_are_exactly_the_declared_floors():
    floors, pins = _floors(), _minimums()
    assert sorted(pins) == sorted(floors)
    assert {k: _norm(v) for k, v in pins.items()} == {k: _norm(v) for k, v in floors.items()}


def test_license_is_spdx_mit_and_the_package_is_marked_typed():
    project = PYPROJECT["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert not any(c.startswith("License ::") for c in project["classifiers"])  # PEP 639: the expression says it
    assert "Typing :: Typed" in project["classifiers"]
    assert (ROOT / "src" / "csdesign" / "py.typed").is_file()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["csdesign"]
    from csdesign.lint.reporters.sarif_format import INFORMATION_URI

    assert project["urls"]["Homepage"] == INFORMATION_URI


#: What pip or build print when the package index cannot be reached.
OFFLINE = ("Could not find a version", "No matching distribution", "Failed to establish a new connection", "Temporary failure in name resolution", "Network is unreachable")


def _run_or_skip(cmd: list, what: str, **kw):
    import subprocess

    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if proc.returncode != 0 and any(s in proc.stdout + proc.stderr for s in OFFLINE):
        pytest.skip(f"{what} needs the package index, which cannot be reached: {(proc.stdout + proc.stderr).strip().splitlines()[-1]}")
    assert proc.returncode == 0, f"{what} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def test_sdist_and_wheel_build_and_the_wheel_runs_in_a_fresh_venv(tmp_path):
    """`python -m build` makes both; the wheel installs into a new venv (dependencies from the
    index) and its console script prints the version and renders a chart."""
    import os
    import sys
    import tarfile
    import zipfile

    pytest.importorskip("build", reason="needs the build package: pip install build")
    from csdesign import __version__

    dist = tmp_path / "dist"
    _run_or_skip([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)], "python -m build")
    wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    assert [w.name for w in wheels] == [f"csdesign-{__version__}-py3-none-any.whl"]
    assert [s.name for s in sdists] == [f"csdesign-{__version__}.tar.gz"]
    with zipfile.ZipFile(wheels[0]) as whl:
        names = set(whl.namelist())
        meta = whl.read(f"csdesign-{__version__}.dist-info/METADATA").decode("utf-8")
    info = f"csdesign-{__version__}.dist-info"
    assert {"csdesign/py.typed", f"{info}/licenses/LICENSE", "csdesign/knowledge/structures.yaml",
            "csdesign/knowledge/vocabulary.json", "csdesign/analysis/matching_tokens.json"} <= names  # cold lint's data
    assert "License-Expression: MIT" in meta.splitlines()
    assert "Project-URL: Homepage, https://pypi.org/project/csdesign/" in meta.splitlines()
    assert "Classifier: Typing :: Typed" in meta.splitlines()
    with tarfile.open(sdists[0]) as sdist:
        members = set(sdist.getnames())
    assert {f"csdesign-{__version__}/LICENSE", f"csdesign-{__version__}/src/csdesign/py.typed"} <= members

    venv = tmp_path / "venv"
    _run_or_skip([sys.executable, "-m", "venv", str(venv)], "python -m venv")
    py = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    _run_or_skip([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheels[0])], "pip install of the wheel", env=env)
    work = tmp_path / "work"
    work.mkdir()
    where = _run_or_skip([str(py), "-c", "import csdesign; print(csdesign.__file__)"], "import", env=env, cwd=work)
    assert where.stdout.strip().startswith(str(venv))
    version = _run_or_skip([str(venv / "bin" / "csdesign"), "--version"], "csdesign --version", env=env, cwd=work)
    assert version.stdout == f"csdesign {__version__}\n"
    chart = work / "chart.svg"
    _run_or_skip([str(venv / "bin" / "csdesign"), "render", str(ROOT / "examples" / "startup.yaml"), "-o", str(chart)], "csdesign render", env=env, cwd=work)
    from tests.helpers import svg_node_texts

    svg = chart.read_text(encoding="utf-8")
    assert svg.lstrip().startswith(("<?xml", "<svg"))
    assert any(text.startswith("Head of Customer Success") for text in svg_node_texts(svg))
