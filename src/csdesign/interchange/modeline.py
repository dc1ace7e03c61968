"""The ``# yaml-language-server: $schema=...`` line that files written by ``init`` and ``import``
start with, so an editor with the YAML language server (VS Code's YAML extension, and others)
checks the file against csdesign's schema as it is typed.

It points at the schema shipped inside the installed package (``csdesign/model/org.schema.json``,
kept equal to ``csdesign schema`` by the tests), as a ``file://`` URI: it works offline and at
once. To share the file with people whose csdesign lives elsewhere, write the schema next to it
(``csdesign schema > org.schema.json``) and change the line to ``$schema=org.schema.json``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PREFIX = "# yaml-language-server: $schema="


def schema_file() -> Path:
    """The org schema inside the installed package."""
    return Path(str(resources.files("csdesign.model").joinpath("org.schema.json")))


def modeline() -> str:
    return PREFIX + schema_file().resolve().as_uri()


def with_modeline(text: str) -> str:
    """``text`` with the modeline as its first line (replacing one that is there)."""
    lines = text.split("\n", 1)
    if lines[0].startswith(PREFIX):
        text = lines[1] if len(lines) > 1 else ""
    return modeline() + "\n" + text
