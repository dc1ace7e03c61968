"""The responsibility analyses are linear in role instances (issue 3), checked without timing.

``clashes`` (overlap, shared KPIs, several accountable) calls ``covers`` once per pair of
holder groups whose scopes intersect; an all-pairs loop over holders made that quadratic
(8.3 million calls at 10,000 instances). Doubling an org must at most about double the calls.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import csdesign.analysis.overlap as overlap
from csdesign.analysis import run_all
from csdesign.model import load_org_text
from csdesign.structures import build

ROOT = Path(__file__).resolve().parents[2]


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run_counting(monkeypatch, text: str):
    """(role instances, covers() calls, report) for one org text."""
    calls = 0
    real = overlap.covers

    def counting(a, b):
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(overlap, "covers", counting)
    g = build(load_org_text(text, "scale.yaml"))
    report = run_all(g)
    instances = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "role")
    return instances, calls, report


def test_matrix_org_covers_calls_grow_linearly(monkeypatch):
    # Every CSM team of a product holds the same duties: the case that was quadratic.
    gen = _bench("generate")
    small = _run_counting(monkeypatch, gen.role_org(10, 10, 19))
    large = _run_counting(monkeypatch, gen.role_org(10, 20, 19))
    assert (small[0], large[0]) == (2014, 4014)
    assert (small[1], large[1]) == (3600, 7310)
    assert large[1] / small[1] <= 1.1 * large[0] / small[0]
    assert (small[2].overlaps, large[2].overlaps) == ([], [])


def test_product_org_findings_and_calls_grow_linearly(monkeypatch):
    # One deliberate overlap per product (bench_report's org): findings double, calls too.
    bench = _bench("bench_report")
    small = _run_counting(monkeypatch, bench.org_yaml(200))
    large = _run_counting(monkeypatch, bench.org_yaml(400))
    assert (small[0], large[0]) == (1801, 3601)
    assert (small[1], large[1]) == (200, 400)
    assert large[1] / small[1] <= 1.1 * large[0] / small[0]
    # One finding (the same two roles), naming every product's pair of holders.
    assert [(o.duty, [r.role_id for r in o.roles], len(o.nodes)) for o in small[2].overlaps] == [("onboarding", ["csm", "onb"], 400)]
    assert [(o.duty, [r.role_id for r in o.roles], len(o.nodes)) for o in large[2].overlaps] == [("onboarding", ["csm", "onb"], 800)]
