"""KP: every KPI has exactly one owner per scope (seed 002). Reuses analysis/kpis and gaps."""

from __future__ import annotations

from typing import Iterator

from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import Option, rule
from csdesign.lint.rules.analyses import gaps, item_path, node_of


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
        yield Hit(s.message(ctx.lang), path=item_path(ctx, node, "kpis", s.kpi))


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


REQUIRE_TARGETS = Option(
    "require-kpi-targets", False,
    "also flag KPIs written as a bare name (no target, baseline or deadline); default: only KPIs written as goals are checked",
)


def smart_gaps(kpi, require: bool) -> list[str]:
    """What a KPI goal lacks to be SMART-checkable: "target", "deadline", "measurable target"."""
    if not kpi.smart and not require:
        return []
    missing = []
    if kpi.target is None:
        missing.append("target")
    elif not any(ch.isdigit() for ch in kpi.target):
        missing.append("measurable target")
    if kpi.by is None:
        missing.append("deadline")
    return missing


WHAT = {"target": ("no target", "没有目标值"), "measurable target": ("a target without a number", "目标值不可衡量（没有数字）"), "deadline": ("no deadline (by:)", "没有截止日期（by:）")}


@rule(
    "KP004", "kpi-not-smart", "warning", "A KPI goal lacks a target, a deadline, or a measurable target.",
    """
    The article on changing responsibilities asks for KPIs set as SMART goals: specific,
    measurable, achievable, relevant and time-bound. csdesign checks what a file can show: a
    KPI written as a goal, `{name: NRR, target: "110%", baseline: "102%", by: 2027-06-30}`,
    needs a `target` with a number in it (measurable) and a `by` date (time-bound). Whether
    it is achievable and relevant is for people to judge. KPIs written as a bare name are
    not goals and pass, unless `require-kpi-targets = true`.

    Fix: give the KPI a numeric target ("110%", "<= 4 h", "NPS 45") and a deadline.
    """,
    options=(REQUIRE_TARGETS,),
)
def kpi_not_smart(ctx: LintContext) -> Iterator[Hit]:
    require = bool(ctx.options.get("require-kpi-targets"))
    for i, role in enumerate(ctx.org.model.roles):
        for j, kpi in enumerate(role.kpis):
            missing = smart_gaps(kpi, require)
            if not missing:
                continue
            if ctx.lang == "zh":
                text = "、".join(WHAT[m][1] for m in missing)
                msg = f"岗位 {role.title}（{role.id}）的指标「{kpi.name}」不是完整的 SMART 目标：{text}"
            else:
                text = ", ".join(WHAT[m][0] for m in missing)
                msg = f"KPI '{kpi.name}' of {role.title} ({role.id}) is not a SMART goal: {text}"
            yield Hit(msg, path=("roles", i, "kpis", j))
