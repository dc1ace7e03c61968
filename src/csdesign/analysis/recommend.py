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
#: Where each rule's reasoning comes from: a source article (knowledge/sources.yaml) or the
#: public span-of-control benchmarks. A reason carries the citation, in its language.
SOURCES = {"stage": "003", "dimensions": "003", "kind": "000", "silos": "004",
           "handoffs": "003", "spans": "benchmarks", "duties": "002"}
BENCHMARKS = ("public span-of-control benchmarks (McKinsey archetypes, Orgvue bands)", "管理幅度公开基准（McKinsey 管理者原型、Orgvue 区间）")


def source(rule: str, lang: str) -> str:
    """The citation of a rule's source in ``lang``: the article's title, or the benchmarks."""
    from csdesign.knowledge.sources import cite

    key = SOURCES[rule]
    return pick(lang, *BENCHMARKS) if key == "benchmarks" else cite(key, lang)

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
    guidance: str = ""  # the stage advice (article 003), quoted once rather than per reason
    #: equal scores among buildable structures, (score, structures in ranking order); computed on
    #: the whole ranking, so ``--top`` still says when the first place is shared
    ties: list[tuple[float, tuple[str, ...]]] = field(default_factory=list)
    note: str = ""  # what is ranked when the file is an as-is org

    @property
    def first(self) -> Ranked:
        return self.ranking[0]

    def tie_sentences(self) -> list[str]:
        """How each tie was broken, in the reader's language."""
        order = TIE_ORDER[self.stage]
        stage = stage_name(self.stage, self.lang)
        out = []
        for score, names in self.ties:
            shown = [structure_name(s, self.lang) for s in names]
            listed = pick(self.lang, ", ", "、").join(structure_name(s, self.lang) for s in order)
            both = pick(self.lang, ", ".join(shown[:-1]) + " and " + shown[-1], "、".join(shown))
            out.append(pick(self.lang, f"{both} tie at {score:g}; equal scores keep the order in which the guidance for the {stage} stage names the structures ({listed}).",
                            f"{both}同为 {score:g} 分；同分时按{stage}指引列出各结构的顺序排列（{listed}）。"))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"company": self.company, "stage": self.stage, "guidance": self.guidance, "weights": dict(self.weights),
                "ranking": [r.to_dict() for r in self.ranking], "note": self.note,
                "ties": [{"score": score, "structures": list(names), "text": text} for (score, names), text in zip(self.ties, self.tie_sentences())]}


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
        text = pick(lang, f"The stage guidance neither favours nor rules out a {name.lower()} structure at the {stage} stage.", f"阶段建议对{stage}采用{name}结构既不推荐也不排斥。")
    return Reason("stage", pts, text, source("stage", lang))


def _dimensions(c: Comparison, s: str, lang: str, m: StructureMetrics | None = None) -> Reason | None:
    dims = c.dimensions
    if s == "matrix":
        return _matrix(c, m, lang)
    axis = CUT_AXIS.get(s)
    if axis is None:
        return None
    n = len(dims.get(axis, []))
    en, zh = AXIS_WORDS[axis]
    if n >= 2:
        return Reason("dimensions", 1, pick(lang, f"The company has {n} {en}, so each team has its own to specialise in.", f"公司有 {n} {zh}，每个团队都有可专注的对象。"), source("dimensions", lang))
    return Reason("dimensions", -1, pick(lang, f"With only one of its {en}, this cut gives a single team and no specialisation.", f"只有 1 {zh}，这种划分只会得到一个团队，无从专业化。"), source("dimensions", lang))


#: How a matrix's teams and cross lines are named, by axis: (teams, lines, 团队, 线).
MATRIX_WORDS = {
    "product": ("product teams", "product lines", "产品团队", "产品线"),
    "segment": ("segment teams", "segment lines", "客户分层团队", "客户分层线"),
    "region": ("regional teams", "regional lines", "区域团队", "区域线"),
    "process": ("journey-stage teams", "journey-stage lines", "旅程阶段团队", "旅程阶段线"),
    "function": ("functional teams", "functional lines", "职能团队", "职能线"),
}


def _matrix(c: Comparison, m: StructureMetrics | None, lang: str) -> Reason:
    """The matrix this file builds: its primary teams and what crosses them (issue 18: a
    segment-primary matrix was praised for "product teams")."""
    g = m.graph if m is not None else None
    primary = (g.graph.get("axis") if g is not None else None) or "function"
    secondary = g.graph.get("secondary") if g is not None else None
    teams_en, _, teams_zh, _ = MATRIX_WORDS.get(primary, MATRIX_WORDS["function"])
    n = len(g.graph.get("units") or {}) if g is not None else 0
    src = source("dimensions", lang)
    if g is None or primary not in AXIS_WORDS:  # no graph: primary is "function"
        return Reason("dimensions", -1, pick(lang, "A matrix cuts teams by product, region or customer segment, and this company declares none of them.",
                                              "矩阵结构按产品、区域或客户分层划分团队，而本公司没有声明这些维度。"), src)
    p_en, p_zh = AXIS_WORDS[primary]
    if n < 2:
        return Reason("dimensions", -1, pick(lang, f"A matrix needs two or more {p_en} to cut into teams; this company has {n}.",
                                              f"矩阵结构需要至少两{p_zh}来划分团队，本公司只有 {n} {p_zh}。"), src)
    if secondary in AXIS_WORDS:
        k = len(c.dimensions.get(secondary, []))
        s_en, s_zh = AXIS_WORDS[secondary]
        _, lines_en, _, lines_zh = MATRIX_WORDS[secondary]
        if k >= 2:
            return Reason("dimensions", 1, pick(lang, f"{n} {p_en} across {k} {s_en} is the case a matrix is for: {teams_en} with {lines_en} across them.",
                                                 f"{n} {p_zh}覆盖 {k} {s_zh}，正是矩阵结构适用的情形：按{teams_zh[:-2]}设团队，再用{lines_zh}横向贯穿。"), src)
        return Reason("dimensions", -1, pick(lang, f"A matrix pays off with several {s_en} across the {teams_en}; this company has {k}.",
                                              f"矩阵结构适用于多{s_zh}横跨各{teams_zh}的情形，本公司只有 {k} {s_zh}。"), src)
    from csdesign.structures.contract import dotted_reports, roles

    leads: list[str] = []
    for node, d in roles(g):
        label = d["function"] or d["title"]
        if d["scope"] == "lead" and dotted_reports(g, node) and label not in leads:
            leads.append(label)
    names = pick(lang, ", ", "、").join(leads)
    if len(leads) >= 2:
        return Reason("dimensions", 1, pick(lang, f"{n} {p_en} with {len(leads)} functional leads across them ({names}) is the case a matrix is for: {teams_en} with functional lines across them.",
                                             f"{n} {p_zh}，另有 {len(leads)} 条职能线（{names}）横向贯穿，正是矩阵结构适用的情形。"), src)
    if leads:
        return Reason("dimensions", -1, pick(lang, f"Only one functional lead ({names}) crosses the {n} {teams_en}; a matrix pays off with several.",
                                              f"只有一条职能线（{names}）横跨 {n} 个{teams_zh}；矩阵结构要有多条才划算。"), src)
    return Reason("dimensions", -1, pick(lang, f"No `scope: lead` role draws a line across the {n} {teams_en}, so this matrix would be drawn as a {primary} structure; a matrix needs cross-team leads (data, training, product support).",
                                          f"没有 `scope: lead` 岗位横跨这 {n} 个{teams_zh}，此矩阵画出来只是按{p_zh[1:]}划分的结构；矩阵需要跨团队的职能负责人（数据、培训、产品支持）。"), src)


def _kind(c: Comparison, s: str, lang: str) -> Reason | None:
    if c.kind == "internet" and s in ("flat", "circular"):
        return Reason("kind", 1, pick(lang, "Internet firms run CS flatter, working directly with product and engineering.", "互联网企业的客户成功部门更扁平，直接与产品和技术协作。"), source("kind", lang))
    if c.kind == "traditional" and s == "functional":
        # seed 000 does not praise a traditional firm's hierarchy: it is complex and CS meets
        # communication barriers across departments; no points, the caution instead
        return Reason("kind", 0, pick(lang, "Traditional firms' hierarchies are complex and CS meets communication barriers across departments: declare the interfaces a functional structure needs.",
                                       "传统企业的层级结构较为复杂，客户成功部门在跨部门协作时可能遇到沟通壁垒：职能型结构需要明确跨部门协作机制。"), source("kind", lang))
    return None


def _measured(c: Comparison, m: StructureMetrics, lang: str) -> list[Reason]:
    out: list[Reason] = []
    if m.silo_pairs:
        pts = -min(2.0, 0.5 * m.silo_pairs)
        units = ("、" if lang == "zh" else ", ").join(m.silo_units)
        out.append(Reason("silos", pts, pick(lang, f"{m.silo_pairs} {'pair' if m.silo_pairs == 1 else 'pairs'} of teams ({units}) serve the same customers with no declared way to work together: information islands.",
                                              f"{m.silo_pairs} 对团队（{units}）服务相同客户却没有约定协作机制：存在信息孤岛。"), source("silos", lang)))
    if m.handoffs:
        pts = -min(2.0, 0.5 * m.handoffs)
        out.append(Reason("handoffs", pts, pick(lang, f"Customers change teams {m.handoffs} {'time' if m.handoffs == 1 else 'times'} along the journey; every hand-off can lose them.",
                                                 f"客户在旅程中要更换 {m.handoffs} 次团队，每次交接都可能流失客户。"), source("handoffs", lang)))
    flagged = sum(m.band_shares.get(b, 0.0) for b in FLAGGED)
    if flagged > 0:
        out.append(Reason("spans", _n(-2 * flagged), pick(lang, f"{flagged:.0%} of managers would have a span outside the healthy bands (one-to-one, or above 12).",
                                                         f"{flagged:.0%} 的管理者管理幅度不健康（一对一，或超过 12 人）。"), source("spans", lang)))
    if m.layers is not None and m.layers_needed is not None and m.layers > m.layers_needed + 1:
        out.append(Reason("spans", -1, pick(lang, f"{m.layers} layers where {m.headcount} people need about {m.layers_needed}.",
                                             f"{m.headcount} 人约需 {m.layers_needed} 个层级，此结构有 {m.layers} 个。"), source("spans", lang)))
    best = min((r.overlaps or 0) + (r.gaps or 0) for r in c.rows if r.ok)
    extra = (m.overlaps or 0) + (m.gaps or 0) - best
    if extra > 0:
        out.append(Reason("duties", -min(2.0, 0.5 * extra), pick(lang, f"{extra} more duty overlaps or gaps than the best structure: responsibilities get blurred.",
                                                                 f"比最佳结构多 {extra} 处职责重叠或空缺：职责会变得模糊。"), source("duties", lang)))
    return out


def recommend(c: Comparison, weights: dict[str, float] | None = None, lang: str = "en") -> Recommendation:
    """Rank the compared structures; ties keep the stage's order of preference, and say so."""
    _check_rankable(c)
    w = dict(DEFAULT_WEIGHTS, **(weights or {}))
    ranked: list[Ranked] = []
    for m in c.rows:
        s = m.structure
        if not m.ok:
            ranked.append(Ranked(s, structure_name(s, lang), None, [], m.error))
            continue
        reasons = [_stage(c, s, lang)]
        reasons += [r for r in (_dimensions(c, s, lang, m), _kind(c, s, lang)) if r is not None]
        reasons += _measured(c, m, lang)
        score = _n(sum(w[r.rule] * r.points for r in reasons))
        ranked.append(Ranked(s, structure_name(s, lang), score, reasons))
    order = TIE_ORDER[c.stage]
    ranked.sort(key=lambda r: (r.score is None, -(r.score or 0.0), order.index(r.structure)))
    ties: dict[float, list[str]] = {}
    for r in ranked:
        if r.score is not None:
            ties.setdefault(r.score, []).append(r.structure)
    return Recommendation(c.company, c.stage, lang, w, ranked, stage_guidance(c.stage, lang),
                          [(score, tuple(names)) for score, names in ties.items() if len(names) > 1], _as_is_note(c, lang))


def _check_rankable(c: Comparison) -> None:
    """Nothing to rank is a user error, never a ranking without scores."""
    if any(r.ok for r in c.rows):
        return
    if c.positions is not None and not c.roles:
        raise InputError(
            f"{c.file}: recommend ranks proposals built from `roles:`, and this as-is org has {c.positions:,} positions and no roles",
            hint="add `roles:`, one per job with its title, level and duties, and link the positions to them with `role:`; "
                 "csdesign report and csdesign lint check the positions as they are",
        )
    first = next((r.error for r in c.rows if r.error), None)
    raise InputError(f"{c.file}: no structure can be built from this file: {first}", hint="fix the file so at least one structure builds (csdesign lint shows where)")


def _as_is_note(c: Comparison, lang: str) -> str:
    if c.positions is None:
        return ""
    return pick(lang, f"This file is an as-is org ({c.positions:,} positions): the ranking is of proposals built from its {c.roles} roles, not of the org as it is; "
                      f"run csdesign diff {c.file} {c.file} --after-structure X to see what moving to one of them changes.",
                f"此文件是现状组织（{c.positions:,} 个岗位）：排名针对由其 {c.roles} 个角色生成的方案，而非现状组织本身；"
                f"运行 csdesign diff {c.file} {c.file} --after-structure X 可查看改为某一方案的变化。")


def score_table(rec: Recommendation) -> tuple[list[str], list[list[float]]]:
    """(rule ids, rows of weighted points per rule) for each buildable structure, ranking order."""
    rows = []
    for r in rec.ranking:
        if r.score is None:
            continue
        rows.append([_n(sum(rec.weights[x.rule] * x.points for x in r.reasons if x.rule == rule)) for rule in RULES])
    return list(RULES), rows
