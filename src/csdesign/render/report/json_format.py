"""The report as JSON with the stable keys of docs/report.schema.json."""

from __future__ import annotations

import json

from csdesign.analysis import Report


def report_json(report: Report, lang: str = "en") -> str:
    """Indented, key order fixed by Report.to_dict, non-ASCII kept (CJK readable), newline-terminated."""
    return json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2) + "\n"
