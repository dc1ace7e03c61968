"""Spans of control and layers (public benchmarks in docs/report.md).

Span = people reporting directly, counting headcount: a box "CSM x6" under a manager is six
reports. A manager box with headcount h and H people below it has span H / h per manager,
rounded half up. Bands are Orgvue's by default; the share of managers per band counts manager
*people*. Layers = the deepest solid-line distance below the CS head; the minimum is
ceil(log_target(headcount)) with target the middle of the on-target band.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import networkx as nx

from csdesign.analysis.base import pick, role_ref, tree_of, unit_text, units_of
from csdesign.spacing import zh
from csdesign.errors import InputError
from csdesign.structures.contract import ROLE


@dataclass(frozen=True)
class Band:
    id: str
    low: int
    high: int | None  # None: no upper bound
    en: str
    zh: str

    def contains(self, span: int) -> bool:
        return span >= self.low and (self.high is None or span <= self.high)

    def range_text(self) -> str:
        if self.high is None:
            return f"{self.low}+"
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


def make_bands(low: int = 8, high: int = 12) -> tuple[Band, ...]:
    """Orgvue's bands around an on-target range (default 8–12): 1, 2–3, 4–low-1, target, +4, more."""
    if not 4 <= low <= high:
        raise InputError(f"span target {low}-{high} is not valid", hint="give LOW-HIGH with 4 <= LOW <= HIGH, e.g. 8-12")
    bands = [
        Band("one-to-one", 1, 1, "one-to-one", "一对一"),
        Band("micro", 2, 3, "micro team", "微型团队"),
        Band("below", 4, low - 1, "below target", "低于目标"),
        Band("target", low, high, "on target", "达标"),
        Band("above", high + 1, high + 4, "above target", "高于目标"),
        Band("excessive", high + 5, None, "excessive", "过大"),
    ]
    return tuple(b for b in bands if b.high is None or b.high >= b.low)


DEFAULT_BANDS = make_bands()
#: Bands that are findings (too wide, or a manager with one report).
FLAGGED = ("one-to-one", "above", "excessive")


def band_of(span: int, bands: tuple[Band, ...]) -> Band:
    return next(b for b in bands if b.contains(span))


@dataclass(frozen=True)
class SpanRow:
    node: str
    role_id: str
    title: str
    unit: str | None
    managers: int  # headcount of the manager box
    reports: int  # people directly below (sum of report headcounts)
    span: int  # reports per manager person
    band: str

    def to_dict(self) -> dict:
        return {
            "node": self.node, "role": {"id": self.role_id, "title": self.title}, "unit": self.unit,
            "managers": self.managers, "reports": self.reports, "span": self.span, "band": self.band,
        }


@dataclass(frozen=True)
class SpanIssue:
    """A manager outside the healthy bands, or more layers than the headcount needs."""

    rule: str  # "span-above" | "span-excessive" | "span-one-to-one" | "layers"
    nodes: tuple[str, ...]
    text_en: str
    text_zh: str
    kind: str = field(default="span", init=False)

    def message(self, lang: str = "en") -> str:
        return pick(lang, self.text_en, self.text_zh)

    def to_dict(self, lang: str = "en") -> dict:
        return {"rule": self.rule, "nodes": list(self.nodes), "message": self.message(lang)}


@dataclass
class SpanReport:
    rows: list[SpanRow]
    bands: tuple[Band, ...]
    band_people: dict[str, int]  # band id -> manager people in it
    headcount: int
    manager_people: int
    individual_people: int
    layers: int
    layers_needed: int
    target_span: int
    issues: list[SpanIssue]

    def band_share(self, band_id: str) -> float:
        return self.band_people.get(band_id, 0) / self.manager_people if self.manager_people else 0.0

    @property
    def ratio(self) -> float | None:
        """Individuals per manager (e.g. 7.5 means 1 : 7.5)."""
        return round(self.individual_people / self.manager_people, 2) if self.manager_people else None

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "managers": [r.to_dict() for r in self.rows],
            "bands": [
                {"id": b.id, "range": b.range_text(), "name": b.zh if lang == "zh" else b.en,
                 "managers": self.band_people.get(b.id, 0), "share": round(self.band_share(b.id), 4)}
                for b in self.bands
            ],
            "headcount": self.headcount,
            "manager_people": self.manager_people,
            "individual_people": self.individual_people,
            "ratio": self.ratio,
            "layers": self.layers,
            "layers_needed": self.layers_needed,
            "target_span": self.target_span,
            "issues": [i.to_dict(lang) for i in self.issues],
        }


def _round_half_up(x: float) -> int:
    return int(math.floor(x + 0.5))


def analyse_spans(g: nx.DiGraph, bands: tuple[Band, ...] = DEFAULT_BANDS) -> SpanReport:
    """Per-manager spans and bands, band shares, layers vs the minimum, manager:individual ratio."""
    tree = tree_of(g)
    nodes = g.nodes
    target = next(b for b in bands if b.id == "target")
    target_span = _round_half_up((target.low + (target.high or target.low)) / 2)
    rows: list[SpanRow] = []
    band_people = {b.id: 0 for b in bands}
    headcount = managers = 0
    head = g.graph.get("head")
    head_depth = tree.depth.get(head, 0) if head in nodes else 0
    layers = 0
    issues: list[SpanIssue] = []
    for n, d in g.nodes(data=True):
        if d.get("kind") != ROLE:
            continue
        hc = int(d.get("headcount") or 1)
        headcount += hc
        layers = max(layers, tree.depth.get(n, 0) - head_depth)
        kids = [v for v in tree.children[n] if nodes[v].get("kind") == ROLE and not nodes[v].get("assistant")]  # assistants: not span (Orgvue)
        if not kids:
            continue
        managers += hc
        reports = sum(int(nodes[v].get("headcount") or 1) for v in kids)
        span = max(1, _round_half_up(reports / hc))
        band = band_of(span, bands)
        band_people[band.id] += hc
        ref = role_ref(g, n)
        unit = units_of(g, [n])
        rows.append(SpanRow(n, ref.role_id, ref.title, unit[0] if unit else None, hc, reports, span, band.id))
        if band.id in FLAGGED:
            who = ref.label() + (f" [{unit[0]}]" if unit else "")
            who_zh = ref.label("zh") + (f"［{unit_text(unit[0], 'zh')}］" if unit else "")
            if band.id == "one-to-one":
                issues.append(SpanIssue("span-one-to-one", (n,),
                    f"{who} manages one person; merge the layer or widen the team",
                    zh(who_zh, "只管理一个人；建议合并该层级或扩大团队")))
            else:
                issues.append(SpanIssue(f"span-{band.id}", (n,),
                    f"{who} has a span of {span} ({band.en}, target {target.range_text()}); split the team or add a team lead",
                    zh(who_zh, f"的管理幅度为 {span}（{band.zh}，目标 {target.range_text()}）；建议拆分团队或增设组长")))
    needed = math.ceil(math.log(headcount) / math.log(target_span) - 1e-9) if headcount > 1 else 0
    if layers > needed + 1:
        issues.append(SpanIssue("layers", (head,) if head in nodes else (),
            f"{layers} layers below the CS head where {headcount} people need about {needed} at a span of {target_span}; remove a management layer",
            f"客户成功负责人以下有 {layers} 个层级，而 {headcount} 人在管理幅度 {target_span} 下约需 {needed} 层；建议减少一个管理层级"))
    return SpanReport(rows, bands, band_people, headcount, managers, headcount - managers, layers, needed, target_span, issues)
