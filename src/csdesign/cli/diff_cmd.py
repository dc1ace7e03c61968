"""`csdesign diff`: a reorganisation from BEFORE.yaml to AFTER.yaml, box by box and duty by duty."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from csdesign.cli.app import app, emit
from csdesign.cli.options import StructureType
from csdesign.errors import EXIT_FINDINGS
from csdesign.render.diff.formats import DIFF_FORMATS


@app.command("diff")
def diff_(
    before: Path = typer.Argument(..., help="The org today (as-is or a proposal).", metavar="BEFORE.yaml"),
    after: Path = typer.Argument(..., help="The org after the change.", metavar="AFTER.yaml"),
    fmt: str = typer.Option("table", "--format", "-f", help=DIFF_FORMATS.help(), metavar=DIFF_FORMATS.metavar()),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    before_structure: Optional[StructureType] = typer.Option(None, "--before-structure", help="Build BEFORE as this structure (default: as the file says).", case_sensitive=False),
    after_structure: Optional[StructureType] = typer.Option(None, "--after-structure", help="Build AFTER as this structure (default: as the file says).", case_sensitive=False),
    lang: str = typer.Option("en", "--lang", help="Language of overlap and gap messages: en or zh."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when the two orgs differ (like git diff --exit-code)."),
) -> None:
    """Show what changes from BEFORE.yaml to AFTER.yaml: boxes, duties, overlaps, gaps, spans."""
    from csdesign.app.diff_job import diff

    document, changed = diff(before, after, fmt=fmt, output=output, before_structure=before_structure, after_structure=after_structure, lang=lang)
    emit(document, output)
    if exit_code and changed:
        raise typer.Exit(EXIT_FINDINGS)
