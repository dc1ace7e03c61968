"""RS: one owner per duty and scope (seeds 002, 004). Reuses analysis/overlap, gaps, near_duplicates, raci."""

from __future__ import annotations

from typing import Iterator

from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import rule
from csdesign.lint.rules.analyses import gaps, item_path, node_of, overlaps


@rule(
    "RS001", "duty-overlap", "warning", "One duty is owned by two roles in the same scope.",
    """
    Seed 004 names unclear responsibility as the first failure of a CS organisation: when
    two roles both own a duty for the same customers, each expects the other to act and
    customers get passed around (buck-passing). Seed 002: write a job description per role so
    that no duty is unclear or overlapping. Duties are compared as concepts of the bilingual CS
    vocabulary, so "投诉处理", "处理客户投诉" and "Handle complaints" are one duty held three
    ways (the message says how each name was understood). Two roles may hold the same duty when their scopes
    do not meet (renewals for region East and for region West), and a manager holding a duty
    their report also holds is delegation (RS007), not overlap.

    Fix: keep the duty on one role per scope; split it by scope (`only:`) or give the other
    role a different, named duty, and write the split into both job descriptions.
    """,
)
def duty_overlap(ctx: LintContext) -> Iterator[Hit]:
    for o in overlaps(ctx):
        node = node_of(ctx, o.nodes, o.roles[1].role_id)
        yield Hit(o.message(ctx.lang), path=item_path(ctx, node, "duties", o.duty))


@rule(
    "RS002", "unowned-duty", "warning", "A duty in the `duties:` catalogue is owned by no role.",
    """
    The `duties:` catalogue lists what the company expects the CS department to do. A duty
    nobody owns is a gap: seed 004's fix for unclear responsibility is one owner per duty,
    written into that role's job description (seed 002). Catalogue duties match role duties as
    concepts of the bilingual CS vocabulary ("投诉处理" is owned by "Handle complaints"); an
    entry's `aliases:` adds names of your own.

    Fix: add the duty to the role that should own it, or remove it from the catalogue.
    """,
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
    Seed 000 gives each leadership layer default duties: the director sets strategy,
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
    for the outcome; with two, each can point at the other (seed 004's buck-passing). Because
    role ids stand for every replica of the role, "A: csm" in a product structure is one
    Accountable per product, which is right; two Accountable roles are a problem only where
    their scopes meet, and an A whose scope leaves a product/region/segment uncovered leaves
    that scope without one.

    Fix: name exactly one role under `A:` for each scope; make the others `R` or `C`.
    """,
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
)
def raci_responsible(ctx: LintContext) -> Iterator[Hit]:
    for issue in _raci(ctx):
        if issue.rule == "no-responsible":
            yield Hit(issue.message(ctx.lang), path=_raci_path(ctx, issue.duty, "R"), key=True)
