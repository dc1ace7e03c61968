"""Graph -> Mermaid flowchart text (``render -o chart.mmd``), for Markdown wikis and GitHub.

Node ids are synthetic (``n0``, ``n1`` ... in graph order) and every label is a quoted string
with Mermaid's entity codes for the characters that would end or reinterpret it, so a title
like ``A "B" <b>#1`` prints literally. Units become subgraphs; dotted (matrix) lines are
``-.-``. The same graph always gives the same text.
"""

from __future__ import annotations

import json

import networkx as nx

from csdesign.render.chart.boxes import box_lines
from csdesign.render.chart.dot import LEVEL_FILL, LEVEL_FONT, nested_groups
from csdesign.render.text import clean
from csdesign.structures.contract import DOTTED, EXTERNAL

#: Characters that Mermaid would read as syntax or HTML inside a quoted label. ``%``: Mermaid
#: scans the whole source for ``%%{init: ...}%%`` directives (theme, themeCSS, ...) and ``%%``
#: comments before it parses, quotes or not, so no ``%`` from user text reaches it as ``%``.
_ENTITIES = {'"': "#quot;", "#": "#35;", "&": "#amp;", "<": "#lt;", ">": "#gt;", "`": "#96;", ";": "#59;", "%": "#37;"}


def mermaid_escape(text: str) -> str:
    """Escape one line of user text for a Mermaid quoted label."""
    return "".join(_ENTITIES.get(ch, ch) for ch in clean(text))


def _label(lines: list[str]) -> str:
    return '"' + "<br/>".join(mermaid_escape(line) for line in lines) + '"'


def to_mermaid(g: nx.DiGraph) -> str:
    """Mermaid ``flowchart TB`` source for the org graph."""
    ids = {n: f"n{i}" for i, n in enumerate(g.nodes)}
    title = f"{g.graph.get('company', '')} · {g.graph.get('structure', '')}"
    # The title sits in YAML front matter: a JSON string is a valid YAML double-quoted scalar.
    # `%` is written \u0025 there, so the source holds no `%` a directive scan could match.
    quoted = json.dumps(clean(title), ensure_ascii=False).replace("%", "\\u0025")
    out = ["---", "title: " + quoted, "---", "flowchart TB"]
    units = g.graph.get("units", {})

    def node(n: str, indent: str) -> str:
        d = g.nodes[n]
        shape = ("[", "]") if d.get("kind") == EXTERNAL else ("(", ")")
        cls = "external" if d.get("kind") == EXTERNAL else (d.get("level") or "individual")
        return f"{indent}{ids[n]}{shape[0]}{_label(box_lines(g, n))}{shape[1]}:::{cls}"

    for n, d in g.nodes(data=True):
        if d.get("unit") not in units:
            out.append(node(n, "  "))
    members = {u: [n for n, d in g.nodes(data=True) if d.get("unit") == u] for u in units}
    drawn = [u for u in units if members[u]]
    inner = nested_groups(units, drawn)

    def subgraph(i: int, indent: str) -> None:  # a department holds its teams (explicit orgs)
        unit_id = drawn[i]
        out.append(f"{indent}subgraph u{list(units).index(unit_id)}[{_label([units[unit_id]['label']])}]")
        out.extend(node(n, indent + "  ") for n in members[unit_id])
        for j in inner.get(unit_id, []):
            subgraph(j, indent + "  ")
        out.append(f"{indent}end")

    for i in inner.get(None, []):
        subgraph(i, "  ")
    for u, v, d in g.edges(data=True):
        link = "-.-" if d.get("kind") == DOTTED else "---"
        out.append(f"  {ids[u]} {link} {ids[v]}")
    for level, fill in LEVEL_FILL.items():
        out.append(f"  classDef {level} fill:{fill},color:{LEVEL_FONT[level]},stroke:#595959")
    out.append("  classDef external fill:#eeeeee,color:#333333,stroke-dasharray:4 3")
    out.append("  classDef vacant stroke-dasharray:4 3")
    vacant = [ids[n] for n, d in g.nodes(data=True) if d.get("vacant")]
    if vacant:
        out.append(f"  class {','.join(vacant)} vacant")
    return "\n".join(out) + "\n"
