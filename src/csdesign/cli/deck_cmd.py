"""`csdesign deck`: the steering-committee PowerPoint deck."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from csdesign.cli.app import app, say
from csdesign.cli.options import OrgArg, StructureOpt, StructureType


@app.command()
def deck(
    org: Path = OrgArg,
    output: Path = typer.Option(..., "--output", "-o", help="The deck to write (.pptx)."),
    compare: Optional[Path] = typer.Option(None, "--compare", help="The org before the change: adds the change slides.", metavar="BEFORE.yaml"),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of the slides: en or zh (user names stay as written). Default zh when the org is written in Chinese, else en."),
    template: Optional[Path] = typer.Option(None, "--template", help="The client's .pptx whose slide master and layouts to use."),
    page: str = typer.Option("16:9", "--page", help="Slide size without a template: 16:9 or 4:3."),
    structure: Optional[StructureType] = StructureOpt,
    date: Optional[str] = typer.Option(None, "--date", help="Date on the title slide, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)."),
) -> None:
    """Write an editable PowerPoint deck for ORG.yaml: summary, native org chart, findings, RACI, spans, structures."""
    from csdesign.app.deck_job import deck as build_deck
    from csdesign.errors import OutputError
    from csdesign.fileio import check_output, write_atomic

    data = build_deck(org, compare=compare, lang=lang, template=template, page=page,
                      structure=structure.value if structure else None, date=date)
    check_output(output)  # an input named as the output is refused first, as by every command
    if output.suffix.lower() != ".pptx":
        raise OutputError(f"cannot write a deck to '{output}'", hint="give -o a .pptx file")
    write_atomic(output, data)
    say(f"wrote {output}")
