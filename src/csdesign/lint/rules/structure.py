"""ST: does the structure fit the company? Facts from ``graph.graph`` (stage, employees, structure, dimensions)."""

from __future__ import annotations

from typing import Iterator

from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import Option, produced, rule
from csdesign.model.schema import AXES
from csdesign.structures.contract import graph_attrs

produced(
    "ST001", "missing-axis-values", "The structure cuts along an axis that has no values.",
    """
    A product structure needs `dimensions.products`, a geographic one `dimensions.regions`, a
    market one `dimensions.segments`, a process one `dimensions.processes` (seed 003: one unit
    per product, region, customer group or process stage). Without values there are no units
    to build.

    Fix: list the values under `dimensions:`, or choose a structure that fits the org
    (`csdesign explain` describes all eight).
    """,
)


def _employees(ctx: LintContext) -> str:
    n = graph_attrs(ctx.graph).get("employees")
    return f"{n} employees" if n else "no employee count given"


@rule(
    "ST002", "matrix-at-startup", "warning", "A startup uses a matrix structure.",
    """
    Seed 003: a matrix gives each product its own marketing, sales and service plus a
    functional line. It is complex, means dual reporting and fragments the brand. A startup's
    CS team should be lean: a few multi-skilled reps who wear many hats and lean on tools
    (ticket routing, CRM, a feedback platform), not a grid of two bosses per person.

    Fix: use a functional or flat structure until the team has grown into several product or
    regional sub-teams; keep cross-cutting specialists (data, training) as shared roles.
    """,
)
def matrix_at_startup(ctx: LintContext) -> Iterator[Hit]:
    g = ctx.graph.graph
    if g.get("structure") == "matrix" and g.get("stage") == "startup":
        yield Hit(
            f"matrix structure for a startup ({_employees(ctx)}): dual reporting lines are more coordination than a lean CS team needs",
            path=("structure", "type"),
            hint="use a functional or flat structure; keep specialists as shared roles",
        )


_STRUCTURE_NOUN = {"product": "product", "region": "region", "segment": "customer segment", "process": "process stage"}


@rule(
    "ST004", "single-unit-cut", "warning", "The structure is cut along an axis with only one value.",
    """
    Seed 003 cuts a product structure into one unit per product, a geographic one into one
    unit per region, a market one per customer group and a process one per journey stage. With
    a single product, region, segment or stage the cut divides nothing: it only adds a unit
    layer (and its manager) between the CS head and the team. A geographic structure with one
    region or a product structure with one product is a functional org with extra overhead.

    Fix: use a functional (or, for a small team, flat) structure, or declare the other
    products / regions / segments the department really serves.
    """,
)
def single_unit_cut(ctx: LintContext) -> Iterator[Hit]:
    g = ctx.graph.graph
    axis = g.get("axis")
    if axis not in AXES:
        return
    values = g.get("dimensions", {}).get(axis, [])
    if len(values) == 1:
        noun = _STRUCTURE_NOUN.get(axis, axis)
        yield Hit(
            f"{g.get('structure')} structure with a single {noun} ('{values[0]}'): the cut adds a layer without dividing the work",
            path=("dimensions", AXES[axis]),
            hint="use a functional or flat structure, or declare the other values",
        )


def _positive(value) -> str | None:
    return None if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else "must be a whole number of at least 1"


STARTUP_MAX_LAYERS = Option("startup-max-layers", 3, "most management levels, the CS head's included, for a startup (seed 003: lean)", _positive)


@rule(
    "ST003", "deep-startup", "warning", "A startup's CS department has more levels than a lean team needs.",
    """
    Seed 003: a startup's CS team is lean, multi-skilled reps who wear many hats; sub-teams
    under managers come with growth, and multi-level hierarchies with enterprise scale. More
    than three levels (for example director, manager, supervisor and reps) in a 30-person
    company means most managers manage managers, and customer feedback passes through every
    level before anyone can act on it.

    Fix: flatten: let the head lead the reps directly or through one team lead. Levels are
    counted from the CS head (1) to the deepest role; set `startup-max-layers` to change the
    limit.
    """,
    options=(STARTUP_MAX_LAYERS,),
)
def deep_startup(ctx: LintContext) -> Iterator[Hit]:
    g = ctx.graph.graph
    if g.get("stage") != "startup":
        return
    from csdesign.lint.rules.spans import spans

    levels = spans(ctx).layers + 1
    cap = ctx.options.get("startup-max-layers", STARTUP_MAX_LAYERS.default)
    if levels > cap:
        head = g.get("head")
        yield Hit(
            f"{levels} levels from the CS head down for a startup ({_employees(ctx)}); a lean team needs at most {cap}",
            node=head if head in ctx.graph else None,
            hint="let the head lead the reps directly or through one team lead",
        )


@rule(
    "ST005", "cs-placement", "warning", "Where CS reports does not fit the company's size and kind.",
    """
    Seeds 000 and 001: large firms run CS as an independent department reporting to the COO or
    CEO with cross-department authority; small and mid-size traditional firms place it under
    marketing, sales or operations; internet firms usually make it independent under the CEO
    or COO. Under sales, CS becomes "the tail of the sales process" and is starved of
    resources because it books no new revenue; under marketing, cross-department work is slow.

    Fix: change `company.cs_reports_to`, or, if the placement is deliberate, suppress the
    finding with a comment saying why.
    """,
)
def cs_placement(ctx: LintContext) -> Iterator[Hit]:
    p = ctx.analysis("placement")
    if not p.fits:
        company = ctx.org.source.data.get("company") if isinstance(ctx.org.source.data, dict) else None
        path = ("company", "cs_reports_to") if isinstance(company, dict) and "cs_reports_to" in company else ("company",)
        yield Hit(p.message(ctx.lang), path=path, key=path == ("company",))


#: Axes whose units serve the same customers (a customer uses several products, passes every
#: process stage, writes in on several channels, meets every function). Region and segment
#: units serve different customers.


@rule(
    "ST006", "information-island", "warning", "Units that serve the same customers have no declared way to work together.",
    """
    Seed 004 names information islands between teams as a failure mode: each unit sees part of
    a customer, and nobody sees the whole. Seed 003: product structures become silos when
    customers use several products; process structures lose customers in the hand-offs
    between stages; functional ones stop sharing what would improve retention. Units cut by
    product, process, channel or function share customers (unless their roles are limited to
    different segments or regions); they need a declared collaboration mechanism: an entry in
    `interfaces:` naming both units (by value, unit id or a member's role id), or a matrix
    lead with dotted lines into both.

    Fix: add an interface, e.g. `{between: [App, Web], mechanism: weekly account review in
    the shared CRM}`, or give a cross-cutting lead dotted lines into the units.
    """,
)
def information_island(ctx: LintContext) -> Iterator[Hit]:
    from csdesign.analysis.islands import find_islands

    g = ctx.graph
    units = g.graph.get("units") or {}

    def label(u: str) -> str:
        return f"'{units[u]['label']}'"

    for island in ctx.analysis("islands", lambda: find_islands(g)):
        first = island.units[0]
        axis = str(units[first]["axis"])
        values = g.graph.get("dimensions", {}).get(axis, [])
        if axis in AXES and units[first]["value"] in values:
            path = ("dimensions", AXES[axis], values.index(units[first]["value"]))
        else:
            path = ctx.node_path(next(n for n, d in g.nodes(data=True) if d.get("unit") == first))
        many = len(island.units) > 1
        yield Hit(
            f"unit{'s' if many else ''} {', '.join(label(u) for u in island.units)} share{'' if many else 's'} customers with "
            f"{', '.join(label(b) for b in island.apart)}, but no interface or dotted line links them (information island)",
            path=path,
            hint="declare an `interfaces:` entry naming both units, with the mechanism (shared CRM, regular review)",
        )


@rule(
    "ST007", "support-island", "warning", "A support team has no link to the customer success roles serving the same customers.",
    """
    Seed 004 names information islands as a failure mode: departments that do not talk, so
    information arrives late or not at all. Seed 000 asks CS to work with technical support
    closely and share customer data. A support team and the CSMs who serve the same
    customers (segments, regions) need a link: one manages the other, a dotted line joins
    them, or an `interfaces:` entry names both. A market cut with a central support team and
    no interface is the classic case: each segment's CSMs and the shared support desk see
    one half of each customer.

    Fix: add `{between: [support, customer success], mechanism: shared ticket timeline in the
    CRM and a weekly escalation review}` (names are role ids, titles, functions or units).
    """,
)
def support_island(ctx: LintContext) -> Iterator[Hit]:
    from csdesign.analysis.islands import find_team_islands

    g = ctx.graph
    for island in ctx.analysis("team_islands", lambda: find_team_islands(g)):
        def label(rid: str) -> str:
            n = next(n for n in island.nodes if (g.nodes[n].get("role_id") or n) == rid)
            return f"{g.nodes[n].get('title') or rid} ({rid})"

        others = ("、" if ctx.lang == "zh" else ", ").join(label(r) for r in island.success)
        if ctx.lang == "zh":
            msg = f"支持团队 {label(island.support)} 与服务同一批客户的 {others} 之间没有汇报线、虚线或 `interfaces:` 协作机制（信息孤岛）"
            hint = "在 `interfaces:` 中声明双方的协作机制，例如共享 CRM 工单时间线与每周升级复盘"
        else:
            msg = f"support team {label(island.support)} has no reporting line, dotted line or interface to {others}, who serve the same customers (information island)"
            hint = "declare an `interfaces:` entry naming both, with the mechanism (shared ticket timeline, weekly escalation review)"
        yield Hit(msg, node=island.nodes[0], hint=hint)


@rule(
    "ST008", "no-department-interface", "info", "The file's interfaces name none of Sales, Product or Marketing.",
    """
    Seed 000: CS works across departments through regular cross-department meetings, shared
    information and joint projects: customer data shared with Sales, retention strategy with
    Marketing, product improvements with Product and technology. Seed 004's fix for
    information islands is a shared platform and regular cross-department reporting. A file
    whose `interfaces:` names none of Sales, Product or Marketing models a CS department that
    talks only to itself. (A file with no `interfaces:` at all is not checked: it has not
    modelled collaboration yet; ST007 still finds support teams cut off from their CSMs.)

    Fix: declare the mechanisms, e.g. `{between: [customer success, Sales], mechanism: weekly
    account review in the shared CRM}` and `{between: [support, Product], mechanism: monthly
    top-issues review}`.
    """,
)
def no_department_interface(ctx: LintContext) -> Iterator[Hit]:
    from csdesign.analysis.islands import DEPARTMENTS, missing_departments

    missing = ctx.analysis("missing_departments", lambda: missing_departments(ctx.graph))
    if not missing:
        return
    i = 1 if ctx.lang == "zh" else 0
    names = ("、" if i else ", ").join(DEPARTMENTS[d][0][i] for d in missing)
    msg = (f"客户成功部门没有与{names}部门声明任何协作机制（`interfaces:`）" if i
           else f"the CS department declares no interface with {names} (`interfaces:`)")
    hint = ("声明定期跨部门会议、共享数据或联合项目，例如 `{between: [客户成功, 销售部], mechanism: 每周客户复盘}`" if i
            else "declare regular meetings, shared data or joint projects, e.g. `{between: [customer success, Sales], mechanism: weekly account review}`")
    yield Hit(msg, path=("interfaces",), hint=hint, key=True)
