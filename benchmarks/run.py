"""The benchmark suite: one command, one table, every target checked as a ratio in the same run.

    python benchmarks/run.py            # sizes 100, 1,000, 10,000, 100,000 role instances
    python benchmarks/run.py --quick    # sizes up to 10,000 (a minute)

Per size, a fresh child process (so peak memory is that size's) times the library stages
on a generated matrix org (benchmarks/generate.py): load+validate, build, report (all
analyses), lint (all rules), render-to-DOT, render-to-SVG (system Graphviz); beside them,
``dot -Tsvg`` alone on the same DOT and ``yamllint`` on the same YAML. Then the targets
of issue 6, each as a ratio against a reference measured in this run. Times are wall
clock, best of ``--repeat`` for the short command-line comparisons.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

import generate  # noqa: E402

SIZES = [100, 1_000, 10_000, 100_000]
#: Above this many boxes the SVG stage is not run per size (dot alone takes minutes).
SVG_LIMIT = 12_000


def _clock(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def stages(path: str, svg: bool) -> dict:
    """Child process: time each library stage on one file; print JSON."""
    import gc

    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)  # as the CLI does (csdesign.cli.app.main)
    from csdesign.analysis import run_all
    from csdesign.lint.config import LintConfig
    from csdesign.lint.runner import lint_file
    from csdesign.model import load_org
    from csdesign.render.chart.dot import to_dot
    from csdesign.render.chart.engines import render
    from csdesign.structures import build

    out: dict = {}
    out["load"], org = _clock(lambda: load_org(path))
    out["build"], g = _clock(lambda: build(org))
    out["boxes"] = g.number_of_nodes() - 1
    out["report"], _ = _clock(lambda: run_all(g))
    out["lint"], _ = _clock(lambda: lint_file(Path(path), LintConfig()))
    out["dot"], source = _clock(lambda: to_dot(g))
    dot_file = Path(path).with_suffix(".dot")
    dot_file.write_text(source, encoding="utf-8")
    out["svg"] = _clock(lambda: render(source, "svg", g.graph.get("layout", "dot"), "system"))[0] if svg else None
    out["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _run(cmd: list[str], repeat: int = 1, **kw) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False, **kw)
        best = min(best, time.perf_counter() - start)
    return best


def _csdesign(*args: str) -> list[str]:
    return [sys.executable, "-m", "csdesign", *args]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 10,000 only")
    parser.add_argument("--repeat", type=int, default=5, help="runs per command-line comparison (best is kept)")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--svg", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(stages(args.stage, args.svg)))
        return 0
    if shutil.which("dot") is None:
        print("benchmarks need the system Graphviz (dot) for the comparisons", file=sys.stderr)
        return 2
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    yamllint = shutil.which("yamllint")
    sizes = [s for s in SIZES if not (args.quick and s > 10_000)]
    work = Path(tempfile.mkdtemp(prefix="csdesign-bench-"))
    rows = []
    for size in sizes:
        path = work / f"roles-{size}.yaml"
        path.write_text(generate.role_org(*generate.role_org_for(size)), encoding="utf-8")
        child = subprocess.run(
            [sys.executable, __file__, "--stage", str(path)] + (["--svg"] if size <= SVG_LIMIT else []),
            capture_output=True, text=True, env=env, check=True,
        )
        row = json.loads(child.stdout)
        row["size"] = size
        row["dot_alone"] = _run(["dot", "-Tsvg", str(path.with_suffix(".dot"))]) if size <= SVG_LIMIT else None
        row["yamllint"] = _run([yamllint, "-d", "relaxed", str(path)]) if yamllint else None
        rows.append(row)
        print(f"  measured {size:,} role instances", file=sys.stderr)

    def f(v: float | None, unit: str = "s") -> str:
        return "—" if v is None else (f"{v:.2f} {unit}" if unit == "s" else f"{v:.0f} {unit}")

    print(f"csdesign benchmarks, {datetime.date.today().isoformat()}, {platform.machine()} {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, {_dot_version()}")
    print()
    print("| role instances | boxes | load+validate | build | report | lint | render DOT | render SVG | `dot -Tsvg` alone | yamllint | peak memory |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['size']:,} | {r['boxes']:,} | {f(r['load'])} | {f(r['build'])} | {f(r['report'])} | {f(r['lint'])} | "
              f"{f(r['dot'])} | {f(r['svg'])} | {f(r['dot_alone'])} | {f(r['yamllint'])} | {f(r['peak_mib'], 'MiB')} |")
    print()
    print(_targets(rows, work, env, args.repeat, yamllint))
    return 0


def _dot_version() -> str:
    proc = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=False)
    return proc.stderr.strip().replace("dot - ", "")


def _targets(rows: list[dict], work: Path, env: dict, repeat: int, yamllint: str | None) -> str:
    lines = ["| target | measured | reference | ratio | goal | met |", "|---|---:|---:|---:|---:|:-:|"]

    def add(name: str, value: float, ref: float | None, goal: float, unit_goal: str, absolute: float | None = None) -> None:
        ratio = value / ref if ref else None
        ok = (ratio is None or ratio <= goal) and (absolute is None or value <= absolute)
        lines.append(f"| {name} | {value:.2f} s | {'—' if ref is None else f'{ref:.2f} s'} | "
                     f"{'—' if ratio is None else f'{ratio:.2f}×'} | {unit_goal} | {'yes' if ok else '**no**'} |")

    # lint on a 50-role file vs yamllint on it (command lines, start-up included)
    small = work / "roles-50.yaml"
    small.write_text(generate.role_org(2, 4, 10), encoding="utf-8")
    if yamllint:
        ours = _run(_csdesign("lint", str(small)), repeat, env=env, cwd=work)
        theirs = _run([yamllint, "-d", "relaxed", str(small)], repeat)
        add("`csdesign lint` 50 roles vs `yamllint`", ours, theirs, 1.0, "≤ 1×")
    # render-to-SVG of a ~1,000-box chart vs dot -Tsvg on its own DOT
    k = next((r for r in rows if r["size"] == 1_000), None)
    if k:
        org = work / "roles-1000.yaml"
        svg = _run(_csdesign("render", str(org), "-o", str(work / "k.svg"), "--engine", "system"), repeat, env=env)
        dot = _run(["dot", "-Tsvg", str(org.with_suffix(".dot")), "-o", str(work / "k-dot.svg")], repeat)
        add(f"`csdesign render` {k['boxes']:,} boxes to SVG vs `dot -Tsvg`", svg, dot, 1.2, "≤ 1.2×")
    # linear load+build+report
    by = {r["size"]: r for r in rows}
    if 10_000 in by and 100_000 in by:
        t = lambda r: r["load"] + r["build"] + r["report"]  # noqa: E731
        add("load+build+report 100,000 vs 10,000 instances", t(by[100_000]), t(by[10_000]), 12.0, "≤ 12×, < 10 s", absolute=10.0)
    # a 20,000-person explicit org to a readable SVG
    people = work / "people-20000.yaml"
    people.write_text(generate.people_org(20_000), encoding="utf-8")
    took = _run(_csdesign("render", str(people), "-o", str(work / "people.svg"), "--engine", "system"), 1, env=env)
    add("`csdesign render` 20,000 people to SVG", took, None, 1.0, "< 10 s", absolute=10.0)
    # start-up
    helptime = _run(_csdesign("--help"), repeat, env=env)
    add("`csdesign --help`", helptime, None, 1.0, "< 0.3 s", absolute=0.3)
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
