"""The explicit (as-is) builder: positions -> the same graph contract as generated structures."""

from __future__ import annotations

import pytest

from csdesign.errors import InputError, ModelError
from csdesign.structures import build
from csdesign.structures.contract import DOTTED, SOLID, dotted_reports, manager_of, solid_reports
from tests.helpers import graph_from, org_from

ORG = """\
company:
  name: 云帆科技
  cs_reports_to: coo
roles:
  - id: csm
    title: 客户成功经理
    level: individual
    function: success
    duties: [续约管理, 客户健康度监控]
    kpis: [续约率]
  - id: lead
    title: 团队经理
    level: manager
positions:
  - id: p1
    name: 王芳
    title: 客户成功总监
    duties: [战略规划]
  - id: p2
    name: 李雷
    role: lead
    reports_to: p1
    unit: 华东团队
    region: 华东
  - id: p3
    name: 韩梅梅
    role: csm
    reports_to: p2
    dotted_to: [p1, p2]
    duties: [客户培训, 续约管理]
  - id: p4
    title: 数据分析师
    vacant: true
    name: 待招
    reports_to: p1
"""


def test_boxes_attributes_and_edges():
    g = graph_from(ORG)
    assert g.graph["structure"] == "explicit"
    assert g.graph["head"] == "p1"
    assert g.graph["external"] == "@coo"
    assert g.graph["axis"] == "unit"
    assert g.graph["units"] == {"unit:华东团队": {"id": "unit:华东团队", "axis": "unit", "value": "华东团队", "label": "华东团队"}}
    assert list(g.nodes) == ["@coo", "p1", "p2", "p3", "p4"]
    assert g.nodes["p1"] == {
        "kind": "role", "role_id": "p1", "title": "客户成功总监", "level": "manager", "headcount": 1,
        "function": None, "scope": "head", "duties": ["战略规划"], "kpis": [], "kpi_targets": {}, "capacity": {}, "skills": [], "unit": None,
        "coverage": {}, "name": "王芳", "vacant": False, "assistant": False, "source": ("positions", 0),
    }
    p3 = g.nodes["p3"]
    assert (p3["role_id"], p3["title"], p3["level"], p3["function"], p3["scope"]) == ("csm", "客户成功经理", "individual", "success", "shared")
    # role duties first, then the position's own, without repeats
    assert p3["duties"] == ["续约管理", "客户健康度监控", "客户培训"]
    assert p3["kpis"] == ["续约率"]
    p2 = g.nodes["p2"]
    assert (p2["level"], p2["scope"], p2["unit"], p2["coverage"]) == ("manager", "unit", "unit:华东团队", {"region": ["华东"]})
    p4 = g.nodes["p4"]
    assert (p4["vacant"], p4["name"], p4["level"], p4["role_id"]) == (True, None, "individual", "p4")
    assert manager_of(g, "p1") == "@coo"
    assert solid_reports(g, "p1") == ["p2", "p4"]
    # the dotted line to the solid manager is not repeated
    assert dotted_reports(g, "p1") == ["p3"]
    assert dotted_reports(g, "p2") == []
    assert g.edges["p2", "p3"]["kind"] == SOLID and g.edges["p1", "p3"]["kind"] == DOTTED


def test_level_inferred_from_reporting_height():
    g = graph_from("""\
        company: {name: X}
        positions:
          - {id: a, title: A}
          - {id: b, title: B, reports_to: a}
          - {id: c, title: C, reports_to: b}
          - {id: d, title: D, reports_to: c}
          - {id: e, title: E, reports_to: d}
          - {id: f, title: F, reports_to: a, level: director}
        """)
    assert {n: g.nodes[n]["level"] for n in "abcdef"} == {
        "a": "director", "b": "director", "c": "manager", "d": "supervisor", "e": "individual", "f": "director",
    }


def test_several_tops_are_each_reported():
    org = org_from("""\
        company: {name: X}
        positions:
          - {id: a, name: Ann, title: Head}
          - {id: b, title: B, reports_to: a}
          - {id: c, name: Cy, title: C}
          - {id: d, title: D}
        """)
    with pytest.raises(ModelError) as exc:
        build(org)
    assert [(p.code, p.line, p.column, p.message) for p in exc.value.problems] == [
        ("RL006", 5, 5, "position 'c' (Cy) has no reports_to, but 'a' (Ann) is already the top position (3 tops in all)"),
        ("RL006", 6, 5, "position 'd' has no reports_to, but 'a' (Ann) is already the top position (3 tops in all)"),
    ]


def test_cycle_without_top_is_reported():
    with pytest.raises(InputError) as exc:  # by the loader, before any chart is built
        org_from("""\
            company: {name: X}
            positions:
              - {id: a, title: A, reports_to: b}
              - {id: b, title: B, reports_to: a}
            """)
    [p] = exc.value.problems
    assert (p.code, p.message, p.line) == ("RL001", "reporting cycle: a -> b -> a", 3)


def test_cycle_beside_the_top_is_reported():
    with pytest.raises(InputError) as exc:
        org_from("""\
            company: {name: X}
            positions:
              - {id: top, title: Top}
              - {id: a, title: A, reports_to: b}
              - {id: b, title: B, reports_to: a}
            """)
    assert [(p.code, p.message, p.line) for p in exc.value.problems] == [("RL001", "reporting cycle: a -> b -> a", 4)]


def test_empty_positions():
    org = org_from("company: {name: X}\npositions: []\n")
    with pytest.raises(ModelError) as exc:
        build(org)
    [p] = exc.value.problems
    assert (p.message, p.line, p.column) == ("`positions:` is empty", 2, 1)


def test_people_alias_and_reference_checks():
    with pytest.raises(InputError) as exc:
        org_from("""\
            company: {name: X}
            dimensions: {regions: [华东, 华南]}
            people:
              - {id: a, title: A}
              - {id: b, title: B, reports_to: aa, region: 华北}
            """)
    got = [(p.code, p.line, p.message) for p in exc.value.problems]
    assert got == [
        ("RL002", 5, "Manager 'aa' is not defined; did you mean 'a'?"),
        ("S005", 5, "'华北' is not in dimensions.regions"),
    ]


def test_structure_option_builds_the_proposal_from_roles():
    g = graph_from(ORG, "functional")
    assert g.graph["structure"] == "functional"
    assert {d["role_id"] for _, d in g.nodes(data=True) if d["kind"] == "role"} == {"csm", "lead"}
    assert not any(d.get("name") for _, d in g.nodes(data=True))


def test_structure_option_without_roles_is_a_clear_error():
    org = org_from("company: {name: X}\npositions:\n  - {id: a, title: A}\n")
    with pytest.raises(ModelError) as exc:
        build(org, "product")
    [p] = exc.value.problems
    assert p.message == "a product proposal is built from `roles:`, and this as-is org has none (only 1 positions)"
    assert (p.line, p.column) == (2, 1)


NESTED = """\
company: {name: 云帆科技}
positions:
  - {id: d, name: 王芳, title: 客户成功部总监, unit: 客户成功部}
  - {id: t1, name: 李强, title: 战略客户组组长, reports_to: d, unit: 战略客户组}
  - {id: c1, name: 赵磊, title: 客户成功经理, reports_to: t1, unit: 战略客户组}
  - {id: a, name: 刘洋, title: 助理, reports_to: d}
  - {id: t2, name: 陈静, title: 客服组长, reports_to: a, unit: 客服组}
  - {id: s1, name: 杨帆, title: 客服专员, reports_to: t2, unit: 客服组}
  - {id: x, name: 周婷, title: 项目经理, reports_to: d, unit: 项目组}
  - {id: x2, name: 吴昊, title: 项目专员, reports_to: t1, unit: 项目组}
"""


def test_a_department_unit_holds_the_units_its_people_manage():
    """Issue 18: after import, 部门: 客户成功部 was a cluster around the director alone."""
    g = graph_from(NESTED)
    assert {u: info.get("parent") for u, info in g.graph["units"].items()} == {
        "unit:客户成功部": None,
        "unit:战略客户组": "unit:客户成功部",  # its top reports to the director
        "unit:客服组": "unit:客户成功部",  # through 刘洋, who has no unit
        "unit:项目组": None,  # its tops report into two units: not nested in either
    }


def test_units_that_would_nest_in_each_other_stay_apart():
    g = graph_from("""\
company: {name: X}
positions:
  - {id: h, title: Head}
  - {id: a1, title: A lead, reports_to: h, unit: A}
  - {id: b1, title: B lead, reports_to: a1, unit: B}
  - {id: a2, title: A member, reports_to: b1, unit: A}
""")
    assert {u: info.get("parent") for u, info in g.graph["units"].items()} == {"unit:A": None, "unit:B": "unit:A"}
