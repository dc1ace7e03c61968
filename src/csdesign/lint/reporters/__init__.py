"""Lint output formats, one module each; :func:`render` picks one without importing the others."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from csdesign.lint.runner import LintResult

FORMATS = ("text", "json", "github", "sarif")


def render(result: "LintResult", fmt: str) -> str:
    """The whole output of one lint run in ``fmt`` (text | json | github | sarif), ending in a newline."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown lint format {fmt!r}")
    module = import_module(f"csdesign.lint.reporters.{fmt}_format")
    return module.render(result)
