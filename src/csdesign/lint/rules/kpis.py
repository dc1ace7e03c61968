"""KP: every KPI has exactly one owner per scope (seed 002). Reuses analysis/kpis and gaps."""

from __future__ import annotations

from typing import Iterator

from csdesign.spacing import zh
from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import Option, rule
from csdesign.lint.rules.analyses import gaps, item_path, node_of


@rule(
    "KP001", "unowned-kpi", "warning", "A company KPI (`kpis:`) is owned by no role.",
    """
    From «002»: set KPIs and SMART goals, and write each role's KPIs into its job description.
    A KPI the company tracks (CSAT, NPS, churn, renewal rate ...) that no role lists has no one
    who answers for it, so nobody acts when it moves.

    Fix: list the KPI under the `kpis:` of the role that owns it, or drop it from the company
    `kpis:`.
    """,
    zh=(
        "公司指标（`kpis:`）无人负责。",
        """
        «002»：设定关键绩效指标和 SMART 目标，并把每个岗位的指标写进其岗位说明书。
        公司跟踪的指标（CSAT、NPS、流失率、续费率……）如果没有任何岗位列出，就没有人对它负责，
        指标变化时也没有人采取行动。

        修改建议：把该指标列在负责岗位的 `kpis:` 下，或从公司的 `kpis:` 中删除。
        """,
    ),
)
def unowned_kpi(ctx: LintContext) -> Iterator[Hit]:
    for gap in gaps(ctx):
        if gap.what == "kpi" and not gap.scope:
            yield Hit(gap.message(ctx.lang), path=ctx.catalogue_path("kpis", gap.name))


@rule(
    "KP002", "shared-kpi", "warning", "Two roles own the same KPI in the same scope.",
    """
    A KPI with two owners for the same customers has none: each owner can point at the
    other when it misses (the buck-passing of «004»). A manager listing their team's KPI is
    accountable for it and is not flagged.

    Fix: keep the KPI on one role per scope and make the other a contributor (RACI `C` or `R`).
    """,
    zh=(
        "同一指标在同一范围内由两个岗位负责。",
        """
        同一批客户的某项指标有两个负责人，等于没有负责人：指标未达成时双方可以互相指责（«004»所说的互相推诿）。
        管理者列出其团队的指标即对该指标负责，不会被标记。

        修改建议：每个范围只让一个岗位负责该指标，另一个岗位改为协作方（RACI 的 `C` 或 `R`）。
        """,
    ),
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
    zh=(
        "公司指标有人负责，但并非每个产品、区域、客户分层或阶段都有人负责。",
        """
        华东的 NPS 有人负责、华西却无人负责，华西的得分就没有负责人。每一项有人负责的公司指标，
        都必须在每个维度的每个已声明取值中有人负责。

        修改建议：扩大负责岗位的范围（`only:`），或让未覆盖范围内的某个岗位负责该指标。
        """,
    ),
)
def kpi_gap_in_scope(ctx: LintContext) -> Iterator[Hit]:
    for gap in gaps(ctx):
        if gap.what == "kpi" and gap.scope:
            yield Hit(gap.message(ctx.lang), path=ctx.catalogue_path("kpis", gap.name))


REQUIRE_TARGETS = Option(
    "require-kpi-targets", False,
    "also flag KPIs written as a bare name (no target, baseline or deadline); default: only KPIs written as goals are checked",
    help_zh="只写名称的指标（没有目标值、基线或截止日期）也要标记；默认只检查写成目标的指标",
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
    «002» asks for KPIs set as SMART goals: specific,
    measurable, achievable, relevant and time-bound. csdesign checks what a file can show: a
    KPI written as a goal, `{name: NRR, target: "110%", baseline: "102%", by: 2027-06-30}`,
    needs a `target` with a number in it (measurable) and a `by` date (time-bound). Whether
    it is achievable and relevant is for people to judge. KPIs written as a bare name are
    not goals and pass, unless `require-kpi-targets = true`.

    Fix: give the KPI a numeric target ("110%", "<= 4 h", "NPS 45") and a deadline.
    """,
    zh=(
        "指标目标缺少目标值、截止日期或可衡量的目标值。",
        """
        «002»要求以 SMART 目标设定指标：具体、可衡量、可实现、相关且有时限。csdesign 检查文件能体现的部分：
        写成目标的指标，例如 `{name: NRR, target: "110%", baseline: "102%", by: 2027-06-30}`，
        需要一个含数字的 `target`（可衡量）和一个 `by` 日期（有时限）。是否可实现、是否相关，由人来判断。
        只写名称的指标不算目标，可以通过检查，除非设置了 `require-kpi-targets = true`。

        修改建议：为指标设定数字目标（“110%”“<= 4 h”“NPS 45”）和截止日期。
        """,
    ),
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
                msg = zh("岗位", f"{role.title}（{role.id}）的指标「{kpi.name}」不是完整的 SMART 目标：{text}")
            else:
                text = ", ".join(WHAT[m][0] for m in missing)
                msg = f"KPI '{kpi.name}' of {role.title} ({role.id}) is not a SMART goal: {text}"
            yield Hit(msg, path=("roles", i, "kpis", j))
