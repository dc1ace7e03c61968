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


class Lang(str, Enum):
    en = "en"
    zh = "zh"


SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".csv": "csv", ".txt": "table"}


def _span_target(value: str | None):
    if value is None:
        return None
    from csdesign.analysis.spans import make_bands
    from csdesign.errors import InputError

    lo, sep, hi = value.partition("-")
    if not sep or not lo.strip().isdigit() or not hi.strip().isdigit():
        raise InputError(f"--span-target: '{value}' is not a range like 8-12", hint="give the on-target span as LOW-HIGH")
    return make_bands(int(lo), int(hi))


@app.command()
def report(
    org: Path = OrgArg,
    structure: Optional[StructureType] = StructureOpt,
    fmt: Optional[ReportFormat] = typer.Option(None, "--format", "-f", help="table (default in a terminal), markdown (default otherwise), json, or csv (the RACI matrix)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here (.md, .json, .csv, .txt pick the format)."),
    only: Optional[str] = typer.Option(None, "--only", help="Comma-separated analyses: overlap, delegation, gaps, duplicates, raci, kpis, spans, capacity, placement."),
    lang: Lang = typer.Option(Lang.en, "--lang", help="Language of headings and findings (user names stay as written)."),
    span_target: Optional[str] = typer.Option(None, "--span-target", help="On-target span of control, LOW-HIGH (default 8-12)."),
    fail_on_findings: bool = typer.Option(False, "--fail-on-findings", help="Exit 1 when there is at least one finding (for CI)."),
) -> None:
    """Report who owns what in ORG.yaml: overlaps, gaps, RACI, KPIs, spans, capacity, placement."""
    from csdesign.analysis import parse_only, run_all
    from csdesign.structures import build_file

    analyses = parse_only(only)
    bands = _span_target(span_target)
    kind = fmt.value if fmt else None
    if kind is None and output is not None:
        kind = SUFFIX_FORMATS.get(output.suffix.lower())
    if kind is None:
        kind = "table" if output is None and sys.stdout.isatty() else "markdown"
    if kind == "csv" and "raci" not in analyses:
        from csdesign.errors import InputError

        raise InputError("--format csv exports the RACI matrix, but --only leaves out raci", hint="add raci to --only or choose another format")

    g = build_file(str(org), structure)
    result = run_all(g, analyses, bands=bands)
    text = _render(result, kind, lang.value, output)
    if output is not None:
        from csdesign.render.output import write_atomic

        write_atomic(output, text)
        say(f"wrote {output}")
    elif text is not None:
        sys.stdout.write(text)
    if fail_on_findings and result.findings:
        raise typer.Exit(1)


def _render(result, kind: str, lang: str, output: Path | None) -> str | None:
    if kind == "json":
        from csdesign.render.report_json import report_json

        return report_json(result, lang)
    if kind == "csv":
        from csdesign.render.report_csv import report_csv

        return report_csv(result)
    if kind == "markdown":
        from csdesign.render.report_markdown import report_markdown

        return report_markdown(result, lang)
    if output is not None:
        from csdesign.render.report_table import report_text

        return report_text(result, lang)
    from rich.console import Console

    from csdesign.render.report_table import report_renderable

    Console().print(report_renderable(result, lang))
    return None
