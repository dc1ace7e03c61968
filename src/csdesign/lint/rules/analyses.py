"""The analyses rules read, each run at most once per file (several rules share one result),
and the rules generated from analyses that declare a ``lint_rule`` in the analysis registry."""

from __future__ import annotations

from typing import Callable, Iterator

from csdesign.lint.context import Hit, LintContext


def overlaps(ctx: LintContext):
    return ctx.analysis("overlap")


def gaps(ctx: LintContext):
    return ctx.analysis("gaps")


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


def register_analysis_rules() -> None:
    """Register a rule for every analysis with a ``lint_rule`` not registered yet: one finding
    per analysis finding, at its first box, with the analysis's own message."""
    from csdesign.analysis.registry import ANALYSES
    from csdesign.lint.registry import REGISTRY, Rule, Severity, doc_text, register

    for a in ANALYSES:
        spec = a.lint_rule
        if spec is None or spec.code in REGISTRY:
            continue
        zh = (a.title[1] + "。", doc_text(spec.explanation_zh, "zh")) if spec.explanation_zh else ("", "")
        register(Rule(spec.code, spec.name, Severity(spec.severity), a.title[0] + ".", doc_text(spec.explanation), _check(a.name),
                      summary_zh=zh[0], explanation_zh=zh[1]))


def _check(name: str) -> Callable[[LintContext], Iterator[Hit]]:
    def check(ctx: LintContext) -> Iterator[Hit]:
        from csdesign.analysis.registry import ANALYSES

        for f in ANALYSES[name].finding_list(ctx.analysis(name)):
            yield Hit(f.message(ctx.lang), node=f.nodes[0] if f.nodes else None)

    return check
