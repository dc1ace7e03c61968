"""CP: headcount against the work (seed 004: misallocated resources). Reuses analysis/capacity."""

from __future__ import annotations

from typing import Any, Iterator

from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import Option, rule


def _defaults(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "must be a table of role id = { segment = accounts per person }"
    for rid, caps in value.items():
        if not isinstance(caps, dict) or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in caps.values()):
            return f"entry '{rid}' must be a table of segment = accounts per person (whole numbers of at least 1)"
    return None


CAPACITY_DEFAULTS = Option(
    "capacity-defaults", {},
    "accounts per person for roles that declare no `capacity:`, by role id, e.g. { csm = { SMB = 200 } } "
    "(benchmarks: enterprise 5-15, mid-market 20-75, SMB 100-500+ accounts per CSM)",
    _defaults,
    help_zh="未声明 `capacity:` 的岗位每人负责的客户数，按岗位 id 设置，例如 { csm = { SMB = 200 } }（基准：大型企业客户 5-15、中型客户 20-75、中小客户 100-500 个以上/人）",
)


def idle(ctx: LintContext) -> bool:
    """Whether the file gives the capacity model nothing to size: no segment with accounts or
    ARR, no support channels, no costs and no role capacity (declared, or `capacity-defaults`).
    Every CP rule then finds nothing, so none imports the model (about 4 % of a cold lint,
    docs/performance.md); the rules ask this before they ask for the analysis."""
    graph = ctx.graph.graph
    if graph.get("support") or any((graph.get("costs") or {}).values()) or ctx.options.get("capacity-defaults"):
        return False
    if any(info.get("accounts") is not None or info.get("arr") is not None for info in (graph.get("segments") or {}).values()):
        return False
    return not any(d.get("capacity") for _, d in ctx.graph.nodes(data=True))


def rows(ctx: LintContext):
    """The per-role rows (roles that declare ``capacity:``) of the capacity analysis."""
    return () if idle(ctx) else capacity_report(ctx).roles


def _where(ctx: LintContext, row) -> Hit:
    node = row.nodes[0]
    path = ctx.node_path(node, "headcount") if "headcount" in _declared(ctx, node) else ctx.node_path(node)
    return Hit(row.message(ctx.lang), path=path)


def _declared(ctx: LintContext, node: str) -> dict:
    source = ctx.graph.nodes[node].get("source") or ()
    data = ctx.org.source.data
    for part in source:
        data = data[part]
    return data if isinstance(data, dict) else {}


@rule(
    "CP001", "under-staffed", "warning", "A role has fewer people than its segments' accounts need.",
    """
    From «004»: resources should follow customer value (strategic / important / ordinary
    tiers), and misallocated resources are a failure mode to detect by measuring workload
    against output. csdesign sizes each role from `dimensions.segments[].accounts` and the
    role's `capacity:` (accounts per person): required = ceil(sum(accounts / capacity)).
    Benchmarks: about 5-15 accounts per CSM for enterprise, 20-75 mid-market, 100-500+ SMB
    (Gainsight: roughly one CSM per $2M ARR at scale).

    Fix: raise the role's headcount, move people from over-staffed roles (CP002), or revisit
    the capacity figure if the accounts need less touch.
    """,
    zh=(
        "岗位人数少于其客户分层的客户数所需。",
        """
        «004»：资源投入应与客户价值相称（战略 / 重要 / 普通客户分层），资源错配是一种需要通过衡量工作量与产出来发现的失败模式。
        csdesign 根据 `dimensions.segments[].accounts` 和岗位的 `capacity:`（每人负责的客户数）测算每个岗位：
        所需人数 = ceil(sum(客户数 / 人均容量))。基准：大型企业客户每位 CSM 约 5-15 个，中型客户 20-75 个，
        中小客户 100-500 个以上（Gainsight：规模化后约每 200 万美元 ARR 配 1 位 CSM）。

        修改建议：增加该岗位的人数，从人员过剩的岗位（CP002）调配人手；如果这些客户所需的服务更少，就重新核定容量数字。
        """,
    ),
    options=(CAPACITY_DEFAULTS,),
)
def under_staffed(ctx: LintContext) -> Iterator[Hit]:
    for row in rows(ctx):
        if row.status == "under":
            yield _where(ctx, row)


@rule(
    "CP002", "over-staffed", "info", "A role has clearly more people than its segments' accounts need.",
    """
    More than 20% (and at least one person) above the headcount the accounts need, by the
    same sizing as CP001. From «004»: spare capacity in one team while another is short is the
    misallocation to rebalance.

    Fix: move people to under-staffed roles or segments, or lower the role's headcount.
    """,
    zh=(
        "岗位人数明显多于其客户分层的客户数所需。",
        """
        按与 CP001 相同的测算，比客户数所需人数多出 20% 以上（且至少多 1 人）。«004»：
        一个团队人手富余、另一个团队却人手不足，正是需要重新平衡的资源错配。

        修改建议：把人员调到人手不足的岗位或客户分层，或减少该岗位的人数。
        """,
    ),
)
def over_staffed(ctx: LintContext) -> Iterator[Hit]:
    for row in rows(ctx):
        if row.status == "over":
            yield _where(ctx, row)


@rule(
    "CP003", "unplanned-segment", "info", "A segment declares accounts but no role is sized to serve it.",
    """
    A segment with an account count and no role declaring a `capacity:` for it is served by
    nobody in particular, or by people whose workload nobody measured («004»). Segments
    that the CSM coverage methods can size (they have `arr` or a `coverage:` model) are
    judged by CP004 and CP005 instead.

    Fix: add the segment to the `capacity:` of the role(s) that serve it.
    """,
    zh=(
        "客户分层声明了客户数，但没有任何岗位按它测算人力。",
        """
        客户分层有客户数，却没有岗位为它声明 `capacity:`，就等于没有人专门服务它，或者服务它的人的工作量没有人衡量（«004»）。
        可以用 CSM 覆盖方法测算的分层（有 `arr` 或 `coverage:` 模式）改由 CP004 和 CP005 判断。

        修改建议：把该客户分层加入服务它的岗位的 `capacity:`。
        """,
    ),
)
def unplanned_segment(ctx: LintContext) -> Iterator[Hit]:
    names = [s.name for s in ctx.org.model.dimensions.segments]
    for row in rows(ctx):  # segments the coverage methods size are left to CP004/CP005
        if row.status == "unplanned":
            seg = row.segments[0]
            yield Hit(row.message(ctx.lang), path=("dimensions", "segments", names.index(seg)) if seg in names else ("dimensions", "segments"))


def settings(ctx: LintContext):
    """The capacity benchmarks for this file: defaults < the [capacity] config table < the file."""
    from csdesign.analysis.capacity_settings import for_graph

    return ctx.analysis("capacity_settings", lambda: for_graph(ctx.graph, ctx.capacity))


def capacity_report(ctx: LintContext):
    """The capacity analysis (analysis/capacity.py CapacityReport) with this file's settings."""
    defaults = ctx.options.get("capacity-defaults") or None
    return ctx.analysis("capacity", capacity_defaults=defaults, settings=settings(ctx))


def _segment_path(ctx: LintContext, name: str) -> tuple:
    names = [s.name for s in ctx.org.model.dimensions.segments]
    return ("dimensions", "segments", names.index(name)) if name in names else ("dimensions", "segments")


def _channel_path(ctx: LintContext, name: str) -> tuple:
    names = [c.name for c in ctx.org.model.support.channels]
    return ("support", "channels", names.index(name)) if name in names else ("support",)


CSM_METHODS = """
    csdesign sizes every segment with `accounts` or `arr` three ways, each naming its source
    (override any default in `[tool.csdesign.capacity]`, `[capacity]` in csdesign.toml, or
    the file's `capacity:` block):

    - by ARR: ARR ÷ ARR per CSM, by default Gainsight's guidepost of 1 CSM per $2M ARR,
      converted with `company.fx` when `company.currency` is not USD;
    - by accounts: accounts ÷ the midpoint of the coverage band (`coverage:` named strategic
      5-15, named mid-market 20-75, pooled 150-400, digital 500-2,000 accounts per CSM);
    - by hours: accounts × touches per quarter × hours per touch ÷ 331.5 productive hours
      per CSM a quarter (40 h × 13 weeks × 0.75 utilisation × (1 − 0.15 admin)).

    The model's CSMs for a segment are the people of roles that declare a `capacity:` or
    individual contributors limited to it with `only: {segments: [...]}`.
"""
#: Indented like the Chinese explanations (inside ``zh=(...)``), so that they dedent together.
CSM_METHODS_ZH = """
        csdesign 对每个声明了 `accounts` 或 `arr` 的客户分层用三种方法测算，每种方法都注明出处
        （可在 `[tool.csdesign.capacity]`、csdesign.toml 的 `[capacity]` 或文件的 `capacity:` 中覆盖任何默认值）：

        - 按年收入：ARR ÷ 每位 CSM 承担的 ARR，默认采用 Gainsight 的参考值“每 200 万美元 ARR 配 1 位 CSM”，
          `company.currency` 不是美元时按 `company.fx` 换算；
        - 按客户数：客户数 ÷ 覆盖区间的中值（`coverage:` 专属战略客户 5-15、专属中型客户 20-75、
          共享池 150-400、数字化 500-2,000 个客户/人）；
        - 按工时：客户数 × 每季度触达次数 × 每次工时 ÷ 每位 CSM 每季度 331.5 个有效工时
          （40 小时 × 13 周 × 0.75 利用率 × (1 − 0.15 行政事务)）。

        模型中某个客户分层的 CSM，是声明了 `capacity:` 的岗位上的人员，或用 `only: {segments: [...]}` 限定在该分层的一线人员。
"""


@rule(
    "CP004", "segment-under-covered", "warning", "A segment has fewer CSMs than every sizing method asks for.",
    """
    «004» asks that service resources follow customer value and that
    workload be measured against output. A segment with fewer people carrying its accounts
    than the ARR, account and hours methods all ask for is short whichever benchmark you
    believe.
    """ + CSM_METHODS + """
    Fix: hire, move people from an over-covered segment (CP005), or change the coverage
    model (`coverage: pooled` or `digital`) if the segment is meant to be served one-to-many.
    """,
    zh=(
        "客户分层的 CSM 人数少于每一种测算方法的要求。",
        """
        «004»要求服务资源投入与客户价值成正比，并以产出衡量工作量。某个客户分层负责其客户的人员，
        少于按年收入、客户数和工时三种方法的测算结果，那么无论采信哪种基准，这个分层都人手不足。
        """ + CSM_METHODS_ZH + """
        修改建议：招聘，从覆盖过度的客户分层（CP005）调配人员；如果该分层本就打算一对多服务，就改变覆盖模式（`coverage: pooled` 或 `digital`）。
        """,
    ),
)
def segment_under_covered(ctx: LintContext) -> Iterator[Hit]:
    return _segments(ctx, "under")


def _segments(ctx: LintContext, status: str) -> Iterator[Hit]:
    if idle(ctx):
        return
    for seg in capacity_report(ctx).segments:
        if seg.status == status:
            yield Hit(seg.message(ctx.lang), path=_segment_path(ctx, seg.name))


def _channels(ctx: LintContext, *statuses: str) -> Iterator[Hit]:
    if idle(ctx):
        return
    for c in capacity_report(ctx).support:
        if c.status in statuses:
            yield Hit(c.message(ctx.lang), path=_channel_path(ctx, c.channel))


@rule(
    "CP005", "segment-over-covered", "info", "A segment has clearly more CSMs than the highest sizing figure.",
    """
    More than 20% (and at least one person) above the largest of the three figures of CP004.
    Spare capacity in one tier while another is short is the misallocation to rebalance.
    """ + CSM_METHODS + """
    Fix: move people to under-covered segments, or write down why this tier needs more touch
    (`touches_per_quarter`, `hours_per_touch` on the segment).
    """,
    zh=(
        "客户分层的 CSM 人数明显多于最高的测算结果。",
        """
        比 CP004 三种测算结果中的最大值多出 20% 以上（且至少多 1 人）。一个分层人手富余、
        另一个分层却人手不足，正是需要重新平衡的资源错配。
        """ + CSM_METHODS_ZH + """
        修改建议：把人员调到覆盖不足的客户分层，或写明这一分层为何需要更多触达（在分层上设置 `touches_per_quarter`、`hours_per_touch`）。
        """,
    ),
)
def segment_over_covered(ctx: LintContext) -> Iterator[Hit]:
    return _segments(ctx, "over")


@rule(
    "CP006", "misallocated-capacity", "warning", "A segment's share of CS capacity is far from its share of ARR.",
    """
    服务资源投入与客户价值成正比: resources should follow customer value. For the segments
    people serve (digital ones are one-to-many by design and left out), each segment's share
    of the modelled CSMs is compared with its share of ARR (its share of accounts is shown
    beside it). Below 1/1.5 of its ARR share a segment is under-served, above 1.5× over-served,
    each only when the gap is at least 5 percentage points (`misallocation-ratio`,
    `misallocation-min-points` in `[tool.csdesign.capacity]`). The message says which way to
    move people, or to hire when the segment to move them from is short itself.

    Fix: move people between the segments as the message says, or hire.
    """,
    zh=(
        "客户分层占客户成功人力的比例与其占年收入的比例相差悬殊。",
        """
        服务资源投入与客户价值成正比（«004»）。对由人工服务的客户分层（数字化分层本就是一对多，不计入），
        比较每个分层在模型 CSM 中所占的比例与其在 ARR 中所占的比例（旁边同时列出其客户数占比）。
        低于 ARR 占比的 1/1.5 即为服务不足，高于 1.5 倍即为服务过度，且都只在差距至少 5 个百分点时提示
        （`[tool.csdesign.capacity]` 中的 `misallocation-ratio`、`misallocation-min-points`）。
        提示会说明人员应往哪个方向调配；如果可调出人员的分层本身也人手不足，则建议招聘。

        修改建议：按提示在客户分层之间调配人员，或招聘。
        """,
    ),
)
def misallocated_capacity(ctx: LintContext) -> Iterator[Hit]:
    if idle(ctx):
        return
    for m in capacity_report(ctx).misallocations:
        yield Hit(m.message(ctx.lang), path=_segment_path(ctx, m.segment))


SUPPORT_METHOD = """
    Real-time channels (`contacts_per_hour` at the peak hour) are sized with Erlang C: the
    smallest on-shift team that meets `service_level` (default 80% answered within 20 s) with
    occupancy at or under `max_occupancy` (0.85), ÷ (1 − `shrinkage`, 0.30) for the people
    to schedule. Async channels (`contacts_per_day`) need the day's work done in the open
    hours (8) and, with `first_reply_hours`, the backlog that arrived while closed answered
    within that many business hours. The people who staff a channel are the roles in its
    `roles:`, else individuals limited to it with `only: {channels: [...]}`.
"""
SUPPORT_METHOD_ZH = """
        实时渠道（高峰时段的 `contacts_per_hour`）用 Erlang C 测算：满足 `service_level`（默认 80% 在 20 秒内接听）
        且占用率不超过 `max_occupancy`（0.85）的最小在岗团队，再除以 (1 − `shrinkage`)（默认 0.30）得到需排班的人数。
        异步渠道（`contacts_per_day`）要在营业时长（8 小时）内完成当天的工作；设置了 `first_reply_hours` 时，
        非营业时间积压的咨询也要在这么多个营业小时内答复。为渠道配备人员的是其 `roles:` 中的岗位，
        否则是用 `only: {channels: [...]}` 限定在该渠道的一线人员。
"""


@rule(
    "CP007", "channel-under-staffed", "warning", "A support channel has fewer people than its demand needs, an unstable queue, or nobody.",
    """
    Contacts that wait too long become complaints and churn; a queue whose agents cannot keep
    up with arrivals grows without bound (reported as unstable, with the agents it needs).
    """ + SUPPORT_METHOD + """
    Fix: add people to the roles that staff the channel, move demand to another channel, or
    name the roles that staff it (`support.channels[].roles`).
    """,
    zh=(
        "支持渠道的人数少于需求所需、排队不稳定，或无人值守。",
        """
        等待过久的咨询会变成投诉和流失；坐席跟不上来量的队列会无限增长（报告为不稳定，并给出所需坐席数）。
        """ + SUPPORT_METHOD_ZH + """
        修改建议：为负责该渠道的岗位增加人员，把需求引导到其他渠道，或写明负责该渠道的岗位（`support.channels[].roles`）。
        """,
    ),
)
def channel_under_staffed(ctx: LintContext) -> Iterator[Hit]:
    return _channels(ctx, "under", "unstable", "unstaffed")


@rule(
    "CP008", "channel-over-staffed", "info", "A support channel has clearly more people than its demand needs.",
    """
    More than 20% (and at least one person) above the people to schedule by the same sizing
    as CP007. People who also do other work (field visits, projects) legitimately exceed it:
    say so, or lower their share of the channel.
    """ + SUPPORT_METHOD + """
    Fix: move people to an under-staffed channel or segment, or lower the headcount.
    """,
    zh=(
        "支持渠道的人数明显多于需求所需。",
        """
        按与 CP007 相同的测算，比需排班人数多出 20% 以上（且至少多 1 人）。同时承担其他工作（上门拜访、项目）的人员
        超出是合理的：请写明这一点，或降低他们在该渠道的投入比例。
        """ + SUPPORT_METHOD_ZH + """
        修改建议：把人员调到人手不足的渠道或客户分层，或减少人数。
        """,
    ),
)
def channel_over_staffed(ctx: LintContext) -> Iterator[Hit]:
    return _channels(ctx, "over")


@rule(
    "CP009", "cost-off-benchmark", "info", "The department's fully loaded cost is far from the usual share of ARR.",
    """
    SaaS Capital's spending benchmarks for private B2B SaaS companies put the median spend on
    customer support and success at about 8.5% of ARR. csdesign compares the structure's
    fully loaded cost (`costs.levels`, `costs.roles`, × headcount of every box) with the
    segments' ARR and flags a share outside the median ÷ / × 1.5 (5.7%–12.75%; set
    `cost-share-of-arr` and `cost-share-tolerance` in `[tool.csdesign.capacity]`). The band
    is csdesign's tolerance around the median, not a published quartile.

    Fix: above the band, look for over-staffed segments and channels (CP005, CP008) or a
    structure that replicates less (`csdesign compare` shows each structure's cost); below,
    check for under-staffing (CP004, CP007).
    """,
    zh=(
        "部门的全口径成本与通常的年收入占比相差悬殊。",
        """
        SaaS Capital 针对私有 B2B SaaS 公司的支出基准显示，客户支持与客户成功支出的中位数约为 ARR 的 8.5%。
        csdesign 把结构的全口径成本（`costs.levels`、`costs.roles`，× 每个方框的人数）与各客户分层的 ARR 比较，
        占比超出中位数 ÷ / × 1.5（5.7%–12.75%；可在 `[tool.csdesign.capacity]` 中设置 `cost-share-of-arr`
        和 `cost-share-tolerance`）时提示。这个区间是 csdesign 围绕中位数设定的容差，不是公开发布的四分位数。

        修改建议：高于区间时，查找人员过剩的客户分层和渠道（CP005、CP008），或选择复制更少的结构
        （`csdesign compare` 会列出每种结构的成本）；低于区间时，检查是否人手不足（CP004、CP007）。
        """,
    ),
)
def cost_off_benchmark(ctx: LintContext) -> Iterator[Hit]:
    if idle(ctx):
        return
    cost = ctx.analysis("cost", settings=settings(ctx))
    if cost.is_finding:
        yield Hit(cost.message(ctx.lang), path=("costs",) if "costs" in (ctx.org.source.data or {}) else ("dimensions", "segments"))


@rule(
    "CP010", "missing-fx-rate", "warning", "Amounts are in another currency than a benchmark, with no exchange rate.",
    """
    The ARR-per-CSM guidepost is quoted in USD (`arr-per-csm-currency`). When
    `company.currency` is another currency, `company.fx` must say how many units of it make
    one USD (`fx: {USD: 7.2}`), or the ARR method cannot size any segment.

    Fix: add the rate to `company.fx`, or quote `arr-per-csm` in your own currency in
    `[tool.csdesign.capacity]` (`arr-per-csm-currency = "CNY"`).
    """,
    zh=(
        "金额使用的货币与基准不同，且没有汇率。",
        """
        每位 CSM 承担 ARR 的参考值以美元计（`arr-per-csm-currency`）。`company.currency` 是其他货币时，
        `company.fx` 必须写明多少单位该货币折合 1 美元（`fx: {USD: 7.2}`），否则按年收入的方法无法测算任何客户分层。

        修改建议：在 `company.fx` 中补上汇率，或在 `[tool.csdesign.capacity]` 中以你们自己的货币给出 `arr-per-csm`
        （`arr-per-csm-currency = "CNY"`）。
        """,
    ),
)
def missing_fx_rate(ctx: LintContext) -> Iterator[Hit]:
    s = settings(ctx)
    have, want = ctx.graph.graph.get("currency"), s["arr_per_csm_currency"]
    segments = ctx.graph.graph.get("segments") or {}
    if have is None or have == want or want in (ctx.graph.graph.get("fx") or {}):
        return
    if not any(info.get("arr") is not None for info in segments.values()):
        return
    if ctx.lang == "zh":
        msg = f"company.currency 为 {have}，但 company.fx 没有 {want} 汇率：无法按 ARR 测算 CSM 人数；请添加 fx: {{{want}: …}}"
    else:
        msg = f"company.currency is {have} but company.fx has no {want} rate: the ARR method cannot size the segments; add fx: {{{want}: ...}}"
    yield Hit(msg, path=("company", "currency"))
