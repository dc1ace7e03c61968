"""Choosing and producing the report's output format: what `csdesign report` prints or writes."""

from __future__ import annotations

from pathlib import Path

from csdesign.analysis import Report
from csdesign.errors import InputError, OutputError

FORMATS = ("table", "markdown", "json", "csv")
#: ``-o`` suffix -> format; ``.txt`` is the table as plain text.
SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".csv": "csv", ".txt": "table"}


def span_bands(value: str | None):
    """``--span-target LOW-HIGH`` as span bands (None: the default 8-12)."""
    if value is None:
        return None
    from csdesign.analysis.spans import make_bands

    lo, sep, hi = value.partition("-")
    if not sep or not lo.strip().isdigit() or not hi.strip().isdigit():
        raise InputError(f"--span-target: '{value}' is not a range like 8-12", hint="give the on-target span as LOW-HIGH")
    return make_bands(int(lo), int(hi))


def report_format(explicit: str | None, output: Path | None, interactive: bool) -> str:
    """``--format`` if given, else the ``-o`` suffix, else table in a terminal and Markdown otherwise."""
    if explicit:
        return explicit
    if output is not None:
        kind = SUFFIX_FORMATS.get(output.suffix.lower())
        if kind is None:
            raise OutputError(
                f"cannot tell the report format of '{output}'",
                hint="use a suffix (" + ", ".join(SUFFIX_FORMATS) + ") or --format " + "|".join(FORMATS),
            )
        return kind
    return "table" if interactive else "markdown"


def check_format(kind: str, analyses: tuple[str, ...] | list[str] | set[str]) -> None:
    if kind == "csv" and "raci" not in analyses:
        raise InputError("--format csv exports the RACI matrix, but --only leaves out raci", hint="add raci to --only or choose another format")


def report_document(result: Report, kind: str, lang: str, *, for_terminal: bool):
    """The report as text, or (table format in a terminal) as a rich renderable."""
    if kind == "json":
        from csdesign.render.report_json import report_json

        return report_json(result, lang)
    if kind == "csv":
        from csdesign.render.report_csv import report_csv

        return report_csv(result)
    if kind == "markdown":
        from csdesign.render.report_markdown import report_markdown

        return report_markdown(result, lang)
    from csdesign.render.report_table import report_renderable, report_text

    return report_renderable(result, lang) if for_terminal else report_text(result, lang)
