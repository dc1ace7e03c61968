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
    severity="warning", blocking=False,
)
