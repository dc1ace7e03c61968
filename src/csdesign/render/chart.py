"""Chart outputs of one graph: DOT text or Graphviz-rendered SVG/PNG/PDF bytes."""

from __future__ import annotations

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
    source = to_dot(g, options)
    if fmt == "dot":
        return source.encode("utf-8"), None
    return engines.render(source, fmt, g.graph.get("layout", "dot"), engine)


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
