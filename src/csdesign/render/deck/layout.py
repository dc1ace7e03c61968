"""Org chart pages for slides: which boxes go on which slide, and where (Graphviz's layout).

A deck chart must stay legible at slide size, so the chart is paginated: an overview slide
(the executive box, the CS head, roles outside any unit, and one summary box per unit with
its headcount) and one slide per unit (its parent box, marked as continued from the overview,
and everything in the unit). Leaves under a manager stack in a compact column (as
d3-org-chart's compact mode), which keeps wide teams narrow. Positions come from Graphviz's
``dot`` layout, in process through pygraphviz; box sizes come from the text at the deck's
font size (CJK characters a full em, Latin about half), so text always fits its box and the
page is scaled down only as far as box text stays at :data:`MIN_PT` or more.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from csdesign.knowledge.chrome import axis_label, level_label
from csdesign.render.chart.boxes import box_lines
from csdesign.render.text import clean, segments
from csdesign.structures.contract import DOTTED, EXTERNAL, SOLID, solid_reports

#: Box text size on the slide, in points, before any scaling; never scaled below MIN_PT.
BOX_PT = 12.0
MIN_PT = 10.0
#: The area charts may use on a 16:9 slide (13.33 x 7.5 in), in inches.
AREA = (12.5, 5.5)
#: Widest box, in inches: longer titles wrap at word boundaries.
MAX_BOX_W = 2.1
PAD = 0.12  # inches of padding around box text
LINE = 1.25  # line height, in ems
#: Leaves stacked in a column under their manager when there are more than this many.
STACK_AFTER = 3


@dataclass
class PBox:
    key: str
    lines: list[str]
    kind: str  # role | external | summary (a unit on its own slide) | lead (a copy of a lead drawn elsewhere)
    level: str | None = None
    vacant: bool = False
    node: str | None = None  # the graph node drawn (None for unit and summary boxes)
    x: float = 0.0  # left, inches on the slide
    y: float = 0.0  # top
    w: float = 0.0
    h: float = 0.0
    marker: str | None = None  # "continued on p. 3" / "continued from p. 1"
    goes_to: str | None = None  # key of the page that continues this box's branch
    comes_from: str | None = None  # key of the page this branch continues


@dataclass
class PEdge:
    src: str
    dst: str
    kind: str  # solid | dotted | stack (a stacked leaf: from the manager's bottom to the leaf's side)
    lead: int | None = None


@dataclass
class ChartPage:
    title: str
    boxes: list[PBox] = field(default_factory=list)
    edges: list[PEdge] = field(default_factory=list)
    scale: float = 1.0
    unit: str | None = None
    key: str = "overview"

    def box(self, key: str) -> PBox:
        return next(b for b in self.boxes if b.key == key)


def text_width(text: str, pt: float = BOX_PT) -> float:
    """Inches the text takes at ``pt`` (CJK and full-width characters 1 em, others 0.55)."""
    import unicodedata

    ems = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in text)
    return ems * pt / 72


def wrap(text: str, max_w: float, pt: float = BOX_PT) -> list[str]:
    """Lines no wider than ``max_w`` inches, broken only between words (render.text.segments)."""
    lines: list[str] = []
    current = ""
    for seg in segments(text):
        if current and text_width(current + seg, pt) > max_w:
            lines.append(current.rstrip())
            current = seg.lstrip()
        else:
            current += seg
    if current:
        lines.append(current.rstrip())
    return lines or [""]


def _size(lines: list[str]) -> tuple[list[str], float, float]:
    wrapped = [part for line in lines for part in wrap(line, MAX_BOX_W - 2 * PAD)]
    w = min(MAX_BOX_W, max(text_width(line) for line in wrapped) + 2 * PAD)
    h = len(wrapped) * LINE * BOX_PT / 72 + 2 * PAD * 0.6
    return wrapped, max(w, 0.9), h


def _box(g: nx.DiGraph, n: str, lang: str) -> PBox:
    d = g.nodes[n]
    lines, w, h = _size(box_lines(g, n, lang))
    kind = "external" if d.get("kind") == EXTERNAL else "role"
    return PBox(n, lines, kind, d.get("level"), bool(d.get("vacant")), n, w=w, h=h)


def _headcount(g: nx.DiGraph, nodes: list[str]) -> int:
    return sum(int(g.nodes[n].get("headcount") or 1) for n in nodes if g.nodes[n].get("kind") != EXTERNAL)


def unit_members(g: nx.DiGraph) -> dict[str, list[str]]:
    """unit id -> its role nodes in file order."""
    out: dict[str, list[str]] = {u: [] for u in g.graph.get("units", {})}
    for n, d in g.nodes(data=True):
        if d.get("unit") in out:
            out[d["unit"]].append(n)
    return out


def pages(g: nx.DiGraph, lang: str = "en", first: int = 1) -> list[ChartPage]:
    """The overview page, then one page per unit (units in file order). ``first`` is the number
    the first page has where it is shown (the deck's slide number of the overview), so the
    "continued on/from p. N" markers name the numbers the reader sees."""
    units = g.graph.get("units", {})
    members = unit_members(g)
    zh = lang == "zh"
    structure_title = "组织结构总览" if zh else "Organisation overview"
    if not units:
        page = ChartPage(structure_title)
        _add_tree(page, g, [n for n in g.nodes], lang)
        return _number(_split_oversized([_place(page)]), lang, first)
    overview = ChartPage(structure_title)
    outside = [n for n, d in g.nodes(data=True) if d.get("unit") not in units]
    _add_tree(overview, g, outside, lang)
    unit_pages: list[ChartPage] = []
    for i, (uid, info) in enumerate(units.items()):
        if not members[uid]:
            continue
        people = _headcount(g, members[uid])
        label = f"{axis_label(info['axis'], lang)}{'：' if zh else ': '}{clean(info['label'])}"
        count = f"{people} 人" if zh else f"{people} people"
        lines, w, h = _size([label, count])
        summary = PBox(f"unit:{uid}", lines, "summary", w=w, h=h, goes_to=f"unit:{uid}")
        overview.boxes.append(summary)
        top = [n for n in members[uid] if _manager(g, n) not in members[uid]]
        parents = {_manager(g, n) for n in top} - {None}
        for p in sorted(parents, key=list(g.nodes).index):
            overview.edges.append(PEdge(p, summary.key, SOLID))
        page = ChartPage(label, unit=uid, key=f"unit:{uid}")
        for p in sorted(parents, key=list(g.nodes).index):
            pb = _box(g, p, lang)
            pb.comes_from = "overview"
            page.boxes.append(pb)
        _add_tree(page, g, members[uid], lang, extra_parents=parents)
        unit_pages.append(page)
    return _number(_split_oversized([_place(overview)] + [_place(p) for p in unit_pages]), lang, first)


def _number(pages: list[ChartPage], lang: str, first: int = 1) -> list[ChartPage]:
    """Write the "continued on p. N" / "continued from p. N" markers from the final page order,
    the first page numbered ``first``."""
    number = {p.key: i for i, p in enumerate(pages, first)}
    zh = lang == "zh"
    for p in pages:
        for b in p.boxes:
            parts = []
            if b.comes_from is not None:
                parts.append(f"接第 {number[b.comes_from]} 页" if zh else f"continued from p. {number[b.comes_from]}")
            if b.goes_to is not None:
                parts.append(f"见第 {number[b.goes_to]} 页" if zh else f"continued on p. {number[b.goes_to]}")
            if parts:
                b.marker = " · ".join(parts)
    return pages


def _split_oversized(pages: list[ChartPage]) -> list[ChartPage]:
    """Pages whose box text would fall below MIN_PT are split: each branch below the page's top
    boxes moves to a page of its own (right after, depth first), its top box kept here marked
    "continued on p. N" and repeated there marked "continued from p. N"; recursively. A page
    that is only a manager and its leaves cannot be split and stays scaled."""
    out: list[ChartPage] = []
    todo = list(reversed(pages))
    while todo:
        page = todo.pop()
        parts = None if fits(page) else _split(page)
        if parts is None:
            out.append(page)
            continue
        todo.extend(reversed(parts))
    return out


def _split(page: ChartPage) -> list[ChartPage] | None:
    """The page with its branches cut off, then one page per branch; None when nothing can be cut."""
    from dataclasses import replace

    children: dict[str, list[str]] = {}
    for e in page.edges:
        if e.kind in (SOLID, "stack"):
            children.setdefault(e.src, []).append(e.dst)
    has_parent = {e.dst for e in page.edges if e.kind in (SOLID, "stack")}
    level = [b.key for b in page.boxes if b.key not in has_parent and b.kind != "lead"]
    while True:
        kids = [k for n in level for k in children.get(n, [])]
        cut = [k for k in kids if children.get(k)]
        if not cut:
            return _split_team(page, children)
        if kids == cut and len(cut) == 1:  # a single line down: cut below it instead
            level = cut
            continue
        break
    boxes = {b.key: b for b in page.boxes}
    parts: list[ChartPage] = []
    moved: set[str] = set()
    for c in cut:
        sub: list[str] = []
        stack = [c]
        while stack:
            n = stack.pop()
            sub.append(n)
            stack.extend(reversed(children.get(n, [])))
        inside = set(sub)
        below = inside - {c}
        moved |= below
        key = f"{page.key}>{c}"
        top = replace(boxes[c], marker=None, goes_to=None, comes_from=page.key)
        title = boxes[c].lines[0] if page.unit is None else f"{page.title.split(' · ')[0]} · {boxes[c].lines[0]}"
        part = ChartPage(title, [top] + [replace(boxes[n]) for n in sub[1:]], unit=page.unit, key=key)
        part.edges = [replace(e) for e in page.edges if e.kind in (SOLID, "stack") and e.src in inside and e.dst in inside]
        for e in page.edges:
            if e.kind == DOTTED and e.dst in below:
                src = e.src if e.src in inside else _lead_copy(part, boxes, e.src)
                part.edges.append(replace(e, src=src))
        parts.append(_place(part))
        boxes[c].goes_to = key
    kept = ChartPage(page.title, [b for b in page.boxes if b.key not in moved], unit=page.unit, key=page.key)
    kept.edges = [e for e in page.edges if e.src not in moved and e.dst not in moved]
    for e in page.edges:
        if e.kind == DOTTED and e.src in moved and e.dst not in moved:
            kept.edges.append(replace(e, src=_lead_copy(kept, boxes, e.src)))
    used = {e.src for e in kept.edges} | {e.dst for e in kept.edges}
    kept.boxes = [b for b in kept.boxes if b.kind != "lead" or b.key in used]
    return [_place(kept), *parts]


def _split_team(page: ChartPage, children: dict[str, list[str]]) -> list[ChartPage] | None:
    """A manager with only leaves under it: the second half of the team continues on the next
    page, under a copy of the manager marked "continued from p. N"."""
    from dataclasses import replace

    managers = [n for n, kids in children.items() if len(kids) > 1]
    if not managers:
        return None
    m = max(managers, key=lambda n: len(children[n]))
    rest = children[m][(len(children[m]) + 1) // 2:]
    moved = set(rest)
    boxes = {b.key: b for b in page.boxes}
    key = f"{page.key}+{m}"
    part = ChartPage(page.title, [replace(boxes[m], marker=None, goes_to=None, comes_from=page.key)] + [replace(boxes[n]) for n in rest],
                     unit=page.unit, key=key)
    part.edges = [replace(e) for e in page.edges if e.kind in (SOLID, "stack") and e.src == m and e.dst in moved]
    for e in page.edges:
        if e.kind == DOTTED and e.dst in moved:
            part.edges.append(replace(e, src=e.src if e.src == m else _lead_copy(part, boxes, e.src)))
    boxes[m].goes_to = key
    kept = ChartPage(page.title, [b for b in page.boxes if b.key not in moved], unit=page.unit, key=page.key)
    kept.edges = [e for e in page.edges if e.dst not in moved]
    used = {e.src for e in kept.edges} | {e.dst for e in kept.edges}
    kept.boxes = [b for b in kept.boxes if b.kind != "lead" or b.key in used]
    return [_place(kept), _place(part)]


def _lead_copy(page: ChartPage, boxes: dict[str, PBox], src: str) -> str:
    """The key of a grey copy of lead ``src`` on ``page`` (added once), for its dotted lines."""
    from dataclasses import replace

    key = src if src.startswith("lead:") else f"lead:{src}"
    if all(b.key != key for b in page.boxes):
        page.boxes.append(replace(boxes[src], key=key, kind="lead", marker=None, goes_to=None, comes_from=None))
    return key


def _manager(g: nx.DiGraph, n: str) -> str | None:
    for u in g.predecessors(n):
        if g.edges[u, n].get("kind") == SOLID:
            return u
    return None


def _add_tree(page: ChartPage, g: nx.DiGraph, nodes: list[str], lang: str, extra_parents: set | None = None) -> None:
    """Boxes for ``nodes`` with the solid lines among them (and from ``extra_parents``); a
    manager's leaf reports stack in a column when there are more than STACK_AFTER."""
    chosen = set(nodes)
    on_page = chosen | set(extra_parents or ())
    for n in nodes:
        page.boxes.append(_box(g, n, lang))
    for n in [*sorted(extra_parents or (), key=list(g.nodes).index), *nodes]:
        kids = [v for v in solid_reports(g, n) if v in chosen]
        leaves = [v for v in kids if not any(w in chosen for w in solid_reports(g, v))]
        stack = len(leaves) > STACK_AFTER
        for v in kids:
            page.edges.append(PEdge(n, v, "stack" if stack and v in leaves else SOLID))
    leads = [u for u, v, d in g.edges(data=True) if d.get("kind") == DOTTED]
    lead_no = {u: i for i, u in enumerate(dict.fromkeys(sorted(leads, key=list(g.nodes).index)))}
    copies: dict[str, PBox] = {}
    for u, v, d in g.edges(data=True):
        if d.get("kind") != DOTTED or v not in chosen:
            continue
        if u in on_page:
            page.edges.append(PEdge(u, v, DOTTED, lead_no[u]))
        else:  # the lead is drawn on another slide: a reference copy here carries its dotted lines
            if u not in copies:
                ref = _box(g, u, lang)
                ref.key, ref.kind = f"lead:{u}", "lead"
                copies[u] = ref
                page.boxes.append(ref)
            page.edges.append(PEdge(f"lead:{u}", v, DOTTED, lead_no[u]))


def _place(page: ChartPage) -> ChartPage:
    """Positions from Graphviz (dot, top-down, children in file order); stacked leaves are one
    tall node for the layout and are then placed in a column inside it."""
    try:
        import pygraphviz as pgv
    except ImportError:  # no pygraphviz wheel for this platform
        from csdesign.errors import OutputError

        raise OutputError("the deck's chart layout needs pygraphviz, which is not installed here",
                          hint="pip install pygraphviz (it needs Graphviz's headers where no wheel exists)") from None

    a = pgv.AGraph(directed=True, strict=False)
    a.graph_attr.update(rankdir="TB", nodesep="0.25", ranksep="0.45", ordering="out", splines="false")
    a.node_attr.update(shape="box", fixedsize="true", label="")
    stacks: dict[str, list[str]] = {}
    for e in page.edges:
        if e.kind == "stack":
            stacks.setdefault(e.src, []).append(e.dst)
    in_stack = {v for vs in stacks.values() for v in vs}
    boxes = {b.key: b for b in page.boxes}
    for b in page.boxes:
        if b.key not in in_stack:
            a.add_node(_id(b.key), width=f"{b.w:.3f}", height=f"{b.h:.3f}")
    for parent, leaves in stacks.items():
        w = max(boxes[v].w for v in leaves) + 0.25
        h = sum(boxes[v].h for v in leaves) + 0.12 * (len(leaves) - 1)
        a.add_node(_id("stack:" + parent), width=f"{w:.3f}", height=f"{h:.3f}")
    for e in page.edges:
        if e.kind == SOLID:
            a.add_edge(_id(e.src), _id(e.dst))
        elif e.kind == DOTTED and e.src.startswith("lead:") and e.dst not in in_stack:
            a.add_edge(_id(e.src), _id(e.dst), style="invis", weight="0")
    for parent in stacks:
        a.add_edge(_id(parent), _id("stack:" + parent))
    a.layout(prog="dot")
    pos: dict[str, tuple[float, float, float, float]] = {}
    for node in a.nodes():
        x, y = (float(v) / 72 for v in node.attr["pos"].split(","))
        pos[str(node)] = (x, y, float(node.attr["width"]), float(node.attr["height"]))
    top = max(y + h / 2 for x, y, w, h in pos.values())
    for b in page.boxes:
        if b.key in in_stack:
            continue
        x, y, w, h = pos[_id(b.key)]
        b.x, b.y = x - b.w / 2, top - y - b.h / 2
    for parent, leaves in stacks.items():
        x, y, w, h = pos[_id("stack:" + parent)]
        cy = top - y - h / 2
        for v in leaves:
            boxes[v].x, boxes[v].y = x - w / 2 + 0.25, cy
            cy += boxes[v].h + 0.12
    left = min(b.x for b in page.boxes)
    for b in page.boxes:
        b.x -= left
    width = max(b.x + b.w for b in page.boxes)
    height = max(b.y + b.h for b in page.boxes)
    page.scale = min(1.0, AREA[0] / width, AREA[1] / height)
    return page


def _id(key: str) -> str:
    return "n" + key.encode("utf-8").hex()


def fits(page: ChartPage) -> bool:
    """True when the page's box text stays at MIN_PT or more at slide size."""
    return BOX_PT * page.scale >= MIN_PT - 1e-9


__all__ = ["AREA", "BOX_PT", "MIN_PT", "ChartPage", "PBox", "PEdge", "fits", "level_label", "pages", "text_width", "wrap"]
