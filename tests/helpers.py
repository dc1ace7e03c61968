"""Plain helper functions for tests (fixtures live in conftest.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

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
