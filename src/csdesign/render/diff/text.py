"""The words of a reorganisation diff in English and Chinese, shared by the table, Markdown and
chart outputs (plain text; each output escapes it for its target)."""

from __future__ import annotations

from csdesign.analysis.base import RoleRef
from csdesign.analysis.diff import BoxChange, Metric, OrgDiff, TitleRef, Transfer

STATUS_MARK = {"added": "+", "removed": "−", "moved": "→", "changed": "~"}

WORDS = {
    "en": {
        "title": "Reorganisation", "figures": "Key figures", "boxes": "Boxes", "headcount": "Headcount by role", "total": "total",
        "duties": "Duties", "findings": "Overlaps and gaps", "bands": "Span bands (managers per band)",
        "before": "before", "after": "after", "change": "change", "box": "box", "what": "what changed",
        "role": "role", "duty": "duty", "owners": "owners", "band": "band", "changed": "changed", "differs": "changed",
        "resolved": "Resolved", "introduced": "Introduced", "overlap": "overlap", "gap": "gap", "vacant": "vacant",
        "added": "added", "removed": "removed", "moved": "moved", "unchanged": "unchanged",
        "shared": "shared", "narrowed": "narrowed", "new": "new", "dropped": "dropped",
        "sep": ", ", "field_sep": "; ", "colon": ": ",
    },
    "zh": {
        "title": "组织调整", "figures": "关键指标", "boxes": "岗位", "headcount": "各角色人数", "total": "合计",
        "duties": "职责", "findings": "职责重叠与缺口", "bands": "管理幅度分布（各区间的管理者人数）",
        "before": "调整前", "after": "调整后", "change": "变化", "box": "岗位", "what": "变化内容",
        "role": "角色", "duty": "职责", "owners": "负责人", "band": "区间", "changed": "变更", "differs": "有变化",
        "resolved": "已解决", "introduced": "新出现", "overlap": "重叠", "gap": "缺口", "vacant": "空缺",
        "added": "新增", "removed": "移除", "moved": "调动", "unchanged": "未变",
        "shared": "共担", "narrowed": "收窄", "new": "新增", "dropped": "取消",
        "sep": "、", "field_sep": "；", "colon": "：",
    },
}
FIELD_ZH = {"manager": "上级", "unit": "单元", "title": "职位", "role": "角色", "level": "层级", "headcount": "人数", "name": "姓名", "vacant": "空缺"}
VALUE_ZH = {"director": "总监", "manager": "经理", "supervisor": "主管", "individual": "专员", "yes": "是", "no": "否"}
MOVE_ZH = {"moved": "转移"}


def word(key: str, lang: str = "en") -> str:
    return WORDS["zh" if lang == "zh" else "en"][key]


def status(s: str, lang: str = "en") -> str:
    return f"{STATUS_MARK[s]} {word(s, lang)}"


def kind(k: str, lang: str = "en") -> str:
    return MOVE_ZH.get(k, word(k, lang)) if lang == "zh" else k


def headline(d: OrgDiff, lang: str = "en") -> str:
    parts = [f"{d.count(s)} {word(s, lang)}" if lang != "zh" else f"{word(s, lang)} {d.count(s)}" for s in ("added", "removed", "moved", "changed")]
    parts.append(f"{d.unchanged} {word('unchanged', lang)}" if lang != "zh" else f"{word('unchanged', lang)} {d.unchanged}")
    return ("，" if lang == "zh" else ", ").join(parts)


def side(info: dict, lang: str = "en") -> str:
    from csdesign.knowledge.guide import structure_label

    label = structure_label(str(info.get("structure")), lang)
    return f"{info.get('company')}（{label}）" if lang == "zh" else f"{info.get('company')} ({label})"


def box(b: BoxChange, lang: str = "en") -> str:
    who = f"{b.name} · {b.title}" if b.name else b.title
    ident = b.node if b.before_node in (None, b.node) else f"{b.before_node} → {b.node}"
    if lang == "zh":
        return f"{who}（{ident}{'，' + word('vacant', lang) if b.vacant else ''}）"
    return f"{who} ({ident}{', ' + word('vacant', lang) if b.vacant else ''})"


def details(b: BoxChange, lang: str = "en") -> str:
    if lang != "zh":
        return "; ".join(f"{field}: {before} → {after}" for field, before, after in b.changes)
    return "；".join(
        f"{FIELD_ZH.get(field, field)}：{_value_zh(field, before)} → {_value_zh(field, after)}" for field, before, after in b.changes
    )


def _value_zh(field: str, value: str) -> str:
    return VALUE_ZH.get(value, value) if field in ("level", "vacant") else value


def ref(r: RoleRef | TitleRef, lang: str = "en") -> str:
    """A role as the diff names it: its title with its id, which is what the YAML under review
    says ("续约经理（renewal）"; full-width brackets in Chinese)."""
    if lang == "zh" and r.role_id is not None:
        return f"{r.title}（{r.role_id}）"
    return r.label()


def owners(refs, lang: str = "en") -> str:
    return word("sep", lang).join(ref(r, lang) for r in refs)


def transfer(t: Transfer, lang: str = "en") -> str:
    gave, took, kept = owners(t.gave_up, lang), owners(t.took_on, lang), owners(t.kept, lang)
    if lang == "zh":
        return {
            "moved": f"从 {gave} 转给 {took}" + (f"（{kept} 仍共同负责）" if t.kept else ""),
            "shared": f"新增负责人 {took}（{kept} 仍负责）",
            "narrowed": f"{gave} 不再负责；由 {kept} 负责",
            "new": f"新职责，由 {took} 负责",
            "dropped": f"{gave} 不再负责；现在无人负责",
        }[t.kind]
    return {
        "moved": f"from {gave} to {took}" + (f" (still also {kept})" if t.kept else ""),
        "shared": f"now also {took} (kept by {kept})",
        "narrowed": f"{gave} gave it up; kept by {kept}",
        "new": f"new, owned by {took}",
        "dropped": f"dropped by {gave}; nobody owns it now",
    }[t.kind]


def headcount_rows(d: OrgDiff, lang: str = "en") -> list[tuple[str, str, str, str]]:
    """(role, before, after, change) for every role whose headcount changed, then the total:
    the rows' changes add up to it (roles not listed did not change)."""
    rows = [(ref(r, lang), str(b), str(a), f"{a - b:+d}") for r, b, a in d.role_headcount]
    before, after = d.headcount
    return rows + [(word("total", lang), str(before), str(after), f"{after - before:+d}")]


def finding(label: str, f, lang: str = "en") -> str:
    """"Resolved overlap: <message>" in the right language."""
    return f"{word(label, lang)}{'' if lang == 'zh' else ' '}{word(f.kind, lang)}{word('colon', lang)}{f.message(lang)}"


def value(v) -> str:
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 1_000_000:
        return f"{v:,}"  # money: 45,490,000
    return "—" if v is None else str(v)


def values(m: Metric, lang: str = "en") -> tuple[str, str]:
    """A key figure's before and after as shown: a structure by its name in the language
    ("矩阵型", "现状组织"), anything else by :func:`value`."""
    if m.name == "structure":
        from csdesign.knowledge.guide import structure_label

        return tuple(value(v) if v is None else structure_label(str(v), lang) for v in (m.before, m.after))  # type: ignore[return-value]
    return value(m.before), value(m.after)


def change(m: Metric, lang: str = "en") -> str:
    if not m.changed:
        return ""
    if isinstance(m.before, (int, float)) and isinstance(m.after, (int, float)) and not isinstance(m.before, bool):
        delta = m.delta if m.delta is not None else round(m.after - m.before, 2)
        if abs(delta) >= 1_000_000 and float(delta).is_integer():
            return f"{int(delta):+,}"  # not +2.28e+06
        return f"{delta:+g}"
    return word("differs", lang)
