"""The report as JSON with the stable keys of docs/report.schema.json."""

from __future__ import annotations

import json
from typing import Iterator

from csdesign.analysis import Report
from csdesign.fileio import TextChunks


def report_json_chunks(report: Report, lang: str = "en") -> TextChunks:
    """Indented, key order fixed by Report.to_dict, non-ASCII kept (CJK readable), newline-terminated.

    The same text as ``json.dumps(..., ensure_ascii=False, indent=2)``, made piece by piece and
    written as it is made (:class:`csdesign.fileio.TextChunks`): an indented dump joins a list
    of every piece at the end, and the text and its bytes together were 67 MiB of the peak for
    a 100,000-box org."""

    def pieces() -> Iterator[str]:
        yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(report.to_dict(lang))
        yield "\n"

    return TextChunks(pieces)


def report_json(report: Report, lang: str = "en") -> str:
    """The JSON report as one string (for callers that parse or embed it)."""
    return str(report_json_chunks(report, lang))
