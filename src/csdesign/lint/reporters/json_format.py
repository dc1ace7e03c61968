"""JSON: an array with one object per finding (code, name, severity, message, file, line, column, path, hint)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from csdesign.lint.runner import LintResult


def render(result: "LintResult") -> str:
    return json.dumps([f.as_dict() for f in result.findings], ensure_ascii=False, indent=2) + "\n"
