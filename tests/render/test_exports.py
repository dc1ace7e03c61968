"""Mermaid, node-link JSON and HTML exports: exact text, escaping, determinism, the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import networkx as nx
import pytest

from csdesign.errors import OutputError
from csdesign.render.chart.formats import format_for
from csdesign.render.chart.graphviz import chart_bytes
from csdesign.render.chart.html import to_html
from csdesign.render.chart.json_graph import node_link, to_json
from csdesign.render.chart.mermaid import mermaid_escape, to_mermaid
from csdesign.structures import build_file
from tests.helpers import EXAMPLES, graph_from

SMALL = """
company: {name: 云帆科技, cs_reports_to: coo}
dimensions:
  products: [CRM, 数据分析平台]
structure: {type: matrix}
roles:
  - {id: head_cs, title: 客户成功部总监, level: director, duties: [制定战略], kpis: [NRR]}
  - {id: data_lead, title: 数据分析组长, level: supervisor, scope: lead, function: 数据分析}
  - {id: mgr, title: CS Manager, level: manager, function: success}
  - {id: csm, title: CSM, headcount: 4, function: success}
  - {id: analyst, title: 数据分析师, function: 数据分析}
"""

HOSTILE = """
company: {name: 'A & B <script>alert(1)</script>'}
roles:
  - {id: h, title: 'Head "of" <b>CS</b> #1; `x`', level: director, duties: ['<img src=x onerror=alert(1)>']}
  - {id: r, title: "Rep\\nline2 \\\\N", reports_to: h}
"""


def test_mermaid_exact_text_for_a_matrix():
    assert to_mermaid(graph_from(SMALL)) == "\n".join(
        [
            "---",
            'title: "云帆科技 · matrix"',
            "---",
            "flowchart TB",
            '  n0["COO"]:::external',
            '  n1("客户成功部总监<br/>Director"):::director',
            '  n2("数据分析组长<br/>Supervisor"):::supervisor',
            '  subgraph u0["CRM"]',
            '    n3("CS Manager"):::manager',
            '    n4("CSM<br/>×4 · Individual"):::individual',
            '    n5("数据分析师<br/>Individual"):::individual',
            "  end",
            '  subgraph u1["数据分析平台"]',
            '    n6("CS Manager"):::manager',
            '    n7("CSM<br/>×4 · Individual"):::individual',
            '    n8("数据分析师<br/>Individual"):::individual',
            "  end",
            "  n0 --- n1",
            "  n1 --- n2",
            "  n1 --- n3",
            "  n1 --- n6",
            "  n2 -.- n5",
            "  n2 -.- n8",
            "  n3 --- n4",
            "  n3 --- n5",
            "  n6 --- n7",
            "  n6 --- n8",
            "  classDef director fill:#1f4e79,color:#ffffff,stroke:#595959",
            "  classDef manager fill:#2e75b6,color:#ffffff,stroke:#595959",
            "  classDef supervisor fill:#9dc3e6,color:#000000,stroke:#595959",
            "  classDef individual fill:#ffffff,color:#000000,stroke:#595959",
            "  classDef external fill:#eeeeee,color:#333333,stroke-dasharray:4 3",
            "  classDef vacant stroke-dasharray:4 3",
            "",
        ]
    )


def test_mermaid_escapes_every_syntax_character():
    assert mermaid_escape('a "b" <c> & #d; `e`') == "a #quot;b#quot; #lt;c#gt; #amp; #35;d#59; #96;e#96;"
    text = to_mermaid(graph_from(HOSTILE))
    assert 'title: "A & B <script>alert(1)</script> · functional"' in text  # YAML front matter: a JSON string
    assert '  n1("Head #quot;of#quot; #lt;b#gt;CS#lt;/b#gt; #35;1#59; #96;x#96;<br/>Director"):::director' in text
    assert '  n2("Rep line2 \\N<br/>Individual"):::individual' in text  # newline folded, backslash literal


def test_mermaid_marks_vacancies_with_a_class():
    g = graph_from(SMALL)
    g.nodes["mgr@product:CRM"]["vacant"] = True
    text = to_mermaid(g)
    assert '    n3("CS Manager<br/>vacant"):::manager' in text
    assert text.endswith("  classDef vacant stroke-dasharray:4 3\n  class n3 vacant\n")


def test_json_is_node_link_with_every_attribute():
    g = graph_from(SMALL)
    data = json.loads(to_json(g))
    assert (data["format"], data["version"], data["directed"]) == ("csdesign.graph", 1, True)
    assert [n["id"] for n in data["nodes"]] == list(g.nodes)
    assert data["nodes"][1] == {
        "id": "head_cs", "kind": "role", "role_id": "head_cs", "title": "客户成功部总监", "level": "director",
        "headcount": 1, "function": None, "scope": "head", "duties": ["制定战略"], "kpis": ["NRR"], "kpi_targets": {}, "capacity": {},
        "skills": [], "unit": None, "coverage": {}, "name": None, "vacant": False, "assistant": False, "source": ["roles", 0],
    }
    assert {"source": "data_lead", "target": "analyst@product:CRM", "kind": "dotted"} in data["links"]
    assert len(data["links"]) == g.number_of_edges() == 10
    assert data["graph"]["units"]["product:数据分析平台"] == {"id": "product:数据分析平台", "axis": "product", "value": "数据分析平台", "label": "数据分析平台"}
    assert data["graph"]["head"] == "head_cs" and data["graph"]["structure"] == "matrix"
    assert "数据分析平台" in to_json(g)  # UTF-8 kept, not \\u escapes
    assert node_link(g)["nodes"][0] == {"id": "@coo", "kind": "external", "title": "COO", "headcount": 0}


def test_html_escapes_user_text_and_has_no_external_references():
    page = to_html(graph_from(HOSTILE))
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "<title>A &amp; B &lt;script&gt;alert(1)&lt;/script&gt; · functional structure</title>" in page
    assert '<span class="l">Head &quot;of&quot; &lt;b&gt;CS&lt;/b&gt; #1; `x`</span>' in page
    assert "<li>&lt;img src=x onerror=alert(1)&gt;</li>" in page
    assert '<span class="l">Rep line2 \\N</span>' in page
    assert page.count("<script>") == 1  # only our own inline script (the others are JSON data)
    assert page.count('<script type="application/json"') == 2
    for needle in ("http://", "https://", "src=\"", "<link", "@import", "url("):
        assert needle not in page, needle
    assert "default-src 'none'" in page


def test_html_tree_shape_units_toggles_and_dotted_lines():
    page = to_html(graph_from(SMALL))
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh">')  # a Chinese org gets Chinese chrome
    assert page.count('<li class="unit has-children"><div class="box has-toggle"><span class="axis">产品：</span> ') == 2
    assert page.count('title="虚线汇报：数据分析<wbr>组长"') == 0  # tooltips are plain text
    assert page.count('title="虚线汇报：数据分析组长"') == 2
    assert page.count('class="toggle"') == 6  # COO, head, two units, two managers
    assert '<div class="details"><b>职责</b><ul><li>制定战略</li></ul><b>考核指标</b><ul><li>NRR</li></ul></div>' in page
    assert '<span id="boxes">8 个岗位框</span>' in page  # role boxes, not the COO
    assert '<script type="application/json" id="dotted">{"leads":[{"colour":"#c55a11","dash":"6 3"}],"links":[["b2","b5",0],["b2","b8",0]]}</script>' in page
    for internal in ("head_cs", "data_lead", "analyst@", "product:CRM"):
        assert internal not in page, internal  # boxes carry position ids, not the file's ids


def test_html_english_chrome_on_request():
    page = to_html(graph_from(SMALL), "en")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<span class="axis">product:</span>' in page and '<span id="boxes">8 boxes</span>' in page
    assert 'title="dotted line to 数据分析组长"' in page and "<b>Duties</b>" in page


def test_html_legend_lists_what_the_chart_uses_with_counts():
    page = to_html(graph_from(SMALL))
    legend = page[page.index('<aside id="legend">'):page.index("</aside>")]
    assert [re.sub(r"<[^>]+>", "", row) for row in legend.split("<li>")[1:]] == ["汇报关系 8", "虚线汇报给数据分析组长 2"]
    assert "空缺" not in legend  # no vacancy in this org: no vacancy row
    assert '<aside id="legend">' not in to_html(graph_from(HOSTILE))  # one line style only: no legend


def test_html_cjk_titles_break_only_between_words():
    from csdesign.render.chart.html import wrap_html

    assert wrap_html("售前支持经理") == "售前支持<wbr>经理"
    assert wrap_html("产品支持工程师") == "产品支持<wbr>工程师"
    assert wrap_html("KA客户经理（华东）") == "KA<wbr>客户<wbr>经理（华东）"
    assert wrap_html("Customer Success Manager") == "Customer Success Manager"  # Latin breaks at spaces
    assert wrap_html("<b>售后经理") == "&lt;b&gt;售后<wbr>经理"


def test_html_opens_collapsed_beyond_three_levels_or_two_hundred_boxes():
    from csdesign.render.chart.html import OPEN_BOXES

    deep = graph_from("company: {name: X}\nroles:\n" + "\n".join(
        f"  - {{id: r{i}, title: R{i}, level: {'manager' if i < 5 else 'individual'}{'' if i == 0 else f', reports_to: r{i - 1}'}}}" for i in range(6)))
    page = to_html(deep)
    assert page.count('class="has-children collapsed"') == 1
    assert page.index('class="has-children collapsed"') < page.index(">R2<") < page.index(">R3<")  # R2 is at the 3rd layer
    wide = "\n".join(f"  - {{id: m{i}, title: M{i}, level: manager, reports_to: h}}" for i in range(20))
    wide += "\n" + "\n".join(f"  - {{id: p{i}, title: P{i}, reports_to: m{i % 20}}}" for i in range(400))
    page = to_html(graph_from("company: {name: X}\nroles:\n  - {id: h, title: Head, level: director}\n" + wide))
    # 1 + 1 + 20 + 400 boxes would show at 3 layers: open only 2, so 22 boxes show
    assert page.count('<li class="has-children collapsed">') == 20 and OPEN_BOXES == 200


def test_html_stacks_many_leaves_in_a_column():
    roles = "\n".join(f"  - {{id: r{i}, title: Rep {i}, reports_to: h}}" for i in range(6))
    page = to_html(graph_from("company: {name: X}\nroles:\n  - {id: h, title: Head, level: director}\n" + roles))
    assert '<ul class="stack"><li><div class="box lvl-individual" data-b="b2"><span class="l">Rep 0</span>' in page


@pytest.mark.parametrize("fmt", ["mmd", "json", "html"])
def test_exports_are_deterministic_and_need_no_graphviz(fmt):
    first, engine = chart_bytes(graph_from(SMALL), fmt, engine="system")
    second, _ = chart_bytes(graph_from(SMALL), fmt, engine="system")
    assert first == second and engine is None


@pytest.mark.parametrize(
    ("name", "fmt"), [("c.mmd", "mmd"), ("c.mermaid", "mmd"), ("c.json", "json"), ("c.html", "html"), ("c.HTM", "html"), ("c.gv", "dot")]
)
def test_format_from_suffix(name, fmt):
    assert format_for(name) == fmt


def test_unknown_suffix_lists_the_new_formats():
    with pytest.raises(OutputError) as info:
        format_for("chart.txt")
    assert info.value.render() == "cannot tell the output format of 'chart.txt' (use a suffix (.svg, .png, .pdf, .dot, .gv, .mmd, .mermaid, .json, .html, .htm) or --format svg|png|pdf|dot|mmd|json|html)"


def test_render_cli_writes_each_export(write_yaml, tmp_path):
    org = write_yaml(SMALL)
    for name in ("chart.mmd", "chart.json", "chart.html"):
        out = tmp_path / name
        res = subprocess.run([sys.executable, "-m", "csdesign", "render", str(org), "-o", str(out)], capture_output=True, text=True)
        assert res.returncode == 0, res.stderr
        assert res.stdout == "" and res.stderr == ""
    assert (tmp_path / "chart.mmd").read_text(encoding="utf-8") == to_mermaid(graph_from(SMALL))
    assert json.loads((tmp_path / "chart.json").read_text(encoding="utf-8"))["nodes"][1]["title"] == "客户成功部总监"
    assert "客户成功部<wbr>总监" in (tmp_path / "chart.html").read_text(encoding="utf-8")


def test_json_round_trips_through_networkx_exactly():
    """node_link_graph gives a DiGraph (not a MultiDiGraph with key: 0 on every link) whose
    export is byte-identical to the first one."""
    for g in (graph_from(SMALL), graph_from(HOSTILE)):
        data = json.loads(to_json(g))
        assert data["multigraph"] is False
        names = "edges" if tuple(int(x) for x in nx.__version__.split(".")[:2]) >= (3, 4) else "link"
        back = nx.node_link_graph(data, **{names: "links"})
        assert type(back) is nx.DiGraph
        assert all("key" not in d for _, _, d in back.edges(data=True))
        for key in ("format", "version"):  # top-level keys node_link_graph leaves out of the graph
            back.graph.pop(key, None)
        assert list(back.nodes) == list(g.nodes) and list(back.edges) == list(g.edges)
        assert to_json(back) == to_json(g)


def test_box_lines_do_not_repeat_a_level_the_title_says():
    """HTML, Mermaid and deck boxes (render.chart.boxes) follow the SVG chart: 客户成功部总监,
    not 客户成功部总监 / 总监; CS Manager, not CS Manager / manager; other levels stay."""
    from csdesign.render.chart.boxes import box_lines

    g = graph_from(SMALL)
    assert box_lines(g, "head_cs", "zh") == ["客户成功部总监"]
    assert box_lines(g, "head_cs", "en") == ["客户成功部总监", "Director"]
    assert box_lines(g, "data_lead", "zh") == ["数据分析组长", "主管"]  # 组长 is not 主管: shown
    assert box_lines(g, "csm@product:CRM", "en") == ["CSM", "×4 · Individual"]


def test_box_lines_name_the_executive_as_the_chart_does():
    """The box above the CS head reads 首席运营官 on a Chinese deck, HTML chart and Mermaid
    export, as on the SVG chart; it said COO everywhere but the SVG."""
    from csdesign.render.chart.boxes import box_lines

    g = build_file(str(EXAMPLES / "enterprise.yaml"))
    ext = g.graph["external"]
    assert (box_lines(g, ext, "zh"), box_lines(g, ext, "en")) == (["首席运营官"], ["COO"])
