"""Options shared by several commands, declared once."""

from __future__ import annotations

from enum import Enum

import typer

from csdesign.model.enums import StructureType

StructureOpt = typer.Option(None, "--structure", "-s", help="Override the file's structure type.", case_sensitive=False)
# readable=False: the loader says "permission denied" itself, in the one-line error format.
OrgArg = typer.Argument(..., help="Org definition (YAML).", metavar="ORG.yaml", readable=False)


class Engine(str, Enum):
    auto = "auto"
    system = "system"
    embedded = "embedded"


__all__ = ["Engine", "OrgArg", "StructureOpt", "StructureType"]
