"""`csdesign export`: an org file -> a people CSV (the shape `csdesign import` reads)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from csdesign.cli.app import app, emit
from csdesign.cli.options import OrgArg, StdinNameOpt, StructureOpt, StructureType, use_stdin_name
from csdesign.interchange.formats import EXPORT_FORMATS


@app.command()
def export(
    org: Path = OrgArg,
    fmt: str = typer.Option("csv", "--format", "-f", help=EXPORT_FORMATS.help("Output format: "), metavar=EXPORT_FORMATS.metavar()),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here; omit for stdout."),
    structure: Optional[StructureType] = StructureOpt,
    bom: bool = typer.Option(False, "--bom", help="Start with a UTF-8 BOM so Excel on Windows shows Chinese correctly."),
    stdin_filename: Optional[str] = StdinNameOpt,
) -> None:
    """Write ORG.yaml as a people CSV: one row per position (or per seat of a proposal)."""
    use_stdin_name(stdin_filename, org)
    from csdesign.app.export_job import export as run_export

    emit(run_export(org, structure, fmt=fmt, output=output, bom=bom), output)
