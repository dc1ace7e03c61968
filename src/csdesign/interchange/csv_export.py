"""An org graph -> a people CSV in the shape ``csdesign import`` reads back.

One row per seat: an explicit org's positions as they are; a generated proposal's boxes
expanded by headcount (``csm-product-A-1``, ``csm-product-A-2`` ...) as vacant seats to fill,
each reporting to the first seat of its manager's box. Cells that a spreadsheet would run as
a formula (leading ``= + - @``, tab, CR) get a leading ``'``, which the importer removes again.
"""

from __future__ import annotations

import csv
import io
import re

import networkx as nx

from csdesign.interchange.formula import guard
from csdesign.model import Org
from csdesign.model.schema import AXES
from csdesign.structures.contract import DOTTED, EXTERNAL, RoleAttrs, manager_of, roles

COLUMNS = ("id", "name", "title", "level", "manager_id", "dotted_manager_ids", "unit", "function", *AXES, "vacant", "email")
_UNSAFE_ID = re.compile(r"[\s,\[\]{}#:@]+")
BOM = "\ufeff"


def rows(g: nx.DiGraph, org: Org | None = None) -> list[dict[str, str]]:
    """The CSV rows of a graph (``org`` supplies emails of an explicit org's positions)."""
    seats = _seat_ids(g)
    units = g.graph.get("units", {})
    out = []
    for n, d in roles(g):
        manager = manager_of(g, n)
        manager_id = "" if manager is None or g.nodes[manager].get("kind") == EXTERNAL else seats[manager][0]
        cov = d.get("coverage") or {}
        base = {
            "name": "" if d.get("vacant") else (d.get("name") or ""),
            "title": d.get("title") or "",
            "level": d.get("level") or "",
            "manager_id": manager_id,
            "dotted_manager_ids": ";".join(seats[u][0] for u in g.predecessors(n) if g.edges[u, n].get("kind") == DOTTED),  # in dotted_to order
            "unit": units[d["unit"]]["label"] if d.get("unit") in units else "",
            "function": d.get("function") or "",
            **{axis: ";".join(cov.get(axis, [])) for axis in AXES},
            "vacant": "true" if d.get("vacant") or not d.get("name") else "",
            "email": _email(org, d),
        }
        for seat in seats[n]:
            out.append({"id": seat, **base})
    return out


def _seat_ids(g: nx.DiGraph) -> dict[str, list[str]]:
    """Node -> the ids of its seats: the node id itself when it is a usable id and one seat."""
    taken: set[str] = set()
    seats: dict[str, list[str]] = {}
    for n, d in roles(g):
        base = n if not _UNSAFE_ID.search(n) else (_UNSAFE_ID.sub("-", n).strip("-") or "seat")
        count = int(d.get("headcount") or 1)
        wanted = [base] if count == 1 else [f"{base}-{k}" for k in range(1, count + 1)]
        ids = []
        for want in wanted:
            candidate, k = want, 2
            while candidate in taken:
                candidate, k = f"{want}~{k}", k + 1
            taken.add(candidate)
            ids.append(candidate)
        seats[n] = ids
    return seats


def _email(org: Org | None, d: RoleAttrs) -> str:
    source = d.get("source") or ()
    if org is None or len(source) != 2 or source[0] != "positions" or org.model.positions is None or not isinstance(source[1], int):
        return ""
    return org.model.positions[source[1]].email or ""


def to_csv(g: nx.DiGraph, org: Org | None = None, *, bom: bool = False) -> str:
    """RFC 4180 CSV text (CRLF line ends), header first; ``bom`` for Excel on Windows."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows(g, org):
        writer.writerow([guard(row[c]) for c in COLUMNS])
    return (BOM if bom else "") + buf.getvalue()
