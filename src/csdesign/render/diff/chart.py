"""Colour a reorganisation on the new chart: added, moved and changed boxes, removed ones in the legend."""

from __future__ import annotations

import networkx as nx

from csdesign.analysis.diff import OrgDiff
from csdesign.render.diff.text import box
from csdesign.render.chart.dot import DotOptions, Highlight

COLOURS = {"added": "#2e7d32", "moved": "#1565c0", "changed": "#ef8f00", "removed": "#c62828"}
#: Removed boxes named in the legend before "+N more".
NAMED_REMOVED = 6


def compare_options(d: OrgDiff, g: nx.DiGraph) -> DotOptions:
    """DotOptions whose highlights mark ``d``'s changes on ``g`` (the after graph) and title the chart."""
    highlights = []
    for status in ("added", "moved", "changed"):
        nodes = {b.node for b in d.boxes if b.status == status and b.node in g}
        highlights.append(Highlight(COLOURS[status], status, nodes))
    removed = [b for b in d.boxes if b.status == "removed"]
    label = "removed"
    if removed:
        names = [box(b) for b in removed[:NAMED_REMOVED]]
        more = f", +{len(removed) - NAMED_REMOVED} more" if len(removed) > NAMED_REMOVED else ""
        label += ": " + ", ".join(names) + more
    highlights.append(Highlight(COLOURS["removed"], label, set(), count=len(removed)))
    title = f"{g.graph.get('company', '')} · {g.graph.get('structure', '')} · changes since {d.before.get('file')}"
    return DotOptions(highlights=highlights, title=title)
