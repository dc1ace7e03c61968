"""The chart options of issue 12 end to end: pages and their files, --label, --lang, --view
grid, --dpi and the PNG size guard, the CJK font warning, --depth keeping units,
assistants, the executive's title."""

from __future__ import annotations

import struct

import pytest

from csdesign.errors import OutputError
from csdesign.render.chart.dot import DotOptions, to_dot
from csdesign.render.chart.graphviz import chart_pages
from tests.corpus.harness import run
from tests.helpers import graph_from, svg_node_texts

ASSISTED = """
company: {name: 云帆科技, cs_reports_to: sales, cs_reports_to_title: 销售副总裁}
roles:
  - {id: head, title: 客户成功部总监, level: director}
  - {id: pa, title: 总监助理, reports_to: head, assistant: true}
  - {id: m1, title: 客户成功经理（华东区）, level: manager, reports_to: head}
  - {id: a1, title: 客服专员, reports_to: m1, headcount: 3}
"""


def test_pages_are_written_as_name_name2_and_pdf_is_one_document(examples_dir, tmp_path):
    out = tmp_path / "ent.svg"
    res = run("render", str(examples_dir / "enterprise.yaml"), "-o", str(out))
    assert res.code == 0, res.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["ent-2.svg", "ent-3.svg", "ent-4.svg", "ent.svg"]
    first = " | ".join(svg_node_texts(out.read_bytes()))
    assert "continued on p. 2" in first and "continued on p. 4" in first
    assert "continued from p. 1" in " | ".join(svg_node_texts((tmp_path / "ent-3.svg").read_bytes()))
    pdf = tmp_path / "ent.pdf"
    assert run("render", str(examples_dir / "enterprise.yaml"), "-o", str(pdf)).code == 0
    import pypdf

    assert len(pypdf.PdfReader(str(pdf)).pages) == 4
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["ent.pdf"]


def test_portrait_pages_and_page_none(examples_dir):
    g = graph_from((examples_dir / "startup.yaml").read_text(encoding="utf-8"))
    (portrait,), _ = chart_pages(g, "svg", "embedded", DotOptions(page="a4", portrait=True))
    assert b'<svg width="595pt" height="841pt"' in portrait  # 8.27 x 11.69 in
    (natural,), _ = chart_pages(g, "svg", "embedded", DotOptions(page=None))
    assert b'<svg width="595pt"' not in natural


def test_a_level_the_title_already_ends_with_is_not_repeated():
    g = graph_from(ASSISTED)
    zh = to_dot(g, DotOptions(lang="zh"))
    assert ">客户成功部总监</FONT>" in zh and ">客服专员<BR/>×3</FONT>" in zh  # not "· 总监", "· 专员"
    en = to_dot(graph_from(ASSISTED.replace("客服专员", "Support Manager").replace("客户成功经理（华东区）", "CS Manager")), DotOptions(lang="en"))
    assert ">CS Manager</FONT>" in en  # level manager: the title says it
    assert ">Support Manager<BR/>×3 · Individual</FONT>" in en  # a different level: shown, by its name
    lead = to_dot(graph_from(ASSISTED.replace("客户成功部总监", "'Director, Key Accounts'")), DotOptions(lang="en"))
    assert ">Director, Key<BR/>Accounts</FONT>" in lead  # "director" is in the title already
    from csdesign.render.chart.chrome import title_names_level

    assert not title_names_level("Managing Partner", "manager") and not title_names_level("总监助理", "总监")


def test_titles_wrap_at_word_boundaries_first():
    """A CJK title breaks before a role word, never inside it (经 / 理 read as two words);
    a run with no word boundary still breaks between characters rather than overflow."""
    from csdesign.render.chart.chrome import wrap

    assert wrap("数据分析平台团队经理") == ["数据分析平台团队", "经理"]  # was 数据分析平台团队经 / 理
    assert wrap("客户成功部总监", 12) == ["客户成功部", "总监"]  # was 客户成功部总 / 监
    assert wrap("客户成功经理（战略客户）", 12) == ["客户成功经理", "（战略客户）"]
    assert wrap("首席客户官兼客户成功与运营中心总负责人") == ["首席客户官兼客户成", "功与运营中心总", "负责人"]
    assert wrap("Customer Success Manager, Enterprise") == ["Customer Success", "Manager,", "Enterprise"]


def test_label_chooses_what_boxes_show():
    g = graph_from(ASSISTED)
    source = to_dot(g, DotOptions(labels=("title",)))
    assert ">客服专员<" in source and "×3" not in source and "individual" not in source


def test_zh_chrome_and_the_executive_title():
    g = graph_from(ASSISTED)
    source = to_dot(g, DotOptions(lang="zh"))
    assert ">销售副总裁<" in source and ">客户成功部总监</FONT>" in source and "（华东区）<BR/>经理" in source
    assert "director" not in source and "individual" not in source and "functional" not in source
    assert "客户成功经理<BR/>（华东区）" in source  # wrapped before the bracket, not inside it


def test_assistant_stands_beside_its_manager_and_is_not_span():
    from csdesign.analysis.spans import analyse_spans

    g = graph_from(ASSISTED)
    source = to_dot(g)
    assert "n1 -> n2 [constraint=false]" in source  # head -> assistant, on the head's rank
    spans = {r.role_id: r.reports for r in analyse_spans(g).rows}
    assert spans["head"] == 1  # the manager only, not the assistant


def test_png_dpi_and_size_guard(monkeypatch):
    g = graph_from(ASSISTED)
    (png,), _ = chart_pages(g, "png", "embedded", DotOptions(page="16:9"))
    assert struct.unpack(">II", png[16:24]) == (2560, 1439)  # 13.33 x 7.5 in at 192 dpi (Graphviz rounds down)
    (low,), _ = chart_pages(g, "png", "embedded", DotOptions(page="16:9", dpi=96))
    assert struct.unpack(">II", low[16:24]) == (1280, 720)
    from csdesign.render.chart import graphviz as gv

    monkeypatch.setattr(gv, "PNG_LIMIT", 2000)
    with pytest.raises(OutputError) as info:
        chart_pages(g, "png", "embedded", DotOptions(page="16:9"))
    assert "Graphviz would shrink it" in info.value.message and "--page 16:9" in info.value.hint


def test_missing_cjk_font_warns_with_install_advice(monkeypatch, capsys):
    from csdesign.render.chart import engines

    monkeypatch.setattr(engines, "cjk_font_available", lambda: False)
    chart_pages(graph_from(ASSISTED), "png", "embedded", DotOptions(page="16:9"))
    err = capsys.readouterr().err
    assert "no CJK font found by fontconfig" in err and "apt-get install fonts-noto-cjk" in err


def test_grid_view_lists_roles_per_unit_and_lead(examples_dir, tmp_path):
    out = tmp_path / "grid.svg"
    res = run("render", str(examples_dir / "ecommerce-matrix.yaml"), "--view", "grid", "--lang", "zh", "-o", str(out))
    assert res.code == 0, res.stderr
    text = out.read_text(encoding="utf-8")
    assert "矩阵网格" in text and "数据分析组组长" in text and "服饰美妆" in text
    bad = run("render", str(examples_dir / "startup.yaml"), "--view", "grid", "-o", str(tmp_path / "x.svg"))
    assert (bad.code, bad.lines) == (2, ["--view grid: this chart has no dotted lines to put in a grid (use it with a matrix structure, or drop --view grid)"])


def test_depth_keeps_the_unit_grouping(examples_dir):
    res = run("render", str(examples_dir / "enterprise.yaml"), "-s", "geographic", "--depth", "2")
    assert res.code == 0, res.stderr
    lines = [line.strip("│├└─ ") for line in res.stdout.splitlines()]
    assert lines[4:6] == ["▣ Region: North", "team of 25"]
    assert [line for line in lines if line.startswith("▣")][:4] == ["▣ Region: North", "▣ Region: East", "▣ Region: South", "▣ Region: International"]


def test_bad_chart_options_are_one_clear_message(examples_dir):
    org = str(examples_dir / "startup.yaml")
    assert run("render", org, "--label", "title,age", "-o", "x.svg").lines == ["--label: unknown field 'age' (use any of name, title, headcount, level)"]
    assert run("render", org, "--view", "tree", "-o", "x.svg").lines == ["--view: unknown view 'tree' (use chart or grid)"]
    assert run("render", org, "--lang", "fr").lines == ["unknown language 'fr' (use en or zh)"]
