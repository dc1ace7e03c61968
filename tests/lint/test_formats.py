"""Output formats: exact text and JSON, GitHub escaping, SARIF valid against the 2.1.0 schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from csdesign.lint.context import Finding
from csdesign.lint.reporters import render
from csdesign.lint.reporters.github_format import command, escape_data, escape_property
from csdesign.lint.runner import LintResult

F1 = Finding("RL002", "unknown-manager", "error", "Manager 'vp_cs_emea' is not defined", "org/emea.yaml", 14, 18, "roles[3].reports_to", "use the id of a role in `roles:`")
F2 = Finding("RS001", "duty-overlap", "warning", "duty '续费' has two owners:\n100% sure, a,b", "org/a,b:c.yaml", 3, None, None, None)
F3 = Finding("LN001", "unused-suppression", "info", "unused suppression", "org/emea.yaml", None, None, None, None)
RESULT = LintResult(findings=[F1, F2, F3], files=["org/a,b:c.yaml", "org/emea.yaml"])


def test_text():
    assert render(RESULT, "text") == (
        "org/emea.yaml:14:18: RL002 [error] Manager 'vp_cs_emea' is not defined (unknown-manager)\n"
        "    hint: use the id of a role in `roles:`\n"
        "org/a,b:c.yaml:3: RS001 [warning] duty '续费' has two owners: 100% sure, a,b (duty-overlap)\n"
        "org/emea.yaml: LN001 [info] unused suppression (unused-suppression)\n"
        "3 findings (1 error, 1 warning, 1 info) in 2 files.\n"
    )


def test_text_summaries():
    assert render(LintResult(files=["a.yaml"]), "text") == "No findings in 1 file.\n"
    assert render(LintResult(), "text") == "No org files found.\n"


def test_json():
    data = json.loads(render(RESULT, "json"))
    assert data[0] == {
        "code": "RL002", "name": "unknown-manager", "severity": "error", "message": "Manager 'vp_cs_emea' is not defined",
        "file": "org/emea.yaml", "line": 14, "column": 18, "path": "roles[3].reports_to", "hint": "use the id of a role in `roles:`",
    }
    assert data[1]["message"] == "duty '续费' has two owners:\n100% sure, a,b"
    assert "续费" in render(RESULT, "json")  # not \\u-escaped


def test_github_escaping():
    assert escape_data("100%\r\nx:y,z") == "100%25%0D%0Ax:y,z"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert command(F1) == (
        "::error title=csdesign (RL002),file=org/emea.yaml,line=14,col=18::"
        "Manager 'vp_cs_emea' is not defined (unknown-manager)%0Ahint: use the id of a role in `roles:`"
    )
    assert command(F2) == "::warning title=csdesign (RS001),file=org/a%2Cb%3Ac.yaml,line=3::duty '续费' has two owners:%0A100%25 sure, a,b (duty-overlap)"
    assert command(F3) == "::notice title=csdesign (LN001),file=org/emea.yaml::unused suppression (unused-suppression)"


@pytest.fixture(scope="module")
def sarif_validator():
    from tests.helpers import DATA

    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)  # the file says draft-04
    cls.check_schema(schema)
    return cls(schema)


def test_sarif_is_valid_and_complete(sarif_validator):
    text = render(RESULT, "sarif")
    doc = json.loads(text)
    sarif_validator.validate(doc)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids[:3] == ["S001", "S002", "S003"]
    rl002 = rules[ids.index("RL002")]
    assert rl002["shortDescription"]["text"] == "`reports_to` names a role that is not defined."
    assert rl002["fullDescription"]["text"].startswith("Every `reports_to` (and `dotted_to`) must be the id")
    assert rl002["help"]["markdown"].startswith("`reports_to` names a role that is not defined.")
    first, second, third = run["results"]
    assert first["ruleId"] == "RL002" and first["ruleIndex"] == ids.index("RL002") and first["level"] == "error"
    assert first["message"]["text"] == "Manager 'vp_cs_emea' is not defined (hint: use the id of a role in `roles:`)"
    assert first["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "org/emea.yaml"}, "region": {"startLine": 14, "startColumn": 18}}
    assert second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "org/a%2Cb%3Ac.yaml"
    assert third["level"] == "note" and third["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert render(RESULT, "sarif") == text  # deterministic


def test_sarif_of_a_real_lint_is_valid(sarif_validator, examples_dir):
    from csdesign.lint.config import LintConfig
    from csdesign.lint.runner import lint_paths

    result = lint_paths([str(examples_dir)], LintConfig())
    doc = json.loads(render(result, "sarif"))
    sarif_validator.validate(doc)
    assert len(doc["runs"][0]["results"]) == len(result.findings) > 0
