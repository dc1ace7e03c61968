"""Graph -> DOT source, through the graphviz package (it quotes ids and attribute values).

Plain-text labels only (the embedded engine has no HTML-like labels), synthetic node ids
(``n0``, ``n1`` ...), and a fixed node/edge order so the same org always gives the same DOT.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import graphviz
import networkx as nx

from csdesign.render.chart.boxes import box_lines
from csdesign.render.text import dot_escape, display_width
from csdesign.structures.contract import DOTTED, EXTERNAL, SOLID

FONTS = "Noto Sans CJK SC,Source Han Sans SC,Microsoft YaHei,PingFang SC,sans-serif"
FONT_SIZE = 11
#: Most boxes drawn before teams fold into summary boxes (dot slows sharply beyond this).
BOX_BUDGET = 1500
#: Once a chart is folded, also fold until at most this many boxes stand side by side.
MAX_COLUMNS = 120
#: Above this many boxes, orthogonal edges cost too much (dot+ortho: 16 s, 2.3 GB at 5,000).
ORTHO_LIMIT = 1000
#: Colours of dotted (matrix) lines, one per lead so each line can be traced (Okabe–Ito).
DOTTED_COLOURS = ("#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")
LEVEL_FILL = {"director": "#1f4e79", "manager": "#2e75b6", "supervisor": "#9dc3e6", "individual": "#ffffff"}
LEVEL_FONT = {"director": "#ffffff", "manager": "#ffffff", "supervisor": "#000000", "individual": "#000000"}


@dataclass
class Highlight:
    """Extra colouring for some boxes (overlaps, gaps, reorg changes) with a legend entry."""

    colour: str
    label: str
    nodes: set[str] = field(default_factory=set)
    count: int | None = None  # shown in the legend instead of len(nodes) (e.g. removed boxes, not drawn)


@dataclass
class DotOptions:
    splines: str | None = None  # None: ortho below ORTHO_LIMIT boxes, else polyline
    stack_after: int = 6  # leaf reports per column before stacking into more rows
    collapse_after: int = 40  # leaf reports of one manager beyond which same-title boxes merge
    box_budget: int = BOX_BUDGET  # above this many boxes, teams fold into summary boxes
    max_columns: int = MAX_COLUMNS  # once folding, also until no wider than this
    highlights: list[Highlight] = field(default_factory=list)
    title: str | None = None


def box_label(g: nx.DiGraph, n: str) -> str:
    """The box's lines (render/chart/boxes.py) escaped for a DOT string, joined by DOT newlines."""
    return "\\n".join(dot_escape(line) for line in box_lines(g, n))


def _width(label: str) -> str:
    widest = max(display_width(part) for part in label.split("\\n"))
    inches = widest * 0.5 * FONT_SIZE / 72 + 0.35
    return f"{max(1.4, inches):.2f}"


def to_dot(g: nx.DiGraph, options: DotOptions | None = None) -> str:
    """DOT source for the org graph (already filtered by depth/focus if wanted)."""
    opts = options or DotOptions()
    g = fit_to_budget(g, opts.collapse_after, opts.box_budget, opts.stack_after, opts.max_columns)
    ids = {n: f"n{i}" for i, n in enumerate(g.nodes)}
    layout = g.graph.get("layout", "dot")
    boxes = g.number_of_nodes()
    splines = opts.splines or ("ortho" if boxes < ORTHO_LIMIT and layout == "dot" else "polyline")

    dot = graphviz.Digraph(name="csdesign", engine=layout)
    title = opts.title if opts.title is not None else f"{g.graph.get('company', '')} · {g.graph.get('structure', '')}"
    dot.attr(
        "graph",
        label=graphviz.nohtml(dot_escape(title)),
        labelloc="t",
        fontname=FONTS,
        fontsize="14",
        rankdir="TB",
        splines=splines,
        nodesep="0.3",
        ranksep="0.6" if layout == "dot" else "1.6",
        newrank="true",
        charset="UTF-8",
    )
    if layout == "twopi":
        dot.attr("graph", root=ids[g.graph["head"]], overlap="false")
    dot.attr("node", shape="box", style="rounded,filled", fontname=FONTS, fontsize=str(FONT_SIZE), margin="0.12,0.06")
    dot.attr("edge", arrowhead="none", color="#595959")

    marks: dict[str, Highlight] = {}
    for hl in opts.highlights:
        for n in sorted(hl.nodes):
            marks.setdefault(n, hl)

    leads = [n for n in g.nodes if any(g.edges[n, v].get("kind") == DOTTED for v in g.successors(n))]
    lead_colour = {n: DOTTED_COLOURS[i % len(DOTTED_COLOURS)] for i, n in enumerate(leads)}

    def node_stmt(target: graphviz.Digraph, n: str) -> None:
        d = g.nodes[n]
        label = box_label(g, n)
        attrs = {"width": _width(label)}
        if n in lead_colour:  # a lead's border matches its dotted lines
            attrs.update(color=lead_colour[n], penwidth="2")
        if d.get("kind") == EXTERNAL:
            attrs.update(shape="box", style="filled,dashed", fillcolor="#eeeeee", fontcolor="#333333")
        else:
            level = d.get("level") or "individual"
            attrs.update(fillcolor=LEVEL_FILL.get(level, "#ffffff"), fontcolor=LEVEL_FONT.get(level, "#000000"))
            if d.get("vacant"):
                attrs["style"] = "rounded,filled,dashed"
        if n in marks:
            attrs.update(color=marks[n].colour, penwidth="3")
        target.node(ids[n], label=graphviz.nohtml(label), **attrs)

    units = g.graph.get("units", {})
    by_unit: dict[str | None, list[str]] = {}
    for n, d in g.nodes(data=True):
        by_unit.setdefault(d.get("unit") if d.get("unit") in units else None, []).append(n)
    for n in by_unit.get(None, []):
        node_stmt(dot, n)
    for i, unit_id in enumerate(units):
        members = by_unit.get(unit_id, [])
        if not members:
            continue
        with dot.subgraph(name=f"cluster_{i}") as sub:
            info = units[unit_id]
            sub.attr(label=graphviz.nohtml(dot_escape(info["label"])), style="rounded,dashed", color="#8c8c8c", fontname=FONTS, fontsize="12")
            for n in members:
                node_stmt(sub, n)

    stacked = _stacking(g, opts.stack_after)
    for u, v, d in g.edges(data=True):
        if d.get("kind") == DOTTED:
            dot.edge(ids[u], ids[v], style="dashed", color=lead_colour[u], constraint="false")
        elif v in stacked:
            dot.edge(ids[u], ids[v], constraint="false")
        else:
            dot.edge(ids[u], ids[v])
    for above, below in _stack_pairs(g, opts.stack_after):
        dot.edge(ids[above], ids[below], style="invis")

    if opts.highlights:
        with dot.subgraph(name="cluster_legend") as legend:
            legend.attr(label="Legend", style="rounded", color="#bfbfbf", fontname=FONTS, fontsize="11")
            for j, hl in enumerate(opts.highlights):
                legend.node(f"legend{j}", label=graphviz.nohtml(dot_escape(f"{hl.label} ({len(hl.nodes) if hl.count is None else hl.count})")), color=hl.colour, penwidth="3", style="rounded", fillcolor="#ffffff")
    return dot.source


def _leaf_reports(g: nx.DiGraph, n: str) -> list[str]:
    return [
        v for v in g.successors(n)
        if g.edges[n, v].get("kind") == SOLID and not any(g.edges[v, w].get("kind") == SOLID for w in g.successors(v))
    ]


def _stack_pairs(g: nx.DiGraph, per_row: int) -> list[tuple[str, str]]:
    """Invisible edges that stack a manager's many leaf reports into rows of ``per_row``."""
    pairs = []
    for n in g.nodes:
        leaves = _leaf_reports(g, n)
        if len(leaves) > per_row:
            for i in range(per_row, len(leaves)):
                pairs.append((leaves[i - per_row], leaves[i]))
    return pairs


def _stacking(g: nx.DiGraph, per_row: int) -> set[str]:
    return {below for _, below in _stack_pairs(g, per_row)}


def collapse_large_teams(g: nx.DiGraph, limit: int) -> nx.DiGraph:
    """Merge a manager's leaf reports into one summary box per title when there are too many."""
    crowded = [n for n in g.nodes if len(_leaf_reports(g, n)) > limit]
    if not crowded:
        return g
    h = g.copy()
    for n in crowded:
        groups: dict[str, list[str]] = {}
        for v in _leaf_reports(g, n):
            groups.setdefault(g.nodes[v].get("title") or "", []).append(v)
        for title, members in groups.items():
            if len(members) < 2:
                continue
            first = g.nodes[members[0]]
            total = sum(g.nodes[v].get("headcount", 1) for v in members)
            summary = f"{n}#{title}"
            h.add_node(summary, **{**first, "name": None, "headcount": total, "vacant": False, "collapsed": len(members)})
            h.add_edge(n, summary, kind=SOLID)
            for v in members:
                for u, _, d in list(h.in_edges(v, data=True)):
                    if d.get("kind") == DOTTED and not h.has_edge(u, summary):
                        h.add_edge(u, summary, **d)
                h.remove_node(v)
    return h


def fit_to_budget(g: nx.DiGraph, collapse_after: int, budget: int, per_row: int = 6, max_columns: int = MAX_COLUMNS) -> nx.DiGraph:
    """Keep a chart readable and fast. Up to ``budget`` boxes every box is drawn (crowded leaf
    teams merge by title). Past it, every team's same-title leaves merge, then managers absorb
    their teams bottom level first ("team of N") until the chart has at most ``budget`` boxes
    and ``max_columns`` side by side. ``--focus`` on one part of the org shows it in detail."""
    h = collapse_large_teams(g, collapse_after)
    if h.number_of_nodes() <= budget:
        return h
    h = collapse_large_teams(h, 1)
    while h.number_of_nodes() > budget or _columns(h, per_row) > max_columns:
        folded = fold_bottom_teams(h)
        if folded.number_of_nodes() == h.number_of_nodes():
            break
        h = folded
    return h


def fold_bottom_teams(g: nx.DiGraph) -> nx.DiGraph:
    """Every manager below the CS head whose reports are all leaves absorbs them: its box
    then stands for its team (attribute ``team``: people under it)."""
    head = g.graph.get("head")
    keep = {head, g.graph.get("external")}
    h = g.copy()
    for n in list(g.nodes):
        if n in keep or g.nodes[n].get("kind") == EXTERNAL:
            continue
        reports = [v for v in g.successors(n) if g.edges[n, v].get("kind") == SOLID]
        if not reports or any(_solid_children(g, v) for v in reports):
            continue
        people = sum(g.nodes[v].get("headcount", 1) + g.nodes[v].get("team", 0) for v in reports)
        h.nodes[n]["team"] = g.nodes[n].get("team", 0) + people
        for v in reports:
            for u, w, d in list(h.in_edges(v, data=True)) + list(h.out_edges(v, data=True)):
                if d.get("kind") == DOTTED:
                    a, b = (u, n) if w == v else (n, w)
                    if a != b and not h.has_edge(a, b):
                        h.add_edge(a, b, **d)
            h.remove_node(v)
    return h


def _columns(g: nx.DiGraph, per_row: int) -> int:
    """Boxes side by side on the widest layer, roughly: stacked leaf rows count ``per_row``."""
    return sum(min(len(_leaf_reports(g, n)), per_row) for n in g.nodes)


def _solid_children(g: nx.DiGraph, n: str) -> bool:
    return any(g.edges[n, w].get("kind") == SOLID for w in g.successors(n))
