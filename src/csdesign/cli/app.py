"""The Typer application: one app for every command, its help and shell completion.

Command modules (cli/*.py) register on :data:`app`; they parse options, call one function
from the library, print, and hold no logic. Heavy imports happen inside the commands.
Errors become messages and exit codes in csdesign.cli.entry, which also runs a plain
``lint`` without building this app (the light path for the hot command).
"""

from __future__ import annotations

import typer

from csdesign.cli.common import STATE, emit, say

__all__ = ["STATE", "app", "emit", "main", "say"]

app = typer.Typer(
    name="csdesign",
    help="Model customer-success org structures from YAML: charts, responsibility reports, lint.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


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


def main() -> None:
    """Console-script entry point (csdesign.cli.entry.main: the light lint path, else this app)."""
    from csdesign.cli.entry import main as entry

    entry()
