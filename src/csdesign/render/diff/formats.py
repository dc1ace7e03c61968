"""Diff formats (`csdesign diff --format`), one :class:`Format` each.

Writer signature: ``writer(diff: OrgDiff, lang: str) -> str``; ``terminal`` (the table) is
``(diff, lang) -> rich renderable``, used when the diff goes to stdout.
"""

from __future__ import annotations

from csdesign.formats import Format, FormatRegistry

DIFF_FORMATS = FormatRegistry("diff", [
    Format("table", "csdesign.render.diff.table:table_text", "terminal", terminal="csdesign.render.diff.table:to_table"),
    Format("markdown", "csdesign.render.diff.markdown:to_markdown", "PR comment"),
    Format("json", "csdesign.render.diff.json_format:to_json", "docs/diff.md"),
], what="diff")
