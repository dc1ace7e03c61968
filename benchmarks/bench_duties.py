"""Lint and report on an org with one distinct duty name per role (issue 10 item 13).

    python benchmarks/bench_duties.py [--size 20000] [--runs 3] [--exact]

Writes ``benchmarks/generate.py duties SIZE`` to a temporary file and times, as fresh
processes (start-up included, as in CI), ``csdesign lint FILE`` and ``csdesign report FILE
--format json``; prints the median wall time and the CPU time of the child, the finding counts
and the size of the largest finding. In-process it times the stages of the duty analyses
(matching every name, near-duplicates). ``--exact`` also compares every name with every other
and reports how many of those similar pairs the candidate index finds.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import generate  # noqa: E402


def timed(cmd: list[str], runs: int) -> tuple[float, float, bytes]:
    walls, cpus, out = [], [], b""
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        out = proc.stdout
    return statistics.median(walls), statistics.median(cpus), out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--exact", action="store_true", help="also compare all pairs (quadratic: minutes at 20,000)")
    args = ap.parse_args(argv)
    exe = [sys.executable, "-m", "csdesign"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"duties-{args.size}.yaml"
        path.write_text(generate.duty_org(args.size), encoding="utf-8")
        wall, cpu, out = timed([*exe, "lint", str(path), "-f", "json"], args.runs)
        findings = json.loads(out)
        codes: dict[str, int] = {}
        for f in findings:
            codes[f["code"]] = codes.get(f["code"], 0) + 1
        longest = max((len(f["message"]) for f in findings), default=0)
        print(f"lint   {args.size:>6} distinct duties: {wall:6.2f} s wall, {cpu:6.2f} s CPU; findings {codes}; longest message {longest} chars")
        wall, cpu, _ = timed([*exe, "report", str(path), "--format", "json", "-o", str(Path(tmp) / "r.json")], args.runs)
        print(f"report {args.size:>6} distinct duties: {wall:6.2f} s wall, {cpu:6.2f} s CPU")

        from csdesign.analysis.matching import builtin_matcher
        from csdesign.analysis.near_duplicates import _comparable, exact_similar_pairs, find_near_duplicates, similar_pairs
        from csdesign.model import load_org
        from csdesign.structures import build

        g = build(load_org(path))
        names = generate.duty_names(args.size)
        start = time.process_time()
        for n in names:
            builtin_matcher().match(n)
        print(f"  matching {len(names)} names: {time.process_time() - start:.2f} s CPU")
        start = time.process_time()
        found = find_near_duplicates(g)
        print(f"  near-duplicates: {time.process_time() - start:.2f} s CPU, {len(found)} clusters, largest {max((len(f.names) for f in found), default=0)} names")
        if args.exact:
            texts = [_comparable(n) for n in names]
            blocked = set(similar_pairs(texts))
            start = time.process_time()
            exact = set(exact_similar_pairs(texts))
            print(f"  all pairs: {len(exact)} similar pairs in {time.process_time() - start:.1f} s CPU; "
                  f"the candidate index finds {len(blocked & exact)} ({len(blocked & exact) / max(1, len(exact)):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
