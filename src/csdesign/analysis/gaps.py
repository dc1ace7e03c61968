"""Gaps: duties and KPIs the company expects that no role owns, everywhere or in one scope.

Expected duties are (a) the ``duties:`` catalogue, (b) the default duties of each leadership
level present (seed 000, knowledge/duties.py), (c) the company ``kpis:``. Catalogue duties
match the duties roles declare by their comparable key (analysis/names.py), so "Renewals"
owns the catalogue's "renewal"; KPIs match by case- and space-folded name.

Per scope: for every catalogue duty and company KPI that someone owns, each value of each
product, region, segment and channel must be covered by an owner; "nobody on renewal in
region West" is a gap even when East has it. A catalogue entry's ``only:`` (graph attributes
``duty_scopes`` / ``kpi_scopes``) narrows that to the values it lists, for work that belongs
to some tiers or markets only. Processes are not checked this way: a journey
stage is where a duty happens, not a market it must be covered in. Level defaults are checked
department-wide only (they belong to a layer, not to a region). One pass over the owners.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from csdesign.analysis.base import (
    RoleRef,
    ScopeKey,
    format_scope,
    index_attr,
    join,
    pick,
    q,
    role_refs,
    scope_axes,
)
from csdesign.analysis.names import fold, key, words
from csdesign.knowledge.duties import LEVEL_DUTIES, LEVELS_WITH_DEFAULTS, LevelDuty
from csdesign.structures.contract import roles

LEVEL_NAMES = {"director": ("director", "部门总监"), "manager": ("manager", "团队经理"), "supervisor": ("supervisor", "一线主管")}


@dataclass(frozen=True)
class Gap:
    """An expected duty or KPI nobody owns (``scope`` empty: nowhere at all)."""

    what: str  # "duty" | "kpi"
    name: str  # as written by the user, or the level default's English name
    source: str  # "catalogue" | "kpis" | "level:director" | "level:manager" | "level:supervisor"
    scope: ScopeKey
    owners_elsewhere: tuple[RoleRef, ...]
    nodes: tuple[str, ...]
    name_zh: str | None = None  # level defaults only
    kind: str = field(default="gap", init=False)

    def label(self, lang: str = "en") -> str:
        return self.name_zh if lang == "zh" and self.name_zh else self.name

    def message(self, lang: str = "en") -> str:
        name = q(lang, self.label(lang))
        if self.source.startswith("level:"):
            level = LEVEL_NAMES[self.source.split(":", 1)[1]]
            return pick(
                lang,
                f"no role owns {name}, a default duty of the {level[0]} level (seed 000); "
                f"write it into the {level[0]}'s job description",
                f"没有岗位负责{name}，这是{level[1]}层级的默认职责；请写入{level[1]}的岗位说明书",
            )
        thing = pick(lang, "the duty", "职责") if self.what == "duty" else pick(lang, "the KPI", "指标")
        if not self.scope:
            return pick(
                lang,
                f"no role owns {thing} {name}; give it one owner and write it into that role's job description",
                f"没有岗位负责{thing}{name}；请指定唯一负责人并写入其岗位说明书",
            )
        where = format_scope(self.scope, lang)
        others = join(lang, (r.label() for r in self.owners_elsewhere))
        return pick(
            lang,
            f"nobody owns {thing} {name} in {where} (elsewhere it is owned by {others}); "
            "give it an owner there: extend that role's scope or add a role",
            f"{where}范围内没有人负责{thing}{name}（其他范围由 {others} 负责）；"
            "请在该范围指定负责人：扩大该岗位的范围或增设岗位",
        )

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "what": self.what,
            "name": self.label(lang),
            "source": self.source,
            "scope": {axis: list(values) for axis, values in self.scope} if self.scope else None,
            "owners_elsewhere": [r.to_dict() for r in self.owners_elsewhere],
            "nodes": list(self.nodes),
            "message": self.message(lang),
        }


#: Axes checked per scope. Not ``process``: a journey stage is where a duty happens, so a duty
#: owned only in the Renewal stage is placed, not missing, in the Onboarding stage.
PER_SCOPE_AXES = ("product", "region", "segment", "channel")


def uncovered(g: nx.DiGraph, nodes: list[str], limit: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Values of the per-scope axes that none of ``nodes`` covers; {} when all are covered.
    ``limit`` (a catalogue entry's ``only:``) narrows the values that need an owner."""
    out: dict[str, list[str]] = {}
    limit = limit or {}
    for axis, values in scope_axes(g).items():
        if axis not in PER_SCOPE_AXES:
            continue
        if axis in limit:
            values = [v for v in values if v in limit[axis]]
        covered: set[str] = set()
        wide = False
        for n in nodes:
            cov = (g.nodes[n].get("coverage") or {}).get(axis)
            if cov is None:
                wide = True
                break
            covered.update(cov)
        if not wide:
            missing = [v for v in values if v not in covered]
            if missing:
                out[axis] = missing
    return out


def matches_default(duty: str, default: LevelDuty) -> bool:
    """Does a declared duty name do the work of a level default ("Set pod goals" -> goal setting)?"""
    tokens = words(duty)
    for group in default.words:
        if all(any(t.startswith(w) for t in tokens) for w in group):
            return True
    folded = fold(duty)
    return any(p in folded for p in default.phrases)


def find_gaps(g: nx.DiGraph) -> list[Gap]:
    """Expected duties and KPIs with no owner: department-wide first, then per scope."""
    duty_owners = index_attr(g, "duties")
    kpi_owners = index_attr(g, "kpis")
    by_key: dict[str, list[str]] = {}
    for duty, nodes in duty_owners.items():
        by_key.setdefault(key(duty), []).extend(nodes)
    by_fold: dict[str, list[str]] = {}
    for kpi, nodes in kpi_owners.items():
        by_fold.setdefault(fold(kpi), []).extend(nodes)

    axis_nodes: dict[str, dict[str, list[str]]] = {}
    for n, d in roles(g):
        for axis, values in (d.get("coverage") or {}).items():
            for v in values:
                axis_nodes.setdefault(axis, {}).setdefault(v, []).append(n)

    gaps: list[Gap] = []

    def check(what: str, name: str, source: str, owners: list[str], limit: dict[str, list[str]] | None) -> None:
        if not owners:
            gaps.append(Gap(what, name, source, (), (), (g.graph["head"],) if g.graph.get("head") in g else ()))
            return
        for axis, missing in uncovered(g, owners, limit).items():
            lacking = {n for v in missing for n in axis_nodes.get(axis, {}).get(v, ()) if set(g.nodes[n]["coverage"][axis]) <= set(missing)}
            nodes = tuple(n for n in g if n in lacking) if lacking else tuple(dict.fromkeys(owners))
            gaps.append(Gap(what, name, source, ((axis, tuple(missing)),), role_refs(g, owners), nodes))

    seen: set[str] = set()
    for duty in g.graph.get("duties") or ():
        k = key(duty)
        if k not in seen:
            seen.add(k)
            check("duty", duty, "catalogue", by_key.get(k, []), (g.graph.get("duty_scopes") or {}).get(duty))

    levels = {d.get("level") for _, d in roles(g)}
    all_duties = list(duty_owners)
    for level in LEVELS_WITH_DEFAULTS:
        if level not in levels:
            continue
        for default in LEVEL_DUTIES:
            if default.level != level or any(matches_default(d, default) for d in all_duties):
                continue
            at_level = tuple(n for n, d in roles(g) if d.get("level") == level)
            gaps.append(Gap("duty", default.en, f"level:{level}", (), (), at_level, name_zh=default.zh))

    seen = set()
    for kpi in g.graph.get("kpis") or ():
        k = fold(kpi)
        if k not in seen:
            seen.add(k)
            check("kpi", kpi, "kpis", by_fold.get(k, []), (g.graph.get("kpi_scopes") or {}).get(kpi))
    return gaps
