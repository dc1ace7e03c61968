"""Lint output formats, one module each; :func:`render` picks one without importing the others.

Writer signature: ``writer(result: LintResult) -> str`` (the whole output, ending in a newline).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csdesign.formats import Format, FormatRegistry

if TYPE_CHECKING:  # pragma: no cover
    from csdesign.lint.runner import LintResult

_R = "csdesign.lint.reporters"

LINT_FORMATS = FormatRegistry("lint", [
    Format("text", f"{_R}.text_format:render", "default"),
    Format("json", f"{_R}.json_format:render", "machine-readable"),
    Format("github", f"{_R}.github_format:render", "GitHub Actions annotations; default when GITHUB_ACTIONS=true"),
    Format("sarif", f"{_R}.sarif_format:render", "SARIF 2.1.0 for code scanning"),
], what="lint report")


def render(result: LintResult, fmt: str, *, quiet: bool = False) -> str:
    """The whole output of one lint run in ``fmt`` (text | json | github | sarif), ending in a
    newline unless empty. ``quiet``: text without its summary line (the other formats have none)."""
    if quiet and fmt == "text":
        from csdesign.lint.reporters.text_format import render as text

        return text(result, with_summary=False)
    out: str = LINT_FORMATS.get(fmt).load()(result)
    return out


def status_line(result: LintResult, fmt: str) -> str | None:
    """The summary a format leaves out of its output, for stderr (github: stdout is commands only)."""
    if fmt != "github":
        return None
    from csdesign.lint.reporters.text_format import summary

    return summary(result)
