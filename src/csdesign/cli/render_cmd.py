"""`csdesign render`: the org chart in the terminal or as SVG/PNG/PDF/DOT."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from csdesign.analysis.registry import ANALYSES
from csdesign.cli.app import app, say
from csdesign.cli.options import Engine, OrgArg, StructureOpt, StructureType
from csdesign.render.chart.formats import CHART_FORMATS, format_for


@app.command()
def render(
    org: Path = OrgArg,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the chart here (" + ", ".join(CHART_FORMATS.suffixes()) + "); omit for a terminal tree."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=CHART_FORMATS.help("Output format when the suffix does not say: "), metavar=CHART_FORMATS.metavar()),
    structure: Optional[StructureType] = StructureOpt,
    depth: Optional[int] = typer.Option(None, "--depth", min=1, help="Show only this many levels below the CS head (head = 1)."),
    focus: Optional[str] = typer.Option(None, "--focus", help="Show only this role's subtree: a role id, or a unique title, name or prefix."),
    engine: Engine = typer.Option(Engine.auto, "--engine", help="Graphviz to use: system, embedded (SVG only) or auto."),
    highlight: Optional[str] = typer.Option(None, "--highlight", help="Mark the boxes in report findings: " + ", ".join(ANALYSES.highlights()) + " or all (comma-separated)."),
    compare: Optional[Path] = typer.Option(None, "--compare", help="Colour what changed since this org (added, moved, changed; removed in the legend).", metavar="BEFORE.yaml"),
) -> None:
    """Draw the org chart of ORG.yaml."""
    from csdesign.app.chart_job import chart_file, prepare, terminal_view

    job = prepare(org, structure, focus=focus, depth=depth, highlight=highlight, compare=compare)
    if output is None:
        from rich.console import Console

        console = Console()
        for part in terminal_view(job):
            console.print(part)
        return
    from csdesign.render.output import write_atomic

    data, used = chart_file(job, format_for(output, fmt), engine.value)
    write_atomic(output, data)
    if used:
        say(f"rendered with the {used} Graphviz engine")
    say(f"wrote {output}")
