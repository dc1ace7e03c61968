"""The words a chart adds around the user's text (levels, legends, page markers, titles) in
English and Chinese, and CJK-aware wrapping of box titles. Plain text: each format escapes it."""

from __future__ import annotations

import functools
import re
import unicodedata

from csdesign.knowledge.chrome import level_label
from csdesign.render.text import clean, display_width, segments
from csdesign.spacing import fill

AXES = {
    "en": {"product": "Product", "region": "Region", "segment": "Segment", "process": "Process", "channel": "Channel", "function": "Function", "unit": "Unit"},
    "zh": {"product": "产品", "region": "区域", "segment": "客户分层", "process": "流程", "channel": "渠道", "function": "职能", "unit": "单元"},
}
#: The executive CS reports to, when the file does not name it (company.cs_reports_to_title).
PLACEMENTS = {
    "en": {"ceo": "CEO", "coo": "COO", "sales": "Head of Sales", "marketing": "Head of Marketing", "service": "Head of Service", "operations": "Head of Operations"},
    "zh": {"ceo": "首席执行官", "coo": "首席运营官", "sales": "销售负责人", "marketing": "市场负责人", "service": "服务负责人", "operations": "运营负责人"},
}
WORDS = {
    "en": {
        "vacant": "vacant", "team": "team of {n}", "people": "{n} people", "continued_on": "continued on p. {n}",
        "continued_from": "continued from p. {n}", "legend": "Legend", "solid": "reporting line",
        "dotted": "dotted line to {lead}", "vacancy": "vacancy", "shared": "Department-wide", "shared_fn": "Shared",
        "page": "p. {n}/{total}", "changes": "changes", "assistant": "assistant",
        "added": "added", "moved": "moved", "changed": "changed", "removed": "removed", "more": "+{n} more",
        "sep": ", ", "colon": ": ", "summary": "other page",
        "see_page": "see p. {n}", "dotted_on": "dotted lines on p. {pages}",
    },
    "zh": {
        "vacant": "空缺", "team": "团队 {n} 人", "people": "{n} 人", "continued_on": "续见第 {n} 页",
        "continued_from": "接第 {n} 页", "legend": "图例", "solid": "汇报线",
        "dotted": "虚线汇报至{lead}", "vacancy": "空缺岗位", "shared": "部门共享", "shared_fn": "共享",
        "page": "第 {n}/{total} 页", "changes": "变更", "assistant": "助理",
        "added": "新增", "moved": "调动", "changed": "变更", "removed": "移除", "more": "另有 {n} 个",
        "sep": "、", "colon": "：", "summary": "见其他页",
        "see_page": "见第 {n} 页", "dotted_on": "虚线见第 {pages} 页",
    },
}


def lang_of(lang: str | None) -> str:
    return "zh" if lang == "zh" else "en"


def word(key: str, lang: str | None = "en", **fmt: object) -> str:
    """One piece of chart chrome with its fields filled in; in Chinese a name joins the words
    around it as findings do (虚线汇报至数据分析组组长, 虚线汇报至 Regional Success Lead)."""
    text = WORDS[lang_of(lang)][key]
    if not fmt:
        return text
    return fill(text, **fmt) if lang_of(lang) == "zh" else text.format(**fmt)


def level_name(level: str, lang: str | None = "en") -> str:
    """A level as a box shows it: ``Individual`` / ``专员`` (knowledge/chrome.py)."""
    return level_label(level, lang_of(lang))


def counted(text: str, n: object, lang: str | None = "en") -> str:
    """A legend entry with its count: ``reporting line (6)`` / ``汇报线（6）`` (Chinese takes
    full-width brackets with no space before them)."""
    return f"{text}（{n}）" if lang_of(lang) == "zh" else f"{text} ({n})"


def bracketed(text: str, lang: str | None = "en") -> str:
    """`` (APAC)`` / ``（APAC）``: a bracketed aside after a word, as :func:`counted` spaces it."""
    return f"（{text}）" if lang_of(lang) == "zh" else f" ({text})"


def axis_name(axis: str, lang: str | None = "en") -> str:
    return AXES[lang_of(lang)].get(axis, axis)


def unit_caption(info: dict, lang: str | None = "en") -> str:
    """``Region: North`` / ``区域：华北`` for a unit (its label when it has no axis)."""
    label = clean(str(info.get("label") or info.get("value") or info.get("id") or ""))
    axis = info.get("axis")
    if not axis or axis == "unit":
        return label
    value = clean(str(info.get("value") or label))
    return f"{axis_name(axis, lang)}{word('colon', lang)}{value}"


def shared_caption(function: object, lang: str | None = "en") -> str:
    """``Shared: hotline service`` / ``共享：热线服务`` for a group of shared roles of one
    function, worded like a unit's caption; ``Department-wide`` / ``部门共享`` without one."""
    fn = clean(str(function or ""))
    return f"{word('shared_fn', lang)}{word('colon', lang)}{fn}" if fn else word("shared", lang)


def structure_words(structure: str, lang: str | None = "en") -> str:
    from csdesign.knowledge.guide import structure_ids, structure_name

    if lang_of(lang) == "zh":
        if structure == "explicit":
            return "现状组织"
        return structure_name(structure, "zh") + "结构" if structure in structure_ids() else structure
    return "as-is org" if structure == "explicit" else f"{structure} structure"


def chart_title(g: object, lang: str | None = "en", suffix: str = "") -> str:
    graph = getattr(g, "graph", {})
    sep = " · "
    title = clean(str(graph.get("company", ""))) + sep + structure_words(str(graph.get("structure", "")), lang)
    return title + (sep + suffix if suffix else "")


def executive_title(g: object, lang: str | None = "en") -> str:
    graph = getattr(g, "graph", {})
    if graph.get("cs_reports_to_title"):
        return clean(str(graph["cs_reports_to_title"]))
    placement = str(graph.get("cs_reports_to") or "")
    return PLACEMENTS[lang_of(lang)].get(placement, placement.upper())


# --- wrapping -----------------------------------------------------------------------------

#: Never start a line with these (closing punctuation, CJK and Latin).
NO_START = set("，。、；：？！）】」』》〉’”%‰,.;:?!)]}…·ー～")
#: Never end a line with these (opening punctuation).
NO_END = set("（【「『《〈‘“([{")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _break_points(text: str) -> list[int]:
    """Indexes where a line may break: at spaces (Latin) and between wide (CJK) characters,
    never before closing or after opening punctuation."""
    points = []
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if b in NO_START or a in NO_END:
            continue
        if a == " " or b == " ":
            points.append(i)
        elif _wide(a) or _wide(b):
            if (_wide(a) or a in NO_START) and (_wide(b) or b in NO_END):
                points.append(i)
            elif _wide(a) != _wide(b):
                points.append(i)
    return points


def _word_points(text: str, allowed: list[int]) -> list[int]:
    """The allowed break points that are also word boundaries (render.text.segments: before a
    role suffix word such as 经理, after separators, between CJK and Latin, at spaces), or
    around brackets and punctuation."""
    cuts, at = set(), 0
    for seg in segments(text):
        at += len(seg)
        cuts.add(at)
    return [i for i in allowed if i in cuts or " " in text[i - 1:i + 1] or text[i] in NO_END or text[i - 1] in NO_START]


def wrap(text: str, width: int = 18) -> list[str]:
    """Lines of at most ``width`` display cells (CJK = 2) where possible, broken only at the
    points :func:`_break_points` allows, word boundaries first (数据分析平台团队 / 经理, never
    经 / 理); a CJK run with no word boundary that fits breaks between characters; a Latin
    word longer than ``width`` stays whole."""
    return list(_wrapped(str(text), width))


@functools.lru_cache(maxsize=4096)
def _wrapped(text: str, width: int) -> tuple[str, ...]:
    """:func:`wrap`'s lines, once per title: a chart's boxes repeat a few titles (972 boxes of
    the 1,000-instance benchmark org: 27 distinct), and each wrap measured and segmented it."""
    return tuple(_wrap(text, width))


def _wrap(text: str, width: int) -> list[str]:
    text = clean(text)
    if display_width(text) <= width:
        return [text] if text else []
    lines = []
    while text and display_width(text) > width:
        best = None
        depth, inside = 0, set()
        for i, ch in enumerate(text):
            if ch in NO_END:
                depth += 1
            elif ch in NO_START and depth:
                depth -= 1
            if depth:
                inside.add(i + 1)
        allowed = _break_points(text)
        for pool in (_word_points(text, allowed), allowed):
            fitting = [i for i in pool if display_width(text[:i].rstrip()) <= width]
            outside = [i for i in fitting if i not in inside and display_width(text[:i]) * 2 >= width]
            if outside:
                best = outside[-1]
                break
            if fitting and best is None:
                best = fitting[-1]
        if best is None:
            points = _break_points(text)
            if not points:
                break
            best = points[0]
        lines.append(text[:best].rstrip())
        text = text[best:].lstrip()
    if text:
        lines.append(text)
    return lines


def title_names_level(title: str, level: str) -> bool:
    """Whether a box's title already says its level word, so the box need not repeat it:
    a Chinese title ending with it (客户成功部总监 / 总监), an English one holding it as a word
    (Director, Key Accounts / director; CS Manager / manager)."""
    t, lv = title.casefold(), level.casefold()
    if not lv.isascii():
        return t.endswith(lv)
    return re.search(rf"(?<![a-z]){re.escape(lv)}(?![a-z])", t) is not None
