"""Slide- and paper-shaped pages (``--page``) and pagination.

How pages are chosen (docs/rendering.md repeats this):

1. The whole chart is laid out top-down and left-right; if either fits the page with box
   text at :data:`MIN_TEXT` pt or more when the page is shown at its real size (a 16:9 slide
   is 13.33 × 7.5 in), that layout is the one page.
2. Otherwise page 1 is an overview: the layers above the units, and one summary box per
   unit (its caption, headcount, "continued on p. N"). An org without units is cut at the
   CS head's reports instead.
3. Each unit (or subtree) gets the next page, opening with a "continued from p. 1" box above
   its top box. A page that still does not fit keeps its top box and direct reports and
   sends each report's team to its own page, recursively.
4. Every page is laid out both ways and the orientation that shows text larger wins (when
   neither is legible but one comes close, the :data:`VARIANTS` follow: a more compact legend
   and shorter stacked columns, then the page's summary boxes stacked like a team); the
   drawing is centred on the page with padding, scaled up to at most :data:`MAX_UPSCALE`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

import networkx as nx

from csdesign.errors import InputError
from csdesign.render.chart import chrome
from csdesign.render.chart.dot import FONT_SIZE, MARKER, SUMMARY, WRAP, DotOptions, lead_styles, lead_title, to_dot
from csdesign.render.chart.fold import fit_to_budget
from csdesign.structures.contract import DOTTED, EXTERNAL, SOLID, induced, solid_reports

#: Page name -> (width, height) in inches, landscape. A 16:9 slide is PowerPoint's 13.33 × 7.5 in.
PAGES = {"16:9": (13.333, 7.5), "4:3": (10.0, 7.5), "a4": (11.69, 8.27), "a3": (16.54, 11.69), "letter": (11.0, 8.5)}
PAGE_NAMES = (*PAGES, "none")
MARGIN = 0.3  # inches of white around the drawing
MIN_TEXT = 10.0  # pt: the smallest box text allowed when the page is shown at its real size
MAX_UPSCALE = 1.5
#: Layout variants tried in turn while a page is not legible, most compact last:
#: (legend entries per row, legend beside the title, leaf boxes per stacked column).
VARIANTS = ((3, False, 8), (2, False, 8), (2, True, 8), (1, True, 8), (3, False, 2), (2, True, 2), (3, False, 1), (2, False, 1), (2, True, 1), (1, True, 1))
#: A page whose text comes out below this share of MIN_TEXT is not tried in other variants.
CLOSE = 0.7
#: Beyond this many boxes a chart cannot fit one page legibly: skip measuring it whole.
ONE_PAGE_LIMIT = 150


def page_size(name: str | None, portrait: bool = False) -> tuple[float, float] | None:
    """(width, height) in points, or None for ``none`` (the drawing's own size)."""
    if name is None or name == "none":
        return None
    if name not in PAGES:
        raise InputError(f"--page: unknown page '{name}'", hint="use one of " + ", ".join(PAGE_NAMES))
    w, h = PAGES[name]
    if portrait:
        w, h = h, w
    return w * 72, h * 72


@dataclass
class Page:
    graph: nx.DiGraph
    options: DotOptions
    scale: float = 1.0  # drawing -> page


Measure = Callable[[str], tuple[float, float]]


def fit_scale(size: tuple[float, float], page: tuple[float, float]) -> float:
    """How much the drawing (``size`` in pt, Graphviz's 4 pt pad included) must scale to fit the page inside its margins."""
    w, h = max(size[0] - 8, 1), max(size[1] - 8, 1)
    return min((page[0] - 2 * MARGIN * 72) / w, (page[1] - 2 * MARGIN * 72) / h)


def legible(scale: float) -> bool:
    return FONT_SIZE * min(scale, 1.0) >= MIN_TEXT - 1e-9


def best_layout(g: nx.DiGraph, opts: DotOptions, page: tuple[float, float], measure: Measure) -> tuple[DotOptions, float, tuple[float, float]]:
    """The layout that shows ``g`` largest on ``page``: top-down, else left-right; in each
    direction, when the plain layout is not legible but comes close, the :data:`VARIANTS` in
    turn (a legend in fewer columns or beside the title, stacked teams in shorter columns)."""
    best = None
    directions = ("TB",) if g.graph.get("layout") == "twopi" else ("TB", "LR")
    tried: set[str] = set()
    # last resort: a page's summary boxes stack in columns like a leaf team (a product page
    # with ten regions' "continued on" boxes side by side is too wide for 10 pt text)
    summaries = (False, True) if any(d.get("kind") == SUMMARY for _, d in g.nodes(data=True)) else (False,)
    for rankdir, stacked in ((r, s) for s in summaries for r in directions):
        if stacked and best is not None and legible(best[1]):
            break
        far_off: int | None = None  # stacked-column height whose remaining legend variants are skipped
        for columns, beside, per_column in VARIANTS:
            if per_column == far_off:
                continue
            o = replace(opts, rankdir=rankdir, legend_columns=columns, legend_beside=beside, per_column=min(per_column, opts.per_column), stack_summaries=stacked)
            source = to_dot(g, o)
            if source in tried:
                continue  # no legend, or no stacked team: the variant draws the same
            tried.add(source)
            size = measure(source)
            s = fit_scale(size, page)
            if best is None or s > best[1] + 1e-9:
                best = (o, s, size)
            if legible(s):
                break
            if FONT_SIZE * s < CLOSE * MIN_TEXT:
                far_off = per_column  # too far off for a legend variant to help; shorter stacked columns may
        assert best is not None
        if legible(best[1]):
            return best  # top-down when it is legible, else whichever is larger
    assert best is not None
    return best


def finish(opts: DotOptions, scale: float, size: tuple[float, float], page: tuple[float, float]) -> DotOptions:
    """Options that centre the drawing on the page: padding to the page's aspect, then size with '!'."""
    s = min(scale, MAX_UPSCALE)
    w, h = max(size[0] - 8, 1), max(size[1] - 8, 1)
    pad_x = max((page[0] / s - w) / 2, 0) / 72
    pad_y = max((page[1] / s - h) / 2, 0) / 72
    extra = {"pad": f"{pad_x:.4f},{pad_y:.4f}", "size": f"{page[0] / 72:.4f},{page[1] / 72:.4f}!", "ratio": "auto"}
    return replace(opts, extra_graph={**opts.extra_graph, **extra})


def paginate(g: nx.DiGraph, opts: DotOptions, measure: Measure) -> list[Page]:
    """The chart's pages (see the module docstring); one page for ``--page none``."""
    page = page_size(opts.page, opts.portrait)
    g = fit_to_budget(g, opts.collapse_after, opts.box_budget, opts.per_column, opts.max_columns)
    if page is None:
        return [Page(g, opts)]
    if g.graph.get("layout") == "twopi":  # circular: its own pages (render/chart/circular.py)
        from csdesign.render.chart.circular import circular_pages

        return circular_pages(g, opts, measure, page)
    if _boxes(g) <= ONE_PAGE_LIMIT:
        o, s, size = best_layout(g, opts, page, measure)
        if legible(s):
            return [Page(g, finish(o, s, size, page), s)]
    specs = _split(g, opts.lang)
    if not specs[0].cuts:
        return _chunk_leaves(g, opts, measure, page)
    numbered = _number(specs)
    pages = []
    total = len(numbered)
    for spec, number in numbered:
        h = _page_graph(g, spec, numbered, opts.lang)
        subtitle = chrome.word("page", opts.lang, n=number, total=total) + (f" · {spec.caption}" if spec.caption else "")
        o, s, size = best_layout(h, replace(opts, subtitle=subtitle), page, measure)
        if not legible(s) and spec.children_split is False and _splittable(g, spec):
            # too big: send this page's grandchildren to pages of their own
            return _paginate_deeper(g, opts, measure, page)
        pages.append(Page(h, finish(o, s, size, page), s))
    return pages


def _paginate_deeper(g: nx.DiGraph, opts: DotOptions, measure: Measure, page: tuple[float, float]) -> list[Page]:
    specs = _split(g, opts.lang, deep=True)
    numbered = _number(specs)
    total = len(numbered)
    pages = []
    for spec, number in numbered:
        h = _page_graph(g, spec, numbered, opts.lang)
        subtitle = chrome.word("page", opts.lang, n=number, total=total) + (f" · {spec.caption}" if spec.caption else "")
        o, s, size = best_layout(h, replace(opts, subtitle=subtitle), page, measure)
        pages.append(Page(h, finish(o, s, size, page), s))
    return pages


def _boxes(g: nx.DiGraph) -> int:
    return sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "role")


@dataclass
class Spec:
    """One page: the real boxes it draws (``tops`` and what hangs under them, minus ``cuts``)."""

    key: str
    tops: list[str]  # top boxes of the page (the external executive for the overview)
    cuts: list["Spec"]  # subtrees drawn on their own pages, each a summary box here
    caption: str = ""
    parent: "Spec | None" = None
    children_split: bool = False
    unit: str | None = None


def _split(g: nx.DiGraph, lang: str, deep: bool = False) -> list[Spec]:
    """The overview spec with its unit (or head-report) specs; ``deep`` splits each of those again."""
    units = g.graph.get("units", {})
    overview = Spec("overview", [g.graph["external"]], [])
    if units:
        seen: dict[str, Spec] = {}
        for n, d in g.nodes(data=True):
            u = d.get("unit")
            if u not in units:
                continue
            manager = _manager(g, n)
            if manager is not None and g.nodes[manager].get("unit") == u:
                continue
            if manager is not None and _inside_unit(g, manager, units):
                continue  # a unit nested under another unit's box travels with it
            spec = seen.get(u)
            if spec is None:
                spec = seen[u] = Spec(f"unit:{u}", [], [], chrome.unit_caption(units[u], lang), overview, unit=u)
                overview.cuts.append(spec)
            spec.tops.append(n)
        for spec in overview.cuts:
            spec.caption = chrome.unit_caption(units[spec.unit], lang) if spec.unit else spec.caption
    else:
        head = g.graph["head"]
        for v in solid_reports(g, head):
            if solid_reports(g, v):
                overview.cuts.append(Spec(f"sub:{v}", [v], [], "", overview))
    if deep:
        for spec in list(overview.cuts):
            spec.children_split = True
            for top in spec.tops:
                for v in solid_reports(g, top):
                    if solid_reports(g, v):
                        spec.cuts.append(Spec(f"sub:{v}", [v], [], "", spec))
    return [overview]


def _nested_in(g: nx.DiGraph, top: str, managers: list[str]) -> str | None:
    """The unit a summary box is drawn in: its manager's, when the team it stands for is a unit
    nested there (an as-is department's team, UnitInfo ``parent``); else none."""
    units = g.graph.get("units", {})
    own = g.nodes[top].get("unit")
    outer = g.nodes[managers[0]].get("unit") if managers else None
    return outer if own in units and outer is not None and units[own].get("parent") == outer else None


def _inside_unit(g: nx.DiGraph, n: str, units: dict) -> bool:
    while n is not None:
        if g.nodes[n].get("unit") in units:
            return True
        n = _manager(g, n)
    return False


def _manager(g: nx.DiGraph, n: str) -> str | None:
    for u in g.predecessors(n):
        if g.edges[u, n].get("kind") == SOLID:
            return u
    return None


def _splittable(g: nx.DiGraph, spec: Spec) -> bool:
    return spec.key != "overview" and any(solid_reports(g, v) for top in spec.tops for v in solid_reports(g, top))


def _number(specs: list[Spec]) -> list[tuple[Spec, int]]:
    """Depth-first page numbers: a page, then its cut subtrees' pages in order."""
    out: list[tuple[Spec, int]] = []

    def walk(s: Spec) -> None:
        out.append((s, len(out) + 1))
        for c in s.cuts:
            walk(c)

    for s in specs:
        walk(s)
    return out


def _subtree(g: nx.DiGraph, tops: list[str], stop: set[str]) -> list[str]:
    keep: list[str] = []
    stack = list(reversed(tops))
    while stack:
        n = stack.pop()
        keep.append(n)
        stack.extend(reversed([v for v in solid_reports(g, n) if v not in stop]))
    return keep


def _page_graph(g: nx.DiGraph, spec: Spec, numbered: list[tuple[Spec, int]], lang: str) -> nx.DiGraph:
    number = {s.key: k for s, k in numbered}
    stop = {t for c in spec.cuts for t in c.tops}
    keep = set(_subtree(g, spec.tops, stop))
    h = induced(g, keep)
    for c in spec.cuts:
        people = sum(g.nodes[n].get("headcount", 1) + g.nodes[n].get("team", 0) for n in _subtree(g, c.tops, set()))
        caption = c.caption or chrome.clean(str(g.nodes[c.tops[0]].get("title") or ""))
        sid = f"summary:{c.key}"
        parents = []
        for t in c.tops:
            m = _manager(g, t)
            if m is not None and m in keep and m not in parents:
                parents.append(m)
        h.add_node(sid, kind=SUMMARY, lines=[caption, chrome.word("people", lang, n=people), chrome.word("continued_on", lang, n=number[c.key])],
                   unit=_nested_in(g, c.tops[0], parents))
        for m in parents:
            h.add_edge(m, sid, kind=SOLID)
    if spec.parent is not None:
        mid = f"marker:{spec.key}"
        above = _manager(g, spec.tops[0])
        title = chrome.clean(str(g.nodes[above].get("title") or "")) if above is not None and g.nodes[above].get("kind") != EXTERNAL else ""
        h.add_node(mid, kind=MARKER, lines=[chrome.word("continued_from", lang, n=number[spec.parent.key])] + ([title] if title else []), unit=None)
        for t in spec.tops:
            h.add_edge(mid, t, kind=SOLID)
        h.graph["page_root"] = mid
    h.graph["units"] = {u: info for u, info in g.graph.get("units", {}).items() if any(d.get("unit") == u for _, d in h.nodes(data=True))}
    _dotted_across(g, h, keep, numbered, lang)
    return h


def _home_pages(g: nx.DiGraph, numbered: list[tuple[Spec, int]]) -> dict[str, int]:
    """Node -> the page that draws its box."""
    out: dict[str, int] = {}
    for spec, k in numbered:
        stop = {t for c in spec.cuts for t in c.tops}
        for n in _subtree(g, spec.tops, stop):
            out.setdefault(n, k)
    return out


def _dotted_across(g: nx.DiGraph, h: nx.DiGraph, keep: set[str], numbered: list[tuple[Spec, int]], lang: str) -> None:
    """Dotted lines whose two ends fall on different pages stay traceable. On the report's
    page a reference box for the lead (its title, "see p. N") draws the line in the lead's
    colour and dash; on the lead's page its box says which pages its lines go to. Leads keep
    the colour and dash they have on the whole chart (``lead_order``)."""
    across = [(u, v) for u, v, d in g.edges(data=True) if d.get("kind") == DOTTED and (u in keep) != (v in keep)]
    if not across:
        return
    home = _home_pages(g, numbered)
    h.graph["lead_order"] = list(lead_styles(g))
    for u, v in across:
        if v in keep and u in home:
            ref = f"lead:{u}"
            if ref not in h:
                title = lead_title(g, u, lang)
                lines = [*chrome.wrap(title, WRAP), chrome.word("see_page", lang, n=home[u])]
                h.add_node(ref, kind=MARKER, title=title, lines=lines, unit=None, lead_of=u)
            h.add_edge(ref, v, kind=DOTTED)
        elif u in keep and v in home:
            d = h.nodes[u]
            d["dotted_pages"] = sorted({*d.get("dotted_pages", []), home[v]})


def _chunk_leaves(g: nx.DiGraph, opts: DotOptions, measure: Measure, page: tuple[float, float]) -> list[Page]:
    """A team with nothing to split (a flat org, one huge team): its reports run over as many
    pages as it takes, in file order, each page saying where the team goes on."""
    head = g.graph["head"]
    reports = solid_reports(g, head)
    size = max(1, len(reports) // 2)
    while True:
        chunks = [reports[i:i + size] for i in range(0, len(reports), size)]
        pages = []
        for k, chunk in enumerate(chunks, start=1):
            keep = {g.graph["external"], head} | set(chunk)
            h = induced(g, keep)
            h.graph["units"] = {}
            if k < len(chunks):
                h.add_node("summary:more", kind=SUMMARY, lines=[chrome.word("continued_on", opts.lang, n=k + 1)], unit=None)
                h.add_edge(head, "summary:more", kind=SOLID)
            subtitle = chrome.word("page", opts.lang, n=k, total=len(chunks))
            if k > 1:
                subtitle += " · " + chrome.word("continued_from", opts.lang, n=k - 1)
            o, s, sz = best_layout(h, replace(opts, subtitle=subtitle), page, measure)
            if not legible(s) and size > 1:
                break
            pages.append(Page(h, finish(o, s, sz, page), s))
        else:
            return pages
        size = max(1, int(size * min(0.8, max(s, 0.1) / (MIN_TEXT / FONT_SIZE))))
