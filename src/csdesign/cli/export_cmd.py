"""`csdesign export`: an org file -> a people CSV (the shape `csdesign import` reads)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from csdesign.cli.app import app, say
from csdesign.cli.options import OrgArg, StructureOpt, StructureType


class ExportFormat(str, Enum):
    csv = "csv"


@app.command()
def export(
    org: Path = OrgArg,
    fmt: ExportFormat = typer.Option(ExportFormat.csv, "--format", "-f", help="Output format (csv)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here; omit for stdout."),
    structure: Optional[StructureType] = StructureOpt,
    bom: bool = typer.Option(False, "--bom", help="Start with a UTF-8 BOM so Excel on Windows shows Chinese correctly."),
) -> None:
    """Write ORG.yaml as a people CSV: one row per position (or per seat of a proposal)."""
    from csdesign.interchange.csv_export import to_csv
    from csdesign.model import load_org
    from csdesign.structures import build

    loaded = load_org(org)
    text = to_csv(build(loaded, structure), loaded, bom=bom)
    if output is None:
        sys.stdout.write(text)
        return
    from csdesign.render.output import write_atomic

    write_atomic(output, text)
    say(f"wrote {output}")
