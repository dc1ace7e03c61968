"""ST: does the structure fit the company? Facts from ``graph.graph`` (stage, employees, structure, dimensions)."""

from __future__ import annotations

from typing import Iterator

from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import produced, rule
from csdesign.model.schema import AXES

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
    n = ctx.graph.graph.get("employees")
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
