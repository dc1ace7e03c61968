"""Every example yields exactly the findings its header documents (and no others)."""

import pytest

from csdesign.analysis import run_all
from csdesign.structures import build_file

EXPECTED = {
    "startup.yaml": ["overlap:Collect product feedback for engineering:csm,support"],
    # concepts (issue 14): GRR is one KPI under two spellings; no supervisor owns customer communication
    "growth-saas.yaml": [
        "overlap:Run the onboarding kickoff call:csm,onboarding",
        "gap:customer communication:level:supervisor",
        "shared_kpi:Regional gross retention:regional_lead,cs_manager",
    ],
    "enterprise.yaml": ["raci:Resolve strategic-account complaints:several-accountable:dir_accounts,dir_service"],
    "manufacturer.yaml": ["overlap:客户回访:hotline_agent,cr_spec"],
    "ecommerce-matrix.yaml": ["overlap:大促期间客诉升级处理:frontline_sup,support_eng"],
    "reorg-before.yaml": [
        "overlap:客户入职培训:csm,trainer",
        "overlap:处理客户投诉:csm,support",
        "gap:客户数据分析:catalogue",
    ],
    # concepts (issue 14): 客户问题解决 and 问题解决 are one duty, problem solving
    "reorg-after.yaml": ["overlap:客户问题解决:csm_lead,support_lead"],
}


def describe(f) -> str:
    if f.kind == "overlap":
        return f"overlap:{f.duty}:{','.join(r.role_id for r in f.roles)}"
    if f.kind == "gap":
        return f"gap:{f.name}:{f.source}"
    if f.kind == "shared_kpi":
        return f"shared_kpi:{f.kpi}:{','.join(r.role_id for r in f.roles)}"
    if f.kind == "raci":
        return f"raci:{f.duty}:{f.rule}:{','.join(r.role_id for r in f.roles)}"
    return f"{f.kind}:{f.message()}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_findings(examples_dir, name):
    report = run_all(build_file(str(examples_dir / name)))
    assert [describe(f) for f in report.all_findings()] == EXPECTED[name]
