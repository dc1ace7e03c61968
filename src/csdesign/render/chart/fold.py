"""Keeping a chart readable and fast: crowded leaf teams merge by title, and past the box
budget managers absorb their teams bottom level first ("team of N")."""

from __future__ import annotations

import networkx as nx

from csdesign.structures.contract import DOTTED, EXTERNAL, SOLID

#: Most boxes drawn before teams fold into summary boxes (dot slows sharply beyond this).
BOX_BUDGET = 1500
#: Once a chart is folded, also fold until at most this many boxes stand side by side.
MAX_COLUMNS = 120


def leaf_reports(g: nx.DiGraph, n: str) -> list[str]:
    return [
        v for v in g.successors(n)
        if g.edges[n, v].get("kind") == SOLID and not any(g.edges[v, w].get("kind") == SOLID for w in g.successors(v))
    ]


def collapse_large_teams(g: nx.DiGraph, limit: int) -> nx.DiGraph:
    """Merge a manager's leaf reports into one summary box per title when there are too many."""
    crowded = [n for n in g.nodes if len(leaf_reports(g, n)) > limit]
    if not crowded:
        return g
    h = g.copy()
    for n in crowded:
        groups: dict[str, list[str]] = {}
        for v in leaf_reports(g, n):
            if g.nodes[v].get("kind") != "role":
                continue
            groups.setdefault(g.nodes[v].get("title") or "", []).append(v)
        for title, members in groups.items():
            if len(members) < 2:
                continue
            first = g.nodes[members[0]]
            total = sum(g.nodes[v].get("headcount", 1) for v in members)
            summary = f"{n}#{title}"
            h.add_node(summary, **{**first, "name": None, "headcount": total, "vacant": False, "collapsed": len(members)})
            h.add_edge(n, summary, kind=SOLID)
            for v in members:
                for u, _, d in list(h.in_edges(v, data=True)):
                    if d.get("kind") == DOTTED and not h.has_edge(u, summary):
                        h.add_edge(u, summary, **d)
                h.remove_node(v)
    return h


def fit_to_budget(g: nx.DiGraph, collapse_after: int, budget: int, per_row: int = 6, max_columns: int = MAX_COLUMNS) -> nx.DiGraph:
    """Keep a chart readable and fast. Up to ``budget`` boxes every box is drawn (crowded leaf
    teams merge by title). Past it, every team's same-title leaves merge, then managers absorb
    their teams bottom level first ("team of N") until the chart has at most ``budget`` boxes
    and ``max_columns`` side by side. ``--focus`` on one part of the org shows it in detail."""
    h = collapse_large_teams(g, collapse_after)
    if h.number_of_nodes() <= budget:
        return h
    h = collapse_large_teams(h, 1)
    while h.number_of_nodes() > budget or _columns(h, per_row) > max_columns:
        folded = fold_bottom_teams(h)
        if folded.number_of_nodes() == h.number_of_nodes():
            break
        h = folded
    return h


def fold_bottom_teams(g: nx.DiGraph) -> nx.DiGraph:
    """Every manager below the CS head whose reports are all leaves absorbs them: its box
    then stands for its team (attribute ``team``: people under it)."""
    head = g.graph.get("head")
    keep = {head, g.graph.get("external")}
    h = g.copy()
    for n in list(g.nodes):
        if n in keep or g.nodes[n].get("kind") == EXTERNAL:
            continue
        reports = [v for v in g.successors(n) if g.edges[n, v].get("kind") == SOLID]
        if not reports or any(solid_children(g, v) for v in reports):
            continue
        people = sum(g.nodes[v].get("headcount", 1) + g.nodes[v].get("team", 0) for v in reports)
        h.nodes[n]["team"] = g.nodes[n].get("team", 0) + people
        for v in reports:
            for u, w, d in list(h.in_edges(v, data=True)) + list(h.out_edges(v, data=True)):
                if d.get("kind") == DOTTED:
                    a, b = (u, n) if w == v else (n, w)
                    if a != b and not h.has_edge(a, b):
                        h.add_edge(a, b, **d)
            h.remove_node(v)
    return h


def _columns(g: nx.DiGraph, per_row: int) -> int:
    """Boxes side by side on the widest layer, roughly: stacked leaf rows count ``per_row``."""
    return sum(min(len(leaf_reports(g, n)), per_row) for n in g.nodes)


def solid_children(g: nx.DiGraph, n: str) -> bool:
    return any(g.edges[n, w].get("kind") == SOLID for w in g.successors(n))
