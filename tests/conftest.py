"""Shared fixtures; plain helpers (org_from, graph_from) are in tests/helpers.py."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from tests.helpers import DATA, EXAMPLES, ROOT

# Tests run this checkout's code, in-process (pyproject: pythonpath) and in every subprocess
# they start, whichever copy of csdesign happens to be installed.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))


@pytest.fixture(autouse=True)
def lint_cache_dir(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own empty lint result cache (csdesign.lint.cache), in-process and in
    the processes it starts: the suite never writes to the user's cache, and no test reads
    findings another test stored."""
    path = tmp_path_factory.mktemp("lint-cache")
    monkeypatch.setenv("CSDESIGN_CACHE_DIR", str(path))
    return path


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def write_yaml(tmp_path):
    """Write dedented YAML to a temp file and return its path."""

    def _write(text: str, name: str = "org.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write
