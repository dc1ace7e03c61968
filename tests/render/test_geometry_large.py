"""Geometry of large charts (issue 12's evidence): a generated 1,000-box proposal (products ×
regions × segments, a matrix) and a generated 20,000-person as-is org, paginated at 16:9 with
both engines. Every page is a slide with box text at 10 pt or more at slide size, no line
through a box or caption, no overlapping boxes, and every group drawn with its boxes in it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from csdesign.render.chart.dot import DotOptions
from csdesign.render.chart.graphviz import chart_pages
from csdesign.structures import build_file
from tests.helpers import bench_generator
from tests.render.test_geometry import ENGINES, NS, _edges, _nodes, _scale

@pytest.fixture(scope="module")
def large(tmp_path_factory) -> dict[str, Path]:
    gen = bench_generator()
    out = tmp_path_factory.mktemp("large")
    files = {"roles-1000": out / "roles.yaml", "people-20000": out / "people.yaml"}
    files["roles-1000"].write_text(gen.role_org(*gen.role_org_for(1_000)), encoding="utf-8")
    files["people-20000"].write_text(gen.people_org(20_000), encoding="utf-8")
    return files


def _clusters(root: ET.Element) -> list[tuple[float, float, float, float]]:
    out = []
    for g in root.iter(f"{NS}g"):
        if g.get("class") == "cluster":
            for path in g.iter(f"{NS}path"):
                nums = [float(v) for v in re.findall(r"-?[\d.]+", path.get("d"))]
                out.append((min(nums[0::2]), min(nums[1::2]), max(nums[0::2]), max(nums[1::2])))
    return out


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["roles-1000", "people-20000"])
def test_large_charts_paginate_into_legible_slides(large, name, engine):
    g = build_file(str(large[name]), None)
    pages, _ = chart_pages(g, "svg", engine, DotOptions(page="16:9", lang="zh"))
    assert len(pages) > 1
    for k, data in enumerate(pages, start=1):
        root = ET.fromstring(data)
        w, h = float(root.get("width")[:-2]), float(root.get("height")[:-2])
        assert abs(w - 960) <= 1 and abs(h - 540) <= 1, (k, w, h)
        sizes = [float(t.get("font-size")) for t in root.iter(f"{NS}text") if t.get("font-size")]
        assert min(sizes) * _scale(root) >= 10 - 0.05, (k, min(sizes))
        nodes = _nodes(root)
        boxes = {n: b for n, b in nodes.items() if not n.startswith("u")}
        for a, b, pts in _edges(root):
            for n, (x0, y0, x1, y1) in nodes.items():
                if n in (a, b):
                    continue
                assert not [p for p in pts if x0 + 1 < p[0] < x1 - 1 and y0 + 1 < p[1] < y1 - 1], (k, a, b, n)
        items = sorted(boxes.items())
        for i, (n, (ax0, ay0, ax1, ay1)) in enumerate(items):
            for m, (bx0, by0, bx1, by1) in items[i + 1:]:
                assert ax1 <= bx0 + 1 or bx1 <= ax0 + 1 or ay1 <= by0 + 1 or by1 <= ay0 + 1, (k, n, m)
        for x0, y0, x1, y1 in _clusters(root):  # a group holds a box besides its caption
            held = [n for n, (a0, b0, a1, b1) in boxes.items() if x0 <= a0 and a1 <= x1 and y0 <= b0 and b1 <= y1]
            assert held, (k, (x0, y0, x1, y1))
