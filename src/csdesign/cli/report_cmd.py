"""`csdesign report`: responsibility overlaps, gaps, RACI, KPI ownership, spans, capacity, placement."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from csdesign.cli.app import app, say
from csdesign.cli.options import OrgArg, StructureOpt, StructureType


class ReportFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"


@app.command()
def report(
    org: Path = OrgArg,
    structure: Optional[StructureType] = StructureOpt,
    fmt: Optional[ReportFormat] = typer.Option(None, "--format", "-f", help="table (default in a terminal), markdown (default otherwise), json, or csv (the RACI matrix)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here (.md, .json, .csv, .txt pick the format)."),
    only: Optional[str] = typer.Option(None, "--only", help="Comma-separated analyses: overlap, delegation, gaps, duplicates, raci, kpis, spans, capacity, placement."),
    lang: str = typer.Option("en", "--lang", help="Language of headings and findings: en or zh (user names stay as written)."),
    span_target: Optional[str] = typer.Option(None, "--span-target", help="On-target span of control, LOW-HIGH (default 8-12)."),
    fail_on_findings: bool = typer.Option(False, "--fail-on-findings", help="Exit 1 when there is at least one finding (for CI)."),
    explain: bool = typer.Option(False, "--explain", help="Say why differently written duties or KPIs were taken as one (the JSON always does)."),
) -> None:
    """Report who owns what in ORG.yaml: overlaps, gaps, RACI, KPIs, spans, capacity, placement."""
    from csdesign.analysis import parse_only, run_all
    from csdesign.knowledge.guide import check_lang
    from csdesign.render.report_output import check_format, report_document, report_format, span_bands
    from csdesign.structures import build_file

    lang = check_lang(lang)
    analyses = parse_only(only)
    bands = span_bands(span_target)
    kind = report_format(fmt.value if fmt else None, output, sys.stdout.isatty())
    check_format(kind, analyses)
    g = build_file(str(org), structure)
    result = run_all(g, analyses, bands=bands)
    result.explain = explain
    document = report_document(result, kind, lang, for_terminal=output is None)
    if output is not None:
        from csdesign.render.output import write_atomic

        write_atomic(output, document)
        say(f"wrote {output}")
    elif isinstance(document, str):
        sys.stdout.write(document)
    else:
        from rich.console import Console

        Console().print(document)
    if fail_on_findings and result.findings:
        raise typer.Exit(1)
