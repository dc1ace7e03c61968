"""Shared fixtures: load org text without files, find examples and test data."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from csdesign.model import load_org_text
from csdesign.structures import build

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"


def org_from(text: str, name: str = "org.yaml"):
    """An Org from dedented YAML text."""
    return load_org_text(textwrap.dedent(text), name)


def graph_from(text: str, structure: str | None = None):
    """The built graph of dedented YAML text."""
    return build(org_from(text), structure)


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
