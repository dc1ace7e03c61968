"""The one-line summary on top of every report format ("1 overlap, 3 gaps, ...").

The overlap and gap counts always show (docs/report.md): zeros included, and "not checked"
when ``--only`` left that analysis out, so a reader never takes a missing count for zero.
Other analyses show their count when it is not zero, or when ``--only`` named them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csdesign.analysis.base import join, pick

if TYPE_CHECKING:
    from csdesign.analysis import Report

#: count key -> (English singular, English plural, Chinese noun with its measure word)
NOUNS = {
    "overlap": ("overlap", "overlaps", "处职责重叠"),
    "gaps": ("gap", "gaps", "处职责空缺"),
    "duplicates": ("near-duplicate duty name", "near-duplicate duty names", "组疑似重复的职责名称"),
    "raci": ("RACI issue", "RACI issues", "个RACI问题"),
    "kpis": ("shared KPI", "shared KPIs", "个多人负责的指标"),
    "spans": ("span or layer issue", "span or layer issues", "个管理幅度或层级问题"),
    "capacity": ("staffing mismatch", "staffing mismatches", "处人员配置不匹配"),
    "placement": ("placement risk", "placement risks", "个汇报关系风险"),
}
ALWAYS = ("overlap", "gaps")
NOT_CHECKED = {
    ("overlap",): ("overlaps not checked", "未检查职责重叠"),
    ("gaps",): ("gaps not checked", "未检查职责空缺"),
    ("overlap", "gaps"): ("overlaps and gaps not checked", "未检查职责重叠和空缺"),
}


def summary_line(report: "Report", lang: str = "en") -> str:
    """E.g. "1 overlap, 0 gaps, 1 RACI issue"; "overlaps not checked, 0 gaps, 0 staffing
    mismatches" for ``--only gaps,capacity``."""
    from csdesign.analysis import ANALYSES

    counts = report.counts()
    chosen = set(report.ran) != set(ANALYSES)  # --only: show the picked analyses' zeros too
    parts = []
    missing = tuple(k for k in ALWAYS if k not in report.ran)
    for key, n in counts.items():
        if key in missing:
            if key == missing[0]:  # in its place; both missing are said once
                parts.append(pick(lang, *NOT_CHECKED[missing]))
            continue
        if key not in report.ran or (n == 0 and key not in ALWAYS and not chosen):
            continue
        en_one, en_many, zh = NOUNS[key]
        parts.append(pick(lang, f"{n} {en_one if n == 1 else en_many}", f"{n} {zh}"))
    return join(lang, parts) if lang != "zh" else "，".join(parts)
