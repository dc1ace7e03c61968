"""Command-line interface: thin Typer commands over the library (see cli/app.py)."""

from csdesign.cli.app import app, main

__all__ = ["app", "main"]
