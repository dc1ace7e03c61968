"""GitHub Actions workflow commands: ``::error title=…,file=…,line=…,col=…::message``.

Escaping follows the Actions runner (``toolkit/packages/core/src/command.ts``): in the message
``%``, CR and LF are percent-encoded; in property values ``:`` and ``,`` are too. Other control
characters cannot be encoded there: they are shown as escapes (``\x1b``, ``\u202e``), so no
user string can start a command of its own or reach the log viewer raw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csdesign.errors import printable

if TYPE_CHECKING:  # pragma: no cover
    from csdesign.lint.context import Finding
    from csdesign.lint.runner import LintResult

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f: "Finding") -> str:
    props = [("title", f"csdesign ({f.code})"), ("file", f.file)]
    if f.line is not None:
        props.append(("line", str(f.line)))
        if f.column is not None:
            props.append(("col", str(f.column)))
    message = f"{f.message} ({f.name})"
    if f.hint:
        message += f"\nhint: {f.hint}"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{LEVEL[f.severity]} {head}::{escape_data(message)}"


def render(result: "LintResult") -> str:
    """Workflow commands only (the runner reads stdout as commands); `csdesign lint` prints
    the summary line on stderr."""
    return "".join(command(f) + "\n" for f in result.findings)
