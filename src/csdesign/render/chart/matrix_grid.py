"""The matrix grid view: primary units as rows, dotted-line leads as columns, linked roles in
the cells. It is how consultants draw a matrix, and it stays legible at any size because it
never draws a line. Pure data (:func:`grid`) plus an HTML table (:func:`grid_html`)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import networkx as nx

from csdesign.render.text import clean
from csdesign.structures.contract import DOTTED, ROLE

#: Row label for roles linked by a dotted line but not in any unit.
SHARED = {"en": "Department-wide", "zh": "部门共享"}


@dataclass
class Grid:
    """rows: (unit id or None, label); cols: (lead node, title); cells[(row, col)]: role nodes."""

    rows: list[tuple[str | None, str]] = field(default_factory=list)
    cols: list[tuple[str, str]] = field(default_factory=list)
    cells: dict[tuple[str | None, str], list[str]] = field(default_factory=dict)

    def titles(self, g: nx.DiGraph, row: str | None, col: str) -> list[str]:
        return [str(g.nodes[n].get("title") or n) for n in self.cells.get((row, col), [])]


def grid(g: nx.DiGraph, lang: str = "en") -> Grid:
    """Rows in unit (file) order, columns in lead (file) order, cells in role order."""
    out = Grid()
    units = g.graph.get("units", {})
    seen_rows: set[str | None] = set()
    for u, v, d in g.edges(data=True):
        if d.get("kind") != DOTTED or g.nodes[v].get("kind") != ROLE:
            continue
        if u not in {c for c, _ in out.cols}:
            out.cols.append((u, _title(g, u)))
        unit = g.nodes[v].get("unit")
        seen_rows.add(unit)
        out.cells.setdefault((unit, u), []).append(v)
    order = {n: i for i, n in enumerate(g.nodes)}
    out.cols.sort(key=lambda c: order[c[0]])
    for cell in out.cells.values():
        cell.sort(key=order.__getitem__)
    for uid, info in units.items():
        if uid in seen_rows:
            out.rows.append((uid, str(info.get("label") or uid)))
    if None in seen_rows:
        out.rows.append((None, SHARED.get(lang, SHARED["en"])))
    return out


def _title(g: nx.DiGraph, n: str) -> str:
    d = g.nodes[n]
    title = str(d.get("title") or n)
    unit = d.get("unit")
    if unit and unit in g.graph.get("units", {}):
        title += f" · {g.graph['units'][unit].get('value', unit)}"
    return title


def grid_html(g: nx.DiGraph, lang: str = "en", *, node_ids: bool = False) -> str:
    """A <table class="grid"> of the matrix; empty string when the org has no dotted lines."""
    gr = grid(g, lang)
    if not gr.cols:
        return ""
    e = lambda s: html.escape(clean(s), quote=True)  # noqa: E731
    corner = "单元 \\ 虚线负责人" if lang == "zh" else "Unit \\ dotted-line lead"
    head = "".join(f'<th scope="col"{_attr(c, node_ids)}>{e(t)}</th>' for c, t in gr.cols)
    body = []
    for r, label in gr.rows:
        cells = []
        for c, _ in gr.cols:
            items = "".join(f"<li{_attr(n, node_ids)}>{e(g.nodes[n].get('title') or n)}</li>" for n in gr.cells.get((r, c), []))
            cells.append(f"<td><ul>{items}</ul></td>" if items else "<td></td>")
        body.append(f'<tr><th scope="row">{e(label)}</th>{"".join(cells)}</tr>')
    return f'<table class="grid"><thead><tr><th>{e(corner)}</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _attr(node: str, on: bool) -> str:
    return f' data-node="{html.escape(node, quote=True)}"' if on else ""
