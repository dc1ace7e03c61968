"""The Typer application and the one place user errors become messages and exit codes.

Command modules (cli/*.py) register on :data:`app`; they parse options, call one function
from the library, print, and hold no logic. Heavy imports happen inside the commands.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import typer

from csdesign.errors import EXIT_INTERNAL, CsdesignError

app = typer.Typer(
    name="csdesign",
    help="Model customer-success org structures from YAML: charts, responsibility reports, lint.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)

STATE = {"verbose": False, "debug": False}


def _version(value: bool) -> None:
    if value:
        from csdesign import __version__

        typer.echo(f"csdesign {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say more on stderr (e.g. which Graphviz engine ran)."),
    debug: bool = typer.Option(False, "--debug", help="Show a Python traceback for unexpected errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    STATE["verbose"] = verbose or debug
    STATE["debug"] = debug


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


def main() -> None:
    """Console-script entry point: run the app, turn user errors into one message + exit code."""
    import gc

    from csdesign.cli import commands  # noqa: F401 - registers the commands

    # A short-lived process that builds large graphs: the default collector rescans every
    # surviving object again and again (load+build of 100,000 boxes: 13 s instead of 5 s).
    # Collect young garbage rarely and old garbage almost never; see docs/performance.md.
    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)

    from csdesign import fileio

    fileio.forget_inputs()
    guard = fileio.guard_stdout()  # a full or closed stdout is a user error, not a crash
    try:
        try:
            app()
        except BaseException as exc:
            guard.finish(quiet=not isinstance(exc, SystemExit))
            raise
        guard.finish()
    except CsdesignError as exc:
        print(exc.render(), file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        # e.g. `csdesign render org.yaml | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except Exception as exc:  # a bug: say so plainly, traceback only on request
        if STATE["debug"] or os.environ.get("CSDESIGN_DEBUG"):
            raise
        from csdesign.errors import printable

        print(printable(f"internal error: {type(exc).__name__}: {exc} (this is a csdesign bug; rerun with --debug and report it)"), file=sys.stderr)
        sys.exit(EXIT_INTERNAL)
