"""Capacity, staffing and cost benchmarks: the defaults users override, and where each comes from.

Every default is overridable in ``[tool.csdesign.capacity]`` (pyproject.toml), ``[capacity]``
(csdesign.toml) or the org file's ``capacity:`` block (keys with ``_`` instead of ``-``).
Each figure the capacity analysis shows names its source: the entry of :data:`SOURCES` for a
default, or the file and key that overrode it.
"""

from __future__ import annotations

#: The coverage bands, in order: named accounts are split into strategic and mid-market books.
BANDS = ("named-strategic", "named-mid-market", "pooled", "digital")

DEFAULTS: dict = {
    # 1 CSM per 2M ARR, in arr-per-csm-currency (converted with company.fx).
    "arr_per_csm": 2_000_000.0,
    "arr_per_csm_currency": "USD",
    # accounts per CSM [low, high] by coverage band; the midpoint is the target.
    "accounts_per_csm": {"named-strategic": (5.0, 15.0), "named-mid-market": (20.0, 75.0), "pooled": (150.0, 400.0), "digital": (500.0, 2000.0)},
    # a named segment is strategic when one CSM, at arr_per_csm, could hold fewer of its accounts than this
    "strategic_accounts_below": 20.0,
    # touches per account per quarter and hours per touch, by band: chosen so the hours method
    # lands near the band midpoint (6 × 5.5 h = 33 h per strategic account: 331.5 / 33 = 10 accounts)
    "touches_per_quarter": {"named-strategic": 6.0, "named-mid-market": 3.0, "pooled": 1.0, "digital": 0.25},
    "hours_per_touch": {"named-strategic": 5.5, "named-mid-market": 2.5, "pooled": 1.2, "digital": 1.0},
    # productive hours per CSM per quarter = hours_per_week × weeks_per_quarter × utilisation × (1 - admin_share)
    "hours_per_week": 40.0,
    "weeks_per_quarter": 13.0,
    "utilisation": 0.75,
    "admin_share": 0.15,
    # support channels
    "shrinkage": 0.30,
    "max_occupancy": 0.85,
    "open_hours": 8.0,
    "arrival_hours": 24.0,
    "service_level": {"answered": 0.8, "within_seconds": 20.0},
    # findings
    "over_slack": 0.2,
    "misallocation_ratio": 1.5,
    "misallocation_min_points": 0.05,
    "cost_share_of_arr": 0.085,
    "cost_share_tolerance": 1.5,
}

#: Where a default comes from, (English, Chinese), by the setting it feeds.
SOURCES: dict[str, tuple[str, str]] = {
    "arr_per_csm": ("Gainsight's guidepost of about 1 CSM per $2M ARR at scale", "Gainsight 参考值：规模化后约每 200 万美元 ARR 配 1 名 CSM"),
    "accounts_per_csm": (
        "common CSM coverage bands: named strategic 5–15, named mid-market 20–75, pooled 150–400, digital 500–2,000 accounts per CSM",
        "常见 CSM 覆盖区间：专属战略客户 5–15、专属中型客户 20–75、共享池 150–400、数字化 500–2,000 个客户/人",
    ),
    "hours": (
        "csdesign's default CSM week: 40 h × 13 weeks × 75% utilisation × (1 - 15% admin) = 331.5 productive hours a quarter",
        "csdesign 默认工时：40 小时 × 13 周 × 75% 利用率 ×（1 − 15% 行政事务）= 每季度 331.5 个有效工时",
    ),
    "touches": (
        "csdesign's default touches and hours per touch for the coverage model (set so the hours method meets the band midpoint)",
        "csdesign 按覆盖模式设定的默认触达次数与每次工时（使工时法与区间中值一致）",
    ),
    "erlang": ("Erlang C (queueing model for real-time contacts)", "Erlang C 排队模型（实时渠道）"),
    "workload": ("workload ÷ productive hours, with the overnight backlog answered within the first-reply target",
                 "工作量 ÷ 有效工时，并在首次回复时限内处理完夜间积压"),
    "support": ("common contact-centre planning defaults: 30% shrinkage, 85% maximum occupancy, 80% of calls answered in 20 s",
                "常见呼叫中心规划默认值：30% 损耗率、最高 85% 占用率、80% 的来电在 20 秒内接听"),
    "first_reply": ("Zendesk first-reply benchmarks (email: good 12 h, better 4 h, best 1 h)", "Zendesk 首次回复基准（邮件：良好 12 小时、更好 4 小时、最佳 1 小时）"),
    "cost_share_of_arr": (
        "SaaS Capital's spending benchmarks for private B2B SaaS companies: median customer support and success spend of about 8.5% of ARR",
        "SaaS Capital 私有 B2B SaaS 公司支出基准：客户支持与客户成功支出中位数约为 ARR 的 8.5%",
    ),
}

#: Which source a setting's default is credited to.
SOURCE_OF: dict[str, str] = {
    "arr_per_csm": "arr_per_csm", "arr_per_csm_currency": "arr_per_csm", "accounts_per_csm": "accounts_per_csm",
    "strategic_accounts_below": "accounts_per_csm", "touches_per_quarter": "touches", "hours_per_touch": "touches",
    "hours_per_week": "hours", "weeks_per_quarter": "hours", "utilisation": "hours", "admin_share": "hours",
    "shrinkage": "support", "max_occupancy": "support", "open_hours": "support", "arrival_hours": "support", "service_level": "support",
    "cost_share_of_arr": "cost_share_of_arr",
}
