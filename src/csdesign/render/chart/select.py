"""Views of the graph for charts: cut at a depth, or focus on one role's subtree."""

from __future__ import annotations

import networkx as nx

from csdesign.errors import CsdesignError, did_you_mean
from csdesign.structures.contract import induced, solid_view


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
    solid = solid_view(g)
    dist = nx.single_source_shortest_path_length(solid, g.graph["head"], cutoff=levels - 1)
    keep = set(dist) | {g.graph["external"]}
    h = _induced(g, keep)
    _unit_summaries(g, h, solid, [n for n, k in dist.items() if k == levels - 1])
    return h


def _unit_summaries(g: nx.DiGraph, h: nx.DiGraph, solid: nx.DiGraph, boundary: list[str]) -> None:
    """Keep the unit grouping under a depth cut: below each boundary box, one box per unit
    its cut-off team reaches, titled with the unit's caption and saying how many people."""
    from csdesign.structures.contract import ROLE, SOLID

    units = g.graph.get("units", {})
    for n in boundary:
        people: dict[str, int] = {}
        for v in nx.descendants(solid, n):
            u = g.nodes[v].get("unit")
            if isinstance(u, str) and u in units and u != g.nodes[n].get("unit"):
                people[u] = people.get(u, 0) + int(g.nodes[v].get("headcount") or 1)
        for u in units:
            if u in people:
                sid = f"{n}#{u}"
                h.add_node(sid, kind=ROLE, title="", level=None, headcount=1, unit=u, team=people[u], role_id=None, summary=True, scope="unit", duties=[], kpis=[])
                h.add_edge(n, sid, kind=SOLID)
    h.graph["units"] = {u: info for u, info in g.graph.get("units", {}).items() if any(d.get("unit") == u for _, d in h.nodes(data=True))}


def _induced(g: nx.DiGraph, keep: set[str]) -> nx.DiGraph:
    h = induced(g, keep)
    h.graph["units"] = {u: info for u, info in g.graph.get("units", {}).items() if any(d.get("unit") == u for _, d in h.nodes(data=True))}
    return h
