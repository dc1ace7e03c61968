"""`csdesign lint` against `yamllint` on the same 50-role org file, wall clock, as a ratio.

Run: python benchmarks/bench_lint.py [--runs N] [--roles N]
Each tool runs as a fresh process (start-up included, as in CI); the median of N runs is
reported. yamllint runs with its default config (syntax + style), csdesign with every rule.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PRODUCTS = ["App", "Web", "数据平台"]


def org_yaml(n_roles: int) -> str:
    """A growth-stage product org: head, product managers, supervisors, reps (CJK titles and duties)."""
    lines = [
        "company:", "  name: 云帆科技", "  employees: 620", "  stage: growth",
        "structure:", "  type: product",
        "dimensions:", f"  products: [{', '.join(PRODUCTS)}]", "  regions: [华东, 华南, 华北]",
        "duties: [续费管理, 客户培训, 投诉处理]", "kpis: [NPS, 续费率]",
        "interfaces:", f"  - between: [{', '.join(PRODUCTS)}]", "    mechanism: 每周跨产品客户复盘, 共享CRM",
        "roles:",
        "  - id: head", "    title: 客户成功部总监", "    level: director", "    duties: [制定战略, 资源调配, 跨部门协调]",
        "  - id: mgr", "    title: 团队经理", "    level: manager", "    reports_to: head", "    duties: [目标设定, 团队管理, 绩效评估]",
    ]
    for i in range(n_roles - 2):
        level = "supervisor" if i % 8 == 0 else "individual"
        lines += [
            f"  - id: role{i:02d}", f"    title: 客户成功专员{i:02d}", f"    level: {level}", "    reports_to: mgr",
            f"    only: {{regions: [{['华东', '华南', '华北'][i % 3]}]}}",
            f"    duties: [{'续费管理' if i == 0 else f'客户回访{i:02d}'}, 客户沟通{i:02d}]",
            f"    kpis: [{'NPS' if i == 1 else f'工单{i:02d}'}]",
        ]
    return "\n".join(lines) + "\n"


def timed(cmd: list[str], runs: int) -> tuple[float, int]:
    times = []
    code = 0
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--roles", type=int, default=50)
    args = parser.parse_args()
    yamllint = shutil.which("yamllint")
    if not yamllint:
        print("yamllint is not installed", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "org.yaml"
        path.write_text(org_yaml(args.roles), encoding="utf-8")
        ours, our_code = timed([sys.executable, "-m", "csdesign", "lint", "--format", "text", str(path)], args.runs)
        entry = shutil.which("csdesign")
        script, _ = timed([entry, "lint", str(path)], args.runs) if entry else (float("nan"), 0)
        theirs, _ = timed([yamllint, str(path)], args.runs)
        py, _ = timed([sys.executable, "-c", "pass"], args.runs)
    print(f"file: {args.roles} roles, {len(org_yaml(args.roles).splitlines())} lines; median of {args.runs} runs")
    print(f"python -c pass         {py * 1000:7.1f} ms")
    print(f"yamllint               {theirs * 1000:7.1f} ms")
    print(f"csdesign lint (-m)     {ours * 1000:7.1f} ms  exit {our_code}")
    print(f"csdesign lint (script) {script * 1000:7.1f} ms")
    print(f"ratio csdesign/yamllint {min(ours, script) / theirs:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
