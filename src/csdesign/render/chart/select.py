"""Views of the graph for charts: cut at a depth, or focus on one role's subtree."""

from __future__ import annotations

import networkx as nx

from csdesign.errors import CsdesignError, did_you_mean
from csdesign.structures.contract import solid_view


def focus(g: nx.DiGraph, role: str) -> nx.DiGraph:
    """The subtree under every instance of ``role`` (a role id or a node id), plus the path up."""
    starts = [n for n, d in g.nodes(data=True) if n == role or d.get("role_id") == role]
    if not starts:
        ids = sorted({str(d["role_id"]) for _, d in g.nodes(data=True) if d.get("role_id")})
        raise CsdesignError(f"--focus: no role '{role}' in this chart" + did_you_mean(role, ids), hint="use a role id from the file")
    solid = solid_view(g)
    keep: set[str] = set()
    for s in starts:
        keep |= {s} | nx.descendants(solid, s) | nx.ancestors(solid, s)
    return _induced(g, keep)


def depth(g: nx.DiGraph, levels: int) -> nx.DiGraph:
    """Only boxes within ``levels`` reporting lines below the CS head (head = level 1)."""
    if levels < 1:
        raise CsdesignError("--depth must be at least 1")
    dist = nx.single_source_shortest_path_length(solid_view(g), g.graph["head"], cutoff=levels - 1)
    keep = set(dist) | {g.graph["external"]}
    return _induced(g, keep)


def _induced(g: nx.DiGraph, keep: set[str]) -> nx.DiGraph:
    h = g.subgraph([n for n in g.nodes if n in keep]).copy()
    h.graph = dict(g.graph)
    h.graph["units"] = {u: info for u, info in g.graph.get("units", {}).items() if any(d.get("unit") == u for _, d in h.nodes(data=True))}
    return h
