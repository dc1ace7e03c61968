"""The report as format-neutral sections (heading, columns, rows, notes) in English or Chinese.

report_table.py (rich) and report_markdown.py draw these; neither decides what is shown.
Cells hold the user's text raw; each renderer escapes for its target.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from csdesign.analysis import Report
from csdesign.analysis.base import format_scope, join, join_units, pick, unit_text

H = {
    "overlap": ("Responsibility overlaps", "职责重叠"),
    "gaps": ("Gaps: expected duties and KPIs nobody owns", "职责空缺：无人负责的职责与指标"),
    "duplicates": ("Near-duplicate duty names", "疑似重复的职责名称"),
    "raci": ("RACI", "RACI"),
    "raci_matrix": ("RACI matrix (duties × roles)", "RACI矩阵（职责 × 岗位）"),
    "kpis": ("KPI ownership", "指标归属"),
    "delegation": ("Delegation (information, not overlaps)", "职责下放（仅供参考，不计为重叠）"),
    "spans": ("Spans of control", "管理幅度"),
    "bands": ("Managers per span band", "各管理幅度区间的管理者"),
    "capacity": ("CS capacity", "客户成功服务容量"),
    "placement": ("Where CS reports", "客户成功部门的汇报关系"),
}

C = {
    "duty": ("Duty", "职责"),
    "name": ("Duty / KPI", "职责 / 指标"),
    "kpi": ("KPI", "指标"),
    "roles": ("Roles", "岗位"),
    "scope": ("Scope", "范围"),
    "units": ("Units", "单元"),
    "finding": ("Finding and what to do", "问题与建议"),
    "expected": ("Expected by", "来源"),
    "names": ("Names", "名称"),
    "rule": ("Rule", "规则"),
    "manager": ("Manager", "管理者"),
    "report": ("Delegated to", "下放给"),
    "unit": ("Unit", "单元"),
    "people": ("Managers", "管理者人数"),
    "reports": ("Direct reports", "直接下属"),
    "span": ("Span", "幅度"),
    "band": ("Band", "区间"),
    "range": ("Range", "范围"),
    "share": ("Share", "占比"),
    "role": ("Role", "岗位"),
    "segments": ("Segments", "客户分层"),
    "accounts": ("Accounts", "客户数"),
    "required": ("Required", "所需人数"),
    "declared": ("Declared", "现有人数"),
    "status": ("Status", "状态"),
}

SOURCES = {
    "catalogue": ("duties catalogue", "职责清单"),
    "kpis": ("company KPIs", "公司指标"),
    "level:director": ("director defaults (seed 000)", "部门总监默认职责"),
    "level:manager": ("manager defaults (seed 000)", "团队经理默认职责"),
    "level:supervisor": ("supervisor defaults (seed 000)", "一线主管默认职责"),
}

STATUS = {"ok": ("ok", "正常"), "under": ("under-staffed", "缺编"), "over": ("over-staffed", "超编"), "unplanned": ("unplanned", "未规划")}
RULES = {"no-accountable": ("no A", "缺少A"), "several-accountable": ("several A", "多个A"), "no-responsible": ("no R", "缺少R")}


def t(lang: str, pair: tuple[str, str]) -> str:
    return pick(lang, pair[0], pair[1])


@dataclass
class Section:
    key: str
    heading: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    empty: str = ""


def _roles(lang: str, refs) -> str:
    return join(lang, (r.label() for r in refs))


def sections(report: Report, lang: str = "en") -> list[Section]:
    """The sections for the analyses that ran, in report order."""
    none = pick(lang, "None found.", "未发现。")
    out: list[Section] = []
    cols = lambda *keys: [t(lang, C[k]) for k in keys]  # noqa: E731
    ran = report.ran
    if "overlap" in ran:
        out.append(Section("overlap", t(lang, H["overlap"]), cols("duty", "roles", "scope", "units", "finding"),
            [[o.duty, _roles(lang, o.roles), format_scope(o.scope, lang), join_units(lang, o.units), o.message(lang)] for o in report.overlaps], empty=none))
    if "gaps" in ran:
        out.append(Section("gaps", t(lang, H["gaps"]), cols("name", "expected", "scope", "finding"),
            [[gp.label(lang), t(lang, SOURCES[gp.source]), format_scope(gp.scope, lang), gp.message(lang)] for gp in report.gaps], empty=none))
    if "duplicates" in ran:
        out.append(Section("duplicates", t(lang, H["duplicates"]), cols("names", "roles", "finding"),
            [[join(lang, d.names), _roles(lang, d.roles), d.message(lang)] for d in report.near_duplicates], empty=none))
    if "raci" in ran:
        out.append(Section("raci", t(lang, H["raci"]), cols("duty", "rule", "scope", "finding"),
            [[i.duty, t(lang, RULES[i.rule]), format_scope(i.scope, lang), i.message(lang)] for i in report.raci_issues],
            empty=none if (report.raci_matrix and any("A" in c for c in report.raci_matrix.cells.values())) else pick(lang, "No RACI given in the file.", "文件中未定义RACI。")))
        m = report.raci_matrix
        if m is not None and m.duties:
            out.append(Section("raci_matrix", t(lang, H["raci_matrix"]), [t(lang, C["duty"]), *(r.role_id for r in m.roles)],
                [[duty, *(m.cell(duty, r.role_id) for r in m.roles)] for duty in m.duties],
                notes=[pick(lang, "A/R/C/I from `raci:`; x = the role lists the duty (no RACI entry).",
                            "A/R/C/I 来自 `raci:`；x 表示岗位职责中列有该项（无RACI定义）。")]))
    if "kpis" in ran:
        out.append(Section("kpis", t(lang, H["kpis"]), cols("kpi", "roles", "scope", "finding"),
            [[k.kpi, _roles(lang, k.roles), format_scope(k.scope, lang), k.message(lang)] for k in report.shared_kpis],
            empty=pick(lang, "Every owned KPI has one owner per scope.", "每个指标在每个范围内都只有一个负责人。")))
    if "delegation" in ran:
        out.append(Section("delegation", t(lang, H["delegation"]), cols("duty", "manager", "report", "units"),
            [[d.duty, d.manager.label(), d.report.label(), join_units(lang, d.units)] for d in report.delegations], empty=none))
    if "spans" in ran and report.spans is not None:
        s = report.spans
        ratio = f"1 : {s.ratio:g}" if s.ratio is not None else "–"
        notes = [
            pick(lang, f"{s.headcount} people: {s.manager_people} managers, {s.individual_people} individuals (manager : individual = {ratio}).",
                 f"共 {s.headcount} 人：管理者 {s.manager_people} 人，个人贡献者 {s.individual_people} 人（管理者 : 个人贡献者 = {ratio}）。"),
            pick(lang, f"Layers below the CS head: {s.layers}; minimum for {s.headcount} people at a span of {s.target_span}: {s.layers_needed}.",
                 f"客户成功负责人以下层级数：{s.layers}；{s.headcount} 人在管理幅度 {s.target_span} 下的最少层级：{s.layers_needed}。"),
            *(i.message(lang) for i in s.issues),
        ]
        bands = {b.id: b for b in s.bands}
        out.append(Section("spans", t(lang, H["spans"]), cols("manager", "unit", "people", "reports", "span", "band"),
            [[f"{r.title} ({r.role_id})", unit_text(r.unit, lang) if r.unit else "", str(r.managers), str(r.reports), str(r.span), t(lang, (bands[r.band].en, bands[r.band].zh))] for r in s.rows],
            notes=notes, empty=pick(lang, "No managers.", "没有管理者。")))
        out.append(Section("bands", t(lang, H["bands"]), cols("band", "range", "people", "share"),
            [[t(lang, (b.en, b.zh)), b.range_text(), str(s.band_people.get(b.id, 0)), f"{s.band_share(b.id):.0%}"] for b in s.bands]))
    if "capacity" in ran:
        out.append(Section("capacity", t(lang, H["capacity"]), cols("role", "segments", "units", "accounts", "required", "declared", "status"),
            [[r.role.label() if r.role else "–", join(lang, r.segments), join_units(lang, r.units), str(r.accounts), str(r.required), str(r.declared), t(lang, STATUS[r.status])] for r in report.capacity],
            notes=[r.message(lang) for r in report.capacity if r.status != "ok"],
            empty=pick(lang, "No segment declares accounts.", "没有客户分层声明客户数。")))
    if "placement" in ran and report.placement is not None:
        p = report.placement
        out.append(Section("placement", t(lang, H["placement"]), notes=[p.message(lang)]))
    return out
