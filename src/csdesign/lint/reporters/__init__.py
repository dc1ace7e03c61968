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


def render(result: LintResult, fmt: str) -> str:
    """The whole output of one lint run in ``fmt`` (text | json | github | sarif), ending in a newline."""
    text: str = LINT_FORMATS.get(fmt).load()(result)
    return text
