"""RS: one owner per duty and scope (seeds 002, 004). Reuses analysis/overlap, gaps, near_duplicates, raci."""

from __future__ import annotations

from typing import Iterator

from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import rule
from csdesign.lint.rules.analyses import gaps, item_path, node_of, overlaps


@rule(
    "RS001", "duty-overlap", "warning", "One duty is owned by two roles in the same scope.",
    """
    «004» names unclear responsibility as the first failure of a CS organisation: when
    two roles both own a duty for the same customers, each expects the other to act and
    customers get passed around (buck-passing). From «002»: write a job description per role so
    that no duty is unclear or overlapping. Duties are compared as concepts of the bilingual CS
    vocabulary, so "投诉处理", "处理客户投诉" and "Handle complaints" are one duty held three
    ways (the message says how each name was understood). Two roles may hold the same duty when their scopes
    do not meet (renewals for region East and for region West), and a manager holding a duty
    their report also holds is delegation (RS007), not overlap.

    Fix: keep the duty on one role per scope; split it by scope (`only:`) or give the other
    role a different, named duty, and write the split into both job descriptions.
    """,
    zh=(
        "同一职责在同一范围内由两个岗位负责。",
        """
        «004»把职责不清列为客户成功组织的首要问题：两个岗位都为同一批客户负责同一项职责时，
        彼此都等对方行动，客户就被推来推去（互相推诿）。«002»：为每个岗位编写岗位说明书，
        确保没有职责不清或重叠。职责按双语客户成功词汇表中的概念比较，因此“投诉处理”“处理客户投诉”
        和“Handle complaints”是以三种写法出现的同一项职责（提示会说明每个名称是如何识别的）。
        两个岗位的范围不相交时可以负责同一项职责（分别负责华东和华西的续费）；
        管理者与其下属负责同一项职责属于授权（RS007），不算重叠。

        修改建议：每个范围只让一个岗位负责该职责；按范围拆分（`only:`），或给另一个岗位一项有明确名称的不同职责，
        并把分工写进双方的岗位说明书。
        """,
    ),
)
def duty_overlap(ctx: LintContext) -> Iterator[Hit]:
    for o in overlaps(ctx):
        node = node_of(ctx, o.nodes, o.roles[1].role_id)
        yield Hit(o.message(ctx.lang), path=item_path(ctx, node, "duties", o.duty))


@rule(
    "RS002", "unowned-duty", "warning", "A duty in the `duties:` catalogue is owned by no role.",
    """
    The `duties:` catalogue lists what the company expects the CS department to do. A duty
    nobody owns is a gap: the fix «004» gives for unclear responsibility is one owner per duty,
    written into that role's job description («002»). Catalogue duties match role duties as
    concepts of the bilingual CS vocabulary ("投诉处理" is owned by "Handle complaints"); an
    entry's `aliases:` adds names of your own.

    Fix: add the duty to the role that should own it, or remove it from the catalogue.
    """,
    zh=(
        "`duties:` 职责清单中的某项职责无人负责。",
        """
        `duties:` 职责清单列出公司期望客户成功部门承担的工作。无人负责的职责就是空缺：
        «004»针对职责不清给出的办法是每项职责只有一个负责人，并写进该岗位的岗位说明书（«002»）。
        清单中的职责与岗位职责按双语客户成功词汇表中的概念匹配（“投诉处理”由“Handle complaints”负责）；
        条目的 `aliases:` 可以补充你们自己的叫法。

        修改建议：把该职责加到应当负责的岗位上，或从清单中删除。
        """,
    ),
)
def unowned_duty(ctx: LintContext) -> Iterator[Hit]:
    for gap in gaps(ctx):
        if gap.what == "duty" and gap.source == "catalogue" and not gap.scope:
            yield Hit(gap.message(ctx.lang), path=ctx.catalogue_path("duties", gap.name))


@rule(
    "RS003", "duty-gap-in-scope", "warning", "A catalogue duty is owned somewhere but not in every product, region, segment or channel.",
    """
    A duty that is owned in region East but by nobody in region West is a gap for West's
    customers even though the org chart shows an owner. csdesign checks every declared value
    of products, regions, segments and channels for each catalogue duty that someone owns
    (journey stages are where a duty happens, so they are not checked this way).

    Fix: widen the owning role's scope (`only:`), add a role that owns the duty in the
    uncovered scope, or, when the duty belongs to some scopes only by nature, limit the
    catalogue entry: `- {name: ..., only: {segments: [Strategic]}}`.
    """,
    zh=(
        "清单中的职责有人负责，但并非每个产品、区域、客户分层或渠道都有人负责。",
        """
        华东有人负责、华西却无人负责的职责，对华西的客户来说就是空缺，尽管组织图上看起来有负责人。
        对每一项有人负责的清单职责，csdesign 都会检查产品、区域、客户分层和渠道的每个已声明取值
        （客户旅程阶段是职责发生的环节，不按这种方式检查）。

        修改建议：扩大负责岗位的范围（`only:`），在未覆盖的范围增设负责该职责的岗位；
        若该职责本来就只属于部分范围，则限定清单条目：`- {name: ..., only: {segments: [Strategic]}}`。
        """,
    ),
)
def duty_gap_in_scope(ctx: LintContext) -> Iterator[Hit]:
    for gap in gaps(ctx):
        if gap.what == "duty" and gap.source == "catalogue" and gap.scope:
            yield Hit(gap.message(ctx.lang), path=ctx.catalogue_path("duties", gap.name))


@rule(
    "RS004", "near-duplicate-duty", "warning", "Two duty names are spelt almost alike but are not known to be one duty.",
    """
    Names the vocabulary knows to be one duty ("客户回访" and "Customer follow-up") are one
    duty for RS001 and RS002 already. Names it does not know but that are spelt almost alike
    ("Quarterly roadmap briefings" and "Quarterly roadmap breifings") probably are one duty
    too, and then two roles may own it without anyone noticing. Look-alikes are grouped in
    clusters of at most eight; names whose numbers differ ("Tier 1" / "Tier 2") are not.

    Fix: use one name for the duty everywhere (catalogue and roles), then let RS001 tell you
    whether it now has two owners; if the names mean one duty of your own, add them to
    `vocabulary:` as synonyms.
    """,
    zh=(
        "两个职责名称写法几乎相同，却不能确认是同一项职责。",
        """
        词汇表认定为同一职责的名称（“客户回访”和“Customer follow-up”），在 RS001 和 RS002 中已经按同一职责处理。
        词汇表不认识、但写法几乎相同的名称（“Quarterly roadmap briefings”和“Quarterly roadmap breifings”）
        很可能也是同一职责，这时两个岗位可能同时负责它而无人察觉。相似的名称按每组最多八个归类；
        只有数字不同的名称（“Tier 1”/“Tier 2”）不算。

        修改建议：在清单和各岗位中统一使用一个名称，再看 RS001 是否提示它现在有两个负责人；
        如果这些名称指的是你们自己的同一项职责，就把它们作为同义词加入 `vocabulary:`。
        """,
    ),
)
def near_duplicate_duty(ctx: LintContext) -> Iterator[Hit]:
    for nd in ctx.analysis("duplicates"):
        name = nd.names[-1]
        holder = next((n for n in reversed(nd.nodes) if name in (ctx.graph.nodes[n].get("duties") or ())), None)
        path = ctx.duty_path(holder, "duties", name) if holder else ctx.catalogue_path("duties", name)
        yield Hit(nd.message(ctx.lang), path=path)


@rule(
    "RS006", "missing-level-duty", "info", "No role of a leadership layer owns one of that layer's default duties.",
    """
    «000» gives each leadership layer default duties: the director sets strategy,
    allocates resources and coordinates across departments; the team manager sets goals,
    manages the team and evaluates performance; the frontline supervisor handles customer
    communication, problem solving and data feedback. The check is per layer: the director
    duties must be owned by a director-level role, and so on; a director duty done only by a
    manager is still missing from the director layer (the finding says who holds it). When
    no role of the layer lists the duty, it is usually done by nobody in particular.

    Fix: write the duty into the job description of a role of that layer (any wording that
    names the work matches, e.g. "Set pod goals" for goal setting, "带教新人" for team
    management; `vocabulary:` adds your own wording).
    """,
    zh=(
        "某个管理层级没有任何岗位负责该层级的一项默认职责。",
        """
        «000»为每个管理层级规定了默认职责：部门总监负责制定战略、资源调配和跨部门协调；
        团队经理负责目标设定、团队管理和绩效评估；一线主管负责客户沟通、问题解决和数据反馈。
        检查按层级进行：总监职责必须由总监层级的岗位负责，其余类推；只由经理承担的总监职责，
        在总监层仍算缺失（提示会说明由谁承担）。如果该层级没有任何岗位列出这项职责，它通常就没人专门负责。

        修改建议：把该职责写进该层级某个岗位的岗位说明书（任何能说清这项工作的写法都能匹配，
        例如目标设定写作“Set pod goals”，团队管理写作“带教新人”；`vocabulary:` 可以补充你们自己的说法）。
        """,
    ),
)
def missing_level_duty(ctx: LintContext) -> Iterator[Hit]:
    for gap in gaps(ctx):
        if gap.source.startswith("level:"):
            yield Hit(gap.message(ctx.lang), node=gap.nodes[0] if gap.nodes else None)


@rule(
    "RS007", "duty-delegated", "info", "A manager and someone in their team hold the same duty.",
    """
    A duty held by a manager and again by a report is delegation, not overlap: the manager is
    usually accountable and the report does the work. It is reported for information because
    the job descriptions must say which is which, or the two will each wait for the other.

    Fix: nothing to change if intended; make the accountable/responsible split explicit in
    `raci:` (one A, at least one R).
    """,
    zh=(
        "管理者与其团队中的某人负责同一项职责。",
        """
        管理者和下属同时负责的职责属于授权，而不是重叠：通常管理者负责结果，下属负责执行。
        这里仅作提示，因为岗位说明书必须写清谁负责什么，否则两人会互相等待。

        修改建议：如属有意安排则无需修改；在 `raci:` 中明确负责与执行的分工（一个 A，至少一个 R）。
        """,
    ),
)
def duty_delegated(ctx: LintContext) -> Iterator[Hit]:
    for d in ctx.analysis("delegation"):
        node = node_of(ctx, d.nodes, d.report.role_id)
        yield Hit(d.message(ctx.lang), path=item_path(ctx, node, "duties", d.duty))


def _raci(ctx: LintContext):
    return ctx.analysis("raci").issues


def _raci_path(ctx: LintContext, duty: str, letter: str) -> tuple:
    entry = ctx.org.model.raci.get(duty)
    return ("raci", duty, letter) if entry is not None and getattr(entry, letter) else ("raci", duty)


@rule(
    "RS005", "raci-accountable", "error", "A RACI entry does not have exactly one Accountable role per scope.",
    """
    RACI's one hard rule: exactly one Accountable (A) per activity. With none, nobody answers
    for the outcome; with two, each can point at the other (the buck-passing of «004»). Because
    role ids stand for every replica of the role, "A: csm" in a product structure is one
    Accountable per product, which is right; two Accountable roles are a problem only where
    their scopes meet, and an A whose scope leaves a product/region/segment uncovered leaves
    that scope without one.

    Fix: name exactly one role under `A:` for each scope; make the others `R` or `C`.
    """,
    zh=(
        "RACI 条目在某个范围内没有恰好一个负责人（Accountable）。",
        """
        RACI 唯一的硬性规则：每项活动恰好一个负责人（A）。没有 A，就没有人为结果负责；有两个 A，
        彼此都可以指向对方（«004»所说的互相推诿）。岗位 id 代表该岗位的所有副本，因此在产品型结构中
        “A: csm”意味着每个产品一个负责人，这是对的；两个 A 只有在范围相交时才是问题，
        而如果 A 的范围漏掉了某个产品、区域或客户分层，那个范围就没有负责人。

        修改建议：在 `A:` 下为每个范围只写一个岗位；其他岗位改为 `R` 或 `C`。
        """,
    ),
)
def raci_accountable(ctx: LintContext) -> Iterator[Hit]:
    for issue in _raci(ctx):
        if issue.rule in ("no-accountable", "several-accountable"):
            yield Hit(issue.message(ctx.lang), path=_raci_path(ctx, issue.duty, "A"), key=issue.rule == "no-accountable")


@rule(
    "RS008", "raci-responsible", "warning", "A RACI entry has no Responsible role (in some scope).",
    """
    RACI needs at least one Responsible (R): the role that does the work. An activity with an
    Accountable but no Responsible is usually done by the Accountable manager alone, or by
    nobody.

    Fix: name the role(s) doing the work under `R:`.
    """,
    zh=(
        "RACI 条目（在某个范围内）没有执行人（Responsible）。",
        """
        RACI 至少需要一个执行人（R）：真正做这项工作的岗位。只有负责人、没有执行人的活动，
        通常要么由负责的管理者独自完成，要么根本没人做。

        修改建议：在 `R:` 下写明执行这项工作的岗位。
        """,
    ),
)
def raci_responsible(ctx: LintContext) -> Iterator[Hit]:
    for issue in _raci(ctx):
        if issue.rule == "no-responsible":
            yield Hit(issue.message(ctx.lang), path=_raci_path(ctx, issue.duty, "R"), key=True)
