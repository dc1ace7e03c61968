"""Plain helper functions for tests (fixtures live in conftest.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from csdesign.model import load_org_text
from csdesign.structures import build

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"


def org_from(text: str, name: str = "org.yaml"):
    """An Org from dedented YAML text."""
    return load_org_text(textwrap.dedent(text), name)


def graph_from(text: str, structure: str | None = None):
    """The built graph of dedented YAML text."""
    return build(org_from(text), structure)


def node_tool(*parts: str) -> Path | None:
    """A file under the node tools `.ci/run` installs from .ci/node-tools.json into
    $CSDESIGN_NODE_TOOLS (e.g. ``node_tool(".bin", "sarif-multitool")``), or None."""
    import os

    base = os.environ.get("CSDESIGN_NODE_TOOLS")
    if not base:
        return None
    path = Path(base, "node_modules", *parts)
    return path if path.exists() else None


NODE_TOOLS_MISSING = (
    "needs the node tools of .ci/node-tools.json: cp .ci/node-tools.json DIR/package.json && "
    "(cd DIR && npm install), then CSDESIGN_NODE_TOOLS=DIR (.ci/run does this)"
)


def svg_node_texts(svg: bytes | str) -> list[str]:
    """The text of each drawn node (``<g class="node">``) of a Graphviz SVG, wrapped lines
    joined back: with a space between Latin words, directly between CJK characters."""
    import unicodedata
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    root = ET.fromstring(svg if isinstance(svg, bytes) else svg.encode("utf-8"))
    out = []
    for g in root.iter(f"{ns}g"):
        if g.get("class") != "node":
            continue
        text = ""
        for t in g.iter(f"{ns}text"):
            line = "".join(t.itertext())
            wide = text and unicodedata.east_asian_width(text[-1]) in "WF" and unicodedata.east_asian_width(line[:1] or "a") in "WF"
            text = line if not text else text + ("" if wide else " ") + line
        out.append(text)
    return out


def bench_generator():
    """benchmarks/generate.py as a module (its synthetic orgs: role_org, people_org, duty_org)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_generate", Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cold_and_warm_imports(cwd: Path, argv: list[str], heavy: tuple[str, ...]):
    """Run ``csdesign ARGV`` twice in fresh interpreters (a cache miss, then a hit) and return
    (cold, warm) as (completed process, sorted loaded modules starting with ``heavy``)."""
    import subprocess
    import sys

    code = (
        f"import sys\nfrom csdesign.cli import main\nsys.argv={['csdesign', *argv]!r}\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in sys.modules if m.startswith({heavy!r})), file=sys.stderr)\n"
    )
    runs = [subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True) for _ in range(2)]
    return [(r, r.stderr.splitlines()[-1]) for r in runs]
