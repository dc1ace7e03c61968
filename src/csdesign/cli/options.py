"""Options shared by several commands, declared once."""

from __future__ import annotations

from enum import Enum

import typer

from csdesign.model.enums import StructureType

StructureOpt = typer.Option(None, "--structure", "-s", help="Override the file's structure type.", case_sensitive=False)
# readable=False: the loader says "permission denied" itself, in the one-line error format.
OrgArg = typer.Argument(..., help="Org definition (YAML); - reads it from standard input.", metavar="ORG.yaml", readable=False)
StdinNameOpt = typer.Option(None, "--stdin-filename", help="With - as the org file: the file name to show in messages.", metavar="NAME")


def use_stdin_name(name: str | None, *inputs: object) -> None:
    """Apply ``--stdin-filename``, which only means something with ``-`` among the inputs."""
    if name is None:
        return
    from csdesign.errors import InputError
    from csdesign.model.stdin import is_stdin, use_name

    if not any(is_stdin(i) for i in inputs):
        raise InputError("--stdin-filename names standard input, but no input is -", hint="pass - as the org file, or leave out --stdin-filename")
    use_name(name)


class Engine(str, Enum):
    auto = "auto"
    system = "system"
    embedded = "embedded"


__all__ = ["Engine", "OrgArg", "StdinNameOpt", "StructureOpt", "StructureType", "use_stdin_name"]
