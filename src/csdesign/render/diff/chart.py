"""Colour a reorganisation on the new chart: added, moved and changed boxes, removed ones in the legend.

Client-facing: the title names the company and structure (no file path), the legend names
removed boxes by name and title with their unit (no internal ids like ``mgr@region:华北``)."""

from __future__ import annotations

import networkx as nx

from csdesign.analysis.diff import BoxChange, OrgDiff
from csdesign.render.chart import chrome
from csdesign.render.chart.dot import DotOptions, Highlight
from csdesign.render.text import clean

#: Warm and purple hues only: the dotted-line lead colours are cool (render/chart/dot.py).
COLOURS = {"added": "#2e7d32", "moved": "#8e24aa", "changed": "#ef8f00", "removed": "#c62828"}
#: Removed boxes named in the legend before "+N more".
NAMED_REMOVED = 6


def removed_label(b: BoxChange) -> str:
    """A removed box as a client reads it: name · title, plus the unit value of a replicated role."""
    who = f"{clean(b.name)} · {clean(b.title)}" if b.name else clean(b.title)
    _, _, where = b.node.partition("@")
    if where:
        who += f" ({clean(where.partition(':')[2] or where)})"
    return who


def compare_options(d: OrgDiff, g: nx.DiGraph, lang: str = "en") -> DotOptions:
    """DotOptions whose highlights mark ``d``'s changes on ``g`` (the after graph) and title the chart."""
    highlights = []
    for status in ("added", "moved", "changed"):
        nodes = {b.node for b in d.boxes if b.status == status and b.node in g}
        highlights.append(Highlight(COLOURS[status], chrome.word(status, lang), nodes))
    removed = [b for b in d.boxes if b.status == "removed"]
    label = chrome.word("removed", lang)
    if removed:
        names = [removed_label(b) for b in removed[:NAMED_REMOVED]]
        more = chrome.word("sep", lang) + chrome.word("more", lang, n=len(removed) - NAMED_REMOVED) if len(removed) > NAMED_REMOVED else ""
        label += chrome.word("colon", lang) + chrome.word("sep", lang).join(names) + more
    highlights.append(Highlight(COLOURS["removed"], label, set(), count=len(removed)))
    return DotOptions(highlights=highlights, title=chrome.chart_title(g, lang, chrome.word("changes", lang)), lang=lang)
