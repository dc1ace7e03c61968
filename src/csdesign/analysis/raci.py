"""RACI: exactly one Accountable and at least one Responsible per duty per scope; the matrix.

The RACI entry names role ids; each id stands for all its replicas, so "A: csm" in a product
structure is one Accountable per product, which is right. Two Accountable roles are a problem
only where their scopes intersect (found like overlaps); a letter whose roles leave some
dimension value uncovered is a per-scope problem ("no Accountable in region West").
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from csdesign.analysis.base import RoleRef, ScopeKey, format_scope, join, pick, q, role_ref, role_refs, units_of
from csdesign.spacing import zh
from csdesign.analysis.gaps import uncovered
from csdesign.analysis.overlap import clashes
from csdesign.structures.contract import roles

LETTERS = ("A", "R", "C", "I")
#: Cell value for a duty a role holds but that has no RACI entry.
HOLDS = "x"

RULES = {
    "no-accountable": ("has no Accountable role", "没有负责人（A）"),
    "several-accountable": ("has more than one Accountable role", "有多个负责人（A）"),
    "no-responsible": ("has no Responsible role", "没有执行人（R）"),
}


@dataclass(frozen=True)
class RaciIssue:
    duty: str
    rule: str  # "no-accountable" | "several-accountable" | "no-responsible"
    scope: ScopeKey  # () = everywhere
    roles: tuple[RoleRef, ...]
    units: tuple[str, ...]
    nodes: tuple[str, ...]
    kind: str = field(default="raci", init=False)

    def message(self, lang: str = "en") -> str:
        what = RULES[self.rule][1 if lang == "zh" else 0]
        where = pick(lang, f" in {format_scope(self.scope, lang)}", f"在{format_scope(self.scope, lang)}范围内") if self.scope else ""
        who = join(lang, (r.label(lang) for r in self.roles))
        if self.rule == "several-accountable":
            return pick(
                lang,
                f"RACI for {q(lang, self.duty)} {what}{where}: {who}; keep exactly one A per scope and make the others R or C",
                zh("职责", q(lang, self.duty), "的 RACI", where, what, "：", who, "；每个范围只保留一个 A，其余改为 R 或 C"),
            )
        letter = "A" if self.rule == "no-accountable" else "R"
        return pick(
            lang,
            f"RACI for {q(lang, self.duty)} {what}{where}; name one role as {letter} there",
            zh("职责", q(lang, self.duty), "的 RACI", where, what, "；请在该范围指定一个岗位为", letter),
        )

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "duty": self.duty,
            "rule": self.rule,
            "scope": {axis: list(values) for axis, values in self.scope} if self.scope else None,
            "roles": [r.to_dict() for r in self.roles],
            "units": list(self.units),
            "nodes": list(self.nodes),
            "message": self.message(lang),
        }


def _nodes_by_role(g: nx.DiGraph) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for n, d in roles(g):
        out.setdefault(d.get("role_id") or n, []).append(n)
    return out


def check_raci(g: nx.DiGraph) -> list[RaciIssue]:
    """Every RACI entry: one A and at least one R per scope."""
    raci = g.graph.get("raci") or {}
    if not raci:
        return []
    by_role = _nodes_by_role(g)
    head = (g.graph["head"],) if g.graph.get("head") in g else ()
    # several accountable: one clashes() call for every entry (it indexes the graph per call)
    accountable = {duty: [n for rid in dict.fromkeys(entry.get("A") or ()) for n in by_role.get(rid, ())] for duty, entry in raci.items()}
    several: dict[str, list[RaciIssue]] = {}
    for c in clashes(g, accountable, skip_related=False):
        several.setdefault(c.item, []).append(RaciIssue(c.item, "several-accountable", c.scope, c.roles, c.units, c.nodes))
    issues: list[RaciIssue] = []
    for duty, entry in raci.items():
        for letter, rule in (("A", "no-accountable"), ("R", "no-responsible")):
            nodes = [n for rid in entry.get(letter) or () for n in by_role.get(rid, ())]
            if not nodes:
                issues.append(RaciIssue(duty, rule, (), (), (), head))
                continue
            for axis, missing in uncovered(g, nodes, (g.graph.get("duty_scopes") or {}).get(duty)).items():
                issues.append(RaciIssue(duty, rule, ((axis, tuple(missing)),), role_refs(g, nodes), units_of(g, nodes), tuple(nodes)))
        issues.extend(several.get(duty, ()))
    return issues


@dataclass(frozen=True)
class RaciMatrix:
    """Duties x roles. Cells hold the RACI letters ("A/R") or ``HOLDS`` when a role lists a
    duty that has no RACI entry; empty when the role has nothing to do with the duty."""

    duties: tuple[str, ...]
    roles: tuple[RoleRef, ...]
    cells: dict[tuple[str, str], str]

    def cell(self, duty: str, role_id: str) -> str:
        return self.cells.get((duty, role_id), "")

    def rows(self) -> list[list[str]]:
        """Header row then one row per duty (role ids as column headers)."""
        out = [["duty", *(r.role_id for r in self.roles)]]
        for duty in self.duties:
            out.append([duty, *(self.cell(duty, r.role_id) for r in self.roles)])
        return out

    def to_dict(self) -> dict:
        return {
            "duties": list(self.duties),
            "roles": [r.to_dict() for r in self.roles],
            "cells": {duty: {r.role_id: self.cell(duty, r.role_id) for r in self.roles if self.cell(duty, r.role_id)} for duty in self.duties},
        }


def raci_matrix(g: nx.DiGraph) -> RaciMatrix:
    """The duty x role matrix: RACI entries first (file order), then every other declared duty."""
    raci = g.graph.get("raci") or {}
    refs: dict[str, RoleRef] = {}
    declared: dict[str, tuple] = {}
    duties: dict[str, None] = dict.fromkeys(raci)
    cells: dict[tuple[str, str], str] = {}
    seen: set[tuple[str, int]] = set()  # (role, its duties list): the boxes of one role share the list
    for n, d in roles(g):
        rid = d.get("role_id") or n
        names = d.get("duties") or ()
        if (rid, id(names)) in seen:  # a replica: nothing new to add
            continue
        seen.add((rid, id(names)))
        if rid not in refs:
            refs[rid] = role_ref(g, n)
            declared[rid] = tuple(d.get("source") or ("~",))
        for duty in names:
            duties.setdefault(duty, None)
            if duty not in raci:
                cells[(duty, rid)] = HOLDS
    for duty, entry in raci.items():
        letters: dict[str, list[str]] = {}
        for letter in LETTERS:
            for rid in entry.get(letter) or ():
                if rid in refs:
                    letters.setdefault(rid, []).append(letter)
        for rid, ls in letters.items():
            cells[(duty, rid)] = "/".join(dict.fromkeys(ls))
    # columns in the order the file declares the roles (graph order puts shared roles first)
    ordered = sorted(refs.values(), key=lambda r: tuple(str(x).zfill(9) for x in declared[r.role_id]))
    return RaciMatrix(tuple(duties), tuple(ordered), cells)
