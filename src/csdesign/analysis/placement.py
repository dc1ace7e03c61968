"""Where CS reports (``cs_reports_to``) against the company's stage and kind (seeds 000, 001)."""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from csdesign.analysis.base import join, pick
from csdesign.knowledge.placement import ADVICE, KIND_NAMES, PLACEMENT_NAMES, RECOMMENDED, RISKS, STAGE_NAMES, advice_key


@dataclass(frozen=True)
class Placement:
    reports_to: str
    stage: str
    kind_of_company: str
    recommended: tuple[str, ...]
    fits: bool
    nodes: tuple[str, ...]
    kind: str = field(default="placement", init=False)

    def risks(self, lang: str = "en") -> list[str]:
        i = 1 if lang == "zh" else 0
        return [r[i] for r in RISKS.get(self.reports_to, ())]

    def advice(self, lang: str = "en") -> str:
        return ADVICE[advice_key(self.stage, self.kind_of_company)][1 if lang == "zh" else 0]

    def message(self, lang: str = "en") -> str:
        i = 1 if lang == "zh" else 0
        where = PLACEMENT_NAMES[self.reports_to][i]
        company = pick(lang, f"a {STAGE_NAMES[self.stage][0]} {KIND_NAMES[self.kind_of_company][0]} company",
                       f"{STAGE_NAMES[self.stage][1]}{KIND_NAMES[self.kind_of_company][1]}企业")
        fit = join(lang, (PLACEMENT_NAMES[p][i] for p in self.recommended))
        if self.fits:
            return pick(lang, f"CS reports to {where}, which fits {company}; watch: {join(lang, self.risks(lang))}",
                        f"客户成功向{where}汇报，符合{company}的常见做法；注意：{join(lang, self.risks(lang))}")
        return pick(
            lang,
            f"CS reports to {where}, which is unusual for {company} (usual: {fit}); risks: {join(lang, self.risks(lang))}. {self.advice(lang)}",
            f"客户成功向{where}汇报，这对{company}并不常见（通常为：{fit}）；风险：{join(lang, self.risks(lang))}。{self.advice(lang)}",
        )

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "reports_to": self.reports_to,
            "stage": self.stage,
            "company_kind": self.kind_of_company,
            "recommended": list(self.recommended),
            "fits": self.fits,
            "risks": self.risks(lang),
            "advice": self.advice(lang),
            "nodes": list(self.nodes),
            "message": self.message(lang),
        }


def assess_placement(g: nx.DiGraph) -> Placement:
    """Compare ``cs_reports_to`` with the seeds' advice for the company's stage and kind."""
    where = g.graph.get("cs_reports_to") or "ceo"
    stage = g.graph.get("stage") or "startup"
    kind = g.graph.get("kind") or "internet"
    recommended = RECOMMENDED[(stage, kind)]
    nodes = tuple(n for n in (g.graph.get("external"), g.graph.get("head")) if n in g)
    # seed 000 names the service department as a real option: its trade-offs, no warning
    return Placement(where, stage, kind, recommended, where in recommended or where == "service", nodes)
