"""Overlap (one duty, two roles, a shared scope) and delegation (a manager and their report).

Linear: duties are indexed to their owners in one pass; within a duty, owners are bucketed by
the structure's cut axis, and only owners of *different* roles in the same bucket are compared
(plus owners that cover the whole axis). Replicas of one role never meet (they partition the
scope), and a manager/report pair is delegation, found by one DFS over the reporting tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import networkx as nx

from csdesign.analysis.base import (
    RoleRef,
    ScopeKey,
    Tree,
    bucket_axis,
    format_scope,
    index_attr,
    merge_scopes,
    pick,
    q,
    role_ref,
    scope_axes,
    scope_key,
    tree_of,
    units_of,
)
from csdesign.structures.contract import covers


@dataclass(frozen=True)
class Clash:
    """One item (duty or KPI) held by two roles whose scopes intersect."""

    item: str
    roles: tuple[RoleRef, RoleRef]
    scope: ScopeKey
    units: tuple[str, ...]
    nodes: tuple[str, ...]


@dataclass(frozen=True)
class Overlap:
    """A duty owned by two different roles in a shared scope."""

    duty: str
    roles: tuple[RoleRef, RoleRef]
    scope: ScopeKey
    units: tuple[str, ...]
    nodes: tuple[str, ...]
    kind: str = field(default="overlap", init=False)

    def message(self, lang: str = "en") -> str:
        a, b = (r.label() for r in self.roles)
        where = format_scope(self.scope, lang)
        return pick(
            lang,
            f"duty {q(lang, self.duty)} has two owners: {a} and {b} both hold it in {where}; "
            "give it one owner per scope (or split it by scope) and write the split into both job descriptions",
            f"职责{q(lang, self.duty)}有两个负责人：{a} 与 {b} 在{where}范围内都负责此项；"
            "请每个范围只保留一个负责人（或按范围拆分），并写入双方的岗位说明书",
        )

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "duty": self.duty,
            "roles": [r.to_dict() for r in self.roles],
            "scope": {axis: list(values) for axis, values in self.scope},
            "units": list(self.units),
            "nodes": list(self.nodes),
            "message": self.message(lang),
        }


@dataclass(frozen=True)
class Delegation:
    """A duty held by a manager and again by someone in their solid-line subtree (not an overlap)."""

    duty: str
    manager: RoleRef
    report: RoleRef
    units: tuple[str, ...]
    nodes: tuple[str, ...]
    kind: str = field(default="delegation", init=False)

    def message(self, lang: str = "en") -> str:
        m, r = self.manager.label(), self.report.label()
        return pick(
            lang,
            f"duty {q(lang, self.duty)} is held by {m} and delegated to {r} in their team; "
            "make sure the job descriptions say who is accountable and who does the work",
            f"职责{q(lang, self.duty)}由 {m} 负责，并下放给其团队中的 {r}；"
            "请在岗位说明书中写明谁对结果负责、谁具体执行",
        )

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "duty": self.duty,
            "manager": self.manager.to_dict(),
            "report": self.report.to_dict(),
            "units": list(self.units),
            "nodes": list(self.nodes),
            "message": self.message(lang),
        }


def clashes(
    g: nx.DiGraph,
    owners: dict[str, list[str]],
    *,
    skip_related: bool = True,
    tree: Tree | None = None,
) -> list[Clash]:
    """For each item, the pairs of roles whose owning nodes' coverages intersect.

    ``owners`` maps item -> nodes (see ``index_attr``). Same-role pairs (replicas) are never
    compared; with ``skip_related`` a manager/report pair is skipped too (delegation).
    """
    tree = tree or tree_of(g)
    axis = bucket_axis(g)
    order = scope_axes(g)
    nodes_data = g.nodes
    rank = {n: i for i, n in enumerate(g)}
    found: dict[tuple[str, str, str], tuple[dict[str, None], dict[ScopeKey, dict]]] = {}
    item_order: list[str] = []

    for item, nodes in owners.items():
        if len({nodes_data[n].get("role_id", n) for n in nodes}) < 2:
            continue
        buckets: dict[str, dict[str, list[str]]] = {}
        wide: dict[str, list[str]] = {}
        for n in nodes:
            rid = nodes_data[n].get("role_id", n)
            values = (nodes_data[n].get("coverage") or {}).get(axis) if axis else None
            if values is None:
                wide.setdefault(rid, []).append(n)
            else:
                for v in values:
                    buckets.setdefault(v, {}).setdefault(rid, []).append(n)
        seen: set[tuple[str, str]] = set()

        def compare(groups_a: dict[str, list[str]], groups_b: dict[str, list[str]], same: bool) -> None:
            rids_a = list(groups_a)
            for i, ra in enumerate(rids_a):
                for rb in (rids_a[i + 1 :] if same else groups_b):
                    if ra == rb:
                        continue
                    for a in groups_a[ra]:
                        for b in groups_b[rb]:
                            pair = (a, b) if rank[a] < rank[b] else (b, a)
                            if pair in seen:
                                continue
                            seen.add(pair)
                            if skip_related and tree.related(a, b):
                                continue
                            shared = covers(nodes_data[a].get("coverage") or {}, nodes_data[b].get("coverage") or {})
                            if shared is None:
                                continue
                            first, second = pair
                            r1, r2 = nodes_data[first].get("role_id", first), nodes_data[second].get("role_id", second)
                            key = (item, r1, r2)
                            if key not in found:
                                found[key] = ({}, {})
                                if item not in item_order:
                                    item_order.append(item)
                            acc_nodes, acc_scopes = found[key]
                            acc_nodes.setdefault(first, None)
                            acc_nodes.setdefault(second, None)
                            acc_scopes.setdefault(scope_key(shared), shared)

        for groups in buckets.values():
            compare(groups, groups, True)
            if wide:
                compare(groups, wide, False)
        compare(wide, wide, True)

    out = []
    for (item, r1, r2), (acc_nodes, acc_scopes) in found.items():
        nodes = tuple(sorted(acc_nodes, key=rank.__getitem__))
        first = next(n for n in nodes if nodes_data[n].get("role_id", n) == r1)
        second = next(n for n in nodes if nodes_data[n].get("role_id", n) == r2)
        scope = merge_scopes(acc_scopes.values(), order)
        out.append(Clash(item, (role_ref(g, first), role_ref(g, second)), scope_key(scope), units_of(g, nodes), nodes))
    position = {item: i for i, item in enumerate(owners)}
    out.sort(key=lambda c: (position[c.item], rank[c.nodes[0]], [rank[n] for n in c.nodes]))
    return out


def find_overlaps(g: nx.DiGraph) -> list[Overlap]:
    """Duties owned by two different roles whose coverage intersects (delegation and replicas excluded)."""
    return [Overlap(c.item, c.roles, c.scope, c.units, c.nodes) for c in clashes(g, index_attr(g, "duties"))]


def find_delegations(g: nx.DiGraph) -> list[Delegation]:
    """Duties held by a node and again by a node in its solid-line subtree (nearest holder above)."""
    tree = tree_of(g)
    nodes_data = g.nodes
    rank = {n: i for i, n in enumerate(g)}
    holders: dict[str, list[str]] = {}
    found: dict[tuple[str, str, str], dict[str, None]] = {}
    duty_rank: dict[str, int] = {}

    def duties(n: str) -> Iterable[str]:
        return dict.fromkeys(nodes_data[n].get("duties") or ())

    roots = sorted(tree.tin, key=tree.tin.__getitem__)
    roots = [n for n in roots if tree.depth.get(n) == 0]
    for root in roots:
        stack: list[tuple[str, bool]] = [(root, False)]
        while stack:
            n, leaving = stack.pop()
            if leaving:
                for duty in duties(n):
                    holders[duty].pop()
                continue
            for duty in duties(n):
                above = holders.get(duty)
                if above:
                    manager = above[-1]
                    key = (duty, nodes_data[manager].get("role_id", manager), nodes_data[n].get("role_id", n))
                    acc = found.setdefault(key, {})
                    acc.setdefault(manager, None)
                    acc.setdefault(n, None)
                    duty_rank.setdefault(duty, len(duty_rank))
                holders.setdefault(duty, []).append(n)
            stack.append((n, True))
            for child in reversed(tree.children[n]):
                stack.append((child, False))

    out = []
    for (duty, mrid, rrid), acc in found.items():
        nodes = tuple(sorted(acc, key=rank.__getitem__))
        manager = next(n for n in nodes if nodes_data[n].get("role_id", n) == mrid)
        report = next(n for n in reversed(nodes) if nodes_data[n].get("role_id", n) == rrid)
        out.append(Delegation(duty, role_ref(g, manager), role_ref(g, report), units_of(g, nodes), nodes))
    out.sort(key=lambda d: (duty_rank[d.duty], rank[d.nodes[0]], [rank[n] for n in d.nodes]))
    return out

