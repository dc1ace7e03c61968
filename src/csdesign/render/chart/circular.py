"""The circular structure as circles: the CS head at the geometric centre, one drawn ring per
reporting layer, each unit a sector (a divider line between units and a caption just outside
the rings), and the executive CS reports to in a corner, outside the rings.

csdesign computes every position and Graphviz's neato draws them pinned (``pos="x,y!"``), so
the geometry does not depend on a layout heuristic:

- every box has a fixed size, computed from its text with Graphviz's own character widths;
- a box's angle is the middle of its subtree's share of the circle; a subtree's share is what
  its widest ring needs (each box needs its extent along the ring, which depends on where on
  the circle it sits), and the spare angle is shared out in proportion;
- the rings start as close as the boxes allow and move out, ring by ring, until no two boxes
  overlap, no ring runs under another ring's box, and no reporting line or sector divider
  runs through a box or caption (checked here, on the same rectangles Graphviz draws).

Invisible corner points keep the drawing centred on the leader. :func:`circular_pages` is
the pagination for ``--page``: the whole circle when it is legible on the page, else an
overview (the leader, the first ring, and one summary box per sector that continues) and one
circular page per sector, its top box at the centre, recursively.
"""

from __future__ import annotations

import copy
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable

import graphviz
import networkx as nx

from csdesign.render.chart import chrome
from csdesign.render.chart.dot import (
    FONT_SIZE,
    FONTS,
    LINE,
    MARKER,
    UNIT_BORDER,
    WRAP,
    DotOptions,
    Highlight,
    _graph_label,
    box_html,
    box_text,
    e,
    lead_styles,
    legend_entries,
)
from csdesign.render.text import clean
from csdesign.structures.contract import DOTTED, EXTERNAL, SOLID, induced, solid_reports

if TYPE_CHECKING:
    from csdesign.render.chart.pages import Page

GAP = 10.0  # pt between two boxes
CLEAR = 5.0  # pt between a line (ring, reporting line, divider) and a box it does not belong to
STEP = 4.0  # pt a ring moves out per round
LINE_H = 17.3  # pt per text line in a box (Graphviz, 11 pt Noto Sans CJK)
PAD = 12.0  # cell padding and border around a box's text
#: Graphviz's width of ASCII characters at 11 pt (the bundled engine's metrics); other
#: characters: wide and ambiguous (CJK, ×, ·) 11.25, the rest 6.75.
_ASCII = {
    3.0: "ijlI',.:;|", 3.375: "f", 3.75: "!()-[]{}", 4.5: "rt/\\", 5.25: "csxz\"*?", 2.25: " ",
    6.0: "0123456789aegkvyFLVXY#$+<=>^_~", 6.75: "bdhnopquACEKPRSTZ`", 7.5: "BDG&", 8.25: "HNOQU",
    9.0: "wM", 9.75: "W", 10.5: "m%@",
}
_WIDTH = {ch: w for w, chars in _ASCII.items() for ch in chars}
CAPTION_H = 22.0  # a sector caption's height (one bold line)
TITLE_H = 40.0  # about the height of the chart's title above the circle
LABEL_SLACK = 20.0  # pt of the title block left unbalanced below (the leader may sit this much / 2 low)
_CACHE: dict[object, "Layout"] = {}  # layouts by boxes, tree, language and page shape (a page is measured, then drawn)
TURNS = 12  # where the first sector may start: 12 o'clock, then every 30 degrees clockwise


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Width in pt of one line of text as Graphviz measures it (a little generous)."""
    total = 0.0
    for ch in text:
        if ch in _WIDTH:
            total += _WIDTH[ch]
        else:
            total += 11.25 if unicodedata.east_asian_width(ch) in "WFA" else 6.75
    return total * size / FONT_SIZE * 1.04


# --- geometry ---------------------------------------------------------------------------

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1


def _rect(c: tuple[float, float], s: tuple[float, float], grow: float = 0.0) -> Rect:
    return (c[0] - s[0] / 2 - grow, c[1] - s[1] / 2 - grow, c[0] + s[0] / 2 + grow, c[1] + s[1] / 2 + grow)


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _crosses_ring(r: float, box: Rect) -> bool:
    """Whether the circle of radius ``r`` round the origin runs through ``box``."""
    nx_ = min(max(0.0, box[0]), box[2]) if not (box[0] <= 0 <= box[2]) else 0.0
    ny_ = min(max(0.0, box[1]), box[3]) if not (box[1] <= 0 <= box[3]) else 0.0
    near = math.hypot(nx_, ny_)
    far = max(math.hypot(x, y) for x in (box[0], box[2]) for y in (box[1], box[3]))
    return near < r < far


def _cuts(p: tuple[float, float], q: tuple[float, float], box: Rect) -> bool:
    """Whether the segment p-q passes through ``box`` (Liang-Barsky)."""
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for num, den in ((p[0] - box[0], -dx), (box[2] - p[0], dx), (p[1] - box[1], -dy), (box[3] - p[1], dy)):
        if den == 0:
            if num < 0:
                return False
            continue
        t = num / den
        if den < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


# --- layout -----------------------------------------------------------------------------


@dataclass
class Layout:
    pos: dict[str, tuple[float, float]]  # box centres, pt, the leader at 0,0 (y up)
    size: dict[str, tuple[float, float]]  # box sizes, pt
    radii: list[float]  # ring radii, 0 for the leader
    sectors: list[tuple[str | None, float, float]]  # (unit, start angle, end angle), clockwise from 12
    captions: list[tuple[str, tuple[float, float], tuple[float, float]]] = field(default_factory=list)
    dividers: list[tuple[tuple[float, float], tuple[float, float]]] = field(default_factory=list)
    corner: tuple[str, tuple[float, float]] | None = None  # the executive (or "continued from") box
    half: tuple[float, float] = (0.0, 0.0)  # the drawing's half width and height
    below: float = 0.0  # extra room below, balancing the title block above (the leader stays centred)


def box_sizes(g: nx.DiGraph, opts: DotOptions, marks: dict[str, list[Highlight]], lead_style: dict[str, tuple[str, str]]) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for n in g.nodes:
        main, small = box_text(g, n, opts)
        lines = main + small or [""]
        d = g.nodes[n]
        numbered = len(lines) if d.get("kind") == MARKER else len(d.get("members", []))
        if numbered:  # page numbers sized as two digits: a page is measured before it is numbered
            lines = lines[:-numbered] + [re.sub(r"\d+", lambda m: "8" * max(2, len(m.group())), line) for line in lines[-numbered:]]
        border = 2 if n in lead_style else 1
        w = max(text_width(line) for line in lines) + PAD + 2 * (border - 1)
        h = len(lines) * LINE_H + PAD + 2 * (border - 1) + (PAD - 2 if d.get("members") else 0.0)  # a listed team: a second cell below a rule
        rim = 8 * len(marks.get(n, []))
        out[n] = (math.ceil(w + rim), math.ceil(h + rim))
    return out


def _tree(g: nx.DiGraph, head: str) -> tuple[dict[str, int], dict[str, list[str]]]:
    depth = {head: 0}
    kids: dict[str, list[str]] = {}
    order = [head]
    for n in order:
        kids[n] = [v for v in solid_reports(g, n) if v not in depth and g.nodes[v].get("kind") != EXTERNAL]
        for v in kids[n]:
            depth[v] = depth[n] + 1
            order.append(v)
    return depth, kids


def _angles(head: str, kids: dict[str, list[str]], depth: dict[str, int], size: dict[str, tuple[float, float]], radii: list[float], start: float) -> tuple[dict[str, float], list[tuple[str, float, float]]]:
    """Each box's angle (radians, 12 o'clock first, clockwise) and each first-ring box's span."""
    theta: dict[str, float] = {}
    spans: list[tuple[str, float, float]] = []
    for _ in range(5):  # a box's extent along its ring depends on where it sits: settle it
        need: dict[str, float] = {}

        def share(n: str) -> float:
            w, h = size[n]
            t = theta.get(n)
            along = w if t is None else w * abs(math.sin(t)) + h * abs(math.cos(t))
            own = (along + GAP) / radii[depth[n]]
            need[n] = max(own, sum(share(v) for v in kids[n]))
            return need[n]

        top = kids[head]
        total = sum(share(v) for v in top) or 1.0
        scale = 2 * math.pi / total
        spans = []

        def place(n: str, start: float, span: float) -> None:
            theta[n] = start - span / 2
            inner = sum(need[v] for v in kids[n])
            fit = min(1.0, span / inner) if inner else 0.0
            at = start - (span - inner * fit) / 2  # a team keeps together round its manager
            for v in kids[n]:
                place(v, at, need[v] * fit)
                at -= need[v] * fit

        at = start
        for v in top:
            span = need[v] * scale
            place(v, at, span)
            spans.append((v, at, at - span))
            at -= span
    return theta, spans


def layout(g: nx.DiGraph, size: dict[str, tuple[float, float]], lang: str = "en", aspect: float = 16 / 9, corner: str | None = None) -> Layout:
    """Positions for every box of ``g`` (see the module docstring), ``corner`` (the executive)
    outside the rings: the circle is turned, in steps of 1/12 of a turn, to where it is
    smallest on a page of ``aspect`` (width / height)."""
    key = (tuple((n, size[n], tuple(solid_reports(g, n)), g.nodes[n].get("unit")) for n in g.nodes), g.graph["head"], lang, aspect, corner)
    if key in _CACHE:
        return copy.deepcopy(_CACHE[key])
    best: tuple[float, Layout] | None = None
    for turn in range(TURNS):
        out = _layout(g, size, lang, math.pi / 2 - 2 * math.pi * turn / TURNS, aspect)
        if corner is not None:
            place_corner(out, corner, size[corner], aspect)
        x0, y0, x1, y1 = _extent(out)
        cost = max(2 * max(-x0, x1) / aspect, 2 * max(-y0, y1) + TITLE_H)
        if best is None or cost < best[0] - 1e-6:
            best = (cost, out)
    assert best is not None
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[key] = copy.deepcopy(best[1])
    return best[1]


def _layout(g: nx.DiGraph, size: dict[str, tuple[float, float]], lang: str, start: float, aspect: float) -> Layout:
    head = g.graph["head"]
    depth, kids = _tree(g, head)
    layers = max(depth.values())
    ring_boxes = [[n for n in depth if depth[n] == k] for k in range(layers + 1)]
    least = [0.0] + [max(size[n][1] for n in ring_boxes[k - 1]) / 2 + max(size[n][1] for n in ring_boxes[k]) / 2 + GAP for k in range(1, layers + 1)]
    radii = [sum(least[: k + 1]) for k in range(layers + 1)]
    units = g.graph.get("units", {})
    for _ in range(400):
        theta, spans = _angles(head, kids, depth, size, radii, start) if layers else ({}, [])
        pos = {head: (0.0, 0.0)}
        for n, t in theta.items():
            pos[n] = (radii[depth[n]] * math.cos(t), radii[depth[n]] * math.sin(t))
        sectors = _sectors(g, spans, units)
        dividers = _dividers(sectors, size[head], radii) if len(sectors) > 1 else []
        grow = _clashes(pos, size, depth, radii, kids, dividers)
        if not grow:
            break
        for k in range(1, layers + 1):  # a ring moves out alone; outer rings only as far as they must
            radii[k] = max(radii[k] + (max(STEP, radii[k] / 50) if k in grow else 0.0), radii[k - 1] + least[k])
    out = Layout(pos, {n: size[n] for n in pos}, radii, [(u, a0, a1) for u, a0, a1 in sectors], dividers=dividers)
    _place_captions(out, units, lang, aspect)
    return out


def _sectors(g: nx.DiGraph, spans: list[tuple[str, float, float]], units: dict) -> list[tuple[str | None, float, float]]:
    """Consecutive first-ring boxes of one unit (or of none) share one sector."""
    out: list[tuple[str | None, float, float]] = []
    for v, a0, a1 in spans:
        unit = g.nodes[v].get("unit")
        unit = unit if unit in units else None
        if out and out[-1][0] == unit:
            out[-1] = (unit, out[-1][1], a1)
        else:
            out.append((unit, a0, a1))
    if len(out) > 1 and out[0][0] == out[-1][0]:  # the circle closes
        out[0] = (out[0][0], out[-1][1], out[0][2] - 2 * math.pi)
        out.pop()
    return out


def _dividers(sectors: list[tuple[str | None, float, float]], head: tuple[float, float], radii: list[float]) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    r0 = math.hypot(*head) / 2 + CLEAR
    r1 = radii[-1] + 18
    return [((r0 * math.cos(a), r0 * math.sin(a)), (r1 * math.cos(a), r1 * math.sin(a))) for _, a, _ in sectors]


def _clashes(pos: dict[str, tuple[float, float]], size: dict[str, tuple[float, float]], depth: dict[str, int], radii: list[float],
             kids: dict[str, list[str]], dividers: list[tuple[tuple[float, float], tuple[float, float]]]) -> set[int]:
    """The rings to move out: every overlap, ring under a box, or line through a box found."""
    grow: set[int] = set()
    nodes = list(pos)
    rects = {n: _rect(pos[n], size[n]) for n in nodes}
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            if _overlap(_rect(pos[a], size[a], GAP / 2), _rect(pos[b], size[b], GAP / 2)):
                grow.add(max(depth[a], depth[b]) or 1)
    for k, r in enumerate(radii[1:], start=1):
        for n in nodes:
            if depth[n] != k and _crosses_ring(r, _rect(pos[n], size[n], CLEAR)):
                grow.add(max(k, depth[n]))
    for u in nodes:
        for v in kids.get(u, []):
            for m in nodes:
                if m not in (u, v) and _cuts(pos[u], pos[v], _rect(pos[m], size[m], CLEAR)):
                    grow.add(max(depth[v], depth[m]))
    for p, q in dividers:
        for m in nodes:
            if _cuts(p, q, rects[m] if depth[m] == 0 else _rect(pos[m], size[m], CLEAR)):
                grow.add(max(depth[m], 1))
    return grow


def _place_captions(out: Layout, units: dict, lang: str, aspect: float) -> None:
    """One caption per unit sector, just outside the rings, clear of every box and divider: at
    the sector's middle, or nearer one end where that keeps the drawing smaller on the page."""
    boxes = [_rect(out.pos[n], out.size[n], GAP / 2) for n in out.pos]
    rim = out.radii[-1] if out.radii else 0.0
    for unit, a0, a1 in out.sectors:
        if unit is None or len(out.sectors) < 2:
            continue
        text = chrome.unit_caption(units[unit], lang)
        s = (math.ceil(text_width(text) * 1.08 + 8), CAPTION_H)
        x0, y0, x1, y1 = _extent(out)
        best = None
        for f in (0.5, 0.35, 0.65, 0.2, 0.8):
            t = a0 + (a1 - a0) * f
            r = rim + CLEAR
            taken = [_rect(cc, ss, GAP / 2) for _, cc, ss in out.captions]
            while True:
                c = (r * math.cos(t), r * math.sin(t))
                box = _rect(c, s, CLEAR)
                if not _crosses_ring(rim, box) and math.hypot(*c) > rim and not any(_overlap(box, b) for b in boxes + taken) \
                        and not any(_cuts(p, q, box) for p, q in out.dividers):
                    break
                r += STEP
            cost = max(max(-x0, x1, abs(c[0]) + s[0] / 2) * 2 / aspect, max(-y0, y1, abs(c[1]) + s[1] / 2) * 2)
            if best is None or cost < best[0] - 0.5:
                best = (cost, c)
        assert best is not None
        out.captions.append((text, best[1], s))


def place_corner(out: Layout, node: str, s: tuple[float, float], aspect: float) -> None:
    """The executive's box in the top-left corner, outside the outer ring and clear of every
    other box: moved left, or up, whichever keeps the drawing smaller on the page."""
    rim = (out.radii[-1] if len(out.radii) > 1 else 0.0) + CLEAR
    rects = [_rect(out.pos[n], out.size[n], GAP) for n in out.pos] + [_rect(c, cs, GAP) for _, c, cs in out.captions]
    x0, y0, x1, y1 = _extent(out)
    best = None
    for dx, dy in ((-STEP, 0.0), (0.0, STEP)):
        c = (x0 + s[0] / 2, y1 - s[1] / 2)
        for _ in range(2000):
            box = _rect(c, s)
            near = math.hypot(min(max(0.0, box[0]), box[2]) if not box[0] <= 0 <= box[2] else 0.0,
                              min(max(0.0, box[1]), box[3]) if not box[1] <= 0 <= box[3] else 0.0)
            if near > rim and not any(_overlap(box, r) for r in rects) and not any(_cuts(p, q, box) for p, q in out.dividers):
                break
            c = (c[0] + dx, c[1] + dy)
        cost = max(max(-x0, x1, abs(c[0]) + s[0] / 2) * 2 / aspect, max(-y0, y1, abs(c[1]) + s[1] / 2) * 2 + TITLE_H)
        if best is None or cost < best[0] - 0.5:
            best = (cost, c)
    assert best is not None
    out.corner = (node, best[1])
    out.size[node] = s


def _extent(out: Layout) -> Rect:
    rects = [_rect(out.pos[n], out.size[n]) for n in out.pos] + [_rect(c, s) for _, c, s in out.captions]
    rim = out.radii[-1] if len(out.radii) > 1 else 0.0
    rects.append((-rim, -rim, rim, rim))
    for p, q in out.dividers:
        rects.append((min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1])))
    if out.corner is not None:
        rects.append(_rect(out.corner[1], out.size[out.corner[0]]))
    return min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects), max(r[3] for r in rects)


def corner_node(g: nx.DiGraph) -> str | None:
    """The box drawn in the corner: the executive, or a page's "continued from" marker."""
    ext = g.graph.get("external")
    if ext in g:
        return str(ext)
    root = g.graph.get("page_root")
    return str(root) if root in g else None


def chart_layout(g: nx.DiGraph, opts: DotOptions, marks: dict[str, list[Highlight]], lead_style: dict[str, tuple[str, str]]) -> Layout:
    size = box_sizes(g, opts, marks, lead_style)
    out = layout(g, size, opts.lang, _page_aspect(opts), corner_node(g))
    x0, y0, x1, y1 = _extent(out)
    out.half = (max(-x0, x1) + 2, max(-y0, y1) + 2)
    out.below = max(0.0, _label_height(g, opts, lead_style, marks) - LABEL_SLACK)
    return out


def _label_height(g: nx.DiGraph, opts: DotOptions, lead_style: dict[str, tuple[str, str]], marks: dict[str, list[Highlight]]) -> float:
    """About the height Graphviz gives the title block above the drawing (title, subtitle, legend)."""
    entries = legend_entries(g, opts, lead_style, marks)
    return 37.0 + (23.0 if opts.subtitle else 0.0) + ((31.0 + 23.0 * math.ceil(len(entries) / 3)) if entries else 0.0)


def _page_aspect(opts: DotOptions) -> float:
    from csdesign.render.chart.pages import page_size

    page = page_size(opts.page, opts.portrait)
    return page[0] / page[1] if page else 16 / 9


def circular_dot(g: nx.DiGraph, opts: DotOptions) -> str:
    lead_style = lead_styles(g)
    marks: dict[str, list[Highlight]] = {}
    for hl in opts.highlights:
        for n in sorted(hl.nodes):
            if n in g:
                marks.setdefault(n, []).append(hl)
    lay = chart_layout(g, opts, marks, lead_style)
    ids = {n: f"n{i}" for i, n in enumerate(g.nodes)}
    dot = graphviz.Graph(name="csdesign", engine="neato")
    dot.attr("graph", label=_graph_label(g, opts.title if opts.title is not None else chrome.chart_title(g, opts.lang), opts, lead_style, marks, {}),
             labelloc="t", fontname=FONTS, fontsize=str(FONT_SIZE), splines="line", overlap="true", outputorder="nodesfirst", charset="UTF-8", **opts.extra_graph)
    dot.attr("node", shape="plain", fontname=FONTS, fontsize=str(FONT_SIZE))
    dot.attr("edge", color=LINE, penwidth="1.2")

    def at(p: tuple[float, float]) -> str:
        return f"{p[0] / 72:.4f},{p[1] / 72:.4f}!"

    for k, r in enumerate(lay.radii[1:], start=1):  # rings first, so boxes draw over them
        dot.node(f"ring{k}", label="", shape="circle", fixedsize="true", width=f"{2 * r / 72:.4f}", style="dashed", color="#bfbfbf", pos=at((0, 0)))
    for i, (p, q) in enumerate(lay.dividers):
        dot.node(f"sc{i}", label="", shape="point", width="0.01", style="invis", pos=at(p))
        dot.node(f"sd{i}", label="", shape="point", width="0.01", style="invis", pos=at(q))
        dot.edge(f"sc{i}", f"sd{i}", color=UNIT_BORDER, style="dotted")
    for i, (text, c, s) in enumerate(lay.captions):
        dot.node(f"uc{i}", label=f"<<B>{e(text)}</B>>", pos=at(c))
    hx, hy = lay.half
    for i, (sx, sy) in enumerate(((-1, -1), (1, -1), (-1, 1), (1, 1))):  # keep the drawing centred on the leader
        dot.node(f"corner{i}", label="", shape="point", width="0.01", style="invis", pos=at((sx * hx, sy * hy - (lay.below if sy < 0 else 0.0))))
    for n in g.nodes:
        if lay.corner is not None and n == lay.corner[0]:
            c = lay.corner[1]
        elif n in lay.pos:
            c = lay.pos[n]
        else:
            continue
        w, h = lay.size[n]
        dot.node(ids[n], label=f"<{box_html(g, n, opts, marks, lead_style, (int(w), int(h)))}>", pos=at(c))
    corner = lay.corner[0] if lay.corner else None
    for u, v, d in g.edges(data=True):
        if corner in (u, v) or u not in lay.pos or v not in lay.pos:
            continue
        if d.get("kind") == DOTTED:
            colour, style = lead_style[u]
            dot.edge(ids[u], ids[v], style=style, color=colour, penwidth="1.6")
        else:
            dot.edge(ids[u], ids[v])
    return dot.source


# --- pages ------------------------------------------------------------------------------

Measure = Callable[[str], tuple[float, float]]
#: A team of at most this many leaf boxes is listed in its manager's box on a shortened page.
TEAM_LINES = 3


@dataclass
class _Plan:
    root: str
    rings: int  # rings drawn below the root
    team_lines: int = TEAM_LINES  # a last-ring box lists a leaf team of at most this many boxes
    cuts: list["_Plan"] = field(default_factory=list)
    parent: "_Plan | None" = None
    number: int = 0


def circular_pages(g: nx.DiGraph, opts: DotOptions, measure: Measure, page: tuple[float, float]) -> list["Page"]:
    """The circle on one page when its box text is legible there; else fewer rings: the boxes
    on the last ring list their teams (up to :data:`TEAM_LINES` leaf boxes) or say on which
    page their team continues, and each continued team is a circular page of its own, its
    manager at the centre (docs/rendering.md, "Pages")."""
    from csdesign.render.chart.dot import to_dot
    from csdesign.render.chart.pages import Page, finish, fit_scale, legible

    def fit(h: nx.DiGraph, o: DotOptions) -> tuple[float, tuple[float, float]]:
        size = measure(to_dot(h, o))
        return fit_scale(size, page), size

    def plan(root: str, parent: _Plan | None) -> _Plan:
        deepest = _depth(g, root)
        p = _Plan(root, deepest, parent=parent)
        tries = [(rings, TEAM_LINES) for rings in range(deepest, 0, -1)] + [(1, 0)]
        for rings, p.team_lines in tries:
            p.rings = rings
            h = _page_graph(g, p, opts.lang, placeholder=True)
            alone = parent is None and not _continued(g, p)  # one page: no page number
            if legible(fit(h, opts if alone else replace(opts, subtitle=chrome.word("page", opts.lang, n=88, total=88)))[0]):
                break
        p.cuts = [plan(v, p) for v in _continued(g, p)]
        return p

    top = plan(g.graph["head"], None)
    numbered: list[_Plan] = []

    def walk(p: _Plan) -> None:
        numbered.append(p)
        p.number = len(numbered)
        for c in p.cuts:
            walk(c)

    walk(top)
    pages = []
    for p in numbered:
        h = _page_graph(g, p, opts.lang)
        o = opts
        if len(numbered) > 1:
            caption = _caption(g, p.root, opts.lang) if p.parent is not None else ""
            o = replace(opts, subtitle=chrome.word("page", opts.lang, n=p.number, total=len(numbered)) + (f" · {caption}" if caption else ""))
        s, size = fit(h, o)
        pages.append(Page(h, finish(o, s, size, page), s))
    return pages


def _depth(g: nx.DiGraph, root: str) -> int:
    reports = solid_reports(g, root)
    return 1 + max(_depth(g, v) for v in reports) if reports else 0


def _edge_boxes(g: nx.DiGraph, p: _Plan) -> list[tuple[str, bool]]:
    """The boxes on the plan's last ring that have reports: (box, its team continues on a page)."""
    out = []
    level = [p.root]
    for _ in range(p.rings):
        level = [v for n in level for v in solid_reports(g, n)]
    for n in level:
        reports = solid_reports(g, n)
        if reports:
            listed = len(reports) <= p.team_lines and not any(solid_reports(g, v) for v in reports)
            out.append((n, not listed))
    return out


def _continued(g: nx.DiGraph, p: _Plan) -> list[str]:
    return [n for n, cont in _edge_boxes(g, p) if cont]


def _below(g: nx.DiGraph, n: str) -> list[str]:
    out: list[str] = []
    stack = list(reversed(solid_reports(g, n)))
    while stack:
        v = stack.pop()
        out.append(v)
        stack.extend(reversed(solid_reports(g, v)))
    return out


def _caption(g: nx.DiGraph, n: str, lang: str) -> str:
    units = g.graph.get("units", {})
    unit = g.nodes[n].get("unit")
    return chrome.unit_caption(units[unit], lang) if unit in units else clean(str(g.nodes[n].get("title") or ""))


def _page_graph(g: nx.DiGraph, p: _Plan, lang: str, placeholder: bool = False) -> nx.DiGraph:
    """One page's graph: ``p.root`` and ``p.rings`` rings of its subtree. A box on the last ring
    lists its team (attribute ``members``) or says how many people continue on which page;
    below the leader, a "continued from p. N" marker takes the executive's corner."""
    keep = {p.root}
    level = [p.root]
    for _ in range(p.rings):
        level = [v for n in level for v in solid_reports(g, n)]
        keep.update(level)
    ext = g.graph.get("external")
    if p.parent is None and ext is not None and ext in g:
        keep.add(str(ext))
    h = induced(g, keep)
    h.graph["head"] = p.root
    numbers = {c.root: c.number for c in p.cuts}
    for n, cont in _edge_boxes(g, p):
        if cont:
            people = sum(g.nodes[v].get("headcount", 1) + g.nodes[v].get("team", 0) for v in _below(g, n))
            number = 88 if placeholder else numbers[n]
            h.nodes[n]["members"] = [chrome.word("people", lang, n=people), chrome.word("continued_on", lang, n=number)]
        else:
            h.nodes[n]["members"] = [line for v in solid_reports(g, n) for line in _member(g, v)]
    if p.parent is not None:
        above = next((u for u in g.predecessors(p.root) if g.edges[u, p.root].get("kind") == SOLID), None)
        title = clean(str(g.nodes[above].get("title") or "")) if above is not None and g.nodes[above].get("kind") != EXTERNAL else ""
        mid = f"marker:{p.root}"
        h.add_node(mid, kind=MARKER, lines=[chrome.word("continued_from", lang, n=88 if placeholder else p.parent.number)] + ([title] if title else []), unit=None)
        h.graph["page_root"] = mid
    h.graph["units"] = {u: info for u, info in g.graph.get("units", {}).items() if any(d.get("unit") == u for _, d in h.nodes(data=True))}
    return h


def _member(g: nx.DiGraph, v: str) -> list[str]:
    """A listed team member's lines: its title wrapped like a box title, ``×N`` kept on the last line."""
    d = g.nodes[v]
    lines = chrome.wrap(str(d.get("name") or d.get("title") or ""), WRAP) or [""]
    if d.get("headcount", 1) > 1:
        lines[-1] += f" ×{d['headcount']}"
    return lines
