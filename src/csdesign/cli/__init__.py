"""Command-line interface: thin Typer commands over the library (see cli/app.py).

Importing this package imports no Typer: :func:`main` (the console script) runs a plain
``lint`` on the light path (cli/entry.py) and builds the Typer app for everything else.
"""

from __future__ import annotations

from typing import Any

__all__ = ["app", "main"]


def main() -> None:
    from csdesign.cli.entry import main as entry

    entry()


def __getattr__(name: str) -> Any:
    if name == "app":
        from csdesign.cli.app import app

        return app
    raise AttributeError(f"module 'csdesign.cli' has no attribute {name!r}")
