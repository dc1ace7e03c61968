"""Loading: located errors, did-you-mean, duplicate keys, references, stage inference."""

from __future__ import annotations

import pytest

from csdesign.errors import InputError
from csdesign.model import collect_problems, load_org
from tests.helpers import org_from

BASE = """\
company:
  name: 云帆科技
  employees: 850
roles:
  - id: head_cs
    title: 客户成功部总监
    level: director
"""


def problems_of(write_yaml, text: str) -> list[tuple[str, int | None, int | None, str]]:
    _, problems = collect_problems(write_yaml(text))
    return [(p.code, p.line, p.column, p.message) for p in problems]


def test_valid_file_loads_with_cjk(write_yaml):
    org = load_org(write_yaml(BASE))
    assert org.model.company.name == "云帆科技"
    assert org.model.roles[0].title == "客户成功部总监"


@pytest.mark.parametrize(
    ("employees", "stage"),
    [(30, "startup"), (99, "startup"), (100, "growth"), (999, "growth"), (1000, "enterprise"), (None, "startup")],
)
def test_stage_inferred_from_employees(employees, stage):
    text = "company:\n  name: X\n" + (f"  employees: {employees}\n" if employees else "") + "roles: []\n"
    assert org_from(text).model.company.effective_stage.value == stage


def test_explicit_stage_wins():
    org = org_from("company: {name: X, employees: 20, stage: enterprise}\n")
    assert org.model.company.effective_stage.value == "enterprise"


def test_unknown_key_suggests_closest(write_yaml):
    text = BASE + "    dutys: [strategy]\n"
    assert problems_of(write_yaml, text) == [("S002", 8, 5, "unknown key `dutys`, did you mean `duties`?")]


def test_bad_enum_value_suggests_closest(write_yaml):
    text = BASE.replace("  employees: 850\n", "  employees: 850\n  cs_reports_to: cooo\n")
    [(code, line, col, msg)] = problems_of(write_yaml, text)
    assert (code, line, col) == ("S002", 4, 18)
    assert msg.endswith("did you mean 'coo'?")


def test_wrong_type_points_at_value(write_yaml):
    text = BASE + "    headcount: many\n"
    [(code, line, col, msg)] = problems_of(write_yaml, text)
    assert (code, line, col) == ("S002", 8, 16)
    assert msg == "`roles[0].headcount`: expected a whole number, got the text 'many'"


def test_negative_headcount(write_yaml):
    [(code, line, _, msg)] = problems_of(write_yaml, BASE + "    headcount: -3\n")
    assert (code, line, msg) == ("S002", 8, "`roles[0].headcount`: must be at least 1 (got -3)")


def test_duplicate_key_reported_with_first_line(write_yaml):
    text = BASE + "    title: again\n"
    assert problems_of(write_yaml, text) == [("S003", 8, 5, "duplicate key 'title' (first defined on line 6)")]


def test_duplicate_role_id(write_yaml):
    text = BASE + "  - id: head_cs\n    title: Other\n"
    assert problems_of(write_yaml, text) == [("S004", 8, 9, "duplicate role id 'head_cs' (also roles[0])")]


def test_unknown_manager_with_suggestion(write_yaml):
    text = BASE + "  - id: csm\n    title: CSM\n    reports_to: head_c\n"
    assert problems_of(write_yaml, text) == [("RL002", 10, 17, "Manager 'head_c' is not defined; did you mean 'head_cs'?")]


def test_self_report(write_yaml):
    text = BASE + "  - id: csm\n    title: CSM\n    reports_to: csm\n"
    assert problems_of(write_yaml, text) == [("RL003", 10, 17, "role 'csm' reports to itself")]


def test_only_value_must_exist(write_yaml):
    text = BASE + "dimensions:\n  regions: [华东]\n"
    text = text.replace("    level: director\n", "    level: director\n  - id: csm\n    title: CSM\n    only: {regions: [华北]}\n")
    [(code, line, col, msg)] = problems_of(write_yaml, text)
    assert (code, line, col) == ("S005", 10, 22)
    assert msg == "'华北' is not in dimensions.regions"


def test_yaml_syntax_error_located(write_yaml):
    [(code, line, col, msg)] = problems_of(write_yaml, "company:\n  name: [unclosed\n")
    assert (code, line, msg) == ("S001", 3, "YAML syntax error: a '[' list is not closed, or its items are not separated by ','")


def test_python_tags_rejected(write_yaml):
    [(code, line, col, msg)] = problems_of(write_yaml, "company: !!python/object/apply:os.system [echo hi]\n")
    assert (code, line, col) == ("S001", 1, 10)
    assert msg == "YAML tag !!python/object/apply:os.system is not allowed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "file is empty (or only comments)"),
        ("# only a comment\n", "file is empty (or only comments)"),
        ("- a\n- b\n", "top level is a list, expected a mapping with `company:` and `roles:`"),
        ("just text\n", "top level is a string, expected a mapping with `company:` and `roles:`"),
    ],
)
def test_not_an_org(write_yaml, text, expected):
    [(code, _, _, msg)] = problems_of(write_yaml, text)
    assert (code, msg) == ("S002", expected)


def test_missing_company(write_yaml):
    assert problems_of(write_yaml, "roles: []\n") == [("S002", 1, 1, "missing required key `company`")]


def test_gbk_file_named(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("company:\n  name: 云帆科技\n".encode("gbk"))
    _, [problem] = collect_problems(path)
    assert problem.code == "S001"
    assert (problem.line, problem.column) == (2, 9)
    assert "GBK" in problem.hint


def test_bom_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    assert load_org(path).model.company.name == "云帆科技"


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_org(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="is a directory"):
        load_org(tmp_path)


def test_anchors_and_merge_keys_work():
    org = org_from(
        """
        company: {name: X}
        roles:
          - &base {id: a, title: A, level: director}
          - <<: *base
            id: b
            title: B
            level: manager
        """
    )
    assert [(r.id, r.level.value) for r in org.model.roles] == [("a", "director"), ("b", "manager")]


def test_alias_bomb_is_capped(write_yaml):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 10) + "]")
    _, [problem] = collect_problems(write_yaml("\n".join(lines) + "\n"))
    assert problem.message == "aliases expand to more than 1,000,000 YAML nodes (an alias bomb?)"


@pytest.mark.parametrize(
    ("text", "where", "problem"),
    [
        (BASE.replace("  name: 云帆科技", "  name：云帆科技"), (2, 7), "a ':' is not allowed here"),
        (BASE + "    headcount：3\n  - id: x\n", (8, 14), "a key is missing its ':'"),
    ],
)
def test_fullwidth_colon_is_pointed_at_with_a_hint(write_yaml, text, where, problem):
    _, [p] = collect_problems(write_yaml(text))
    assert (p.code, (p.line, p.column), p.message, p.hint) == (
        "S001", where, f"YAML syntax error: {problem}", "'：' is a full-width (Chinese) colon; YAML needs an ASCII ':' followed by a space",
    )


def test_fullwidth_colon_in_a_value_is_not_blamed(write_yaml):
    _, [p] = collect_problems(write_yaml(BASE.replace("客户成功部总监", "总监：华东") + "  - id: [unclosed\n"))
    assert "full-width" not in (p.hint or "") and p.line != 7


def test_describe_error_words_pydantic_errors_for_other_tables():
    """Config tables validated against the models get csdesign's words too, never pydantic's."""
    from pydantic import ValidationError

    from csdesign.model.load import describe_error
    from csdesign.model.schema import CapacitySettings

    got = []
    for table in ({"utilisation": 2}, {"accounts_per_csm": {"named": [5, 15]}}, {"arr_per_csm": -1}, {"utilisation": "0.8"}):
        with pytest.raises(ValidationError) as exc:
            CapacitySettings.model_validate(table)
        got.append(describe_error(exc.value.errors(include_url=False)[0]))
    assert got == [
        ("must be at most 1 (got 2)", None),
        ("'named' is not one of named-strategic, named-mid-market, pooled, digital; did you mean 'named-strategic'?", None),
        ("must be more than 0 (got -1)", None),
        ("expected a number, got the text '0.8'", "remove the quotes"),
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("NO", None), ("yes", None), ("on", None), ("2024-01-01", None), ("1_000", None), ("0b11", None),
        ("true", "`company.name`: expected text, got true"),
        ("12", "`company.name`: expected text, got the number 12"),
        ("0x1f", "`company.name`: expected text, got the number 31"),
        ("1e3", "`company.name`: expected text, got the number 1000.0"),
        (".inf", "`company.name`: expected text, got the number inf"),
        ("~", "`company.name`: expected text, got nothing (null)"),
    ],
)
def test_scalars_resolve_by_the_yaml_1_2_core_schema(write_yaml, value, message):
    problems = problems_of(write_yaml, f"company:\n  name: {value}\n")
    assert [p[3] for p in problems] == ([message] if message else [])
