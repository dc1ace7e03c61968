"""The paginated 1,000-box chart against one `dot -Tsvg` of the same (unpaginated) DOT.

    python benchmarks/bench_chart.py            # prints a small table (seconds, best of 3)

Rows: csdesign's 16:9 paginated render with the embedded engine (every page laid out both
ways to choose the orientation, then drawn), the same with the system engine, and the
system `dot -Tsvg` run once on csdesign's whole-chart DOT (``--page none``), which is what a
user would otherwise run by hand. Figures go in docs/performance.md.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import role_org, role_org_for  # noqa: E402


def best(fn, repeat: int = 3) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    from csdesign.render.chart.dot import DotOptions, to_dot
    from csdesign.render.chart.graphviz import chart_pages
    from csdesign.structures import build_file

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "org-1k.yaml"
        path.write_text(role_org(*role_org_for(1000)), encoding="utf-8")
        g = build_file(str(path))
        boxes = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "role")
        pages, _ = chart_pages(g, "svg", "embedded", DotOptions(page="16:9"))
        rows = [(f"csdesign 16:9, embedded ({len(pages)} pages)", best(lambda: chart_pages(g, "svg", "embedded", DotOptions(page="16:9"))))]
        source = to_dot(g, DotOptions())
        if shutil.which("dot"):
            rows.append(("csdesign 16:9, system dot", best(lambda: chart_pages(g, "svg", "system", DotOptions(page="16:9")), 1)))
            rows.append(("dot -Tsvg, whole chart (one page)", best(lambda: subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True, check=True), 1)))
        print(f"{boxes} role boxes")
        for name, secs in rows:
            print(f"{name:45s} {secs:7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
