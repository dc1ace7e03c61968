"""The responsibility analyses are linear in role instances (issue 3), checked without timing.

``clashes`` (overlap, shared KPIs, several accountable) examines each pair of holders whose
cells meet once: it asks the reporting tree whether one manages the other (``Tree.related``)
or asks ``covers`` what scope they share. An all-pairs loop over holders made that quadratic
(8.3 million calls at 10,000 instances). Doubling an org must at most about double the calls.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import csdesign.analysis.overlap as overlap
from csdesign.analysis import run_all
from csdesign.analysis.base import Tree
from csdesign.model import load_org_text
from csdesign.structures import build

ROOT = Path(__file__).resolve().parents[2]


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run_counting(monkeypatch, text: str):
    """(role instances, pairs examined: covers() and Tree.related() calls, report) for one org text."""
    calls = 0
    real_covers, real_related = overlap.covers, Tree.related

    def counting_covers(a, b):
        nonlocal calls
        calls += 1
        return real_covers(a, b)

    def counting_related(self, a, b):
        nonlocal calls
        calls += 1
        return real_related(self, a, b)

    monkeypatch.setattr(overlap, "covers", counting_covers)
    monkeypatch.setattr(Tree, "related", counting_related)
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
    assert (small[1], large[1]) == (400, 800)  # each product's pair: not manager and report (related), then the scope (covers)
    assert large[1] / small[1] <= 1.1 * large[0] / small[0]
    # One finding (the same two roles), naming every product's pair of holders.
    assert [(o.duty, [r.role_id for r in o.roles], len(o.nodes)) for o in small[2].overlaps] == [("onboarding", ["csm", "onb"], 400)]
    assert [(o.duty, [r.role_id for r in o.roles], len(o.nodes)) for o in large[2].overlaps] == [("onboarding", ["csm", "onb"], 800)]


def _capacity_counting(monkeypatch, text: str):
    """(role instances, per-box calls of each capacity/cost pass, Erlang steps, findings)."""
    import csdesign.analysis.cost as cost_mod
    import csdesign.analysis.coverage as coverage
    import csdesign.analysis.support as support
    from csdesign.analysis.capacity import analyse

    calls = {"segments": 0, "channels": 0, "cost": 0}

    def counted(key, real):
        def wrapper(*args, **kwargs):
            calls[key] += 1
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(coverage, "box_segments", counted("segments", coverage.box_segments))
    monkeypatch.setattr(support, "box_channels", counted("channels", support.box_channels))
    monkeypatch.setattr(cost_mod, "box_cost", counted("cost", cost_mod.box_cost))
    g = build(load_org_text(text, "scale.yaml"))
    cap = analyse(g)
    cost_mod.analyse_cost(g)
    instances = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "role")
    monkeypatch.undo()
    return instances, dict(calls), cap.support[0].steps, len(cap.findings())


def test_capacity_analysis_work_grows_linearly(monkeypatch):
    # benchmarks/bench_capacity.py's org: every pass visits each box once; the phone channel's
    # demand grows with the org (4 peak-hour calls per product), and so do its Erlang steps.
    bench = _bench("bench_capacity")  # 1 + 9 × products role instances
    small = _capacity_counting(monkeypatch, bench.org_yaml(200))
    large = _capacity_counting(monkeypatch, bench.org_yaml(400))
    assert (small[0], large[0]) == (1801, 3601)
    # one call per role box
    assert small[1] == {"segments": 1801, "channels": 1801, "cost": 1801}
    assert large[1] == {"segments": 3601, "channels": 3601, "cost": 3601}
    assert (small[2], large[2]) == (79, 157)  # Erlang C recursion steps = agents on shift
    assert large[2] / small[2] <= 1.1 * large[0] / small[0]
    assert small[3] == large[3]  # the same findings at both sizes (the org scales evenly)


def _profile_calls(text: str) -> tuple[int, dict[str, int]]:
    """(role instances, calls of every function run by build + every analysis) — a work
    counter: cProfile counts calls exactly, whatever the machine's speed."""
    import cProfile
    import pstats

    org = load_org_text(text, "scale.yaml")
    profile = cProfile.Profile()
    profile.enable()
    g = build(org)
    run_all(g)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    calls = {f"{Path(file).name}:{line}:{name}": total for (file, line, name), (_, total, *_) in stats.items()
             if "csdesign" in file or file == "~"}
    instances = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "role")
    return instances, calls


def test_build_and_every_analysis_call_each_function_linearly():
    """Doubling the org at most about doubles the calls of every csdesign function and of every
    builtin they call (kpis, spans, raci, gaps, overlap, capacity, build...)."""
    gen = _bench("generate")
    _profile_calls(gen.role_org(2, 2, 2))  # import every module first: module code runs once
    (n_small, small), (n_large, large) = _profile_calls(gen.role_org(10, 10, 19)), _profile_calls(gen.role_org(10, 20, 19))
    assert (n_small, n_large) == (2014, 4014)
    for name in ("kpis.py:find_shared_kpis", "spans.py:analyse_spans", "raci.py:check_raci", "raci.py:raci_matrix",
                 "common.py:build_from_cut", "gaps.py:find_gaps", "overlap.py:find_delegations"):
        assert any(k.startswith(name.split(":")[0] + ":") and k.endswith(":" + name.split(":")[1]) for k in large), name
    growth = n_large / n_small
    superlinear = {k: (small.get(k, 0), v) for k, v in large.items() if v > 100 and v > 1.1 * growth * small.get(k, 0)}
    assert superlinear == {}


def test_clash_index_is_dropped_after_the_report():
    # clashes keeps one entry per box for the clash checks (overlap, shared KPIs, RACI);
    # run_all drops it at the end so it does not add to the report's peak memory.
    gen = _bench("generate")
    g = build(load_org_text(gen.role_org(2, 3, 4), "scale.yaml"))
    overlap.clashes(g, {"x": [n for n, d in g.nodes(data="kind") if d == "role"]})
    assert overlap._CLASS_INFO.get(g) is not None
    run_all(g)
    assert overlap._CLASS_INFO.get(g) is None
