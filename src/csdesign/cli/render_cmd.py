"""`csdesign render`: the org chart in the terminal or as SVG/PNG/PDF/DOT."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from csdesign.cli.app import app, say
from csdesign.cli.options import Engine, OrgArg, StructureOpt, StructureType


@app.command()
def render(
    org: Path = OrgArg,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the chart here (.svg, .png, .pdf, .dot, .mmd, .json, .html); omit for a terminal tree."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="Output format when the suffix does not say (svg, png, pdf, dot, mmd, json, html)."),
    structure: Optional[StructureType] = StructureOpt,
    depth: Optional[int] = typer.Option(None, "--depth", min=1, help="Show only this many levels below the CS head (head = 1)."),
    focus: Optional[str] = typer.Option(None, "--focus", help="Show only this role's subtree (role id)."),
    engine: Engine = typer.Option(Engine.auto, "--engine", help="Graphviz to use: system, embedded (SVG only) or auto."),
) -> None:
    """Draw the org chart of ORG.yaml."""
    from csdesign.render import select
    from csdesign.structures import build_file

    g = build_file(str(org), structure)
    if focus:
        g = select.focus(g, focus)
    if depth:
        g = select.depth(g, depth)
    if output is None:
        from rich.console import Console

        from csdesign.render.terminal import tree

        Console().print(tree(g))
        return
    from csdesign.render.chart import chart_bytes, format_for
    from csdesign.render.output import write_atomic

    kind = format_for(output, fmt)
    data, used = chart_bytes(g, kind, engine.value)
    write_atomic(output, data)
    if used:
        say(f"rendered with the {used} Graphviz engine")
    say(f"wrote {output}")
