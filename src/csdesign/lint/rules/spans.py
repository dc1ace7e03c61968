"""SP: spans of control and layers (McKinsey / Orgvue benchmarks). Reuses analysis/spans."""

from __future__ import annotations

from typing import Any, Iterator

from csdesign.analysis.base import pick
from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import Option, rule


def _band(value: Any) -> str | None:
    ok = isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    if not ok or not 4 <= value[0] <= value[1]:
        return "must be [low, high] with 4 <= low <= high, e.g. [8, 12]"
    return None


def _positive(value: Any) -> str | None:
    return None if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else "must be a whole number of at least 1"


SPAN_BAND = Option("span-band", [8, 12], "on-target span of control [low, high] (Orgvue: 8-12)", _band,
                   help_zh="合适的管理幅度区间 [下限，上限]（Orgvue：8-12）")
MAX_LAYERS = Option("max-layers", 5, "most layers below the CS head, whatever the headcount (orgs under ~500 people rarely need more than 4-5)", _positive,
                    help_zh="客户成功部门负责人之下的最多层级数，不论人数多少（500 人以下的组织很少需要超过 4-5 层）")


def spans(ctx: LintContext):
    from csdesign.analysis.spans import make_bands

    low, high = ctx.options.get("span-band", SPAN_BAND.default)
    return ctx.analysis("spans", bands=make_bands(low, high))


@rule(
    "SP001", "span-outside-band", "warning", "A manager's span of control is above the configured band.",
    """
    Span of control is the number of people reporting directly to a manager (a box "CSM x6"
    counts six). Public benchmarks (Orgvue) put 8-12 on target, 13-16 above target and 17+
    excessive; McKinsey's archetypes run from player/coach (3-5) to coordinator (15+, e.g. a
    call centre). A manager far above the band cannot set goals, coach and evaluate each
    person (the team-manager duties of «000»), so quality and feedback suffer.

    Fix: split the team under a second manager or add team leads (supervisors). If your
    team is a coordinator-style queue, widen `span-band` in the config.
    """,
    zh=(
        "管理者的管理幅度超出了设定区间。",
        """
        管理幅度是直接向一位管理者汇报的人数（一个“CSM x6”的方框算六人）。公开基准（Orgvue）认为
        8-12 人为合适，13-16 人偏多，17 人以上过多；麦肯锡的原型从球员教练型（3-5 人）到协调型
        （15 人以上，如呼叫中心）不等。管理幅度远超区间的管理者无法为每个人设定目标、辅导和评估
        （«000»中团队经理的职责），工作质量和反馈都会受影响。

        修改建议：把团队拆给第二位管理者，或增设组长（一线主管）。如果团队本就是协调型的排队服务，
        请在配置中放宽 `span-band`。
        """,
    ),
    options=(SPAN_BAND,),
)
def span_outside_band(ctx: LintContext) -> Iterator[Hit]:
    for issue in spans(ctx).issues:
        if issue.rule in ("span-above", "span-excessive"):
            yield Hit(issue.message(ctx.lang), node=issue.nodes[0])


@rule(
    "SP003", "one-to-one-manager", "warning", "A manager has exactly one direct report.",
    """
    A manager with one report is a layer that adds a hand-off without dividing any work
    (Orgvue's "one-to-one" band). It usually means a title promotion was modelled as a layer,
    or the team was never hired.

    Fix: merge the two roles, or give the manager the team the layer was created for.
    """,
    zh=(
        "管理者只有一名直接下属。",
        """
        只有一名下属的管理者构成了一个只增加交接、不分担工作的层级（Orgvue 的“一对一”区间）。
        这通常说明把职级晋升建模成了一个层级，或者团队从未招齐。

        修改建议：合并这两个岗位，或为该管理者配齐设立这一层级时所规划的团队。
        """,
    ),
)
def one_to_one_manager(ctx: LintContext) -> Iterator[Hit]:
    for issue in spans(ctx).issues:
        if issue.rule == "span-one-to-one":
            yield Hit(issue.message(ctx.lang), node=issue.nodes[0])


@rule(
    "SP002", "too-many-layers", "warning", "More management layers than the headcount needs.",
    """
    An org needs at least ceil(log_span(headcount)) layers; more than one above that (or
    above `max-layers`) means narrow spans stacked on top of each other: slower decisions,
    more hand-offs, and duties blurred between layers («000» gives each layer its own
    duties precisely to avoid that). Orgs under ~500 people rarely need more than 4-5 layers.

    Fix: remove a management layer (merge supervisors into managers, or managers into the
    director), widening spans towards the on-target band.
    """,
    zh=(
        "管理层级多于人员规模所需。",
        """
        一个组织至少需要 ceil(log_幅度(人数)) 个层级；比这多出一层以上（或超过 `max-layers`），
        就意味着窄幅度层层叠加：决策更慢、交接更多、各层职责变得模糊（«000»正是为避免这一点才给每一层规定了各自的职责）。
        500 人以下的组织很少需要超过 4-5 个层级。

        修改建议：去掉一个管理层级（把一线主管并入团队经理，或把团队经理并入总监），使管理幅度向合适区间靠拢。
        """,
    ),
    options=(MAX_LAYERS,),
)
def too_many_layers(ctx: LintContext) -> Iterator[Hit]:
    report = spans(ctx)
    flagged = [i for i in report.issues if i.rule == "layers"]
    for issue in flagged:
        yield Hit(issue.message(ctx.lang), node=issue.nodes[0] if issue.nodes else None)
    cap = ctx.options.get("max-layers", MAX_LAYERS.default)
    if not flagged and report.layers > cap:
        head = ctx.graph.graph.get("head")
        yield Hit(
            pick(ctx.lang, f"{report.layers} layers below the CS head, more than the configured max-layers of {cap}; remove a management layer",
                 f"客户成功负责人以下有 {report.layers} 个层级，超过配置的 max-layers（{cap}）；请去掉一个管理层级"),
            node=head if head in ctx.graph else None,
        )
