"""Every structure builder: exact graph shapes on a small org."""

from __future__ import annotations

import networkx as nx
import pytest

from csdesign.errors import CsdesignError, ModelError
from csdesign.structures import NAMES, build
from csdesign.structures.contract import DOTTED, SOLID, manager_of, roles, solid_view
from tests.helpers import graph_from, org_from

ORG = """
company:
  name: 云帆科技
  employees: 850
  cs_reports_to: coo
dimensions:
  products: [CRM, 数据分析平台]
  regions: [华东, 华南, 海外]
  segments: [strategic, key, standard]
  processes: [onboarding, renewal]
structure:
  type: matrix
roles:
  - id: head_cs
    title: 客户成功部总监
    level: director
    duties: [strategy]
  - id: data_lead
    title: 数据分析组长
    level: supervisor
    scope: lead
    function: 数据分析
  - id: mgr
    title: CS Manager
    level: manager
    function: success
  - id: csm
    title: CSM
    headcount: 4
    function: success
    only: {regions: [华东, 华南]}
  - id: analyst
    title: 数据分析师
    function: 数据分析
"""


def edges(g, kind=SOLID):
    return sorted((u, v) for u, v, d in g.edges(data=True) if d["kind"] == kind)


def test_every_structure_keeps_every_role():
    org = org_from(ORG)
    for name in NAMES:
        g = build(org, name)
        assert {d["role_id"] for _, d in roles(g)} == {"head_cs", "data_lead", "mgr", "csm", "analyst"}, name
        assert nx.is_directed_acyclic_graph(solid_view(g))
        assert manager_of(g, "head_cs") == "@coo"
        assert g.nodes["@coo"]["title"] == "COO"


def test_geographic_replicates_unit_roles_per_region_respecting_only():
    g = graph_from(ORG, "geographic")
    assert list(g.graph["units"]) == ["region:华东", "region:华南", "region:海外"]
    assert edges(g) == sorted(
        [
            ("@coo", "head_cs"),
            ("head_cs", "data_lead"),
            ("head_cs", "mgr@region:华东"),
            ("head_cs", "mgr@region:华南"),
            ("head_cs", "mgr@region:海外"),
            ("mgr@region:华东", "csm@region:华东"),
            ("mgr@region:华东", "analyst@region:华东"),
            ("mgr@region:华南", "csm@region:华南"),
            ("mgr@region:华南", "analyst@region:华南"),
            ("mgr@region:海外", "analyst@region:海外"),
        ]
    )
    assert g.nodes["csm@region:华东"]["coverage"] == {"region": ["华东"]}
    assert g.nodes["csm@region:华东"]["headcount"] == 4
    assert g.graph["axis"] == "region"


@pytest.mark.parametrize(("structure", "axis", "count"), [("product", "product", 2), ("market", "segment", 3), ("process", "process", 2)])
def test_axis_structures_one_unit_per_value(structure, axis, count):
    g = graph_from(ORG, structure)
    units = g.graph["units"]
    assert len(units) == count and all(u["axis"] == axis for u in units.values())
    assert sum(1 for _, d in roles(g) if d["role_id"] == "mgr") == count
    # csm covers only 华东/华南 on the region axis in every non-regional cut
    csm = next(d for _, d in roles(g) if d["role_id"] == "csm")
    assert csm["coverage"]["region"] == ["华东", "华南"]


def test_functional_units_by_function():
    g = graph_from(ORG, "functional")
    assert list(g.graph["units"]) == ["function:数据分析", "function:success"]
    assert edges(g) == sorted(
        [
            ("@coo", "head_cs"),
            ("head_cs", "data_lead"),
            ("head_cs", "mgr@function:success"),
            ("mgr@function:success", "csm@function:success"),
            ("head_cs", "analyst@function:数据分析"),
        ]
    )
    assert g.graph["layout"] == "dot"


def test_matrix_dotted_lines_from_function_lead_to_members_in_every_unit():
    g = graph_from(ORG)  # file says matrix; primary defaults to product
    assert g.graph["axis"] == "product" and g.graph["secondary"] == "function"
    assert edges(g, DOTTED) == [("data_lead", "analyst@product:CRM"), ("data_lead", "analyst@product:数据分析平台")]
    # dotted lines are never part of the hierarchy
    assert manager_of(g, "analyst@product:CRM") == "mgr@product:CRM"


def test_matrix_with_region_secondary_replicates_leads():
    text = ORG.replace("  type: matrix\n", "  type: matrix\n  secondary: region\n").replace("    scope: lead\n    function: 数据分析\n", "    scope: lead\n")
    g = graph_from(text)
    leads = sorted(n for n, d in roles(g) if d["role_id"] == "data_lead")
    assert leads == ["data_lead@region:华东", "data_lead@region:华南", "data_lead@region:海外"]
    # each regional lead coordinates the top of each product unit (the unit managers)
    assert ("data_lead@region:海外", "mgr@product:CRM") in edges(g, DOTTED)
    assert len(edges(g, DOTTED)) == 3 * 2


def test_flat_has_no_middle_layer():
    g = graph_from(ORG, "flat")
    assert g.graph["units"] == {}
    for n, d in roles(g):
        if n != "head_cs":
            assert manager_of(g, n) == "head_cs", n
    assert edges(g, DOTTED) == []


def test_circular_is_functional_in_rings():
    g = graph_from(ORG, "circular")
    assert g.graph["layout"] == "twopi"
    assert edges(g) == edges(graph_from(ORG, "functional"))


def test_reports_to_inside_unit_wins_over_nesting():
    text = ORG + "  - id: sup\n    title: Team Lead\n    level: supervisor\n    function: success\n    reports_to: mgr\n  - id: agent\n    title: Agent\n    function: success\n    reports_to: sup\n"
    g = graph_from(text, "product")
    assert manager_of(g, "agent@product:CRM") == "sup@product:CRM"
    assert manager_of(g, "sup@product:CRM") == "mgr@product:CRM"
    # csm has no reports_to: nearest higher level in the unit is the supervisor
    assert manager_of(g, "csm@product:CRM") == "sup@product:CRM"


def test_structure_without_its_axis_is_a_clear_error():
    text = ORG.replace("  regions: [华东, 华南, 海外]\n", "").replace("    only: {regions: [华东, 华南]}\n", "")
    with pytest.raises(ModelError) as info:
        graph_from(text, "geographic")
    [problem] = info.value.problems
    assert problem.code == "ST001"
    assert problem.message == "a geographic structure needs at least one value in dimensions.regions"
    assert problem.line == 6


def test_reporting_cycle_names_roles():
    text = ORG + "  - id: a\n    title: A\n    scope: shared\n    reports_to: b\n  - id: b\n    title: B\n    scope: shared\n    reports_to: a\n"
    with pytest.raises(CsdesignError) as info:  # the loader finds it, whatever the structure
        graph_from(text, "functional")
    [problem] = info.value.problems
    assert problem.code == "RL001"
    assert problem.message == "reporting cycle: a -> b -> a"
    assert (problem.line, problem.column) == (38, 17)


def test_shared_role_reporting_to_unit_role_is_ambiguous():
    text = ORG + "  - id: ops\n    title: Ops\n    scope: shared\n    reports_to: csm\n"
    with pytest.raises(ModelError) as info:
        graph_from(text, "product")
    assert info.value.problems[0].code == "RL004"


def test_structure_override_and_node_order_are_deterministic():
    a = graph_from(ORG, "market")
    b = graph_from(ORG, "market")
    assert list(a.nodes) == list(b.nodes) and list(a.edges) == list(b.edges)


def test_reports_to_a_single_instance_in_another_unit_is_kept():
    text = ORG.replace("    title: 数据分析师\n    function: 数据分析\n", "    title: 数据分析师\n    function: 数据分析\n    reports_to: mgr\n")
    g = graph_from(text, "functional")
    # functional: mgr exists once (in the success unit), so the analyst keeps its manager
    assert manager_of(g, "analyst@function:数据分析") == "mgr@function:success"
    # product: mgr is replicated per product, so the analyst reports to its own unit's copy
    p = graph_from(text, "product")
    assert manager_of(p, "analyst@product:CRM") == "mgr@product:CRM"
