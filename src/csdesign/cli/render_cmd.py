"""`csdesign render`: the org chart in the terminal or as SVG/PNG/PDF/DOT."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from csdesign.analysis.registry import ANALYSES
from csdesign.cli.app import app
from csdesign.cli.options import Engine, OrgArg, StdinNameOpt, StructureOpt, StructureType
from csdesign.render.chart.formats import CHART_FORMATS

PAGES = "16:9, 4:3, a4, a3, letter or none"


@app.command()
def render(
    org: Path = OrgArg,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the chart here (" + ", ".join(CHART_FORMATS.suffixes()) + "); omit for a terminal tree. Page 2 on is NAME-2.svg, NAME-3.svg, … (PDF: one document)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=CHART_FORMATS.help("Output format when the suffix does not say: "), metavar=CHART_FORMATS.metavar()),
    structure: Optional[StructureType] = StructureOpt,
    depth: Optional[int] = typer.Option(None, "--depth", min=1, help="Show only this many levels below the CS head (head = 1)."),
    focus: Optional[str] = typer.Option(None, "--focus", help="Show only this role's subtree: a role id, or a unique title, name or prefix."),
    engine: Engine = typer.Option(Engine.auto, "--engine", help="Graphviz to use: embedded (pygraphviz's bundled Graphviz), system (dot on PATH) or auto (embedded when installed)."),
    highlight: Optional[str] = typer.Option(None, "--highlight", help="Mark the boxes in report findings: " + ", ".join(ANALYSES.highlights()) + " or all (comma-separated)."),
    compare: Optional[Path] = typer.Option(None, "--compare", help="Colour what changed since this org (added, moved, changed; removed in the legend).", metavar="BEFORE.yaml"),
    page: str = typer.Option("16:9", "--page", help=f"Page shape: {PAGES}. Charts too big for one legible page are paginated.", metavar="PAGE"),
    portrait: bool = typer.Option(False, "--portrait", help="Portrait pages (default landscape)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of the chart's own words (levels, legend, titles): en or zh. Default zh when the org is written in Chinese, else en."),
    label: str = typer.Option("title,name,headcount,level", "--label", help="What boxes show: any of title, name, headcount, level (comma-separated)."),
    view: str = typer.Option("chart", "--view", help="chart, or grid (a matrix as a table: units × dotted-line leads)."),
    dpi: Optional[int] = typer.Option(None, "--dpi", min=72, max=1200, help="PNG resolution (default 192)."),
    scale: Optional[float] = typer.Option(None, "--scale", min=0.75, max=12.0, help="PNG scale, 1 = 96 dpi (default 2)."),
    stdin_filename: Optional[str] = StdinNameOpt,
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the render cache (charts drawn before from the same inputs and options are read back)."),
) -> None:
    """Draw the org chart of ORG.yaml."""
    from csdesign.cli.render_run import render_main

    render_main(org, output, fmt, None if structure is None else structure.value, depth, focus, engine.value, highlight,
                compare, page, portrait, lang, label, view, dpi, scale, stdin_filename, no_cache)
