"""`csdesign jd`: one job description per role, as Markdown and Word."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from csdesign.cli.app import app, emit, say
from csdesign.cli.options import OrgArg, StructureOpt, StructureType


@app.command("jd")
def jd(
    org: Path = OrgArg,
    role: Optional[List[str]] = typer.Option(None, "--role", "-r", help="Only this role id (repeatable); default: every role."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Directory to write <role id>.md and .docx into (created if missing); default: Markdown to stdout."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="md, docx or md,docx (default with -o: both)."),
    structure: Optional[StructureType] = StructureOpt,
    lang: str = typer.Option("en", "--lang", help="Language of the headings and labels: en or zh (user text stays as written)."),
) -> None:
    """Write a job description per role of ORG.yaml: reporting lines, scope, duties with RACI, KPIs, skills, headcount, cost."""
    from csdesign.app.jd_job import jd as run_jd

    text, written = run_jd(org, structure.value if structure else None, roles=role, lang=lang, output=output, formats=fmt)
    if text is not None:
        emit(text)
    for path in written:
        say(f"wrote {path}")
