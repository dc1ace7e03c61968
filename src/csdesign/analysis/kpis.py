"""KPI ownership: every KPI has exactly one owning role per scope.

Shared ownership is found like duty overlap (analysis/overlap.py ``clashes``): two different
roles whose scopes intersect both list the KPI. A manager who lists their team's KPI is
accountable for it, not sharing it, so manager/report pairs are not flagged. Company KPIs
that nobody owns are gaps (analysis/gaps.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from csdesign.analysis.base import RoleRef, ScopeKey, format_scope, pick, q
from csdesign.spacing import zh
from csdesign.analysis.matching import Match
from csdesign.analysis.overlap import clashes, explained, label_of, spelt, written_as
from csdesign.analysis.owned import holdings, why


@dataclass(frozen=True)
class SharedKpi:
    kpi: str
    roles: tuple[RoleRef, RoleRef]
    scope: ScopeKey
    units: tuple[str, ...]
    nodes: tuple[str, ...]
    matches: tuple[Match, ...] = ()
    kind: str = field(default="shared_kpi", init=False)

    def message(self, lang: str = "en") -> str:
        a, b = (r.label(lang) for r in self.roles)
        where = format_scope(self.scope, lang)
        spelt_as = written_as(lang, self.matches)
        return pick(
            lang,
            f"KPI {q(lang, self.kpi)}{spelt_as} has two owners in {where}: {a} and {b}; "
            "give it one owner per scope and make the other a contributor",
            zh("指标", q(lang, self.kpi), spelt_as, "在", where, "范围内有两个负责人：", a, "与", b,
               "；每个范围只设一个指标负责人，另一方作为协作方"),
        )

    def explain(self, lang: str = "en") -> str | None:
        return why(self.matches, lang) if len(self.matches) > 1 else None

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "kpi": self.kpi,
            "roles": [r.to_dict() for r in self.roles],
            "scope": {axis: list(values) for axis, values in self.scope},
            "units": list(self.units),
            "nodes": list(self.nodes),
            **explained(self.matches, lang),
            "message": self.message(lang),
        }


def find_shared_kpis(g: nx.DiGraph) -> list[SharedKpi]:
    """KPIs listed by two different roles whose scopes intersect (compared as concepts: CSAT
    and 客户满意度 are one KPI)."""
    held = holdings(g, "kpis")
    return [SharedKpi(label_of(held, c), c.roles, c.scope, c.units, c.nodes, spelt(held, c)) for c in clashes(g, held.owners)]
