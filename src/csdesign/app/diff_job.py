"""`csdesign diff`: build both orgs, diff them, write the diff in one format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from csdesign.render.diff.formats import DIFF_FORMATS


def diff(
    before: str | Path,
    after: str | Path,
    *,
    fmt: str = "table",
    output: Path | None = None,
    before_structure: str | None = None,
    after_structure: str | None = None,
    lang: str = "en",
) -> tuple[Any, bool]:
    """The diff document (text, or for the table on stdout a rich renderable) and whether the orgs differ."""
    from csdesign.analysis.diff import diff as run_diff
    from csdesign.knowledge.guide import check_lang
    from csdesign.structures import build_file

    check_lang(lang)
    kind = DIFF_FORMATS.get(fmt)
    result = run_diff(build_file(str(before), before_structure), build_file(str(after), after_structure))
    writer = kind.load_terminal() if output is None else kind.load()
    return writer(result, lang), result.changed
