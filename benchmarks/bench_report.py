"""Benchmark: the report's analyses are linear in role instances.

Builds a product-structure org with R roles replicated over P products (R*P role instances,
each with duties and KPIs, one deliberate overlap per product and a gap), then times
``run_all`` on the graph. Run:  python benchmarks/bench_report.py [instances ...]
(default 1000 10000 100000). Prints one line per size: instances, graph build seconds,
analysis seconds, microseconds per instance, and the summary line (so the findings scale too).
"""

from __future__ import annotations

import sys
import time

from csdesign.analysis import run_all
from csdesign.model import load_org_text
from csdesign.structures import build

ROLES = 10


def org_yaml(products: int) -> str:
    lines = [
        "company: {name: Bench, employees: 50000}",
        "dimensions:",
        f"  products: [{', '.join(f'P{i}' for i in range(products))}]",
        "  regions: [North, South]",
        "  segments: [{name: Strategic, accounts: 5000}, {name: Standard, accounts: 90000}]",
        "structure: {type: product}",
        "duties: [renewal, onboarding, escalations, forecasting]",
        "kpis: [NRR, CSAT]",
        "raci: {renewal: {A: mgr, R: [csm]}}",
        "roles:",
        "  - {id: head, title: Head of CS, level: director, duties: [CS strategy, Allocate budget, Coordinate with sales]}",
        "  - {id: mgr, title: CS Manager, level: manager, duties: [Set goals, Coach the team, Evaluate performance], kpis: [NRR]}",
        "  - {id: lead, title: Support Lead, level: supervisor, reports_to: mgr, duties: [Customer communication, Solve problems, Data feedback]}",
        "  - {id: csm, title: CSM, reports_to: mgr, headcount: 6, capacity: {Strategic: 10, Standard: 60}, duties: [renewal, onboarding, QBRs]}",
        "  - {id: onb, title: Onboarding, reports_to: mgr, duties: [onboarding, Configure workspace]}",
        "  - {id: agent, title: Agent, reports_to: lead, headcount: 9, duties: [escalations, tickets], kpis: [CSAT]}",
        "  - {id: agent_n, title: Agent North, reports_to: lead, only: {regions: [North]}, duties: [Answer chat]}",
        "  - {id: analyst, title: Analyst, reports_to: mgr, duties: [Build dashboards]}",
        "  - {id: trainer, title: Trainer, reports_to: mgr, duties: [Customer training]}",
        "  - {id: kam, title: KAM, reports_to: mgr, only: {segments: [Strategic]}, duties: [Account plans]}",
    ]
    return "\n".join(lines) + "\n"


def main(sizes: list[int]) -> None:
    for instances in sizes:
        products = max(1, instances // ROLES)
        t0 = time.perf_counter()
        g = build(load_org_text(org_yaml(products), "bench.yaml"))
        t1 = time.perf_counter()
        report = run_all(g)
        t2 = time.perf_counter()
        n = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "role")
        print(f"{n:>7} role instances  build {t1 - t0:6.2f}s  analyses {t2 - t1:6.2f}s  "
              f"({(t2 - t1) / n * 1e6:5.1f} µs/instance)  {report.summary()}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000, 100000])
