"""Responsibility analyses over the org graph (never the YAML): overlap, gaps, RACI, spans...

Each module is a pure function of the graph contract (structures/contract.py). ``run_all``
runs the ones asked for and returns a :class:`Report` whose ``to_dict`` has the stable keys
documented in docs/report.md and docs/report.schema.json.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

import networkx as nx

from csdesign.errors import InputError

#: The analyses, in report order. ``--only`` takes these names.
ANALYSES = ("overlap", "delegation", "gaps", "duplicates", "raci", "kpis", "spans", "capacity", "placement")
#: JSON format version; bump when a key changes meaning.
SCHEMA_VERSION = 1


@dataclass
class Report:
    """Everything the report shows. Lists are empty (and ``spans``/``placement`` None) for
    analyses that were not run; ``ran`` says which ran."""

    company: str
    structure: str
    ran: tuple[str, ...]
    overlaps: list = field(default_factory=list)
    delegations: list = field(default_factory=list)
    gaps: list = field(default_factory=list)
    near_duplicates: list = field(default_factory=list)
    raci_issues: list = field(default_factory=list)
    raci_matrix: Any = None
    shared_kpis: list = field(default_factory=list)
    spans: Any = None
    capacity: list = field(default_factory=list)
    placement: Any = None
    #: show why differently written names were taken as one (``report --explain``)
    explain: bool = False

    def counts(self) -> dict[str, int]:
        """Finding counts by analysis (delegation is information, not a finding)."""
        return {
            "overlap": len(self.overlaps),
            "gaps": len(self.gaps),
            "duplicates": len(self.near_duplicates),
            "raci": len(self.raci_issues),
            "kpis": len(self.shared_kpis),
            "spans": len(self.spans.issues) if self.spans else 0,
            "capacity": sum(1 for r in self.capacity if r.is_finding),
            "placement": 1 if self.placement is not None and not self.placement.fits else 0,
        }

    @property
    def findings(self) -> int:
        return sum(self.counts().values())

    def all_findings(self) -> list:
        """Every finding object (each has ``nodes`` and ``message(lang)``), in report order."""
        out: list = [*self.overlaps, *self.gaps, *self.near_duplicates, *self.raci_issues, *self.shared_kpis]
        if self.spans:
            out.extend(self.spans.issues)
        out.extend(r for r in self.capacity if r.is_finding)
        if self.placement is not None and not self.placement.fits:
            out.append(self.placement)
        return out

    def summary(self, lang: str = "en") -> str:
        from csdesign.analysis.summary import summary_line

        return summary_line(self, lang)

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "version": SCHEMA_VERSION,
            "company": self.company,
            "structure": self.structure,
            "lang": lang,
            "analyses": list(self.ran),
            "summary": self.summary(lang),
            "counts": self.counts(),
            "overlaps": [f.to_dict(lang) for f in self.overlaps],
            "delegations": [f.to_dict(lang) for f in self.delegations],
            "gaps": [f.to_dict(lang) for f in self.gaps],
            "near_duplicates": [f.to_dict(lang) for f in self.near_duplicates],
            "raci": {
                "issues": [f.to_dict(lang) for f in self.raci_issues],
                "matrix": self.raci_matrix.to_dict() if self.raci_matrix is not None else None,
            },
            "shared_kpis": [f.to_dict(lang) for f in self.shared_kpis],
            "spans": self.spans.to_dict(lang) if self.spans is not None else None,
            "capacity": [r.to_dict(lang) for r in self.capacity],
            "placement": self.placement.to_dict(lang) if self.placement is not None else None,
        }


def parse_only(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"overlap,gaps"`` -> ("overlap", "gaps") in report order; unknown names are a usage error."""
    if value is None:
        return ANALYSES
    items = value.split(",") if isinstance(value, str) else list(value)
    names = [s.strip() for s in items if s.strip()]
    aliases = {"overlaps": "overlap", "gap": "gaps", "near-duplicates": "duplicates", "kpi": "kpis", "span": "spans", "delegations": "delegation"}
    chosen = set()
    for name in names:
        name = aliases.get(name, name)
        if name not in ANALYSES:
            import difflib

            close = difflib.get_close_matches(name, ANALYSES, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise InputError(f"--only: unknown analysis '{name}'", hint=f"{hint}choose from {', '.join(ANALYSES)}")
        chosen.add(name)
    if not chosen:
        raise InputError("--only: no analysis named", hint=f"choose from {', '.join(ANALYSES)}")
    return tuple(a for a in ANALYSES if a in chosen)


def run_all(
    g: nx.DiGraph,
    only: str | Iterable[str] | None = None,
    *,
    bands: tuple | None = None,
    capacity_defaults: Mapping[str, Mapping[str, int]] | None = None,
) -> Report:
    """Run the analyses named in ``only`` (all by default) on one graph.

    The cyclic garbage collector is paused meanwhile: the analyses allocate many small
    tuples and no cycles, and full collections made 100,000-instance runs superlinear."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return _run(g, parse_only(only), bands, capacity_defaults)
    finally:
        if enabled:
            gc.enable()


def _run(g: nx.DiGraph, ran: tuple[str, ...], bands: tuple | None, capacity_defaults: Mapping[str, Mapping[str, int]] | None) -> Report:
    report = Report(company=str(g.graph.get("company", "")), structure=str(g.graph.get("structure", "")), ran=ran)
    if "overlap" in ran:
        from csdesign.analysis.overlap import find_overlaps

        report.overlaps = find_overlaps(g)
    if "delegation" in ran:
        from csdesign.analysis.overlap import find_delegations

        report.delegations = find_delegations(g)
    if "gaps" in ran:
        from csdesign.analysis.gaps import find_gaps

        report.gaps = find_gaps(g)
    if "duplicates" in ran:
        from csdesign.analysis.near_duplicates import find_near_duplicates

        report.near_duplicates = find_near_duplicates(g)
    if "raci" in ran:
        from csdesign.analysis.raci import check_raci, raci_matrix

        report.raci_issues = check_raci(g)
        report.raci_matrix = raci_matrix(g)
    if "kpis" in ran:
        from csdesign.analysis.kpis import find_shared_kpis

        report.shared_kpis = find_shared_kpis(g)
    if "spans" in ran:
        from csdesign.analysis.spans import DEFAULT_BANDS, analyse_spans

        report.spans = analyse_spans(g, bands or DEFAULT_BANDS)
    if "capacity" in ran:
        from csdesign.analysis.capacity import analyse_capacity

        report.capacity = analyse_capacity(g, capacity_defaults)
    if "placement" in ran:
        from csdesign.analysis.placement import assess_placement

        report.placement = assess_placement(g)
    return report


__all__ = ["ANALYSES", "Report", "parse_only", "run_all"]
