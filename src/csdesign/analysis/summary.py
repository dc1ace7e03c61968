"""The one-line summary on top of every report format ("1 overlap, 3 gaps, ..."), worded by
each analysis's ``noun`` in the registry.

The counts of the ``always_summarised`` analyses (overlap, gaps) always show (docs/report.md):
zeros included, and "not checked" in their place when ``--only`` left them out, so a reader
never takes a missing count for zero. Other analyses show their count when it is not zero, or
when ``--only`` named them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csdesign.analysis.base import join, pick

if TYPE_CHECKING:
    from csdesign.analysis import Report


def summary_line(report: "Report", lang: str = "en") -> str:
    """E.g. "1 overlap, 0 gaps, 1 RACI issue"; "overlaps not checked, 0 gaps, 0 staffing
    mismatches" for ``--only gaps,capacity``."""
    from csdesign.analysis.registry import ANALYSES

    counts = report.counts()
    chosen = set(ANALYSES.names()) != set(report.ran)  # --only: the picked analyses' zeros show too
    missing = [k for k in counts if k not in report.ran and ANALYSES[k].always_summarised and ANALYSES[k].noun]
    parts = []
    for key, n in counts.items():
        entry = ANALYSES[key]
        if entry.noun is None:
            continue
        if key in missing:
            if key == missing[0]:  # in its place; several missing are said once
                parts.append(_not_checked([ANALYSES[k].noun for k in missing], lang))
            continue
        if key not in report.ran or (n == 0 and not entry.always_summarised and not chosen):
            continue
        en_one, en_many, zh = entry.noun
        parts.append(pick(lang, f"{n} {en_one if n == 1 else en_many}", f"{n} {zh}"))
    return join(lang, parts) if lang != "zh" else "，".join(parts)


def _not_checked(nouns: list, lang: str) -> str:
    """"overlaps and gaps not checked" / "未检查职责重叠和职责空缺" (the Chinese noun without its measure word)."""
    en = " and ".join(noun[1] for noun in nouns)
    zh = "和".join(noun[2][1:] for noun in nouns)
    return pick(lang, f"{en} not checked", f"未检查{zh}")
