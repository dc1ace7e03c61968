"""The shipped examples: they load, build in all eight structures, and have the exact shape
their comments and docs/model.md describe (units, replicated roles, dotted lines, headcount).

Headcount totals change with the structure because a unit role's ``headcount`` is per unit:
a pod of 11 replicated in three product units is 33 people. Hand-checked, e.g. growth-saas in
the product structure: 5 shared (VP 1, CS Ops 1, analysts 2, regional lead 1) + 3 × (CS
manager 1 + CSMs 3 + onboarding 1 + renewals 1 + support lead 1 + engineers 4) = 38.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from csdesign.model import collect_problems, load_org
from csdesign.model.jsonschema import schema_json
from csdesign.render.chart.dot import to_dot
from csdesign.structures import NAMES, build
from csdesign.structures.contract import DOTTED, manager_of, roles, solid_reports
from tests.helpers import EXAMPLES, ROOT

EXAMPLE_NAMES = ["startup", "growth-saas", "enterprise", "manufacturer", "ecommerce-matrix"]
DOCS = ROOT / "docs"

#: example -> structure -> total people (sum of headcount over every role box).
HEADCOUNT = {
    "startup": {"functional": 6, "product": 6, "market": 10, "geographic": 10, "process": 14, "matrix": 6, "circular": 6, "flat": 6},
    "growth-saas": {"functional": 16, "product": 38, "market": 35, "geographic": 38, "process": 25, "matrix": 40, "circular": 16, "flat": 16},
    "enterprise": {"functional": 74, "product": 204, "market": 129, "geographic": 269, "process": 150, "matrix": 204, "circular": 74, "flat": 74},
    "manufacturer": {"functional": 17, "product": 33, "market": 32, "geographic": 41, "process": 28, "matrix": 33, "circular": 17, "flat": 17},
    "ecommerce-matrix": {"functional": 22, "product": 58, "market": 58, "geographic": 58, "process": 58, "matrix": 58, "circular": 22, "flat": 22},
}

#: example -> (declared structure, company stage, where CS reports).
DECLARED = {
    "startup": ("flat", "startup", "ceo"),
    "growth-saas": ("matrix", "growth", "marketing"),
    "enterprise": ("market", "enterprise", "coo"),
    "manufacturer": ("geographic", "growth", "sales"),
    "ecommerce-matrix": ("matrix", "enterprise", "coo"),
}


def path_of(name: str) -> Path:
    return EXAMPLES / f"{name}.yaml"


def graph(name: str, structure: str | None = None):
    return build(load_org(path_of(name)), structure)


def unit_roles(g) -> dict[str, list[str]]:
    """unit id -> role ids of its boxes, in declaration order."""
    out: dict[str, list[str]] = {}
    for _, d in roles(g):
        if d["unit"]:
            out.setdefault(d["unit"], []).append(d["role_id"])
    return out


def total(g) -> int:
    return sum(d["headcount"] for _, d in roles(g))


def dotted(g) -> list[tuple[str, str]]:
    return sorted((u, v) for u, v, d in g.edges(data=True) if d["kind"] == DOTTED)


# --- every example loads and builds ------------------------------------------------------

def test_the_five_examples_are_the_shipped_ones():
    shipped = sorted(p.stem for p in EXAMPLES.glob("*.yaml") if not p.name.startswith("reorg-"))
    assert shipped == sorted(EXAMPLE_NAMES)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_loads_without_problems_and_points_at_the_schema(name):
    org, problems = collect_problems(path_of(name))
    assert problems == []
    first = path_of(name).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../docs/org.schema.json"
    declared, stage, placement = DECLARED[name]
    assert (org.model.structure.type.value, org.model.company.effective_stage.value, org.model.company.cs_reports_to.value) == (declared, stage, placement)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_has_every_axis_a_structure_can_cut(name):
    dims = load_org(path_of(name)).model.dimensions
    assert all(dims.values(axis) for axis in ("product", "region", "segment", "process"))


@pytest.mark.parametrize("structure", NAMES)
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_builds_with_exact_headcount(name, structure):
    g = graph(name, structure)
    assert g.graph["structure"] == structure
    assert total(g) == HEADCOUNT[name][structure]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_unreplicated_structures_count_each_role_once(name):
    org = load_org(path_of(name))
    declared = sum(r.headcount for r in org.model.roles)
    assert [HEADCOUNT[name][s] for s in ("functional", "circular", "flat")] == [declared] * 3


# --- units per axis value and the roles replicated in them --------------------------------

def test_growth_product_units_replicate_the_whole_pod():
    g = graph("growth-saas", "product")
    pod = ["cs_manager", "csm", "onboarding", "renewals", "support_lead", "support_agent"]
    assert unit_roles(g) == {"product:Analytics": pod, "product:Payments": pod, "product:Messaging": pod}
    assert g.nodes["csm@product:Payments"]["coverage"] == {
        "process": ["Onboarding", "Adoption", "Renewal"], "product": ["Payments"], "segment": ["Enterprise", "Mid-market"]}
    assert manager_of(g, "support_agent@product:Payments") == "support_lead@product:Payments"
    assert manager_of(g, "cs_manager@product:Payments") == "vp_cs"
    assert manager_of(g, "data_analyst") == "cs_ops"


def test_growth_process_units_hold_only_the_roles_of_their_stage():
    assert unit_roles(graph("growth-saas", "process")) == {
        "process:Onboarding": ["cs_manager", "csm", "onboarding"],
        "process:Adoption": ["cs_manager", "csm"],
        "process:Renewal": ["cs_manager", "csm", "renewals"],
        "process:Support": ["cs_manager", "support_lead", "support_agent"],
    }


def test_growth_market_has_no_csm_for_tech_touch_smb():
    units = unit_roles(graph("growth-saas", "market"))
    assert list(units) == ["segment:Enterprise", "segment:Mid-market", "segment:SMB"]
    assert units["segment:SMB"] == ["cs_manager", "onboarding", "renewals", "support_lead", "support_agent"]


def test_growth_functional_keeps_managers_across_functions():
    g = graph("growth-saas", "functional")
    assert list(unit_roles(g)) == ["function:customer success", "function:onboarding", "function:renewals", "function:support"]
    # onboarding reports to cs_manager, who exists once (in another function's unit): kept
    assert manager_of(g, "onboarding@function:onboarding") == "cs_manager@function:customer success"
    assert manager_of(g, "support_lead@function:support") == "cs_manager@function:customer success"
    assert manager_of(g, "csm@function:customer success") == "cs_manager@function:customer success"


def test_enterprise_tiers_get_their_own_account_teams():
    units = unit_roles(graph("enterprise", "market"))
    modules = ["presales_sup", "presales", "aftersales_mgr", "aftersales_sup", "service_eng", "complaints_sup", "complaint_spec"]
    assert units == {
        "segment:Strategic": ["ka_team_mgr", "sam", *modules],
        "segment:Important": ["ka_team_mgr", "kam", *modules],
        "segment:Ordinary": ["desk_sup", "desk_rep", *modules],
    }


def test_enterprise_process_units_are_the_service_modules():
    units = unit_roles(graph("enterprise", "process"))
    accounts = ["ka_team_mgr", "sam", "kam", "desk_sup", "desk_rep"]
    assert units == {
        "process:Pre-sales": [*accounts, "presales_sup", "presales"],
        "process:After-sales": [*accounts, "aftersales_mgr", "aftersales_sup", "service_eng"],
        "process:Complaint handling": [*accounts, "complaints_sup", "complaint_spec"],
    }


def test_enterprise_unit_roles_report_to_shared_directors():
    g = graph("enterprise", "market")
    assert manager_of(g, "ka_team_mgr@segment:Strategic") == "dir_accounts"
    assert manager_of(g, "desk_sup@segment:Ordinary") == "dir_service"
    assert sorted(solid_reports(g, "dir_accounts")) == ["ka_team_mgr@segment:Important", "ka_team_mgr@segment:Strategic"]
    assert g.nodes["sam@segment:Strategic"]["capacity"] == {"Strategic": 5}


def test_manufacturer_regions_and_shared_hotline():
    g = graph("manufacturer")
    region_team = ["region_sup", "field_eng", "parts_clerk", "cr_spec"]
    assert unit_roles(g) == {f"region:{r}": region_team for r in ["华东大区", "华南大区", "华北大区", "西南大区"]}
    assert g.nodes["hotline_agent"]["unit"] is None
    assert manager_of(g, "hotline_agent") == "hotline_sup"
    assert manager_of(g, "cs_head") == "@sales"
    assert g.nodes["@sales"]["title"] == "Sales"


def test_manufacturer_market_keeps_relationship_specialists_out_of_small_customers():
    units = unit_roles(graph("manufacturer", "market"))
    assert units["segment:中小客户"] == ["region_sup", "field_eng", "parts_clerk"]
    assert units["segment:经销商"] == ["region_sup", "field_eng", "parts_clerk", "cr_spec"]


def test_ecommerce_lines_and_functional_units():
    line = ["team_mgr", "frontline_sup", "agent", "analyst", "trainer", "support_eng"]
    assert unit_roles(graph("ecommerce-matrix")) == {f"product:{p}": line for p in ["服饰美妆", "数码家电", "生鲜超市"]}
    assert unit_roles(graph("ecommerce-matrix", "functional")) == {
        "function:客户服务": ["team_mgr", "frontline_sup", "agent"],
        "function:数据分析": ["analyst"],
        "function:客户培训": ["trainer"],
        "function:产品支持": ["support_eng"],
    }


# --- matrix dotted lines -------------------------------------------------------------------

def test_growth_matrix_regional_leads_coordinate_every_product_pod():
    g = graph("growth-saas")
    leads = [f"regional_lead@region:{r}" for r in ["Americas", "EMEA", "APAC"]]
    pods = [f"cs_manager@product:{p}" for p in ["Analytics", "Payments", "Messaging"]]
    assert dotted(g) == sorted((lead, pod) for lead in leads for pod in pods)
    assert all(manager_of(g, lead) == "vp_cs" for lead in leads)
    assert g.graph["secondary"] == "region"


def test_growth_matrix_chart_names_each_regional_lead():
    source = to_dot(graph("growth-saas"))
    for region in ["Americas", "EMEA", "APAC"]:
        assert f">Regional Success<BR/>Lead<BR/>{region}<BR/>Manager<" in source
    assert source.count("constraint=false penwidth=1.6") == 9  # the nine dotted lines


def test_lead_value_tells_replicated_leads_apart():
    from csdesign.structures.contract import lead_value

    g = graph("growth-saas")
    assert [lead_value(g, f"regional_lead@region:{r}") for r in ["Americas", "EMEA", "APAC"]] == ["Americas", "EMEA", "APAC"]
    assert (lead_value(g, "vp_cs"), lead_value(g, "cs_manager@product:Payments")) == (None, None)
    assert lead_value(graph("ecommerce-matrix"), "data_lead") is None  # one box: nothing to tell apart


def test_growth_matrix_terminal_tree_names_each_regional_lead():
    from rich.console import Console

    from csdesign.render.chart.terminal import tree

    console = Console(width=200, record=True, color_system=None)
    console.print(tree(graph("growth-saas")))
    text = console.export_text()
    assert "├── Regional Success Lead (EMEA)  Manager\n" in text
    leads = "Regional Success Lead (Americas), Regional Success Lead (EMEA), Regional Success Lead (APAC)"
    assert text.count(f"CS Manager  ┄ dotted line to {leads}\n") == 3


def test_ecommerce_matrix_horizontal_groups_reach_their_function_in_every_line():
    g = graph("ecommerce-matrix")
    lines = ["服饰美妆", "数码家电", "生鲜超市"]
    expected = [(lead, f"{member}@product:{p}") for lead, member in [("data_lead", "analyst"), ("training_lead", "trainer"), ("support_lead", "support_eng")] for p in lines]
    assert dotted(g) == sorted(expected)
    assert manager_of(g, "analyst@product:数码家电") == "team_mgr@product:数码家电"
    assert g.graph["secondary"] == "function"


@pytest.mark.parametrize("name", ["startup", "enterprise", "manufacturer"])
def test_matrix_without_lead_roles_has_no_dotted_lines(name):
    assert dotted(graph(name, "matrix")) == []


# --- flat and circular ---------------------------------------------------------------------

@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_flat_has_no_middle_layer(name):
    g = graph(name, "flat")
    head = g.graph["head"]
    org = load_org(path_of(name))
    assert g.graph["units"] == {}
    assert sorted(n for n, _ in roles(g)) == sorted(r.id for r in org.model.roles)
    assert all(manager_of(g, n) == head for n, _ in roles(g) if n != head)
    assert dotted(g) == []


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_circular_is_the_functional_cut_laid_out_with_twopi(name):
    circ, func = graph(name, "circular"), graph(name, "functional")
    assert (circ.graph["layout"], func.graph["layout"]) == ("twopi", "dot")
    assert unit_roles(circ) == unit_roles(func)
    assert sorted(circ.edges) == sorted(func.edges)
    head_id = "n" + str(list(circ.nodes).index(circ.graph["head"]))
    assert f'{head_id} [label=' in to_dot(circ) and 'pos="0.0000,0.0000!"]' in to_dot(circ).split(f"\t{head_id} [", 1)[1].split("\n", 1)[0]


# The deliberate findings each file documents are asserted in tests/analysis/test_examples.py.


# --- schema and gallery --------------------------------------------------------------------

def test_committed_schema_is_the_generated_one():
    assert (DOCS / "org.schema.json").read_text(encoding="utf-8") == schema_json() + "\n"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_examples_validate_against_the_committed_schema(name):
    schema = json.loads((DOCS / "org.schema.json").read_text(encoding="utf-8"))
    data = _as_editors_see_it(yaml.safe_load(path_of(name).read_text(encoding="utf-8")))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []


def _as_editors_see_it(value):
    """PyYAML reads ``by: 2027-06-30`` as a date (YAML 1.1 timestamps); YAML 1.2, which editors'
    YAML language server speaks, has no timestamp type and sees the string the schema expects."""
    import datetime

    if isinstance(value, dict):
        return {k: _as_editors_see_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editors_see_it(v) for v in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def test_schema_rejects_what_the_loader_rejects():
    schema = json.loads((DOCS / "org.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    bad = {"company": {"name": "X"}, "raci": {"renewal": {"A": "two words"}}, "dimensions": {"segments": [""]}}
    assert sorted(e.json_path for e in validator.iter_errors(bad)) == ["$.dimensions.segments[0]", "$.raci.renewal.A"]


def test_gallery_has_one_chart_per_structure_from_growth_saas():
    svgs = sorted(p.stem for p in (DOCS / "gallery").glob("*.svg"))
    assert sorted(s for s in svgs if "-" not in s) == sorted(NAMES) and "matrix-grid" in svgs
    # 16:9 pages: page 1 of each structure, then its units' pages, each linked from gallery.md
    assert all(f"(gallery/{s}.svg)" in (DOCS / "gallery.md").read_text(encoding="utf-8") for s in svgs)
    for s in svgs:
        size = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', (DOCS / "gallery" / f"{s}.svg").read_text(encoding="utf-8"))
        assert abs(float(size[1]) - 960) <= 1 and abs(float(size[2]) - 540) <= 1, s  # a 13.33 × 7.5 in slide
    for name in NAMES:
        text = (DOCS / "gallery" / f"{name}.svg").read_text(encoding="utf-8")
        assert f"Brightwave Software · {name} structure</text>" in text
    product = (DOCS / "gallery" / "product.svg").read_text(encoding="utf-8")
    assert sorted(("Analytics", "Payments", "Messaging"), key=lambda u: product.index(f">Product: {u}</text>")) == ["Analytics", "Payments", "Messaging"]
    page = (DOCS / "gallery.md").read_text(encoding="utf-8")
    assert re.findall(r"\(gallery/(\w+)\.svg\)", page) == NAMES


def test_gallery_is_up_to_date_and_deterministic():
    proc = subprocess.run([sys.executable, str(DOCS / "gallery" / "make.py"), "--check"], capture_output=True, text=True)
    assert (proc.returncode, proc.stderr) == (0, "")
