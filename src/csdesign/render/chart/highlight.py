"""`csdesign render --highlight overlaps,gaps`: colour the boxes the report's findings involve.

The kinds, colours and legend labels are the ``highlight`` of each analysis in the registry
(analysis/registry.py)."""

from __future__ import annotations

import networkx as nx

from csdesign.analysis import Report
from csdesign.analysis.registry import ANALYSES
from csdesign.errors import InputError
from csdesign.render.chart.dot import Highlight


def _kind(name: str) -> str | None:
    kinds = ANALYSES.highlights()
    if name in kinds:
        return name
    resolved = ANALYSES.resolve(name)
    h = ANALYSES[resolved].highlight if resolved else None
    return h.name if h else None


def parse_highlight(value: str) -> list[str]:
    kinds = list(ANALYSES.highlights())
    names: list[str] = []
    for raw in value.split(","):
        name = raw.strip()
        if not name:
            continue
        if name == "all":
            return kinds
        kind = _kind(name)
        if kind is None:
            raise InputError(f"--highlight: unknown finding kind '{name}'", hint=f"choose from {', '.join(kinds)}, all")
        if kind not in names:
            names.append(kind)
    if not names:
        raise InputError("--highlight: nothing named", hint=f"choose from {', '.join(kinds)}, all")
    return names


def analyses_for(names: list[str]) -> list[str]:
    """The analyses (for ``run_all``) whose findings the highlight kinds ``names`` mark."""
    kinds = ANALYSES.highlights()
    return [kinds[n].name for n in names]


def report_highlights(report: Report, names: list[str], lang: str = "en") -> list[Highlight]:
    """One Highlight per kind (legend order = ``names``), holding the nodes of its findings."""
    kinds = ANALYSES.highlights()
    out = []
    for name in names:
        a = kinds[name]
        assert a.highlight is not None
        nodes = {n for f in report.findings_of(a.name) for n in f.nodes}
        en, zh = a.highlight.label
        out.append(Highlight(a.highlight.colour, zh if lang == "zh" else en, nodes))
    return out


def restrict(highlights: list[Highlight], g: nx.DiGraph) -> list[Highlight]:
    """Keep only the nodes still drawn (after --focus / --depth), so legend counts match the chart."""
    return [Highlight(h.colour, h.label, {n for n in h.nodes if n in g}) for h in highlights]
