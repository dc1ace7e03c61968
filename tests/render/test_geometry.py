"""Geometry of the drawn charts, read back from the SVG: page shape, text size at slide
scale, no reporting line through a unit caption, units in file order, circular leader centred,
and no English chrome in Chinese charts. Every example in every structure."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from csdesign.render.chart.dot import UNIT_BORDER, DotOptions
from csdesign.render.chart.graphviz import chart_pages
from csdesign.structures import NAMES, build_file

EXAMPLES = sorted(Path(__file__).resolve().parents[2].joinpath("examples").glob("*.yaml"))
NS = "{http://www.w3.org/2000/svg}"
ENGINES = ["embedded"] + (["system"] if shutil.which("dot") and shutil.which("neato") else [])


def _scale(root: ET.Element) -> float:
    g = root.find(f"{NS}g")
    m = re.search(r"scale\(([\d.]+)", g.get("transform", ""))
    return float(m.group(1)) if m else 1.0


def _nodes(root: ET.Element) -> dict[str, tuple[float, float, float, float]]:
    """node id -> bounding box (x0, y0, x1, y1) of its drawn shapes."""
    out = {}
    for g in root.iter(f"{NS}g"):
        if g.get("class") != "node":
            continue
        xs, ys = [], []
        for el in g:
            pts = el.get("points")
            if pts:
                for p in pts.split():
                    x, y = p.split(",")
                    xs.append(float(x))
                    ys.append(float(y))
            d = el.get("d")
            if d:
                nums = [float(v) for v in re.findall(r"-?[\d.]+", d)]
                xs += nums[0::2]
                ys += nums[1::2]
        if xs:
            out[g.find(f"{NS}title").text] = (min(xs), min(ys), max(xs), max(ys))
    return out


def _edges(root: ET.Element) -> list[tuple[str, str, list[tuple[float, float]]]]:
    out = []
    for g in root.iter(f"{NS}g"):
        if g.get("class") != "edge":
            continue
        title = g.find(f"{NS}title").text
        a, _, b = re.split(r"(->|--)", title)
        for path in g.iter(f"{NS}path"):
            nums = [float(v) for v in re.findall(r"-?[\d.]+", path.get("d"))]
            pts = list(zip(nums[0::2], nums[1::2]))
            out.append((a.split(":")[0], b.split(":")[0], _sample(pts)))
    return out


def _sample(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Points along a Graphviz cubic B-spline path (M p0 C p1 p2 p3 p4 p5 p6 …)."""
    out = [pts[0]]
    for i in range(0, len(pts) - 3, 3):
        p0, p1, p2, p3 = pts[i:i + 4]
        for k in range(1, 11):
            t = k / 10
            out.append(tuple(((1 - t) ** 3) * a + 3 * ((1 - t) ** 2) * t * b + 3 * (1 - t) * t * t * c + t ** 3 * d for a, b, c, d in zip(p0, p1, p2, p3)))
    return out


def _build(example: Path, structure: str):
    from csdesign.errors import CsdesignError

    try:
        return build_file(str(example), structure)
    except CsdesignError as exc:  # e.g. a product cut of a file without products
        pytest.skip(f"{example.stem} cannot be cut as {structure}: {exc.message}")


def _render(example: Path, structure: str, engine: str, lang: str = "en", page: str = "16:9") -> list[ET.Element]:
    g = _build(example, structure)
    pages, _ = chart_pages(g, "svg", engine, DotOptions(page=page, lang=lang))
    return [ET.fromstring(p) for p in pages]


CASES = [(e, s) for e in EXAMPLES for s in NAMES]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("example", "structure"), CASES, ids=[f"{e.stem}-{s}" for e, s in CASES])
def test_pages_are_slides_with_legible_text_and_clear_captions(example, structure, engine):
    pages = _render(example, structure, engine)
    for k, root in enumerate(pages, start=1):
        w, h = float(root.get("width")[:-2]), float(root.get("height")[:-2])
        assert abs(w / h - 16 / 9) < 0.01, (k, w, h)
        assert abs(w - 960) <= 1, (k, w)  # a 13.33 in slide
        scale = _scale(root)
        sizes = [float(t.get("font-size")) for t in root.iter(f"{NS}text") if t.get("font-size")]
        assert min(sizes) * scale >= 10 - 0.05, (k, min(sizes), scale)
        nodes = _nodes(root)
        captions = {n: box for n, box in nodes.items() if n.startswith("u")}
        for a, b, pts in _edges(root):
            for cap, (x0, y0, x1, y1) in captions.items():
                if cap in (a, b):
                    continue
                inside = [p for p in pts if x0 + 1 < p[0] < x1 - 1 and y0 + 1 < p[1] < y1 - 1]
                assert not inside, (k, a, b, cap)


ORDER_CASES = [(e, s, p, eng) for e in EXAMPLES for s in ("product", "geographic", "market", "process") for p in ("16:9", "none") for eng in ENGINES]


@pytest.mark.parametrize(("example", "structure", "page", "engine"), ORDER_CASES, ids=[f"{e.stem}-{s}-{p}-{eng}" for e, s, p, eng in ORDER_CASES])
def test_units_follow_the_file_order(example, structure, page, engine):
    """Units left to right in the file's order, on every page and on the one picture of
    --page none (enterprise regions came out South, International, North, East there: dot
    ignores rank=same edges between clusters; they are ordered through anchors now)."""
    g = _build(example, structure)
    from csdesign.render.chart import chrome

    expected = [chrome.unit_caption(info) for info in g.graph["units"].values()]
    seen: list[str] = []
    for root in _render(example, structure, engine, page=page):
        # captions on a page, left to right; then the next page
        found = []
        for node in root.iter(f"{NS}g"):
            if node.get("class") != "node":
                continue
            text = " ".join("".join(t.itertext()) for t in node.iter(f"{NS}text"))
            for cap in expected:
                if text == cap or text.startswith(cap + " "):
                    x = min(float(t.get("x")) for t in node.iter(f"{NS}text"))
                    found.append((x, cap))
        for _, cap in sorted(found):
            if cap not in seen:
                seen.append(cap)
    order = {c: i for i, c in enumerate(expected)}
    positions = [order[c] for c in seen]
    assert positions == sorted(positions), seen


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_circular_leader_sits_at_the_centre(example):
    g = _build(example, "circular")
    (svg,), _ = chart_pages(g, "svg", "embedded", DotOptions(page="none"))
    root = ET.fromstring(svg)
    head = "n" + str(list(g.nodes).index(g.graph["head"]))
    x0, y0, x1, y1 = _nodes(root)[head]
    vb = [float(v) for v in root.get("viewBox").split()]
    scale = _scale(root)
    m = re.search(r"translate\(([-\d.]+) ([-\d.]+)\)", root.find(f"{NS}g").get("transform"))
    tx, ty = float(m.group(1)), float(m.group(2))
    cx, cy = ((x0 + x1) / 2 + tx) * scale, ((y0 + y1) / 2 + ty) * scale
    half_diagonal = ((vb[2] ** 2 + vb[3] ** 2) ** 0.5) / 2
    off = ((cx - vb[2] / 2) ** 2 + (cy - vb[3] / 2) ** 2) ** 0.5
    assert off / half_diagonal < 0.05, off / half_diagonal
    rings = [el for el in root.iter(f"{NS}ellipse") if el.get("stroke-dasharray")]
    import networkx as nx

    from csdesign.structures.contract import solid_view

    layers = max(nx.single_source_shortest_path_length(solid_view(g), g.graph["head"]).values())
    assert len(rings) == layers  # one ring per layer below the leader


ENGLISH = re.compile(r"\b(director|manager|supervisor|individual|vacant|structure|functional|matrix|geographic|circular|flat|market|product|process|Region|Product|Segment|Function|Legend|continued|reporting line|dotted line)\b")


@pytest.mark.parametrize(("example", "structure"), [(e, s) for e in EXAMPLES for s in NAMES if e.stem in ("growth-saas", "enterprise")])
def test_chinese_charts_have_no_english_chrome(example, structure):
    g = _build(example, structure)
    user = {str(d.get(k)) for _, d in g.nodes(data=True) for k in ("title", "name", "function") if d.get(k)}
    user |= {str(i.get("value")) for i in g.graph.get("units", {}).values()} | {str(g.graph.get("company"))}
    for root in _render(example, structure, "embedded", lang="zh"):
        for t in root.iter(f"{NS}text"):
            text = "".join(t.itertext())
            for u in sorted(user, key=len, reverse=True):
                text = text.replace(u, "")
            assert not ENGLISH.search(text), text


def _text_width(text: str, size: float) -> float:
    """Graphviz's own width of one line of text (the measure it centres lines by)."""
    import pygraphviz

    from csdesign.render.chart.dot import FONTS

    a = pygraphviz.AGraph()
    a.add_node("t", label=text, shape="plaintext", fontname=FONTS, fontsize=str(size), margin="0", width="0", height="0")
    a.layout(prog="dot")
    return float(a.get_node("t").attr["width"]) * 72


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.stem in ("enterprise", "growth-saas")], ids=lambda e: e.stem)
def test_flat_band_boxes_centre_their_text(example):
    """The band's boxes are all one size; each line of text sits centred in its box (the extra
    width of a short title used to go to the right of a left-aligned text block)."""
    (root,) = _render(example, "flat", "embedded")
    band = next(g for g in root.iter(f"{NS}g") if g.get("class") == "node" and g.find(f"{NS}title").text.startswith("s"))
    boxes: set[tuple[float, float, float, float]] = set()
    frames: set[tuple[float, float, float, float]] = set()
    for path in band.iter(f"{NS}path"):
        nums = [float(v) for v in re.findall(r"-?[\d.]+", path.get("d"))]
        (frames if path.get("stroke") == UNIT_BORDER else boxes).add((min(nums[0::2]), min(nums[1::2]), max(nums[0::2]), max(nums[1::2])))
    assert len({round(x1 - x0) for x0, _, x1, _ in boxes}) == 1  # equal boxes
    (fx0, fy0, fx1, fy1), = frames  # the band is framed, so the head's one line lands on it
    assert all(fx0 < x0 and fy0 < y0 and x1 < fx1 and y1 < fy1 for x0, y0, x1, y1 in boxes)
    checked = 0
    for t in band.iter(f"{NS}text"):
        x, y = float(t.get("x")), float(t.get("y"))
        (x0, _, x1, _), = [b for b in boxes if b[0] <= x <= b[2] and b[1] <= y <= b[3]]
        centre = x + _text_width("".join(t.itertext()), float(t.get("font-size"))) / 2
        assert abs(centre - (x0 + x1) / 2) < 1.5, ("".join(t.itertext()), x, x0, x1)
        checked += 1
    assert checked >= 3 * len(boxes) - len(boxes)


def _dotted_strokes(root: ET.Element) -> list[tuple[str, str, str]]:
    """(colour, dash pattern, width) of every dotted line drawn (an edge path with a dash array)."""
    out = []
    for g in root.iter(f"{NS}g"):
        if g.get("class") == "edge":
            for path in g.iter(f"{NS}path"):
                if path.get("stroke-dasharray"):
                    out.append((path.get("stroke"), path.get("stroke-dasharray"), path.get("stroke-width", "1")))
    return sorted(out)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_dotted_lines_that_cross_pages_are_drawn_in_their_leads_style(lang):
    """A paginated matrix draws every dotted line once, in the colour and dash its lead has on
    the whole chart: to a reference box for the lead ("see p. 1") when the lead is on another
    page; the lead's own box says on which pages its lines are."""
    example = next(e for e in EXAMPLES if e.stem == "ecommerce-matrix")
    g = _build(example, "matrix")
    (whole,), _ = chart_pages(g, "svg", "embedded", DotOptions(page="none", lang=lang))
    expected = _dotted_strokes(ET.fromstring(whole))
    assert len(expected) == 9  # three leads × three product lines
    pages = _render(example, "matrix", "embedded", lang=lang)
    assert len(pages) == 4  # the overview and one page per product line
    assert sorted(s for root in pages for s in _dotted_strokes(root)) == expected
    texts = ["".join(t.itertext()) for t in pages[0].iter(f"{NS}text")]
    on = "虚线见第 2、3、4 页" if lang == "zh" else "dotted lines on p. 2, 3, 4"
    assert sum(on in t for t in texts) == 3, texts  # each lead's box on the overview
    later = ["".join(t.itertext()) for root in pages[1:] for t in root.iter(f"{NS}text")]
    assert later.count("见第 1 页" if lang == "zh" else "see p. 1") == 9


LEGEND_DOTTED = re.compile(r"^ (?:dotted line to (.+) \((\d+)\)|虚线汇报至(.+)（(\d+)）)$")
SEE_PAGE = re.compile(r"^(?:see p\. |见第 )(\d+)(?: 页)?$")
DOTTED_ON = re.compile(r"(?:dotted lines on p\. |虚线见第 )([\d, 、]+)")


def _legend_leads(root: ET.Element) -> dict[str, int]:
    """Colour of a lead's sample -> the count its legend entry shows."""
    out: dict[str, int] = {}
    texts = list(root.iter(f"{NS}text"))
    for sample, entry in zip(texts, texts[1:]):
        m = LEGEND_DOTTED.match("".join(entry.itertext()))
        if m and sample.get("fill"):
            out[sample.get("fill")] = int(m.group(2) or m.group(4))
    return out


MATRIX_PAGES = [(e, p, lang) for e in EXAMPLES for p in ("16:9", "4:3", "a4") for lang in ("en", "zh")]


@pytest.mark.parametrize(("example", "page", "lang"), MATRIX_PAGES, ids=[f"{e.stem}-{p}-{lang}" for e, p, lang in MATRIX_PAGES])
def test_paginated_matrix_pages_are_legible_and_traceable(example, page, lang):
    """Every page of a matrix chart at slide or paper size keeps box text at 10 pt or more;
    every dotted line of the whole chart is drawn on some page in its lead's colour and dash
    (to a "see p. N" box where the lead is on page N, whose box names this page); each
    page's legend lists exactly the leads whose lines it draws, with their counts."""
    g = _build(example, "matrix")
    (whole,), _ = chart_pages(g, "svg", "embedded", DotOptions(page="none", lang=lang))
    expected = _dotted_strokes(ET.fromstring(whole))
    pages = [ET.fromstring(p) for p in chart_pages(g, "svg", "embedded", DotOptions(page=page, lang=lang))[0]]
    drawn = []
    for k, root in enumerate(pages, start=1):
        sizes = [float(t.get("font-size")) for t in root.iter(f"{NS}text") if t.get("font-size")]
        assert min(sizes) * _scale(root) >= 10 - 0.05, (k, min(sizes), _scale(root))
        strokes = _dotted_strokes(root)
        drawn += strokes
        colours: dict[str, int] = {}
        for colour, _, _ in strokes:
            colours[colour] = colours.get(colour, 0) + 1
        assert _legend_leads(root) == colours, k
        for t in root.iter(f"{NS}text"):
            m = SEE_PAGE.match("".join(t.itertext()))
            if m:
                lead_page = pages[int(m.group(1)) - 1]
                cited = [re.split(r"[, 、]+", d.group(1).strip()) for t2 in lead_page.iter(f"{NS}text") for d in DOTTED_ON.finditer("".join(t2.itertext()))]
                assert any(str(k) in c for c in cited), (k, m.group(0), cited)
    assert sorted(drawn) == expected


def _polylines(root: ET.Element) -> list[list[tuple[float, float]]]:
    """Each drawn line as the polyline through its B-spline's segment ends (exact for the
    straight pieces of orthogonal routing)."""
    out = []
    for g in root.iter(f"{NS}g"):
        if g.get("class") != "edge":
            continue
        for path in g.iter(f"{NS}path"):
            nums = [float(v) for v in re.findall(r"-?[\d.]+", path.get("d"))]
            pts = list(zip(nums[0::2], nums[1::2]))
            out.append(pts[0::3])
    return out


def _clusters(root: ET.Element) -> list[tuple[float, float, float, float]]:
    out = []
    for g in root.iter(f"{NS}g"):
        if g.get("class") == "cluster":
            nums = [float(v) for v in re.findall(r"-?[\d.]+", g.find(f"{NS}path").get("d"))]
            out.append((min(nums[0::2]), min(nums[1::2]), max(nums[0::2]), max(nums[1::2])))
    return out


def _crossings(lines: list[list[tuple[float, float]]]) -> int:
    """Pairs of segments of different lines that cross (touching at an end does not count)."""
    def cross(p, q, r, s):
        d = (q[0] - p[0]) * (s[1] - r[1]) - (q[1] - p[1]) * (s[0] - r[0])
        if abs(d) < 1e-9:
            return False
        t = ((r[0] - p[0]) * (s[1] - r[1]) - (r[1] - p[1]) * (s[0] - r[0])) / d
        u = ((r[0] - p[0]) * (q[1] - p[1]) - (r[1] - p[1]) * (q[0] - p[0])) / d
        return 0.02 < t < 0.98 and 0.02 < u < 0.98
    segs = [(i, a, b) for i, pts in enumerate(lines) for a, b in zip(pts, pts[1:])]
    return sum(1 for k, (i, p, q) in enumerate(segs) for j, r, s in segs[k + 1:] if i != j and cross(p, q, r, s))


def _along_borders(lines: list[list[tuple[float, float]]], clusters: list[tuple[float, float, float, float]], gap: float = 4.0, length: float = 8.0) -> list[tuple]:
    """Segments that run beside a cluster's border, closer than ``gap`` over more than ``length`` pt."""
    out = []
    for pts in lines:
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            for cx0, cy0, cx1, cy1 in clusters:
                if abs(y0 - y1) < 0.5:  # horizontal: beside the top or bottom
                    overlap = min(max(x0, x1), cx1) - max(min(x0, x1), cx0)
                    if overlap > length and min(abs(y0 - cy0), abs(y0 - cy1)) < gap:
                        out.append(((x0, y0), (x1, y1), (cx0, cy0, cx1, cy1)))
                elif abs(x0 - x1) < 0.5:  # vertical: beside the left or right side
                    overlap = min(max(y0, y1), cy1) - max(min(y0, y1), cy0)
                    if overlap > length and min(abs(x0 - cx0), abs(x0 - cx1)) < gap:
                        out.append(((x0, y0), (x1, y1), (cx0, cy0, cx1, cy1)))
    return out


def _through_clusters(root: ET.Element) -> list[tuple[str, str, tuple]]:
    """Lines that pass through a group (cluster) neither of their ends is in."""
    nodes = _nodes(root)
    clusters = _clusters(root)

    def inside(box, c, pad=0.0):
        return c[0] - pad <= box[0] and box[2] <= c[2] + pad and c[1] - pad <= box[1] and box[3] <= c[3] + pad

    out = []
    for a, b, pts in _edges(root):
        for c in clusters:
            if any(n in nodes and inside(nodes[n], c) for n in (a, b)):
                continue
            if any(c[0] + 2 < x < c[2] - 2 and c[1] + 2 < y < c[3] - 2 for x, y in pts):
                out.append((a, b, c))
    return out


OVERVIEWS = [(s, lang) for s in ("geographic", "functional") for lang in ("en", "zh")]


@pytest.mark.parametrize(("structure", "lang"), OVERVIEWS, ids=[f"{s}-{lang}" for s, lang in OVERVIEWS])
def test_overview_lines_neither_cross_nor_run_along_borders(structure, lang):
    """The enterprise overview at 16:9. Geographic: two directors' lines to the four region
    summaries crossed 6 times (11 in Chinese), ran along a shared group's border and through
    it; now the summaries hang from one bar, the directors stand outside the shared groups,
    and those keep the file's order (insights after the two directors). Functional: no
    crossing (one line still runs along the top of the service operations group, which dot
    places among the function summaries; not fixed yet)."""
    example = next(e for e in EXAMPLES if e.stem == "enterprise")
    root = _render(example, structure, "embedded", lang=lang)[0]
    lines = _polylines(root)
    assert _crossings(lines) == 0
    if structure == "geographic":
        assert _along_borders(lines, _clusters(root)) == []
        assert _through_clusters(root) == []
    texts = {"".join(t.itertext()): float(t.get("x")) for t in root.iter(f"{NS}text")}
    assert texts["Shared: insights" if lang == "en" else "共享：insights"] > texts["Director, Service"]


#: A line runs along a group's border when a straight piece of it keeps within this many pt
#: of the border (either side) for more than ALONG_LENGTH pt: it reads as part of the border.
#: 4 pt, not 2: the reported case (growth-saas process, the VP's line to the Regional Success
#: Lead over the Onboarding group) runs 2.6 pt above the border.
ALONG_GAP = 4.0
ALONG_LENGTH = 10.0
#: Known cases, not fixed yet (docs/rendering.md, "Lines along a group's border"):
#: (example, structure, page option, page number) -> straight pieces along a border. A
#: leftover role beside the groups (on their headers' rank) is reached by a line that runs
#: over the groups' top border; a functional director's line to a summary box runs along the
#: top of the shared group dot placed among the summaries.
ALONG_EXCEPTIONS = {
    ("ecommerce-matrix", "matrix", "none", 1): 1,
    ("enterprise", "functional", "16:9", 1): 1,
    ("enterprise", "product", "16:9", 1): 1,
    ("enterprise", "market", "16:9", 1): 1,
    ("enterprise", "geographic", "none", 1): 2,
    ("enterprise", "process", "none", 1): 1,
    ("enterprise", "matrix", "16:9", 1): 1,
    ("growth-saas", "functional", "none", 1): 1,
    ("growth-saas", "product", "none", 1): 2,
    ("growth-saas", "market", "none", 1): 2,
    ("growth-saas", "geographic", "none", 1): 2,
    ("growth-saas", "process", "16:9", 1): 2,
    ("growth-saas", "process", "none", 1): 2,
    ("growth-saas", "matrix", "none", 1): 1,
}
ALONG_CASES = [(e, s, p) for e in EXAMPLES for s in NAMES if s != "circular" for p in ("16:9", "none")]


@pytest.mark.parametrize(("example", "structure", "page"), ALONG_CASES, ids=[f"{e.stem}-{s}-{p}" for e, s, p in ALONG_CASES])
def test_no_line_runs_along_a_group_border(example, structure, page):
    """No straight piece of a line keeps within ALONG_GAP pt of a group's (cluster's) border
    for more than ALONG_LENGTH pt, on any page, except the documented cases, which are listed
    exactly (a fixed one must leave the list, and the docs, too). Circular charts draw rings,
    not clusters. Embedded engine: one Graphviz version, the same geometry everywhere."""
    for k, root in enumerate(_render(example, structure, "embedded", page=page), start=1):
        hits = _along_borders(_polylines(root), _clusters(root), gap=ALONG_GAP, length=ALONG_LENGTH)
        assert len(hits) == ALONG_EXCEPTIONS.get((example.stem, structure, page, k), 0), (k, hits)


def test_along_border_exceptions_are_documented():
    doc = Path(__file__).resolve().parents[2].joinpath("docs", "rendering.md").read_text(encoding="utf-8")
    section = doc.split("### Lines along a group's border", 1)[1].split("\n## ", 1)[0]
    bullets = {b.split("`")[1]: " ".join(b.split()) for b in section.split("\n- ")[1:]}
    for example, structure, page, k in ALONG_EXCEPTIONS:
        assert f"{structure} ({page}, p. {k})" in bullets.get(example, ""), (example, structure, page, k)


READABLE_GAP = 6.0  # pt: docs/rendering.md ("readable gap")


def _dotted_lines(root: ET.Element) -> list[tuple[str, list[tuple[float, float]]]]:
    """(colour, sampled points) of every dotted line: the colour names its lead."""
    out = []
    for g in root.iter(f"{NS}g"):
        if g.get("class") == "edge":
            for path in g.iter(f"{NS}path"):
                if path.get("stroke-dasharray"):
                    nums = [float(v) for v in re.findall(r"-?[\d.]+", path.get("d"))]
                    out.append((path.get("stroke"), _sample(list(zip(nums[0::2], nums[1::2])))))
    return out


def _parallel_gap(lines: list[tuple[str, list[tuple[float, float]]]], ends: float = 20.0, angle: float = 20.0) -> float:
    """The smallest distance between two different leads' lines where they run parallel
    (within ``angle`` degrees), away from the lines' ends (within ``ends`` pt of where they
    start or stop, lines into the same box meet by design)."""
    import math

    def dist(p, a, b):
        dx, dy = b[0] - a[0], b[1] - a[1]
        n = dx * dx + dy * dy
        t = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / n))
        return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)

    best = math.inf
    cos_max = math.cos(math.radians(angle))
    for ca, a in lines:
        for cb, b in lines:
            if ca == cb:
                continue
            stops = [a[0], a[-1], b[0], b[-1]]
            for k in range(1, len(a)):
                p, q = a[k - 1], a[k]
                if min(math.hypot(q[0] - s[0], q[1] - s[1]) for s in stops) < ends:
                    continue
                d, m = min((dist(q, b[m - 1], b[m]), m) for m in range(1, len(b)))
                u = (q[0] - p[0], q[1] - p[1])
                v = (b[m][0] - b[m - 1][0], b[m][1] - b[m - 1][1])
                nu, nv = math.hypot(*u), math.hypot(*v)
                if nu and nv and abs(u[0] * v[0] + u[1] * v[1]) / (nu * nv) >= cos_max:
                    best = min(best, d)
    return best


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.stem in ("growth-saas", "ecommerce-matrix")], ids=lambda e: e.stem)
def test_different_leads_lines_keep_a_readable_gap(example):
    """Matrix dotted lines drawn whole (--page none): where two leads' lines run side by side
    they stay at least READABLE_GAP apart (splines ran them together, 0 pt; orthogonal
    routing gives each run its own track, and the ranks leave room for the tracks)."""
    g = _build(example, "matrix")
    (svg,), _ = chart_pages(g, "svg", "embedded", DotOptions(page="none"))
    lines = _dotted_lines(ET.fromstring(svg))
    assert len({c for c, _ in lines}) == 3
    assert _parallel_gap(lines) >= READABLE_GAP
