"""Explicit (as-is) orgs: one box per position in ``positions:``, wired as the file says.

The same graph contract as the eight generated structures (see contract.py), so render,
report and lint need not know where a graph came from:

* node id = position id; ``role_id`` = the linked role's id, else the position id;
* title from the position, else its role; duties and KPIs = the role's, then the position's own;
* headcount 1; ``name`` is the person (None for a vacancy); ``vacant`` as declared;
* level from the position, else its role when the role states one, else from the height of the
  position's reporting tree (0 individual, 1 supervisor, 2 manager, 3+ director);
* scope: ``head`` for the one position without ``reports_to``; else the role's scope when it
  states one; else ``unit`` when the position has a ``unit``, ``shared`` when not;
* ``unit: X`` becomes unit id ``unit:X`` (graph axis ``"unit"``), inside the unit its top
  people report into (UnitInfo ``parent``: a department holds its teams); product/region/segment/
  process/channel tags become ``coverage`` (an untagged axis means "all", as everywhere);
* ``reports_to`` is a solid edge, each ``dotted_to`` a dotted one; the head reports to the
  external node for ``company.cs_reports_to``; graph ``structure`` is ``"explicit"``.

Exactly one position may lack ``reports_to``: several tops are reported together (RL006).
"""

from __future__ import annotations

import networkx as nx

from csdesign.errors import ModelError, Problem
from csdesign.model import Org
from csdesign.model.messages_zh import bilingual
from csdesign.model.schema import AXES, Level, Position, Role, Scope, StructureType
from csdesign.model.yamlsource import format_path
from csdesign.structures.common import check_hierarchy, coverage, kpi_targets, new_graph
from csdesign.structures.contract import DOTTED, SOLID, RoleAttrs, UnitInfo, edge, graph_attrs, role_node, solid_view

#: graph["structure"] of an explicit org (not a StructureType: it is not generated from roles).
EXPLICIT = "explicit"
#: Problem code: more than one position without a manager.
SEVERAL_TOPS = "RL006"
#: Level inferred from how many reporting layers sit below a position.
LEVEL_BY_HEIGHT = (Level.individual, Level.supervisor, Level.manager, Level.director)


def is_explicit(org: Org) -> bool:
    return org.model.positions is not None


def build(org: Org) -> nx.DiGraph:
    """The as-is graph of an org with ``positions:``."""
    m = org.model
    positions = m.positions or []
    if not positions:
        line, col = org.where(("positions",), key=True)
        raise ModelError(
            "no positions",
            problems=[Problem(bilingual("`positions:` is empty"), org.file, line, col, path="positions",
                              hint=bilingual("list at least the CS head, or remove `positions:` to build from `roles:`"), code="S002")],
        )
    tops = [i for i, p in enumerate(positions) if p.reports_to is None]
    if len(tops) > 1:
        _fail_several_tops(org, tops)

    roles = {r.id: r for r in m.roles}
    g = new_graph(org, StructureType.functional, None, "dot", None)
    g.graph.update(structure=EXPLICIT, axis=None)
    head = positions[tops[0]].id if tops else None
    g.graph["head"] = head
    for i, pos in enumerate(positions):
        role = roles.get(pos.role) if pos.role else None
        unit_id = None
        if pos.unit is not None:
            unit_id = f"unit:{pos.unit}"
            g.graph["units"].setdefault(unit_id, UnitInfo(id=unit_id, axis="unit", value=pos.unit, label=pos.unit))
            g.graph["axis"] = "unit"
        g.add_node(pos.id, **_attrs(pos, i, role, head, unit_id))
    if head is not None:
        g.add_edge(g.graph["external"], head, **edge(SOLID))
    for pos in positions:
        if pos.reports_to is not None:
            g.add_edge(pos.reports_to, pos.id, **edge(SOLID))
    for pos in positions:
        for manager in pos.dotted_to:
            if manager != pos.reports_to and manager != pos.id and not g.has_edge(manager, pos.id):
                g.add_edge(manager, pos.id, **edge(DOTTED))
    check_hierarchy(org, g)  # cycles (also the "no top at all" case) and unreachable boxes
    _infer_levels(g, positions, roles)
    _nest_units(g, positions)
    return g


def _nest_units(g: nx.DiGraph, positions: list[Position]) -> None:
    """A unit sits inside the unit its top people report into: 客户成功部 holds 战略客户组 when
    the group's manager reports to the department's director (UnitInfo ``parent``).

    A unit's tops are its people whose manager is in another unit; their nearest manager with
    a unit (skipping managers without one) names the parent. Tops reporting into different
    units, or a parent that would sit inside the unit itself, leave the unit at the top level.
    """
    units = graph_attrs(g)["units"]
    if len(units) < 2:
        return
    unit_of = {p.id: f"unit:{p.unit}" if p.unit is not None else None for p in positions}
    manager = {p.id: p.reports_to for p in positions}
    found: dict[str, set[str | None]] = {}
    for p in positions:
        u = unit_of[p.id]
        if u is None or unit_of.get(p.reports_to or "") == u:
            continue
        m = p.reports_to
        while m is not None and unit_of.get(m) in (None, u):
            m = manager.get(m)
        found.setdefault(u, set()).add(unit_of[m] if m is not None else None)
    for u in units:
        parents = found.get(u, set())
        parent = next(iter(parents)) if len(parents) == 1 else None
        up = parent
        while up is not None and up != u:
            up = units[up].get("parent")
        if parent is not None and up is None:
            units[u]["parent"] = parent


def _attrs(pos: Position, index: int, role: Role | None, head: str | None, unit_id: str | None) -> RoleAttrs:
    if pos.id == head:
        scope = Scope.head
    elif role is not None and role.scope is not None and role.scope != Scope.head:
        scope = role.scope
    else:
        scope = Scope.unit if unit_id else Scope.shared
    cov = coverage(role) if role is not None else {}
    for axis in AXES:
        value = getattr(pos, axis)
        if value is not None:
            cov[axis] = [value]
    return role_node(
        role_id=role.id if role is not None else pos.id,
        title=pos.title or (role.title if role is not None else pos.id),
        level=pos.level.value if pos.level is not None else None,  # filled in by _infer_levels
        headcount=1,
        function=pos.function or (role.function if role is not None else None),
        scope=scope.value,
        duties=_merged(role.duties if role else [], pos.duties),
        kpis=_merged(role.kpi_names if role else [], pos.kpis),
        kpi_targets=kpi_targets(role),
        capacity=dict(role.capacity) if role is not None else {},
        skills=list(role.skills) if role is not None else [],
        unit=unit_id,
        coverage=dict(sorted(cov.items())),
        name=None if pos.vacant else pos.name,
        vacant=pos.vacant,
        assistant=role.assistant if role is not None else False,
        source=("positions", index),
    )


def _merged(first: list[str], second: list[str]) -> list[str]:
    out: list[str] = []
    for item in (*first, *second):
        if item not in out:
            out.append(item)
    return out


def _infer_levels(g: nx.DiGraph, positions: list[Position], roles: dict[str, Role]) -> None:
    solid = solid_view(g)
    height: dict[str, int] = {}
    for n in reversed(list(nx.topological_sort(solid))):
        below = [height[c] + 1 for c in solid.successors(n)]
        height[n] = max(below, default=0)
    for pos in positions:
        d = g.nodes[pos.id]
        if d["level"] is not None:
            continue
        role = roles.get(pos.role) if pos.role else None
        if role is not None and "level" in role.model_fields_set:
            d["level"] = role.level.value
        else:
            d["level"] = LEVEL_BY_HEIGHT[min(height[pos.id], len(LEVEL_BY_HEIGHT) - 1)].value


def fail_no_roles(org: Org, structure: str) -> None:
    """``--structure X`` on an as-is org builds a proposal from ``roles:``; there must be some."""
    line, col = org.where(("positions",), key=True)
    raise ModelError(
        "no roles to build a proposal from",
        problems=[
            Problem(
                bilingual("a {structure} proposal is built from `roles:`, and this as-is org has none (only {n} positions)", structure=structure, n=len(org.model.positions or [])),
                org.file, line, col, path="roles",
                hint=bilingual("add the roles the positions link to, or leave out --structure to draw the positions as they are"), code="S002",
            )
        ],
    )


def _fail_several_tops(org: Org, tops: list[int]) -> None:
    """One located problem per extra top position (the first declared one is taken as the head)."""
    positions = org.model.positions or []
    head = positions[tops[0]]
    problems = []
    for i in tops[1:]:
        path = ("positions", i)
        line, col = org.where(path)
        problems.append(
            Problem(
                bilingual("position {who} has no reports_to, but {head} is already the top position ({n} tops in all)", who=_who(positions[i]), head=_who(head), n=len(tops)),
                org.file, line, col, path=format_path(path),
                hint=bilingual("an as-is org has exactly one top position, the CS head: give this one a reports_to"), code=SEVERAL_TOPS,
            )
        )
    raise ModelError("several top positions", problems=problems)


def _who(pos: Position) -> str:
    return f"'{pos.id}'" + (f" ({pos.name})" if pos.name else "")
