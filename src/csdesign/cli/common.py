"""What every command shares and the light lint path needs, without Typer: the global
``-v``/``--debug`` state, status lines, printing a document, ``--stdin-filename``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

STATE = {"verbose": False, "debug": False}


def say(message: str) -> None:
    """A status line on stderr, only with -v."""
    if STATE["verbose"]:
        from csdesign.errors import printable

        print(printable(message), file=sys.stderr)


def emit(document: Any, output: Path | None = None, *, pipe_width: int | None = None) -> None:
    """Write a command's document to ``output`` (atomically), or print it: text as is,
    anything else (a rich renderable) through rich, ``pipe_width`` columns wide when stdout
    is not a terminal (None: rich's default)."""
    if output is not None:
        from csdesign.render.output import write_atomic

        write_atomic(output, document)
        say(f"wrote {output}")
    elif isinstance(document, str):
        sys.stdout.write(document)
        sys.stdout.flush()
    else:
        from rich.console import Console

        Console(width=None if sys.stdout.isatty() else pipe_width).print(document)


def use_stdin_name(name: str | None, *inputs: object) -> None:
    """Apply ``--stdin-filename``, which only means something with ``-`` among the inputs."""
    if name is None:
        return
    from csdesign.errors import InputError
    from csdesign.model.stdin import is_stdin, use_name

    if not any(is_stdin(i) for i in inputs):
        raise InputError("--stdin-filename names standard input, but no input is -", hint="pass - as the org file, or leave out --stdin-filename")
    use_name(name)


__all__ = ["STATE", "emit", "say", "use_stdin_name"]
