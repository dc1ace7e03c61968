"""The analysis registry: one :class:`Analysis` per analysis, the single source for everything
built from the analyses.

``run_all`` and ``--only`` (names, aliases, order), ``Report.counts``/``to_dict`` and the
summary line, the report's sections (``section``), ``render --highlight`` and the workbench's
findings (``highlight``), the JSON schema's per-analysis properties (``schema``) and lint
(``lint``: rules read the analysis through ``LintContext.analysis(name)``; ``lint_rule``
generates a rule from the findings) are all made from these entries. Adding an analysis is
one module (its function and finding class) plus one entry here (docs/contributing.md).

Functions are ``"module:function"`` references imported only when used, so this module is
cheap to import (the CLI's ``--help`` lists the names from it). Stdlib only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any, Callable, Iterator

if TYPE_CHECKING:
    from csdesign.analysis.base import Finding


@dataclass
class Section:
    """A format-neutral part of the report: heading, columns, rows of raw user text, notes.

    An analysis's ``section`` function returns these; the report writers draw them."""

    key: str
    heading: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    empty: str = ""


@dataclass(frozen=True)
class Highlight:
    """How ``render --highlight NAME`` marks the boxes of an analysis's findings."""

    name: str
    colour: str
    label: tuple[str, str]  # legend text, en and zh


@dataclass(frozen=True)
class LintRule:
    """A lint rule generated from an analysis: one finding per analysis finding, pinned to its
    first box (for analyses without hand-written rules)."""

    code: str
    name: str
    severity: str
    explanation: str
    explanation_zh: str = ""  # the Chinese explanation (`csdesign rule CODE --lang zh`)


@dataclass(frozen=True)
class Analysis:
    """One analysis.

    ``run(graph, **options) -> result``; ``options`` names the keyword arguments of
    ``run_all`` it takes (``bands``, ``capacity_defaults``). ``findings(result) -> list`` of
    :class:`~csdesign.analysis.base.Finding` (None: the result is that list); ``noun`` (en one,
    en many, zh with measure word) is the summary line's word, None for an analysis that
    reports information rather than findings (delegation: not counted). ``key`` is the JSON key
    and the result's ``Report`` attribute; ``empty`` the result when it did not run (``list``,
    ``none`` or a ``"module:function"`` factory). The JSON value is ``[f.to_dict(lang) ...]`` for
    a list and ``result.to_dict(lang)`` otherwise. ``section(report, lang) -> list[Section]``
    draws its part of the report at ``section_rank`` (default: registry order).
    """

    name: str
    run: str
    key: str
    title: tuple[str, str]
    noun: tuple[str, str, str] | None = None
    findings: str | None = None
    section: str | None = None
    section_rank: float | None = None
    highlight: Highlight | None = None
    lint: bool = False
    lint_rule: LintRule | None = None
    aliases: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    empty: str = "list"
    always_summarised: bool = False  # the summary line shows it even at 0 (overlap, gaps)
    schema: str | None = None  # "module:NAME" of the JSON schema of its value (docs/report.schema.json)

    def execute(self, g: Any, **options: Any) -> Any:
        return load(self.run)(g, **{k: v for k, v in options.items() if k in self.options})

    def empty_result(self) -> Any:
        if self.empty == "list":
            return []
        if self.empty == "none":
            return None
        return load(self.empty)()

    def finding_list(self, result: Any) -> list[Finding]:
        """The findings of ``result`` (empty for information-only analyses)."""
        if self.noun is None or result is None:
            return []
        if self.findings is None:
            return list(result)
        found: list[Finding] = load(self.findings)(result)
        return found

    def to_json(self, result: Any, lang: str) -> Any:
        if result is None:
            return None
        if isinstance(result, list):
            return [f.to_dict(lang) for f in result]
        return result.to_dict(lang)


def _names(a: Analysis) -> set[str]:
    return {a.name, *a.aliases, *([a.highlight.name] if a.highlight else [])}


def load(ref: str) -> Callable[..., Any]:
    module, _, name = ref.partition(":")
    func: Callable[..., Any] = getattr(import_module(module), name)
    return func


class AnalysisRegistry:
    def __init__(self, entries: list[Analysis]) -> None:
        self._entries: dict[str, Analysis] = {}
        for a in entries:
            self.register(a)

    def register(self, a: Analysis) -> Analysis:
        """Add ``a``: its name, aliases and highlight name must be new, and so must its key."""
        taken = {n for e in self for n in _names(e)}
        clash = sorted(_names(a) & taken)
        if clash:
            raise ValueError(f"analysis {a.name!r}: {', '.join(clash)} already taken")
        if a.key in {e.key for e in self}:
            raise ValueError(f"analysis {a.name!r}: key {a.key!r} already taken")
        self._entries[a.name] = a
        return a

    def unregister(self, name: str) -> None:
        del self._entries[name]

    def __iter__(self) -> Iterator[Analysis]:
        return iter(list(self._entries.values()))

    def __getitem__(self, name: str) -> Analysis:
        return self._entries[name]

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def names(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def resolve(self, name: str) -> str | None:
        """The analysis a name or alias means, or None."""
        for a in self:
            if name == a.name or name in a.aliases:
                return a.name
        return None

    def highlights(self) -> dict[str, Analysis]:
        """``--highlight`` name -> analysis, in registry order."""
        return {a.highlight.name: a for a in self if a.highlight}

    def counted(self) -> list[Analysis]:
        return [a for a in self if a.noun is not None]

    def sectioned(self) -> list[Analysis]:
        """Analyses with a report section, in section order."""
        ranked = [(a.section_rank if a.section_rank is not None else float(i), a) for i, a in enumerate(self) if a.section]
        return [a for _, a in sorted(ranked, key=lambda pair: pair[0])]


_S = "csdesign.render.report.sections"
_R = "csdesign.analysis.registry"
_J = "csdesign.analysis.report_schema"

ANALYSES = AnalysisRegistry([
    Analysis(
        "overlap", "csdesign.analysis.overlap:find_overlaps", "overlaps", ("Responsibility overlaps", "职责重叠"),
        ("overlap", "overlaps", "处职责重叠"), section=f"{_S}:overlap", always_summarised=True,
        highlight=Highlight("overlaps", "#c00000", ("duty overlap", "职责重叠")), lint=True, aliases=("overlaps",), schema=f"{_J}:OVERLAPS",
    ),
    Analysis(
        "delegation", "csdesign.analysis.overlap:find_delegations", "delegations", ("Delegation (information, not overlaps)", "职责下放（仅供参考，不计为重叠）"),
        section=f"{_S}:delegation", section_rank=5.5, lint=True, aliases=("delegations",), schema=f"{_J}:DELEGATIONS",
    ),
    Analysis(
        "gaps", "csdesign.analysis.gaps:find_gaps", "gaps", ("Gaps: expected duties and KPIs nobody owns", "职责空缺：无人负责的职责与指标"),
        ("gap", "gaps", "处职责空缺"), section=f"{_S}:gaps", always_summarised=True,
        highlight=Highlight("gaps", "#ed7d31", ("duty / KPI gap", "职责空缺")), lint=True, aliases=("gap",), schema=f"{_J}:GAPS",
    ),
    Analysis(
        "duplicates", "csdesign.analysis.near_duplicates:find_near_duplicates", "near_duplicates", ("Near-duplicate duty names", "疑似重复的职责名称"),
        ("near-duplicate duty name", "near-duplicate duty names", "组疑似重复的职责名称"), section=f"{_S}:duplicates",
        highlight=Highlight("duplicates", "#aa3377", ("near-duplicate duty", "疑似重复职责")), lint=True, aliases=("near-duplicates",), schema=f"{_J}:NEAR_DUPLICATES",
    ),
    Analysis(
        "raci", f"{_R}:run_raci", "raci", ("RACI issues", "RACI 问题"),
        ("RACI issue", "RACI issues", "个 RACI 问题"), findings=f"{_R}:raci_issues", section=f"{_S}:raci", empty=f"{_R}:no_raci",
        highlight=Highlight("raci", "#bf8f00", ("RACI issue", "RACI 问题")), lint=True, schema=f"{_J}:RACI",
    ),
    Analysis(
        "kpis", "csdesign.analysis.kpis:find_shared_kpis", "shared_kpis", ("KPI ownership", "指标归属"),
        ("shared KPI", "shared KPIs", "个多人负责的指标"), section=f"{_S}:kpis",
        highlight=Highlight("kpis", "#e7298a", ("shared KPI", "多人负责的指标")), lint=True, aliases=("kpi",), schema=f"{_J}:SHARED_KPIS",
    ),
    Analysis(
        "spans", f"{_R}:run_spans", "spans", ("Spans of control", "管理幅度"),
        ("span or layer issue", "span or layer issues", "个管理幅度或层级问题"), findings=f"{_R}:span_issues", section=f"{_S}:spans", empty="none",
        highlight=Highlight("spans", "#375623", ("span / layer issue", "管理幅度问题")), lint=True, aliases=("span",), options=("bands",), schema=f"{_J}:SPANS",
    ),
    Analysis(
        "capacity", f"{_R}:run_capacity", "capacity", ("CS capacity: CSMs per segment", "客户成功服务容量：各客户分层所需 CSM"),
        ("staffing mismatch", "staffing mismatches", "处人员配置不匹配"), findings=f"{_R}:capacity_findings", section=f"{_S}:capacity", empty="none",
        highlight=Highlight("capacity", "#833c0b", ("staffing mismatch", "人员配置不匹配")), lint=True, options=("capacity_defaults", "settings"), schema=f"{_J}:CAPACITY",
    ),
    Analysis(
        "cost", f"{_R}:run_cost", "cost", ("Cost", "成本"),
        ("cost off benchmark", "costs off benchmark", "项成本偏离基准"), findings=f"{_R}:cost_findings", section=f"{_S}:cost", empty="none",
        lint=True, aliases=("costs",), options=("settings",), schema=f"{_J}:COST",
    ),
    Analysis(
        "placement", "csdesign.analysis.placement:assess_placement", "placement", ("Where CS reports", "客户成功部门的汇报关系"),
        ("placement risk", "placement risks", "个汇报关系风险"), findings=f"{_R}:placement_findings", section=f"{_S}:placement", empty="none", lint=True, schema=f"{_J}:PLACEMENT",
    ),
])


# Adapters for analyses whose function or result does not fit the entry's shape directly.


@dataclass(frozen=True)
class RaciResult:
    """The RACI analysis: rule violations and the duty x role matrix."""

    issues: list[Any]
    matrix: Any = None

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {"issues": [f.to_dict(lang) for f in self.issues], "matrix": self.matrix.to_dict() if self.matrix is not None else None}


def run_raci(g: Any) -> RaciResult:
    from csdesign.analysis.raci import check_raci, raci_matrix

    return RaciResult(check_raci(g), raci_matrix(g))


def no_raci() -> RaciResult:
    return RaciResult([])


def raci_issues(r: RaciResult) -> list[Any]:
    return list(r.issues)


def run_spans(g: Any, bands: Any = None) -> Any:
    from csdesign.analysis.spans import DEFAULT_BANDS, analyse_spans

    return analyse_spans(g, bands or DEFAULT_BANDS)


def span_issues(s: Any) -> list[Any]:
    return list(s.issues)


def _settings(g: Any, settings: Any) -> Any:
    from csdesign.analysis.capacity_settings import for_graph

    return settings if settings is not None else for_graph(g)


def run_capacity(g: Any, capacity_defaults: Any = None, settings: Any = None) -> Any:
    from csdesign.analysis.capacity import analyse

    return analyse(g, _settings(g, settings), capacity_defaults)


def capacity_findings(cap: Any) -> list[Any]:
    return list(cap.findings())


def run_cost(g: Any, settings: Any = None) -> Any:
    from csdesign.analysis.cost import analyse_cost

    return analyse_cost(g, _settings(g, settings))


def cost_findings(cost: Any) -> list[Any]:
    return [cost] if cost.is_finding else []


def placement_findings(p: Any) -> list[Any]:
    return [] if p.fits else [p]
