"""Rank the eight structures for one company: transparent points, each with a readable reason.

Score = sum over rules of weight x points. Every rule gives each structure points and one
sentence saying why, traced to the seed it comes from; ``--explain`` prints the whole table.
Weights default to 1 and are configurable (a TOML file with a ``[weights]`` table), so a
consultant can say "for this client silos matter double" and show the effect.

Rules (docs/compare.md has the full table):
  stage       seed 003: start-up lean/flat or functional; growth sub-teams by product, region,
              channel or journey stage; enterprise multi-level, matrix where products x regions.
  dimensions  the axis a structure cuts must have values to cut (2+ products for product ...).
  kind        seed 000: internet firms run CS flatter; traditional ones as a functional dept.
  silos       measured: unit pairs sharing customers with no interface (seed 004 islands).
  handoffs    measured: customers changing units along the journey (seed 003, process risk).
  spans       measured: share of managers outside healthy span bands, and surplus layers.
  duties      measured: overlaps and gaps above the best structure's (seed 002: one owner per duty).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from csdesign.analysis.base import pick
from csdesign.analysis.compare import Comparison, StructureMetrics
from csdesign.analysis.spans import FLAGGED
from csdesign.errors import InputError, did_you_mean
from csdesign.knowledge.guide import stage_guidance, stage_name, structure_name

RULES = ("stage", "dimensions", "kind", "silos", "handoffs", "spans", "duties")
DEFAULT_WEIGHTS = {r: 1.0 for r in RULES}
SOURCES = {"stage": "seed 003", "dimensions": "seed 003", "kind": "seed 000", "silos": "seed 004",
           "handoffs": "seed 003", "spans": "benchmarks", "duties": "seed 002"}

#: Seed 003's stage guidance as points per structure.
STAGE_POINTS = {
    "startup": {"flat": 3, "functional": 2, "circular": 1, "product": 0, "market": 0, "geographic": 0, "process": 0, "matrix": -2},
    "growth": {"product": 2, "geographic": 2, "process": 2, "market": 2, "functional": 1, "matrix": 0, "circular": 0, "flat": -1},
    "enterprise": {"matrix": 2, "geographic": 2, "product": 2, "market": 2, "process": 1, "functional": 1, "circular": -1, "flat": -2},
}
#: Order among equal scores: the order in which seed 003 names the cuts for each stage.
TIE_ORDER = {
    "startup": ("flat", "functional", "circular", "product", "geographic", "market", "process", "matrix"),
    "growth": ("product", "geographic", "process", "market", "functional", "matrix", "circular", "flat"),
    "enterprise": ("matrix", "geographic", "product", "market", "process", "functional", "circular", "flat"),
}
#: Structure -> the axis it cuts (dimensions rule).
CUT_AXIS = {"product": "product", "market": "segment", "geographic": "region", "process": "process"}
AXIS_WORDS = {"product": ("products", "个产品"), "segment": ("customer segments", "个客户分层"),
              "region": ("regions", "个区域"), "process": ("journey stages", "个旅程阶段")}


@dataclass(frozen=True)
class Reason:
    rule: str
    points: float
    text: str
    source: str


@dataclass
class Ranked:
    structure: str
    name: str
    score: float | None  # None: cannot be built from the file
    reasons: list[Reason] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "structure": self.structure, "name": self.name, "score": self.score, "error": self.error,
            "reasons": [{"rule": r.rule, "points": r.points, "text": r.text, "source": r.source} for r in self.reasons],
        }


@dataclass
class Recommendation:
    company: str
    stage: str
    lang: str
    weights: dict[str, float]
    ranking: list[Ranked]
    guidance: str = ""  # seed 003's advice for this stage, quoted once rather than per reason

    @property
    def first(self) -> Ranked:
        return self.ranking[0]

    def to_dict(self) -> dict[str, Any]:
        return {"company": self.company, "stage": self.stage, "guidance": self.guidance, "weights": dict(self.weights),
                "ranking": [r.to_dict() for r in self.ranking]}


def load_weights(path: str | Path) -> dict[str, float]:
    """Weights from a TOML file's ``[weights]`` table (missing rules keep weight 1)."""
    import tomllib

    from csdesign.fileio import note_input

    p = Path(path)
    note_input(p)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{p}: file not found", hint="check the --weights path") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{p}: not valid TOML: {exc}") from None
    table = data.get("weights")
    if not isinstance(table, dict):
        raise InputError(f"{p}: no [weights] table", hint="e.g. [weights] then silos = 2.0")
    weights = dict(DEFAULT_WEIGHTS)
    for key, value in table.items():
        if key not in RULES:
            raise InputError(f"{p}: unknown rule '{key}' in [weights]" + did_you_mean(key, RULES), hint="rules: " + ", ".join(RULES))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise InputError(f"{p}: weights.{key} must be a number from 0 to 100 (got {value!r})")
        weights[key] = float(value)
    return weights


def _n(value: float) -> float:
    return round(value, 2) + 0.0  # no -0.0 in output


def _stage(c: Comparison, s: str, lang: str) -> Reason:
    pts = STAGE_POINTS[c.stage][s]
    stage, name = stage_name(c.stage, lang), structure_name(s, lang)
    if pts > 0:
        text = pick(lang, f"A {name.lower()} structure suits the {stage} stage.", f"{name}结构适合{stage}。")
    elif pts < 0:
        text = pick(lang, f"A {name.lower()} structure works against the {stage} stage.", f"{name}结构不适合{stage}。")
    else:
        text = pick(lang, f"Seed 003 neither favours nor rules out a {name.lower()} structure at the {stage} stage.", f"种子 003 对{stage}采用{name}结构既不推荐也不排斥。")
    return Reason("stage", pts, text, SOURCES["stage"])


def _dimensions(c: Comparison, s: str, lang: str) -> Reason | None:
    dims = c.dimensions
    if s == "matrix":
        p, r = len(dims.get("product", [])), len(dims.get("region", []))
        if p >= 2 and r >= 2:
            return Reason("dimensions", 1, pick(lang, f"{p} products across {r} regions is the case a matrix is for: product teams with functional lines across them.",
                                                 f"{p} 个产品覆盖 {r} 个区域，正是矩阵结构适用的情形：按产品设团队，再用职能线横向贯穿。"), SOURCES["dimensions"])
        return Reason("dimensions", -1, pick(lang, "A matrix pays off with several products across several regions; this company has too few of one or the other.",
                                              "矩阵结构适用于多个产品覆盖多个区域的企业；本公司的产品或区域数量不足。"), SOURCES["dimensions"])
    axis = CUT_AXIS.get(s)
    if axis is None:
        return None
    n = len(dims.get(axis, []))
    en, zh = AXIS_WORDS[axis]
    if n >= 2:
        return Reason("dimensions", 1, pick(lang, f"The company has {n} {en}, so each team has its own to specialise in.", f"公司有 {n} {zh}，每个团队都有可专注的对象。"), SOURCES["dimensions"])
    return Reason("dimensions", -1, pick(lang, f"With only one of its {en}, this cut gives a single team and no specialisation.", f"只有 1 {zh}，这种划分只会得到一个团队，无从专业化。"), SOURCES["dimensions"])


def _kind(c: Comparison, s: str, lang: str) -> Reason | None:
    if c.kind == "internet" and s in ("flat", "circular"):
        return Reason("kind", 1, pick(lang, "Internet firms run CS flatter, working directly with product and engineering.", "互联网企业的客户成功部门更扁平，直接与产品和技术协作。"), SOURCES["kind"])
    if c.kind == "traditional" and s == "functional":
        # seed 000 does not praise a traditional firm's hierarchy: it is complex and CS meets
        # communication barriers across departments; no points, the caution instead
        return Reason("kind", 0, pick(lang, "Traditional firms' hierarchies are complex and CS meets communication barriers across departments: declare the interfaces a functional structure needs.",
                                       "传统企业的层级结构较为复杂，客户成功部门在跨部门协作时可能遇到沟通壁垒：职能型结构需要明确跨部门协作机制。"), SOURCES["kind"])
    return None


def _measured(c: Comparison, m: StructureMetrics, lang: str) -> list[Reason]:
    out: list[Reason] = []
    if m.silo_pairs:
        pts = -min(2.0, 0.5 * m.silo_pairs)
        units = ("、" if lang == "zh" else ", ").join(m.silo_units)
        out.append(Reason("silos", pts, pick(lang, f"{m.silo_pairs} {'pair' if m.silo_pairs == 1 else 'pairs'} of teams ({units}) serve the same customers with no declared way to work together: information islands.",
                                              f"{m.silo_pairs} 对团队（{units}）服务相同客户却没有约定协作机制：存在信息孤岛。"), SOURCES["silos"]))
    if m.handoffs:
        pts = -min(2.0, 0.5 * m.handoffs)
        out.append(Reason("handoffs", pts, pick(lang, f"Customers change teams {m.handoffs} {'time' if m.handoffs == 1 else 'times'} along the journey; every hand-off can lose them.",
                                                 f"客户在旅程中要更换 {m.handoffs} 次团队，每次交接都可能流失客户。"), SOURCES["handoffs"]))
    flagged = sum(m.band_shares.get(b, 0.0) for b in FLAGGED)
    if flagged > 0:
        out.append(Reason("spans", _n(-2 * flagged), pick(lang, f"{flagged:.0%} of managers would have a span outside the healthy bands (one-to-one, or above 12).",
                                                         f"{flagged:.0%} 的管理者管理幅度不健康（一对一，或超过 12 人）。"), SOURCES["spans"]))
    if m.layers is not None and m.layers_needed is not None and m.layers > m.layers_needed + 1:
        out.append(Reason("spans", -1, pick(lang, f"{m.layers} layers where {m.headcount} people need about {m.layers_needed}.",
                                             f"{m.headcount} 人约需 {m.layers_needed} 个层级，此结构有 {m.layers} 个。"), SOURCES["spans"]))
    best = min((r.overlaps or 0) + (r.gaps or 0) for r in c.rows if r.ok)
    extra = (m.overlaps or 0) + (m.gaps or 0) - best
    if extra > 0:
        out.append(Reason("duties", -min(2.0, 0.5 * extra), pick(lang, f"{extra} more duty overlaps or gaps than the best structure: responsibilities get blurred.",
                                                                 f"比最佳结构多 {extra} 处职责重叠或空缺：职责会变得模糊。"), SOURCES["duties"]))
    return out


def recommend(c: Comparison, weights: dict[str, float] | None = None, lang: str = "en") -> Recommendation:
    """Rank the compared structures; ties keep the stage's order of preference."""
    w = dict(DEFAULT_WEIGHTS, **(weights or {}))
    ranked: list[Ranked] = []
    for m in c.rows:
        s = m.structure
        if not m.ok:
            ranked.append(Ranked(s, structure_name(s, lang), None, [], m.error))
            continue
        reasons = [_stage(c, s, lang)]
        reasons += [r for r in (_dimensions(c, s, lang), _kind(c, s, lang)) if r is not None]
        reasons += _measured(c, m, lang)
        score = _n(sum(w[r.rule] * r.points for r in reasons))
        ranked.append(Ranked(s, structure_name(s, lang), score, reasons))
    order = TIE_ORDER[c.stage]
    ranked.sort(key=lambda r: (r.score is None, -(r.score or 0.0), order.index(r.structure)))
    return Recommendation(c.company, c.stage, lang, w, ranked, stage_guidance(c.stage, lang))


def score_table(rec: Recommendation) -> tuple[list[str], list[list[float]]]:
    """(rule ids, rows of weighted points per rule) for each buildable structure, ranking order."""
    rows = []
    for r in rec.ranking:
        if r.score is None:
            continue
        rows.append([_n(sum(rec.weights[x.rule] * x.points for x in r.reasons if x.rule == rule)) for rule in RULES])
    return list(RULES), rows
