"""ST: does the structure fit the company? Facts from ``graph.graph`` (stage, employees, structure, dimensions)."""

from __future__ import annotations

from typing import Iterator

from csdesign.analysis.base import pick, q, role_ref
from csdesign.spacing import zh
from csdesign.knowledge.guide import structure_name
from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import Option, produced, rule
from csdesign.model.schema import AXES
from csdesign.structures.contract import graph_attrs

produced(
    "ST001", "missing-axis-values", "The structure cuts along an axis that has no values.",
    """
    A product structure needs `dimensions.products`, a geographic one `dimensions.regions`, a
    market one `dimensions.segments`, a process one `dimensions.processes` («003»: one unit
    per product, region, customer group or process stage). Without values there are no units
    to build.

    Fix: list the values under `dimensions:`, or choose a structure that fits the org
    (`csdesign explain` describes all eight).
    """,
    zh=(
        "结构划分所依据的维度没有任何取值。",
        """
        产品型结构需要 `dimensions.products`，地域型需要 `dimensions.regions`，市场型需要 `dimensions.segments`，
        流程型需要 `dimensions.processes`（«003»：每个产品、区域、客户群体或流程阶段各设一个单元）。
        没有取值，就没有可以搭建的单元。

        修改建议：在 `dimensions:` 下列出取值，或选择适合该组织的结构（`csdesign explain` 介绍了全部八种结构）。
        """,
    ),
)


def _employees(ctx: LintContext) -> str:
    n = graph_attrs(ctx.graph).get("employees")
    if ctx.lang == "zh":
        return f"{n} 人" if n else "未填写公司人数"
    return f"{n} employees" if n else "no employee count given"


@rule(
    "ST002", "matrix-at-startup", "warning", "A startup uses a matrix structure.",
    """
    From «003»: a matrix gives each product its own marketing, sales and service plus a
    functional line. It is complex, means dual reporting and fragments the brand. A startup's
    CS team should be lean: a few multi-skilled reps who wear many hats and lean on tools
    (ticket routing, CRM, a feedback platform), not a grid of two bosses per person.

    Fix: use a functional or flat structure until the team has grown into several product or
    regional sub-teams; keep cross-cutting specialists (data, training) as shared roles.
    """,
    zh=(
        "初创企业采用了矩阵型结构。",
        """
        «003»：矩阵型结构让每个产品各有自己的市场、销售和服务，再加一条职能线。它复杂、意味着双重汇报，
        还会造成品牌割裂。初创企业的客户成功团队应当精简：几位身兼数职的多面手，借助工具
        （工单分配、CRM、反馈平台）开展工作，而不是每人两位上级的网格。

        修改建议：在团队成长为多个产品或区域子团队之前，采用职能型或扁平型结构；
        横跨各团队的专家（数据、培训）保留为共享岗位。
        """,
    ),
)
def matrix_at_startup(ctx: LintContext) -> Iterator[Hit]:
    g = ctx.graph.graph
    if g.get("structure") == "matrix" and g.get("stage") == "startup":
        yield Hit(
            pick(ctx.lang, f"matrix structure for a startup ({_employees(ctx)}): dual reporting lines are more coordination than a lean CS team needs",
                 f"初创企业（{_employees(ctx)}）采用矩阵型结构：双重汇报带来的协调成本超出精简的客户成功团队所需"),
            path=("structure", "type"),
            hint=pick(ctx.lang, "use a functional or flat structure; keep specialists as shared roles",
                      "采用职能型或扁平型结构；专家保留为共享岗位"),
        )


_STRUCTURE_NOUN = {"product": "product", "region": "region", "segment": "customer segment", "process": "process stage"}
_STRUCTURE_NOUN_ZH = {"product": "产品", "region": "区域", "segment": "客户分层", "process": "流程环节"}


@rule(
    "ST004", "single-unit-cut", "warning", "The structure is cut along an axis with only one value.",
    """
    «003» cuts a product structure into one unit per product, a geographic one into one
    unit per region, a market one per customer group and a process one per journey stage. With
    a single product, region, segment or stage the cut divides nothing: it only adds a unit
    layer (and its manager) between the CS head and the team. A geographic structure with one
    region or a product structure with one product is a functional org with extra overhead.

    Fix: use a functional (or, for a small team, flat) structure, or declare the other
    products / regions / segments the department really serves.
    """,
    zh=(
        "结构按只有一个取值的维度划分。",
        """
        «003»把产品型结构按产品划分单元，地域型按区域划分，市场型按客户群体划分，流程型按客户旅程阶段划分。
        只有一个产品、区域、客户分层或阶段时，这种划分什么也没分开：只在客户成功部门负责人和团队之间
        多了一层单元（及其经理）。只有一个区域的地域型结构，或只有一个产品的产品型结构，
        其实就是多了额外管理成本的职能型组织。

        修改建议：采用职能型（小团队可用扁平型）结构，或声明部门实际服务的其他产品、区域、客户分层。
        """,
    ),
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
            pick(ctx.lang, f"{g.get('structure')} structure with a single {noun} ('{values[0]}'): the cut adds a layer without dividing the work",
                 f"{structure_name(str(g.get('structure')), 'zh')}结构只有一个{_STRUCTURE_NOUN_ZH.get(axis, axis)}{q('zh', values[0])}：这样划分只增加了一个层级，并没有分担工作"),
            path=("dimensions", AXES[axis]),
            hint=pick(ctx.lang, "use a functional or flat structure, or declare the other values",
                      "采用职能型或扁平型结构，或声明其他取值"),
        )


def _positive(value) -> str | None:
    return None if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else "must be a whole number of at least 1"


STARTUP_MAX_LAYERS = Option("startup-max-layers", 3, "most management levels, the CS head's included, for a startup (a lean team)", _positive,
                            help_zh="初创企业最多的管理层级数，含客户成功部门负责人（精简团队）")


@rule(
    "ST003", "deep-startup", "warning", "A startup's CS department has more levels than a lean team needs.",
    """
    From «003»: a startup's CS team is lean, multi-skilled reps who wear many hats; sub-teams
    under managers come with growth, and multi-level hierarchies with enterprise scale. More
    than three levels (for example director, manager, supervisor and reps) in a 30-person
    company means most managers manage managers, and customer feedback passes through every
    level before anyone can act on it.

    Fix: flatten: let the head lead the reps directly or through one team lead. Levels are
    counted from the CS head (1) to the deepest role; set `startup-max-layers` to change the
    limit.
    """,
    zh=(
        "初创企业的客户成功部门层级多于精简团队所需。",
        """
        «003»：初创企业的客户成功团队是精简的，由身兼数职的多面手组成；经理之下的子团队随成长而出现，
        多层级的架构则属于大型企业。一家 30 人的公司有三个以上层级（例如总监、经理、主管和一线人员），
        意味着大多数管理者在管理管理者，客户反馈要层层上传才有人处理。

        修改建议：扁平化：让负责人直接带一线人员，或只通过一位组长。层级从客户成功部门负责人（第 1 级）
        数到最深的岗位；用 `startup-max-layers` 调整上限。
        """,
    ),
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
            pick(ctx.lang, f"{levels} levels from the CS head down for a startup ({_employees(ctx)}); a lean team needs at most {cap}",
                 f"初创企业（{_employees(ctx)}）从客户成功负责人往下有 {levels} 个层级；精简团队最多需要 {cap} 个"),
            node=head if head in ctx.graph else None,
            hint=pick(ctx.lang, "let the head lead the reps directly or through one team lead",
                      "由负责人直接带领一线人员，或只经过一位组长"),
        )


@rule(
    "ST005", "cs-placement", "warning", "Where CS reports does not fit the company's size and kind.",
    """
    From «000» and «001»: large firms run CS as an independent department reporting to the COO or
    CEO with cross-department authority; small and mid-size traditional firms place it under
    marketing, sales or operations; internet firms usually make it independent under the CEO
    or COO. Under sales, CS becomes "the tail of the sales process" and is starved of
    resources because it books no new revenue; under marketing, cross-department work is slow.

    Fix: change `company.cs_reports_to`, or, if the placement is deliberate, suppress the
    finding with a comment saying why.
    """,
    zh=(
        "客户成功部门的汇报对象与公司的规模和类型不匹配。",
        """
        «000»和«001»：大型企业把客户成功作为独立部门，向 COO 或 CEO 汇报，并拥有跨部门协调权力；
        中小型传统企业把它放在市场、销售或运营部门之下；互联网企业通常让它独立，向 CEO 或 COO 汇报。
        放在销售部门下，客户成功会沦为“销售流程的尾巴”，又因不直接产生新收入而资源不足；
        放在市场部门下，跨部门协作会变慢。

        修改建议：修改 `company.cs_reports_to`；如果这种归属是有意为之，请用注释屏蔽该问题并写明原因。
        """,
    ),
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
    «004» names information islands between teams as a failure mode: each unit sees part of
    a customer, and nobody sees the whole. From «003»: product structures become silos when
    customers use several products; process structures lose customers in the hand-offs
    between stages; functional ones stop sharing what would improve retention. Units cut by
    product, process, channel or function share customers (unless their roles are limited to
    different segments or regions); they need a declared collaboration mechanism: an entry in
    `interfaces:` naming both units (by value, unit id or a member's role id), or a matrix
    lead with dotted lines into both.

    Fix: add an interface, e.g. `{between: [App, Web], mechanism: weekly account review in
    the shared CRM}`, or give a cross-cutting lead dotted lines into the units.
    """,
    zh=(
        "服务相同客户的单元之间没有约定协作机制。",
        """
        «004»把团队之间的信息孤岛列为一种失败模式：每个单元只看到客户的一部分，没有人看到全貌。
        «003»：客户使用多个产品时，产品型结构会形成孤岛；流程型结构会在阶段交接中流失客户；
        职能型结构则不再分享本可提升留存的信息。按产品、流程、渠道或职能划分的单元共享客户
        （除非其岗位限定在不同的客户分层或区域），它们需要一个约定的协作机制：在 `interfaces:` 中
        写一条同时指明两个单元的条目（用取值、单元 id 或成员的岗位 id），或设一位以虚线连到两个单元的矩阵负责人。

        修改建议：增加协作机制，例如 `{between: [App, Web], mechanism: 在共享 CRM 中每周复盘客户}`，
        或让一位横向负责人以虚线连到这些单元。
        """,
    ),
)
def information_island(ctx: LintContext) -> Iterator[Hit]:
    from csdesign.analysis.islands import find_islands

    g = ctx.graph
    units = g.graph.get("units") or {}

    def label(u: str) -> str:
        return q(ctx.lang, str(units[u]["label"]))

    for island in ctx.analysis("islands", lambda: find_islands(g)):
        first = island.units[0]
        axis = str(units[first]["axis"])
        values = g.graph.get("dimensions", {}).get(axis, [])
        if axis in AXES and units[first]["value"] in values:
            path = ("dimensions", AXES[axis], values.index(units[first]["value"]))
        else:
            path = ctx.node_path(next(n for n, d in g.nodes(data=True) if d.get("unit") == first))
        many = len(island.units) > 1
        if ctx.lang == "zh":
            msg = (f"单元{'、'.join(label(u) for u in island.units)}与{'、'.join(label(b) for b in island.apart)}服务同一批客户，"
                   "但没有协作机制或虚线把它们连起来（信息孤岛）")
            hint = "在 `interfaces:` 中声明一条同时指明双方单元的条目，并写明机制（共享 CRM、定期复盘）"
        else:
            msg = (f"unit{'s' if many else ''} {', '.join(label(u) for u in island.units)} share{'' if many else 's'} customers with "
                   f"{', '.join(label(b) for b in island.apart)}, but no interface or dotted line links them (information island)")
            hint = "declare an `interfaces:` entry naming both units, with the mechanism (shared CRM, regular review)"
        yield Hit(msg, path=path, hint=hint)


@rule(
    "ST007", "support-island", "warning", "A support team has no link to the customer success roles serving the same customers.",
    """
    «004» names information islands as a failure mode: departments that do not talk, so
    information arrives late or not at all. «000» asks CS to work with technical support
    closely and share customer data. A support team and the CSMs who serve the same
    customers (segments, regions) need a link: one manages the other, a dotted line joins
    them, or an `interfaces:` entry names both. A market cut with a central support team and
    no interface is the classic case: each segment's CSMs and the shared support desk see
    one half of each customer.

    Fix: add `{between: [support, customer success], mechanism: shared ticket timeline in the
    CRM and a weekly escalation review}` (names are role ids, titles, functions or units).
    """,
    zh=(
        "支持团队与服务相同客户的客户成功岗位之间没有任何联系。",
        """
        «004»把信息孤岛列为一种失败模式：部门之间互不沟通，信息迟到甚至根本不到。«000»要求客户成功部门
        与技术支持紧密合作、共享客户数据。支持团队与服务相同客户（客户分层、区域）的客户成功经理之间需要联系：
        一方管理另一方、以虚线相连，或有一条同时指明双方的 `interfaces:` 条目。按市场划分、设中央支持团队
        却没有协作机制，是最典型的情形：各客户分层的客户成功经理和共享的支持台各自只看到每位客户的一半。

        修改建议：增加 `{between: [support, customer success], mechanism: CRM 中共享工单时间线，每周复盘升级问题}`
        （名称可以是岗位 id、岗位名称、职能或单元）。
        """,
    ),
)
def support_island(ctx: LintContext) -> Iterator[Hit]:
    from csdesign.analysis.islands import find_team_islands

    g = ctx.graph
    for island in ctx.analysis("team_islands", lambda: find_team_islands(g)):
        def label(rid: str) -> str:
            n = next(n for n in island.nodes if (g.nodes[n].get("role_id") or n) == rid)
            return role_ref(g, n).label(ctx.lang)

        others = ("、" if ctx.lang == "zh" else ", ").join(label(r) for r in island.success)
        if ctx.lang == "zh":
            msg = zh("支持团队", label(island.support), "与服务同一批客户的", others, "之间没有汇报线、虚线或 `interfaces:` 协作机制（信息孤岛）")
            hint = "在 `interfaces:` 中声明双方的协作机制，例如共享 CRM 工单时间线与每周升级复盘"
        else:
            msg = f"support team {label(island.support)} has no reporting line, dotted line or interface to {others}, who serve the same customers (information island)"
            hint = "declare an `interfaces:` entry naming both, with the mechanism (shared ticket timeline, weekly escalation review)"
        yield Hit(msg, node=island.nodes[0], hint=hint)


@rule(
    "ST008", "no-department-interface", "info", "The file's interfaces name none of Sales, Product or Marketing.",
    """
    From «000»: CS works across departments through regular cross-department meetings, shared
    information and joint projects: customer data shared with Sales, retention strategy with
    Marketing, product improvements with Product and technology. The fix «004» gives for
    information islands is a shared platform and regular cross-department reporting. A file
    whose `interfaces:` names none of Sales, Product or Marketing models a CS department that
    talks only to itself. (A file with no `interfaces:` at all is not checked: it has not
    modelled collaboration yet; ST007 still finds support teams cut off from their CSMs.)

    Fix: declare the mechanisms, e.g. `{between: [customer success, Sales], mechanism: weekly
    account review in the shared CRM}` and `{between: [support, Product], mechanism: monthly
    top-issues review}`.
    """,
    zh=(
        "文件的协作机制没有涉及销售、产品或市场部门中的任何一个。",
        """
        «000»：客户成功部门通过定期的跨部门会议、信息共享和联合项目开展跨部门协作：与销售共享客户数据，
        与市场共同制定留存策略，与产品和技术部门共同推动产品改进。«004»针对信息孤岛给出的办法是共享平台
        和定期的跨部门汇报。`interfaces:` 中没有涉及销售、产品或市场的文件，描述的是一个只和自己说话的客户成功部门。
        （完全没有 `interfaces:` 的文件不做这项检查：它还没有描述协作；ST007 仍会找出与客户成功经理隔绝的支持团队。）

        修改建议：声明协作机制，例如 `{between: [customer success, Sales], mechanism: 在共享 CRM 中每周复盘客户}`
        和 `{between: [support, Product], mechanism: 每月复盘高频问题}`。
        """,
    ),
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
