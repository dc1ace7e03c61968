"""Job-description formats (`csdesign jd --format`), one :class:`Format` each.

Writer signature: ``writer(jd: analysis.jd.JobDescription, lang: str) -> str | bytes``; each
role is written to ``<dir>/<role id>.<suffix>``.
"""

from __future__ import annotations

from csdesign.formats import Format, FormatRegistry

JD_FORMATS = FormatRegistry("jd", [
    Format("md", "csdesign.render.jd.markdown:jd_markdown", "Markdown, for a wiki or a PR", (".md",)),
    Format("docx", "csdesign.render.jd.docx_format:jd_docx", "Word document (python-docx)", (".docx",)),
], what="job description")
