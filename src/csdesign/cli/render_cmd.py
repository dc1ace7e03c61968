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
    highlight: Optional[str] = typer.Option(None, "--highlight", help="Mark the boxes in report findings: overlaps, gaps, duplicates, raci, kpis, spans, capacity or all (comma-separated)."),
    compare: Optional[Path] = typer.Option(None, "--compare", help="Colour what changed since this org (added, moved, changed; removed in the legend).", metavar="BEFORE.yaml"),
) -> None:
    """Draw the org chart of ORG.yaml."""
    from csdesign.render import select
    from csdesign.structures import build_file

    g = build_file(str(org), structure)
    marks = None
    if highlight:
        from csdesign.render.report_highlight import parse_highlight, report_highlights

        marks = report_highlights(g, parse_highlight(highlight))
    changes = None
    if compare is not None:  # against the whole org, before --focus/--depth cut the view
        from csdesign.analysis.diff import diff

        changes = diff(build_file(str(compare)), g)
    if focus:
        g = select.focus(g, focus)
    if depth:
        g = select.depth(g, depth)
    if output is None:
        from rich.console import Console

        from csdesign.render.terminal import tree

        Console().print(tree(g))
        if changes is not None:
            from csdesign.render.diff_table import to_table

            Console().print(to_table(changes))
        return
    from csdesign.render.chart import TEXT_EXPORTS, chart_bytes, format_for
    from csdesign.render.output import write_atomic

    kind = format_for(output, fmt)
    options = None
    if changes is not None:
        from csdesign.errors import OutputError
        from csdesign.render.diff_chart import compare_options

        if kind in TEXT_EXPORTS:
            raise OutputError(f"--compare colours Graphviz charts; it cannot mark changes in .{kind}", hint="write .svg, .png, .pdf or .dot, or use `csdesign diff`")
        options = compare_options(changes, g)
    if marks is not None:
        from csdesign.errors import OutputError
        from csdesign.render.dot import DotOptions
        from csdesign.render.report_highlight import restrict

        if kind in TEXT_EXPORTS:
            raise OutputError(f"--highlight colours Graphviz charts; it cannot mark findings in .{kind}", hint="write .svg, .png, .pdf or .dot, or use `csdesign report`")
        options = options or DotOptions()
        options.highlights.extend(restrict(marks, g))
    data, used = chart_bytes(g, kind, engine.value, options)
    write_atomic(output, data)
    if used:
        say(f"rendered with the {used} Graphviz engine")
    say(f"wrote {output}")
