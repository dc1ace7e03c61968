"""The one-line summary on top of every report format ("1 overlap, 3 gaps, ..."), worded by
each analysis's ``noun`` in the registry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from csdesign.analysis.base import join, pick

if TYPE_CHECKING:
    from csdesign.analysis import Report


def summary_line(report: "Report", lang: str = "en") -> str:
    """Counts of the analyses that ran, zeros included for overlap and gaps, e.g.
    "1 overlap, 3 gaps, 1 RACI issue" or "no findings"."""
    from csdesign.analysis.registry import ANALYSES

    counts = report.counts()
    parts = []
    for key, n in counts.items():
        entry = ANALYSES[key]
        if key not in report.ran or entry.noun is None:
            continue
        if n == 0 and not entry.always_summarised:
            continue
        en_one, en_many, zh = entry.noun
        parts.append(pick(lang, f"{n} {en_one if n == 1 else en_many}", f"{n} {zh}"))
    if not parts or not any(counts[k] for k in counts if k in report.ran):
        return pick(lang, "no findings", "未发现问题")
    return join(lang, parts) if lang != "zh" else "，".join(parts)
