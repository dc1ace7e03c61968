"""The org as a rich tree in the terminal: titles, headcount, level, units and dotted lines.

User text goes into ``rich.text.Text`` objects, never into markup strings, so a title like
``[bold]`` or ``<script>`` prints literally. rich measures CJK as two cells, so it aligns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

import networkx as nx
from rich.text import Text
from rich.tree import Tree

from csdesign.render.chart import chrome
from csdesign.render.text import clean
from csdesign.structures.contract import DOTTED, EXTERNAL, SOLID, lead_value

if TYPE_CHECKING:
    from csdesign.render.chart.dot import Highlight

LEVEL_STYLE = {"director": "bold magenta", "manager": "bold cyan", "supervisor": "cyan", "individual": ""}


def _label(g: nx.DiGraph, n: str, notes: dict[str, list[tuple[str, str]]], lang: str = "en", labels: tuple[str, ...] = ("name", "title", "headcount", "level")) -> Text:
    d = g.nodes[n]
    text = Text()
    if d.get("kind") == EXTERNAL:
        text.append(chrome.executive_title(g, lang))
        return text
    if d.get("summary"):
        text.append(chrome.word("team", lang, n=d.get("team", 0)), style="dim")
        return text
    if d.get("name") and "name" in labels:
        text.append(clean(d["name"]) + " · ", style="bold")
    text.append(clean(d.get("title") or n), style=LEVEL_STYLE.get(d.get("level") or "", "") or None)
    if lead_value(g, n):
        text.append(chrome.bracketed(clean(lead_value(g, n)), lang))
    if d.get("headcount", 1) > 1 and "headcount" in labels:
        text.append(f" ×{d['headcount']}", style="green")
    level = chrome.level_name(str(d.get("level") or ""), lang)
    if d.get("level") and "level" in labels and not chrome.title_names_level(clean(d.get("title") or ""), level):
        text.append(f"  {level}", style="dim")  # as boxes do: not "客户成功部总监  总监"
    if d.get("assistant"):
        text.append(f"  {chrome.word('assistant', lang)}", style="dim")
    if d.get("vacant"):
        text.append(f"  {chrome.word('vacant', lang)}", style="yellow")
    dotted = [u for u in g.predecessors(n) if g.edges[u, n].get("kind") == DOTTED]
    if dotted:
        names = chrome.word("sep", lang).join(clean(g.nodes[u].get("title") or u) + (chrome.bracketed(clean(lead_value(g, u)), lang) if lead_value(g, u) else "") for u in dotted)
        text.append("  ┄ " + chrome.word("dotted", lang, lead=(" " if lang != "zh" else "") + names).replace("  ", " "), style="dim yellow")
    for colour, label in notes.get(n, ()):
        text.append(f"  ◆ {clean(label)}", style=f"bold {colour}")
    return text


def tree(g: nx.DiGraph, highlights: Iterable[Highlight] = (), lang: str = "en", labels: tuple[str, ...] = ("name", "title", "headcount", "level")) -> Tree:
    """A rich Tree rooted at the executive CS reports to; units shown as grouping rows;
    boxes in ``highlights`` (report findings, reorganisation changes) say so in colour."""
    notes: dict[str, list[tuple[str, str]]] = {}
    for hl in highlights:
        for n in hl.nodes:
            notes.setdefault(n, []).append((hl.colour, hl.label))
    units = g.graph.get("units", {})
    header = Text()
    header.append(clean(str(g.graph.get("company", ""))), style="bold")
    words = chrome.structure_words(str(g.graph.get("structure")), lang)
    header.append(f"（{words}）" if chrome.lang_of(lang) == "zh" else f"  ({words})", style="dim")
    root = Tree(header)

    def add(parent: Tree, n: str) -> None:
        branch = parent.add(_label(g, n, notes, lang, labels))
        children = [v for v in g.successors(n) if g.edges[n, v].get("kind") == SOLID]
        own_unit = g.nodes[n].get("unit")
        grouped: dict[str | None, list[str]] = {}
        for v in children:
            u = g.nodes[v].get("unit")
            grouped.setdefault(u if u != own_unit else None, []).append(v)
        for v in grouped.pop(None, []):
            add(branch, v)
        for u, members in grouped.items():
            info = units.get(u, {"axis": "", "label": str(u)})
            unit_text = Text()
            unit_text.append("▣ ", style="dim")
            unit_text.append(chrome.unit_caption(info, lang), style="bold blue")
            sub = branch.add(unit_text)
            for v in members:
                add(sub, v)

    add(root, g.graph["external"])
    return root
