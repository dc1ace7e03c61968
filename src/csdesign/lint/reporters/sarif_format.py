"""SARIF 2.1.0 for GitHub code scanning (``github/codeql-action/upload-sarif``).

Deterministic: no timestamps or absolute paths; every rule is listed in ``tool.driver.rules``
and each result carries a ``partialFingerprints`` entry that survives line moves.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:  # pragma: no cover
    from csdesign.lint.context import Finding
    from csdesign.lint.runner import LintResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


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


def _result(f: "Finding", index: dict[str, int]) -> dict:
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
            {"physicalLocation": {"artifactLocation": {"uri": quote(f.file, safe="/")}, "region": region}}
        ],
        "partialFingerprints": {"csdesignFinding/v1": digest[:32]},
    }


def document(result: "LintResult") -> dict:
    from csdesign import __version__
    from csdesign.lint.registry import all_rules

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
                        "rules": [_rule(r, i) for i, r in enumerate(rules)],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index) for f in result.findings],
            }
        ],
    }


def render(result: "LintResult") -> str:
    return json.dumps(document(result), ensure_ascii=False, indent=2) + "\n"
