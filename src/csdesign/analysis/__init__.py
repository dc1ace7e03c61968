"""Responsibility analyses over the org graph (never the YAML): overlap, gaps, RACI, spans...

Each module is a pure function of the graph contract (structures/contract.py). The analyses
are registered in :mod:`csdesign.analysis.registry`; ``run_all`` runs the ones asked for and
returns a :class:`Report` whose ``to_dict`` has the stable keys documented in docs/report.md
and docs/report.schema.json.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from csdesign.analysis.registry import ANALYSES
from csdesign.errors import InputError

if TYPE_CHECKING:
    import networkx as nx

    from csdesign.analysis.base import Finding

#: JSON format version; bump when a key changes meaning (2: ``capacity`` became an object, ``cost`` added).
SCHEMA_VERSION = 2


@dataclass
class Report:
    """Everything the report shows: each analysis's result by name (``result(name)``), also as
    an attribute named by its key (``report.overlaps``, ``report.spans``). Analyses that did
    not run give their empty result (an empty list, or None); ``ran`` says which ran."""

    company: str
    structure: str
    ran: tuple[str, ...]
    #: show why differently written names were taken as one (``report --explain``)
    explain: bool = False
    results: dict[str, Any] = field(default_factory=dict)
    #: the graph analysed (for writers that list every box, such as the workbook's roster)
    graph: Any = field(default=None, repr=False, compare=False)
    #: what changed from an earlier org (``report --compare BEFORE``: the workbook's Compare sheet)
    changes: Any = field(default=None, repr=False, compare=False)
    #: the earlier org's graph, with ``changes``
    before: Any = field(default=None, repr=False, compare=False)

    def result(self, name: str) -> Any:
        return self.results[name] if name in self.results else ANALYSES[name].empty_result()

    def __getattr__(self, key: str) -> Any:
        if not key.startswith("_") and key != "results":
            for a in ANALYSES:
                if a.key == key:
                    return self.result(a.name)
        raise AttributeError(key)

    @property
    def raci_issues(self) -> list[Any]:
        return list(self.result("raci").issues)

    @property
    def raci_matrix(self) -> Any:
        return self.result("raci").matrix

    def findings_of(self, name: str) -> list[Finding]:
        return ANALYSES[name].finding_list(self.result(name))

    def counts(self) -> dict[str, int]:
        """Finding counts by analysis (delegation is information, not a finding)."""
        return {a.name: len(self.findings_of(a.name)) for a in ANALYSES.counted()}

    @property
    def findings(self) -> int:
        return sum(self.counts().values())

    def all_findings(self) -> list[Finding]:
        """Every finding object (each has ``nodes`` and ``message(lang)``), in report order."""
        return [f for a in ANALYSES.counted() for f in self.findings_of(a.name)]

    def summary(self, lang: str = "en") -> str:
        from csdesign.analysis.summary import summary_line

        return summary_line(self, lang)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        out: dict[str, Any] = {
            "version": SCHEMA_VERSION,
            "company": self.company,
            "structure": self.structure,
            "lang": lang,
            "analyses": list(self.ran),
            "summary": self.summary(lang),
            "counts": self.counts(),
        }
        for a in ANALYSES:
            out[a.key] = a.to_json(self.result(a.name), lang)
        return out


def parse_only(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"overlap,gaps"`` -> ("overlap", "gaps") in report order; unknown names are a usage error."""
    names_all = ANALYSES.names()
    if value is None:
        return names_all
    items = value.split(",") if isinstance(value, str) else list(value)
    names = [s.strip() for s in items if s.strip()]
    chosen = set()
    for name in names:
        resolved = ANALYSES.resolve(name)
        if resolved is None:
            import difflib

            close = difflib.get_close_matches(name, names_all, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise InputError(f"--only: unknown analysis '{name}'", hint=f"{hint}choose from {', '.join(names_all)}")
        chosen.add(resolved)
    if not chosen:
        raise InputError("--only: no analysis named", hint=f"choose from {', '.join(names_all)}")
    return tuple(a for a in names_all if a in chosen)


def run_all(
    g: nx.DiGraph,
    only: str | Iterable[str] | None = None,
    *,
    bands: tuple[Any, ...] | None = None,
    capacity_defaults: Mapping[str, Mapping[str, int]] | None = None,
    settings: Any = None,
) -> Report:
    """Run the analyses named in ``only`` (all by default) on one graph.

    ``settings`` (analysis/capacity_settings.Settings) are the capacity and cost benchmarks;
    by default the built-in ones with the org file's ``capacity:`` overrides.

    The cyclic garbage collector is paused meanwhile: the analyses allocate many small
    tuples and no cycles, and full collections made 100,000-instance runs superlinear."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return _run(g, parse_only(only), bands, capacity_defaults, settings)
    finally:
        if enabled:
            gc.enable()


def _run(g: nx.DiGraph, ran: tuple[str, ...], bands: tuple[Any, ...] | None, capacity_defaults: Mapping[str, Mapping[str, int]] | None, settings: Any = None) -> Report:
    report = Report(company=str(g.graph.get("company", "")), structure=str(g.graph.get("structure", "")), ran=ran, graph=g)
    for name in ran:
        report.results[name] = ANALYSES[name].execute(g, bands=bands, capacity_defaults=capacity_defaults, settings=settings)
    overlap = sys.modules.get("csdesign.analysis.overlap")  # loaded only if a clash check ran
    if overlap is not None:
        overlap.forget_classes(g)  # the clash checks are done: their per-box index need not outlive them
    return report


__all__ = ["ANALYSES", "Report", "parse_only", "run_all"]
