"""Compare and recommend formats (`csdesign compare|recommend --format`), one :class:`Format` each.

Compare writers: ``writer(comparison: Comparison) -> str``; recommend writers:
``writer(recommendation: Recommendation, explain: bool) -> str``. The ``table`` writers return
a rich renderable, printed by the CLI.
"""

from __future__ import annotations

from csdesign.formats import Format, FormatRegistry

_TEXT = "csdesign.render.compare.text"

COMPARE_FORMATS = FormatRegistry("compare", [
    Format("table", f"{_TEXT}:compare_table", "terminal"),
    Format("markdown", f"{_TEXT}:compare_markdown", ""),
    Format("json", f"{_TEXT}:compare_json", ""),
])

RECOMMEND_FORMATS = FormatRegistry("recommend", [
    Format("table", f"{_TEXT}:recommend_rich", "terminal"),
    Format("markdown", f"{_TEXT}:recommend_markdown", ""),
    Format("json", f"{_TEXT}:recommend_json", ""),
])
