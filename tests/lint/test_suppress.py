"""Inline suppressions: line, line above, file-wide, unused (LN001), invalid (LN002)."""

from __future__ import annotations

from csdesign.lint.suppress import parse
from tests.lint.conftest import BASE

OVERLAP = BASE + """\
  - id: support
    title: 客服专员
    reports_to: mgr
    duties: [续费管理]
"""


def test_overlap_without_suppression(lint):
    assert [(c, line) for c, line, *_ in lint(OVERLAP)] == [("RS001", 24)]


def test_trailing_comment_suppresses_its_line(lint):
    assert lint(OVERLAP[:-1] + "  # csdesign: ignore[RS001]\n") == []


def test_comment_on_the_line_above_covers_the_next_content_line(lint):
    text = OVERLAP.replace("    reports_to: mgr\n    duties: [续费管理]\n", "    reports_to: mgr\n    # csdesign: ignore[RS001, KP002]\n\n    duties: [续费管理]\n")
    assert lint(text) == [("LN001", 24, 5, "unused suppression: no KP002 finding on line 26")]


def test_file_ignore(lint):
    assert lint("# csdesign: file-ignore[RS001]\n" + OVERLAP) == []


def test_unused_suppression_is_info(lint):
    findings = lint(BASE.replace("    headcount: 6\n", "    headcount: 6  # csdesign: ignore[SP001]\n"), full=True)
    assert [(f.code, f.severity, f.line, f.column, f.message) for f in findings] == [
        ("LN001", "info", 18, 19, "unused suppression: no SP001 finding on line 18"),
    ]


def test_suppression_of_a_rule_that_did_not_run_is_not_unused(lint):
    text = BASE.replace("    headcount: 6\n", "    headcount: 6  # csdesign: ignore[SP001]\n")
    assert lint(text, {"ignore": ["SP"]}) == []


def test_unknown_and_blocking_codes_are_ln002_and_blocking_cannot_be_suppressed(lint):
    text = BASE.replace("    reports_to: mgr\n", "    reports_to: mrg  # csdesign: ignore[RL002, XX123]\n")
    assert lint(text) == [
        ("RL002", 17, 17, "Manager 'mrg' is not defined; did you mean 'mgr'?"),
        ("LN002", 17, 22, "RL002 cannot be suppressed: a file csdesign cannot load or build never passes"),
        ("LN002", 17, 22, "unknown rule code 'XX123' in `ignore[...]`"),
    ]


def test_hash_inside_a_quoted_value_is_not_a_comment():
    text = 'company:\n  name: "A # csdesign: ignore[RS001]"\nroles: []  # csdesign: ignore[RS002]\n'
    [s] = parse(text)
    assert (s.codes, s.line, s.column, s.target) == (["RS002"], 3, 12, 3)


def test_no_marker_means_no_scan():
    assert parse("company: {name: X}\n") == []


def test_a_rule_name_suppresses_like_its_code(lint):
    assert lint(OVERLAP[:-1] + "  # csdesign: ignore[duty-overlap]\n") == []


def test_an_unknown_name_is_ln002_as_written_in_upper_case(lint):
    assert lint(OVERLAP[:-1] + "  # csdesign: ignore[duty-overlapp]\n") == [
        lint(OVERLAP)[0],
        ("LN002", 24, 21, "unknown rule code 'DUTY-OVERLAPP' in `ignore[...]`"),
    ]
