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
