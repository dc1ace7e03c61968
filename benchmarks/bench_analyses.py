"""Per-analysis CPU seconds on one org file, in process: where a report's time goes.

    python benchmarks/bench_analyses.py FILE [--repeat 3]

Loads and builds FILE once, then runs every analysis (``csdesign.analysis.ANALYSES``, in
report order) ``--repeat`` times and prints each one's least CPU seconds, and its first
round's. Each round gets a freshly built graph, so the per-graph caches the analyses share
(reporting tree, holdings, matchers, clash classes; all keyed weakly by the graph) start
empty and every round pays what one ``csdesign report`` pays; the builds are not counted. The
collector is set up as the CLI sets it and paused as ``run_all`` pauses it.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)  # as csdesign.cli.entry.main does

    from csdesign.analysis import ANALYSES, parse_only
    from csdesign.model import load_org
    from csdesign.structures import build

    start = time.process_time()
    org = load_org(args.file)
    loaded = time.process_time()
    g = build(org)
    built = time.process_time()
    boxes = g.number_of_nodes() - 1
    gc.disable()  # as run_all does
    best: dict[str, float] = {}
    first: dict[str, float] = {}
    for round_ in range(args.repeat):
        if round_:
            g = build(org)  # a fresh graph: nothing cached from the last round
        for name in parse_only(None):
            a = time.process_time()
            ANALYSES[name].execute(g)
            took = time.process_time() - a
            first.setdefault(name, took)
            best[name] = min(best.get(name, float("inf")), took)
    print(f"{args.file}: {boxes:,} boxes; load {loaded - start:.2f} s, build {built - loaded:.2f} s (the first build)")
    print(f"  {'analysis':12} {'best':>9} {'first':>9}")
    for name, took in best.items():
        print(f"  {name:12} {took:7.3f} s {first[name]:7.3f} s")
    print(f"  {'report':12} {sum(best.values()):7.3f} s {sum(first.values()):7.3f} s  (best of {args.repeat} rounds; the first round)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
