"""SARIF 2.1.0 for GitHub code scanning (``github/codeql-action/upload-sarif``).

Deterministic: no timestamps; every rule is listed in ``tool.driver.rules`` and each result
carries a ``partialFingerprints`` entry that survives line moves. Files are URIs relative to the
repository root (the nearest directory above the working directory with a ``.git``, else the
working directory) with ``uriBaseId: "%SRCROOT%"``, so code scanning places alerts whichever
subfolder lint ran from; the root itself is given once in ``originalUriBaseIds``. A file outside
the root is an absolute ``file://`` URI.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:  # pragma: no cover
    from csdesign.lint.context import Finding
    from csdesign.lint.runner import LintResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
ROOT_ID = "%SRCROOT%"
#: The tool's home (SARIF ``informationUri``); pyproject.toml's Homepage is the same URL.
INFORMATION_URI = "https://pypi.org/project/csdesign/"


def repo_root(cwd: Path) -> Path:
    """The nearest directory at or above ``cwd`` holding ``.git`` (a directory or a worktree's file)."""
    cwd = cwd.resolve()
    for folder in (cwd, *cwd.parents):
        if (folder / ".git").exists():
            return folder
    return cwd


def artifact_location(file: str, cwd: Path, root: Path) -> dict:
    """``file`` (as shown in findings, relative to ``cwd`` or absolute) as a SARIF artifactLocation."""
    path = Path(file) if Path(file).is_absolute() else cwd / file
    path = Path(*_normalise(path.parts))
    try:
        rel = path.relative_to(root)
    except ValueError:
        return {"uri": path.as_uri()}
    return {"uri": quote(rel.as_posix(), safe="/"), "uriBaseId": ROOT_ID}


def _normalise(parts: tuple[str, ...]) -> list[str]:
    """Drop ``.`` and fold ``..`` without touching the file system (symlinks stay as written)."""
    out: list[str] = []
    for part in parts:
        if part == "..":
            if len(out) > 1:
                out.pop()
        elif part != ".":
            out.append(part)
    return out


def _rule(r, index: int) -> dict:
    from csdesign.lint.reporters.rule_docs import rule_markdown
    from csdesign.lint.registry import FAMILIES

    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.explanation},
        "help": {"text": r.explanation, "markdown": rule_markdown(r, heading=False)},
        "defaultConfiguration": {"level": LEVEL[r.severity.value]},
        "properties": {"tags": [FAMILIES[r.family]]},
    }


def _result(f: "Finding", index: dict[str, int], cwd: Path, root: Path) -> dict:
    text = f.message + (f" (hint: {f.hint})" if f.hint else "")
    region = {"startLine": f.line or 1}
    if f.column:
        region["startColumn"] = f.column
    digest = hashlib.sha256("\0".join([f.code, f.file, f.path or "", f.message]).encode("utf-8")).hexdigest()
    return {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVEL[f.severity],
        "message": {"text": text},
        "locations": [
            {"physicalLocation": {"artifactLocation": artifact_location(f.file, cwd, root), "region": region}}
        ],
        "partialFingerprints": {"csdesignFinding/v1": digest[:32]},
    }


def document(result: "LintResult", cwd: Path | None = None) -> dict:
    from csdesign import __version__
    from csdesign.lint.registry import all_rules

    cwd = (cwd or Path.cwd()).resolve()
    root = repo_root(cwd)

    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "csdesign",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(r, i) for i, r in enumerate(rules)],
                    }
                },
                "originalUriBaseIds": {ROOT_ID: {"uri": root.as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index, cwd, root) for f in result.findings],
            }
        ],
    }


def render(result: "LintResult") -> str:
    return json.dumps(document(result), ensure_ascii=False, indent=2) + "\n"
