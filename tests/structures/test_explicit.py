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
        "coverage": {}, "name": "王芳", "vacant": False, "source": ("positions", 0),
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
