"""Issue 18's consultant workflow end to end on a GB18030 HR export with Chinese headers:
import --root -> render -> diff against a proposal, showing the real reporting line.

tests/data/hr/xinghe-hr.csv is written by tests/data/hr/make_xinghe.py: 1,400 people of
星河科技, managers partly by name, dotted-line managers, one open position; the customer-success
director X0100 王芳 reports to X0001 周明, 销售副总裁.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.helpers import DATA

HR = DATA / "hr"
CSV = HR / "xinghe-hr.csv"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "csdesign", *args], capture_output=True, text=True, encoding="utf-8")


@pytest.fixture(scope="module")
def as_is(tmp_path_factory):
    out = tmp_path_factory.mktemp("xinghe") / "as-is.yaml"
    res = run("-v", "import", str(CSV), "--root", "X0100", "--company", "星河科技", "-o", str(out))
    assert res.returncode == 0, res.stderr
    return out, res


def test_the_fixture_is_a_gb18030_export_with_chinese_headers():
    raw = CSV.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("gb18030")
    assert text.startswith("工号,姓名,部门,职位,职级,直属上级,虚线上级,区域,邮箱,入职日期,手机\r\n")
    assert "赵䶮" in text  # outside GBK: the file needs GB18030 proper
    with pytest.raises(UnicodeEncodeError):
        "䶮".encode("gbk")
    from tests.data.hr.make_xinghe import build  # the committed file is the generator's output

    import csv
    import io

    out = io.StringIO(newline="")
    w = csv.DictWriter(out, list(build()[0]), lineterminator="\r\n")
    w.writeheader()
    w.writerows(build())
    assert out.getvalue() == text


def test_import_keeps_the_reporting_line_and_the_company_size(as_is):
    out, res = as_is
    assert res.stderr.splitlines() == [
        f"imported 38 people from xinghe-hr.csv into {out}",
        "kept 38 of 1,401 people: the reporting tree of 'X0100'",
        "left out 5 dotted lines to people outside that tree",
        "the CS head reports to 'X0001' (销售副总裁), outside the tree: cs_reports_to is sales, from that title",
        "took company.employees as 1,400, everyone in the file (pass --employees N if the company is larger)",
        "encoding gb18030, separator ','",
        "columns: id <- 工号, name <- 姓名, unit <- 部门, title <- 职位, level <- 职级, manager_id <- 直属上级, dotted_ids <- 虚线上级, region <- 区域, email <- 邮箱",
        "not imported: 入职日期, 手机",
        "14 managers matched by name, not id",
    ]
    text = out.read_text(encoding="utf-8")
    assert "\ncompany:\n  name: 星河科技\n  employees: 1400\n  cs_reports_to: sales\n  cs_reports_to_title: 销售副总裁\n" in text
    assert "  - id: X0116\n    name: 赵䶮\n    title: 客户数据分析师\n    level: individual\n    reports_to: X0110\n    dotted_to:\n      - X0140\n" in text
    assert "  - id: X0115\n    title: 客户成功经理\n    level: individual\n    reports_to: X0110\n    unit: 战略客户组\n    region: 西南\n    vacant: true\n" in text


def test_render_shows_the_sales_vp_above_the_director(as_is):
    out, _ = as_is
    res = run("render", str(out), "--depth", "2", "--lang", "en")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[:6] == [
        "星河科技  (as-is org)",
        "└── 销售副总裁",
        "    └── ▣ 客户成功部",
        "        └── 王芳 · 客户成功部总监  Director",
        "            ├── 蒋磊 · 客户培训专员  Individual",
        "            ├── 孟强 · 客户培训专员  Individual",
    ]
    svg = out.with_suffix(".svg")
    assert run("render", str(out), "-o", str(svg)).returncode == 0
    assert "销售副总裁" in svg.read_text(encoding="utf-8")


def test_placement_is_checked_against_the_whole_company(as_is):
    out, _ = as_is
    res = run("report", str(out), "--only", "placement", "-f", "json")
    data = json.loads(res.stdout)
    assert data["summary"] == "overlaps and gaps not checked, 1 placement risk"
    assert (data["placement"]["reports_to"], data["placement"]["stage"], data["placement"]["fits"]) == ("sales", "enterprise", False)


def test_diff_against_the_proposal_shows_the_real_reporting_line(as_is):
    out, _ = as_is
    res = run("diff", str(out), str(HR / "xinghe-proposal.yaml"), "-f", "markdown")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert "| CS reports to | 销售副总裁 | COO | changed |" in lines
    assert "| headcount | 38 | 37 | -1 |" in lines
    start = lines.index("### Headcount by role")
    assert lines[start + 2:start + 12] == [
        "| role | before | after | change |",
        "|---|---:|---:|---:|",
        "| 战略客户组经理 | 1 | 0 | -1 |",
        "| 客户成功经理 (csm) | 11 | 12 | +1 |",
        "| 客户数据分析师 (analyst) | 4 | 3 | -1 |",
        "| 重要客户组经理 | 1 | 0 | -1 |",
        "| 客服专员 (support) | 14 | 12 | -2 |",
        "| 客户成功组经理 (tier_mgr) | 0 | 3 | +3 |",
        "| total | 38 | 37 | -1 |",
        "",
    ]
    zh = run("diff", str(out), str(HR / "xinghe-proposal.yaml"), "-f", "markdown", "--lang", "zh").stdout.splitlines()
    assert "| 客户成功部汇报对象 | 销售副总裁 | COO | 有变化 |" in zh
    assert "| 合计 | 38 | 37 | -1 |" in zh
