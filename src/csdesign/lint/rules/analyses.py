"""The analyses rules read, each run at most once per file (several rules share one result)."""

from __future__ import annotations

from csdesign.lint.context import LintContext


def overlaps(ctx: LintContext):
    from csdesign.analysis.overlap import find_overlaps

    return ctx.analysis("overlaps", lambda: find_overlaps(ctx.graph))


def gaps(ctx: LintContext):
    from csdesign.analysis.gaps import find_gaps

    return ctx.analysis("gaps", lambda: find_gaps(ctx.graph))


def node_of(ctx: LintContext, nodes: tuple[str, ...], role_id: str) -> str:
    """The last of ``nodes`` that is an instance of ``role_id`` (where a finding is pinned)."""
    return next((n for n in reversed(nodes) if ctx.graph.nodes[n].get("role_id") == role_id), nodes[-1])


def item_path(ctx: LintContext, node: str, listname: str, name: str) -> tuple:
    """Path of the node's own spelling of ``name`` (the same duty or KPI concept) in its list."""
    from csdesign.analysis.owned import holdings

    m = holdings(ctx.graph, listname).matcher
    items = ctx.graph.nodes[node].get(listname) or []
    if name not in items:
        k = m.key(name)
        name = next((i for i in items if m.key(i) == k), name)
    return ctx.duty_path(node, listname, name)
