"""Report formats (`csdesign report --format` / `-o FILE`), one :class:`Format` each.

Writer signature: ``writer(report: Report, lang: str) -> str``; ``terminal`` (the table) is
``(report, lang) -> rich renderable``, used when the report goes to a terminal.
"""

from __future__ import annotations

from csdesign.formats import Format, FormatRegistry

REPORT_FORMATS = FormatRegistry("report", [
    Format("table", "csdesign.render.report.table:report_text", "default in a terminal", (".txt",), terminal="csdesign.render.report.table:report_renderable"),
    Format("markdown", "csdesign.render.report.markdown:report_markdown", "default otherwise", (".md", ".markdown")),
    Format("json", "csdesign.render.report.json_format:report_json_chunks", "stable keys, docs/report.schema.json", (".json",)),
    Format("csv", "csdesign.render.report.csv_format:report_csv", "the RACI matrix", (".csv",), requires=("raci",)),
    Format("xlsx", "csdesign.render.report.xlsx_format:report_xlsx", "Excel workbook: roster, duties, RACI, findings, spans, capacity", (".xlsx",), traits=frozenset({"binary"})),
    Format("html", "csdesign.render.report.html_format:report_html", "one self-contained page: chart, findings linked to its boxes, RACI; prints cleanly", (".html", ".htm"), traits=frozenset({"client"})),
    Format("pdf", "csdesign.render.report.pdf_format:report_pdf", "the HTML report printed by headless Chromium", (".pdf",), traits=frozenset({"binary", "client"})),
], what="report")
