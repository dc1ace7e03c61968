"""CS capacity (seed 004): required vs declared headcount from segment accounts and role capacity.

A segment may declare ``accounts`` (and ``arr``); a role may declare ``capacity: {segment:
accounts per person}``. For each role and the set of segments its boxes serve, the people
needed are sum(accounts / capacity) rounded up, compared with the declared headcount of those
boxes. When the structure is cut by segment each unit is its own row (per unit and segment);
otherwise the segment's accounts are not split by region or product in the file, so a role's
replicas are sized together. Every role serving a segment is sized for all of its accounts
(a CSM and a renewal manager both touch each account). Segments with accounts that no role
sizes are reported as unplanned.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping

import networkx as nx

from csdesign.analysis.base import RoleRef, join, join_units, pick, q, role_ref, units_of
from csdesign.structures.contract import roles

#: Declared headcount above the need by more than this share (and at least one person) is over.
OVER_SLACK = 0.2


@dataclass(frozen=True)
class CapacityRow:
    role: RoleRef | None  # None: a segment with accounts nobody is sized for
    segments: tuple[str, ...]
    units: tuple[str, ...]
    accounts: int
    arr: float | None
    required_fte: float
    required: int
    declared: int
    status: str  # "ok" | "under" | "over" | "unplanned"
    nodes: tuple[str, ...]
    kind: str = field(default="capacity", init=False)

    @property
    def is_finding(self) -> bool:
        return self.status in ("under", "over")

    def message(self, lang: str = "en") -> str:
        segs = join(lang, (q(lang, s) for s in self.segments))
        if self.role is None:
            return pick(
                lang,
                f"segment {segs} has {self.accounts} accounts but no role declares a capacity for it; size the team that serves it",
                f"客户分层{segs}有 {self.accounts} 个客户，但没有岗位声明对其的服务容量；请核定服务该分层的团队规模",
            )
        who = self.role.label(lang)
        where = pick(lang, f" in {join_units(lang, self.units)}", f"（{join_units(lang, self.units)}）") if self.units and len(self.units) == 1 else ""
        base = pick(
            lang,
            f"{who}{where}: {self.accounts} accounts in {segs} need {self.required} people, {self.declared} declared",
            f"{who}{where}：{segs}共 {self.accounts} 个客户需要 {self.required} 人，现有 {self.declared} 人",
        )
        if self.status == "under":
            return base + pick(lang, f"; under-staffed by {self.required - self.declared}: hire, or move people from where the work is not",
                               f"；缺编 {self.required - self.declared} 人：请招聘，或从工作量不足的岗位调配")
        if self.status == "over":
            return base + pick(lang, f"; over-staffed by {self.declared - self.required}: rebalance towards under-served segments",
                               f"；超编 {self.declared - self.required} 人：请向服务不足的分层调配")
        return base

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "role": self.role.to_dict() if self.role else None,
            "segments": list(self.segments),
            "units": list(self.units),
            "accounts": self.accounts,
            "arr": self.arr,
            "required_fte": round(self.required_fte, 2),
            "required": self.required,
            "declared": self.declared,
            "status": self.status,
            "nodes": list(self.nodes),
            "message": self.message(lang),
        }


def _status(required: int, declared: int) -> str:
    if declared < required:
        return "under"
    if declared > required and declared - required > OVER_SLACK * required:
        return "over"
    return "ok"


def analyse_capacity(g: nx.DiGraph, defaults: Mapping[str, Mapping[str, int]] | None = None) -> list[CapacityRow]:
    """Rows per (role, segments served[, unit when cut by segment]); ``defaults`` maps role id ->
    {segment: accounts per person} for roles that declare none (what-if sizing)."""
    segments = {name: info for name, info in (g.graph.get("segments") or {}).items() if info.get("accounts") is not None}
    if not segments:
        return []
    order = list(segments)
    by_unit = g.graph.get("axis") == "segment"
    groups: dict[tuple, list[str]] = {}
    caps: dict[str, dict[str, int]] = {}
    sized: set[str] = set()
    for n, d in roles(g):
        rid = d.get("role_id") or n
        capacity = d.get("capacity") or (defaults or {}).get(rid) or {}
        if not capacity:
            continue
        cov = (d.get("coverage") or {}).get("segment")
        served = tuple(s for s in order if s in capacity and (cov is None or s in cov))
        if not served:
            continue
        caps[rid] = dict(capacity)
        sized.update(served)
        groups.setdefault((rid, served, d.get("unit") if by_unit else None), []).append(n)

    rows: list[CapacityRow] = []
    for (rid, served, _unit), nodes in groups.items():
        fte = sum(segments[s]["accounts"] / caps[rid][s] for s in served)
        required = math.ceil(fte - 1e-9)
        declared = sum(int(g.nodes[n].get("headcount") or 1) for n in nodes if not g.nodes[n].get("vacant"))
        accounts = sum(int(segments[s]["accounts"]) for s in served)
        arrs = [segments[s].get("arr") for s in served]
        arr = float(sum(a for a in arrs if a is not None)) if any(a is not None for a in arrs) else None
        rows.append(CapacityRow(role_ref(g, nodes[0]), served, units_of(g, nodes), accounts, arr, fte, required, declared, _status(required, declared), tuple(nodes)))
    for s in order:
        if s not in sized and segments[s]["accounts"] > 0:
            arr = segments[s].get("arr")
            rows.append(CapacityRow(None, (s,), (), int(segments[s]["accounts"]), float(arr) if arr is not None else None, 0.0, 0, 0, "unplanned", ()))
    return rows


@dataclass
class CapacityReport:
    """Everything the capacity analysis finds: per-role sizing from ``capacity:`` (the rows
    above), CSM coverage per segment three ways, misallocation across segments, and support
    staffing per channel (analysis/coverage.py, analysis/support.py)."""

    roles: list[CapacityRow] = field(default_factory=list)
    segments: list = field(default_factory=list)
    misallocations: list = field(default_factory=list)
    support: list = field(default_factory=list)
    productive_hours: float | None = None
    settings_sources: dict[str, str] = field(default_factory=dict)

    def findings(self) -> list:
        """Finding objects, in report order: roles, segments, misallocation, channels."""
        return [
            *(r for r in self.roles if r.is_finding),
            *(s for s in self.segments if s.is_finding),
            *self.misallocations,
            *(c for c in self.support if c.is_finding),
        ]

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "segments": [s.to_dict(lang) for s in self.segments],
            "misallocation": [m.to_dict(lang) for m in self.misallocations],
            "support": [c.to_dict(lang) for c in self.support],
            "roles": [r.to_dict(lang) for r in self.roles],
            "productive_hours_per_quarter": self.productive_hours,
            "overrides": dict(self.settings_sources),
        }


def analyse(g: nx.DiGraph, settings=None, defaults: Mapping[str, Mapping[str, int]] | None = None) -> CapacityReport:
    """The whole capacity analysis of one graph (``settings``: capacity_settings.Settings)."""
    from csdesign.analysis.capacity_settings import DEFAULT_SETTINGS
    from csdesign.analysis.coverage import analyse_coverage
    from csdesign.analysis.support import analyse_support, staffing_boxes, staffing_roles

    s = settings or DEFAULT_SETTINGS
    boxes = staffing_boxes(g)
    segments, misallocations = analyse_coverage(g, s, staffing_roles(g, boxes))
    sized = {seg.name for seg in segments if seg.status != "unsized"}
    return CapacityReport(
        # a segment nobody declares a capacity: for is "unplanned" only when no method sizes it
        roles=[r for r in analyse_capacity(g, defaults) if not (r.status == "unplanned" and r.segments[0] in sized)],
        segments=segments,
        misallocations=misallocations,
        support=analyse_support(g, s, boxes),
        productive_hours=s.productive_hours,
        settings_sources=dict(s.origins),
    )
