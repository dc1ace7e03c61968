"""RS009, RS010, SP004: every role a job description can be written for (seed 002: duties,
skills and KPIs per role), and every manager-level role managing someone.

Checked per role of ``roles:`` over all its boxes (a role replicated per unit is one role):
a role with no duty at all, a role that leads no one with duties but no KPI, and a director,
manager or supervisor with nobody reporting to any of its boxes (solid or dotted lines).
"""

from __future__ import annotations

from typing import Iterator

from csdesign.analysis.base import role_ref
from csdesign.spacing import zh
from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import rule
from csdesign.structures.contract import roles

MANAGER_LEVELS = ("director", "manager", "supervisor")
LEVEL_WORDS = {"director": ("director", "部门总监"), "manager": ("team manager", "团队经理"), "supervisor": ("frontline supervisor", "一线主管")}


def _boxes(ctx: LintContext) -> dict[str, list[str]]:
    """Role id (of ``roles:``) -> its boxes, in graph order."""
    declared = {r.id for r in ctx.org.model.roles}
    out: dict[str, list[str]] = {}
    for n, d in roles(ctx.graph):
        rid = d.get("role_id") or n
        if rid in declared:
            out.setdefault(rid, []).append(n)
    return out


def _title(ctx: LintContext, node: str) -> str:
    return role_ref(ctx.graph, node).label(ctx.lang)


@rule(
    "RS009", "role-without-duties", "warning", "A role lists no duties.",
    """
    From «002»: write a job description for every role, with its duties, the skills it needs
    and its KPIs, so that no duty is unclear. A role with no duties cannot be checked for
    overlaps or gaps, and whoever holds it does whatever lands on their desk.

    Fix: list the role's duties under `duties:` (or remove the role).
    """,
    zh=(
        "岗位没有列出任何职责。",
        """
        «002»：为每个岗位编写岗位说明书，写明职责、所需技能和考核指标，确保没有职责不清。
        没有职责的岗位无法检查职责重叠或空缺，任职者只能被动处理落到自己头上的事情。

        修改建议：在 `duties:` 下列出该岗位的职责（或删除该岗位）。
        """,
    ),
)
def role_without_duties(ctx: LintContext) -> Iterator[Hit]:
    for rid, boxes in _boxes(ctx).items():
        if not any(ctx.graph.nodes[n].get("duties") for n in boxes):
            who = _title(ctx, boxes[0])
            msg = (zh(who, "没有列出任何职责；请在 `duties:` 中写明该岗位的职责") if ctx.lang == "zh"
                   else f"{who} lists no duties; write its duties under `duties:`")
            yield Hit(msg, node=boxes[0])


@rule(
    "RS010", "role-without-kpis", "info", "A role that leads no one has duties but no KPIs.",
    """
    From «002»: every job description names the KPIs the role is measured by (customer
    satisfaction, retention, renewal rate, resolution time ...), so that duties come with a
    measure of whether they are done well. A role with duties and no KPI answers for nothing
    in particular. A manager is measured by the KPIs of the team they lead (a manager listing
    a team KPI is accountable for it, KP002), so the check covers the roles nobody reports to.

    Fix: list the KPIs the role owns under `kpis:`.
    """,
    zh=(
        "不带团队的岗位有职责但没有指标。",
        """
        «002»：每份岗位说明书都要写明考核该岗位的指标（客户满意度、留存率、续费率、问题解决时长……），
        让职责有衡量其完成好坏的标准。有职责却没有指标的岗位，实际上不对任何具体结果负责。
        管理者按其所带团队的指标考核（管理者列出团队指标即对其负责，见 KP002），
        因此这项检查只针对没有下属的岗位。

        修改建议：在 `kpis:` 下列出该岗位负责的指标。
        """,
    ),
)
def role_without_kpis(ctx: LintContext) -> Iterator[Hit]:
    g = ctx.graph
    for rid, boxes in _boxes(ctx).items():
        nodes = [g.nodes[n] for n in boxes]
        if any(g.out_degree(n) for n in boxes):
            continue
        if any(d.get("duties") for d in nodes) and not any(d.get("kpis") for d in nodes):
            who = _title(ctx, boxes[0])
            msg = (zh(who, "有职责但没有指标；请在 `kpis:` 中写明衡量该岗位的指标") if ctx.lang == "zh"
                   else f"{who} has duties but no KPIs; list the KPIs it owns under `kpis:`")
            yield Hit(msg, node=boxes[0])


@rule(
    "SP004", "manager-without-reports", "warning", "A director, manager or supervisor has nobody reporting to them.",
    """
    The leadership layers of «000» (部门总监, 团队经理, 一线主管) exist to lead people: the
    director allocates resources, the manager manages the team and evaluates performance, the
    supervisor leads the frontline. A role at one of those levels with nobody reporting to any
    of its boxes, by a solid or a dotted line, is a title without a team: either the level is
    wrong or the reporting lines are missing.

    Fix: point its reports' `reports_to` at it, or give it the level it really has
    (`level: individual` for a senior specialist).
    """,
    zh=(
        "总监、经理或主管没有任何下属。",
        """
        «000»中的各管理层级（部门总监、团队经理、一线主管）是为带人而设的：总监调配资源，
        团队经理管理团队、评估绩效，一线主管带领一线员工。处于这些层级的岗位，如果其任何方框都没有人
        以实线或虚线向它汇报，就只是一个没有团队的头衔：要么层级标错了，要么汇报关系漏写了。

        修改建议：把其下属的 `reports_to` 指向它，或改为它真实的层级（资深专家用 `level: individual`）。
        """,
    ),
)
def manager_without_reports(ctx: LintContext) -> Iterator[Hit]:
    g = ctx.graph
    for rid, boxes in _boxes(ctx).items():
        level = g.nodes[boxes[0]].get("level")
        if level not in MANAGER_LEVELS:
            continue
        if any(g.out_degree(n) for n in boxes):
            continue
        who = _title(ctx, boxes[0])
        en, level_zh = LEVEL_WORDS[level]
        msg = (zh(who, f"是{level_zh}层级，但没有任何下属（实线或虚线）；请补上下属的汇报关系，或改为 `level: individual`") if ctx.lang == "zh"
               else f"{who} is at the {en} level but nobody reports to it (solid or dotted); add its reports, or make it `level: individual`")
        yield Hit(msg, node=boxes[0])
