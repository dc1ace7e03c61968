"""The circular structure as circles: the CS head at the geometric centre, one drawn ring per
reporting layer, each unit a sector (its share of the circle, a divider line and a caption
outside the rings), and the executive CS reports to in a corner, outside the rings.

csdesign computes every position (polar: a box's angle is the middle of its subtree's
leaves) and Graphviz's neato draws them pinned (``pos="x,y!"``), so the geometry does not
depend on a layout heuristic. Invisible corner points keep the drawing square, centred on
the leader.
"""

from __future__ import annotations

import math

import graphviz
import networkx as nx

from csdesign.render.chart import chrome
from csdesign.render.chart.dot import FONTS, FONT_SIZE, LINE, UNIT_BORDER, DotOptions, Highlight, _graph_label, box_html, e, lead_styles
from csdesign.structures.contract import DOTTED, solid_reports

BOX_W = 120.0  # pt allowed per box along a ring
RING = 120.0  # pt between rings, at least


def _leaves(g: nx.DiGraph, n: str, memo: dict[str, int]) -> int:
    if n not in memo:
        kids = solid_reports(g, n)
        memo[n] = max(1, sum(_leaves(g, v, memo) for v in kids)) if kids else 1
    return memo[n]


def positions(g: nx.DiGraph) -> tuple[dict[str, tuple[float, float]], list[float], list[tuple[str | None, float, float]]]:
    """(node -> (x, y) in pt with the head at 0,0; ring radii; sectors (unit, start, end angle))."""
    head = g.graph["head"]
    memo: dict[str, int] = {}
    depth = {head: 0}
    order = [head]
    for n in order:
        for v in solid_reports(g, n):
            depth[v] = depth[n] + 1
            order.append(v)
    layers = max(depth.values())
    per_ring = [sum(1 for d in depth.values() if d == k) for k in range(layers + 1)]
    radii = [0.0]
    for k in range(1, layers + 1):
        radii.append(max(radii[-1] + RING, per_ring[k] * BOX_W / (2 * math.pi)))
    angle: dict[str, float] = {}
    sectors: list[tuple[str | None, float, float]] = []
    total = _leaves(g, head, memo)

    def place(n: str, start: float, span: float) -> None:
        angle[n] = start + span / 2
        kids = solid_reports(g, n)
        at = start
        for v in kids:
            share = span * _leaves(g, v, memo) / _leaves(g, n, memo)
            place(v, at, share)
            at += share

    start = math.pi / 2  # the first unit starts at 12 o'clock and runs clockwise
    for v in solid_reports(g, head):
        share = 2 * math.pi * _leaves(g, v, memo) / total
        place(v, start - share, share)
        sectors.append((g.nodes[v].get("unit"), start - share, start))
        start -= share
    pos = {head: (0.0, 0.0)}
    for n, a in angle.items():
        r = radii[depth[n]]
        pos[n] = (r * math.cos(a), r * math.sin(a))
    return pos, radii, sectors


def circular_dot(g: nx.DiGraph, opts: DotOptions) -> str:
    pos, radii, sectors = positions(g)
    lead_style = lead_styles(g)
    marks: dict[str, list[Highlight]] = {}
    for hl in opts.highlights:
        for n in sorted(hl.nodes):
            if n in g:
                marks.setdefault(n, []).append(hl)
    ids = {n: f"n{i}" for i, n in enumerate(g.nodes)}
    outer = radii[-1] + 70
    dot = graphviz.Graph(name="csdesign", engine="neato")
    dot.attr("graph", label=_graph_label(g, opts.title if opts.title is not None else chrome.chart_title(g, opts.lang), opts, lead_style, marks, {}),
             labelloc="t", fontname=FONTS, fontsize=str(FONT_SIZE), splines="line", overlap="true", outputorder="nodesfirst", charset="UTF-8", **opts.extra_graph)
    dot.attr("node", shape="plain", fontname=FONTS, fontsize=str(FONT_SIZE))
    dot.attr("edge", color=LINE, penwidth="1.2")

    def at(x: float, y: float) -> str:
        return f"{x / 72:.4f},{y / 72:.4f}!"

    for k, r in enumerate(radii[1:], start=1):  # rings first, so boxes draw over them
        dot.node(f"ring{k}", label="", shape="circle", fixedsize="true", width=f"{2 * r / 72:.4f}", style="dashed", color="#bfbfbf", pos=at(0, 0))
    units = g.graph.get("units", {})
    if len(sectors) > 1:
        for i, (unit, a0, a1) in enumerate(sectors):
            dot.node(f"sd{i}", label="", shape="point", width="0.01", style="invis", pos=at(outer * math.cos(a1), outer * math.sin(a1)))
            dot.node(f"sc{i}", label="", shape="point", width="0.01", style="invis", pos=at((radii[1] * 0.45) * math.cos(a1), (radii[1] * 0.45) * math.sin(a1)))
            dot.edge(f"sc{i}", f"sd{i}", color=UNIT_BORDER, style="dotted")
            mid = (a0 + a1) / 2
            caption = chrome.unit_caption(units[unit], opts.lang) if unit in units else chrome.clean(str(g.nodes[next(iter(g.nodes))].get("title") or ""))
            if unit in units:
                dot.node(f"uc{i}", label=f"<<B>{e(caption)}</B>>", pos=at((outer + 20) * math.cos(mid), (outer + 20) * math.sin(mid)))
    half = outer + 70
    for i, (sx, sy) in enumerate(((-1, -1), (1, -1), (-1, 1), (1, 1))):  # keep the drawing square on the leader
        dot.node(f"corner{i}", label="", shape="point", width="0.01", style="invis", pos=at(sx * half, sy * half))
    ext = g.graph.get("external")
    for n in g.nodes:
        if n == ext:
            dot.node(ids[n], label=f"<{box_html(g, n, opts, marks, lead_style)}>", pos=at(-half + 60, half - 20))
        elif n in pos:
            dot.node(ids[n], label=f"<{box_html(g, n, opts, marks, lead_style)}>", pos=at(*pos[n]))
    for u, v, d in g.edges(data=True):
        if u == ext or u not in pos or v not in pos:
            continue
        if d.get("kind") == DOTTED:
            colour, style = lead_style[u]
            dot.edge(ids[u], ids[v], style=style, color=colour, penwidth="1.6")
        else:
            dot.edge(ids[u], ids[v])
    return dot.source
