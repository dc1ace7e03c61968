"""The shipped examples lint with exactly their documented, deliberate findings (see each file's header)."""

from __future__ import annotations

from csdesign.lint.config import LintConfig
from csdesign.lint.runner import fails, lint_paths

DOCUMENTED = {
    "ecommerce-matrix.yaml": ["RS001"],
    # capacity findings (headers of the files): Important and Ordinary over-covered, the
    # pre-sales hotline over-staffed, cost above the benchmark band
    "enterprise.yaml": ["CP005", "CP005", "CP008", "CP009", "RS005"],
    # SMB has no digital team, email and chat are short of support engineers, cost above the band
    "growth-saas.yaml": ["CP004", "RS001", "CP007", "CP007", "CP009"],
    "manufacturer.yaml": ["RS001"],
    "reorg-after.yaml": [],
    "reorg-before.yaml": ["RS002", "RS001", "RS001"],
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
