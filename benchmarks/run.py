"""The benchmark suite: one command, one table, every target checked as a ratio in the same run.

    python benchmarks/run.py            # sizes 100, 1,000, 10,000, 100,000, 200,000 role instances
    python benchmarks/run.py --quick    # sizes up to 10,000 (a minute)

Per size, a fresh child process (so peak memory is that size's) times the library stages
on a generated matrix org (benchmarks/generate.py): load+validate, build, report (all
analyses), lint (all rules), render-to-DOT, render-to-SVG (system Graphviz); beside them,
``dot -Tsvg`` alone on the same DOT and ``yamllint`` on the same YAML. Then the targets
of issue 16 (figure, csdesign, peer, ratio, target, met), each command paired with its peer
(``yamllint``, ``dot``) in this run: ``--repeat`` pairs run back to back, medians of CPU
seconds and of the pair-by-pair ratios. Stage times are CPU seconds too (user + system, of
the process and the children it waited for): on a machine shared with other jobs, wall time
also counts the waits for a core. At 10,000 and 100,000 instances, whose stages feed a target
row, each stage is the best of 3 fresh children (of 1 with ``--repeat 1``).
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

SIZES = [100, 1_000, 10_000, 100_000, 200_000]
#: Above this many boxes the SVG stage is not run per size (dot alone takes minutes).
SVG_LIMIT = 12_000
#: Sizes whose stage times feed a target row, and how many fresh children time them (best kept).
TARGET_SIZES = (10_000, 100_000)
STAGE_REPEAT = 3


def _cpu() -> float:
    """CPU seconds of this process and the children it waited for (dot for the SVG stage)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _clock(fn):
    """(CPU seconds, value): on a shared 2-core machine wall time also counts waits for a core."""
    start = _cpu()
    value = fn()
    return _cpu() - start, value


def stages(path: str, svg: bool) -> dict:
    """Child process: time each library stage on one file; print JSON."""
    import gc

    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)  # as the CLI does (csdesign.cli.entry.main)
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
    """Least CPU seconds of ``repeat`` runs of a command."""
    return min(_child(cmd, **kw)[1] for _ in range(repeat))


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
    work = Path(tempfile.mkdtemp(prefix="csdesign-bench-"))
    # As a user runs it: bytecode compiled (pip does so on install), and a lint cache of its own.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=False, capture_output=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
               CSDESIGN_CACHE_DIR=str(work / "cache"))
    yamllint = shutil.which("yamllint")
    sizes = [s for s in SIZES if not (args.quick and s > 10_000)]
    rows = []
    for size in sizes:
        path = work / f"roles-{size}.yaml"
        path.write_text(generate.role_org(*generate.role_org_for(size)), encoding="utf-8")
        # The sizes the in-process target rows compare: the best of up to 3 fresh children,
        # stage by stage, as the command rows keep the best or the median of several runs.
        runs = []
        for _ in range(min(args.repeat, STAGE_REPEAT) if size in TARGET_SIZES else 1):
            child = subprocess.run(
                [sys.executable, __file__, "--stage", str(path)] + (["--svg"] if size <= SVG_LIMIT else []),
                capture_output=True, text=True, env=env, check=True,
            )
            runs.append(json.loads(child.stdout))
        row = {k: (max if k == "peak_mib" else min)(r[k] for r in runs) if runs[0][k] is not None and k != "boxes" else runs[0][k]
               for k in runs[0]}
        row["size"] = size
        row["dot_alone"] = _run(["dot", "-Tsvg", str(path.with_suffix(".dot"))]) if size <= SVG_LIMIT else None
        row["yamllint"] = _run([yamllint, "-d", "relaxed", str(path)]) if yamllint else None
        rows.append(row)
        print(f"  measured {size:,} role instances", file=sys.stderr)

    def f(v: float | None, unit: str = "s") -> str:
        return "—" if v is None else (f"{v:.2f} {unit}" if unit == "s" else f"{v:.0f} {unit}")

    print(f"csdesign benchmarks, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.machine()} "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {_dot_version()}, load average {_load()}")
    print()
    print("| role instances | boxes | load+validate | build | report | lint | render DOT | render SVG | `dot -Tsvg` alone | yamllint | peak memory |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['size']:,} | {r['boxes']:,} | {f(r['load'])} | {f(r['build'])} | {f(r['report'])} | {f(r['lint'])} | "
              f"{f(r['dot'])} | {f(r['svg'])} | {f(r['dot_alone'])} | {f(r['yamllint'])} | {f(r['peak_mib'], 'MiB')} |")
    print()
    print(_targets(rows, work, env, args.repeat, yamllint))
    print()
    print(f"load average at the end: {_load()}")
    return 0


def _load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def _dot_version() -> str:
    proc = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=False)
    return proc.stderr.strip().replace("dot - ", "")


def _child(cmd: list[str], **kw) -> tuple[float, float, float]:
    """(wall s, CPU s, peak MiB) of one process run to its end, from the kernel's own
    accounting of that child (os.wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _paired(ours: list[str], peer: list[str], repeat: int, ours_kw: dict | None = None, peer_kw: dict | None = None) -> tuple[float, float, float]:
    """(csdesign CPU s, peer CPU s, ratio): one warm-up each, then ``repeat`` pairs run back to
    back (ours, peer, ours, peer…); medians, the ratio taken pair by pair so that a machine
    whose speed drifts (other jobs) moves both sides of a pair alike."""
    import statistics

    _child(ours, **(ours_kw or {}))
    _child(peer, **(peer_kw or {}))
    a, b = [], []
    for _ in range(repeat):
        a.append(_child(ours, **(ours_kw or {}))[1])
        b.append(_child(peer, **(peer_kw or {}))[1])
    return statistics.median(a), statistics.median(b), statistics.median(x / y for x, y in zip(a, b))


def _targets(rows: list[dict], work: Path, env: dict, repeat: int, yamllint: str | None) -> str:
    """The issue-16 target rows: figure, csdesign, peer, ratio, target, met. Command-line rows
    are CPU seconds (user + system) of whole processes, start-up included, each paired with its
    peer in this run; on a 2-core machine shared with other jobs CPU time is what a process
    itself spent, where wall time also counts the waits for a core."""
    lines = ["| figure | csdesign | peer | ratio | target | met |", "|---|---:|---:|---:|---:|:-:|"]

    def add(name: str, ours: float, peer: float | None, ratio: float | None, target: str, ok: bool, unit: str = "s") -> None:
        fmt = (lambda v: f"{v:.3f} s") if unit == "s" else (lambda v: f"{v:.0f} MiB")
        lines.append(f"| {name} | {fmt(ours)} | {'—' if peer is None else fmt(peer)} | "
                     f"{'—' if ratio is None else f'{ratio:.2f}×'} | {target} | {'yes' if ok else '**no**'} |")

    ours_kw = {"env": env, "cwd": work}
    small = work / "roles-50.yaml"
    small.write_text(generate.role_org(2, 4, 10), encoding="utf-8")
    if yamllint:
        examples = ROOT / "examples"
        for label, target, peer_target in (("50-role file", small, small), ("`examples/`", examples, examples)):
            peer = [yamllint, "-d", "relaxed", str(peer_target)]
            cold = _paired(_csdesign("lint", "--no-cache", str(target)), peer, repeat, ours_kw)
            add(f"`lint` {label}, cold (`--no-cache`) vs `yamllint`", *cold, "≤ 1.3×", cold[2] <= 1.3)
            warm = _paired(_csdesign("lint", str(target)), peer, repeat, ours_kw)  # the warm-up fills the cache
            add(f"`lint` {label}, warm (cache hit) vs `yamllint`", *warm, "≤ 0.5×", warm[2] <= 0.5)
    k = next((r for r in rows if r["size"] == 1_000), None)
    if k:
        org = work / "roles-1000.yaml"
        # --page none: one picture of the whole chart, as dot draws its DOT (the default paginates)
        peer = ["dot", "-Tsvg", str(org.with_suffix(".dot")), "-o", str(work / "k-dot.svg")]
        chart = ("render", str(org), "--page", "none", "-o", str(work / "k.svg"))
        drawn = _paired(_csdesign(*chart, "--no-cache"), peer, repeat, ours_kw)
        add(f"`render --page none` {k['boxes']:,} boxes to SVG, cold (`--no-cache`) vs `dot -Tsvg` on its DOT", *drawn, "≤ 1.2×", drawn[2] <= 1.2)
        warm = _paired(_csdesign(*chart), peer, repeat, ours_kw)  # the warm-up fills the render cache
        add(f"`render --page none` {k['boxes']:,} boxes to SVG, warm (cache hit) vs `dot -Tsvg` on its DOT", *warm, "≤ 1.0×", warm[2] <= 1.0)
    by = {r["size"]: r for r in rows}
    if 10_000 in by and 100_000 in by:
        t = lambda r: r["load"] + r["build"] + r["report"]  # noqa: E731
        big, ten = t(by[100_000]), t(by[10_000])
        add("load+build+report, 100,000 vs 10,000 role instances (in process)", big, ten, big / ten, "≤ 10×, < 8 s",
            big / ten <= 10 and big < 8)
        path = work / "roles-100000.yaml"
        peak = _child(_csdesign("report", str(path), "-f", "json", "-o", str(work / "r.json")), **ours_kw)[2]
        peer_peak = _child([yamllint, "-d", "relaxed", str(path)])[2] if yamllint else None
        add("peak memory, `report` at 100,000 vs `yamllint` on the file", peak, peer_peak,
            peak / peer_peak if peer_peak else None, "≤ 400 MiB", peak <= 400, unit="MiB")
    if 100_000 in by and 200_000 in by:  # documented, no target of its own: linear means about 2×
        t = lambda r: r["load"] + r["build"] + r["report"]  # noqa: E731
        big, half = t(by[200_000]), t(by[100_000])
        add("load+build+report, 200,000 vs 100,000 role instances (in process)", big, half, big / half, "(≈ 2×)", big / half <= 2.2)
        path = work / "roles-200000.yaml"
        peak = _child(_csdesign("report", str(path), "-f", "json", "-o", str(work / "r2.json")), **ours_kw)[2]
        peer_peak = _child([yamllint, "-d", "relaxed", str(path)])[2] if yamllint else None
        add("peak memory, `report` at 200,000 vs `yamllint` on the file", peak, peer_peak,
            peak / peer_peak if peer_peak else None, "(documented)", True, unit="MiB")
    people = work / "people-20000.yaml"
    people.write_text(generate.people_org(20_000), encoding="utf-8")
    took = _child(_csdesign("render", str(people), "-o", str(work / "people.svg")), **ours_kw)[1]
    add("`render` 20,000 people to SVG", took, None, None, "< 10 s", took < 10)
    helptime = min(_child(_csdesign("--help"), **ours_kw)[1] for _ in range(repeat))
    add("`csdesign --help`", helptime, None, None, "< 0.3 s", helptime < 0.3)
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
