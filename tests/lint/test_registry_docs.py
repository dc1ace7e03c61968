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


def test_docs_rules_zh_md_is_up_to_date():
    committed = (ROOT / "docs" / "rules.zh.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(all_rules(), "zh"), "regenerate: csdesign rule --all --lang zh --format markdown > docs/rules.zh.md"


#: A half-width comma, colon or semicolon between two Chinese characters (or full-width marks).
CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”《》]"
HALF_WIDTH_BETWEEN_CJK = re.compile(CJK + r"\s*[,:;]\s*" + CJK)


def test_every_rule_has_chinese_docs_with_full_width_punctuation():
    for r in all_rules():
        summary, explanation = r.doc("zh")
        assert summary != r.summary and explanation != r.explanation, r.code
        assert summary.endswith("。") and "\n" not in summary, r.code
        assert "修改建议：" in explanation, r.code
        texts = [summary, explanation] + [o.help_zh for o in r.options]
        assert all(texts), r.code
        for text in texts:
            assert not HALF_WIDTH_BETWEEN_CJK.search(text), (r.code, HALF_WIDTH_BETWEEN_CJK.search(text))
            assert "«" not in text and not re.search(r"(?i)seed\s*\d|种子\s*\d", text), r.code
            assert re.search(r"[\u4e00-\u9fff]", text), r.code


def test_chinese_rule_text_exactly():
    from csdesign.lint.reporters.rule_docs import rule_text
    from csdesign.lint.registry import get

    assert rule_text(get("RS009"), "zh") == (
        "RS009 role-without-duties [警告]\n"
        "岗位没有列出任何职责。\n"
        "\n"
        "《如何更改客户管理部门职责》：为每个岗位编写岗位说明书，写明职责、所需技能和考核指标，确保没有职责不清。"
        "没有职责的岗位无法检查职责重叠或空缺，任职者只能被动处理落到自己头上的事情。\n"
        "\n"
        "修改建议：在 `duties:` 下列出该岗位的职责（或删除该岗位）。\n"
    )
    assert rule_text(get("ST003"), "zh").endswith(
        "选项（[tool.csdesign.lint.options]）：\n  startup-max-layers = 3：初创企业最多的管理层级数，含客户成功部门负责人（精简团队）\n"
    )
