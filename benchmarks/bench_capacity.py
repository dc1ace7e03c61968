"""Benchmark: the capacity and cost analyses are linear in role instances (issue 15).

Builds a product-structure org with the head and 9 unit roles replicated over P products
(1 + 9P role instances): segments with accounts, ARR and coverage models, CSM roles limited to segments
or sized by ``capacity:``, support agents staffing a phone and an email channel, and costs
by level and role. Then times ``capacity.analyse`` (CSMs per segment three ways,
misallocation, Erlang C and async staffing, role rows) and ``cost.analyse_cost`` on the
built graph. Run:  python benchmarks/bench_capacity.py [instances ...]
(default 1000 10000 100000). One line per size: instances, build seconds, analysis seconds,
microseconds per instance, and what the analysis found (so the findings scale too).

The Erlang recursion's work depends on the channels' traffic, not on the org: the phone
channel's demand grows with the org here (one peak-hour call per 10 instances) so its agents,
and the recursion steps, grow too, and stay linear.
"""

from __future__ import annotations

import sys
import time

from csdesign.analysis.capacity import analyse
from csdesign.analysis.cost import analyse_cost
from csdesign.model import load_org_text
from csdesign.structures import build

ROLES = 10


def org_yaml(products: int) -> str:
    calls = max(1, products)  # peak-hour phone calls: grows with the org
    lines = [
        "company: {name: Bench, employees: 50000, currency: CNY, fx: {USD: 7.2}}",
        "dimensions:",
        f"  products: [{', '.join(f'P{i}' for i in range(products))}]",
        "  segments:",
        f"    - {{name: 战略客户, accounts: {5 * products}, arr: {36000000 * products}, coverage: named}}",
        f"    - {{name: 重要客户, accounts: {40 * products}, arr: {14400000 * products}, coverage: named}}",
        f"    - {{name: 普通客户, accounts: {900 * products}, arr: {7200000 * products}, coverage: pooled}}",
        "  channels: [phone, email]",
        "structure: {type: product}",
        "roles:",
        "  - {id: head, title: 客户成功总监, level: director}",
        "  - {id: mgr, title: 客户成功经理, level: manager}",
        "  - {id: sup, title: 客服主管, level: supervisor, reports_to: mgr}",
        "  - {id: sam, title: 战略客户经理, reports_to: mgr, only: {segments: [战略客户]}}",
        "  - {id: kam, title: 重要客户经理, reports_to: mgr, headcount: 2, only: {segments: [重要客户]}}",
        "  - {id: csm, title: 客户成功专员, reports_to: mgr, headcount: 3, capacity: {普通客户: 300}}",
        "  - {id: phone_agent, title: 热线坐席, reports_to: sup, headcount: 2, only: {channels: [phone]}}",
        "  - {id: mail_agent, title: 邮件客服, reports_to: sup, headcount: 2}",
        "  - {id: onb, title: 实施顾问, reports_to: mgr}",
        "  - {id: analyst, title: 数据分析师, reports_to: mgr}",
        "support:",
        "  channels:",
        f"    - {{name: phone, contacts_per_hour: {calls * 4}, aht_seconds: 300, service_level: {{answered: 0.8, within_seconds: 20}}}}",
        f"    - {{name: email, contacts_per_day: {products * 60}, aht_seconds: 420, first_reply_hours: 4, roles: [mail_agent]}}",
        "costs:",
        "  levels: {director: 1200000, manager: 600000, supervisor: 400000, individual: 250000}",
        "  roles: {sam: 480000}",
    ]
    return "\n".join(lines) + "\n"


def main(sizes: list[int]) -> None:
    analyse(build(load_org_text(org_yaml(2), "warm.yaml")))  # imports, so the first size is not charged for them
    for instances in sizes:
        products = max(1, (instances - 1) // (ROLES - 1))  # the head once, nine unit roles per product
        t0 = time.perf_counter()
        g = build(load_org_text(org_yaml(products), "bench.yaml"))
        t1 = time.perf_counter()
        cap = analyse(g)
        cost = analyse_cost(g)
        t2 = time.perf_counter()
        n = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "role")
        phone = cap.support[0]
        print(f"{n:>7} role instances  build {t1 - t0:6.2f}s  capacity+cost {t2 - t1:6.2f}s  "
              f"({(t2 - t1) / n * 1e6:5.1f} µs/instance)  {len(cap.findings())} findings, "
              f"phone {phone.traffic_erlangs:g} Erlangs -> {phone.agents_required} agents ({phone.steps} steps), "
              f"cost {cost.total:,.0f}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000, 100000])
