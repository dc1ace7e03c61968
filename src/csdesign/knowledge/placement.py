"""Where the CS department should report, by company stage and kind (seeds 000, 001).

Large firms: an independent CS department under the COO or CEO, with cross-department
authority. Small and mid-size traditional firms: CS sits under marketing, sales or operations,
led by that department's manager. Internet firms: often independent under the CEO or COO.
"""

from __future__ import annotations

#: (stage, kind) -> placements that fit. Start-ups report to the CEO anyway, so that fits too.
#: The service department fits everywhere (seed 000: some firms place CS there, "注重客户体验
#: 和满意度"): analysis/placement.py lists its trade-offs and never warns. An independent CS department under
#: the CEO or COO is never "unusual": seed 000 says independence brings CS more resources and
#: support, and that placing it under sales starves it, so a growth-stage traditional firm that
#: made CS independent is not told to move it under sales, marketing or operations.
RECOMMENDED: dict[tuple[str, str], tuple[str, ...]] = {
    ("enterprise", "internet"): ("ceo", "coo"),
    ("enterprise", "traditional"): ("ceo", "coo"),
    # seed 003: growth-stage teams may report up to the CMO or the head of sales
    ("growth", "internet"): ("ceo", "coo", "sales", "marketing"),
    ("growth", "traditional"): ("sales", "marketing", "operations", "ceo", "coo"),
    ("startup", "internet"): ("ceo", "coo"),
    ("startup", "traditional"): ("ceo", "sales", "marketing", "operations", "coo"),
}

PLACEMENT_NAMES = {
    "ceo": ("the CEO", "CEO"),
    "coo": ("the COO", "COO"),
    "sales": ("Sales", "销售部门"),
    "marketing": ("Marketing", "市场部门"),
    "service": ("Service (support)", "服务部门"),
    "operations": ("Operations", "运营部门"),
}

#: How a company of each stage is described in a sentence ("a large internet company", "大型互联网企业").
STAGE_NAMES = {"startup": ("start-up", "初创"), "growth": ("growth-stage", "成长期"), "enterprise": ("large", "大型")}
KIND_NAMES = {"internet": ("internet", "互联网"), "traditional": ("traditional", "传统")}

#: The risks of each placement, as the seeds state them.
RISKS: dict[str, tuple[tuple[str, str], ...]] = {
    "ceo": (
        ("needs a dedicated head with cross-department authority and the CEO's regular attention",
         "需要一位有跨部门权限的专职负责人，并需要CEO持续关注"),
    ),
    "coo": (
        ("needs a dedicated head with cross-department authority; keep a direct line to product and engineering",
         "需要一位有跨部门权限的专职负责人；应保持与产品、技术部门的直接沟通"),
    ),
    "sales": (
        ("CS is treated as the tail of the sales process", "客户成功被视为销售流程的延伸"),
        ("resources are starved because CS books no new revenue", "由于客户成功不直接产生销售业绩，容易资源分配不足"),
        ("cross-department work is slow through the sales hierarchy", "经由销售层级进行跨部门协作较慢，存在沟通壁垒"),
    ),
    "marketing": (
        ("resources are starved because CS books no new revenue", "由于客户成功不直接产生销售业绩，容易资源分配不足"),
        ("cross-department work is slow through the marketing hierarchy", "经由市场层级进行跨部门协作较慢，存在沟通壁垒"),
    ),
    "service": (
        ("the focus drifts to satisfaction and tickets; renewal and expansion lose an owner",
         "重心偏向满意度和工单处理，续费与增购缺少负责人"),
        ("CS is seen as a cost centre", "客户成功被视为成本中心"),
    ),
    "operations": (
        ("CS sits far from revenue and product decisions", "客户成功远离收入与产品决策"),
    ),
}

ADVICE = {
    "independent": (
        "Large firms: run CS as an independent department reporting to the COO or CEO, with cross-department authority.",
        "大型企业：客户成功部门应独立设置，直接向COO或CEO汇报，并拥有跨部门协调权限。",
    ),
    "sme": (
        "Small and mid-size traditional firms: CS usually sits under marketing, sales or operations, led by that department's manager.",
        "中小型传统企业：客户成功通常隶属市场、销售或运营部门，由该部门经理领导。",
    ),
    "internet": (
        "Internet firms: CS is often independent and reports to the CEO or COO, working directly with product and engineering.",
        "互联网企业：客户成功部门通常独立设置，直接向CEO或COO汇报，与产品、技术部门直接协作。",
    ),
}


def advice_key(stage: str, kind: str) -> str:
    if stage == "enterprise":
        return "independent"
    return "internet" if kind == "internet" else "sme"
