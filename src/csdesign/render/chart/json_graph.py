"""Graph -> node-link JSON (``render -o chart.json``); the format is documented in docs/exports.md.

Written by hand rather than with ``networkx.node_link_data`` because that function renamed its
``links`` key between networkx releases; this shape is ours and versioned (``version``). Keys
are sorted and non-ASCII text is kept (UTF-8), so the same org gives byte-identical JSON.
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

FORMAT = "csdesign.graph"
VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "value") and not isinstance(value, (str, int, float, bool)):  # enums
        return value.value
    return value


def node_link(g: nx.DiGraph) -> dict[str, Any]:
    """The graph as a JSON-ready dict: format, version, graph, nodes (in order), links (in order)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "directed": True,
        "multigraph": False,  # networkx.node_link_graph reads a MultiDiGraph without it
        "graph": _plain(dict(g.graph)),
        "nodes": [{"id": n, **_plain(d)} for n, d in g.nodes(data=True)],
        "links": [{"source": u, "target": v, **_plain(d)} for u, v, d in g.edges(data=True)],
    }


def to_json(g: nx.DiGraph) -> str:
    return json.dumps(node_link(g), ensure_ascii=False, sort_keys=True, indent=2) + "\n"
