"""Information islands (silo risk): units that serve the same customers with no declared link.

Seed 004 names information islands between teams as a failure mode; seed 003 says product
structures become silos when customers use several products, process structures lose
customers in hand-offs, functional ones stop sharing what would improve retention. Units cut
by product, process, channel or function share customers unless their roles are limited to
different segments or regions. Two units are linked when an ``interfaces:`` entry names both
(by value, unit id or a member's role id) or a matrix lead has dotted lines into both; links
are transitive (union-find). Used by lint rule ST006 and by ``compare`` (silo risk).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from csdesign.structures.contract import DOTTED, covers

#: Cuts whose units share customers by default.
SHARED_CUSTOMER_AXES = ("product", "process", "channel", "function")
#: Axes that tell customers apart (a unit limited to other segments/regions serves others).
CUSTOMER_AXES = ("segment", "region")


@dataclass(frozen=True)
class Island:
    """A group of linked units that shares customers with earlier groups it has no link to."""

    units: tuple[str, ...]  # unit ids of this linked group
    apart: tuple[str, ...]  # unit ids of earlier groups sharing customers, unlinked
    pairs: tuple[tuple[str, str], ...]  # (unit in this group, unit apart) sharing customers


def find_islands(g: nx.DiGraph) -> list[Island]:
    """Unlinked groups of units that share customers, in unit order (empty for other cuts)."""
    units = g.graph.get("units") or {}
    if g.graph.get("axis") not in SHARED_CUSTOMER_AXES or len(units) < 2:
        return []
    ids = list(units)
    members: dict[str, list[str]] = {u: [] for u in ids}
    for n, d in g.nodes(data=True):
        if d.get("unit") in members:
            members[d["unit"]].append(n)
    parent = {u: u for u in ids}

    def find(u: str) -> str:
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    def link(group: list[str]) -> None:
        for u in group[1:]:
            a, b = find(group[0]), find(u)
            if a != b:
                parent[max(a, b)] = min(a, b)

    names = {u: {units[u]["value"], u, *(g.nodes[n].get("role_id") for n in members[u])} for u in ids}
    for iface in g.graph.get("interfaces") or ():
        link([u for u in ids if names[u] & set(iface.get("between") or ())])
    unit_of = {n: u for u in ids for n in members[u]}
    reached: dict[str, dict[str, None]] = {}  # lead -> units its dotted lines reach (one pass over edges)
    for lead, n, kind in g.edges(data="kind"):
        if kind == DOTTED and n in unit_of:
            reached.setdefault(lead, {})[unit_of[n]] = None
    for units_reached in reached.values():
        link(list(units_reached))

    def customers(u: str) -> dict[str, list[str]]:
        out: dict[str, list[str] | None] = {}
        for n in members[u]:
            cov = g.nodes[n].get("coverage") or {}
            for axis in CUSTOMER_AXES:
                if axis not in cov:
                    out[axis] = None
                elif out.get(axis, []) is not None:
                    out.setdefault(axis, []).extend(cov[axis])  # type: ignore[union-attr]
        return {a: v for a, v in out.items() if v is not None}

    groups: dict[str, list[str]] = {}
    for u in ids:
        groups.setdefault(find(u), []).append(u)
    cust = {u: customers(u) for u in ids}
    earlier: list[str] = []
    islands: list[Island] = []
    for group in groups.values():
        pairs = tuple((a, b) for a in group for b in earlier if covers(cust[a], cust[b]) is not None)
        apart = tuple(b for b in earlier if any(p[1] == b for p in pairs))
        earlier.extend(group)
        if apart:
            islands.append(Island(tuple(group), apart, pairs))
    return islands
