"""LN: findings about lint's own inputs (suppression comments). Produced by :mod:`csdesign.lint.suppress`."""

from __future__ import annotations

from csdesign.lint.registry import produced

produced(
    "LN001", "unused-suppression", "A `# csdesign: ignore[...]` comment suppresses nothing.",
    """
    A suppression that no longer matches a finding hides nothing today but will silently hide
    a real problem if one appears at that line later, and it makes readers believe there is a
    known exception. ruff (`RUF100`) and others report unused suppressions for the same reason.

    Fix: delete the comment (or the code from it). Suppressions of rules that are not
    selected are not reported.
    """,
    zh=(
        "`# csdesign: ignore[...]` 注释没有屏蔽任何问题。",
        """
        不再对应任何问题的屏蔽注释，今天什么也没隐藏，但如果那一行以后出现真正的问题，它会悄悄把问题藏起来，
        还会让读者以为这里有一个已知的例外。ruff（`RUF100`）等工具出于同样的原因报告无用的屏蔽注释。

        修改建议：删除该注释（或注释中的规则代码）。未选用的规则的屏蔽注释不会被报告。
        """,
    ),
    severity="info", blocking=False,
)

produced(
    "LN002", "invalid-suppression", "A suppression comment names an unknown rule or one that cannot be suppressed.",
    """
    `# csdesign: ignore[CODE]` and `# csdesign: file-ignore[CODE]` take rule codes (see
    `csdesign rule`). An unknown code suppresses nothing, usually because of a typo. Blocking
    codes (S001-S005, RL001-RL005, ST001) cannot be suppressed: a file csdesign could not load
    or build was not fully checked, so it must not pass.

    Fix: correct the code, or fix the underlying problem instead of suppressing it.
    """,
    zh=(
        "屏蔽注释引用了未知的规则，或引用了不能屏蔽的规则。",
        """
        `# csdesign: ignore[CODE]` 和 `# csdesign: file-ignore[CODE]` 接受规则代码（见 `csdesign rule`）。
        未知的代码什么也屏蔽不了，通常是笔误。阻断性规则（S001-S005、RL001-RL005、ST001）不能被屏蔽：
        csdesign 无法加载或构建的文件没有被完整检查，因此不能通过。

        修改建议：改正代码，或解决问题本身，而不是屏蔽它。
        """,
    ),
    severity="warning", blocking=False,
)
