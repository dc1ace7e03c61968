"""The graph contract: the only thing downstream code (analysis, lint, render) may rely on.

A ``networkx.DiGraph`` whose edges point from manager to report.

Graph attributes (``g.graph``):
  company, stage, kind, cs_reports_to, cs_reports_to_title (the executive's title as the file
  names it, or None), structure (a StructureType value, or "explicit" for an
  as-is org built from ``positions:``), axis (the cut: product/region/segment/process/function,
  "unit" for an explicit org with units, or None), secondary, layout ("dot" | "twopi"), head (node id of the CS
  head), external (node id of the parent the head reports to), units (unit id -> UnitInfo
  dict; ``parent`` names the unit it nests in, for an explicit org's teams inside departments), duties (expected duty catalogue), kpis (company KPIs), duty_scopes / kpi_scopes
  ({name: coverage} for catalogue entries limited with ``only:``), raci ({duty: {A,R,C,I: [role
  ids]}}), segments ({name: {accounts, arr}}), interfaces ([{between, mechanism}]),
  dimensions ({axis: [values]}), file.

Node attributes:
  kind: "external" (the executive CS reports to) or "role" (one box: a role instance or a person)
  role_id, title, level, headcount, function, scope, duties, kpis, capacity, unit (unit id or
  None), coverage ({axis: [values]}; an axis missing means "all"), name, vacant, source
  (path in the YAML, e.g. ("roles", 3)).

Edge attributes:
  kind: "solid" (reporting line) or "dotted" (matrix / dotted line, never part of the hierarchy)
"""

from __future__ import annotations

from typing import Any, Iterable, NotRequired, TypedDict

import networkx as nx

EXTERNAL = "external"
ROLE = "role"
SOLID = "solid"
DOTTED = "dotted"


class UnitInfo(TypedDict):
    id: str
    axis: str
    value: str
    label: str
    parent: NotRequired[str]  # the unit this one sits inside (explicit orgs: a department's team)


def roles(g: nx.DiGraph) -> Iterable[tuple[str, dict[str, Any]]]:
    """Role nodes with their attributes, in insertion (= declaration) order."""
    return ((n, d) for n, d in g.nodes(data=True) if d.get("kind") == ROLE)


def solid_view(g: nx.DiGraph) -> nx.DiGraph:
    """The reporting hierarchy only (dotted lines removed)."""
    return nx.subgraph_view(g, filter_edge=lambda u, v: g.edges[u, v].get("kind") == SOLID)


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
