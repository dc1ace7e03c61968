"""The words of a job description, English and Chinese, shared by the Markdown and DOCX writers."""

from __future__ import annotations

from csdesign.analysis.amounts import money, num
from csdesign.analysis.base import join, pick
from csdesign.analysis.jd import JobDescription
from csdesign.knowledge.guide import structure_label

L = {
    "level": ("Level", "级别"),
    "function": ("Function", "职能"),
    "reports_to": ("Reports to", "汇报对象"),
    "dotted": ("Dotted lines", "虚线汇报"),
    "coordinates": ("Coordinates (dotted)", "虚线协调"),
    "scope": ("Scope", "负责范围"),
    "units": ("Units", "所在单元"),
    "headcount": ("Headcount", "编制人数"),
    "cost": ("Fully loaded cost", "全成本"),
    "duties": ("Duties", "职责"),
    "duty": ("Duty", "职责"),
    "raci": ("RACI", "RACI"),
    "kpis": ("KPIs", "考核指标"),
    "kpi": ("KPI", "指标"),
    "target": ("Target", "目标值"),
    "baseline": ("Baseline", "基线"),
    "by": ("By", "截止日期"),
    "skills": ("Skills", "技能要求"),
    "none": ("—", "—"),
}

RACI_WORDS = {"A": ("Accountable", "负责（A）"), "R": ("Responsible", "执行（R）"), "C": ("Consulted", "咨询（C）"), "I": ("Informed", "知会（I）")}


def w(lang: str, key: str) -> str:
    en, zh = L[key]
    return pick(lang, en, zh)


def subtitle(jd: JobDescription, lang: str) -> str:
    """Company and structure; the file is named after the role id, the page shows no ids (client text)."""
    structure = structure_label(jd.structure, lang)
    return pick(lang, f"{jd.company} · {structure} structure", f"{jd.company} · {structure}")


def headcount(jd: JobDescription, lang: str) -> str:
    if jd.boxes == 1:
        return str(jd.headcount)
    return pick(lang, f"{jd.headcount} ({jd.boxes} boxes)", f"{jd.headcount}（{jd.boxes} 个岗位框）")


def cost(jd: JobDescription, lang: str) -> str:
    if jd.per_person_cost is None:
        return w(lang, "none")
    per, total = money(jd.per_person_cost, jd.currency), money(jd.total_cost or 0, jd.currency)
    return pick(lang, f"{per} per person; {total} a year", f"每人 {per}；全年 {total}")


def facts(jd: JobDescription, lang: str) -> list[tuple[str, str]]:
    """The key-value block at the top of a JD, in order."""
    none = w(lang, "none")
    rows = [
        (w(lang, "level"), jd.level_name(lang)),
        (w(lang, "function"), jd.function or none),
        (w(lang, "reports_to"), join(lang, jd.reports_to) or none),
        (w(lang, "dotted"), join(lang, jd.dotted_lines) or none),
    ]
    if jd.leads_dotted:
        rows.append((w(lang, "coordinates"), join(lang, jd.leads_dotted)))
    from csdesign.analysis.base import join_units

    rows += [
        (w(lang, "scope"), jd.scope_text(lang)),
        (w(lang, "units"), join_units(lang, jd.units) or none),
        (w(lang, "headcount"), headcount(jd, lang)),
        (w(lang, "cost"), cost(jd, lang)),
    ]
    return rows


def raci_text(letters: tuple[str, ...], lang: str) -> str:
    return " / ".join(pick(lang, f"{x} ({RACI_WORDS[x][0]})", RACI_WORDS[x][1]) for x in letters) if letters else w(lang, "none")


def duty_name(name: str, listed: bool, lang: str) -> str:
    return name if listed else pick(lang, f"{name} (RACI activity)", f"{name}（RACI 事项）")


__all__ = ["L", "cost", "duty_name", "facts", "headcount", "num", "raci_text", "subtitle", "w"]
