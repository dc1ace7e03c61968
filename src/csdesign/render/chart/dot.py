"""Graph -> DOT source for one chart page, through the graphviz package (it quotes ids).

Boxes are HTML-like labels (every user string HTML-escaped, node ids synthetic: ``n0``,
``n1`` …) so a box can wrap its title, show two findings as two borders, and a manager's
leaf reports can stack in one compact column box. Each unit is a cluster whose caption is a
header node the reporting line enters, so no line runs through a caption. Siblings keep
the file's order through rank=same chains of invisible edges. Same org -> same DOT.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field

import graphviz
import networkx as nx

from csdesign.render.chart import chrome
from csdesign.render.chart.fold import (  # noqa: F401 - re-exported for callers and tests
    BOX_BUDGET,
    MAX_COLUMNS,
    collapse_large_teams,
    fit_to_budget,
    fold_bottom_teams,
    leaf_reports,
)
from csdesign.render.text import clean, display_width
from csdesign.structures.contract import DOTTED, EXTERNAL, SOLID, lead_value

FONTS = "Noto Sans CJK SC,Source Han Sans SC,Microsoft YaHei,PingFang SC,sans-serif"
FONT_SIZE = 11
TITLE_SIZE = 14
#: Above this many boxes, orthogonal edges cost too much (dot+ortho: 16 s, 2.3 GB at 5,000).
ORTHO_LIMIT = 1000
#: Dotted-line (matrix) lead colours: cool hues only, so they never meet the warm highlight
#: colours (render/chart/highlight.py, render/diff/chart.py). Paul Tol's and Okabe–Ito's blues.
DOTTED_COLOURS = ("#0072b2", "#44aa99", "#332288", "#56b4e9", "#4477aa", "#88ccee")
#: Inches between ranks on a chart with orthogonal dotted lines: their horizontal runs share
#: the space between two ranks, and at 0.45 in they came 5 pt apart (growth-saas matrix).
DOTTED_RANKSEP = "0.7"
#: Dash patterns, cycled with the colours so two leads never share both.
DOTTED_STYLES = ("dashed", "dotted", "dashed,bold", "dotted,bold")
DASH_SAMPLE = {"dashed": "╌╌╌", "dotted": "┈┈┈", "dashed,bold": "╍╍╍", "dotted,bold": "┉┉┉"}
LEVEL_FILL = {"director": "#1f4e79", "manager": "#2e75b6", "supervisor": "#9dc3e6", "individual": "#ffffff"}
LEVEL_FONT = {"director": "#ffffff", "manager": "#ffffff", "supervisor": "#000000", "individual": "#000000"}
LINE = "#595959"
UNIT_BORDER = "#8c8c8c"
#: What a box can show (``--label``), in the order boxes show it.
LABEL_FIELDS = ("name", "title", "headcount", "level")
#: Display cells per title line before it wraps (CJK characters count 2).
WRAP = 18
#: Leaf reports per column in a stacked (compact) team.
PER_COLUMN = 8

#: Node kinds pagination adds to a page's graph.
SUMMARY = "summary"  # a unit or subtree drawn on another page
MARKER = "marker"  # "continued from p. N" above a page's top box


@dataclass
class Highlight:
    """Extra colouring for some boxes (overlaps, gaps, reorg changes) with a legend entry."""

    colour: str
    label: str
    nodes: set[str] = field(default_factory=set)
    count: int | None = None  # shown in the legend instead of the boxes drawn (e.g. removed boxes)


@dataclass
class DotOptions:
    splines: str | None = None  # None: ortho below ORTHO_LIMIT boxes without dotted lines, else spline
    per_column: int = PER_COLUMN  # leaf reports per column when a team stacks
    collapse_after: int = 40  # leaf reports of one manager beyond which same-title boxes merge
    box_budget: int = BOX_BUDGET  # above this many boxes, teams fold into summary boxes
    max_columns: int = MAX_COLUMNS  # once folding, also until no wider than this
    highlights: list[Highlight] = field(default_factory=list)
    title: str | None = None
    lang: str = "en"
    labels: tuple[str, ...] = LABEL_FIELDS
    rankdir: str = "TB"
    page: str | None = None  # None: one drawing of its natural size; else a page name (pages.py)
    portrait: bool = False
    dpi: int = 192  # PNG resolution
    view: str = "chart"  # or "grid" (the matrix grid view)
    subtitle: str = ""  # e.g. "p. 2/5 · Region: North", added by pagination
    legend_columns: int = 3  # legend entries per row (pagination tries fewer on a crowded page)
    legend_beside: bool = False  # the legend right of the title instead of below it
    stack_summaries: bool = False  # a page's "continued on p. N" boxes stack like leaf teams (pagination's last resort)
    extra_graph: dict[str, str] = field(default_factory=dict)  # pad/size set by pages.py
    #: node -> (id, href, tooltip): the box becomes a link with that SVG id (the HTML report's
    #: findings point at boxes, and boxes back at findings); Graphviz writes the id as ``a_<id>``
    anchors: dict[str, tuple[str, str, str]] = field(default_factory=dict)


def e(text: object) -> str:
    """User or chrome text escaped for a Graphviz HTML-like label (a backslash doubled, so
    ``\\N`` shows as typed instead of becoming the node name)."""
    return html.escape(clean(str(text)), quote=True).replace("\\", "\\\\")


def box_text(g: nx.DiGraph, n: str, opts: DotOptions) -> tuple[list[str], list[str]]:
    """(title lines, small lines) of one box, per ``--label`` and ``--lang``."""
    d = g.nodes[n]
    lang = opts.lang
    if d.get("kind") in (SUMMARY, MARKER):
        return list(d.get("lines", [])[:1]), list(d.get("lines", [])[1:])
    if d.get("kind") == EXTERNAL:
        return chrome.wrap(chrome.executive_title(g, lang), WRAP), []
    main: list[str] = []
    if "name" in opts.labels and d.get("name"):
        main.append(clean(d["name"]))
    if "title" in opts.labels or not main:
        main.extend(chrome.wrap(d.get("title") or "", WRAP))
    qualifier = lead_value(g, n)
    if qualifier:
        main.append(clean(qualifier))
    extra = []
    if "headcount" in opts.labels and d.get("headcount", 1) > 1:
        extra.append(f"×{d['headcount']}")
    if "level" in opts.labels and d.get("level"):
        level = chrome.level_name(str(d["level"]), lang)
        if not chrome.title_names_level(clean(str(d.get("title") or "")), level):  # not "客户成功部总监 · 总监"
            extra.append(level)
    if d.get("assistant"):
        extra.append(chrome.word("assistant", lang))
    if d.get("vacant"):
        extra.append(chrome.word("vacant", lang))
    if d.get("team"):
        extra.append(chrome.word("team", lang, n=d["team"]))
    small = [" · ".join(extra)] if extra else []
    if d.get("dotted_pages"):  # a lead whose dotted lines are drawn on other pages: a line of its own
        small.append(chrome.word("dotted_on", lang, pages=chrome.word("sep", lang).join(str(p) for p in d["dotted_pages"])))
    # a circular page's last ring: the team listed in the box, or where it continues
    small += [clean(line) for line in d.get("members", [])]
    return main, small


def box_html(g: nx.DiGraph, n: str, opts: DotOptions, marks: dict[str, list[Highlight]], lead_style: dict[str, tuple[str, str]], size: tuple[int, int] | None = None) -> str:
    """One box as an HTML-like table: fill by level, dashed when vacant, one border per finding."""
    d = g.nodes[n]
    kind = d.get("kind")
    fill, font, border, style, width = "#ffffff", "#000000", "#404040", "rounded", 1
    if kind == EXTERNAL:
        fill, font, border, style = "#eeeeee", "#333333", "#7f7f7f", "dashed"
    elif kind == SUMMARY:
        fill, font, border = "#f2f2f2", "#1a1a1a", "#7f7f7f"
    elif kind == MARKER:
        fill, font, border, style = "#ffffff", "#404040", "#bfbfbf", "rounded,dashed"
    else:
        level = d.get("level") or "individual"
        fill, font = LEVEL_FILL.get(level, "#ffffff"), LEVEL_FONT.get(level, "#000000")
        if d.get("vacant"):
            style = "rounded,dashed"
    if n in lead_style:
        border, width = lead_style[n][0], 2
    main, small = box_text(g, n, opts)
    team = len(d.get("members", []))  # a circular page's listed team: below a rule
    lines = main + small
    text = "<BR/>".join(e(line) for line in lines[:len(lines) - team])
    # equal boxes (a flat band): the size goes on the cell, whose text Graphviz centres (on the
    # table, the extra width went to the right of a left-aligned text block)
    fixed = f' WIDTH="{size[0] - 2 * width}"' + ("" if team else f' HEIGHT="{size[1] - 2 * width}"') if size else ""
    rows = f'<TR><TD{fixed}><FONT COLOR="{font}">{text}</FONT></TD></TR>'
    if team:
        rows += f'<HR/><TR><TD{fixed}><FONT COLOR="{font}">{"<BR/>".join(e(line) for line in lines[-team:])}</FONT></TD></TR>'
    inner = f'<TABLE STYLE="{style}" BORDER="{width}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="5" BGCOLOR="{fill}" COLOR="{border}">{rows}</TABLE>'
    for hl in reversed(marks.get(n, [])):  # one border per kind of finding, first outermost
        inner = f'<TABLE STYLE="rounded" BORDER="3" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1" COLOR="{hl.colour}"><TR><TD>{inner}</TD></TR></TABLE>'
    anchor = opts.anchors.get(n)
    if anchor is not None:
        ident, href, tip = anchor
        inner = f'<TABLE ID="{e(ident)}" HREF="{e(href)}" TITLE="{e(tip)}"' + inner[len("<TABLE"):]
    return inner


def _stack_html(g: nx.DiGraph, members: list[str], opts: DotOptions, marks: dict[str, list[Highlight]], lead_style: dict[str, tuple[str, str]], port: dict[str, str]) -> str:
    """A compact team: leaf boxes in columns of ``per_column`` (file order down each column).
    A flat org's team is one band instead: equal boxes in rows, file order along each row,
    so no row looks like a layer below another."""
    if g.graph.get("structure") == "flat":
        texts = [box_text(g, v, opts) for v in members]
        wide = max(display_width(line) for main, small in texts for line in main + small)
        tall = max(len(main) + len(small) for main, small in texts)
        size = (int(wide * FONT_SIZE * 0.56 + 16), int(tall * FONT_SIZE * 1.3 + 12))
        per_row = max(4, math.ceil(math.sqrt(len(members) * 2.2)))
        rows = []
        for i in range(0, len(members), per_row):
            rows.append("<TR>" + "".join(f'<TD PORT="{port[v]}">{box_html(g, v, opts, marks, lead_style, size)}</TD>' for v in members[i:i + per_row]) + "</TR>")
        # framed: the head's one line ends on the band's edge, not in the space above its boxes
        return f'<TABLE BORDER="1" COLOR="{UNIT_BORDER}" STYLE="rounded" CELLBORDER="0" CELLSPACING="6" CELLPADDING="0">{"".join(rows)}</TABLE>'
    per = max(1, opts.per_column)
    columns = [members[i:i + per] for i in range(0, len(members), per)]
    rows = []
    for r in range(len(columns[0])):
        cells = []
        for col in columns:
            if r < len(col):
                cells.append(f'<TD PORT="{port[col[r]]}">{box_html(g, col[r], opts, marks, lead_style)}</TD>')
            else:
                cells.append("<TD></TD>")
        rows.append("<TR>" + "".join(cells) + "</TR>")
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="5" CELLPADDING="0">{"".join(rows)}</TABLE>'


def lead_styles(g: nx.DiGraph) -> dict[str, tuple[str, str]]:
    """Each dotted-line lead's (colour, dash style), in file order. On a page of a paginated
    chart a lead keeps its whole-chart style (``lead_order``, pages.py): also when the page
    shows only a reference box for it, or only the lead with its lines on other pages."""
    leads = [n for n, d in g.nodes(data=True) if d.get("dotted_pages") or any(g.edges[n, v].get("kind") == DOTTED for v in g.successors(n))]
    order = {lead: i for i, lead in enumerate(g.graph.get("lead_order", []))}
    out = {}
    for i, n in enumerate(leads):
        k = order.get(g.nodes[n].get("lead_of", n), i)
        out[n] = (DOTTED_COLOURS[k % len(DOTTED_COLOURS)], DOTTED_STYLES[k % len(DOTTED_STYLES)])
    return out


def lead_title(g: nx.DiGraph, n: str, lang: str = "en") -> str:
    """A matrix lead as legends name it: its title, and the value it leads when the lead is
    replicated ("Regional Success Lead (APAC)"; in Chinese text, full-width brackets)."""
    title = clean(g.nodes[n].get("title") or "")
    value = lead_value(g, n)
    if not value:
        return title
    return title + chrome.bracketed(clean(value), lang)


def _dotted_end(g: nx.DiGraph, n: str) -> bool:
    """Whether a dotted line starts or ends at ``n`` (a matrix lead or a box linked to one)."""
    return any(d.get("kind") == DOTTED for _, _, d in g.out_edges(n, data=True)) or any(d.get("kind") == DOTTED for _, _, d in g.in_edges(n, data=True))


def _stacks(g: nx.DiGraph, units: dict, summaries: bool = False) -> dict[str, list[str]]:
    """Stack id -> leaf members: a manager's leaf reports (two or more) in one group (a unit,
    or the shared roles of one function: a stack never straddles a group's border, or the
    group would be drawn empty beside it)."""
    out: dict[str, list[str]] = {}
    for n in g.nodes:
        if g.nodes[n].get("kind") == EXTERNAL:
            continue
        groups: dict[object, list[str]] = {}
        for v in leaf_reports(g, n):
            dv = g.nodes[v]
            if (dv.get("kind") != "role" and not (summaries and dv.get("kind") == SUMMARY)) or dv.get("assistant") or _dotted_end(g, v):
                continue  # a box with dotted lines stands on its own: orthogonal lines end at nodes, not ports
            fn = None if dv.get("unit") in units else _shared_function(g, v)
            groups.setdefault(dv.get("unit") if fn is None else ("shared", fn), []).append(v)
        for i, members in enumerate(groups.values()):
            if len(members) >= 2:
                out[f"{n}\x00{i}"] = members
    return out


def _shared_function(g: nx.DiGraph, n: str) -> str | None:
    """The function whose shared-roles group a role outside units is drawn in, or None:
    one rule for :func:`_groups` (the groups) and :func:`_stacks` (no stack straddles one)."""
    d = g.nodes[n]
    if d.get("scope") == "shared" and d.get("kind") == "role" and g.graph.get("structure") != "flat" and not _over_summaries(g, n):
        return clean(str(d.get("function") or ""))
    return None


def nested_groups(units: dict, keys: list[str]) -> dict[str | None, list[int]]:
    """Group key of the parent (None: the top level) -> indexes of the groups drawn inside it.
    A unit sits in its UnitInfo ``parent`` when that unit is drawn too (--focus or a page may
    leave it out: then it moves up to the top level)."""
    drawn = set(keys)
    out: dict[str | None, list[int]] = {}
    for i, key in enumerate(keys):
        parent = (units.get(key) or {}).get("parent")
        out.setdefault(parent if parent in drawn and parent != key else None, []).append(i)
    return out


def _groups(g: nx.DiGraph, opts: DotOptions) -> list[tuple[str, str, list[str]]]:
    """(group key, caption, members): one per unit in file order, then one per function of
    the shared roles outside units (service modules, shared functions)."""
    units = g.graph.get("units", {})
    by_unit: dict[str, list[str]] = {u: [] for u in units}
    shared: dict[str, list[str]] = {}
    for n, d in g.nodes(data=True):
        if d.get("unit") in by_unit:
            by_unit[d["unit"]].append(n)
        elif (fn := _shared_function(g, n)) is not None:
            shared.setdefault(fn, []).append(n)
    out = [(u, chrome.unit_caption(units[u], opts.lang), members) for u, members in by_unit.items() if members]
    out += [(f"shared:{fn}", chrome.shared_caption(fn, opts.lang), members) for fn, members in shared.items()]
    return out


def _over_summaries(g: nx.DiGraph, n: str) -> bool:
    """A shared role over other pages' summary boxes (a functional director above every
    region, on the overview page) stands above them, not in a shared group whose border its
    lines would have to cross."""
    return any(g.edges[n, v].get("kind") == SOLID and g.nodes[v].get("kind") == SUMMARY for v in g.successors(n))


def to_dot(g: nx.DiGraph, options: DotOptions | None = None) -> str:
    """DOT source for one page of the org chart (``g`` already cut by depth/focus/pages)."""
    opts = options or DotOptions()
    g = fit_to_budget(g, opts.collapse_after, opts.box_budget, opts.per_column, opts.max_columns)
    layout = g.graph.get("layout", "dot")
    if layout == "twopi":
        from csdesign.render.chart.circular import circular_dot

        return circular_dot(g, opts)
    lead_style = lead_styles(g)
    marks: dict[str, list[Highlight]] = {}
    for hl in opts.highlights:
        for n in sorted(hl.nodes):
            if n in g:
                marks.setdefault(n, []).append(hl)

    ids = {n: f"n{i}" for i, n in enumerate(g.nodes)}
    stacks = _stacks(g, g.graph.get("units", {}), opts.stack_summaries)
    in_stack: dict[str, str] = {}
    port: dict[str, str] = {}
    for k, (sid, members) in enumerate(stacks.items()):
        for j, v in enumerate(members):
            in_stack[v] = f"s{k}"
            port[v] = f"p{j}"
    stack_ids = {sid: f"s{k}" for k, sid in enumerate(stacks)}

    has_dotted = any(d.get("kind") == DOTTED for _, _, d in g.edges(data=True))
    boxes = g.number_of_nodes()
    # Orthogonal lines, dotted ones too: the router gives parallel runs their own tracks (a
    # readable gap, docs/rendering.md), where splines ran different leads' lines together.
    # Boxes with dotted lines are never stacked (_stacks): orthogonal routing ignores ports.
    splines = opts.splines or ("ortho" if boxes < ORTHO_LIMIT else "spline")
    tracks = has_dotted and splines == "ortho"
    dot = graphviz.Digraph(name="csdesign", engine=layout)
    title = opts.title if opts.title is not None else chrome.chart_title(g, opts.lang)
    dot.attr(
        "graph",
        label=_graph_label(g, title, opts, lead_style, marks, stacks),
        labelloc="t",
        fontname=FONTS,
        fontsize=str(FONT_SIZE),
        rankdir=opts.rankdir,
        splines=splines,
        nodesep="0.25",
        ranksep=DOTTED_RANKSEP if tracks else "0.45",  # room between ranks for the lines' tracks
        newrank="true",
        charset="UTF-8",
        **opts.extra_graph,
    )
    dot.attr("node", shape="plain", fontname=FONTS, fontsize=str(FONT_SIZE))
    dot.attr("edge", arrowhead="none", color=LINE, penwidth="1.2")

    def node_stmt(target: graphviz.Digraph, n: str) -> None:
        if n in in_stack:
            return
        target.node(ids[n], label=f"<{box_html(g, n, opts, marks, lead_style)}>")

    def stack_stmt(target: graphviz.Digraph, sid: str) -> None:
        target.node(stack_ids[sid], label=f"<{_stack_html(g, stacks[sid], opts, marks, lead_style, port)}>")

    def ref(n: str) -> str:
        return in_stack.get(n, ids.get(n, n))

    groups = _groups(g, opts)
    grouped = {n for _, _, members in groups for n in members}
    group_of = {n: key for key, _, members in groups for n in members}
    stack_group = {sid: group_of.get(members[0]) for sid, members in stacks.items()}
    headers: dict[str, str] = {}
    for n in g.nodes:
        if n not in grouped:
            node_stmt(dot, n)
    for sid in stacks:
        if stack_group[sid] is None:
            stack_stmt(dot, sid)
    inner = nested_groups(g.graph.get("units", {}), [key for key, _, _ in groups])

    def cluster(target: graphviz.Digraph, i: int) -> None:
        key, caption, members = groups[i]
        headers[key] = f"u{i}"
        with target.subgraph(name=f"cluster_{i}") as sub:
            sub.attr(label="", style="rounded,dashed", color=UNIT_BORDER, margin="10")
            sub.node(f"u{i}", label=f'<<TABLE BORDER="0" CELLPADDING="2"><TR><TD><B>{e(caption)}</B></TD></TR></TABLE>>', shape="box", style="rounded,filled", fillcolor="#e8eef5", color=UNIT_BORDER, margin="0.05,0.02")
            for n in members:
                node_stmt(sub, n)
            for sid in stacks:
                if stack_group[sid] == key:
                    stack_stmt(sub, sid)
            for j in inner.get(key, []):  # a department holds its teams (explicit orgs)
                cluster(sub, j)

    for i in inner.get(None, []):
        cluster(dot, i)

    # Reporting lines: into a group through its header; into a stack once. A stack whose
    # manager also has other reports stands beside the manager, so its height does not push
    # the manager's other teams down a rank.
    children: dict[str, list[str]] = {}
    drawn: set[tuple[str, str]] = set()
    beside: set[str] = set()
    for sid, members in stacks.items():
        manager = sid.split("\x00")[0]
        others = [v for v in g.successors(manager) if g.edges[manager, v].get("kind") == SOLID and in_stack.get(v) != stack_ids[sid]]
        if others and stack_group[sid] == group_of.get(manager):
            beside.add(stack_ids[sid])

    # statements in order: ("edge", a, b, attrs) lines, ("same", a, b, {}) a rank=same pair
    pending: list[tuple[str, str, str, dict[str, str]]] = []

    def line(a: str, b: str, **attrs: str) -> bool:
        if (a, b) in drawn:
            return False
        drawn.add((a, b))
        pending.append(("edge", a, b, attrs))
        return True


    def child(a: str, b: str) -> None:
        if b not in children.setdefault(a, []):
            children[a].append(b)

    for u, v, d in g.edges(data=True):
        if d.get("kind") != SOLID:
            continue
        a, b = ref(u), ref(v)
        gu = group_of.get(u)
        gv = stack_group[_sid_of(v, in_stack, stack_ids)] if v in in_stack else group_of.get(v)
        if g.nodes[v].get("assistant") or b in beside:
            if not line(a, b, constraint="false"):
                continue  # a stack's second member: the stack already stands beside
            pending.append(("same", a, b, {}))
        elif gv is not None and gv != gu:
            h = headers[gv]
            line(a, h)
            child(a, h)
            line(h, b)
            child(h, b)
        else:
            line(a, b)
            child(a, b)
    buses = _buses(children, pending, set(headers.values()))
    node_of = {short: n for n, short in ids.items()}
    for k, (managers, targets) in enumerate(buses):
        # boxes under the same two or more managers hang from one bar the managers' lines
        # come down to (lines from two managers to four boxes below cross at least 6 times)
        bus = f"bus{k}"
        span = _span(g, [node_of.get(t) for t in targets], opts)
        size = {"width": "0.02", "height": f"{span:.2f}"} if opts.rankdir == "LR" else {"width": f"{span:.2f}", "height": "0.02"}
        dot.node(bus, label="", shape="box", style="filled", fixedsize="true", fillcolor=LINE, color=LINE, penwidth="0", **size)
        # in the first manager's group (dot keeps them in line): without it, dot let the bar
        # pull a shared group at the managers' rank out of file order
        dot.node(bus, group=bus)
        dot.node(managers[0], group=bus)
        pending[:] = [p for p in pending if not (p[0] == "edge" and p[1] in managers and p[2] in targets)]
        pending.extend(("edge", m, bus, {}) for m in managers)
        pending.extend(("edge", bus, t, {"weight": "8"}) for t in targets)  # keeps the boxes close under the bar
        for m in managers:
            children[m] = [bus if c == targets[0] else c for c in children[m] if c not in targets[1:]]
        children[bus] = list(targets)
    for what, a, b, attrs in pending:
        if what == "same":  # an assistant or a stack beside its manager: on the manager's rank
            with dot.subgraph() as same:
                same.attr(rank="same")
                same.node(a)
                same.node(b)
        else:
            dot.edge(a, b, **attrs)

    def end(n: str) -> str:
        return f"{in_stack[n]}:{port[n]}" if n in in_stack else ids[n]

    for lead, (colour, style) in lead_style.items():
        for v in g.successors(lead):
            if g.edges[lead, v].get("kind") == DOTTED:
                dot.edge(end(lead), end(v), style=style, color=colour, constraint="false", penwidth="1.6")
    # File order: siblings chained left to right on their rank. dot does not hold a rank=same
    # edge between two clusters (and 2.43 aborts on some: the retry drops these chains); a
    # parent's out-edges keep its groups in order, but not groups entered from two parents
    # (each region under both functional directors: dot put them South, International,
    # North, East). Those are ordered through anchors, in the groups' order (units in
    # dimension order, then the shared functions): an invisible point above each group's
    # header, outside every group, the points chained on their own rank.
    group_index = {h: i for i, h in enumerate(headers.values())}
    group_at = {h: key for key, h in headers.items()}
    member_group = {ref(n): key for n, key in group_of.items()}
    anchored: dict[tuple[str, ...], None] = {}
    parents: dict[str, int] = {}
    for kids in children.values():
        for kid in kids:
            parents[kid] = parents.get(kid, 0) + 1
    for parent, kids in children.items():
        home = member_group.get(parent)
        entered = {kid for kid in kids if kid in group_at and group_at[kid] != home}
        outside = tuple(sorted(entered, key=group_index.__getitem__))
        if len(outside) > 1 and any(parents[kid] > 1 for kid in outside):
            anchored.setdefault(outside, None)
        if len(kids) > 1:
            with dot.subgraph() as same:
                same.attr(rank="same")
                for a, b in zip(kids, kids[1:]):
                    same.edge(a, b, style="invis")
    for k, outside in enumerate(anchored):
        points = [f"a{k}_{j}" for j in range(len(outside))]
        for pt, h in zip(points, outside):
            dot.node(pt, label="", shape="point", width="0", style="invis")
            dot.edge(pt, h, style="invis")
        with dot.subgraph() as same:
            same.attr(rank="same")
            for a, b in zip(points, points[1:]):
                same.edge(a, b, style="invis", weight="1")  # not a plain chain: it survives the 2.43 retry
    return dot.source


def _buses(children: dict[str, list[str]], pending: list[tuple[str, str, str, dict[str, str]]], captions: set[str]) -> list[tuple[list[str], list[str]]]:
    """(managers, boxes) drawn through a bar: two or more boxes whose plain reporting lines
    come from the same two or more managers. Not unit captions: a bar over clusters let dot
    put the units out of file order."""
    plain = {(a, b) for what, a, b, attrs in pending if what == "edge" and not attrs}
    sources: dict[str, list[str]] = {}
    for a, kids in children.items():
        for b in kids:
            if (a, b) in plain and b not in captions:
                sources.setdefault(b, []).append(a)
    groups: dict[tuple[str, ...], list[str]] = {}
    for b, managers in sources.items():
        if len(managers) >= 2:
            groups.setdefault(tuple(managers), []).append(b)
    return [(list(m), targets) for m, targets in groups.items() if len(targets) >= 2 and len(m) >= 2]


def _span(g: nx.DiGraph, targets: list[str | None], opts: DotOptions) -> float:
    """Inches between the centres of the first and last of ``targets`` side by side, from
    their text widths, halved: dot may set the bar off centre, and a bar longer than its row
    of boxes would stick out, where the outer lines continue a short one seamlessly."""
    widths = [_width_estimate(g, t, opts) for t in targets]
    return max(0.3, 0.5 * (sum(widths) - (widths[0] + widths[-1]) / 2 + 18 * (len(widths) - 1)) / 72)


def _width_estimate(g: nx.DiGraph, n: str | None, opts: DotOptions) -> float:
    """Points a box's text takes, as _stack_html sizes a flat band's boxes."""
    if n is None:
        return 100.0  # a unit caption or a stack
    main, small = box_text(g, n, opts)
    return max(display_width(line) for line in main + small) * FONT_SIZE * 0.5 + 12


def _sid_of(v: str, in_stack: dict[str, str], stack_ids: dict[str, str]) -> str:
    target = in_stack[v]
    return next(sid for sid, short in stack_ids.items() if short == target)


def legend_entries(g: nx.DiGraph, opts: DotOptions, lead_style: dict[str, tuple[str, str]], marks: dict[str, list[Highlight]]) -> list[tuple[str, str, str]]:
    """(colour, sample, text with count) for every line style or colour meaning on the chart,
    zero counts left out; empty when the chart uses only one (plain reporting lines)."""
    lang = opts.lang
    solid = sum(1 for _, v, d in g.edges(data=True) if d.get("kind") == SOLID and g.nodes[v].get("kind") == "role")
    entries = []
    if solid:
        entries.append((LINE, "───", chrome.counted(chrome.word('solid', lang), solid, lang)))
    for lead, (colour, style) in lead_style.items():
        count = sum(1 for v in g.successors(lead) if g.edges[lead, v].get("kind") == DOTTED)
        if not count:
            continue  # its lines are on other pages (its box says which), legended there
        entries.append((colour, DASH_SAMPLE[style], chrome.counted(chrome.word('dotted', lang, lead=lead_title(g, lead, lang)), count, lang)))
    vacant = sum(1 for _, d in g.nodes(data=True) if d.get("vacant"))
    if vacant:
        entries.append(("#404040", "┆▭┆", chrome.counted(chrome.word('vacancy', lang), vacant, lang)))
    for hl in opts.highlights:
        count = hl.count if hl.count is not None else sum(1 for n in hl.nodes if n in g)
        if count:
            entries.append((hl.colour, "■", chrome.counted(hl.label, count, lang)))
    return entries if len(entries) > 1 else []


def _graph_label(g: nx.DiGraph, title: str, opts: DotOptions, lead_style: dict[str, tuple[str, str]], marks: dict[str, list[Highlight]], stacks: dict[str, list[str]]) -> str:
    rows = [f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{TITLE_SIZE}"><B>{e(title)}</B></FONT></TD></TR>']
    if opts.subtitle:
        rows.append(f'<TR><TD ALIGN="LEFT"><FONT COLOR="#404040">{e(opts.subtitle)}</FONT></TD></TR>')
    entries = legend_entries(g, opts, lead_style, marks)
    if entries:
        cells = [f'<TD ALIGN="LEFT"><FONT COLOR="{c}"><B>{e(s)}</B></FONT> {e(t)}</TD>' for c, s, t in entries]
        per_row = max(1, opts.legend_columns)
        lines = ["<TR>" + "".join(cells[i:i + per_row]) + "</TR>" for i in range(0, len(cells), per_row)]
        legend = f'<TABLE BORDER="1" COLOR="#bfbfbf" STYLE="rounded" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2"><TR><TD ALIGN="LEFT" COLSPAN="{per_row}"><B>{e(chrome.word("legend", opts.lang))}</B></TD></TR>{"".join(lines)}</TABLE>'
        if opts.legend_beside:  # right of the title and subtitle: the title block gets no taller
            head = f'<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">{"".join(rows)}</TABLE>'
            rows = [f'<TR><TD ALIGN="LEFT" VALIGN="TOP">{head}</TD><TD ALIGN="LEFT" VALIGN="TOP">{legend}</TD></TR>']
        else:
            rows.append(f'<TR><TD ALIGN="LEFT">{legend}</TD></TR>')
    return f'<<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">{"".join(rows)}</TABLE>>'
