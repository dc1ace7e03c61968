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
    defaults = ctx.options.get("capacity-defaults") or None
    return ctx.analysis("capacity", capacity_defaults=defaults)


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
    nobody in particular, or by people whose workload nobody measured (seed 004).

    Fix: add the segment to the `capacity:` of the role(s) that serve it.
    """,
)
def unplanned_segment(ctx: LintContext) -> Iterator[Hit]:
    names = [s.name for s in ctx.org.model.dimensions.segments]
    for row in rows(ctx):
        if row.status == "unplanned":
            seg = row.segments[0]
            yield Hit(row.message(ctx.lang), path=("dimensions", "segments", names.index(seg)) if seg in names else ("dimensions", "segments"))
