"""Render the structure gallery: one example org drawn in each of the eight structures.

    python docs/gallery/make.py            # (re)write docs/gallery/<structure>[-N].svg, matrix-grid.svg
    python docs/gallery/make.py --check    # exit 1 if a committed SVG differs from a fresh render

Each structure is drawn as `csdesign render` draws it by default: 16:9 slide pages
(``<structure>.svg`` is page 1, ``<structure>-2.svg`` … the rest), plus the matrix as a grid
(``matrix-grid.svg``, ``--view grid``).

Same input, same Graphviz version -> byte-identical SVGs (the DOT source is deterministic and
Graphviz's output is a function of it). The embedded engine (pygraphviz's bundled Graphviz)
is used, so the committed files are the same on every machine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXAMPLE = ROOT / "examples" / "growth-saas.yaml"


def render_all(example: Path = EXAMPLE, engine: str = "embedded") -> dict[str, bytes]:
    """file stem -> SVG bytes: each structure's 16:9 pages, then the matrix grid view."""
    from csdesign.model import load_org
    from csdesign.render.chart.dot import DotOptions
    from csdesign.render.chart.graphviz import chart_pages
    from csdesign.structures import NAMES, build

    org = load_org(example)
    out: dict[str, bytes] = {}
    for name in NAMES:
        pages, _ = chart_pages(build(org, name), "svg", engine, DotOptions(page="16:9"))
        for k, data in enumerate(pages, start=1):
            out[name if k == 1 else f"{name}-{k}"] = data
    grid, _ = chart_pages(build(org, "matrix"), "svg", engine, DotOptions(page="16:9", view="grid"))
    out["matrix-grid"] = grid[0]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed SVGs instead of writing")
    parser.add_argument("--engine", default="embedded", choices=["system", "embedded", "auto"])
    args = parser.parse_args(argv)
    from csdesign.errors import CsdesignError

    try:
        charts = render_all(engine=args.engine)
    except CsdesignError as exc:
        print(exc.render(), file=sys.stderr)
        return exc.exit_code
    stale = sorted(p.name for p in HERE.glob("*.svg") if p.stem not in charts) if args.check else []
    if not args.check:
        for p in HERE.glob("*.svg"):
            if p.stem not in charts:
                p.unlink()  # a page the chart no longer has
    for name, data in charts.items():
        path = HERE / f"{name}.svg"
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path.name)
        else:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print(f"out of date: {', '.join(stale)} (run python docs/gallery/make.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
