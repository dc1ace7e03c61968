"""Gaps: duties and KPIs the company expects that no role owns, everywhere or in one scope.

Expected duties are (a) the ``duties:`` catalogue, (b) the default duties of each leadership
layer present (seed 000's table: the vocabulary's ``default`` concepts), (c) the company
``kpis:``. Names are compared as concepts (analysis/matching.py): the catalogue's "投诉处理"
is owned by a role's "Handle complaints", the KPI "客户满意度(CSAT)" by a role's "CSAT".

Per scope: for every catalogue duty and company KPI that someone owns, each value of each
product, region, segment and channel must be covered by an owner; "nobody on renewal in
region West" is a gap even when East has it. A catalogue entry's ``only:`` (graph attributes
``duty_scopes`` / ``kpi_scopes``) narrows that to the values it lists, for work that belongs
to some tiers or markets only. Processes are not checked this way: a journey
stage is where a duty happens, not a market it must be covered in.

Layer duties are checked per layer: the director-level roles must own the director duties,
the managers the manager duties, the supervisors the supervisor duties. A role owns a layer
duty when one of its duties is that concept, a narrower one (``part_of``: "带教新人" is
coaching, part of team management), or names one of its terms among other words ("设定业务线
服务目标" names goal setting). A director duty held only by a manager is still a gap of the
director layer, and the finding says who holds it instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from csdesign.analysis.base import (
    RoleRef,
    ScopeKey,
    format_scope,
    join,
    pick,
    q,
    role_refs,
    scope_axes,
)
from csdesign.spacing import zh
from csdesign.analysis.matching import Matcher
from csdesign.analysis.owned import holdings
from csdesign.structures.contract import roles

LEVEL_NAMES = {"director": ("director", "部门总监"), "manager": ("team manager", "团队经理"), "supervisor": ("frontline supervisor", "一线主管")}
#: Layers with default duties, top down.
LEVELS_WITH_DEFAULTS = ("director", "manager", "supervisor")


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
    layer_roles: tuple[RoleRef, ...] = ()  # level defaults: the roles of that layer
    accounts: int | None = None  # owner-removed (diff): accounts in the scope that lost its owner
    kind: str = field(default="gap", init=False)

    def label(self, lang: str = "en") -> str:
        return self.name_zh if lang == "zh" and self.name_zh else self.name

    def message(self, lang: str = "en") -> str:
        name = q(lang, self.label(lang))
        if self.source.startswith("level:"):
            level = LEVEL_NAMES[self.source.split(":", 1)[1]]
            who = join(lang, (r.label(lang) for r in self.layer_roles))
            elsewhere = ""
            if self.owners_elsewhere:
                others = join(lang, (r.label(lang) for r in self.owners_elsewhere))
                elsewhere = pick(lang, f" (held instead by {others}, outside that layer)", zh("（目前由该层级以外的", others, "负责）"))
            return pick(
                lang,
                f"no {level[0]}-level role owns {name}, a default duty of the {level[0]} layer{elsewhere}; "
                f"write it into the job description of {who}",
                zh(f"{level[1]}层级没有岗位负责", name, f"，这是{level[1]}层级的默认职责", elsewhere, "；请写入", who, "的岗位说明书"),
            )
        thing = pick(lang, "the duty", "职责") if self.what == "duty" else pick(lang, "the KPI", "指标")
        if self.source == "owner-removed":
            where = format_scope(self.scope, lang) if self.scope else pick(lang, "the department", "全部门")
            accounts = pick(lang, f", {self.accounts:,} accounts", f"，涉及 {self.accounts:,} 个客户") if self.accounts else ""
            if not self.scope:
                before = join(lang, (r.label(lang) for r in self.owners_elsewhere))
                return pick(lang, f"no role owns {thing} {name} any more (before: {before}{accounts}); give it an owner or drop it deliberately",
                            f"{thing}{name}已无人负责（调整前：{before}{accounts}）；请指定负责人，或明确取消该职责")
            others = join(lang, (r.label(lang) for r in self.owners_elsewhere))
            return pick(lang, f"nobody owns {thing} {name} in {where} any more{accounts} (still owned elsewhere by {others}); "
                        "the last owner there was removed: give it an owner there",
                        zh(where, "范围内已无人负责", thing, name, accounts, "（其他范围仍由", others, "负责）；该范围的最后一位负责人已被移除，请指定负责人"))
        if not self.scope:
            return pick(
                lang,
                f"no role owns {thing} {name}; give it one owner and write it into that role's job description",
                f"没有岗位负责{thing}{name}；请指定唯一负责人并写入其岗位说明书",
            )
        where = format_scope(self.scope, lang)
        others = join(lang, (r.label(lang) for r in self.owners_elsewhere))
        return pick(
            lang,
            f"nobody owns {thing} {name} in {where} (elsewhere it is owned by {others}); "
            "give it an owner there: extend that role's scope or add a role",
            zh(where, "范围内没有人负责", thing, name, "（其他范围由", others, "负责）；请在该范围指定负责人：扩大该岗位的范围或增设岗位"),
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
    ``limit`` (a catalogue entry's ``only:``) narrows the values that need an owner.

    One pass over ``nodes`` that stops once every axis is covered (usually after a few of
    them: a catalogue duty held by every CSM is answered by the first boxes, not by all)."""
    limit = limit or {}
    needed: dict[str, tuple[list[str], set[str]]] = {}  # axis -> (values in order, not yet covered)
    for axis, values in scope_axes(g).items():
        if axis not in PER_SCOPE_AXES:
            continue
        if axis in limit:
            values = [v for v in values if v in limit[axis]]
        if values:
            needed[axis] = (values, set(values))
    data = g.nodes
    for n in nodes:
        if not needed:
            break
        coverage = data[n].get("coverage") or {}
        for axis in list(needed):
            cov = coverage.get(axis)
            if cov is None:  # the whole axis
                del needed[axis]
                continue
            missing = needed[axis][1]
            missing.difference_update(cov)
            if not missing:
                del needed[axis]
    return {axis: [v for v in values if v in missing] for axis, (values, missing) in needed.items()}


def owns_concept(m: Matcher, duty: str, concept_id: str) -> bool:
    """Does a duty name do the work of a concept: is it the concept, a narrower one, or does
    it name one of their terms among other words?"""
    vocab = m.vocab
    match = m.match(duty)
    if match.concept is not None and concept_id in vocab.broader(match.concept.id):
        return True
    return any(concept_id in vocab.broader(cid) for cid in m.mentions(duty))


def find_gaps(g: nx.DiGraph) -> list[Gap]:
    """Expected duties and KPIs with no owner: department-wide first, then per scope."""
    duties = holdings(g, "duties")
    kpis = holdings(g, "kpis")

    axis_nodes: dict[str, dict[str, list[str]]] | None = None  # axis -> value -> boxes, built at the first gap in a scope

    def boxes_at(axis: str, value: str) -> list[str]:
        nonlocal axis_nodes
        if axis_nodes is None:
            axis_nodes = {}
            for n, d in roles(g):
                for ax, values in (d.get("coverage") or {}).items():
                    for v in values:
                        axis_nodes.setdefault(ax, {}).setdefault(v, []).append(n)
        return axis_nodes.get(axis, {}).get(value, [])

    gaps: list[Gap] = []

    def check(what: str, name: str, source: str, owners: list[str], limit: dict[str, list[str]] | None) -> None:
        if not owners:
            gaps.append(Gap(what, name, source, (), (), (g.graph["head"],) if g.graph.get("head") in g else ()))
            return
        for axis, missing in uncovered(g, owners, limit).items():
            lacking = {n for v in missing for n in boxes_at(axis, v) if set(g.nodes[n]["coverage"][axis]) <= set(missing)}
            nodes = tuple(n for n in g if n in lacking) if lacking else tuple(dict.fromkeys(owners))
            gaps.append(Gap(what, name, source, ((axis, tuple(missing)),), role_refs(g, owners), nodes))

    seen: set[str] = set()
    for duty in g.graph.get("duties") or ():
        k = duties.matcher.key(duty)
        if k not in seen:
            seen.add(k)
            check("duty", duty, "catalogue", duties.owners.get(k, []), (g.graph.get("duty_scopes") or {}).get(duty))

    gaps.extend(layer_gaps(g, duties.matcher))

    seen = set()
    for kpi in g.graph.get("kpis") or ():
        k = kpis.matcher.key(kpi)
        if k not in seen:
            seen.add(k)
            check("kpi", kpi, "kpis", kpis.owners.get(k, []), (g.graph.get("kpi_scopes") or {}).get(kpi))
    return gaps


def layer_gaps(g: nx.DiGraph, m: Matcher) -> list[Gap]:
    """Seed 000's default duties that no role of their own layer owns, layer by layer."""
    by_level: dict[str, list[str]] = {}
    for n, d in roles(g):
        by_level.setdefault(d.get("level") or "individual", []).append(n)
    out: list[Gap] = []
    for level in LEVELS_WITH_DEFAULTS:
        at_level = by_level.get(level)
        if not at_level:
            continue
        for concept in m.vocab.defaults(level):
            if any(owns_concept(m, duty, concept.id) for n in at_level for duty in g.nodes[n].get("duties") or ()):
                continue
            others = [n for lv, nodes in by_level.items() if lv != level for n in nodes
                      if any(owns_concept(m, duty, concept.id) for duty in g.nodes[n].get("duties") or ())]
            out.append(Gap("duty", concept.en, f"level:{level}", (), role_refs(g, [n for n in g if n in set(others)]),
                           tuple(at_level), name_zh=concept.zh, layer_roles=role_refs(g, at_level)))
    return out
