"""`csdesign schema`: the JSON Schema of org files, for editors and CI."""

from __future__ import annotations

import typer

from csdesign.cli.app import app


@app.command()
def schema() -> None:
    """Print the JSON Schema of the org YAML (for yaml-language-server and other editors)."""
    from csdesign.model.jsonschema import schema_json

    typer.echo(schema_json())
