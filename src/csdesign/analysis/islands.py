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


# --- seed 000 / 004 islands between teams and between departments ---------------------

#: The departments CS must work with (seed 000: shared data with Sales, retention strategy
#: with Marketing, joint projects with Product and technology), as interface names spell them.
DEPARTMENTS: dict[str, tuple[tuple[str, str], tuple[str, ...]]] = {
    "sales": (("Sales", "销售"), ("sales", "销售", "商务")),
    "product": (("Product", "产品"), ("product", "engineering", "r&d", "产品", "研发", "技术部")),
    "marketing": (("Marketing", "市场"), ("marketing", "市场", "营销")),
}


@dataclass(frozen=True)
class TeamIsland:
    """A support role with no link to the customer success roles serving the same customers."""

    support: str  # role id
    success: tuple[str, ...]  # role ids of the CSM-side roles it shares customers with
    nodes: tuple[str, ...]


def _family(g: nx.DiGraph, node: str) -> str | None:
    """"support" or "success" from a box's function and title (the vocabulary's role concepts)."""
    from csdesign.analysis.matching import ROLE_KINDS, matcher_for

    m = matcher_for(g, ROLE_KINDS)
    d = g.nodes[node]
    for text in (d.get("function"), d.get("title")):
        if text:
            hit = m.match(str(text))
            if hit.concept is not None and hit.concept.family in ("support", "success"):
                return hit.concept.family
    return None


def _names(g: nx.DiGraph, node: str) -> set[str]:
    """What an ``interfaces:`` entry may call a box: role id, title, function, unit."""
    from csdesign.analysis.matching import fold

    d = g.nodes[node]
    out = {d.get("role_id") or node, d.get("title"), d.get("function")}
    unit = (g.graph.get("units") or {}).get(d.get("unit")) if d.get("unit") else None
    if unit:
        out |= {unit["id"], unit["value"], unit["label"]}
    return {fold(x) for x in out if x}


def find_team_islands(g: nx.DiGraph) -> list[TeamIsland]:
    """Support teams whose customers (segments, regions) meet those of customer success roles
    with no link between them: neither manages the other (solid line, any depth), they do not
    report to the same manager, no dotted line joins them, and no ``interfaces:`` entry names
    both (seeds 000 and 004). A support team is a support role with the support roles below it
    (one finding per team, at its top role)."""
    from csdesign.analysis.base import tree_of
    from csdesign.analysis.matching import fold
    from csdesign.structures.contract import roles

    tree = tree_of(g)
    by_family: dict[str, dict[str, list[str]]] = {"support": {}, "success": {}}
    for n, _ in roles(g):
        fam = _family(g, n)
        if fam:
            by_family[fam].setdefault(g.nodes[n].get("role_id") or n, []).append(n)
    if not by_family["support"] or not by_family["success"]:
        return []
    interfaces = [{fold(x) for x in i.get("between") or ()} for i in g.graph.get("interfaces") or ()]

    def customers(n: str) -> dict[str, list[str]]:
        cov = g.nodes[n].get("coverage") or {}
        return {a: cov[a] for a in CUSTOMER_AXES if a in cov}

    def boss(n: str) -> str | None:
        return next((u for u in g.predecessors(n) if g.edges[u, n].get("kind") != DOTTED), None)

    def linked(a: str, b: str) -> bool:
        if tree.related(a, b) or g.has_edge(a, b) or g.has_edge(b, a) or boss(a) == boss(b):
            return True
        na, nb = _names(g, a), _names(g, b)
        return any(i & na and i & nb for i in interfaces)

    # support roles below another support role belong to its team
    support_nodes = {n for nodes in by_family["support"].values() for n in nodes}
    teams: dict[str, list[str]] = {}
    for sid, s_nodes in by_family["support"].items():
        top = sid
        for n in s_nodes:
            for m in support_nodes:
                if tree.above(m, n):
                    top = g.nodes[m].get("role_id") or m
        teams.setdefault(top, []).extend(s_nodes)
    while True:  # follow chains of support roles up to the top one
        moved = False
        for top in list(teams):
            above = next((t for t in teams if t != top and any(tree.above(m, teams[top][0]) for m in by_family["support"].get(t, ()))), None)
            if above is not None:
                teams[above].extend(teams.pop(top))
                moved = True
                break
        if not moved:
            break
    out = []
    for sid, s_nodes in teams.items():
        apart: dict[str, None] = {}
        for cid, c_nodes in by_family["success"].items():
            if cid == sid:
                continue
            shares = [(a, b) for a in s_nodes for b in c_nodes if covers(customers(a), customers(b)) is not None]
            if shares and not any(linked(a, b) for a, b in shares):
                apart[cid] = None
        if apart:
            nodes = tuple(dict.fromkeys([*s_nodes, *(n for cid in apart for n in by_family["success"][cid])]))
            out.append(TeamIsland(sid, tuple(apart), nodes))
    return out


def missing_departments(g: nx.DiGraph) -> list[str]:
    """Sales, Product and Marketing when ``interfaces:`` lists mechanisms but names none of them
    (a file with no ``interfaces:`` has not modelled collaboration yet: ST007 and the director's
    cross-department duty speak for it). Names of the CS
    department's own roles, functions, units and dimension values do not count: "产品支持" is
    a CS function, "Product A" a product)."""
    from csdesign.analysis.matching import fold
    from csdesign.structures.contract import roles

    internal: set[str] = set()
    for n, _ in roles(g):
        internal |= _names(g, n)
    for values in (g.graph.get("dimensions") or {}).values():
        internal |= {fold(v) for v in values}
    if not g.graph.get("interfaces"):
        return []
    named: set[str] = set()
    for iface in g.graph.get("interfaces") or ():
        for entry in iface.get("between") or ():
            text = fold(entry)
            if text in internal:
                continue
            for dept, (_, words) in DEPARTMENTS.items():
                if any(w in text.split() or (not w.isascii() and w in text) or (w.isascii() and text.startswith(w)) for w in words):
                    named.add(dept)
    return [] if named else list(DEPARTMENTS)
