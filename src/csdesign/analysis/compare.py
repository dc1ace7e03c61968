"""One company file, every structure: the side-by-side numbers behind `csdesign compare`.

Each structure is built from the same org and measured with the report's own analyses
(spans.py for layers, spans, bands and the manager ratio; overlap.py and gaps.py for overlaps
and gaps; islands.py for silo risk), so compare and report never disagree. Two measures are
compare's own:

- handoffs: the customer journey is ``dimensions.processes`` in order. For each step from one
  stage to the next, every unit that serves the first stage but not the next hands its
  customers over; handoffs is the total over all steps (None when no stages are declared). A
  process structure has one per step; a product structure whose teams cover the whole
  journey has none.
- silo risk: pairs of units that serve the same customers with no declared interface or
  dotted line linking them (islands.py; seed 004's information islands).

Cost and staffing come from the report's analyses too: the fully loaded cost and its share of
ARR (cost.py; unit roles replicate, so structures cost differently), and the number of
capacity findings (capacity.py: segments under/over covered, misallocation, channels).

Structures that cannot be built from the file (a product structure with no products) get a
row with the reason instead of numbers.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from csdesign.analysis.gaps import find_gaps
from csdesign.analysis.islands import find_islands
from csdesign.analysis.overlap import find_overlaps
from csdesign.analysis.spans import DEFAULT_BANDS, Band, analyse_spans
from csdesign.errors import ModelError
from csdesign.structures.contract import roles


@dataclass
class StructureMetrics:
    structure: str
    error: str | None = None  # why this structure cannot be built from the file
    layers: int | None = None
    layers_needed: int | None = None
    span_max: int | None = None
    span_median: float | None = None
    band_shares: dict[str, float] = field(default_factory=dict)  # band id -> share of manager people
    managers: int | None = None  # manager people
    ratio: float | None = None  # individuals per manager
    headcount: int | None = None
    units: int | None = None
    roles_per_unit: float | None = None  # role boxes per unit (mean)
    overlaps: int | None = None
    gaps: int | None = None
    handoffs: int | None = None
    silo_pairs: int | None = None
    silo_units: list[str] = field(default_factory=list)  # unit labels in an unlinked pair
    cost: float | None = None  # fully loaded annual cost (None: the file declares no costs)
    cost_share: float | None = None  # of the segments' ARR
    staffing: int | None = None  # capacity findings
    graph: nx.DiGraph | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "structure": self.structure, "error": self.error, "layers": self.layers,
            "layers_needed": self.layers_needed, "span_max": self.span_max, "span_median": self.span_median,
            "band_shares": dict(self.band_shares), "managers": self.managers, "ratio": self.ratio,
            "headcount": self.headcount, "units": self.units, "roles_per_unit": self.roles_per_unit,
            "overlaps": self.overlaps, "gaps": self.gaps, "handoffs": self.handoffs,
            "silo_pairs": self.silo_pairs, "silo_units": list(self.silo_units),
            "cost": self.cost, "cost_share": None if self.cost_share is None else round(self.cost_share, 4), "staffing": self.staffing,
        }


@dataclass
class Comparison:
    company: str
    stage: str
    kind: str
    file: str
    bands: tuple[Band, ...]
    rows: list[StructureMetrics]
    dimensions: dict[str, list[str]]
    positions: int | None = None  # an as-is org's positions (None: not an as-is org)
    roles: int = 0  # roles the structures are built from
    currency: str | None = None

    def row(self, structure: str) -> StructureMetrics:
        return next(r for r in self.rows if r.structure == structure)

    def to_dict(self) -> dict[str, Any]:
        return {
            "company": self.company, "stage": self.stage, "kind": self.kind, "currency": self.currency,
            "bands": [{"id": b.id, "range": b.range_text(), "name": b.en} for b in self.bands],
            "structures": [r.to_dict() for r in self.rows],
        }


def handoffs(g: nx.DiGraph) -> int | None:
    """Units that stop serving a customer as the journey moves from one stage to the next."""
    stages = (g.graph.get("dimensions") or {}).get("process") or []
    if not stages:
        return None
    serves: dict[str, set[str]] = {}
    for _, d in roles(g):
        unit = d.get("unit")
        if unit is None:
            continue
        cov = (d.get("coverage") or {}).get("process")
        serves.setdefault(unit, set()).update(stages if cov is None else cov)
    return sum(1 for a, b in zip(stages, stages[1:]) for covered in serves.values() if a in covered and b not in covered)


def measure(g: nx.DiGraph, bands: tuple[Band, ...] = DEFAULT_BANDS, capacity_table: Any = None) -> StructureMetrics:
    """All compare numbers for one built structure (``capacity_table``: a [capacity] config table)."""
    from csdesign.analysis.capacity import analyse
    from csdesign.analysis.capacity_settings import for_graph
    from csdesign.analysis.cost import analyse_cost

    settings = for_graph(g, capacity_table)
    cost = analyse_cost(g, settings)
    spans = analyse_spans(g, bands)
    per_person = [row.span for row in spans.rows for _ in range(row.managers)]
    units = g.graph.get("units") or {}
    in_units = sum(1 for _, d in roles(g) if d.get("unit") in units)
    islands = find_islands(g)
    silo = sorted({u for i in islands for pair in i.pairs for u in pair}, key=list(units).index)
    return StructureMetrics(
        structure=g.graph["structure"],
        layers=spans.layers,
        layers_needed=spans.layers_needed,
        span_max=max(per_person) if per_person else 0,
        span_median=float(statistics.median(per_person)) if per_person else 0.0,
        band_shares={b.id: round(spans.band_share(b.id), 4) for b in bands},
        managers=spans.manager_people,
        ratio=spans.ratio,
        headcount=spans.headcount,
        units=len(units),
        roles_per_unit=round(in_units / len(units), 1) if units else None,
        overlaps=len(find_overlaps(g)),
        gaps=len(find_gaps(g)),
        handoffs=handoffs(g),
        silo_pairs=sum(len(i.pairs) for i in islands),
        silo_units=[units[u]["label"] for u in silo],
        cost=cost.total,
        cost_share=cost.share_of_arr,
        staffing=len(analyse(g, settings).findings()),
        graph=g,
    )


def compare(org, structures: list[str] | None = None, bands: tuple[Band, ...] = DEFAULT_BANDS, capacity_table: Any = None) -> Comparison:
    """Build and measure each structure (all eight by default) from one loaded Org."""
    from csdesign.structures import NAMES, build

    wanted = structures or list(NAMES)
    rows: list[StructureMetrics] = []
    for name in wanted:
        try:
            g = build(org, name)
        except ModelError as exc:
            first = exc.problems[0] if exc.problems else None
            rows.append(StructureMetrics(structure=name, error=(first.message if first else exc.message)))
            continue
        rows.append(measure(g, bands, capacity_table))
    m = org.model
    from csdesign.model.schema import AXES

    return Comparison(
        company=m.company.name,
        stage=m.company.effective_stage.value,
        kind=m.company.kind.value,
        file=org.file,
        bands=bands,
        rows=rows,
        dimensions={axis: m.dimensions.values(axis) for axis in AXES},
        positions=len(m.positions) if m.positions is not None else None,
        roles=len(m.roles),
        currency=m.company.currency,
    )
