"""The circular chart, read back from the SVG on every page shape: box text at 10 pt or more
at the page's real size, the leader at the centre of the rings and of the page, one drawn
ring per layer with every box on its ring, units as sectors (a divider between units, the
caption outside the rings), the executive (or the "continued from" marker) outside the
rings, no two boxes overlapping, and no line through a box or a caption."""

from __future__ import annotations

import math
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from csdesign.render.chart.circular import text_width
from csdesign.render.chart.dot import DotOptions
from csdesign.render.chart.graphviz import chart_pages
from csdesign.render.chart.pages import page_size
from tests.render.test_geometry import EXAMPLES, NS, _build, _edges, _nodes, _scale

SYSTEM = shutil.which("neato") is not None
PAGES = [("16:9", False), ("16:9", True), ("4:3", False), ("4:3", True), ("a4", False), ("a4", True)]


def _shapes(root: ET.Element) -> tuple[dict[str, tuple[float, float, float, float]], list[tuple[float, float, float]]]:
    """(node id -> bounding box of what it draws, its text included; rings as (cx, cy, r))."""
    drawn = _nodes(root)
    boxes, rings = {}, []
    for g in root.iter(f"{NS}g"):
        if g.get("class") != "node":
            continue
        name = g.find(f"{NS}title").text
        if name.startswith("ring"):
            ellipse = g.find(f"{NS}ellipse")
            rings.append((float(ellipse.get("cx")), float(ellipse.get("cy")), float(ellipse.get("rx"))))
            continue
        xs, ys = ([drawn[name][0], drawn[name][2]], [drawn[name][1], drawn[name][3]]) if name in drawn else ([], [])
        for el in g.iter(f"{NS}text"):
            x, y, size = float(el.get("x")), float(el.get("y")), float(el.get("font-size"))
            w = text_width("".join(el.itertext()), size)
            x0 = x - w / 2 if el.get("text-anchor") == "middle" else x
            xs += [x0, x0 + w]
            ys += [y - size * 0.8, y + size * 0.2]
        if xs and not name.startswith(("sc", "sd", "corner")):
            boxes[name] = (min(xs), min(ys), max(xs), max(ys))
    return boxes, rings


def _render(example, page: str, portrait: bool, lang: str, engine: str = "embedded") -> list[ET.Element]:
    g = _build(example, "circular")
    pages, _ = chart_pages(g, "svg", engine, DotOptions(page=page, portrait=portrait, lang=lang))
    return [ET.fromstring(p) for p in pages]


def _near(box: tuple[float, float, float, float], cx: float, cy: float) -> float:
    dx = max(box[0] - cx, 0.0, cx - box[2])
    dy = max(box[1] - cy, 0.0, cy - box[3])
    return math.hypot(dx, dy)


def check_page(root: ET.Element, page: tuple[float, float]) -> None:
    w, h = float(root.get("width")[:-2]), float(root.get("height")[:-2])
    assert abs(w - page[0]) <= 2 and abs(h - page[1]) <= 2, (w, h, page)  # Graphviz rounds to whole points
    scale = _scale(root)
    sizes = [float(t.get("font-size")) for t in root.iter(f"{NS}text") if t.get("font-size")]
    assert min(sizes) * scale >= 10 - 0.05, (min(sizes), scale)
    boxes, rings = _shapes(root)
    assert rings, "no rings drawn"
    cx, cy, _ = rings[0]
    assert all(abs(x - cx) < 0.5 and abs(y - cy) < 0.5 for x, y, _ in rings)  # concentric
    m = re.search(r"translate\(([-\d.]+) ([-\d.]+)\)", root.find(f"{NS}g").get("transform"))
    tx, ty = float(m.group(1)), float(m.group(2))
    off = math.hypot((cx + tx) * scale - w / 2, (cy + ty) * scale - h / 2)
    assert off / (math.hypot(w, h) / 2) < 0.05, off
    radii = sorted(r for _, _, r in rings)
    leader = [n for n, b in boxes.items() if b[0] < cx < b[2] and b[1] < cy < b[3]]
    assert len(leader) == 1, leader
    captions = [n for n in boxes if n.startswith("uc")]
    on_ring, corner = [], []
    for n, b in boxes.items():
        if n in leader or n in captions:
            continue
        d = math.hypot((b[0] + b[2]) / 2 - cx, (b[1] + b[3]) / 2 - cy)
        (on_ring if min(abs(d - r) for r in radii) < 1.5 else corner).append(n)
    # one ring per layer: every ring carries a box, every box but the corner one sits on a ring
    for r in radii:
        assert any(abs(math.hypot((boxes[n][0] + boxes[n][2]) / 2 - cx, (boxes[n][1] + boxes[n][3]) / 2 - cy) - r) < 1.5 for n in on_ring), r
    assert len(corner) <= 1, corner
    for n in corner + captions:  # the executive (or marker) and the unit captions: outside the rings
        assert _near(boxes[n], cx, cy) > radii[-1], n
    names = sorted(boxes)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            p, q = boxes[a], boxes[b]
            assert not (p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]), (a, b)
    dividers = 0
    for a, b, pts in _edges(root):
        dividers += a.startswith("sc")
        for n, (x0, y0, x1, y1) in boxes.items():
            if n in (a, b):
                continue
            inside = [p for p in pts if x0 + 1 < p[0] < x1 - 1 and y0 + 1 < p[1] < y1 - 1]
            assert not inside, (a, b, n)
    if captions:
        assert dividers >= 2 and len(captions) <= dividers
    for n in on_ring + corner + captions:
        b = boxes[n]
        own = [r for r in radii if abs(math.hypot((b[0] + b[2]) / 2 - cx, (b[1] + b[3]) / 2 - cy) - r) < 1.5]
        near = _near(b, cx, cy)
        far = max(math.hypot(x - cx, y - cy) for x in (b[0], b[2]) for y in (b[1], b[3]))
        assert not [r for r in radii if near + 1 < r < far - 1 and r not in own], (n, own)


@pytest.mark.parametrize(("page", "portrait"), PAGES, ids=[f"{p}{'-portrait' if o else ''}" for p, o in PAGES])
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_circular_pages_are_legible_rings(example, page, portrait):
    size = page_size(page, portrait)
    for lang in ("en", "zh"):
        for root in _render(example, page, portrait, lang):
            check_page(root, size)


def test_a_large_circle_is_an_overview_and_one_page_per_continued_team():
    pages = _render(EXAMPLES[[e.stem for e in EXAMPLES].index("enterprise")], "16:9", False, "en")
    texts = [" ".join("".join(t.itertext()) for t in root.iter(f"{NS}text")) for root in pages]
    assert len(pages) == 4
    assert "p. 1/4" in texts[0] and "continued on p. 2" in texts[0] and "continued on p. 3" in texts[0]
    assert "p. 2/4 · Director, Key Accounts" in texts[1] or "p. 2/4" in texts[1]
    assert all("continued from p." in t for t in texts[1:])


@pytest.mark.skipif(not SYSTEM, reason="no system Graphviz (neato) on PATH")
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_circular_pages_with_the_system_graphviz(example):
    for lang in ("en", "zh"):
        for root in _render(example, "16:9", False, lang, engine="system"):
            check_page(root, page_size("16:9"))
