"""SP: spans of control and layers (McKinsey / Orgvue benchmarks). Reuses analysis/spans."""

from __future__ import annotations

from typing import Any, Iterator

from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import Option, rule


def _band(value: Any) -> str | None:
    ok = isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    if not ok or not 4 <= value[0] <= value[1]:
        return "must be [low, high] with 4 <= low <= high, e.g. [8, 12]"
    return None


def _positive(value: Any) -> str | None:
    return None if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else "must be a whole number of at least 1"


SPAN_BAND = Option("span-band", [8, 12], "on-target span of control [low, high] (Orgvue: 8-12)", _band)
MAX_LAYERS = Option("max-layers", 5, "most layers below the CS head, whatever the headcount (orgs under ~500 people rarely need more than 4-5)", _positive)


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
    person (the team-manager duties of seed 000), so quality and feedback suffer.

    Fix: split the team under a second manager or add team leads (supervisors). If your
    team is a coordinator-style queue, widen `span-band` in the config.
    """,
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
    more hand-offs, and duties blurred between layers (seed 000 gives each layer its own
    duties precisely to avoid that). Orgs under ~500 people rarely need more than 4-5 layers.

    Fix: remove a management layer (merge supervisors into managers, or managers into the
    director), widening spans towards the on-target band.
    """,
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
            f"{report.layers} layers below the CS head, more than the configured max-layers of {cap}; remove a management layer",
            node=head if head in ctx.graph else None,
        )
