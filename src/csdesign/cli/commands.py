"""Imports every command module so that each registers itself on the app."""

from csdesign.cli import render_cmd, schema_cmd  # noqa: F401
