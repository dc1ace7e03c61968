"""Views of the graph for charts: cut at a depth, or focus on one role's subtree."""

from __future__ import annotations

import networkx as nx

from csdesign.errors import CsdesignError, did_you_mean
from csdesign.structures.contract import ROLE, dotted_reports, induced, solid_view


#: Candidates listed when --focus is ambiguous, before "... and N more".
MAX_CANDIDATES = 10


def focus(g: nx.DiGraph, role: str) -> nx.DiGraph:
    """The subtree under the boxes ``role`` names, plus the path up; a matrix lead brings its
    dotted-line reports (and their managers) along.

    ``role`` is a node or role id; else a title, or a person's name, that names one role or
    one person; else a unique prefix of any of these. Several candidates are a usage error
    listing them.
    """
    starts = _focus_targets(g, role.strip())
    solid = solid_view(g)
    keep: set[str] = set()
    for s in starts:
        keep |= {s} | nx.descendants(solid, s) | nx.ancestors(solid, s)
        for v in dotted_reports(g, s):
            keep |= {v} | nx.ancestors(solid, v)
    return _induced(g, keep)


def _focus_targets(g: nx.DiGraph, wanted: str) -> list[str]:
    boxes = [(n, d) for n, d in g.nodes(data=True) if d.get("kind") == ROLE]
    exact = [n for n, d in boxes if n == wanted or d.get("role_id") == wanted]
    if exact:
        return exact
    folded = wanted.casefold()

    def texts(n: str, d: dict) -> list[str]:
        return [t for t in (n, d.get("role_id"), d.get("title"), d.get("name")) if t]

    tiers = (
        [n for n, d in boxes if folded in (str(d.get("title") or "").casefold(), str(d.get("name") or "").casefold())],
        [n for n, d in boxes if any(str(t).casefold().startswith(folded) for t in texts(n, d))] if folded else [],
    )
    for found in tiers:
        if not found:
            continue
        groups: dict[str, list[str]] = {}
        for n in found:
            groups.setdefault(_group(g, n), []).append(n)
        if len(groups) == 1:
            return found
        raise CsdesignError(f"--focus: '{wanted}' matches {len(groups)} boxes: " + _candidates(g, groups), hint="give one of their ids")
    ids = sorted({str(d["role_id"]) for _, d in boxes if d.get("role_id")} | {str(d["title"]) for _, d in boxes if d.get("title")})
    raise CsdesignError(f"--focus: no role '{wanted}' in this chart" + did_you_mean(wanted, ids), hint="use a role id, a title or a name from the file")


def _group(g: nx.DiGraph, n: str) -> str:
    """What one --focus target is: a role, with all its boxes (an as-is position that links no
    role is its own role)."""
    return g.nodes[n].get("role_id") or n


def _candidates(g: nx.DiGraph, groups: dict[str, list[str]]) -> str:
    shown = []
    for key, nodes in list(groups.items())[:MAX_CANDIDATES]:
        d = g.nodes[nodes[0]]
        who = " · ".join(str(x) for x in (d.get("name"), d.get("title")) if x)
        shown.append(f"{key} ({who})")
    more = len(groups) - MAX_CANDIDATES
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


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
