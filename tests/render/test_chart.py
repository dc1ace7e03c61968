"""DOT/SVG rendering: determinism, escaping, engines, layout choices."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest

from csdesign.errors import OutputError
from csdesign.render.chart import chart_bytes, format_for
from csdesign.render.dot import DotOptions, Highlight, to_dot
from tests.helpers import graph_from
from tests.structures.test_builders import ORG

SVG_NS = "{http://www.w3.org/2000/svg}"
HOSTILE = """
company: {name: "Evil & Co <b>"}
roles:
  - id: head
    title: "<script>alert(1)</script>"
    level: director
  - id: x
    title: 'back\\N slash "quoted" & <i>'
"""

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="system Graphviz not installed")


def svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG_NS}text")]


def test_dot_is_deterministic_and_uses_synthetic_ids():
    a = to_dot(graph_from(ORG, "matrix"))
    b = to_dot(graph_from(ORG, "matrix"))
    assert a == b
    assert "n0 [label=COO" in a and "csm@" not in a


def test_dot_layout_choices():
    matrix = to_dot(graph_from(ORG, "matrix"))
    assert "splines=ortho" in matrix
    assert "style=dashed" in matrix and "constraint=false" in matrix
    assert "subgraph cluster_0" in matrix and "Noto Sans CJK SC" in matrix
    circular = to_dot(graph_from(ORG, "circular"))
    assert "layout=twopi" in circular or "root=" in circular


def test_dot_escapes_user_strings():
    source = to_dot(graph_from(HOSTILE))
    assert 'label="<script>alert(1)</script>\\ndirector"' in source
    assert 'back\\\\N slash \\"quoted\\" & <i>' in source


@needs_dot
@pytest.mark.parametrize("engine", ["system", "embedded"])
def test_svg_shows_every_title_literally(engine):
    g = graph_from(HOSTILE)
    svg, used = chart_bytes(g, "svg", engine)
    assert used == engine
    texts = svg_texts(svg)
    assert "<script>alert(1)</script>" in texts
    assert 'back\\N slash "quoted" & <i>' in texts
    assert b"<script" not in svg


@pytest.mark.parametrize("engine", ["auto", "embedded"])
def test_svg_contains_every_cjk_title(engine):
    g = graph_from(ORG, "matrix")
    svg, _ = chart_bytes(g, "svg", engine)
    texts = svg_texts(svg)
    for title in ["客户成功部总监", "数据分析组长", "CS Manager", "CSM", "数据分析师", "COO"]:
        assert title in texts
    assert "数据分析平台" in texts  # unit cluster label


def test_embedded_svg_is_deterministic_and_keeps_stdout_clean(capfd):
    g = graph_from(ORG, "geographic")
    first, _ = chart_bytes(g, "svg", "embedded")
    second, _ = chart_bytes(g, "svg", "embedded")
    assert first == second
    out, _ = capfd.readouterr()
    assert out == ""


def test_embedded_circular_uses_twopi():
    svg, _ = chart_bytes(graph_from(ORG, "circular"), "svg", "embedded")
    assert "客户成功部总监" in svg_texts(svg)


def test_png_without_system_graphviz_is_one_clear_error():
    with pytest.raises(OutputError) as info:
        chart_bytes(graph_from(ORG), "png", "embedded")
    assert info.value.message == "PNG output needs the system Graphviz, which is not installed"
    assert "apt-get install graphviz" in info.value.hint


@needs_dot
@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_system_png_pdf(fmt, magic):
    data, used = chart_bytes(graph_from(ORG), fmt, "auto")
    assert data.startswith(magic) and used == "system"


def test_highlight_adds_colour_and_legend():
    g = graph_from(ORG, "product")
    source = to_dot(g, DotOptions(highlights=[Highlight("#d62728", "overlap", {"csm@product:CRM"})]))
    assert "cluster_legend" in source and 'label="overlap (1)"' in source
    assert source.count("penwidth=3") == 2  # the box and its legend entry


def test_large_teams_collapse_and_stack():
    roles = "\n".join(f"  - {{id: r{i}, title: Agent, function: support}}" for i in range(45))
    text = "company: {name: X}\nroles:\n  - {id: head, title: Head, level: director}\n" + roles + "\n"
    g = graph_from(text, "flat")
    source = to_dot(g)
    assert source.count("Agent") == 1 and "×45" in source
    few = "company: {name: X}\nroles:\n  - {id: head, title: Head, level: director}\n" + "\n".join(f"  - {{id: r{i}, title: Agent {i}}}" for i in range(10)) + "\n"
    stacked = to_dot(graph_from(few, "flat"))
    assert stacked.count("style=invis") == 4  # 10 leaves, rows of 6


@pytest.mark.parametrize(("name", "fmt"), [("a.svg", "svg"), ("a.PNG", "png"), ("a.pdf", "pdf"), ("a.dot", "dot"), ("a.gv", "dot")])
def test_format_from_suffix(name, fmt):
    assert format_for(name) == fmt


def test_unknown_suffix_is_an_error():
    with pytest.raises(OutputError, match="cannot tell the output format"):
        format_for("chart.jpeg")
