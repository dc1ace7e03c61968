"""What one box says and how children group under units, for every chart format.

These helpers return clean plain text; DOT, Mermaid and HTML each escape it for their target.
"""

from __future__ import annotations

import networkx as nx

from csdesign.render.text import clean
from csdesign.structures.contract import DOTTED, EXTERNAL, SOLID, lead_value


def box_lines(g: nx.DiGraph, n: str, lang: str = "en") -> list[str]:
    """Name (explicit orgs), title, the value of a replicated matrix lead ("APAC"), then
    ``×N · level · vacant`` in ``lang`` (knowledge/chrome.py) — plain, cleaned text that every
    chart format escapes its own way. The level by its name ("Individual" / 专员)."""
    from csdesign.knowledge.chrome import level_label, word

    d = g.nodes[n]
    lines = []
    if d.get("name"):
        lines.append(clean(d["name"]))
    if d.get("kind") == EXTERNAL:  # the executive CS reports to, named as the SVG chart names it (首席运营官)
        from csdesign.render.chart.chrome import executive_title

        lines.append(executive_title(g, lang))
    else:
        lines.append(clean(d.get("title") or ""))
    qualifier = lead_value(g, n)
    if qualifier:
        lines.append(clean(qualifier))
    extra = []
    if d.get("headcount", 1) > 1:
        extra.append(f"×{d['headcount']}")
    if d.get("level") and d.get("kind") != EXTERNAL:
        from csdesign.render.chart.chrome import title_names_level

        level = level_label(d["level"], lang)
        if not title_names_level(clean(d.get("title") or ""), level):  # 客户成功部总监, not "· 总监" below it
            extra.append(level)
    if d.get("vacant"):
        extra.append(word("vacant", lang))
    if d.get("team"):
        extra.append(word("team_of", lang, n=d["team"]))
    if extra:
        lines.append(" · ".join(extra))
    return [line for line in lines if line]


def grouped_children(g: nx.DiGraph, n: str) -> list[tuple[str | None, list[str]]]:
    """Solid reports of ``n``: first those in ``n``'s own unit (key None), then one group per other unit."""
    own = g.nodes[n].get("unit")
    groups: dict[str | None, list[str]] = {None: []}
    for v in g.successors(n):
        if g.edges[n, v].get("kind") != SOLID:
            continue
        unit = g.nodes[v].get("unit")
        groups.setdefault(None if unit == own else unit, []).append(v)
    return [(u, members) for u, members in groups.items() if members]


def dotted_managers(g: nx.DiGraph, n: str) -> list[str]:
    return [u for u in g.predecessors(n) if g.edges[u, n].get("kind") == DOTTED]
