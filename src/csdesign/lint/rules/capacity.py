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
)


def rows(ctx: LintContext):
    """The per-role rows (roles that declare ``capacity:``) of the capacity analysis."""
    return capacity_report(ctx).roles


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
    Seed 004: resources should follow customer value (strategic / important / ordinary
    tiers), and misallocated resources are a failure mode to detect by measuring workload
    against output. csdesign sizes each role from `dimensions.segments[].accounts` and the
    role's `capacity:` (accounts per person): required = ceil(sum(accounts / capacity)).
    Benchmarks: about 5-15 accounts per CSM for enterprise, 20-75 mid-market, 100-500+ SMB
    (Gainsight: roughly one CSM per $2M ARR at scale).

    Fix: raise the role's headcount, move people from over-staffed roles (CP002), or revisit
    the capacity figure if the accounts need less touch.
    """,
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
    same sizing as CP001. Seed 004: spare capacity in one team while another is short is the
    misallocation to rebalance.

    Fix: move people to under-staffed roles or segments, or lower the role's headcount.
    """,
)
def over_staffed(ctx: LintContext) -> Iterator[Hit]:
    for row in rows(ctx):
        if row.status == "over":
            yield _where(ctx, row)


@rule(
    "CP003", "unplanned-segment", "info", "A segment declares accounts but no role is sized to serve it.",
    """
    A segment with an account count and no role declaring a `capacity:` for it is served by
    nobody in particular, or by people whose workload nobody measured (seed 004). Segments
    that the CSM coverage methods can size (they have `arr` or a `coverage:` model) are
    judged by CP004 and CP005 instead.

    Fix: add the segment to the `capacity:` of the role(s) that serve it.
    """,
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


@rule(
    "CP004", "segment-under-covered", "warning", "A segment has fewer CSMs than every sizing method asks for.",
    """
    The article 大客户服务战略解析 asks that service resources follow customer value and that
    workload be measured against output. A segment with fewer people carrying its accounts
    than the ARR, account and hours methods all ask for is short whichever benchmark you
    believe.
    """ + CSM_METHODS + """
    Fix: hire, move people from an over-covered segment (CP005), or change the coverage
    model (`coverage: pooled` or `digital`) if the segment is meant to be served one-to-many.
    """,
)
def segment_under_covered(ctx: LintContext) -> Iterator[Hit]:
    return _segments(ctx, "under")


def _segments(ctx: LintContext, status: str) -> Iterator[Hit]:
    for seg in capacity_report(ctx).segments:
        if seg.status == status:
            yield Hit(seg.message(ctx.lang), path=_segment_path(ctx, seg.name))


def _channels(ctx: LintContext, *statuses: str) -> Iterator[Hit]:
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
)
def misallocated_capacity(ctx: LintContext) -> Iterator[Hit]:
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


@rule(
    "CP007", "channel-under-staffed", "warning", "A support channel has fewer people than its demand needs, an unstable queue, or nobody.",
    """
    Contacts that wait too long become complaints and churn; a queue whose agents cannot keep
    up with arrivals grows without bound (reported as unstable, with the agents it needs).
    """ + SUPPORT_METHOD + """
    Fix: add people to the roles that staff the channel, move demand to another channel, or
    name the roles that staff it (`support.channels[].roles`).
    """,
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
)
def cost_off_benchmark(ctx: LintContext) -> Iterator[Hit]:
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
