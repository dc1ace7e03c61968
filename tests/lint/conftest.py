"""Fixtures for lint tests: lint YAML text and get (code, line, column, message) tuples."""

from __future__ import annotations

import textwrap

import pytest

from csdesign.lint.config import parse_table
from csdesign.lint.runner import lint_file

#: Rules added by issue 14 (tests/lint/test_rules.py selects them explicitly).
ISSUE14 = ("RS009", "RS010", "SP004", "ST007", "ST008")

#: A clean org: three levels, each with its seed-000 default duties, one KPI owner.
BASE = """\
company:
  name: 云帆科技
  employees: 120
roles:
  - id: head
    title: 客户成功总监
    level: director
    duties: [制定战略, 资源调配, 跨部门协调]
  - id: mgr
    title: 团队经理
    level: manager
    headcount: 2
    reports_to: head
    duties: [目标设定, 团队管理, 绩效评估]
  - id: csm
    title: 客户成功经理
    reports_to: mgr
    headcount: 6
    duties: [续费管理]
    kpis: [NPS]
"""


@pytest.fixture
def lint(tmp_path):
    """lint(text, config_table=None, select=None) -> [(code, line, col, message)] of one file."""

    def _lint(text: str, table: dict | None = None, *, full: bool = False):
        path = tmp_path / "org.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        # the job-description and island rules of issue 14 fire on most minimal orgs; each rule's
        # own test selects them, the other tests keep to the rules they are about
        table = dict(table or {})
        if "select" not in table:
            table["ignore"] = [*table.get("ignore", []), *ISSUE14]
        cfg = parse_table(table, "test.toml")
        findings, crashes = lint_file(path, cfg, "org.yaml")
        assert crashes == []
        if full:
            return findings
        return [(f.code, f.line, f.column, f.message) for f in findings]

    return _lint
