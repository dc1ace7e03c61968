"""Fully loaded cost of a structure, and CS cost as a share of ARR.

Each box costs its headcount × the annual cost of its role (``costs.roles``), else of its
level (``costs.levels``); vacancies are budgeted seats and cost the same. Boxes with neither
are counted as uncosted people. Because unit roles have a box in every unit, the eight
structures of one file cost differently (compare), and a reorganisation has a cost delta
(diff). The share of ARR is the total over the segments' ARR (same currency), against SaaS
Capital's median of about 8.5% of ARR spent on customer support and success; the band is
that median ÷ and × ``cost_share_tolerance`` (1.5: 5.7%–12.75%), csdesign's tolerance, not a
published quartile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import networkx as nx

from csdesign.analysis.amounts import money, num, pct
from csdesign.analysis.base import pick
from csdesign.analysis.capacity_settings import DEFAULT_SETTINGS, Settings
from csdesign.model.enums import Level
from csdesign.structures.contract import roles

LEVELS = [level.value for level in Level]


@dataclass(frozen=True)
class CostReport:
    currency: str | None
    total: float | None  # None: the file declares no costs
    by_level: dict[str, float]
    by_role: dict[str, float]
    people: int
    people_costed: int
    uncosted_roles: tuple[str, ...]
    arr: float | None
    share_of_arr: float | None
    benchmark: float
    band: tuple[float, float]
    status: str  # within | above | below | unknown
    source: tuple[str, str]
    nodes: tuple[str, ...] = ()
    kind: str = field(default="cost", init=False)

    @property
    def is_finding(self) -> bool:
        return self.status in ("above", "below")

    def message(self, lang: str = "en") -> str:
        if self.total is None:
            return pick(lang, "no costs declared: add costs.levels (fully loaded annual cost per person by level) or costs.roles",
                        "未声明成本：请在 costs.levels 中按层级填写每人全年全成本，或在 costs.roles 中按岗位填写")
        total = money(self.total, self.currency)
        missing = ""
        if self.people_costed < self.people:
            missing = pick(lang, f" ({self.people - self.people_costed} of {self.people} people have no cost: {', '.join(self.uncosted_roles)})",
                           f"（{self.people} 人中有 {self.people - self.people_costed} 人没有成本：{'、'.join(self.uncosted_roles)}）")
        base = pick(lang, f"fully loaded cost {total} a year for {self.people_costed} people{missing}",
                    f"全年全成本 {total}，共 {self.people_costed} 人{missing}")
        if self.share_of_arr is None:
            return base
        lo, hi = self.band
        share = pick(lang, f"; {pct(self.share_of_arr)} of ARR ({money(self.arr or 0, self.currency)}) against a median of about {pct(self.benchmark)}",
                     f"；占 ARR（{money(self.arr or 0, self.currency)}）的 {pct(self.share_of_arr)}，基准中位数约 {pct(self.benchmark)}")
        if self.status == "above":
            return base + share + pick(lang, f", above the {pct(lo)}–{pct(hi)} band: check for over-staffed segments and channels before adding people",
                                       f"，高于 {pct(lo)}–{pct(hi)} 区间：请在增员前先检查超编的分层和渠道")
        if self.status == "below":
            return base + share + pick(lang, f", below the {pct(lo)}–{pct(hi)} band: check that segments and channels are not under-staffed",
                                       f"，低于 {pct(lo)}–{pct(hi)} 区间：请检查分层和渠道是否缺编")
        return base + share + pick(lang, f", within the {pct(lo)}–{pct(hi)} band", f"，处于 {pct(lo)}–{pct(hi)} 区间内")

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "currency": self.currency,
            "total": self.total,
            "by_level": dict(self.by_level),
            "by_role": dict(self.by_role),
            "people": self.people,
            "people_costed": self.people_costed,
            "uncosted_roles": list(self.uncosted_roles),
            "arr": self.arr,
            "share_of_arr": None if self.share_of_arr is None else round(self.share_of_arr, 4),
            "benchmark": {"share_of_arr": self.benchmark, "band": list(self.band), "source": pick(lang, *self.source)},
            "status": self.status,
            "message": self.message(lang),
        }


def box_cost(d: Mapping[str, Any], costs: dict[str, Any]) -> float | None:
    """Annual cost of one box (headcount × per-person cost), None when neither role nor level is costed."""
    per = (costs.get("roles") or {}).get(d.get("role_id"))
    if per is None:
        per = (costs.get("levels") or {}).get(d.get("level"))
    if per is None:
        return None
    return float(per) * int(d.get("headcount") or 1)


def total_cost(g: nx.DiGraph) -> float | None:
    """The structure's fully loaded annual cost (None when the file declares no costs)."""
    return analyse_cost(g).total


def analyse_cost(g: nx.DiGraph, settings: Settings | None = None) -> CostReport:
    s = settings or DEFAULT_SETTINGS
    costs = g.graph.get("costs") or {}
    declared = bool(costs.get("levels") or costs.get("roles"))
    by_level: dict[str, float] = {}
    by_role: dict[str, float] = {}
    people = costed = 0
    uncosted: dict[str, None] = {}
    for _, d in roles(g):
        heads = int(d.get("headcount") or 1)
        people += heads
        c = box_cost(d, costs) if declared else None
        if c is None:
            uncosted.setdefault(d.get("role_id") or "", None)
            continue
        costed += heads
        level = d.get("level") or "individual"
        by_level[level] = by_level.get(level, 0.0) + c
        rid = d.get("role_id") or ""
        by_role[rid] = by_role.get(rid, 0.0) + c
    total = sum(by_level.values()) if declared else None
    arrs = [info.get("arr") for info in (g.graph.get("segments") or {}).values() if info.get("arr") is not None]
    arr = float(sum(arrs)) if arrs else None
    share = total / arr if total is not None and arr else None
    bench, tol = s["cost_share_of_arr"], s["cost_share_tolerance"]
    band = (round(bench / tol, 6), round(bench * tol, 6))
    if share is None:
        status = "unknown"
    elif share > band[1] + 1e-12:
        status = "above"
    elif share < band[0] - 1e-12:
        status = "below"
    else:
        status = "within"
    source = (s.source("cost_share_of_arr", "en"), s.source("cost_share_of_arr", "zh"))
    return CostReport(
        g.graph.get("currency"), total, {lv: by_level[lv] for lv in LEVELS if lv in by_level}, by_role, people, costed,
        tuple(uncosted) if declared else (), arr, share, bench, band, status, source,
    )


def cost_text(value: float | None, currency: str | None = None) -> str:
    """A total for a table cell: "12.4M" (or "–" when unknown)."""
    if value is None:
        return "–"
    if abs(value) >= 1e6:
        return f"{num(value / 1e6, 2)}M" + (f" {currency}" if currency else "")
    return money(value, currency)
