"""Every example yields exactly the findings its header documents (and no others)."""

import pytest

from csdesign.analysis import run_all
from csdesign.structures import build_file

EXPECTED = {
    "startup.yaml": ["overlap:Collect product feedback for engineering:csm,support"],
    "growth-saas.yaml": [
        "overlap:Run the onboarding kickoff call:csm,onboarding",
        # concepts (issue 14): no supervisor owns customer communication; GRR is one KPI under two spellings
        "gap:customer communication:level:supervisor",
        "shared_kpi:Regional gross retention:regional_lead,cs_manager",
        # SMB is digital-led, but 4,100 accounts still need 3-4 people in a digital team
        "coverage:SMB:under:arr=3,accounts=4,hours=4:modelled=0",
        # 12 support engineers (4 per product pod) share email and chat, which need 8 + 8
        "support:email:under:8:6",
        "support:chat:under:8:6",
        "cost:above:0.2594",
    ],
    "enterprise.yaml": [
        "raci:Resolve strategic-account complaints:several-accountable:dir_accounts,dir_service",
        # 12 key account managers at 20 accounts each: the benchmarks would staff 5-6
        "coverage:Important:over:arr=5,accounts=6,hours=6:modelled=12",
        # the ordinary tier is digital (590 USD ARR per account): 12 specialists where 8 do
        "coverage:Ordinary:over:arr=3,accounts=8,hours=7:modelled=12",
        # the market cut puts 3 pre-sales consultants in each of the three tiers: 9 for a 2-Erlang hotline
        "support:phone:over:6:9",
        "cost:above:0.2486",
    ],
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
    if f.kind == "coverage":
        return f"coverage:{f.name}:{f.status}:" + ",".join(f"{k}={m.required}" for k, m in f.methods.items()) + f":modelled={f.modelled:g}"
    if f.kind == "support":
        return f"support:{f.channel}:{f.status}:{f.agents_required}:{f.agents_modelled:g}"
    if f.kind == "misallocation":
        return f"misallocation:{f.segment}:{f.direction}"
    if f.kind == "cost":
        return f"cost:{f.status}:{round(f.share_of_arr, 4)}"
    return f"{f.kind}:{f.message()}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_findings(examples_dir, name):
    report = run_all(build_file(str(examples_dir / name)))
    assert [describe(f) for f in report.all_findings()] == EXPECTED[name]
