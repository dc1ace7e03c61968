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
    elif _is_chunks(document):
        for block in document:
            sys.stdout.write(block)
        sys.stdout.flush()
    else:
        from rich.console import Console

        Console(width=None if sys.stdout.isatty() else pipe_width).print(document)


def _is_chunks(document: Any) -> bool:
    from csdesign.fileio import TextChunks

    return isinstance(document, TextChunks)


def use_stdin_name(name: str | None, *inputs: object) -> None:
    """Apply ``--stdin-filename``, which only means something with ``-`` among the inputs."""
    if name is None:
        return
    from csdesign.errors import InputError
    from csdesign.model.stdin import is_stdin, use_name

    if not any(is_stdin(i) for i in inputs):
        raise InputError("--stdin-filename names standard input, but no input is -", hint="pass - as the org file, or leave out --stdin-filename")
    use_name(name)


def light_options(argv: list[str], command: str, valued: dict[str, str], flags: dict[str, str],
                  lists: tuple[str, ...] = ()) -> tuple[dict[str, Any], list[str], bool, bool] | None:
    """A plain ``[-v] [--debug] COMMAND [OPTIONS] [ARGS]`` read as the Typer command reads it,
    for the light paths (cli/lint_run.py, cli/render_run.py): (options by keyword, positional
    arguments, verbose, debug), each ``valued`` option with its value (the last one given, or
    every one for ``lists``), each of ``flags`` True when given. None for anything else:
    ``--help``, an unknown option, ``-fjson``, a missing or empty value (Typer's to read)."""
    verbose = debug = False
    i = 0
    while i < len(argv) and argv[i] in ("-v", "--verbose", "--debug"):
        debug = debug or argv[i] == "--debug"
        verbose = verbose or argv[i] != "--debug"
        i += 1
    if i >= len(argv) or argv[i] != command:
        return None
    out: dict[str, Any] = {key: [] for key in lists}
    positional: list[str] = []
    rest = argv[i + 1:]
    j = 0
    while j < len(rest):
        arg = rest[j]
        j += 1
        if arg == "--":
            positional += rest[j:]
            break
        if arg == "-" or not arg.startswith("-"):
            positional.append(arg)
            continue
        name, eq, value = arg.partition("=")
        if name in flags and not eq:
            out[flags[name]] = True
            continue
        if name not in valued or (eq and not name.startswith("--")):
            return None
        if not eq:
            if j >= len(rest) or rest[j].startswith("-"):
                return None  # a missing value (or one that looks like an option): Typer says so
            value = rest[j]
            j += 1
        if not value:
            return None
        key = valued[name]
        if key in lists:
            out[key].append(value)
        else:
            out[key] = value
    return out, positional, verbose or debug, debug


__all__ = ["STATE", "emit", "light_options", "say", "use_stdin_name"]
