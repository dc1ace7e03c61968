"""`csdesign lint` and `csdesign rule` end to end: output, exit codes, paths, crashes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from csdesign.lint.registry import all_rules
from tests.lint.conftest import BASE

BROKEN_MANAGER = BASE.replace("    reports_to: mgr\n", "    reports_to: mrg\n")
OVERLAP = BASE + "  - {id: support, title: S, reports_to: mgr, duties: [续费管理], kpis: [首次响应时间]}\n"


def run(args: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    full = {**os.environ, "GITHUB_ACTIONS": "", **(env or {})}
    return subprocess.run([sys.executable, "-m", "csdesign", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=full)


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "ok.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "org" / "emea.yaml").write_text(BROKEN_MANAGER, encoding="utf-8")
    (tmp_path / "org" / "overlap.yml").write_text(OVERLAP, encoding="utf-8")
    (tmp_path / "org" / "ci.yaml").write_text("on: push\njobs: {}\n", encoding="utf-8")  # not an org file
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.yaml").write_text("company: [\n", encoding="utf-8")
    return tmp_path


def test_directory_recursion_text_and_exit_1(repo):
    r = run(["lint"], repo)
    assert r.returncode == 1
    assert r.stdout.splitlines()[0] == "org/emea.yaml:17:17: RL002 [error] Manager 'mrg' is not defined; did you mean 'mgr'? (unknown-manager)"
    assert r.stdout.splitlines()[2].startswith("org/overlap.yml:21:55: RS001 [warning] duty '续费管理' has two owners")
    assert r.stdout.splitlines()[-1] == "2 findings (1 error, 1 warning) in 3 files."

    assert r.stderr == ""


def test_fail_on(repo):
    assert run(["lint", "org/overlap.yml"], repo).returncode == 0
    assert run(["lint", "org/overlap.yml", "--fail-on", "warning"], repo).returncode == 1
    assert run(["lint", "org/ok.yaml", "--fail-on", "info"], repo).returncode == 0


def test_unparseable_file_never_exits_0(repo):
    (repo / "bad.yaml").write_text("company: [\n", encoding="utf-8")
    r = run(["lint", "bad.yaml", "--select", "RS", "--fail-on", "error"], repo)
    assert r.returncode == 1
    assert r.stdout.startswith("bad.yaml:2:1: S001 [error] YAML syntax error")


def test_github_is_the_default_under_actions(repo):
    r = run(["lint", "org/emea.yaml"], repo, {"GITHUB_ACTIONS": "true"})
    assert r.stdout.splitlines()[0] == (
        "::error title=csdesign (RL002),file=org/emea.yaml,line=17,col=17::Manager 'mrg' is not defined; did you mean 'mgr'? "
        "(unknown-manager)%0Ahint: use the id of a role in `roles:`"
    )


def test_github_stdout_is_workflow_commands_only_summary_on_stderr(repo):
    r = run(["lint", "org", "-f", "github"], repo)
    assert r.returncode == 1
    assert [line.split(" ", 1)[0] for line in r.stdout.splitlines()] == ["::error", "::warning"]
    assert r.stderr == "2 findings (1 error, 1 warning) in 3 files.\n"
    clean = run(["lint", "org/ok.yaml", "-f", "github"], repo)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "No findings in 1 file.\n")
    quiet = run(["lint", "org", "-f", "github", "--quiet"], repo)
    assert (quiet.stdout, quiet.stderr) == (r.stdout, "")


def test_quiet_prints_findings_without_the_summary(repo):
    full = run(["lint", "org"], repo)
    quiet = run(["lint", "org", "-q"], repo)
    assert quiet.returncode == full.returncode == 1
    assert quiet.stdout == full.stdout.removesuffix("2 findings (1 error, 1 warning) in 3 files.\n")
    assert run(["lint", "org/ok.yaml", "--quiet"], repo).stdout == ""
    assert run(["lint", "org", "-q", "-f", "json"], repo).stdout == run(["lint", "org", "-f", "json"], repo).stdout


def test_json_and_output_file(repo):
    r = run(["lint", "org", "-f", "json", "-o", "out.json"], repo)
    assert r.returncode == 1 and r.stdout == ""
    data = json.loads((repo / "out.json").read_text(encoding="utf-8"))
    assert [(d["file"], d["code"], d["path"]) for d in data] == [
        ("org/emea.yaml", "RL002", "roles[2].reports_to"),
        ("org/overlap.yml", "RS001", "roles[3].duties[0]"),
    ]


def test_output_is_deterministic(repo):
    assert run(["lint", "-f", "sarif"], repo).stdout == run(["lint", "-f", "sarif"], repo).stdout


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (["lint", "nope.yaml"], "nope.yaml: no such file or directory (check the path)\n"),
        (["lint", "--select", "XX1"], "command line: --select: unknown rule code or prefix 'XX1' (see `csdesign rule` for the codes)\n"),
        (["lint", "--lang", "fr"], "unknown language 'fr' (use en or zh)\n"),
        (["rule", "RL02"], "unknown rule 'RL02'; did you mean 'RL002'? (`csdesign rule` lists every rule)\n"),
    ],
)
def test_usage_errors_exit_2(repo, args, stderr):
    r = run(args, repo)
    assert (r.returncode, r.stderr) == (2, stderr)


def test_config_error_exit_2(repo):
    (repo / "csdesign.toml").write_text('[lint]\nignore = ["RL002"]\n', encoding="utf-8")
    r = run(["lint"], repo)
    assert r.returncode == 2
    assert r.stderr == "csdesign.toml: RL002 (unknown-manager) cannot be ignored or re-levelled (ignore): a file csdesign cannot load or build never passes (fix the file instead)\n"


def test_config_is_applied(repo):
    (repo / "pyproject.toml").write_text('[tool.csdesign.lint]\nfail-on = "warning"\nexclude = ["org/emea.yaml"]\n', encoding="utf-8")
    r = run(["lint"], repo)
    assert r.returncode == 1
    assert r.stdout.splitlines()[-1] == "1 finding (1 warning) in 2 files."


def test_crashing_rule_exits_2_naming_rule_and_file(repo, monkeypatch):
    from typer.testing import CliRunner

    from csdesign.cli import commands  # noqa: F401
    from csdesign.cli.app import app
    from csdesign.lint import registry

    def boom(ctx):
        raise ZeroDivisionError("division by zero")

    registry.all_rules()
    monkeypatch.setitem(registry.REGISTRY, "RS001", registry.Rule("RS001", "duty-overlap", registry.Severity.warning, "s", "e", boom))
    monkeypatch.chdir(repo)
    r = CliRunner().invoke(app, ["lint", "org/ok.yaml"])
    assert r.exit_code == 2
    assert "org/ok.yaml: rule RS001 (duty-overlap) crashed: ZeroDivisionError: division by zero" in r.output


def test_a_loader_bug_in_one_file_does_not_hide_the_others(repo, monkeypatch):
    """A bug (never a user error) while loading one file is reported for that file; the run goes on."""
    from typer.testing import CliRunner

    from csdesign.cli import commands  # noqa: F401
    from csdesign.cli.app import app
    from csdesign.model import load

    real = load.collect_problems

    def flaky(path):
        if str(path).endswith("ok.yaml"):
            raise ValueError("boom")
        return real(path)

    monkeypatch.setattr(load, "collect_problems", flaky)
    monkeypatch.chdir(repo)
    r = CliRunner().invoke(app, ["lint", "org", "--format", "json"])
    assert r.exit_code == 2
    assert "org/ok.yaml: rule S001 (yaml-syntax) crashed: ValueError: boom" in r.output
    assert '"file": "org/emea.yaml"' in r.output


def test_rule_docs_commands(repo):
    r = run(["rule", "unknown-manager"], repo)
    assert r.returncode == 0 and r.stdout.startswith("RL002 unknown-manager [error] (blocking)\n`reports_to` names a role that is not defined.\n")
    assert run(["lint", "--explain", "rl002"], repo).stdout == r.stdout
    listing = run(["rule"], repo).stdout.splitlines()
    assert len(listing) == len(all_rules())
    assert listing[0].split() [:3] == ["S001", "yaml-syntax", "error"]
    data = json.loads(run(["rule", "SP001", "-f", "json"], repo).stdout)
    assert data[0]["options"] == {"span-band": [8, 12]}
    zh = run(["rule", "unknown-manager", "--lang", "zh"], repo)
    assert zh.returncode == 0 and zh.stdout.startswith("RL002 unknown-manager [错误]（阻断性）\n`reports_to` 指向了一个未定义的岗位。\n")
    assert run(["lint", "--explain", "rl002", "--lang", "zh"], repo).stdout == zh.stdout
    assert run(["rule", "--lang", "zh"], repo).stdout.splitlines()[0] == "S001   yaml-syntax              错误  文件不是有效的 YAML（或不是 UTF-8 编码，或使用了不允许的标签）。"
    assert run(["rule", "--all", "--lang", "zh"], repo).stdout.count("修改建议：") == len(all_rules())
    assert json.loads(run(["rule", "RS009", "-f", "json", "--lang", "zh"], repo).stdout)[0]["summary"] == "岗位没有列出任何职责。"
    assert run(["rule", "RS009", "-f", "markdown", "--lang", "zh"], repo).stdout.startswith("### RS009 `role-without-duties`\n\n岗位没有列出任何职责。\n\n默认级别：**警告**\n")
    bad = run(["rule", "RS009", "--lang", "fr"], repo)
    assert bad.returncode == 2 and "unknown language 'fr'" in bad.stderr


def test_lint_does_not_import_rich_or_graphviz(repo):
    code = (
        "import sys\nfrom csdesign.cli import main\nsys.argv=['csdesign','lint','org','-f','sarif']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('rich', 'graphviz', 'typer.rich_utils') if m in sys.modules), file=sys.stderr)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True)
    assert r.stderr.strip().splitlines()[-1] == "[]"


def test_summary_counts_are_plural(tmp_path):
    from csdesign.lint.reporters.text_format import summary

    class Result:
        files = ["a.yaml", "b.yaml"]
        findings = [None] * 5

        @staticmethod
        def count(sev):
            return {"error": 2, "warning": 1, "info": 2}[sev]

    assert summary(Result()) == "5 findings (2 errors, 1 warning, 2 info) in 2 files."
