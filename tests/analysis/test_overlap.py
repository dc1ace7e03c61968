"""Overlap, delegation and shared KPIs on small hand-built orgs: exact findings."""

from csdesign.analysis.kpis import find_shared_kpis
from csdesign.analysis.overlap import find_delegations, find_overlaps
from tests.helpers import graph_from

REGIONS = """
company: {name: Acme}
dimensions: {regions: [East, West]}
structure: {type: geographic}
roles:
  - {id: head, title: Head of CS, level: director, duties: [renewal]}
  - {id: csm, title: CSM, duties: [renewal, onboarding], kpis: [NRR]}
  - {id: spec, title: Renewal Specialist, only: {regions: [West]}, duties: [renewal], kpis: [NRR]}
  - {id: ops, title: CS Ops, level: manager, scope: shared, duties: [onboarding]}
"""


def test_overlap_only_where_scopes_meet_and_not_between_replicas():
    g = graph_from(REGIONS)
    found = find_overlaps(g)
    assert [(o.duty, [r.role_id for r in o.roles], o.scope, o.units) for o in found] == [
        ("renewal", ["csm", "spec"], (("region", ("West",)),), ("region: West",)),
        ("onboarding", ["ops", "csm"], (("region", ("East", "West")),), ("region: East", "region: West")),
    ]
    assert found[0].nodes == ("csm@region:West", "spec@region:West")
    assert found[0].message() == (
        "duty 'renewal' has two owners: CSM (csm) and Renewal Specialist (spec) both hold it in region: West; "
        "give it one owner per scope (or split it by scope) and write the split into both job descriptions"
    )
    assert found[0].message("zh").startswith("职责「renewal」有两个负责人：CSM（csm）与 Renewal Specialist（spec）在区域：West 范围内都负责此项")


def test_head_holding_a_duty_of_its_reports_is_delegation_not_overlap():
    g = graph_from(REGIONS)
    dels = find_delegations(g)
    assert [(d.duty, d.manager.role_id, d.report.role_id, d.nodes) for d in dels] == [
        ("renewal", "head", "csm", ("head", "csm@region:East", "csm@region:West")),
        ("renewal", "head", "spec", ("head", "spec@region:West")),
    ]
    assert all("head" not in [r.role_id for r in o.roles] for o in find_overlaps(g))


def test_disjoint_only_lists_do_not_overlap():
    g = graph_from("""
    company: {name: Acme}
    dimensions: {segments: [SMB, Enterprise]}
    roles:
      - {id: head, title: Head, level: director}
      - {id: a, title: SMB CSM, only: {segments: [SMB]}, duties: [renewal]}
      - {id: b, title: Ent CSM, only: {segments: [Enterprise]}, duties: [renewal]}
    """)
    assert find_overlaps(g) == []


def test_shared_kpi_found_like_overlap():
    g = graph_from(REGIONS)
    shared = find_shared_kpis(g)
    assert [(s.kpi, [r.role_id for r in s.roles], s.scope) for s in shared] == [("NRR", ["csm", "spec"], (("region", ("West",)),))]
    assert shared[0].message() == (
        "KPI 'NRR' has two owners in region: West: CSM (csm) and Renewal Specialist (spec); "
        "give it one owner per scope and make the other a contributor"
    )


def test_examples_have_their_documented_overlap(examples_dir):
    from csdesign.structures import build_file

    g = build_file(str(examples_dir / "startup.yaml"))
    assert [(o.duty, [r.role_id for r in o.roles]) for o in find_overlaps(g)] == [
        ("Collect product feedback for engineering", ["csm", "support"])
    ]
    g = build_file(str(examples_dir / "manufacturer.yaml"))
    assert [(o.duty, [r.role_id for r in o.roles]) for o in find_overlaps(g)] == [("客户回访", ["hotline_agent", "cr_spec"])]
