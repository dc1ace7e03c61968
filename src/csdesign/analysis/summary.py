"""The one-line summary on top of every report format ("1 overlap, 3 gaps, ...")."""

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
    "cost": ("cost off benchmark", "costs off benchmark", "项成本偏离基准"),
    "placement": ("placement risk", "placement risks", "个汇报关系风险"),
}


def summary_line(report: "Report", lang: str = "en") -> str:
    """Counts of the analyses that ran, zeros included for overlap and gaps, e.g.
    "1 overlap, 3 gaps, 1 RACI issue" or "no findings"."""
    counts = report.counts()
    parts = []
    for key, n in counts.items():
        if key not in report.ran:
            continue
        if n == 0 and key not in ("overlap", "gaps"):
            continue
        en_one, en_many, zh = NOUNS[key]
        parts.append(pick(lang, f"{n} {en_one if n == 1 else en_many}", f"{n} {zh}"))
    if not parts or not any(counts[k] for k in counts if k in report.ran):
        return pick(lang, "no findings", "未发现问题")
    return join(lang, parts) if lang != "zh" else "，".join(parts)
