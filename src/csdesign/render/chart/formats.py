"""Chart formats (`csdesign render -o FILE` / `--format`), one :class:`Format` each.

Writers: a format with the ``graphviz`` trait is drawn by Graphviz from the DOT source
(:func:`csdesign.render.chart.graphviz.chart_bytes`, ``dot -T<name>``) and can colour boxes
(``--highlight``, ``--compare``); any other format's writer is ``writer(graph) -> str`` and
is written as UTF-8.
"""

from __future__ import annotations

from pathlib import Path

from csdesign.formats import Format, FormatRegistry

GRAPHVIZ = frozenset({"graphviz"})
_DRAW = "csdesign.render.chart.graphviz:chart_bytes"

CHART_FORMATS = FormatRegistry("chart", [
    Format("svg", _DRAW, "vector chart", (".svg",), traits=GRAPHVIZ),
    Format("png", _DRAW, "bitmap", (".png",), traits=GRAPHVIZ),
    Format("pdf", _DRAW, "print", (".pdf",), traits=GRAPHVIZ),
    Format("dot", _DRAW, "Graphviz source", (".dot", ".gv"), traits=GRAPHVIZ),
    Format("mmd", "csdesign.render.chart.mermaid:to_mermaid", "Mermaid flowchart", (".mmd", ".mermaid")),
    Format("json", "csdesign.render.chart.json_graph:to_json", "node-link graph", (".json",)),
    Format("html", "csdesign.render.chart.html:to_html", "interactive page", (".html", ".htm")),
])


def format_for(path: str | Path, explicit: str | None = None) -> str:
    """Output format from ``--format`` or the file suffix."""
    return CHART_FORMATS.choose(explicit, path).name
