"""Chart outputs of one graph: DOT text or Graphviz-rendered SVG/PNG/PDF bytes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import networkx as nx

from csdesign.errors import OutputError
from csdesign.render import engines
from csdesign.render.dot import DotOptions, to_dot

FORMATS = ("svg", "png", "pdf", "dot", "mmd", "json", "html")
#: Formats written by csdesign itself, without Graphviz (docs/exports.md).
TEXT_EXPORTS = ("mmd", "json", "html")
_SUFFIX_ALIASES = {"gv": "dot", "mermaid": "mmd", "htm": "html"}


def format_for(path: str | Path, explicit: str | None = None) -> str:
    """Output format from ``--format`` or the file suffix."""
    if explicit:
        fmt = explicit.lower()
        if fmt not in FORMATS:
            raise OutputError(f"--format: unknown format '{explicit}'", hint=f"use one of {', '.join(FORMATS)}")
    else:
        fmt = Path(path).suffix.lower().lstrip(".")
        fmt = _SUFFIX_ALIASES.get(fmt, fmt)
    if fmt not in FORMATS:
        raise OutputError(f"cannot tell the output format of '{path}'", hint=f"use a suffix or --format: {', '.join(FORMATS)}")
    return fmt


def chart_bytes(g: nx.DiGraph, fmt: str, engine: str = "auto", options: DotOptions | None = None) -> tuple[bytes, str | None]:
    """Bytes of the chart in ``fmt`` and the Graphviz engine used (None for DOT and text exports)."""
    if fmt in TEXT_EXPORTS:
        return export_text(g, fmt).encode("utf-8"), None
    opts = options or DotOptions()
    if fmt == "dot":
        return to_dot(g, opts).encode("utf-8"), None
    layout = g.graph.get("layout", "dot")
    chosen = engines.choose(engine, layout, fmt)
    if chosen == "embedded" and opts.splines is None:
        # orthogonal routing exhausts the WebAssembly stack on all but small charts
        opts = replace(opts, splines="polyline")
    source = to_dot(g, opts)
    try:
        return engines.render(source, fmt, layout, chosen), chosen
    except OutputError:
        if "splines=ortho" not in source:
            raise
        # Graphviz's orthogonal router has assertion failures on some graphs (maze.c in 2.43):
        # polylines always route, so draw with them rather than fail.
        return engines.render(to_dot(g, replace(opts, splines="polyline")), fmt, layout, chosen), chosen


def export_text(g: nx.DiGraph, fmt: str) -> str:
    """Mermaid, node-link JSON or interactive HTML (modules imported only when asked for)."""
    if fmt == "mmd":
        from csdesign.render.mermaid import to_mermaid

        return to_mermaid(g)
    if fmt == "json":
        from csdesign.render.json_graph import to_json

        return to_json(g)
    from csdesign.render.html import to_html

    return to_html(g)
