"""`report -o report.xlsx`: reopened with openpyxl, converted by LibreOffice headless."""

from __future__ import annotations

import shutil
import subprocess

import pytest

openpyxl = pytest.importorskip("openpyxl", reason="needs openpyxl")

from csdesign.app.report_job import report  # noqa: E402
from tests.helpers import EXAMPLES  # noqa: E402

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def workbook(tmp_path, example: str, lang: str):
    path = tmp_path / f"{example}-{lang}.xlsx"
    data, _ = report(EXAMPLES / f"{example}.yaml", output=path, lang=lang)
    path.write_bytes(data)
    return path, openpyxl.load_workbook(str(path))


def test_sheets_headers_frozen_filtered_in_chinese(tmp_path):
    _, wb = workbook(tmp_path, "ecommerce-matrix", "zh")
    assert wb.sheetnames == ["摘要", "花名册", "职责", "RACI", "问题", "管理幅度与层级"]
    roster = wb["花名册"]
    assert [c.value for c in roster[1]] == ["姓名", "职位", "单元", "层级", "人数", "汇报给", "虚线汇报", "空缺", "岗位编号（附）"]
    assert roster.freeze_panes == "A2" and roster.auto_filter.ref == roster.dimensions
    titles = [r[1].value for r in roster.iter_rows(min_row=2)]
    assert titles[:2] == ["客户成功部总监", "数据分析组组长"]  # file order
    assert roster.column_dimensions["B"].width >= 14  # 客户成功部总监: 7 CJK characters, counted double
    finding = [c.value for c in wb["问题"][2]]
    assert [c.value for c in wb["问题"][1]] == ["分析", "范围", "涉及岗位", "问题", "建议"]  # no severity: analyses do not grade
    assert finding == ["职责重叠", "服饰美妆、数码家电、生鲜超市", "一线主管、产品支持工程师",
                       "职责「大促期间客诉升级处理」有两个负责人：一线主管与产品支持工程师在产品：服饰美妆、数码家电、生鲜超市范围内都负责此项",
                       "请每个范围只保留一个负责人（或按范围拆分），并写入双方的岗位说明书"]
    raci = wb["RACI"]
    assert len(raci.conditional_formatting) == 1 and raci["A1"].value == "职责"
    spans = wb["管理幅度与层级"]
    assert [c.value for c in spans[3]][:2] == ["业务线团队经理", "产品：服饰美妆"]  # the unit as the report names it, not product: 服饰美妆


def test_findings_split_into_finding_and_advice_after_scopes_and_counts(tmp_path):
    """The finding keeps its scope list ("流程：Onboarding；产品：…") and counts; the advice column
    holds only what to do, and a channel or segment row sits under its own analysis."""
    _, wb = workbook(tmp_path, "growth-saas", "zh")
    rows = [[c.value for c in r] for r in wb["问题"].iter_rows(min_row=2)]
    overlap = next(r for r in rows if r[0] == "职责重叠")
    assert overlap[3].endswith("客户分层：Enterprise、Mid-market 范围内都负责此项") and overlap[4] == "请每个范围只保留一个负责人（或按范围拆分），并写入双方的岗位说明书"
    channels = [r for r in rows if r[0] == "各渠道支持人员配置"]
    assert [r[3].split("：", 1)[0] for r in channels] == ["渠道「email」", "渠道「chat」"] and all(r[4] is None for r in channels)
    cost = next(r for r in rows if r[0] == "成本")
    assert cost[3].endswith("高于 5.7%–12.8% 区间") and cost[4] == "请在增员前先检查超编的分层和渠道"


def test_every_sheet_prints_one_page_wide_with_its_header(tmp_path):
    """Saved as PDF or printed, a sheet is landscape A4 one page wide, header row repeated, not
    one column per page (the enterprise workbook printed on 29 pages, now 9 with LibreOffice)."""
    _, wb = workbook(tmp_path, "enterprise", "zh")
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0), ws.title  # 9: A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$1:$1", ws.title


def test_workbook_is_deterministic_and_guards_formulas(tmp_path, write_yaml):
    org = write_yaml("company: {name: X}\nroles:\n  - {id: h, title: '=HYPERLINK(\"http://x\")', level: director, duties: ['+cmd']}\n")
    a, _ = report(org, output=tmp_path / "a.xlsx")
    b, _ = report(org, output=tmp_path / "b.xlsx")
    assert a == b
    (tmp_path / "a.xlsx").write_bytes(a)
    wb = openpyxl.load_workbook(str(tmp_path / "a.xlsx"))
    assert wb["Roster"]["B2"].value == "'=HYPERLINK(\"http://x\")"
    assert wb["Duties"]["C2"].value == "'+cmd"


def test_terminal_refuses_binary(capsys):
    from csdesign.errors import OutputError

    with pytest.raises(OutputError, match="writes a binary file"):
        report(EXAMPLES / "startup.yaml", fmt="xlsx")


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice Calc: apt-get install libreoffice-calc")
def test_libreoffice_converts_the_workbook(tmp_path):
    path, _ = workbook(tmp_path, "enterprise", "zh")
    profile = tmp_path / "lo"
    res = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                         capture_output=True, text=True, timeout=240)
    assert res.returncode == 0 and (tmp_path / "enterprise-zh.pdf").stat().st_size > 1000, res.stderr


def test_compare_sheet_lists_box_changes_and_duty_transfers(tmp_path):
    path = tmp_path / "reorg.xlsx"
    data, _ = report(EXAMPLES / "reorg-after.yaml", output=path, lang="zh", compare=EXAMPLES / "reorg-before.yaml")
    path.write_bytes(data)
    wb = openpyxl.load_workbook(str(path))
    assert wb.sheetnames[-1] == "对比"
    rows = list(wb["对比"].iter_rows(values_only=True))
    assert rows[0] == ("类别", "变化", "岗位或职责", "明细或原负责岗位", "新负责岗位")
    assert ("岗位", "调动", "王丽 · 客户成功经理", "上级：张敏 · 客户服务部经理 → 李强 · 战略客户组组长；单元：客户成功组 → 战略客户组", None) in rows
    assert ("职责", "转移", "续约管理", "客户成功经理", "续约经理") in rows
    assert not any("csm" in str(v) or "角色" in str(v) for r in rows for v in r)  # client text: no role ids
    again, _ = report(EXAMPLES / "reorg-after.yaml", output=path, lang="zh", compare=EXAMPLES / "reorg-before.yaml")
    assert again == data


def test_compare_is_for_the_workbook(tmp_path):
    from csdesign.errors import InputError

    with pytest.raises(InputError) as err:
        report(EXAMPLES / "reorg-after.yaml", fmt="markdown", compare=EXAMPLES / "reorg-before.yaml")
    assert err.value.render() == ("--compare adds the workbook's Compare sheet; --format markdown has none (write -o report.xlsx, or use "
                                  f"`csdesign diff {EXAMPLES / 'reorg-before.yaml'} {EXAMPLES / 'reorg-after.yaml'}` for markdown)")
