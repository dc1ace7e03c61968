"""The shipped examples lint with exactly their documented, deliberate findings (see each file's header)."""

from __future__ import annotations

from csdesign.lint.config import LintConfig
from csdesign.lint.runner import fails, lint_paths

DOCUMENTED = {
    "ecommerce-matrix.yaml": ["RS001", "RS007"],
    # issue 14: a manager-level role with no reports, individual roles with duties and no KPIs
    "enterprise.yaml": ["SP004", "RS010", "RS010", "RS010", "RS005"],
    "growth-saas.yaml": ["CP003", "KP002", "RS001", "RS006"],
    # issue 14: the hotline team and the regional customer-relations specialists have no link
    "manufacturer.yaml": ["ST007", "RS001"],
    "reorg-after.yaml": ["RS010", "RS010", "RS001", "RS010", "RS010"],
    "reorg-before.yaml": ["RS002", "RS010", "RS001", "RS001", "RS010"],
    "startup.yaml": ["RS001"],
}


def test_examples_have_only_their_documented_findings(examples_dir):
    result = lint_paths([str(examples_dir)], LintConfig())
    found: dict[str, list[str]] = {}
    for f in result.findings:
        found.setdefault(f.file.rsplit("/", 1)[-1], []).append(f.code)
    names = sorted(p.name for p in examples_dir.glob("*.yaml"))
    assert {n: found.get(n, []) for n in names} == {n: DOCUMENTED.get(n) for n in names}
    assert result.crashes == []
    assert fails(result, "error")  # enterprise.yaml's RACI with two Accountables is an error
