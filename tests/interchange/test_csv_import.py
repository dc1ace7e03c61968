"""CSV import: header detection (English, Chinese, flags), encodings, dialects, bad rows, real HR exports."""

from __future__ import annotations

import pytest

from csdesign.errors import InputError
from csdesign.interchange.csv_import import import_people
from csdesign.interchange.yaml_write import org_yaml
from csdesign.model import load_org_text
from csdesign.structures import build
from csdesign.structures.contract import dotted_reports, manager_of


@pytest.fixture
def write_csv(tmp_path):
    def _write(text: str | bytes, name: str = "people.csv", encoding: str = "utf-8"):
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
        return path

    return _write


CHINESE = (
    "工号,姓名,职位,上级工号,部门,区域,虚线上级,职级\n"
    "E001,王芳,客户成功总监,,客户成功部,华东,,总监\n"
    "E002,李雷,客户成功经理,E001,客户成功部,华东,,经理\n"
    "E003,韩梅梅,客服专员,E002,客服组,华南,\"E001、E002\",\n"
    "E004,,数据分析师,E001,客户成功部,,,\n"
)


def test_chinese_headers_are_detected(write_csv):
    r = import_people(write_csv(CHINESE), company="云帆科技")
    assert r.mapping == {"id": "工号", "name": "姓名", "title": "职位", "manager_id": "上级工号", "unit": "部门", "region": "区域", "dotted_ids": "虚线上级", "level": "职级"}
    assert r.unused == []
    assert (r.rows, r.kept) == (4, 4)
    assert r.data == {
        "company": {"name": "云帆科技"},
        "dimensions": {"regions": ["华东", "华南"]},
        "positions": [
            {"id": "E001", "name": "王芳", "title": "客户成功总监", "level": "director", "unit": "客户成功部", "region": "华东"},
            {"id": "E002", "name": "李雷", "title": "客户成功经理", "level": "manager", "reports_to": "E001", "unit": "客户成功部", "region": "华东"},
            # the dotted line to the solid manager E002 is not repeated
            {"id": "E003", "name": "韩梅梅", "title": "客服专员", "reports_to": "E002", "dotted_to": ["E001"], "unit": "客服组", "region": "华南"},
            # no name: an open position
            {"id": "E004", "title": "数据分析师", "reports_to": "E001", "unit": "客户成功部", "vacant": True},
        ],
    }


def test_imported_yaml_keeps_cjk_readable_and_builds(write_csv):
    r = import_people(write_csv(CHINESE), company="云帆科技")
    text = org_yaml(r.data, ["Imported from people.csv"])
    assert text.startswith("# Imported from people.csv\ncompany:\n  name: 云帆科技\n")
    assert "  - id: E003\n    name: 韩梅梅\n    title: 客服专员\n    reports_to: E002\n    dotted_to:\n      - E001\n" in text
    assert "\\u" not in text
    g = build(load_org_text(text, "org.yaml"))
    assert g.graph["head"] == "E001"
    assert manager_of(g, "E003") == "E002"
    assert dotted_reports(g, "E001") == ["E003"]
    assert g.nodes["E004"]["vacant"] is True


def test_bom_semicolons_crlf_and_quoted_newlines(write_csv):
    text = '\ufeffEmployee ID;Full Name;Job Title;Manager ID\r\nA;"Smith; Ann";"Head of\r\nSuccess";\r\nB;Bo;CSM;A\r\n'
    r = import_people(write_csv(text))
    assert r.delimiter == ";"
    assert r.data["positions"] == [
        {"id": "A", "name": "Smith; Ann", "title": "Head of Success"},
        {"id": "B", "name": "Bo", "title": "CSM", "reports_to": "A"},
    ]


def test_gbk_from_chinese_excel(write_csv):
    r = import_people(write_csv("工号,姓名,岗位,直属上级\n1,张伟,总监,\n2,王静,专员,张伟\n", encoding="gbk"))
    assert r.encoding == "gb18030"
    # the manager column held a (unique) name, not an id
    assert r.managers_by_name == 1
    assert r.data["positions"][1] == {"id": "2", "name": "王静", "title": "专员", "reports_to": "1"}


def test_utf16_tab_separated_excel_unicode_text(write_csv):
    raw = "id\tname\ttitle\tparentId\n1\t陈晨\t总监\t\n2\t刘洋\t客服\t1\n".encode("utf-16")
    r = import_people(write_csv(raw))
    assert (r.encoding, r.delimiter, r.kept) == ("utf-16", "\t", 2)


def test_first_and_last_name_columns_join_by_script(write_csv):
    r = import_people(write_csv("id,姓,名,title,manager\n1,欧阳,娜娜,Head,\n2,Smith,Ann,CSM,1\n"))
    assert [p["name"] for p in r.data["positions"]] == ["欧阳娜娜", "Ann Smith"]


def test_column_flags_override_detection(write_csv):
    r = import_people(write_csv("key,who,job,boss,area\n1,A,Head,,North\n2,B,CSM,1,South\n"),
                      columns={"id": "key", "name": "who", "title": "job", "manager_id": "boss", "region": "area"})
    assert r.data["dimensions"] == {"regions": ["North", "South"]}
    with pytest.raises(InputError) as exc:
        import_people(write_csv("id,name,title,manager\n"), columns={"regoin": "x"})
    assert exc.value.message == "--column: unknown field 'regoin'; did you mean 'region'?"
    with pytest.raises(InputError) as exc:
        import_people(write_csv("id,name,title,manager\n"), columns={"region": "aera"})
    assert exc.value.message == "--column region=aera: the file has no column 'aera'"


def test_missing_required_column(write_csv):
    with pytest.raises(InputError) as exc:
        import_people(write_csv("id,name,manager\n1,A,\n"))
    assert exc.value.message.endswith("people.csv: no column for a job title found among: id, name, manager")
    assert exc.value.hint == "name it with --column title=HEADER"


def test_every_bad_row_is_reported_with_line_and_column(write_csv):
    text = (
        "id,name,title,manager_id,level,vacant\n"  # 1
        "1,Ann,Head,,,\n"  # 2
        ",Bo,CSM,1,,\n"  # 3 no id
        "1,Cy,CSM,1,,\n"  # 4 duplicate id
        "4,Di,,1,,\n"  # 5 no title
        "5,Ed,CSM,9,,\n"  # 6 unknown manager
        "6,Flo,CSM,1,boss,\n"  # 7 unknown level
        "7,Gus,CSM,1,,maybe\n"  # 8 unclear vacancy
        "8,Hal,CSM,1,,,extra\n"  # 9 too many fields
        "9 9,Ivy,CSM,1,,\n"  # 10 unusable id
        "\n"  # 11 blank: not a row
        "10,Jo,CSM,10,,\n"  # 12 reports to itself
    )
    with pytest.raises(InputError) as exc:
        import_people(write_csv(text))
    got = [(p.line, p.column, p.message) for p in exc.value.problems]
    assert got == [
        (3, 1, "row has no id"),
        (4, 1, "duplicate id '1' (first on line 2)"),
        (5, 6, "'4' has no title"),
        (7, 13, "unknown level 'boss'"),
        (8, 14, "cannot tell whether 'maybe' means vacant"),
        (9, 15, "row has 7 fields, the header has 6"),
        (10, 1, "id '9 9' cannot be used: ids may not contain spaces or , [ ] { } # : @ and have at most 100 characters"),
        (6, 10, "manager '9' is not an id (or a unique name) in this file"),
        (12, 11, "'10' reports to itself"),
    ]
    assert all(p.file.endswith("people.csv") and p.code == "IM001" for p in exc.value.problems)


def test_cycles_and_several_tops(write_csv):
    with pytest.raises(InputError) as exc:
        import_people(write_csv("id,name,title,manager\n1,A,Head,\n2,B,X,3\n3,C,Y,2\n4,D,Z,\n"))
    assert [(p.line, p.message) for p in exc.value.problems] == [
        (3, "reporting cycle: 2 -> 3 -> 2"),
        (5, "'4' has no manager, but '1' (line 2) is already the top (2 tops in all)"),
    ]


def test_root_keeps_one_reporting_tree(write_csv):
    text = "id,name,title,manager,dotted\n1,A,CEO,,\n2,B,CS head,1,\n3,C,CSM,2,4\n4,D,Sales,1,\n5,E,CSM,2,\n"
    r = import_people(write_csv(text), root="2")
    assert [p["id"] for p in r.data["positions"]] == ["2", "3", "5"]
    assert "reports_to" not in r.data["positions"][0]
    assert "dotted_to" not in r.data["positions"][1]
    assert r.notes == ["kept 3 of 5 people: the reporting tree of '2'", "left out 1 dotted lines to people outside that tree",
                       "the CS head reports to '1' (CEO), outside the tree: cs_reports_to is ceo, from that title",
                       "took company.employees as 5, everyone in the file (pass --employees N if the company is larger)"]
    assert r.data["company"] == {"name": "people", "employees": 5, "cs_reports_to": "ceo", "cs_reports_to_title": "CEO"}
    with pytest.raises(InputError) as exc:
        import_people(write_csv(text), root="22")
    assert exc.value.message == "--root: no person with id '22' in " + str(write_csv(text))


SALES_LINE = (
    "工号,姓名,职位,上级工号,部门\n"
    "C1,钱进,首席执行官,,总裁办\n"
    "X0001,周明,销售副总裁,C1,销售中心\n"
    "X0100,王芳,客户成功部总监,X0001,客户成功部\n"
    "X0101,李雷,客户成功经理,X0100,客户成功部\n"
    "X0102,,客户成功经理,X0100,客户成功部\n"
    "S1,赵四,销售经理,X0001,销售中心\n"
)


def test_root_keeps_the_cut_off_manager_as_the_box_above(write_csv):
    """Issue 18: after --root the CS director silently reported to the CEO instead of 销售副总裁."""
    r = import_people(write_csv(SALES_LINE), root="X0100")
    assert r.data["company"] == {"name": "people", "employees": 5, "cs_reports_to": "sales", "cs_reports_to_title": "销售副总裁"}
    assert r.notes == [
        "kept 3 of 6 people: the reporting tree of 'X0100'",
        "the CS head reports to 'X0001' (销售副总裁), outside the tree: cs_reports_to is sales, from that title",
        "took company.employees as 5, everyone in the file (pass --employees N if the company is larger)",  # the vacancy is nobody
    ]
    g = build(load_org_text(org_yaml(r.data), "cs.yaml"))
    assert (g.graph["external"], g.nodes["@sales"]["title"], manager_of(g, "X0100")) == ("@sales", "销售副总裁", "@sales")
    assert g.graph["stage"] == "startup"  # 5 people
    r = import_people(write_csv(SALES_LINE), root="X0100", employees=1400)
    assert r.data["company"]["employees"] == 1400 and len(r.notes) == 2
    assert build(load_org_text(org_yaml(r.data))).graph["stage"] == "enterprise"


def test_an_unclear_cut_off_manager_is_said_and_assumed_ceo(write_csv):
    text = "id,name,title,manager,department\n1,A,Vice President,,Board\n2,B,Head of CS,1,CS\n3,C,CSM,2,CS\n"
    r = import_people(write_csv(text), root="2")
    assert r.data["company"] == {"name": "people", "employees": 3, "cs_reports_to": "ceo", "cs_reports_to_title": "Vice President"}
    assert r.notes[1] == ("the CS head reports to '1' (Vice President), outside the tree; its title does not say which department that is, "
                          "so cs_reports_to is assumed to be ceo: set company.cs_reports_to (ceo, coo, sales, marketing, service or operations) if it is another")
    two = "id,name,title,manager\n1,A,市场与销售副总裁,\n2,B,客户成功总监,1\n"
    assert "; its title names marketing and sales, so cs_reports_to is assumed to be ceo: " in import_people(write_csv(two), root="2").notes[1]


def test_without_root_the_company_size_is_asked_for(write_csv):
    r = import_people(write_csv(SALES_LINE))
    assert r.notes == ["no company.employees, so the stage is taken as startup: pass --employees N (the whole company's headcount)"]
    assert r.data["company"] == {"name": "people"}
    assert import_people(write_csv(SALES_LINE), employees=80).data["company"] == {"name": "people", "employees": 80}


@pytest.mark.parametrize(
    ("title", "department", "placement", "source"),
    [
        ("销售副总裁", None, "sales", "title"),
        ("VP Sales", None, "sales", "title"),
        ("Chief Revenue Officer", None, "sales", "title"),
        ("市场总监", None, "marketing", "title"),
        ("CMO", None, "marketing", "title"),
        ("运营副总裁", None, "operations", "title"),
        ("VP Operations", None, "operations", "title"),
        ("客户服务中心总经理", None, "service", "title"),
        ("Head of Support", None, "service", "title"),
        ("首席运营官", None, "coo", "title"),
        ("Chief Operating Officer", None, "coo", "title"),
        ("COO", None, "coo", "title"),
        ("Coordinator", None, None, None),  # not "coo"
        ("首席执行官", None, "ceo", "title"),
        ("总经理", None, "ceo", "title"),
        ("CEO & Founder", None, "ceo", "title"),
        ("President", None, "ceo", "title"),
        ("副总经理", None, None, None),
        ("副董事长", None, None, None),
        ("Administration Vice President", None, None, None),
        ("副总裁", "销售中心", "sales", "department"),
        ("Director", "Marketing", "marketing", "department"),
    ],
)
def test_placement_from_the_cut_off_managers_title(title, department, placement, source):
    from csdesign.interchange.reports_to import infer_placement

    found = infer_placement(title, department)
    assert (found.placement, found.source) == (placement, source)


def test_too_many_problems_are_capped(write_csv):
    text = "id,name,title,manager\n1,A,Head,\n" + "".join(f"{i},N,T,x{i}\n" for i in range(2, 80))
    with pytest.raises(InputError) as exc:
        import_people(write_csv(text))
    assert len(exc.value.problems) == 51
    assert exc.value.problems[-1].message == "... and 28 more bad rows"


def test_formula_guard_is_undone(write_csv):
    r = import_people(write_csv("id,name,title,manager\n1,'=Ann,'-Head,\n"))
    assert r.data["positions"] == [{"id": "1", "name": "=Ann", "title": "-Head"}]


def test_d3_sample_imports_end_to_end(data_dir):
    r = import_people(data_dir / "org-samples" / "d3-org-chart-sample.csv")
    assert (r.rows, r.kept, r.encoding, r.delimiter) == (1516, 1516, "utf-8", ",")
    assert r.mapping == {"name": "name", "title": "positionName", "id": "id", "manager_id": "parentId"}
    assert r.unused == ["imageUrl", "area", "profileUrl", "office", "tags", "isLoggedUser", "size"]
    people = r.data["positions"]
    # messy spaces trimmed (" Leverling Janet", "CTO "), repeated names kept as different people
    assert people[0] == {"id": "O-6066", "name": "Ian Devling", "title": "Chief Executive Officer"}
    assert people[2] == {"id": "O-6068", "name": "Leverling Janet", "title": "CTO", "reports_to": "O-6066"}
    assert people[-1] == {"id": "O-7581", "name": "Beate Vileid", "title": "Junior Developer", "reports_to": "O-7544"}
    assert sum(p.get("name") == "Leverling Janet" for p in people) == 69
    assert sum(p["title"] == "CTO" for p in people) == 136
    g = build(load_org_text(org_yaml(r.data), "d3.yaml"))
    assert g.graph["head"] == "O-6066"
    assert sum(1 for _, d in g.nodes(data=True) if d["kind"] == "role") == 1516


def test_oracle_hr_imports_end_to_end(data_dir):
    r = import_people(data_dir / "org-samples" / "oracle-hr-employees.csv", company="Oracle HR",
                      columns={"region": "department_location_country_region_name"})
    assert (r.rows, r.kept) == (107, 107)
    assert r.mapping == {"id": "id", "manager_id": "parentId", "name": "name", "last_name": "lastName", "title": "position",
                         "email": "email", "unit": "department_name", "region": "department_location_country_region_name"}
    people = {p["id"]: p for p in r.data["positions"]}
    assert people["100"] == {"id": "100", "name": "Steven King", "title": "Chief Operating Officer", "unit": "Executive", "region": "Americas", "email": "SKING"}
    # the one employee without a department keeps every other field
    assert people["178"] == {"id": "178", "name": "Kimberely Grant", "title": "Sales Representative", "reports_to": "149", "email": "KGRANT"}
    assert r.data["dimensions"] == {"regions": ["Americas", "Europe"]}
    text = org_yaml(r.data)
    assert "  - id: '100'\n" in text  # numeric-looking ids stay strings
    g = build(load_org_text(text, "oracle.yaml"))
    assert len(g.graph["units"]) == 11
    assert g.nodes["103"]["unit"] == "unit:IT"


def test_excel_sep_line_names_the_separator(write_csv):
    with pytest.raises(InputError) as exc:
        import_people(write_csv("sep=;\r\nid;name;title;manager\r\n1;A,B;Head;\r\n2;C;CSM;9\r\n"))
    # line numbers still count the sep= line
    assert [(p.line, p.column) for p in exc.value.problems] == [(4, 9)]
    r = import_people(write_csv("sep=;\r\nid;name;title;manager\r\n1;A,B;Head;\r\n"))
    assert (r.delimiter, r.data["positions"]) == (";", [{"id": "1", "name": "A,B", "title": "Head"}])


def test_header_only_and_empty_files(write_csv):
    with pytest.raises(InputError) as exc:
        import_people(write_csv("id,name,title,manager\r\n\r\n"))
    assert exc.value.message.endswith("people.csv: the file has a header line but no people")
    with pytest.raises(InputError) as exc:
        import_people(write_csv(""))
    assert exc.value.message.endswith("people.csv: the file has no rows")


def test_control_characters_become_spaces(write_csv):
    r = import_people(write_csv("id,name,title,manager\n1,A\x00B\x1b[31m,Head\x07,\n"))
    assert r.data["positions"] == [{"id": "1", "name": "A B [31m", "title": "Head"}]


def test_deep_chain_is_linear(write_csv):
    n = 20_000
    text = "id,title,manager\n0,Head,\n" + "".join(f"{i},T,{i - 1}\n" for i in range(1, n))
    r = import_people(write_csv(text))
    assert r.kept == n and r.data["positions"][-1]["reports_to"] == str(n - 2)


def test_cycle_reported_once_even_with_people_hanging_off_it(write_csv):
    with pytest.raises(InputError) as exc:
        import_people(write_csv("id,title,manager\n0,Head,\nx,X,a\na,A,b\nb,B,a\n"))
    assert [(p.line, p.message) for p in exc.value.problems] == [(4, "reporting cycle: a -> b -> a")]


def test_unreadable_inputs_are_user_errors(write_csv, tmp_path):
    with pytest.raises(InputError) as exc:
        import_people(write_csv(b"\xff\xfe\x00"))
    assert exc.value.message.endswith("people.csv: starts with a UTF-16 byte-order mark but is not valid UTF-16 (byte 2)")
    with pytest.raises(InputError) as exc:
        import_people(tmp_path)
    assert exc.value.message == f"{tmp_path}: is a directory, not a CSV file"
    with pytest.raises(InputError) as exc:
        import_people(write_csv("id,name,title,manager\n1,\xe9t\xe9,x,\n".encode("latin-1")))
    [p] = exc.value.problems
    assert (p.line, p.column, p.message, p.hint) == (2, 3, "file is not valid UTF-8 (byte 0xe9)", "save the file as UTF-8")


def test_more_people_than_one_org_file_holds_is_refused_before_writing(write_csv, monkeypatch):
    """A whole company's export is refused in seconds, with the way out, not after writing a
    file larger than csdesign reads (issue 10: 200,000 rows ended in exit 3)."""
    from csdesign.interchange import csv_import

    monkeypatch.setattr(csv_import, "MAX_PEOPLE", 3)
    path = write_csv(CHINESE)
    with pytest.raises(InputError) as exc:
        import_people(path, company="云帆科技")
    assert (exc.value.message, exc.value.hint) == (
        f"{path}: the file lists 4 people, more than the 3 one org file can hold",
        "import one department: --root ID keeps that person's reporting tree (e.g. the CS head's id)",
    )
    assert import_people(path, company="云帆科技", root="E002").kept == 2  # a department fits


def test_a_csv_from_a_pipe_is_read_once(tmp_path):
    import os
    import threading

    fifo = tmp_path / "people.csv"
    os.mkfifo(fifo)
    threading.Thread(target=lambda: fifo.write_bytes(CHINESE.encode("gb18030")), daemon=True).start()
    result = import_people(fifo, company="云帆科技")  # not UTF-8: decoded again from the same bytes
    assert (result.kept, result.encoding) == (4, "gb18030")
