"""Render the structure gallery: one example org drawn in each of the eight structures.

    python docs/gallery/make.py            # (re)write docs/gallery/<structure>.svg
    python docs/gallery/make.py --check    # exit 1 if a committed SVG differs from a fresh render

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
    """structure name -> SVG bytes of ``example`` built in that structure."""
    from csdesign.model import load_org
    from csdesign.render.chart.graphviz import chart_bytes
    from csdesign.structures import NAMES, build

    org = load_org(example)
    return {name: chart_bytes(build(org, name), "svg", engine)[0] for name in NAMES}


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
    stale = []
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
