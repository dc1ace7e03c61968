"""Chart bytes of one graph: DOT text or Graphviz-rendered SVG/PNG/PDF, or a text export."""

from __future__ import annotations

from dataclasses import replace

import networkx as nx

from csdesign.errors import OutputError
from csdesign.render.chart import engines
from csdesign.render.chart.dot import DotOptions, to_dot
from csdesign.render.chart.formats import CHART_FORMATS


def chart_bytes(g: nx.DiGraph, fmt: str, engine: str = "auto", options: DotOptions | None = None) -> tuple[bytes, str | None]:
    """Bytes of the chart in ``fmt`` and the Graphviz engine used (None for DOT and text exports)."""
    f = CHART_FORMATS.get(fmt)
    if "graphviz" not in f.traits:  # written by csdesign itself: writer(graph) -> str
        return f.load()(g).encode("utf-8"), None
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
