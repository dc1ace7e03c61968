"""Shared building blocks: every structure is "head + shared roles + units of replicated roles".

A structure module only says how the department is cut into units (and, for matrix, which
dotted lines cross them); this module does the rest the same way for all eight, so the graph
contract (see contract.py) holds everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping
from typing import Any, Callable

import networkx as nx

from csdesign.errors import ModelError, Problem
from csdesign.model import Org
from csdesign.model.load import CYCLE_HINT, cycle_message
from csdesign.model.messages_zh import bilingual
from csdesign.model.schema import AXES, LEVEL_RANK, Level, Role, Scope, StructureType, VocabularyEntry
from csdesign.model.yamlsource import format_path
from csdesign.structures.contract import DOTTED, SOLID, GraphAttrs, RoleAttrs, UnitInfo, edge, external_node, role_node

PLACEMENT_TITLES = {
    "ceo": "CEO",
    "coo": "COO",
    "sales": "Sales",
    "marketing": "Marketing",
    "service": "Service",
    "operations": "Operations",
}

CYCLE = "RL001"


@dataclass
class Cut:
    """How a structure divides the department: units, which roles each unit gets, layout."""

    axis: str | None  # product/region/segment/process/function, None for flat
    units: list[str]  # axis values, in declaration order
    admits: Callable[[Role, str], bool] = lambda role, value: True
    layout: str = "dot"
    flat: bool = False
    secondary: str | None = None


def effective_scope(role: Role, head_id: str | None) -> Scope:
    if role.id == head_id:
        return Scope.head
    if role.scope is not None and role.scope != Scope.head:
        return role.scope
    return Scope.shared if role.level == Level.director else Scope.unit


def find_head(org: Org) -> Role:
    roles = org.model.roles
    if not roles:
        line, col = org.where(("roles",), key=True) if "roles" in (org.source.data or {}) else (1, 1)
        raise ModelError(
            "no roles",
            problems=[Problem(bilingual("the org has no roles"), org.file, line, col, hint=bilingual("add at least the CS head under `roles:`"), code="S002")],
        )
    explicit = [r for r in roles if r.scope == Scope.head]
    if explicit:
        return explicit[0]
    candidates = [r for r in roles if r.scope is None and r.reports_to is None]
    pool = candidates or roles
    return min(pool, key=lambda r: LEVEL_RANK[r.level])


def only_admits(role: Role, axis: str, value: str) -> bool:
    allowed = role.only.get(AXES.get(axis, ""))  # type: ignore[call-overload]
    return allowed is None or value in allowed


def coverage_of(only: Mapping[Any, list[str]]) -> dict[str, list[str]]:
    """An ``only:`` limit as a coverage dict keyed by singular axis names."""
    return {singular: list(only[plural]) for singular, plural in AXES.items() if plural in only}


def coverage(role: Role, axis: str | None = None, value: str | None = None) -> dict[str, list[str]]:
    cov = coverage_of(role.only)
    if axis in AXES and value is not None:
        cov[axis] = [value]
    return dict(sorted(cov.items()))


#: A role's duties, KPI names, KPI targets, capacity, skills and source, as its boxes carry them.
RoleParts = tuple[list[str], list[str], dict[str, dict[str, Any]], dict[str, int], list[str], tuple[str, int]]


def role_attrs(role: Role, index: int, scope: Scope, unit: str | None, cov: dict[str, list[str]],
               shared: dict[str, RoleParts] | None = None) -> RoleAttrs:
    """A role box's attributes. With ``shared`` (one dict per graph), every box of a role holds
    the same lists (nothing changes a box's lists in place): a role replicated in 10,000 units
    stores them once, not 10,000 times."""
    parts = None if shared is None else shared.get(role.id)
    if parts is None:
        parts = (list(role.duties), role.kpi_names, kpi_targets(role), dict(role.capacity), list(role.skills), ("roles", index))
        if shared is not None:
            shared[role.id] = parts
    duties, kpis, targets, capacity, skills, source = parts
    return role_node(
        role_id=role.id, title=role.title, level=role.level.value, headcount=role.headcount, function=role.function, scope=scope.value,
        duties=duties, kpis=kpis, kpi_targets=targets, capacity=capacity, skills=skills,
        unit=unit, coverage=cov, source=source, assistant=role.assistant,
    )


def kpi_targets(role: Role | None) -> dict[str, dict]:
    """KPI name -> {target, baseline, by} for the KPIs a role writes as SMART goals."""
    if role is None:
        return {}
    return {k.name: {"target": k.target, "baseline": k.baseline, "by": k.by.isoformat() if k.by else None} for k in role.kpis if k.smart}


def _vocabulary_entry(v: VocabularyEntry) -> dict[str, Any]:
    d: dict[str, Any] = v.model_dump(exclude_none=True)
    if v.level is not None:
        d["level"] = v.level.value
    return d


def new_graph(org: Org, structure: StructureType, cut_axis: str | None, layout: str, secondary: str | None) -> nx.DiGraph:
    m = org.model
    g = nx.DiGraph()
    g.graph.update(GraphAttrs(
        company=m.company.name,
        employees=m.company.employees,
        stage=m.company.effective_stage.value,
        kind=m.company.kind.value,
        cs_reports_to=m.company.cs_reports_to.value,
        cs_reports_to_title=m.company.cs_reports_to_title,
        structure=structure.value,
        axis=cut_axis,
        secondary=secondary,
        layout=layout,
        units={},
        duties=[item.name for item in m.duties],
        kpis=[item.name for item in m.kpis],
        # catalogue entries limited to some scopes: name -> {axis: [values]} (missing = all)
        duty_scopes={item.name: coverage_of(item.only) for item in m.duties if item.only},
        kpi_scopes={item.name: coverage_of(item.only) for item in m.kpis if item.only},
        # other names of catalogue entries, and the file's vocabulary extensions (analysis/matching.py)
        duty_aliases={item.name: list(item.aliases) for item in m.duties if item.aliases},
        kpi_aliases={item.name: list(item.aliases) for item in m.kpis if item.aliases},
        vocabulary=[_vocabulary_entry(v) for v in m.vocabulary],
        raci={duty: entry.model_dump() for duty, entry in m.raci.items()},
        segments={s.name: s.model_dump(exclude={"name"}, mode="json") for s in m.dimensions.segments},
        currency=m.company.currency,
        fx=dict(m.company.fx),
        support=[c.model_dump(mode="json") | {"kind": c.effective_kind.value} for c in m.support.channels],
        costs={"levels": {level.value: v for level, v in m.costs.levels.items()}, "roles": dict(m.costs.roles)},
        capacity_settings=m.capacity.model_dump(exclude_defaults=True, mode="json"),
        # roles that carry accounts (CSM capacity): a `capacity:` or an `only: {segments: ...}`
        account_roles=[r.id for r in m.roles if r.capacity or "segments" in r.only],
        interfaces=[i.model_dump() for i in m.interfaces],
        dimensions={axis: m.dimensions.values(axis) for axis in AXES},
        file=org.file,
    ))
    ext = "@" + m.company.cs_reports_to.value
    g.add_node(ext, **external_node(m.company.cs_reports_to_title or PLACEMENT_TITLES[m.company.cs_reports_to.value]))
    g.graph["external"] = ext
    return g


def build_from_cut(org: Org, structure: StructureType, cut: Cut) -> nx.DiGraph:
    """Assemble the graph for any structure from its cut."""
    m = org.model
    head = find_head(org)
    g = new_graph(org, structure, cut.axis, cut.layout, cut.secondary)
    index = {r.id: i for i, r in enumerate(m.roles)}
    scope = {r.id: effective_scope(r, head.id) for r in m.roles}
    shared: dict[str, RoleParts] = {}

    g.add_node(head.id, **role_attrs(head, index[head.id], Scope.head, None, coverage(head), shared))
    g.add_edge(g.graph["external"], head.id, **edge(SOLID))
    g.graph["head"] = head.id

    single = [r for r in m.roles if r.id != head.id and (cut.flat or scope[r.id] in (Scope.shared, Scope.lead))]
    unit_roles = [r for r in m.roles if r.id != head.id and not cut.flat and scope[r.id] == Scope.unit]
    matrix_leads: list[tuple[Role, str | None]] = []
    for r in single:
        if not cut.flat and scope[r.id] == Scope.lead and cut.secondary and cut.secondary in AXES:
            for value in m.dimensions.values(cut.secondary):
                if only_admits(r, cut.secondary, value):
                    node = f"{r.id}@{cut.secondary}:{value}"
                    g.add_node(node, **role_attrs(r, index[r.id], Scope.lead, None, coverage(r, cut.secondary, value), shared))
                    matrix_leads.append((r, node))
        else:
            g.add_node(r.id, **role_attrs(r, index[r.id], scope[r.id], None, coverage(r), shared))
            if scope[r.id] == Scope.lead:
                matrix_leads.append((r, r.id))
    for r in single:
        nodes = [n for n, d in g.nodes(data=True) if d.get("role_id") == r.id]
        parent = head.id if cut.flat else (r.reports_to or head.id)
        if parent != head.id and scope.get(parent) == Scope.unit:
            _fail_shared_to_unit(org, r, index[r.id])
        for node in nodes:
            if parent in g:
                g.add_edge(parent, node, **edge(SOLID))
            else:  # parent is a replicated lead: attach to the head instead
                g.add_edge(head.id, node, **edge(SOLID))

    # Per role, once: its box's attributes and its coverage outside the cut axis. A role's
    # boxes differ only in unit and cut-axis value, and share the other coverage lists (as
    # they share duties: nothing changes a box's lists in place).
    templates: dict[str, tuple[RoleAttrs, dict[str, list[str]], list[str]]] = {}
    cut_axis = cut.axis if cut.axis in AXES else None

    def add_unit_box(node: str, r: Role, unit_id: str, value: str) -> None:
        """Add the box ``role_attrs(r, ..., Scope.unit, unit_id, coverage(r, cut.axis, value), shared)`` describes."""
        t = templates.get(r.id)
        if t is None:
            base = coverage_of(r.only)
            t = templates[r.id] = (role_attrs(r, index[r.id], Scope.unit, None, {}, shared), base,
                                   sorted(set(base) | ({cut_axis} if cut_axis else set())))
        attrs, base, axes = t
        g.add_node(node)
        box = g.nodes[node]
        box.update(attrs)
        box["unit"] = unit_id
        box["coverage"] = {a: [value] if a == cut_axis else base[a] for a in axes}

    placed: list[tuple[str, list[Role]]] = []
    instances: dict[str, list[str]] = {}
    for value in cut.units:
        members = [r for r in unit_roles if cut.admits(r, value)]
        if not members:
            continue
        unit_id = f"{cut.axis}:{value}"
        g.graph["units"][unit_id] = UnitInfo(id=unit_id, axis=cut.axis or "", value=value, label=value)
        placed.append((unit_id, members))
        for r in members:
            node = f"{r.id}@{unit_id}"
            add_unit_box(node, r, unit_id, value)
            instances.setdefault(r.id, []).append(node)
    solid: list[tuple[str, str]] = []
    for unit_id, members in placed:
        present = {r.id for r in members}
        for r in members:
            node = f"{r.id}@{unit_id}"
            target = r.reports_to
            if target and target in present:
                parent = f"{target}@{unit_id}"
            elif target and scope.get(target) != Scope.unit and target in g:
                parent = target
            elif target and len(instances.get(target, [])) == 1:
                # a manager in another unit that exists once (e.g. another function's lead)
                parent = instances[target][0]
            else:
                parent = _nesting_parent(r, members, unit_id) or head.id
            solid.append((parent, node))
    g.add_edges_from(solid, **edge(SOLID))

    if cut.secondary:
        _add_matrix_lines(g, cut, matrix_leads)
    check_hierarchy(org, g)
    return g


def _nesting_parent(role: Role, members: list[Role], unit_id: str) -> str | None:
    """Inside a unit, report to the nearest higher level present (first declared wins)."""
    rank = LEVEL_RANK[role.level]
    above = [r for r in members if LEVEL_RANK[r.level] < rank]
    if not above:
        return None
    nearest = max(LEVEL_RANK[r.level] for r in above)
    first = next(r for r in members if LEVEL_RANK[r.level] == nearest)
    return f"{first.id}@{unit_id}"


def _add_matrix_lines(g: nx.DiGraph, cut: Cut, leads: list[tuple[Role, str | None]]) -> None:
    """Dotted lines from secondary-axis leads to the members they coordinate in each unit."""
    by_function: dict[str, list[str]] = {}  # unit members by function, in graph order (one pass)
    if cut.secondary == "function":
        for n, d in g.nodes(data=True):
            if d.get("unit") and d.get("function"):
                by_function.setdefault(d["function"], []).append(n)
    for role, lead_node in leads:
        if lead_node is None:
            continue
        if cut.secondary == "function":
            targets = [n for n in by_function.get(role.function or "", ()) if n != lead_node]
        else:
            value = g.nodes[lead_node]["coverage"].get(cut.secondary, [None])[0]
            targets = []
            for unit_id in g.graph["units"]:
                for n, d in g.nodes(data=True):
                    if d.get("unit") != unit_id:
                        continue
                    parent = next((u for u in g.predecessors(n) if g.edges[u, n]["kind"] == SOLID), None)
                    top = parent is None or g.nodes[parent].get("unit") != unit_id
                    cov = d["coverage"].get(cut.secondary)
                    if top and (cov is None or value in cov):
                        targets.append(n)
        for t in targets:
            if not g.has_edge(lead_node, t):
                g.add_edge(lead_node, t, **edge(DOTTED))


def _fail_shared_to_unit(org: Org, role: Role, index: int) -> None:
    line, col = org.where(("roles", index, "reports_to"))
    raise ModelError(
        "shared role reports to a unit role",
        problems=[
            Problem(
                bilingual("role '{id}' (one instance) reports to '{manager}', which is replicated per unit, so its manager is ambiguous", id=role.id, manager=role.reports_to),
                org.file, line, col, path=format_path(("roles", index, "reports_to")),
                hint=bilingual("point it at a head or shared role, or make it `scope: unit`"), code="RL004",
            )
        ],
    )


def check_hierarchy(org: Org, g: nx.DiGraph) -> None:
    """Reporting cycles and roles unreachable from the top are errors naming the roles."""
    if _is_tree(g):  # the usual case, checked in linear time without networkx
        return
    # Something is wrong: find it the thorough way on a plain graph of the solid edges (same
    # node and edge order as the view it replaces, so the same cycle is named).
    solid = nx.DiGraph()
    solid.add_nodes_from(g)
    solid.add_edges_from((u, v) for u, v, kind in g.edges(data="kind") if kind == SOLID)
    cycle = None
    if not nx.is_directed_acyclic_graph(solid):
        cycle = nx.find_cycle(solid)
    if cycle:
        nodes = [u for u, _ in cycle]
        names = [g.nodes[n].get("role_id", n) for n in nodes]
        seen: list[str] = []
        for name in names:
            if name not in seen:
                seen.append(name)
        first = g.nodes[nodes[0]].get("source")
        path = (*first, "reports_to") if first else ()
        line, col = org.where(path)
        raise ModelError(
            "reporting cycle",
            problems=[Problem(cycle_message(seen), org.file, line, col, path=format_path(path), hint=bilingual(CYCLE_HINT), code=CYCLE)],
        )
    reachable = nx.descendants(solid, g.graph["external"]) | {g.graph["external"]}
    stray = [n for n in g if n not in reachable]
    if stray:
        d = g.nodes[stray[0]]
        path = (*d.get("source", ()), "reports_to")
        line, col = org.where(path)
        names = ", ".join(sorted({g.nodes[n].get("role_id", n) for n in stray}))
        raise ModelError(
            "unreachable roles",
            problems=[Problem(bilingual("roles not connected to the CS head: {ids}", ids=names), org.file, line, col, path=format_path(path),
                              hint=bilingual("give them a reports_to inside the org"), code="RL005")],
        )


def _is_tree(g: nx.DiGraph) -> bool:
    """Solid edges form one tree hanging from the external node: no cycle, nothing stray."""
    children: dict[str, list[str]] = {}
    has_parent: set[str] = set()
    for u, v, kind in g.edges(data="kind"):
        if kind == SOLID:
            if v in has_parent:
                return False
            has_parent.add(v)
            children.setdefault(u, []).append(v)
    top = g.graph["external"]
    if top in has_parent:
        return False
    seen = {top}
    stack = [top]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return len(seen) == g.number_of_nodes()
