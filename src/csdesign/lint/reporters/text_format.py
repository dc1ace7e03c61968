"""Plain text, one finding per line (``file:line:col: CODE [severity] message (name)``) and a summary.

No rich here: linters' text output goes to CI logs and problem matchers; it is kept plain and
each user string is flattened to one line; control characters in file names are escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csdesign.errors import printable
from csdesign.render.text import clean

if TYPE_CHECKING:  # pragma: no cover
    from csdesign.lint.context import Finding
    from csdesign.lint.runner import LintResult


def location(f: "Finding") -> str:
    parts = [printable(f.file)]  # a file name with a newline must not start a line of its own
    if f.line is not None:
        parts.append(str(f.line))
        if f.column is not None:
            parts.append(str(f.column))
    return ":".join(parts)


def line(f: "Finding") -> str:
    text = f"{location(f)}: {f.code} [{f.severity}] {clean(f.message)} ({f.name})"
    if f.hint:
        text += f"\n    hint: {clean(f.hint)}"
    return text


def summary(result: "LintResult") -> str:
    files = len(result.files)
    noun = "file" if files == 1 else "files"
    if not files:
        return "No org files found."
    total = len(result.findings)
    if not total:
        return f"No findings in {files} {noun}."
    counts = ", ".join(
        f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev in ("error", "warning", "info") if (n := result.count(sev))
    )
    return f"{total} finding{'s' if total != 1 else ''} ({counts}) in {files} {noun}."


def render(result: "LintResult") -> str:
    out = [line(f) for f in result.findings]
    out.append(summary(result))
    return "\n".join(out) + "\n"
