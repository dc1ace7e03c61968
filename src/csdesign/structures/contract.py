"""The graph contract: the only thing downstream code (analysis, lint, render) may rely on.

A ``networkx.DiGraph`` whose edges point from manager to report, with the attributes typed
below: :class:`GraphAttrs` (``g.graph``), :class:`RoleAttrs` and :class:`ExternalAttrs`
(nodes) and :class:`EdgeAttrs` (edges). Builders make nodes with :func:`role_node` /
:func:`external_node` and edges with :func:`edge`; readers use :func:`graph_attrs`,
:func:`roles` and :func:`node_attrs` to get typed views. mypy checks both sides, and
tests/structures/test_contract.py checks every built graph carries exactly these keys.
"""

from __future__ import annotations

from typing import Any, Final, Iterable, Literal, NotRequired, TypedDict, cast

import networkx as nx

EXTERNAL: Final = "external"
ROLE: Final = "role"
SOLID: Final = "solid"
DOTTED: Final = "dotted"


class UnitInfo(TypedDict):
    id: str
    axis: str
    value: str
    label: str
    parent: NotRequired[str]  # the unit this one sits inside (explicit orgs: a department's team)


#: A scope as stored on a node: {axis: [values]}; an axis missing means "all".
Coverage = dict[str, list[str]]


class RoleAttrs(TypedDict):
    """One box: a role instance (generated structures) or a person (explicit orgs)."""

    kind: Literal["role"]
    role_id: str
    title: str
    level: str | None  # director | manager | supervisor | individual (None until inferred)
    headcount: int
    function: str | None
    scope: str  # head | lead | unit | shared (model.enums.Scope values)
    duties: list[str]
    kpis: list[str]  # KPI names
    kpi_targets: dict[str, dict[str, Any]]  # KPI name -> {target, baseline, by} for SMART KPIs
    capacity: dict[str, int]  # segment -> accounts one person covers
    skills: list[str]
    unit: str | None  # unit id (a key of GraphAttrs.units) or None
    coverage: Coverage
    name: str | None  # the person's name (explicit orgs), None for a role box or a vacancy
    vacant: bool
    assistant: bool  # an assistant / staff role: drawn beside its manager, not counted in spans
    source: tuple[str | int, ...]  # path in the YAML, e.g. ("roles", 3)


class ExternalAttrs(TypedDict):
    """The executive the CS head reports to (outside the department)."""

    kind: Literal["external"]
    title: str
    headcount: int


class EdgeAttrs(TypedDict):
    kind: Literal["solid", "dotted"]  # reporting line, or matrix / dotted line (never hierarchy)


class GraphAttrs(TypedDict, total=False):
    """``g.graph``. Every key is set by both builders (tests/structures/test_contract.py)."""

    company: str
    employees: int | None  # the company's headcount (lint ST rules size advice by it)
    stage: str  # startup | growth | enterprise
    kind: str  # company kind: internet | traditional
    cs_reports_to: str  # ceo | coo | sales | marketing | service | operations
    cs_reports_to_title: str | None  # the executive's title as the file names it (company.cs_reports_to_title), or None
    structure: str  # a StructureType value, or "explicit" for an org built from positions:
    axis: str | None  # the cut: product/region/segment/process/function, "unit", or None
    secondary: str | None  # a matrix's secondary axis
    layout: str  # "dot" | "twopi"
    head: str | None  # node id of the CS head
    external: str  # node id of the parent the head reports to
    units: dict[str, UnitInfo]
    duties: list[str]  # expected duty catalogue
    kpis: list[str]  # company KPIs
    duty_scopes: dict[str, Coverage]  # catalogue entries limited with only:
    kpi_scopes: dict[str, Coverage]
    duty_aliases: dict[str, list[str]]  # {catalogue name: [other names]}
    kpi_aliases: dict[str, list[str]]
    vocabulary: list[dict[str, Any]]  # [{concept, en, zh, kind, level, function, part_of, synonyms, modifiers}]
    raci: dict[str, dict[str, list[str]]]  # {duty: {A, R, C, I: [role ids]}}
    segments: dict[str, dict[str, float | None]]  # {name: {accounts, arr}}
    interfaces: list[dict[str, Any]]  # [{between, mechanism}]
    dimensions: dict[str, list[str]]  # {axis: [values]}
    file: str
    currency: str | None  # the company's currency for costs and ARR
    fx: dict[str, float]  # currency -> rate into ``currency``
    support: list[dict[str, Any]]  # support channels (model dump, plus their effective kind)
    costs: dict[str, dict[str, Any]]  # {"levels": {level: cost}, "roles": {role id: cost}}
    account_roles: list[str]  # role ids that carry accounts (capacity, or scoped by segment)
    capacity_settings: dict[str, Any]  # the file's `capacity:` table (non-default values only)


def role_node(
    *, role_id: str, title: str, level: str | None, headcount: int, function: str | None, scope: str, duties: list[str],
    kpis: list[str], kpi_targets: dict[str, dict[str, Any]], capacity: dict[str, int], skills: list[str], unit: str | None,
    coverage: Coverage, source: tuple[str | int, ...], name: str | None = None, vacant: bool = False, assistant: bool = False,
) -> RoleAttrs:
    """The attributes of a role box (what ``g.add_node(n, **role_node(...))`` stores)."""
    return RoleAttrs(kind="role", role_id=role_id, title=title, level=level, headcount=headcount, function=function, scope=scope,
                     duties=duties, kpis=kpis, kpi_targets=kpi_targets, capacity=capacity, skills=skills, unit=unit, coverage=coverage,
                     name=name, vacant=vacant, assistant=assistant, source=source)


def external_node(title: str) -> ExternalAttrs:
    return ExternalAttrs(kind="external", title=title, headcount=0)


def edge(kind: Literal["solid", "dotted"]) -> EdgeAttrs:
    return EdgeAttrs(kind=kind)


def graph_attrs(g: nx.DiGraph) -> GraphAttrs:
    """``g.graph`` as the typed contract."""
    return cast(GraphAttrs, g.graph)


def node_attrs(g: nx.DiGraph, n: str) -> RoleAttrs:
    """A role node's attributes, typed (use :func:`roles` to iterate them)."""
    return cast(RoleAttrs, g.nodes[n])


def roles(g: nx.DiGraph) -> Iterable[tuple[str, RoleAttrs]]:
    """Role nodes with their attributes, in insertion (= declaration) order."""
    return ((n, cast(RoleAttrs, d)) for n, d in g.nodes(data=True) if d.get("kind") == ROLE)


def solid_view(g: nx.DiGraph) -> nx.DiGraph:
    """The reporting hierarchy only (dotted lines removed)."""
    return nx.subgraph_view(g, filter_edge=lambda u, v: g.edges[u, v].get("kind") == SOLID)


def induced(g: nx.DiGraph, keep: set[str] | frozenset[str]) -> nx.DiGraph:
    """The subgraph on ``keep``, nodes and edges in ``g``'s order (a copy).

    ``g.subgraph(nodes)`` iterates a small node set in *set* order, which changes from run to
    run with string hashing; charts cut from it would then differ between runs."""
    h: nx.DiGraph = nx.DiGraph()
    h.graph.update(g.graph)
    h.add_nodes_from((n, dict(d)) for n, d in g.nodes(data=True) if n in keep)
    h.add_edges_from((u, v, dict(d)) for u, v, d in g.edges(data=True) if u in keep and v in keep)
    return h


def manager_of(g: nx.DiGraph, node: str) -> str | None:
    for u in g.predecessors(node):
        if g.edges[u, node].get("kind") == SOLID:
            return u
    return None


def solid_reports(g: nx.DiGraph, node: str) -> list[str]:
    return [v for v in g.successors(node) if g.edges[node, v].get("kind") == SOLID]


def dotted_reports(g: nx.DiGraph, node: str) -> list[str]:
    return [v for v in g.successors(node) if g.edges[node, v].get("kind") == DOTTED]


def lead_value(g: nx.DiGraph, node: str) -> str | None:
    """The secondary-axis value of a matrix lead replicated per value (``lead@region:APAC`` ->
    ``"APAC"``), else None: what tells its boxes apart, since they share one title."""
    d = g.nodes[node]
    secondary = g.graph.get("secondary")
    if d.get("scope") != "lead" or node == d.get("role_id") or not secondary:
        return None
    values = (d.get("coverage") or {}).get(secondary) or []
    return values[0] if len(values) == 1 else None


def covers(a: dict[str, list[str]], b: dict[str, list[str]]) -> dict[str, list[str]] | None:
    """Intersection of two coverages, or None when they are disjoint on some axis."""
    out: dict[str, list[str]] = {}
    for axis in sorted(set(a) | set(b)):
        if axis in a and axis in b:
            shared = [v for v in a[axis] if v in b[axis]]
            if not shared:
                return None
            out[axis] = shared
        else:
            out[axis] = list(a.get(axis) or b.get(axis) or [])
    return out
