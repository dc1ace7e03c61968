"""Geometry of the drawn charts, read back from the SVG: page shape, text size at slide
scale, no reporting line through a unit caption, units in file order, circular leader centred,
and no English chrome in Chinese charts. Every example in every structure."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from csdesign.render.chart.dot import DotOptions
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


def _render(example: Path, structure: str, engine: str, lang: str = "en") -> list[ET.Element]:
    g = _build(example, structure)
    pages, _ = chart_pages(g, "svg", engine, DotOptions(page="16:9", lang=lang))
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


@pytest.mark.parametrize(("example", "structure"), [(e, s) for e in EXAMPLES for s in ("product", "geographic", "market", "process")])
def test_units_follow_the_file_order(example, structure):
    g = _build(example, structure)
    from csdesign.render.chart import chrome

    expected = [chrome.unit_caption(info) for info in g.graph["units"].values()]
    seen: list[str] = []
    for root in _render(example, structure, "embedded"):
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
    boxes = set()
    for path in band.iter(f"{NS}path"):
        nums = [float(v) for v in re.findall(r"-?[\d.]+", path.get("d"))]
        boxes.add((min(nums[0::2]), min(nums[1::2]), max(nums[0::2]), max(nums[1::2])))
    assert len({round(x1 - x0) for x0, _, x1, _ in boxes}) == 1  # equal boxes
    checked = 0
    for t in band.iter(f"{NS}text"):
        x, y = float(t.get("x")), float(t.get("y"))
        (x0, _, x1, _), = [b for b in boxes if b[0] <= x <= b[2] and b[1] <= y <= b[3]]
        centre = x + _text_width("".join(t.itertext()), float(t.get("font-size"))) / 2
        assert abs(centre - (x0 + x1) / 2) < 1.5, ("".join(t.itertext()), x, x0, x1)
        checked += 1
    assert checked >= 3 * len(boxes) - len(boxes)
