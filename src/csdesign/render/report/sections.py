"""The report as format-neutral sections (heading, columns, rows, notes) in English or Chinese.

One function per analysis, named by its registry entry's ``section`` (analysis/registry.py);
:func:`sections` runs them in the registry's section order. table.py (rich) and markdown.py
draw the sections; neither decides what is shown. Cells hold the user's text raw; each
renderer escapes for its target. Sections are client text (render/client.py): role titles
without ids, no internal source tags, full-width punctuation in Chinese; ids stay in the
JSON and the CSV matrix.
"""

from __future__ import annotations

from typing import Any

from csdesign.analysis import Report
from csdesign.analysis.base import format_scope, join, join_units, pick, unit_text
from csdesign.analysis.registry import ANALYSES, Section, load

#: Headings of sub-sections (an analysis's own heading is its registry ``title``).
H = {
    "raci_matrix": ("RACI matrix (duties × roles)", "RACI 矩阵（职责 × 岗位）"),
    "bands": ("Managers per span band", "各管理幅度区间的管理者"),
    "capacity_support": ("Support staffing per channel", "各渠道支持人员配置"),
    "capacity_roles": ("Role capacity (accounts per person)", "岗位服务容量（每人客户数）"),
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
    "segment": ("Segment", "客户分层"),
    "arr": ("ARR", "ARR"),
    "by_arr": ("By ARR", "按 ARR"),
    "by_accounts": ("By accounts", "按客户数"),
    "by_hours": ("By hours", "按工时"),
    "modelled": ("Modelled", "模型人数"),
    "capacity_share": ("Capacity share", "人力占比"),
    "value_share": ("ARR share", "ARR 占比"),
    "channel": ("Channel", "渠道"),
    "kind": ("Kind", "类型"),
    "load": ("Load", "负荷"),
    "target": ("Target", "目标"),
    "achieved": ("Achieved", "达成"),
    "level": ("Level", "层级"),
    "cost": ("Cost", "成本"),
}

SOURCES = {
    "catalogue": ("duties catalogue", "职责清单"),
    "kpis": ("company KPIs", "公司指标"),
    "level:director": ("director defaults", "部门总监默认职责"),
    "level:manager": ("manager defaults", "团队经理默认职责"),
    "level:supervisor": ("supervisor defaults", "一线主管默认职责"),
}

STATUS = {"ok": ("ok", "正常"), "under": ("under-staffed", "缺编"), "over": ("over-staffed", "超编"), "unplanned": ("unplanned", "未规划"),
          "unsized": ("not sized", "无法测算"), "unstable": ("unstable queue", "队列不稳定"), "unstaffed": ("nobody staffs it", "无人负责")}
KINDS = {"realtime": ("real-time", "实时"), "async": ("async", "异步")}
LEVELS = {"director": ("director", "部门总监"), "manager": ("manager", "团队经理"), "supervisor": ("supervisor", "一线主管"), "individual": ("individual", "个人贡献者")}
RULES = {"no-accountable": ("no A", "缺少A"), "several-accountable": ("several A", "多个A"), "no-responsible": ("no R", "缺少R")}


def t(lang: str, pair: tuple[str, str]) -> str:
    return pick(lang, pair[0], pair[1])


def _roles(lang: str, refs) -> str:
    return join(lang, dict.fromkeys(r.title for r in refs))


def sections(report: Report, lang: str = "en") -> list[Section]:
    """The sections for the analyses that ran, in the registry's section order, as client text."""
    out: list[Section] = []
    for a in ANALYSES.sectioned():
        if a.name in report.ran and a.section:
            out.extend(load(a.section)(report, lang))
    return [_client(s, report.graph, lang) for s in out]


def _client(s: Section, g: Any, lang: str) -> Section:
    from csdesign.render.client import client_text

    def c(text: str) -> str:
        return client_text(text, g, lang)

    return Section(s.key, c(s.heading), [c(x) for x in s.columns], [[c(x) for x in row] for row in s.rows], [c(n) for n in s.notes], c(s.empty))


def _none(lang: str) -> str:
    return pick(lang, "None found.", "未发现。")


def _cols(lang: str, *keys: str) -> list[str]:
    return [t(lang, C[k]) for k in keys]


def _title(name: str, lang: str) -> str:
    return t(lang, ANALYSES[name].title)


def overlap(report: Report, lang: str) -> list[Section]:
    return [Section("overlap", _title("overlap", lang), _cols(lang, "duty", "roles", "scope", "units", "finding"),
        [[o.duty, _roles(lang, o.roles), format_scope(o.scope, lang), join_units(lang, o.units), o.message(lang)] for o in report.overlaps],
        notes=_why(report, report.overlaps, lang), empty=_none(lang))]


def _why(report: Report, findings: list, lang: str) -> list[str]:
    """With ``--explain``: why each finding's differently written names are one duty or KPI."""
    if not report.explain:
        return []
    out = []
    for f in findings:
        why = f.explain(lang)
        if why:
            name = getattr(f, "duty", None) or getattr(f, "kpi", "")
            out.append(pick(lang, f"'{name}': {why}", f"「{name}」：{why}"))
    return out


def gaps(report: Report, lang: str) -> list[Section]:
    return [Section("gaps", _title("gaps", lang), _cols(lang, "name", "expected", "scope", "finding"),
        [[gp.label(lang), t(lang, SOURCES[gp.source]), format_scope(gp.scope, lang), gp.message(lang)] for gp in report.gaps], empty=_none(lang))]


def duplicates(report: Report, lang: str) -> list[Section]:
    return [Section("duplicates", _title("duplicates", lang), _cols(lang, "names", "roles", "finding"),
        [[join(lang, d.names), _roles(lang, d.roles), d.message(lang)] for d in report.near_duplicates], empty=_none(lang))]


def raci(report: Report, lang: str) -> list[Section]:
    m = report.raci_matrix
    out = [Section("raci", _title("raci", lang), _cols(lang, "duty", "rule", "scope", "finding"),
        [[i.duty, t(lang, RULES[i.rule]), format_scope(i.scope, lang), i.message(lang)] for i in report.raci_issues],
        empty=_none(lang) if (m and any("A" in c for c in m.cells.values())) else pick(lang, "No RACI given in the file.", "文件中未定义RACI。"))]
    if m is not None and m.duties:
        out.append(Section("raci_matrix", t(lang, H["raci_matrix"]), [t(lang, C["duty"]), *(r.title for r in m.roles)],
            [[duty, *(m.cell(duty, r.role_id) for r in m.roles)] for duty in m.duties],
            notes=[pick(lang, "A/R/C/I: the RACI the org file gives; x: the role lists the duty in its job description (no RACI given).",
                        "A/R/C/I 为组织文件中给出的 RACI；x 表示岗位职责中列有该项（未给出 RACI）。")]))
    return out


def kpis(report: Report, lang: str) -> list[Section]:
    return [Section("kpis", _title("kpis", lang), _cols(lang, "kpi", "roles", "scope", "finding"),
        [[k.kpi, _roles(lang, k.roles), format_scope(k.scope, lang), k.message(lang)] for k in report.shared_kpis],
        notes=_why(report, report.shared_kpis, lang),
        empty=pick(lang, "Every owned KPI has one owner per scope.", "每个指标在每个范围内都只有一个负责人。"))]


def delegation(report: Report, lang: str) -> list[Section]:
    return [Section("delegation", _title("delegation", lang), _cols(lang, "duty", "manager", "report", "units"),
        [[d.duty, d.manager.title, d.report.title, join_units(lang, d.units)] for d in report.delegations], empty=_none(lang))]


def spans(report: Report, lang: str) -> list[Section]:
    s: Any = report.spans
    if s is None:
        return []
    ratio = f"1 : {s.ratio:g}" if s.ratio is not None else "–"
    notes = [
        pick(lang, f"{s.headcount} people: {s.manager_people} managers, {s.individual_people} individuals (manager : individual = {ratio}).",
             f"共 {s.headcount} 人：管理者 {s.manager_people} 人，个人贡献者 {s.individual_people} 人（管理者 : 个人贡献者 = {ratio}）。"),
        pick(lang, f"Layers below the CS head: {s.layers}; minimum for {s.headcount} people at a span of {s.target_span}: {s.layers_needed}.",
             f"客户成功负责人以下层级数：{s.layers}；{s.headcount} 人在管理幅度 {s.target_span} 下的最少层级：{s.layers_needed}。"),
        *(i.message(lang) for i in s.issues),
    ]
    bands = {b.id: b for b in s.bands}
    return [
        Section("spans", _title("spans", lang), _cols(lang, "manager", "unit", "people", "reports", "span", "band"),
            [[r.title, unit_text(r.unit, lang) if r.unit else "", str(r.managers), str(r.reports), str(r.span), t(lang, (bands[r.band].en, bands[r.band].zh))] for r in s.rows],
            notes=notes, empty=pick(lang, "No managers.", "没有管理者。")),
        Section("bands", t(lang, H["bands"]), _cols(lang, "band", "range", "people", "share"),
            [[t(lang, (b.en, b.zh)), b.range_text(), str(s.band_people.get(b.id, 0)), f"{s.band_share(b.id):.0%}"] for b in s.bands]),
    ]


def _sources(lang: str, methods) -> list[str]:
    """One note per method and distinct source: "By ARR: Gainsight's guidepost ..."."""
    seen: dict[str, None] = {}
    for m in methods:
        label = t(lang, C[f"by_{m.method}"])
        seen.setdefault(pick(lang, f"{label}: {m.source[0]}", f"{label}：{m.source[1]}"), None)
    return list(seen)


def capacity(report: Report, lang: str) -> list[Section]:
    """CSMs per segment (three ways), support channels, and role capacity rows."""
    from csdesign.analysis.amounts import money, num, pct

    cap = report.capacity
    if cap is None:
        return []
    out: list[Section] = []
    rows = []
    for seg in cap.segments:
        def fig(key: str) -> str:
            m = seg.methods.get(key)
            if m is None or m.required is None:
                return "–"
            return f"{m.required} ({m.low}–{m.high})" if key == "accounts" else str(m.required)

        rows.append([seg.name, num(seg.accounts) if seg.accounts is not None else "–", money(seg.arr, None) if seg.arr is not None else "–",
                     fig("arr"), fig("accounts"), fig("hours"), num(seg.modelled),
                     pct(seg.capacity_share) if seg.capacity_share is not None else "–", pct(seg.value_share) if seg.value_share is not None else "–",
                     t(lang, STATUS[seg.status])])
    notes = [x.message(lang) for x in cap.segments if x.status != "ok"] + [m.message(lang) for m in cap.misallocations]
    notes += _sources(lang, (m for seg in cap.segments for m in seg.methods.values()))
    columns = _cols(lang, "segment", "accounts", "arr", "by_arr", "by_accounts", "by_hours", "modelled", "capacity_share", "value_share", "status")
    currency = next((seg.currency for seg in cap.segments if seg.currency), None)
    if currency:
        columns[2] = pick(lang, f"ARR ({currency})", f"ARR（{currency}）")
    out.append(Section("capacity", _title("capacity", lang), columns,
        rows, notes=notes, empty=pick(lang, "No segment declares accounts or ARR.", "没有客户分层声明客户数或 ARR。")))
    if cap.support:
        srows = []
        for c in cap.support:
            if c.channel_kind == "realtime":
                load_ = pick(lang, f"{num(c.traffic_erlangs or 0, 2)} Erlangs", f"{num(c.traffic_erlangs or 0, 2)} Erlang")
                answered, within = pct(c.service_level_target["answered"]), num(c.service_level_target["within_seconds"])
                target = pick(lang, f"{answered} / {within} s", f"{within} 秒内接通 {answered}")
            else:
                load_ = pick(lang, f"{num(c.workload_hours or 0)} h a day", f"每天 {num(c.workload_hours or 0)} 小时")
                hours = (c.service_level_target or {}).get("within_hours")
                target = pick(lang, f"first reply {num(hours)} h", f"首次回复 {num(hours)} 小时") if hours else "–"
            achieved = pct(c.service_level_achieved) if c.service_level_achieved is not None else "–"
            srows.append([c.channel, t(lang, KINDS[c.channel_kind]), load_, str(c.agents_required), num(c.agents_modelled), target, achieved, t(lang, STATUS[c.status])])
        seen: dict[str, None] = {}
        for c in cap.support:
            for en, zh in c.sources:
                seen.setdefault(pick(lang, en, zh), None)
        out.append(Section("capacity_support", t(lang, H["capacity_support"]),
            _cols(lang, "channel", "kind", "load", "required", "modelled", "target", "achieved", "status"), srows,
            notes=[c.message(lang) for c in cap.support] + list(seen)))
    if cap.roles:
        out.append(Section("capacity_roles", t(lang, H["capacity_roles"]), _cols(lang, "role", "segments", "units", "accounts", "required", "declared", "status"),
            [[r.role.title if r.role else "–", join(lang, r.segments), join_units(lang, r.units), num(r.accounts), num(r.required), num(r.declared), t(lang, STATUS[r.status])] for r in cap.roles],
            notes=[r.message(lang) for r in cap.roles if r.status != "ok"]))
    return out


def cost(report: Report, lang: str) -> list[Section]:
    from csdesign.analysis.amounts import money, pct

    c = report.cost
    if c is None:
        return []
    rows = []
    if c.total is not None:
        for level, value in c.by_level.items():
            rows.append([t(lang, LEVELS.get(level, (level, level))), money(value, c.currency), pct(value / c.total) if c.total else "–"])
    notes = [c.message(lang)]
    if c.share_of_arr is not None:
        notes.append(pick(lang, f"Benchmark: {c.source[0]}", f"基准：{c.source[1]}"))
    return [Section("cost", _title("cost", lang), _cols(lang, "level", "cost", "share"), rows, notes=notes, empty=pick(lang, "No costs declared.", "未声明成本。"))]


def placement(report: Report, lang: str) -> list[Section]:
    p = report.placement
    return [] if p is None else [Section("placement", _title("placement", lang), notes=[p.message(lang)])]
