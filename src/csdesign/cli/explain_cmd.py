"""`csdesign explain`: what each structure is, its strengths, risks and when to use it (seed 003)."""

from __future__ import annotations

from typing import Optional

import typer

from csdesign.cli.app import app


@app.command()
def explain(
    structure: Optional[str] = typer.Argument(None, help="One structure (functional, product, market, geographic, process, matrix, circular, flat), or a topic (placement, layers, roles, tiers, modules, failure-modes, changing-responsibilities, metrics, vocabulary); omit for all eight structures.", metavar="[STRUCTURE|TOPIC]"),
    lang: str = typer.Option("en", "--lang", "-l", help="Language: en or zh."),
    fmt: str = typer.Option("text", "--format", "-f", help="text (terminal) or markdown."),
) -> None:
    """Explain the CS structures (description, how teams are cut, strengths, risks, when to use) and the topics of the source articles."""
    from csdesign.errors import CsdesignError, did_you_mean
    from csdesign.knowledge.guide import check_lang, structure_ids, topic_ids
    from csdesign.render.advice import explain_markdown, explain_text, topic_markdown, topic_text

    check_lang(lang)
    ids = None
    if structure is not None:
        name = structure.strip().lower()
        if name in topic_ids():
            if fmt not in ("text", "markdown"):
                raise CsdesignError(f"unknown format '{fmt}'", hint="use text or markdown")
            if fmt == "markdown":
                typer.echo(topic_markdown(name, lang), nl=False)
            else:
                from rich.console import Console

                Console(highlight=False).print(topic_text(name, lang), end="")
            return
        if name not in structure_ids():
            known = structure_ids() + topic_ids()
            raise CsdesignError(
                f"unknown structure or topic '{structure}'" + did_you_mean(name, known, 0.5),
                hint="structures: " + ", ".join(structure_ids()) + "; topics: " + ", ".join(topic_ids()),
            )
        ids = [name]
    if fmt == "markdown":
        typer.echo(explain_markdown(ids, lang), nl=False)
    elif fmt == "text":
        from rich.console import Console

        Console(highlight=False).print(explain_text(ids, lang), end="")
    else:
        raise CsdesignError(f"unknown format '{fmt}'", hint="use text or markdown")
