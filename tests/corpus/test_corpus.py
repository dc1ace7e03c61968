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
    "tabs.yaml": ("S001", ["4:1: YAML syntax error: a tab character cannot indent YAML (indent with spaces)"]),
    "unclosed_quote.yaml": ("S001", ["2:9: YAML syntax error: a quoted string is never closed (add the closing quote)"]),
    "duplicate_key.yaml": ("S003", ["7:5: duplicate key 'title' (first defined on line 5) (remove or merge one of them; YAML would silently keep only the last)"]),
    "near_miss_key.yaml": ("S002", ["6:5: unknown key `levle`, did you mean `level`?"]),
    "near_miss_section.yaml": ("S002", ["3:1: unknown key `rolse`, did you mean `roles`?"]),
    "near_miss_value.yaml": ("S002", ["6:12: `roles[0].level`: 'directer' is not one of director, manager, supervisor, individual; did you mean 'director'?"]),
    "wrong_types_top.yaml": ("S002", [
        "1:10: `company`: expected a mapping, got the text '云帆科技' (write its keys indented on the lines below)",
        "2:8: `roles`: expected a list, got the number 3",
    ]),
    "wrong_types_nested.yaml": ("S002", [
        "3:14: `company.employees`: expected a whole number, got the text 'lots'",
        "6:12: `roles[0].title`: expected text, got a list",
        "7:13: `roles[0].duties`: expected a list, got the text 'strategy' (write it as a list: [strategy])",
    ]),
    "negative_headcount.yaml": ("S002", ["6:16: `roles[0].headcount`: must be at least 1 (got -3)"]),
    "huge_headcount.yaml": ("S002", ["6:16: `roles[0].headcount`: must be at most 1,000,000 (got 100000000000000000000)"]),
    "empty_title.yaml": ("S002", ["5:12: `roles[0].title`: must not be empty or blank (write the text, or remove the key)"]),
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
    "alias_bomb.yaml": ("S001", ["8:12: aliases expand to more than 1,000,000 YAML nodes (an alias bomb?) (an org file needs few aliases; remove nested aliases or write the values out)"]),
    "deep_nesting.yaml": ("S001", ["5:110: YAML nesting is deeper than 100 levels (an org file needs only a few levels; flatten the data)"]),
    "undefined_alias.yaml": ("S001", ["4:12: YAML syntax error: alias *title is used before its anchor &title is defined (define the anchor first, above the alias)"]),
    "python_object.yaml": ("S001", ["3:5: YAML tag !!python/object/apply:os.system is not allowed (csdesign loads YAML with a safe loader; remove the tag)"]),
    "local_tag.yaml": ("S001", ["2:8: YAML tag !include is not allowed (csdesign loads YAML with a safe loader; remove the tag)"]),
    "control_character.yaml": ("S001", ["4:15: YAML error: control character U+0007 is not allowed (remove the character, or write it as an escape inside double quotes)"]),
    "two_documents.yaml": ("S001", ["4:1: YAML syntax error: the file holds more than one YAML document (keep one document; remove the extra `---`)"]),
    "complex_key.yaml": ("S001", ["2:3: mapping keys must be plain strings (a key is a name; write `name: value`)"]),
    # Scalars by the YAML 1.2 core schema and strict fields (issue 9): no quiet coercion.
    "quoted_number.yaml": ("S002", ["3:14: `company.employees`: expected a whole number, got the text '50' (remove the quotes)"]),
    "yes_for_bool.yaml": ("S002", ["4:50: `positions[1].vacant`: expected true or false, got the text 'yes' (write true or false; under YAML 1.2, yes/no/on/off are text)"]),
    "float_for_int.yaml": ("S002", ["4:38: `roles[1].headcount`: expected a whole number, got the number 2.0 (write it without a decimal point or exponent: 2)"]),
    "bool_headcount.yaml": ("S002", ["3:54: `roles[0].headcount`: expected a whole number, got true (a yes/no value is not a number; write the number)"]),
    "blank_title.yaml": ("S002", ["3:23: `roles[0].title`: must not be empty or blank (write the text, or remove the key)"]),
    "zero_capacity.yaml": ("S002", ["6:50: `roles[1].capacity.Enterprise`: must be at least 1 (got 0)"]),
    "unknown_chinese_level.yaml": ("S002", ["3:39: `roles[0].level`: '部长' is not one of director, manager, supervisor, individual (Chinese level names: 总监/部门总监/负责人 director, 经理/团队经理 manager, 主管/一线主管/组长 supervisor, 专员/客服 individual)"]),
    # Valid YAML whose values cannot be converted (issue 10, item 5): csdesign's words, located.
    "huge_integer.yaml": ("S001", ["3:14: a number with 5,000 digits is longer than the 4,300 digits csdesign reads (no field takes a number this large; check the value, or quote it if it is text)"]),
    "bad_float_tag.yaml": ("S001", ["4:31: !!float 'x' is not a number such as 1.5 or 2e6 (fix the value, or remove the !!float tag)"]),
    "bad_int_tag.yaml": ("S001", ["3:54: !!int 'x' is not an integer such as 12, 0x1f or 0o17 (fix the value, or remove the !!int tag)"]),
    "bad_bool_tag.yaml": ("S001", ["3:34: !!bool 'maybe' is not true or false (fix the value, or remove the !!bool tag)"]),
    "bad_timestamp_tag.yaml": ("S001", ["3:23: YAML tag !!timestamp is not supported in org files (org files hold only text, numbers, true/false, lists and mappings; remove the tag)"]),
    "binary_tag.yaml": ("S001", ["3:23: YAML tag !!binary is not supported in org files (org files hold only text, numbers, true/false, lists and mappings; remove the tag)"]),
    "merge_as_value.yaml": ("S001", ["3:23: `!!merge` is only allowed as a mapping key (`<<: *anchor`) (remove the tag, or use `<<:` as the key)"]),
    "tag_on_mapping.yaml": ("S001", ["1:10: YAML tag !!str cannot be put on a mapping (remove the tag)"]),
    "surrogate_escape.yaml": ("S001", ["1:18: YAML syntax error: the escape \\ud800 is half of a UTF-16 surrogate pair, not a character (write the character itself, or escape the whole character, e.g. \\U0001F600)"]),
    "null_key.yaml": ("S001", ["4:1: a mapping key is empty (null): `~` (write a name before the ':', or quote the key if it is meant as text)"]),
    # In-range values whose combination is out of an analysis's range: an input error at the
    # channel, never an exit 3 in the analysis (found by the fuzz).
    "erlang_overflow.yaml": ("S002", ["8:7: `support.channels[0]`: channel 'phone': 10,000,000 contacts an hour of 86,400 s each is 240,000,000 Erlangs of traffic, more than the 1,000,000 csdesign sizes (check contacts_per_hour, the peak-hour arrivals, and aht_seconds, the seconds per contact)"]),
    "channel_without_volume.yaml": ("S002", ["6:7: `support.channels[0]`: channel 'chat' needs contacts_per_hour (phone, chat) or contacts_per_day (email, tickets, social)"]),
    # Every reporting loop, also with nobody outside it (item 8).
    "cycle_no_head.yaml": ("RL001", ["3:52: reporting cycle: a -> b -> a (break the loop: one of them must report outside it)"]),
    "cycle_through_head.yaml": ("RL001", ["3:68: reporting cycle: head -> csm -> head (break the loop: one of them must report outside it)"]),
    "cycle_positions.yaml": ("RL001", ["4:39: reporting cycle: p1 -> p2 -> p3 -> p1 (break the loop: one of them must report outside it)"]),
    # Look-alike ids (item 10): NFC makes two spellings one id; invisible characters are refused.
    "nfd_duplicate_id.yaml": ("S004", ["5:10: duplicate role id 'café' (also roles[1]) (give each role a unique id)"]),
    "zero_width_id.yaml": ("S002", ["4:10: `roles[1].id`: id '\\u200b' contains the invisible character U+200B (ZERO WIDTH SPACE) (ids must be visible: delete the character; editors do not show it)"]),
    "bidi_control_id.yaml": ("S002", ["4:10: `roles[1].id`: id 'csm\\u202egnp.exe' contains the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) (ids must be visible: delete the character; editors do not show it)"]),
}

#: Files that look odd but are valid and must be accepted (first lines of the terminal tree).
ACCEPTED: dict[str, list[str]] = {
    "utf8_bom.yaml": ["云帆科技  (functional structure)", "└── CEO", "    └── 客户成功部总监  Director"],
    "unicode_ids.yaml": ["云帆科技  (functional structure)", "└── CEO", "    └── 客户成功部总监  Director", "        └── ▣ Function: customer success", "            └── 客户成功经理  Manager"],
    "anchors_legit.yaml": [
        "云帆科技  (functional structure)", "└── CEO", "    └── 客户成功部总监  Director", "        └── ▣ Function: customer success",
        "            ├── 客户成功经理 ×3  Individual", "            ├── 客户成功经理 ×3  Individual", "            └── 客服专员  Individual",
    ],
    "minimal.yaml": ["X  (functional structure)", "└── CEO", "    └── H  Director"],
    # YAML 1.2: NO is Norway, on/yes are words, a date is text.
    "norway.yaml": [
        "Nordic Support AB  (functional structure)", "└── CEO", "    └── 2024-01-01 interim head  Director",
        "        └── ▣ Function: customer success", "            ├── on  Individual", "            └── yes  Individual",
    ],
    # RACI keys 1 and true are two activities, "1" and "true", not one duplicate.
    "number_keys.yaml": ["X  (functional structure)", "└── CEO", "    └── H  Director"],
    # Chinese level names (issue 18, item 7).
    "chinese_levels.yaml": [
        "云帆科技  (functional structure)", "└── CEO", "    └── 客户成功部负责人  Director", "        └── ▣ Function: customer success",
        "            └── 客户成功经理  Manager", "                └── 客服组长  Supervisor", "                    └── 客服  Individual",
    ],
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


def test_lint_of_the_whole_directory_reports_every_broken_file_and_goes_on():
    """One bad file never hides the others (issue 10: a conversion failure used to end the run with exit 3)."""
    res = run("lint", "--format", "json", str(FILES))
    assert res.code == 1, res.stderr
    assert "internal error" not in res.stderr and "Traceback" not in res.stderr
    findings = json.loads(res.stdout)
    first = {}
    for f in findings:
        first.setdefault(f["file"].rsplit("/", 1)[-1], (f["code"], f["line"], f["column"]))
    from csdesign.lint.discover import is_org_file

    org_files = {name for name in CASES if is_org_file(FILES / name)}  # a directory's other YAML is not linted
    assert len(org_files) > 50
    for name in org_files:
        code, lines = CASES[name]
        line, col, _ = lines[0].split(":", 2)
        assert first.get(name) == (code, int(line), int(col)), name
    blocking = {"S001", "S002", "S003", "S004", "S005", "RL001", "RL002", "RL003", "RL004", "RL005", "RL006", "ST001"}
    assert [f for f in findings if f["file"].rsplit("/", 1)[-1] in ACCEPTED and f["code"] in blocking] == []


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_odd_but_valid_files_are_accepted(name):
    res = run("render", str(FILES / name), "--lang", "en")
    assert res.code == 0, res.stderr
    assert res.stdout.splitlines() == ACCEPTED[name]
    assert res.stderr == ""


def test_alias_bomb_fails_fast(monkeypatch):
    """Work counted, not timed: aliased values are shared, never copied, and the bomb is
    refused at the alias that crosses the limit, after looking at a few dozen aliases."""
    from csdesign.errors import InputError
    from csdesign.model import yamlsource

    aliases = []
    real = yamlsource._Builder.copy_in
    monkeypatch.setattr(yamlsource._Builder, "copy_in", lambda self, n, mark: aliases.append(n) or real(self, n, mark))
    with pytest.raises(InputError) as exc:
        yamlsource.load((FILES / "alias_bomb.yaml").read_text(encoding="utf-8"), "alias_bomb.yaml")
    assert (exc.value.problems[0].line, exc.value.problems[0].column) == (8, 12)
    assert len(aliases) < 100
    assert run("render", str(FILES / "alias_bomb.yaml")).code == E


def test_aliased_values_are_shared_not_copied():
    from csdesign.model import yamlsource

    data = yamlsource.load((FILES / "anchors_legit.yaml").read_text(encoding="utf-8"), "anchors_legit.yaml").data
    assert data["roles"][3]["duties"] is data["roles"][1]["duties"]


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
    assert res.stdout.splitlines() == [f"X  ({structure} structure)", "└── CEO", "    └── H  Director"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_diff_names_the_broken_side(name):
    res = run("diff", str(FILES / "minimal.yaml"), str(FILES / name))
    assert res.code == E, res.stderr
    assert res.lines == _expected(name)
    res = run("diff", str(FILES / name), str(FILES / "minimal.yaml"))
    assert res.code == E, res.stderr
    assert res.lines == _expected(name)
