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


#: Severity tags and the summary's words in Chinese (``lint --lang zh``).
ZH_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


def line(f: "Finding", lang: str = "en") -> str:
    zh = lang == "zh"
    sev = ZH_SEVERITY.get(f.severity, f.severity) if zh else f.severity
    text = f"{location(f)}: {f.code} [{sev}] {clean(f.message)} ({f.name})"
    if f.hint:
        text += f"\n    {'建议：' if zh else 'hint: '}{clean(f.hint)}"
    return text


def summary(result: "LintResult") -> str:
    files = len(result.files)
    zh = getattr(result, "lang", "en") == "zh"
    if not files:
        return "未找到组织文件。" if zh else "No org files found."
    total = len(result.findings)
    if zh:
        if not total:
            return f"{files} 个文件中未发现问题。"
        counts = "，".join(f"{ZH_SEVERITY[sev]} {n} 个" for sev in ("error", "warning", "info") if (n := result.count(sev)))
        return f"{files} 个文件中共发现 {total} 个问题（{counts}）。"
    noun = "file" if files == 1 else "files"
    if not total:
        return f"No findings in {files} {noun}."
    counts = ", ".join(
        f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev in ("error", "warning", "info") if (n := result.count(sev))
    )
    return f"{total} finding{'s' if total != 1 else ''} ({counts}) in {files} {noun}."


def render(result: "LintResult", *, with_summary: bool = True) -> str:
    out = [line(f, getattr(result, "lang", "en")) for f in result.findings]
    if with_summary:
        out.append(summary(result))
    return "".join(x + "\n" for x in out)
