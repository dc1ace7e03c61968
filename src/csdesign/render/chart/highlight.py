"""`csdesign render --highlight overlaps,gaps`: colour the boxes the report's findings involve."""

from __future__ import annotations

import networkx as nx

from csdesign.analysis import Report
from csdesign.errors import InputError
from csdesign.render.chart.dot import Highlight

#: highlight name -> (analysis for run_all, colour, legend label en, zh)
KINDS = {
    "overlaps": ("overlap", "#c00000", "duty overlap", "职责重叠"),
    "gaps": ("gaps", "#ed7d31", "duty / KPI gap", "职责空缺"),
    "duplicates": ("duplicates", "#7030a0", "near-duplicate duty", "疑似重复职责"),
    "raci": ("raci", "#bf8f00", "RACI issue", "RACI问题"),
    "kpis": ("kpis", "#00b0f0", "shared KPI", "多人负责的指标"),
    "spans": ("spans", "#375623", "span / layer issue", "管理幅度问题"),
    "capacity": ("capacity", "#833c0b", "staffing mismatch", "人员配置不匹配"),
}
ALIASES = {"overlap": "overlaps", "gap": "gaps", "all": "all", "span": "spans", "kpi": "kpis"}


def parse_highlight(value: str) -> list[str]:
    names = []
    for raw in value.split(","):
        name = ALIASES.get(raw.strip(), raw.strip())
        if not name:
            continue
        if name == "all":
            return list(KINDS)
        if name not in KINDS:
            raise InputError(f"--highlight: unknown finding kind '{name}'", hint=f"choose from {', '.join(KINDS)}, all")
        if name not in names:
            names.append(name)
    if not names:
        raise InputError("--highlight: nothing named", hint=f"choose from {', '.join(KINDS)}, all")
    return names


def analyses_for(names: list[str]) -> list[str]:
    """The analyses (for ``run_all``) whose findings the highlight kinds ``names`` mark."""
    return [KINDS[n][0] for n in names]


def report_highlights(report: Report, names: list[str], lang: str = "en") -> list[Highlight]:
    """One Highlight per kind (legend order = ``names``), holding the nodes of its findings."""
    findings = {
        "overlaps": report.overlaps, "gaps": report.gaps, "duplicates": report.near_duplicates,
        "raci": report.raci_issues, "kpis": report.shared_kpis,
        "spans": report.spans.issues if report.spans else [], "capacity": [r for r in report.capacity if r.is_finding],
    }
    out = []
    for name in names:
        _, colour, en, zh = KINDS[name]
        nodes = {n for f in findings[name] for n in f.nodes}
        out.append(Highlight(colour, zh if lang == "zh" else en, nodes))
    return out


def restrict(highlights: list[Highlight], g: nx.DiGraph) -> list[Highlight]:
    """Keep only the nodes still drawn (after --focus / --depth), so legend counts match the chart."""
    return [Highlight(h.colour, h.label, {n for n in h.nodes if n in g}) for h in highlights]
