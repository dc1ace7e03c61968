"""`csdesign diff`: a reorganisation from BEFORE.yaml to AFTER.yaml, box by box and duty by duty."""

from __future__ import annotations

import io
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from csdesign.cli.app import app, say
from csdesign.cli.options import StructureType
from csdesign.errors import EXIT_FINDINGS


class DiffFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"


@app.command("diff")
def diff_(
    before: Path = typer.Argument(..., help="The org today (as-is or a proposal).", metavar="BEFORE.yaml"),
    after: Path = typer.Argument(..., help="The org after the change.", metavar="AFTER.yaml"),
    fmt: DiffFormat = typer.Option(DiffFormat.table, "--format", "-f", help="table (terminal), markdown (PR comment) or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    before_structure: Optional[StructureType] = typer.Option(None, "--before-structure", help="Build BEFORE as this structure (default: as the file says).", case_sensitive=False),
    after_structure: Optional[StructureType] = typer.Option(None, "--after-structure", help="Build AFTER as this structure (default: as the file says).", case_sensitive=False),
    lang: str = typer.Option("en", "--lang", help="Language of overlap and gap messages: en or zh."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when the two orgs differ (like git diff --exit-code)."),
) -> None:
    """Show what changes from BEFORE.yaml to AFTER.yaml: boxes, duties, overlaps, gaps, spans."""
    from csdesign.knowledge.guide import check_lang
    from csdesign.analysis.diff import diff
    from csdesign.structures import build_file

    check_lang(lang)
    result = diff(build_file(str(before), before_structure), build_file(str(after), after_structure))
    if fmt == DiffFormat.table and output is None:
        from rich.console import Console

        from csdesign.render.diff_table import to_table

        Console().print(to_table(result, lang))
    else:
        text = _text(result, fmt, lang)
        if output is None:
            sys.stdout.write(text)
        else:
            from csdesign.render.output import write_atomic

            write_atomic(output, text)
            say(f"wrote {output}")
    if exit_code and result.changed:
        raise typer.Exit(EXIT_FINDINGS)


def _text(result, fmt: DiffFormat, lang: str) -> str:
    if fmt == DiffFormat.json:
        from csdesign.render.diff_json import to_json

        return to_json(result, lang)
    if fmt == DiffFormat.markdown:
        from csdesign.render.diff_markdown import to_markdown

        return to_markdown(result, lang)
    from rich.console import Console

    from csdesign.render.diff_table import to_table

    console = Console(record=True, width=120, file=io.StringIO(), color_system=None)
    console.print(to_table(result, lang))
    return console.export_text()
