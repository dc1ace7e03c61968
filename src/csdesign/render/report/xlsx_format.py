"""The report as an Excel workbook (`report -o report.xlsx`), written with openpyxl.

openpyxl rather than XlsxWriter: both write conditional formats, frozen panes and filters,
but openpyxl also reads workbooks back, which the tests use to check what was written, and
python-pptx already brings XlsxWriter only for chart data. Sheets: summary, roster, duties,
RACI (conditional colours by letter), findings (one row per finding, with what to do), spans
and layers, capacity, and with ``report --compare BEFORE`` what changed (compare). Header rows are frozen and filtered, column widths fit CJK text
(Chinese characters count double), user text passes the CSV formula guard (a leading ``=``,
``+``, ``-`` or ``@`` cannot become a formula), and finding text is client text: role titles,
no source tags, full-width punctuation in Chinese. Sheet names and headers follow ``lang``.
The file is deterministic: fixed document timestamps and zip entry dates.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from csdesign.analysis import Report
from csdesign.analysis.base import unit_text
from csdesign.interchange.formula import guard
from csdesign.render.client import change_rows, client_findings, client_text, roster_rows, sep
from csdesign.render.text import clean, display_width

HEADER_FILL = "1F4E79"
RACI_FILL = {"A": "1F4E79", "R": "2A6AA6", "C": "C5DCF0", "I": "EDEDED"}
#: Document timestamps (creation, modification): fixed, so equal input gives equal bytes.
STAMP = dt.datetime(2000, 1, 1)


def _t(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return guard(clean(value))
    return value


def _sheet(wb: Any, title: str, header: list[str], rows: list[list[Any]]) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill

    ws = wb.create_sheet(title)
    ws.append(header)
    for row in rows:
        ws.append([_cell(v) for v in row])
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    for c in ws[1]:
        c.font, c.fill = bold, fill
        c.alignment = Alignment(vertical="center", wrap_text=True)
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = ws.dimensions
    from openpyxl.utils import get_column_letter

    for j in range(1, len(header) + 1):
        values = [header[j - 1]] + [r[j - 1] for r in rows if j - 1 < len(r)]
        width = max(display_width(str(v)) for v in values if v is not None) + 2
        ws.column_dimensions[get_column_letter(j)].width = min(60, max(8, width))
    for row in ws.iter_rows(min_row=2):
        for c in row:
            c.alignment = Alignment(vertical="top", wrap_text=True)
    _printable(ws)
    return ws


def _printable(ws: Any) -> None:
    """Printed or saved as PDF, a sheet is landscape A4, one page wide (as many pages down as
    it needs) with its header row on every page: not one column per page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def report_xlsx(report: Report, lang: str = "en") -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook

    g = report.graph
    wb = Workbook()
    wb.remove(wb.active)
    _summary(wb, report, lang)
    if g is not None:
        _roster(wb, g, lang)
        _duties(wb, g, lang)
    _raci(wb, report, lang)
    _findings(wb, report, lang)
    _spans(wb, report, lang)
    _capacity(wb, report, lang)
    _compare(wb, report, lang)
    wb.properties.creator = wb.properties.lastModifiedBy = "csdesign"
    wb.properties.created = wb.properties.modified = STAMP
    buf = io.BytesIO()
    wb.save(buf)
    from csdesign.render.zipfix import fixed_zip

    return fixed_zip(buf.getvalue(), STAMP.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _summary(wb: Any, report: Report, lang: str) -> None:
    from csdesign.knowledge.guide import structure_label

    g = report.graph
    rows: list[list[Any]] = [
        [_t(lang, "Company", "公司"), report.company],
        [_t(lang, "Structure", "组织结构"), structure_label(report.structure, lang)],
        [_t(lang, "Findings", "发现的问题"), client_text(report.summary(lang), g, lang)],
    ]
    spans = report.result("spans") if "spans" in report.ran else None
    if spans is not None:
        rows += [[_t(lang, "People", "人数"), spans.headcount], [_t(lang, "Managers", "管理者"), spans.manager_people],
                 [_t(lang, "Layers below the CS head", "客户成功负责人以下层级"), spans.layers]]
    placement = report.result("placement") if "placement" in report.ran else None
    if placement is not None:
        rows.append([_t(lang, "Placement", "部门归属"), client_text(placement.message(lang), g, lang)])
    _sheet(wb, _t(lang, "Summary", "摘要"), [_t(lang, "Item", "项目"), _t(lang, "Value", "内容")], rows)


def _roster(wb: Any, g: Any, lang: str) -> None:
    rows = [[r.name, r.title, r.unit, r.level, r.headcount, r.manager, r.dotted, _t(lang, "yes", "是") if r.vacant else "", r.role_id]
            for r in roster_rows(g, lang)]
    header = [_t(lang, "Name", "姓名"), _t(lang, "Title", "职位"), _t(lang, "Unit", "单元"), _t(lang, "Level", "层级"),
              _t(lang, "Headcount", "人数"), _t(lang, "Reports to", "汇报给"), _t(lang, "Dotted lines", "虚线汇报"),
              _t(lang, "Vacant", "空缺"), _t(lang, "Role id (appendix)", "岗位编号（附）")]
    _sheet(wb, _t(lang, "Roster", "花名册"), header, rows)


def _duties(wb: Any, g: Any, lang: str) -> None:
    units = g.graph.get("units", {})
    rows = []
    for _, d in g.nodes(data=True):
        if d.get("kind") != "role":
            continue
        unit = units.get(d.get("unit"), {}).get("label") or ""
        for duty in d.get("duties") or []:
            rows.append([d.get("title") or "", unit, duty, _t(lang, "duty", "职责")])
        for kpi in d.get("kpis") or []:
            rows.append([d.get("title") or "", unit, kpi, _t(lang, "KPI", "考核指标")])
    _sheet(wb, _t(lang, "Duties", "职责"), [_t(lang, "Title", "职位"), _t(lang, "Unit", "单元"), _t(lang, "Duty or KPI", "职责或指标"), _t(lang, "Kind", "类别")], rows)


def _raci(wb: Any, report: Report, lang: str) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    m = report.raci_matrix if "raci" in report.ran else None
    if m is None or not m.duties:
        return
    from csdesign.analysis.raci import HOLDS

    header = [_t(lang, "Duty", "职责")] + [r.title for r in m.roles]
    rows = [[duty] + [_t(lang, "holds", "持有") if m.cell(duty, r.role_id) == HOLDS else m.cell(duty, r.role_id) for r in m.roles] for duty in m.duties]
    ws = _sheet(wb, "RACI", header, rows)
    area = f"B2:{get_column_letter(len(header))}{len(rows) + 1}"
    for letter, colour in RACI_FILL.items():
        font = Font(color="FFFFFF" if letter in "AR" else "1A1A1A", bold=letter == "A")
        ws.conditional_formatting.add(area, FormulaRule(formula=[f'LEFT(B2,1)="{letter}"'], fill=PatternFill("solid", fgColor=colour, bgColor=colour), font=font))


def _findings(wb: Any, report: Report, lang: str) -> None:
    # no severity column: analyses do not grade their findings (lint's rules do, per rule)
    rows = [[f.label, sep(lang).join(f.units) or _t(lang, "department-wide", "全部门"), sep(lang).join(f.titles), f.what, f.todo]
            for f in client_findings(report, lang)]
    header = [_t(lang, "Analysis", "分析"), _t(lang, "Scope", "范围"), _t(lang, "Roles", "涉及岗位"),
              _t(lang, "Finding", "问题"), _t(lang, "What to do", "建议")]
    _sheet(wb, _t(lang, "Findings", "问题"), header, rows)


def _spans(wb: Any, report: Report, lang: str) -> None:
    spans = report.result("spans") if "spans" in report.ran else None
    if spans is None:
        return
    bands = {b.id: (b.zh if lang == "zh" else b.en) for b in spans.bands}
    rows = [[r.title, unit_text(r.unit, lang) if r.unit else "", r.managers, r.reports, r.span, bands.get(r.band, r.band)] for r in spans.rows]
    header = [_t(lang, "Manager", "管理岗位"), _t(lang, "Unit", "单元"), _t(lang, "Managers", "管理者人数"), _t(lang, "Reports", "下属人数"),
              _t(lang, "Span", "管理幅度"), _t(lang, "Band", "幅度区间")]
    _sheet(wb, _t(lang, "Spans & layers", "管理幅度与层级"), header, rows)


def _compare(wb: Any, report: Report, lang: str) -> None:
    """With ``report --compare BEFORE``: every box added, removed, moved or changed, then every
    duty that moved, was shared, narrowed, added or dropped."""
    d = report.changes
    if d is None:
        return
    graphs = tuple(x for x in (report.graph, report.before) if x is not None)
    boxes, duties = change_rows(d, lang, graphs)
    box, duty = _t(lang, "box", "岗位"), _t(lang, "duty", "职责")
    rows = [[box, change, what, info, ""] for change, what, info in boxes] + [[duty, change, what, gave, took] for what, change, gave, took in duties]
    header = [_t(lang, "What", "类别"), _t(lang, "Change", "变化"), _t(lang, "Box or duty", "岗位或职责"),
              _t(lang, "Details, or the duty's owners before", "明细或原负责岗位"), _t(lang, "The duty's owners after", "新负责岗位")]
    _sheet(wb, _t(lang, "Compare", "对比"), header, rows)


def _capacity(wb: Any, report: Report, lang: str) -> None:
    from csdesign.analysis.registry import ANALYSES, load

    a = ANALYSES["capacity"] if "capacity" in ANALYSES else None
    if a is None or a.name not in report.ran or not a.section:
        return
    g = report.graph
    for sec in load(a.section)(report, lang):
        if sec.rows:
            _sheet(wb, _t(lang, "Capacity", "产能"), [client_text(c, g, lang) for c in sec.columns],
                   [[client_text(str(v), g, lang) for v in r] for r in sec.rows])
            return
