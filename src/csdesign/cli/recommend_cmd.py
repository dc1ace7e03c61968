"""`csdesign recommend`: rank the structures for this company, with reasons a client can read."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from csdesign.cli.app import app, emit
from csdesign.cli.options import OrgArg
from csdesign.render.compare.formats import RECOMMEND_FORMATS


@app.command()
def recommend(
    org: Path = OrgArg,
    explain: bool = typer.Option(False, "--explain", help="Also show the score table (weight × points per rule)."),
    weights: Optional[Path] = typer.Option(None, "--weights", help="TOML file with a [weights] table, e.g. silos = 2.0 (rules: stage, dimensions, kind, silos, handoffs, spans, duties)."),
    lang: str = typer.Option("en", "--lang", "-l", help="Language of the reasons: en or zh."),
    fmt: str = typer.Option("table", "--format", "-f", help=RECOMMEND_FORMATS.help(), metavar=RECOMMEND_FORMATS.metavar()),
    top: Optional[int] = typer.Option(None, "--top", min=1, help="Show only the first N structures."),
) -> None:
    """Rank the eight structures for ORG.yaml by stage, dimensions, kind and measured metrics."""
    from csdesign.app.compare_job import recommend as run_recommend

    emit(run_recommend(org, fmt, weights=weights, lang=lang, top=top, explain=explain), pipe_width=120)
