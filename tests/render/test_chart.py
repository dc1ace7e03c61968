"""DOT/SVG rendering: determinism, escaping, engines, layout choices."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest

from csdesign.errors import OutputError
from csdesign.render.chart.formats import format_for
from csdesign.render.chart.graphviz import chart_bytes
from csdesign.render.chart.dot import DotOptions, Highlight, to_dot
from tests.helpers import graph_from, svg_node_texts
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
    assert "n0 [label=<<TABLE" in a and ">COO</FONT>" in a and "csm@" not in a


def test_dot_layout_choices():
    matrix = to_dot(graph_from(ORG, "matrix"))
    # dotted lines orthogonal too, each run on its own track; their boxes are not stacked
    # (orthogonal routing ignores a stacked box's port), and the ranks leave room for tracks
    assert "splines=ortho" in matrix and "ranksep=0.7" in matrix
    assert "splines=ortho" in to_dot(graph_from(ORG, "functional"))
    assert "style=dashed" in matrix and "constraint=false" in matrix
    assert "subgraph cluster_0" in matrix and "Noto Sans CJK SC" in matrix
    circular = to_dot(graph_from(ORG, "circular"))
    assert "graph csdesign {" in circular and 'pos="0.0000,0.0000!"' in circular


def test_dot_escapes_user_strings():
    source = to_dot(graph_from(HOSTILE))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<BR/>Director" in source
    assert "back\\\\N slash<BR/>&quot;quoted&quot; &amp; &lt;i&gt;" in source  # wrapped at a space


@needs_dot
@pytest.mark.parametrize("engine", ["system", "embedded"])
def test_svg_shows_every_title_literally(engine):
    g = graph_from(HOSTILE)
    svg, used = chart_bytes(g, "svg", engine)
    assert used == engine
    texts = svg_node_texts(svg)
    assert "<script>alert(1)</script> Director" in texts
    assert 'back\\N slash "quoted" & <i> Individual' in texts
    assert b"<script" not in svg


@pytest.mark.parametrize("engine", ["auto", "embedded"] + (["system"] if shutil.which("dot") else []))
def test_svg_contains_every_cjk_title(engine):
    g = graph_from(ORG, "matrix")
    svg, _ = chart_bytes(g, "svg", engine)
    texts = " | ".join(svg_node_texts(svg))
    for title in ["客户成功部总监", "数据分析组长", "CS Manager", "CSM", "数据分析师", "COO"]:
        assert title in texts
    assert "Product: 数据分析平台" in svg_node_texts(svg)  # the unit's header box


def test_embedded_svg_is_deterministic_and_keeps_stdout_clean(capfd):
    g = graph_from(ORG, "geographic")
    first, _ = chart_bytes(g, "svg", "embedded")
    second, _ = chart_bytes(g, "svg", "embedded")
    assert first == second
    out, _ = capfd.readouterr()
    assert out == ""


def test_embedded_circular_is_drawn_by_neato_with_pinned_positions():
    svg, _ = chart_bytes(graph_from(ORG, "circular"), "svg", "embedded")
    assert "客户成功部总监 Director" in svg_node_texts(svg)


def test_no_graphviz_at_all_is_one_clear_error(monkeypatch):
    from csdesign.render.chart import engines

    monkeypatch.setattr(engines, "embedded_available", lambda: False)
    monkeypatch.setattr(engines, "system_available", lambda layout="dot": False)
    with pytest.raises(OutputError) as info:
        chart_bytes(graph_from(ORG), "png", "auto")
    assert info.value.message == "no Graphviz available: neither pygraphviz nor the system Graphviz is installed"
    assert "pip install 'pygraphviz>=2.0'" in info.value.hint and "apt-get install graphviz" in info.value.hint


@pytest.mark.parametrize("engine", ["embedded"] + (["system"] if shutil.which("dot") else []))
@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_png_pdf(fmt, magic, engine):
    data, used = chart_bytes(graph_from(ORG), fmt, engine)
    assert data.startswith(magic) and used == engine


def test_auto_prefers_the_embedded_engine():
    assert chart_bytes(graph_from(ORG), "svg", "auto")[1] == "embedded"


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_embedded_output_is_byte_identical_run_to_run(fmt):
    # one bundled Graphviz (pygraphviz's wheel) everywhere: the same bytes on every machine;
    # the PDF carries no creation date
    g = graph_from(ORG, "geographic")
    opts = DotOptions(page="16:9")
    assert chart_bytes(g, fmt, "embedded", opts)[0] == chart_bytes(g, fmt, "embedded", DotOptions(page="16:9"))[0]


def test_highlight_adds_colour_and_legend():
    g = graph_from(ORG, "product")
    source = to_dot(g, DotOptions(highlights=[Highlight("#d62728", "overlap", {"csm@product:CRM"}), Highlight("#aa3377", "gap", {"csm@product:CRM"}), Highlight("#bf8f00", "none", set())]))
    assert ">Legend</B>" in source and "overlap (1)" in source and "gap (1)" in source
    assert "none (0)" not in source  # zero-count categories are left out
    assert source.count('BORDER="3"') == 2  # the box shows both findings: two borders


def test_large_teams_collapse_and_stack():
    roles = "\n".join(f"  - {{id: r{i}, title: Agent, function: support}}" for i in range(45))
    text = "company: {name: X}\nroles:\n  - {id: head, title: Head, level: director}\n" + roles + "\n"
    g = graph_from(text, "flat")
    source = to_dot(g)
    assert source.count("Agent") == 1 and "×45" in source
    few = "company: {name: X}\nroles:\n  - {id: head, title: Head, level: director}\n" + "\n".join(f"  - {{id: r{i}, title: Agent {i}}}" for i in range(10)) + "\n"
    stacked = to_dot(graph_from(few, "functional"))
    # one compact stack box: columns of 8, file order down each column, one line into it
    assert stacked.count("PORT=") == 10 and stacked.count(" -> s0") == 1
    assert stacked.index(">Agent 0<") < stacked.index(">Agent 8<") < stacked.index(">Agent 1<")


@pytest.mark.parametrize(("name", "fmt"), [("a.svg", "svg"), ("a.PNG", "png"), ("a.pdf", "pdf"), ("a.dot", "dot"), ("a.gv", "dot")])
def test_format_from_suffix(name, fmt):
    assert format_for(name) == fmt


def test_unknown_suffix_is_an_error():
    with pytest.raises(OutputError, match="cannot tell the output format"):
        format_for("chart.jpeg")


def test_unknown_explicit_format_names_the_option():
    with pytest.raises(OutputError) as info:
        format_for("chart", "bogus")
    assert info.value.render() == "--format: unknown format 'bogus' (use one of svg, png, pdf, dot, mmd, json, html)"


def _big_org(managers: int = 4, supervisors: int = 10, agents: int = 12):
    """head -> managers -> supervisors -> agents, built directly on the graph contract."""
    import networkx as nx

    g = nx.DiGraph(head="head", external="@ceo", units={}, company="X", structure="explicit")
    g.add_node("@ceo", kind="external", title="CEO", headcount=0)
    g.add_node("head", kind="role", title="Head", level="director", headcount=1)
    g.add_edge("@ceo", "head", kind="solid")
    for m in range(managers):
        g.add_node(f"m{m}", kind="role", title="Manager", level="manager", headcount=1)
        g.add_edge("head", f"m{m}", kind="solid")
        for s in range(supervisors):
            sup = f"s{m}_{s}"
            g.add_node(sup, kind="role", title="Supervisor", level="supervisor", headcount=1)
            g.add_edge(f"m{m}", sup, kind="solid")
            for a in range(agents):
                g.add_node(f"a{m}_{s}_{a}", kind="role", title="Agent", level="individual", headcount=1)
                g.add_edge(sup, f"a{m}_{s}_{a}", kind="solid")
    return g


def test_fit_to_budget_merges_teams_then_folds_bottom_up():
    from csdesign.render.chart.dot import fit_to_budget

    g = _big_org()
    assert g.number_of_nodes() == 2 + 4 + 40 + 480
    assert fit_to_budget(g, 40, 1500) is g  # within the box budget: every box drawn, however wide
    merged = fit_to_budget(g, 40, 100, max_columns=1000)
    assert merged.number_of_nodes() == 2 + 4 + 40 + 40  # one "Agent ×12" box per supervisor
    assert merged.nodes["s0_0#Agent"]["headcount"] == 12
    folded = fit_to_budget(g, 40, 30, max_columns=1000)
    assert sorted(folded.nodes) == ["@ceo", "head", "m0", "m1", "m2", "m3"]
    assert folded.nodes["m2"]["team"] == 10 + 120
    assert "Manager<BR/>team of 130" in to_dot(g, DotOptions(box_budget=30))  # the title already names the level


def test_fit_to_budget_folds_charts_that_are_too_wide():
    from csdesign.render.chart.dot import fit_to_budget

    g = _big_org(managers=30, supervisors=3, agents=2)  # 2 + 30 + 90 + 180 = 302 boxes
    # over budget: agents merge (212), supervisors absorb them (122 boxes, within budget but
    # 90 side by side > 50), managers absorb their supervisors (32)
    h = fit_to_budget(g, 40, 150, per_row=6, max_columns=50)
    assert h.number_of_nodes() == 2 + 30
    assert h.nodes["m0"]["team"] == 3 + 6
    assert fit_to_budget(g, 40, 150, per_row=6, max_columns=100).number_of_nodes() == 2 + 30 + 90


def test_text_is_cleaned_of_characters_xml_forbids():
    from csdesign.render.text import clean

    assert clean("a\ufffeb\uffffc\ufdd0d\x00e\u200fF") == "abcde\u200fF"


@needs_dot
def test_orthogonal_router_failure_falls_back_to_polylines(monkeypatch):
    from csdesign.render.chart import engines

    calls = []

    def fake_system(source, fmt, layout):
        calls.append(source)
        if "splines=ortho" in source:
            raise OutputError("Graphviz failed: dot: maze.c:313: chkSgraph: Assertion `np->cells[1]' failed.")
        return b"<svg/>"

    monkeypatch.setattr(engines, "_system", fake_system)
    assert chart_bytes(graph_from(ORG, "functional"), "svg", "system") == (b"<svg/>", "system")
    assert ["ortho" in c for c in calls] == [True, False]


def test_each_matrix_lead_has_its_own_dotted_colour():
    from csdesign.render.chart.dot import DOTTED_COLOURS

    text = ORG + "  - id: train_lead\n    title: Training Lead\n    level: supervisor\n    scope: lead\n    function: success\n"
    source = to_dot(graph_from(text, "matrix"))
    lines = [line for line in source.splitlines() if "constraint=false" in line and "->" in line and "penwidth=1.6" in line]
    first = [line for line in lines if DOTTED_COLOURS[0] in line]
    second = [line for line in lines if DOTTED_COLOURS[1] in line]
    assert len(first) == 2 and all("style=dashed" in line for line in first)  # data lead -> 2 analysts
    assert len(second) == 4 and all("style=dotted" in line for line in second)  # training lead: own colour and dash
    assert "dotted line to 数据分析组长 (2)" in source and "dotted line to Training Lead (4)" in source


def test_lead_colours_never_meet_highlight_colours():
    from csdesign.render.chart.dot import DOTTED_COLOURS
    from csdesign.analysis.registry import ANALYSES
    from csdesign.render.diff.chart import COLOURS

    def rgb(h):
        return tuple(int(h[i:i + 2], 16) for i in (1, 3, 5))

    marks = [a.highlight.colour for a in ANALYSES.highlights().values()] + list(COLOURS.values())
    closest = min(sum((a - b) ** 2 for a, b in zip(rgb(x), rgb(y))) ** 0.5 for x in DOTTED_COLOURS for y in marks)
    assert closest > 90


def _cluster_tree(dot: str) -> list[str]:
    """Unit captions of a DOT source, indented by how deep their clusters nest."""
    import re

    out, depth = [], 0
    for line in dot.splitlines():
        s = line.strip()
        if s.startswith("subgraph cluster_"):
            depth += 1
        elif s == "}" and depth:
            depth -= 1
        elif depth and '<TABLE BORDER="0" CELLPADDING="2"><TR><TD><B>' in s:
            out.append("  " * (depth - 1) + re.search(r"<B>(.*?)</B>", s).group(1))
    return out


def test_a_department_cluster_contains_its_teams():
    """Issue 18: the department's cluster held only the director box, its teams beside it."""
    from csdesign.render.chart.mermaid import to_mermaid
    from tests.structures.test_explicit import NESTED

    g = graph_from(NESTED)
    assert _cluster_tree(to_dot(g)) == ["客户成功部", "  战略客户组", "  客服组", "项目组", "Department-wide"]  # 刘洋 has no unit
    mmd = to_mermaid(g)
    assert '  subgraph u0["客户成功部"]\n    n1(' in mmd
    assert '    subgraph u1["战略客户组"]\n      n2(' in mmd and '      n3("赵磊<br/>客户成功经理<br/>Individual"):::individual\n    end\n    subgraph u2["客服组"]' in mmd
    assert '    end\n  end\n  subgraph u3["项目组"]\n' in mmd


def test_the_imported_hr_export_nests_its_teams(tmp_path):
    from csdesign.interchange.csv_import import import_people
    from csdesign.interchange.yaml_write import org_yaml
    from tests.helpers import DATA

    r = import_people(DATA / "hr" / "xinghe-hr.csv", root="X0100", company="星河科技")
    g = graph_from(org_yaml(r.data))
    assert _cluster_tree(to_dot(g)) == ["客户成功部", "  战略客户组", "  重要客户组", "  客服中心", "    客服一组", "    客服二组", "  数据分析组"]


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", ["职能：现场服务", "职能：备件管理", "职能：客户关系", "共享：热线服务", "共享：投诉处理"]),
    ("en", ["Function: 现场服务", "Function: 备件管理", "Function: 客户关系", "Shared: 热线服务", "Shared: 投诉处理"]),
])
def test_shared_groups_are_captioned_like_units(lang, expected):
    """A group of shared roles says what it is, worded like the unit captions beside it
    (it said a bare 热线服务 next to 职能：现场服务)."""
    from pathlib import Path

    from csdesign.structures import build_file

    g = build_file(str(Path(__file__).resolve().parents[2] / "examples" / "manufacturer.yaml"), "functional")
    assert _cluster_tree(to_dot(g, DotOptions(lang=lang))) == expected
