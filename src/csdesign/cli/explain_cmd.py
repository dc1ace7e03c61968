"""`csdesign explain`: what each structure is, its strengths, risks and when to use it (seed 003)."""

from __future__ import annotations

from typing import Optional

import typer

from csdesign.cli.app import app


@app.command()
def explain(
    structure: Optional[str] = typer.Argument(None, help="One structure (functional, product, market, geographic, process, matrix, circular, flat); omit for all eight.", metavar="[STRUCTURE]"),
    lang: str = typer.Option("en", "--lang", "-l", help="Language: en or zh."),
    fmt: str = typer.Option("text", "--format", "-f", help="text (terminal) or markdown."),
) -> None:
    """Explain the CS structures: description, how teams are cut, strengths, risks, when to use."""
    from csdesign.errors import CsdesignError, did_you_mean
    from csdesign.knowledge.guide import check_lang, structure_ids
    from csdesign.render.advice import explain_markdown, explain_text

    check_lang(lang)
    ids = None
    if structure is not None:
        name = structure.strip().lower()
        if name not in structure_ids():
            raise CsdesignError(
                f"unknown structure '{structure}'" + did_you_mean(name, structure_ids(), 0.5),
                hint="choose one of " + ", ".join(structure_ids()),
            )
        ids = [name]
    if fmt == "markdown":
        typer.echo(explain_markdown(ids, lang), nl=False)
    elif fmt == "text":
        from rich.console import Console

        Console(highlight=False).print(explain_text(ids, lang), end="")
    else:
        raise CsdesignError(f"unknown format '{fmt}'", hint="use text or markdown")
