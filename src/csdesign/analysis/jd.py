"""Job descriptions (a JD per role, so no duty is unclear or overlapping; «002» in knowledge/sources.yaml).

One :class:`JobDescription` per role of the built structure, in declaration order, made from
the graph only: title, level, who it reports to (solid lines) and its dotted lines, its
scope (coverage) and the units it sits in, its duties with the RACI letters the file gives
it (and RACI activities it takes part in without listing them), its KPIs with their SMART
targets, its skills, its headcount in this structure and its fully loaded cost. Writers in
render/jd/ turn it into Markdown and DOCX.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
import networkx as nx

from csdesign.analysis.base import format_scope, merge_scopes, pick, scope_axes, units_of
from csdesign.analysis.matching import duty_matcher
from csdesign.structures.contract import DOTTED, EXTERNAL, SOLID, roles

LETTERS = ("A", "R", "C", "I")
LEVEL_NAMES = {
    "director": ("Director", "部门总监"),
    "manager": ("Team manager", "团队经理"),
    "supervisor": ("Frontline supervisor", "一线主管"),
    "individual": ("Individual contributor", "个人贡献者"),
}


@dataclass(frozen=True)
class Duty:
    name: str
    raci: tuple[str, ...]  # the letters the file's raci: gives this role for it
    listed: bool  # in the role's own duties (False: a RACI activity only)


@dataclass(frozen=True)
class KpiGoal:
    name: str
    target: str | None = None
    baseline: str | None = None
    by: str | None = None


@dataclass(frozen=True)
class JobDescription:
    role_id: str
    title: str
    level: str
    function: str | None
    company: str
    structure: str
    reports_to: tuple[str, ...]  # manager titles ("COO" for the head)
    dotted_lines: tuple[str, ...]  # dotted-line leads of its boxes
    leads_dotted: tuple[str, ...]  # titles its boxes coordinate by dotted lines
    scope: dict[str, list[str]]
    units: tuple[str, ...]
    duties: tuple[Duty, ...]
    kpis: tuple[KpiGoal, ...]
    skills: tuple[str, ...]
    boxes: int
    headcount: int
    per_person_cost: float | None
    currency: str | None
    nodes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def total_cost(self) -> float | None:
        return None if self.per_person_cost is None else self.per_person_cost * self.headcount

    def scope_text(self, lang: str = "en") -> str:
        return format_scope(self.scope, lang)

    def level_name(self, lang: str = "en") -> str:
        en, zh = LEVEL_NAMES.get(self.level, (self.level, self.level))
        return pick(lang, en, zh)


def _title(g: nx.DiGraph, n: str) -> str:
    d = g.nodes[n]
    return str(d.get("title") or n)


def _distinct(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def job_descriptions(g: nx.DiGraph, role_ids: list[str] | None = None) -> list[JobDescription]:
    """Job descriptions of the roles with boxes in ``g`` (all, or ``role_ids`` in that order)."""
    boxes: dict[str, list[str]] = {}
    for n, d in roles(g):
        boxes.setdefault(d.get("role_id") or n, []).append(n)
    wanted = role_ids if role_ids is not None else list(boxes)
    raci = g.graph.get("raci") or {}
    key = duty_matcher(g).key  # RACI activities and duties compared as concepts, as the report does
    by_key: dict[str, str] = {}
    for activity in raci:
        by_key.setdefault(key(activity), activity)
    costs = g.graph.get("costs") or {}
    order = scope_axes(g)
    out = []
    for rid in wanted:
        nodes = boxes.get(rid, [])
        if not nodes:
            continue
        first = g.nodes[nodes[0]]
        managers, dotted_in, dotted_out = [], [], []
        for n in nodes:
            for u in g.predecessors(n):
                kind = g.edges[u, n].get("kind")
                if kind == SOLID:
                    managers.append(_title(g, u) if g.nodes[u].get("kind") != EXTERNAL else str(g.nodes[u].get("title") or u))
                elif kind == DOTTED:
                    dotted_in.append(_title(g, u))
            for v in g.successors(n):
                if g.edges[n, v].get("kind") == DOTTED:
                    dotted_out.append(_title(g, v))
        duties: list[Duty] = []
        seen: set[str] = set()
        for duty in first.get("duties") or ():
            activity = duty if duty in raci else by_key.get(key(duty))
            entry = raci.get(activity) if activity else None
            letters = tuple(letter for letter in LETTERS if entry and rid in (entry.get(letter) or ()))
            duties.append(Duty(duty, letters, True))
            if activity:
                seen.add(activity)
        for activity, entry in raci.items():
            if activity in seen:
                continue
            letters = tuple(letter for letter in LETTERS if rid in (entry.get(letter) or ()))
            if letters:
                duties.append(Duty(activity, letters, False))
        targets = first.get("kpi_targets") or {}
        kpis = tuple(KpiGoal(k, **(targets.get(k) or {})) for k in first.get("kpis") or ())
        per = (costs.get("roles") or {}).get(rid)
        if per is None:
            per = (costs.get("levels") or {}).get(first.get("level"))
        out.append(JobDescription(
            role_id=rid, title=str(first.get("title") or rid), level=str(first.get("level") or "individual"),
            function=first.get("function"), company=str(g.graph.get("company", "")), structure=str(g.graph.get("structure", "")),
            reports_to=_distinct(managers), dotted_lines=_distinct(dotted_in), leads_dotted=_distinct(dotted_out),
            scope=merge_scopes([g.nodes[n].get("coverage") or {} for n in nodes], order), units=units_of(g, nodes),
            duties=tuple(duties), kpis=kpis, skills=tuple(first.get("skills") or ()), boxes=len(nodes),
            headcount=sum(int(g.nodes[n].get("headcount") or 1) for n in nodes),
            per_person_cost=float(per) if per is not None else None, currency=g.graph.get("currency"),
            nodes=tuple(nodes),
        ))
    return out
