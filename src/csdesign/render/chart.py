"""Chart outputs of one graph: DOT text or Graphviz-rendered SVG/PNG/PDF bytes."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from csdesign.errors import OutputError
from csdesign.render import engines
from csdesign.render.dot import DotOptions, to_dot

FORMATS = ("svg", "png", "pdf", "dot")


def format_for(path: str | Path, explicit: str | None = None) -> str:
    """Output format from ``--format`` or the file suffix."""
    if explicit:
        fmt = explicit.lower()
    else:
        fmt = Path(path).suffix.lower().lstrip(".")
        if fmt == "gv":
            fmt = "dot"
    if fmt not in FORMATS:
        raise OutputError(f"cannot tell the output format of '{path}'", hint=f"use a suffix or --format: {', '.join(FORMATS)}")
    return fmt


def chart_bytes(g: nx.DiGraph, fmt: str, engine: str = "auto", options: DotOptions | None = None) -> tuple[bytes, str | None]:
    """Bytes of the chart in ``fmt`` and the Graphviz engine used (None for DOT)."""
    source = to_dot(g, options)
    if fmt == "dot":
        return source.encode("utf-8"), None
    return engines.render(source, fmt, g.graph.get("layout", "dot"), engine)
