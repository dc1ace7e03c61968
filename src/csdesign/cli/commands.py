"""Imports every command module so that each registers itself on the app."""

from csdesign.cli import lint_cmd, render_cmd, schema_cmd  # noqa: F401
