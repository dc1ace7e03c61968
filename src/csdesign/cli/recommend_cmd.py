"""`csdesign recommend`: rank the structures for this company, with reasons a client can read."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from csdesign.cli.app import app
from csdesign.cli.options import OrgArg


@app.command()
def recommend(
    org: Path = OrgArg,
    explain: bool = typer.Option(False, "--explain", help="Also show the score table (weight × points per rule)."),
    weights: Optional[Path] = typer.Option(None, "--weights", help="TOML file with a [weights] table, e.g. silos = 2.0 (rules: stage, dimensions, kind, silos, handoffs, spans, duties)."),
    lang: str = typer.Option("en", "--lang", "-l", help="Language of the reasons: en or zh."),
    fmt: str = typer.Option("table", "--format", "-f", help="table (terminal), markdown or json."),
    top: Optional[int] = typer.Option(None, "--top", min=1, help="Show only the first N structures."),
) -> None:
    """Rank the eight structures for ORG.yaml by stage, dimensions, kind and measured metrics."""
    from csdesign.analysis.compare import compare
    from csdesign.analysis.recommend import load_weights
    from csdesign.analysis.recommend import recommend as run_recommend
    from csdesign.cli.compare_cmd import check_format
    from csdesign.knowledge.guide import check_lang
    from csdesign.model import load_org
    from csdesign.render import compare_text

    check_format(fmt, ("table", "markdown", "json"))
    check_lang(lang)
    w = load_weights(weights) if weights is not None else None
    rec = run_recommend(compare(load_org(str(org))), w, lang)
    if top:
        rec.ranking = rec.ranking[:top]
    if fmt == "json":
        typer.echo(compare_text.recommend_json(rec, explain), nl=False)
    elif fmt == "markdown":
        typer.echo(compare_text.recommend_markdown(rec, explain), nl=False)
    else:
        from rich.console import Console

        Console(width=None if sys.stdout.isatty() else 120).print(compare_text.recommend_rich(rec, explain))
