"""KP: every KPI has exactly one owner per scope (seed 002). Reuses analysis/kpis and gaps."""

from __future__ import annotations

from typing import Iterator

from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import rule
from csdesign.lint.rules.analyses import gaps, node_of


@rule(
    "KP001", "unowned-kpi", "warning", "A company KPI (`kpis:`) is owned by no role.",
    """
    Seed 002: set KPIs and SMART goals, and write each role's KPIs into its job description.
    A KPI the company tracks (CSAT, NPS, churn, renewal rate ...) that no role lists has no one
    who answers for it, so nobody acts when it moves.

    Fix: list the KPI under the `kpis:` of the role that owns it, or drop it from the company
    `kpis:`.
    """,
)
def unowned_kpi(ctx: LintContext) -> Iterator[Hit]:
    for gap in gaps(ctx):
        if gap.what == "kpi" and not gap.scope:
            yield Hit(gap.message(ctx.lang), path=ctx.catalogue_path("kpis", gap.name))


@rule(
    "KP002", "shared-kpi", "warning", "Two roles own the same KPI in the same scope.",
    """
    A KPI with two owners for the same customers has none: each owner can point at the
    other when it misses (seed 004's buck-passing). A manager listing their team's KPI is
    accountable for it and is not flagged.

    Fix: keep the KPI on one role per scope and make the other a contributor (RACI `C` or `R`).
    """,
)
def shared_kpi(ctx: LintContext) -> Iterator[Hit]:
    for s in ctx.analysis("kpis"):
        node = node_of(ctx, s.nodes, s.roles[1].role_id)
        yield Hit(s.message(ctx.lang), path=ctx.duty_path(node, "kpis", s.kpi))


@rule(
    "KP003", "kpi-gap-in-scope", "warning", "A company KPI is owned somewhere but not in every product, region, segment or stage.",
    """
    NPS owned for region East and by nobody in region West leaves West's score without an
    owner. Each company KPI that someone owns must be owned in every declared value of every
    dimension.

    Fix: widen the owning role's scope (`only:`), or give a role in the uncovered scope the KPI.
    """,
)
def kpi_gap_in_scope(ctx: LintContext) -> Iterator[Hit]:
    for gap in gaps(ctx):
        if gap.what == "kpi" and gap.scope:
            yield Hit(gap.message(ctx.lang), path=ctx.catalogue_path("kpis", gap.name))
