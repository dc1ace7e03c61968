"""`csdesign report`: responsibility overlaps, gaps, RACI, KPI ownership, spans, capacity, placement."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from csdesign.analysis.registry import ANALYSES
from csdesign.cli.app import app, emit
from csdesign.cli.options import OrgArg, StdinNameOpt, StructureOpt, StructureType, use_stdin_name
from csdesign.render.report.formats import REPORT_FORMATS


@app.command()
def report(
    org: Path = OrgArg,
    structure: Optional[StructureType] = StructureOpt,
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=REPORT_FORMATS.help(), metavar=REPORT_FORMATS.metavar()),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here (" + ", ".join(REPORT_FORMATS.suffixes()) + " pick the format)."),
    only: Optional[str] = typer.Option(None, "--only", help="Comma-separated analyses: " + ", ".join(ANALYSES.names()) + "."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of headings and findings: en or zh (user names stay as written). Default en; for html and pdf, zh when the org is written in Chinese."),
    span_target: Optional[str] = typer.Option(None, "--span-target", help="On-target span of control, LOW-HIGH (default 8-12)."),
    fail_on_findings: bool = typer.Option(False, "--fail-on-findings", help="Exit 1 when there is at least one finding (for CI)."),
    explain: bool = typer.Option(False, "--explain", help="Say why differently written duties or KPIs were taken as one (the JSON always does)."),
    bom: bool = typer.Option(False, "--bom", help="With csv: start with a UTF-8 BOM so Excel on Windows shows Chinese correctly."),
    compare: Optional[Path] = typer.Option(None, "--compare", help="With -o report.xlsx: a Compare sheet of what changed from this earlier org (boxes, duty transfers).", metavar="BEFORE.yaml"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing (with --fail-on-findings: only the exit code; -o still writes)."),
    stdin_filename: Optional[str] = StdinNameOpt,
) -> None:
    """Report who owns what in ORG.yaml: overlaps, gaps, RACI, KPIs, spans, capacity, placement."""
    use_stdin_name(stdin_filename, org)
    from csdesign.app.report_job import report as run_report

    document, findings = run_report(org, structure, fmt=fmt, output=output, only=only, lang=lang, span_target=span_target, interactive=sys.stdout.isatty(), bom=bom, explain=explain, compare=compare)
    if output is not None or not quiet:
        emit(document, output)
    if fail_on_findings and findings:
        raise typer.Exit(1)
