"""Hostile and broken org files: each gives exactly one clear, located message and exit 2.

Every file in ``files/`` is listed in CASES with the exact ``line:col: message (hint)`` it
must produce (or that it must be accepted). The table runs against every command that reads
an org file: ``render`` and ``export`` fail with exit 2 and the message on stderr; ``lint``
reports the same problem, located the same way, as a finding (exit 1). No case may show a
Python traceback or the "internal error" line (exit 3).
"""

from __future__ import annotations

import json

import pytest

from tests.corpus.harness import FILES, run

E = 2  # exit code for user/input errors (docs/limits.md)

#: file -> (code, "line:col: message (hint)") for the first problem; further lines when the
#: loader reports several problems at once.
CASES: dict[str, tuple[str, list[str]]] = {
    "empty.yaml": ("S002", ["1:1: file is empty (or only comments) (start from `csdesign init`, or see examples/)"]),
    "only_comments.yaml": ("S002", ["1:1: file is empty (or only comments) (start from `csdesign init`, or see examples/)"]),
    "top_list.yaml": ("S002", ["1:1: top level is a list, expected a mapping with `company:` and `roles:` (see examples/ for the layout)"]),
    "top_scalar.yaml": ("S002", ["1:1: top level is a string, expected a mapping with `company:` and `roles:` (see examples/ for the layout)"]),
    # A realistic case: a file saved by a Chinese Windows editor in GBK. Name the encoding.
    "gbk_encoded.yaml": ("S001", ["2:9: file is not valid UTF-8 (byte 0xd4) (it looks like GBK/GB18030-encoded Chinese; re-save it as UTF-8 (e.g. iconv -f GBK -t UTF-8))"]),
    "tabs.yaml": ("S001", ["4:1: YAML syntax error: found character that cannot start any token (YAML does not allow tabs for indentation; use spaces)"]),
    "unclosed_quote.yaml": ("S001", ["2:9: YAML syntax error: a quoted string is never closed (add the closing quote)"]),
    "duplicate_key.yaml": ("S003", ["7:5: duplicate key 'title' (first defined on line 5) (remove or merge one of them; YAML would silently keep only the last)"]),
    "near_miss_key.yaml": ("S002", ["6:5: unknown key `levle`, did you mean `level`?"]),
    "near_miss_section.yaml": ("S002", ["3:1: unknown key `rolse`, did you mean `roles`?"]),
    "near_miss_value.yaml": ("S002", ["6:12: `roles[0].level`: 'directer' is not one of director, manager, supervisor, individual; did you mean 'director'?"]),
    "wrong_types_top.yaml": ("S002", [
        "1:10: `company`: Input should be a valid dictionary or instance of Company (got '云帆科技')",
        "2:8: `roles`: Input should be a valid list (got 3)",
    ]),
    "wrong_types_nested.yaml": ("S002", [
        "3:14: `company.employees`: Input should be a valid integer, unable to parse string as an integer (got 'lots')",
        "6:12: `roles[0].title`: Input should be a valid string",
        "7:13: `roles[0].duties`: Input should be a valid list (got 'strategy')",
    ]),
    "negative_headcount.yaml": ("S002", ["6:16: `roles[0].headcount`: Input should be greater than or equal to 1 (got -3)"]),
    "huge_headcount.yaml": ("S002", ["6:16: `roles[0].headcount`: Input should be less than or equal to 1000000 (got 100000000000000000000)"]),
    "empty_title.yaml": ("S002", ["5:12: `roles[0].title`: String should have at least 1 character (got '')"]),
    "id_with_spaces.yaml": ("S002", ["4:9: `roles[0].id`: 'head of cs' is not a valid id (no spaces or any of , [ ] { } # : @) (e.g. 'head_of_cs')"]),
    "missing_manager.yaml": ("RL002", ["12:17: Manager 'mrg' is not defined; did you mean 'mgr'? (use the id of a role in `roles:`)"]),
    "self_report.yaml": ("RL003", ["10:17: role 'mgr' reports to itself (point reports_to at its manager, or remove it)"]),
    "cycle_2.yaml": ("RL001", ["5:66: reporting cycle: a -> b -> a (break the loop: one of them must report outside it)"]),
    "cycle_long.yaml": ("RL001", ["5:66: reporting cycle: a -> b -> c -> d -> e -> a (break the loop: one of them must report outside it)"]),
    "axis_no_values.yaml": ("ST001", ["4:3: a geographic structure needs at least one value in dimensions.regions (list the regions under `dimensions:`, or choose another structure)"]),
    "no_roles.yaml": ("S002", ["3:1: the org has no roles (add at least the CS head under `roles:`)"]),
    "duplicate_id.yaml": ("S004", ["6:10: duplicate role id 'csm' (also roles[1]) (give each role a unique id)"]),
    "unknown_axis_value.yaml": ("S005", ["7:44: '华北' is not in dimensions.regions (add it to dimensions.regions or fix the spelling)"]),
    "shared_reports_to_unit.yaml": ("RL004", ["10:56: role 'ops' (one instance) reports to 'mgr', which is replicated per unit, so its manager is ambiguous (point it at a head or shared role, or make it `scope: unit`)"]),
    # Resource limits and unsafe YAML.
    "alias_bomb.yaml": ("S001", ["8:12: document expands to more than 1,000,000 YAML nodes (alias bomb?) (remove recursive or nested aliases)"]),
    "deep_nesting.yaml": ("S001", ["5:110: YAML nesting is deeper than 100 levels (an org file needs only a few levels; flatten the data)"]),
    "undefined_alias.yaml": ("S001", ["4:12: YAML syntax error: alias *title is used before its anchor &title is defined (define the anchor first, above the alias)"]),
    "python_object.yaml": ("S001", ["3:5: YAML tag tag:yaml.org,2002:python/object/apply:os.system is not allowed (csdesign loads YAML with a safe loader; remove the tag)"]),
    "local_tag.yaml": ("S001", ["2:8: YAML tag !include is not allowed (csdesign loads YAML with a safe loader; remove the tag)"]),
    "control_character.yaml": ("S001", ["4:15: YAML error: control characters are not allowed (character U+0007) (remove the character, or write it as an escape inside double quotes)"]),
    "two_documents.yaml": ("S001", ["4:1: YAML syntax error: the file holds more than one YAML document (keep one document; remove the extra `---`)"]),
    "complex_key.yaml": ("S001", ["2:3: mapping keys must be plain strings"]),
}

#: Files that look odd but are valid and must be accepted (first lines of the terminal tree).
ACCEPTED: dict[str, list[str]] = {
    "utf8_bom.yaml": ["云帆科技  (functional structure)", "└── CEO", "    └── 客户成功部总监  director"],
    "unicode_ids.yaml": ["云帆科技  (functional structure)", "└── CEO", "    └── 客户成功部总监  director", "        └── ▣ Function: customer success", "            └── 客户成功经理  manager"],
    "anchors_legit.yaml": [
        "云帆科技  (functional structure)", "└── CEO", "    └── 客户成功部总监  director", "        └── ▣ Function: customer success",
        "            ├── 客户成功经理 ×3  individual", "            ├── 客户成功经理 ×3  individual", "            └── 客服专员  individual",
    ],
    "minimal.yaml": ["X  (functional structure)", "└── CEO", "    └── H  director"],
}


def test_every_corpus_file_is_in_the_table():
    on_disk = {p.name for p in FILES.iterdir()}
    assert on_disk == set(CASES) | set(ACCEPTED)


def _expected(name: str) -> list[str]:
    return [f"{FILES / name}:{line}" for line in CASES[name][1]]


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("command", ["render", "export", "report"])
def test_bad_file_exit_2_with_located_message(command, name):
    res = run(command, str(FILES / name))
    assert res.code == E, res.stderr
    assert res.lines == _expected(name)
    assert res.stdout == ""


@pytest.mark.parametrize("name", sorted(CASES))
def test_lint_reports_the_same_problem_as_a_finding(name):
    code, lines = CASES[name]
    res = run("lint", "--format", "json", str(FILES / name))
    assert res.code == 1, res.stderr
    first = json.loads(res.stdout)[0]
    line, col, _ = lines[0].split(":", 2)
    assert (first["code"], first["line"], first["column"]) == (code, int(line), int(col))
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_odd_but_valid_files_are_accepted(name):
    res = run("render", str(FILES / name))
    assert res.code == 0, res.stderr
    assert res.stdout.splitlines() == ACCEPTED[name]
    assert res.stderr == ""


def test_alias_bomb_fails_fast(monkeypatch):
    """Work counted, not timed: the bomb is refused before its aliases are materialised."""
    from csdesign.errors import InputError
    from csdesign.model import yamlsource

    copies = []
    real = yamlsource.copy.deepcopy
    monkeypatch.setattr(yamlsource.copy, "deepcopy", lambda value, *a: copies.append(1) or real(value, *a))
    with pytest.raises(InputError):
        yamlsource.load((FILES / "alias_bomb.yaml").read_text(encoding="utf-8"), "alias_bomb.yaml")
    assert len(copies) < 100
    assert run("render", str(FILES / "alias_bomb.yaml")).code == E


@pytest.mark.parametrize(
    ("structure", "plural"),
    [("product", "products"), ("market", "segments"), ("geographic", "regions"), ("process", "processes")],
)
def test_every_axis_structure_on_a_company_without_that_axis(structure, plural):
    res = run("render", str(FILES / "minimal.yaml"), "--structure", structure)
    assert res.code == E
    assert res.lines == [
        f"{FILES / 'minimal.yaml'}:1:1: a {structure} structure needs at least one value in dimensions.{plural}"
        f" (list the {plural} under `dimensions:`, or choose another structure)"
    ]


@pytest.mark.parametrize("structure", ["functional", "matrix", "circular", "flat"])
def test_structures_without_an_axis_still_draw_the_head(structure):
    res = run("render", str(FILES / "minimal.yaml"), "--structure", structure)
    assert res.code == 0, res.stderr
    assert res.stdout.splitlines() == [f"X  ({structure} structure)", "└── CEO", "    └── H  director"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_diff_names_the_broken_side(name):
    res = run("diff", str(FILES / "minimal.yaml"), str(FILES / name))
    assert res.code == E, res.stderr
    assert res.lines == _expected(name)
    res = run("diff", str(FILES / name), str(FILES / "minimal.yaml"))
    assert res.code == E, res.stderr
    assert res.lines == _expected(name)
