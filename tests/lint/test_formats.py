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
    assert first["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "org/emea.yaml", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 14, "startColumn": 18}}
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


def _repo(tmp_path):
    """tmp/repo (a git work tree, lint runs in repo/team) and tmp/elsewhere (outside it)."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "team").mkdir()
    return repo, repo / "team", tmp_path / "elsewhere"


def _located(*files: str) -> LintResult:
    return LintResult(findings=[Finding("RL002", "unknown-manager", "error", "m", f, 2, 3, None, None) for f in files], files=list(files))


def test_sarif_uris_are_relative_to_the_repository_root_from_a_subfolder(tmp_path, sarif_validator):
    from csdesign.lint.reporters.sarif_format import document

    repo, cwd, elsewhere = _repo(tmp_path)
    result = _located("emea.yaml", "../org/华东 团队.yaml", "./a/../b.yaml", str(elsewhere / "x y.yaml"), str(repo / "org" / "abs.yaml"))
    doc = document(result, cwd)
    sarif_validator.validate(doc)
    run = doc["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.as_uri() + "/"}}
    assert run["tool"]["driver"]["informationUri"] == "https://pypi.org/project/csdesign/"
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert locations == [
        {"uri": "team/emea.yaml", "uriBaseId": "%SRCROOT%"},
        {"uri": "org/%E5%8D%8E%E4%B8%9C%20%E5%9B%A2%E9%98%9F.yaml", "uriBaseId": "%SRCROOT%"},
        {"uri": "team/b.yaml", "uriBaseId": "%SRCROOT%"},
        {"uri": (elsewhere / "x y.yaml").as_uri()},
        {"uri": "org/abs.yaml", "uriBaseId": "%SRCROOT%"},
    ]
    assert all(".." not in loc["uri"] for loc in locations)


def test_sarif_without_a_git_directory_is_relative_to_the_working_directory(tmp_path):
    from csdesign.lint.reporters.sarif_format import document, repo_root

    assert not any((p / ".git").exists() for p in (tmp_path, *tmp_path.parents))
    assert repo_root(tmp_path / "sub") == (tmp_path / "sub").resolve()
    doc = document(_located("org.yaml"), tmp_path)
    assert doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "org.yaml", "uriBaseId": "%SRCROOT%"}


def test_microsoft_sarif_multitool_reports_nothing(tmp_path, examples_dir, monkeypatch):
    """The real validator (npm @microsoft/sarif-multitool): 0 errors and 0 warnings on lint runs
    from the repository root, from a subfolder (../ paths) and on files outside the repository."""
    from tests.helpers import NODE_TOOLS_MISSING, node_tool

    tool = node_tool(".bin", "sarif-multitool")
    if tool is None:
        pytest.skip(f"SARIF multitool: {NODE_TOOLS_MISSING}")
    import shutil
    import subprocess

    from csdesign.lint.config import LintConfig
    from csdesign.lint.reporters.sarif_format import document
    from csdesign.lint.runner import lint_paths

    repo, cwd, elsewhere = _repo(tmp_path)
    shutil.copytree(examples_dir, repo / "examples")
    shutil.copytree(examples_dir, elsewhere)
    runs = {}
    monkeypatch.chdir(repo)
    runs["root"] = (lint_paths(["examples"], LintConfig()), repo)
    monkeypatch.chdir(cwd)
    runs["subfolder"] = (lint_paths(["../examples"], LintConfig()), cwd)
    runs["outside"] = (lint_paths([str(elsewhere)], LintConfig()), cwd)
    runs["findings"] = (RESULT, repo)
    assert runs["subfolder"][0].files[0].startswith("../examples/")
    files = []
    for name, (result, where) in runs.items():
        assert result.findings or name == "findings"
        path = tmp_path / f"{name}.sarif"
        path.write_text(json.dumps(document(result, where), ensure_ascii=False, indent=2), encoding="utf-8")
        files.append(str(path))
    proc = subprocess.run([str(tool), "validate", *files], capture_output=True, text=True, timeout=600)
    problems = [line for line in proc.stdout.splitlines() if ": error " in line or ": warning " in line]
    assert problems == [], proc.stdout[-3000:]
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert f"{len(files)} files scanned" in proc.stdout
