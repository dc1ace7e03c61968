"""Gaps: catalogue, level defaults, KPIs, and per-scope gaps; near-duplicate names."""

from csdesign.analysis.gaps import find_gaps
from csdesign.analysis.names import key
from csdesign.analysis.near_duplicates import find_near_duplicates
from tests.helpers import graph_from

ORG = """
company: {name: Acme}
dimensions: {regions: [East, West, North], processes: [Onboarding, Renewal]}
structure: {type: geographic}
duties: [Renewals, Onboarding, Escalation handling]
kpis: [NRR, csat]
roles:
  - {id: head, title: Head, level: director, duties: [Set CS strategy, Allocate budget, Coordinate with Sales]}
  - {id: csm, title: CSM, only: {regions: [East, West], processes: [Renewal]}, duties: [renewal], kpis: [NRR]}
  - {id: onb, title: Onboarder, only: {processes: [Onboarding]}, duties: [onboarding], kpis: [CSAT]}
"""


def test_gaps_exact():
    gaps = find_gaps(graph_from(ORG))
    assert [(x.what, x.name, x.source, x.scope, [r.role_id for r in x.owners_elsewhere]) for x in gaps] == [
        ("duty", "Renewals", "catalogue", (("region", ("North",)),), ["csm"]),
        ("duty", "Escalation handling", "catalogue", (), []),
        ("kpi", "NRR", "kpis", (("region", ("North",)),), ["csm"]),
    ]
    assert gaps[0].message() == (
        "nobody owns the duty 'Renewals' in region: North (elsewhere it is owned by CSM (csm)); "
        "give it an owner there: extend that role's scope or add a role"
    )
    assert gaps[1].message("zh") == "没有岗位负责职责「Escalation handling」；请指定唯一负责人并写入其岗位说明书"
    assert gaps[1].nodes == ("head",)


def test_catalogue_only_limits_where_an_owner_is_needed():
    scoped = ORG.replace(
        "duties: [Renewals, Onboarding, Escalation handling]\nkpis: [NRR, csat]",
        "duties: [{name: Renewals, only: {regions: [East, West]}}, Onboarding, Escalation handling]\n"
        "kpis: [{name: NRR, only: {regions: [West, North]}}, csat]",
    )
    g = graph_from(scoped)
    assert g.graph["duty_scopes"] == {"Renewals": {"region": ["East", "West"]}}
    gaps = find_gaps(g)
    # Renewals needs owners only in East and West (csm covers both): no gap; NRR is still
    # missing in North, which its limit keeps
    assert [(x.what, x.name, x.scope) for x in gaps] == [
        ("duty", "Escalation handling", ()),
        ("kpi", "NRR", (("region", ("North",)),)),
    ]


def test_catalogue_only_values_must_exist():
    import pytest

    from csdesign.errors import InputError

    with pytest.raises(InputError) as info:
        graph_from(ORG.replace("duties: [Renewals,", "duties: [{name: Renewals, only: {regions: [South]}},"))
    [problem] = info.value.problems
    assert (problem.code, problem.line, problem.path) == ("S005", 5, "duties[0].only.regions[0]")
    assert problem.message == "'South' is not in dimensions.regions; did you mean 'North'?"


def test_process_axis_is_not_a_per_scope_gap():
    # onboarding is owned only in the Onboarding stage: placed, not missing (no gap listed above)
    gaps = find_gaps(graph_from(ORG))
    assert all(dict(x.scope).get("process") is None for x in gaps)


def test_level_defaults_are_expected_when_the_level_exists():
    g = graph_from("""
    company: {name: Acme}
    roles:
      - {id: head, title: Head, level: director, duties: [客户成功战略规划]}
      - {id: lead, title: Team lead, level: supervisor, reports_to: head, duties: [Triage tickets]}
    """)
    gaps = find_gaps(g)
    assert [(x.name, x.source, x.name_zh) for x in gaps] == [
        ("resource allocation", "level:director", "资源调配"),
        ("cross-department coordination", "level:director", "跨部门协调"),
        ("customer communication", "level:supervisor", "客户沟通"),
        ("data feedback", "level:supervisor", "数据反馈"),
    ]
    assert gaps[0].nodes == ("head",)
    assert gaps[2].message("zh") == "没有岗位负责「客户沟通」，这是一线主管层级的默认职责；请写入一线主管的岗位说明书"


def test_keys_fold_case_plural_order_filler_and_synonyms():
    assert key("renewal") == key("Renewals") == key("Renewal management") == key("续费管理") == "renewal"
    assert key("客户回访") == key("回访客户")
    assert key("Negotiate renewals") != key("Forecast renewals")


def test_near_duplicates_group_spellings_and_leave_distinct_duties():
    g = graph_from("""
    company: {name: Acme}
    roles:
      - {id: head, title: Head, level: director, duties: [renewal, Customer onboarding, NPS survey]}
      - {id: a, title: A, reports_to: head, duties: [Renewals, 客户回访, Forecast renewals]}
      - {id: b, title: B, reports_to: head, duties: [Renewal management, 回访客户, Customer onbording, 客户培训]}
    """)
    found = find_near_duplicates(g)
    assert [(d.names, d.reason, [r.role_id for r in d.roles]) for d in found] == [
        (("renewal", "Renewals", "Renewal management"), "same-key", ["head", "a", "b"]),
        (("Customer onboarding", "Customer onbording"), "similar", ["head", "b"]),
        (("客户回访", "回访客户"), "same-key", ["a", "b"]),
    ]
    assert found[1].score == 97.29730224609375 or round(found[1].score, 1) == 97.3
