"""RACI rules and matrix, spans and bands, capacity, placement: exact numbers and sentences."""

import pytest

from csdesign.analysis.capacity import analyse_capacity
from csdesign.analysis.placement import assess_placement
from csdesign.analysis.raci import check_raci, raci_matrix
from csdesign.analysis.spans import analyse_spans, make_bands
from csdesign.errors import InputError
from tests.helpers import graph_from

RACI = """
company: {name: Acme}
dimensions: {regions: [East, West]}
structure: {type: geographic}
roles:
  - {id: head, title: Head, level: director}
  - {id: mgr, title: Manager, level: manager, duties: [renewal]}
  - {id: csm, title: CSM, reports_to: mgr, only: {regions: [East]}, duties: [renewal]}
  - {id: ops, title: Ops, scope: shared}
raci:
  renewal: {A: [mgr, ops], R: csm, C: head}
  onboarding: {R: [csm]}
"""


def test_raci_rules_per_scope():
    issues = check_raci(graph_from(RACI))
    assert [(i.duty, i.rule, i.scope, [r.role_id for r in i.roles]) for i in issues] == [
        ("renewal", "no-responsible", (("region", ("West",)),), ["csm"]),
        ("renewal", "several-accountable", (("region", ("East", "West")),), ["ops", "mgr"]),
        ("onboarding", "no-accountable", (), []),
        ("onboarding", "no-responsible", (("region", ("West",)),), ["csm"]),
    ]
    assert issues[0].message() == "RACI for 'renewal' has no Responsible role in region: West; name one role as R there"
    assert issues[2].message("zh") == "职责「onboarding」的 RACI 没有负责人（A）；请在该范围指定一个岗位为 A"


def test_several_accountable_stays_with_its_entry():
    # one clashes() call answers every entry; each entry's issues still come together, in file order
    two = RACI.replace("onboarding: {R: [csm]}", "onboarding: {A: [ops, mgr], R: [csm]}").replace("renewal]}", "renewal, onboarding]}")
    issues = check_raci(graph_from(two.replace("scope: shared}", "scope: shared, duties: [renewal, onboarding]}")))
    assert [(i.duty, i.rule, [r.role_id for r in i.roles]) for i in issues] == [
        ("renewal", "no-responsible", ["csm"]),
        ("renewal", "several-accountable", ["ops", "mgr"]),
        ("onboarding", "no-responsible", ["csm"]),
        ("onboarding", "several-accountable", ["ops", "mgr"]),
    ]


def test_raci_matrix_cells():
    m = raci_matrix(graph_from(RACI))
    assert m.rows() == [
        ["duty", "head", "mgr", "csm", "ops"],
        ["renewal", "C", "A", "R", "A"],
        ["onboarding", "", "", "R", ""],
    ]


SPANS = """
company: {name: Acme}
roles:
  - {id: head, title: Head, level: director}
  - {id: lead, title: Lead, level: supervisor, reports_to: head, headcount: 2}
  - {id: agent, title: Agent, reports_to: lead, headcount: 30}
  - {id: solo, title: Solo manager, level: manager, reports_to: head}
  - {id: analyst, title: Analyst, reports_to: solo}
"""


def test_spans_bands_layers_ratio():
    s = analyse_spans(graph_from(SPANS))
    assert [(r.role_id, r.managers, r.reports, r.span, r.band) for r in s.rows] == [
        ("head", 1, 3, 3, "micro"),
        ("lead", 2, 30, 15, "above"),
        ("solo", 1, 1, 1, "one-to-one"),
    ]
    assert s.band_people == {"one-to-one": 1, "micro": 1, "below": 0, "target": 0, "above": 2, "excessive": 0}
    assert (s.headcount, s.manager_people, s.individual_people, s.ratio) == (35, 4, 31, 7.75)
    assert (s.layers, s.layers_needed, s.target_span) == (2, 2, 10)
    assert s.band_share("above") == 0.5
    assert [i.rule for i in s.issues] == ["span-above", "span-one-to-one"]
    assert s.issues[0].message() == "Lead (lead) [function: customer success] has a span of 15 (above target, target 8–12); split the team or add a team lead"


def test_configurable_bands():
    bands = make_bands(5, 6)
    assert [(b.id, b.range_text()) for b in bands] == [
        ("one-to-one", "1"), ("micro", "2–3"), ("below", "4"), ("target", "5–6"), ("above", "7–10"), ("excessive", "11+"),
    ]
    assert analyse_spans(graph_from(SPANS), bands).rows[1].band == "excessive"
    with pytest.raises(InputError, match="span target 3-8 is not valid"):
        make_bands(3, 8)


CAPACITY = """
company: {name: Acme}
dimensions:
  segments:
    - {name: Strategic, accounts: 25, arr: 5000000}
    - {name: Standard, accounts: 600}
    - {name: Long tail, accounts: 9000}
structure: {type: market}
roles:
  - {id: head, title: Head, level: director}
  - {id: csm, title: CSM, headcount: 3, only: {segments: [Strategic, Standard]}, capacity: {Strategic: 10, Standard: 60}}
  - {id: renewals, title: Renewals, scope: shared, headcount: 4, capacity: {Standard: 200}}
"""


def test_capacity_required_vs_declared_per_unit_and_segment():
    rows = analyse_capacity(graph_from(CAPACITY))
    assert [(r.role.role_id if r.role else None, r.segments, r.units, r.accounts, r.required, r.declared, r.status) for r in rows] == [
        ("renewals", ("Standard",), (), 600, 3, 4, "over"),
        ("csm", ("Strategic",), ("segment: Strategic",), 25, 3, 3, "ok"),
        ("csm", ("Standard",), ("segment: Standard",), 600, 10, 3, "under"),
        (None, ("Long tail",), (), 9000, 0, 0, "unplanned"),
    ]
    assert rows[2].message() == (
        "CSM (csm) in segment: Standard: 600 accounts in 'Standard' need 10 people, 3 declared; "
        "under-staffed by 7: hire, or move people from where the work is not"
    )
    assert rows[1].arr == 5000000.0


def test_capacity_defaults_size_roles_that_declare_none():
    rows = analyse_capacity(graph_from(CAPACITY.replace(", capacity: {Standard: 200}", "")), {"renewals": {"Standard": 150}})
    assert [(r.role.role_id, r.required, r.declared) for r in rows if r.role and r.role.role_id == "renewals"] == [("renewals", 4, 4)]


@pytest.mark.parametrize(
    "company, fits",
    [
        ("{name: A, employees: 5000, cs_reports_to: sales}", False),
        ("{name: A, employees: 5000, cs_reports_to: coo}", True),
        ("{name: A, employees: 300, kind: traditional, cs_reports_to: sales}", True),
        # issue 14: an independent CS under the CEO is not told to move under sales; service fits anywhere
        ("{name: A, employees: 300, kind: traditional, cs_reports_to: ceo}", True),
        ("{name: A, employees: 5000, cs_reports_to: service}", True),
        ("{name: A, employees: 20, cs_reports_to: ceo}", True),
    ],
)
def test_placement(company, fits):
    p = assess_placement(graph_from(f"company: {company}\nroles:\n  - {{id: head, title: Head, level: director}}\n"))
    assert p.fits is fits


def test_placement_message_names_risks_and_advice():
    p = assess_placement(graph_from("company: {name: A, employees: 5000, cs_reports_to: sales}\nroles:\n  - {id: h, title: H}\n"))
    assert p.message() == (
        "CS reports to Sales, which is unusual for a large internet company (usual: the CEO, the COO); "
        "risks: CS is treated as the tail of the sales process, resources are starved because CS books no new revenue, "
        "cross-department work is slow through the sales hierarchy. Large firms: run CS as an independent department "
        "reporting to the COO or CEO, with cross-department authority."
    )
    assert p.nodes == ("@sales", "h")
