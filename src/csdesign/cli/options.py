"""Options shared by several commands, declared once."""

from __future__ import annotations

from enum import Enum

import typer

from csdesign.cli.common import use_stdin_name
from csdesign.model.enums import StructureType

StructureOpt = typer.Option(None, "--structure", "-s", help="Override the file's structure type.", case_sensitive=False)
# readable=False: the loader says "permission denied" itself, in the one-line error format.
OrgArg = typer.Argument(..., help="Org definition (YAML); - reads it from standard input.", metavar="ORG.yaml", readable=False)
StdinNameOpt = typer.Option(None, "--stdin-filename", help="With - as the org file: the file name to show in messages.", metavar="NAME")


class Engine(str, Enum):
    auto = "auto"
    system = "system"
    embedded = "embedded"


__all__ = ["Engine", "OrgArg", "StdinNameOpt", "StructureOpt", "StructureType", "use_stdin_name"]
