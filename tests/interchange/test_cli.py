"""`csdesign import` and `csdesign export` end to end: files, messages, exit codes, round trip."""

from __future__ import annotations

import subprocess
import sys

from csdesign.interchange.csv_export import to_csv
from csdesign.interchange.modeline import modeline
from csdesign.model import load_org
from tests.helpers import graph_from, org_from


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "csdesign", *args], capture_output=True, text=True, encoding="utf-8")


def test_import_writes_yaml_and_summary(tmp_path, data_dir):
    out = tmp_path / "oracle.yaml"
    res = run("import", str(data_dir / "org-samples" / "oracle-hr-employees.csv"), "-o", str(out), "--company", "Oracle HR", "-c", "region=department_location_country_region_name")
    assert res.returncode == 0, res.stderr
    assert res.stdout == ""
    assert res.stderr == (f"imported 107 people from oracle-hr-employees.csv into {out}\n"
                          "no company.employees, so the stage is taken as startup: pass --employees N (the whole company's headcount)\n")
    text = out.read_text(encoding="utf-8")
    first, text = text.split("\n", 1)
    assert first == modeline()
    assert text.startswith(
        "# Imported by `csdesign import` from oracle-hr-employees.csv: 107 people.\n"
        "# Columns: id <- id, manager_id <- parentId, name <- name, last_name <- lastName, title <- position, email <- email, "
        "unit <- department_name, region <- department_location_country_region_name.\n"
        "# Not imported: image, phone_number,"
    )
    assert "company:\n  name: Oracle HR\ndimensions:\n  regions:\n    - Americas\n    - Europe\npositions:\n  - id: '100'\n" in text
    rendered = run("render", str(out), "--depth", "2")
    assert rendered.returncode == 0, rendered.stderr
    assert rendered.stdout.splitlines()[:5] == [
        "Oracle HR  (as-is org)", "└── CEO", "    └── ▣ Executive",
        "        └── Steven King · Chief Operating Officer  Director",
        "            ├── Neena Kochhar · Administration Vice President  Manager",
    ]


def test_import_root_and_bad_rows_exit_2(tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("工号,姓名,职位,上级\n1,张伟,CEO,\n2,王静,客户成功总监,1\n3,李娜,客户成功经理,2\n4,刘强,销售,1\n", encoding="utf-8")
    res = run("import", str(people), "--root", "2")
    assert res.returncode == 0, res.stderr
    assert res.stderr == ("imported 2 people from people.csv\nkept 2 of 4 people: the reporting tree of '2'\n"
                          "the CS head reports to '1' (CEO), outside the tree: cs_reports_to is ceo, from that title\n"
                          "took company.employees as 4, everyone in the file (pass --employees N if the company is larger)\n")
    assert "company:\n  name: people\n  employees: 4\n  cs_reports_to: ceo\n  cs_reports_to_title: CEO\npositions:\n" in res.stdout
    assert "  - id: '2'\n    name: 王静\n    title: 客户成功总监\n  - id: '3'\n    name: 李娜\n    title: 客户成功经理\n    reports_to: '2'\n" in res.stdout
    people.write_text("工号,姓名,职位,上级\n1,张伟,CEO,\n2,王静,客户成功总监,9\n", encoding="utf-8")
    res = run("import", str(people))
    assert res.returncode == 2
    assert res.stderr == f"{people}:3:13: manager '9' is not an id (or a unique name) in this file\n"
    res = run("import", str(people), "-c", "manager")
    assert (res.returncode, res.stderr) == (2, "--column manager: expected FIELD=HEADER (e.g. --column manager_id=parentId)\n")


def test_export_csv_round_trips_through_import(tmp_path, examples_dir):
    out = tmp_path / "people.csv"
    res = run("export", str(examples_dir / "reorg-after.yaml"), "--format", "csv", "-o", str(out), "--bom")
    assert res.returncode == 0, res.stderr
    raw = out.read_bytes()
    assert raw.startswith("\ufeffid,name,title,level,manager_id,dotted_manager_ids,unit,function,product,region,segment,process,channel,vacant,email\r\n".encode())
    assert "yf003,王丽,客户成功经理,individual,yf002,,战略客户组,customer success,,,战略客户,,,,\r\n".encode() in raw
    assert "yf012,,客户成功经理,individual,yf002,,战略客户组,customer success,,,战略客户,,,true,\r\n".encode() in raw
    back = run("import", str(out), "--company", "云帆科技")
    assert back.returncode == 0, back.stderr
    # the positions come back as they were (roles and duties are not part of the CSV shape)
    original = load_org(examples_dir / "reorg-after.yaml")
    again = org_from(back.stdout)
    fields = ("id", "name", "title", "reports_to", "unit", "segment", "vacant")
    titles = {r.id: r.title for r in original.model.roles}
    expected = [{**p.model_dump(include=set(fields)), "title": p.title or titles[p.role]} for p in original.model.positions]
    assert [p.model_dump(include=set(fields)) for p in again.model.positions] == expected


def test_export_proposal_expands_headcount_into_seats():
    text = """\
        company: {name: X}
        dimensions: {regions: [华东, 'North America']}
        structure: {type: geographic}
        roles:
          - {id: head, title: '=Head', level: director}
          - {id: csm, title: CSM, headcount: 2, reports_to: head}
        """
    text = to_csv(graph_from(text), org_from(text))
    assert text.splitlines() == [
        "id,name,title,level,manager_id,dotted_manager_ids,unit,function,product,region,segment,process,channel,vacant,email",
        "head,,'=Head,director,,,,,,,,,,true,",
        "csm-region-华东-1,,CSM,individual,head,,华东,,,华东,,,,true,",
        "csm-region-华东-2,,CSM,individual,head,,华东,,,华东,,,,true,",
        "csm-region-North-America-1,,CSM,individual,head,,North America,,,North America,,,,true,",
        "csm-region-North-America-2,,CSM,individual,head,,North America,,,North America,,,,true,",
    ]
