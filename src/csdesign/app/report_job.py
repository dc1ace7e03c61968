"""`csdesign report`: build the org, run the chosen analyses, write the report in one format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from csdesign.errors import InputError
from csdesign.formats import Format
from csdesign.render.report.formats import REPORT_FORMATS


def span_bands(value: str | None) -> Any:
    """``--span-target LOW-HIGH`` as span bands (None: the default 8-12)."""
    if value is None:
        return None
    from csdesign.analysis.spans import make_bands

    lo, sep, hi = value.partition("-")
    if not sep or not lo.strip().isdigit() or not hi.strip().isdigit():
        raise InputError(f"--span-target: '{value}' is not a range like 8-12", hint="give the on-target span as LOW-HIGH")
    return make_bands(int(lo), int(hi))


def report_format(explicit: str | None, output: Path | None, interactive: bool) -> Format:
    """``--format`` if given, else the ``-o`` suffix, else table in a terminal and Markdown otherwise."""
    return REPORT_FORMATS.choose(explicit, output, "table" if interactive else "markdown")


def check_format(fmt: Format, analyses: tuple[str, ...] | list[str] | set[str]) -> None:
    """A format that needs an analysis (csv: raci) fails before any work if --only leaves it out."""
    for name in fmt.requires:
        if name not in analyses:
            raise InputError(f"--format {fmt.name} needs the {name} analysis, but --only leaves out {name}", hint=f"add {name} to --only or choose another format")


def report(
    org: str | Path,
    structure: str | None = None,
    *,
    fmt: str | None = None,
    output: Path | None = None,
    only: str | None = None,
    lang: str | None = None,
    span_target: str | None = None,
    interactive: bool = False,
    explain: bool = False,
    bom: bool = False,
    compare: Path | None = None,
) -> tuple[Any, bool]:
    """The report document (text, or a rich renderable for a terminal) and whether it has findings."""
    from csdesign.analysis import parse_only, run_all
    from csdesign.analysis.capacity_settings import capacity_settings
    from csdesign.knowledge.guide import check_lang
    from csdesign.structures import build_file

    if lang is not None:
        lang = check_lang(lang)
    analyses = parse_only(only)
    bands = span_bands(span_target)
    kind = report_format(fmt, output, interactive)
    check_format(kind, analyses)
    if bom and kind.name != "csv":
        raise InputError(f"--bom is for CSV, not --format {kind.name}", hint="use --format csv (or -o FILE.csv), or leave out --bom")
    if compare is not None and kind.name != "xlsx":
        raise InputError(f"--compare adds the workbook's Compare sheet; --format {kind.name} has none",
                         hint=f"write -o report.xlsx, or use `csdesign diff {compare} {org}` for {kind.name}")
    if "binary" in kind.traits and output is None:
        from csdesign.errors import OutputError

        raise OutputError(f"--format {kind.name} writes a binary file, not text for the terminal", hint=f"add -o report.{kind.name}")
    g = build_file(str(org), structure)
    if lang is None:  # client pages follow the org's language, as the chart export does
        from csdesign.render.chart.html import chart_lang

        lang = chart_lang(g, None) if "client" in kind.traits else "en"
    result = run_all(g, analyses, bands=bands, settings=capacity_settings(g))
    result.explain = explain
    if compare is not None:
        from csdesign.analysis.diff import diff

        before = build_file(str(compare), structure)
        result.changes = diff(before, g)
        result.before = before
    writer = kind.load_terminal() if output is None else kind.load()
    document = writer(result, lang)
    if bom:  # Excel on Windows reads UTF-8 CSV as the ANSI code page without it (Chinese garbled)
        document = "\ufeff" + document
    return document, bool(result.findings)
