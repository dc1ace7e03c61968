"""The registry is complete and well-formed, and docs/rules.md is generated from it."""

from __future__ import annotations

import re

from csdesign.lint.registry import FAMILIES, REGISTRY, all_rules
from csdesign.lint.reporters.rule_docs import rules_markdown
from tests.helpers import ROOT


def test_docs_rules_md_is_up_to_date():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(all_rules()), "regenerate: csdesign rule --all --format markdown > docs/rules.md"


def test_every_problem_code_in_the_source_is_registered():
    all_rules()
    src = ROOT / "src" / "csdesign"
    pattern = re.compile(r'(?:code=|^[A-Z_]+ = )"((?:S|RL|ST|SP|RS|KP|CP)\d{3})"', re.MULTILINE)
    found = {code for path in src.rglob("*.py") if "lint" not in path.parts for code in pattern.findall(path.read_text(encoding="utf-8"))}
    assert found >= {"S001", "S002", "S003", "S004", "S005", "RL001", "RL002", "RL003", "RL004", "RL005", "RL006", "ST001"}
    assert found - set(REGISTRY) == set()


def test_rules_are_well_formed_and_in_order():
    rules = all_rules()
    assert [r.family for r in rules] == sorted((r.family for r in rules), key=list(FAMILIES).index)
    for r in rules:
        assert "Fix" in r.explanation, r.code
        assert r.check is not None or r.blocking or r.family == "LN", r.code
    blocking = [r.code for r in rules if r.blocking]
    assert blocking == ["S001", "S002", "S003", "S004", "S005", "RL001", "RL002", "RL003", "RL004", "RL005", "RL006", "ST001"]
    names = [r.name for r in rules]
    assert len(names) == len(set(names))
