"""Report renderers and CLI: exact summary lines, escaping, CSV, JSON schema, exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from csdesign.analysis import run_all
from csdesign.render.report.csv_format import report_csv
from csdesign.render.report.json_format import report_json
from csdesign.render.report.markdown import report_markdown
from csdesign.render.report.table import report_text
from csdesign.render.text import md_escape
from tests.helpers import ROOT, graph_from

ORG = """
company: {name: "Acme | <b>"}
roles:
  - {id: head, title: "[bold]Head", level: director, duties: [strategy, budget allocation, cross-department coordination]}
  - {id: a, title: 客户成功经理, reports_to: head, duties: ["=SUM(A1)", 客户回访]}
  - {id: b, title: Support, reports_to: head, duties: [客户回访]}
raci:
  客户回访: {A: a, R: [a, b]}
"""


def test_markdown_escapes_and_summarises():
    report = run_all(graph_from(ORG), "overlap,gaps,raci")
    md = report_markdown(report)
    assert md.splitlines()[0] == "# Responsibility report: Acme \\| \\<b\\> (functional)"
    assert "**1 overlap, 0 gaps, 0 RACI issues**" in md  # --only named raci: its zero shows
    assert md_escape("a|b*c_[x]<y>") == "a\\|b\\*c\\_\\[x\\]\\<y\\>"
    assert md_escape("Team #1 & 2~3 $x$") == "Team \\#1 & 2\\~3 \\$x\\$"
    # escaped only where Markdown would read markup: not inside words, not a lone &
    assert md_escape("cs_director a__b _x_ __y") == "cs_director a__b \\_x\\_ \\_\\_y"
    assert md_escape("R&D &amp; &#60;") == "R&D \\&amp; \\&\\#60;"


def test_table_text_keeps_markup_literal_and_cjk():
    report = run_all(graph_from(ORG), "overlap")
    text = report_text(report, "zh")
    assert text.splitlines()[1] == "1 处职责重叠，未检查职责空缺"
    assert "客户成功经理" in text and "客户成功经理 (a)" not in text  # client text: titles, not ids


SMALL_TEAM = """\
company: {name: 小团队, employees: 30}
structure: {type: flat}
roles:
  - {id: head, title: 客户成功负责人, level: manager, scope: head, duties: [制定团队目标, 团队管理与辅导, 绩效评估]}
  - {id: csm, title: 客户成功经理, headcount: 2, duties: [续约管理, 收集产品反馈]}
  - {id: support, title: 客服专员, headcount: 2, duties: [处理工单, 收集产品反馈]}
"""


@pytest.mark.parametrize(
    ("only", "lang", "line"),
    [
        ("gaps,capacity", "en", "overlaps not checked, 0 gaps, 0 staffing mismatches"),
        ("gaps,capacity", "zh", "未检查职责重叠，0 处职责空缺，0 处人员配置不匹配"),
        ("spans", "en", "overlaps and gaps not checked, 0 span or layer issues"),
        ("overlap", "en", "1 overlap, gaps not checked"),
        (None, "en", "1 overlap, 0 gaps"),
    ],
)
def test_summary_always_shows_overlap_and_gap_counts(only, lang, line):
    """Issue 18: `--only gaps,capacity` dropped the overlap count (docs/report.md: they always show)."""
    report = run_all(graph_from(SMALL_TEAM), only)
    assert report.summary(lang) == line


@pytest.mark.parametrize(("lang", "line"), [("en", "0 overlaps, 0 gaps"), ("zh", "0 处职责重叠，0 处职责空缺")])
def test_a_clean_report_still_shows_the_zero_counts(lang, line):
    # SMALL_TEAM without the shared duty: nothing to report (examples/reorg-after.yaml, used
    # here before, keeps one overlap on purpose since duties are compared as concepts)
    clean = SMALL_TEAM.replace("duties: [处理工单, 收集产品反馈]", "duties: [处理工单]")
    assert clean != SMALL_TEAM
    report = run_all(graph_from(clean))
    assert report.summary(lang) == line


def test_csv_matrix_guards_formulas():
    report = run_all(graph_from(ORG), "raci")
    assert report_csv(report) == "duty,head,a,b\r\n客户回访,,A/R,R\r\nstrategy,x,,\r\nbudget allocation,x,,\r\ncross-department coordination,x,,\r\n'=SUM(A1),,x,\r\n"


def test_json_validates_against_documented_schema():
    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    data = json.loads(report_json(run_all(graph_from(ORG)), "zh"))
    jsonschema.validate(data, schema)
    assert data["counts"] == {"overlap": 1, "gaps": 0, "duplicates": 0, "raci": 0, "kpis": 0, "spans": 0, "capacity": 0, "cost": 0, "placement": 0}


def run(*args):
    return subprocess.run([sys.executable, "-m", "csdesign", *args], capture_output=True, text=True, cwd=ROOT)


def test_cli_exit_codes_and_determinism(tmp_path):
    ex = str(Path("examples") / "startup.yaml")
    first = run("report", ex, "-f", "json")
    assert first.returncode == 0 and first.stdout == run("report", ex, "-f", "json").stdout
    assert run("report", ex, "--fail-on-findings", "-f", "markdown").returncode == 1
    bad = run("report", ex, "--only", "overlapp")
    assert bad.returncode == 2
    assert bad.stderr.strip() == "--only: unknown analysis 'overlapp' (did you mean 'overlap'? choose from overlap, delegation, gaps, duplicates, raci, kpis, spans, capacity, cost, placement)"
    out = tmp_path / "r.csv"
    assert run("report", ex, "-o", str(out)).returncode == 0
    assert out.read_bytes().decode("utf-8").startswith("duty,head_cs,csm,support,cs_ops\r\n")


def test_render_highlight_marks_overlap_boxes(tmp_path):
    out = tmp_path / "c.dot"
    assert run("render", "examples/startup.yaml", "--highlight", "overlaps", "-o", str(out)).returncode == 0
    dot = out.read_text(encoding="utf-8")
    assert dot.count('COLOR="#c00000"') == 3  # csm, support and the legend entry
    assert "duty overlap (2)" in dot


def test_report_output_suffix_must_say_the_format(tmp_path):
    res = run("report", "examples/startup.yaml", "-o", str(tmp_path / "report.docx"))
    assert res.returncode == 2
    assert res.stderr.strip() == (
        f"cannot tell the report format of '{tmp_path / 'report.docx'}' "
        "(use a suffix (.txt, .md, .markdown, .json, .csv, .xlsx, .html, .htm, .pdf) or --format table|markdown|json|csv|xlsx|html|pdf)"
    )
    assert not (tmp_path / "report.docx").exists()
    ok = run("report", "examples/startup.yaml", "-o", str(tmp_path / "report.txt"))
    text = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert ok.returncode == 0 and text.startswith("Lumen Forms  (flat)\n1 overlap, 0 gaps\n")
    assert all(line == line.rstrip() for line in text.splitlines())  # no padding to the width


def test_chinese_report_names_units_and_structure_in_chinese():
    from csdesign.structures import build_file
    from tests.helpers import EXAMPLES

    report = run_all(build_file(str(EXAMPLES / "ecommerce-matrix.yaml")), ["overlap", "spans"])
    md = report_markdown(report, "zh")
    assert md.startswith("# 职责分析报告：云购电商（矩阵型）\n")
    assert "| 产品：服饰美妆、产品：数码家电、产品：生鲜超市 |" in md
    assert "| 一线主管 | 产品：服饰美妆 |" in md  # the title alone, no id, no \_ escape
    assert "frontline" not in md and "\\_" not in md
    assert "product:" not in md
    english = report_markdown(report, "en")
    assert english.startswith("# Responsibility report: 云购电商 (matrix)\n")
    assert "| product: 服饰美妆, product: 数码家电, product: 生鲜超市 |" in english


def test_report_unknown_language_is_the_shared_message():
    res = run("report", "examples/startup.yaml", "--lang", "fr")
    assert (res.returncode, res.stderr) == (2, "unknown language 'fr' (use en or zh)\n")


def test_documented_schema_is_built_from_the_analysis_registry():
    from csdesign.analysis.report_schema import report_schema_json

    assert (ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8") == report_schema_json()


def test_csv_bom_like_export_and_quiet(tmp_path):
    ex = str(Path("examples") / "startup.yaml")
    plain = run("report", ex, "-f", "csv")
    bommed = run("report", ex, "-f", "csv", "--bom")
    assert bommed.returncode == 0 and bommed.stdout == "\ufeff" + plain.stdout
    out = tmp_path / "r.csv"
    assert run("report", ex, "-o", str(out), "--bom").returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfduty,") and raw.decode("utf-8").replace("\r\n", "\n") == "\ufeff" + plain.stdout
    export = tmp_path / "people.csv"
    assert run("export", ex, "--bom", "-o", str(export)).returncode == 0
    assert export.read_bytes()[:3] == out.read_bytes()[:3]
    wrong = run("report", ex, "-f", "markdown", "--bom")
    assert (wrong.returncode, wrong.stdout) == (2, "")
    assert wrong.stderr == "--bom is for CSV, not --format markdown (use --format csv (or -o FILE.csv), or leave out --bom)\n"
    quiet = run("report", ex, "--fail-on-findings", "-f", "markdown", "--quiet")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (1, "", "")
    md = tmp_path / "r.md"
    assert run("report", ex, "-q", "-o", str(md)).returncode == 0
    assert md.read_text(encoding="utf-8") == run("report", ex, "-f", "markdown").stdout


def test_markdown_and_table_are_client_text():
    """Role titles without ids, no internal source tags, Chinese punctuation (issue 13)."""
    from csdesign.structures import build_file
    from tests.helpers import EXAMPLES

    report = run_all(build_file(str(EXAMPLES / "growth-saas.yaml")))
    md = report_markdown(report, "en")
    assert ("| customer communication | supervisor defaults | the whole department | no frontline supervisor-level role owns "
            "'customer communication', a default duty of the frontline supervisor layer; write it into the job description of "
            "Support Team Lead |") in md
    for text in (md, report_markdown(report, "zh"), report_text(report, "en"), report_text(report, "zh")):
        assert "seed" not in text.lower() and "种子" not in text
        assert "(support_lead)" not in text and "support\\_lead" not in text
    zh = report_markdown(report, "zh")
    assert zh.splitlines()[0].startswith("# 职责分析报告：") and zh.splitlines()[0].endswith("）")
