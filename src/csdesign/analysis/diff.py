"""A reorganisation, box by box and duty by duty: what changes from one org graph to another.

Works on any two graphs of the contract (as-is explicit vs as-is, proposal vs proposal, as-is
vs proposal). Boxes are paired by node id first (position ids, or role@unit ids), then, among
the boxes left over, by role id when exactly one box on each side has it. A pair is:

* ``moved`` when its manager (compared through the pairing) or its unit label changed,
* ``changed`` when its title, role, level, headcount, person or vacancy changed (and it did not
  move; a moved box lists those changes too); person and vacancy only when both sides are as-is,
* unchanged otherwise (counted, not listed). Unpaired boxes are ``added`` or ``removed``.

Duties are compared as concepts (analysis/matching.py: "Renewals", "续约管理" and "renewal" are
one duty) and owned by role ids: a duty whose owners change is ``moved`` (some owners gave it
up, others took it), ``shared`` (only owners added), ``narrowed`` (only owners removed), ``new``
or ``dropped``. Overlaps and gaps (analysis/overlap.py, gaps.py) are compared by duty concept
and role ids (gaps by concept, source and scope): present only after = introduced, only before
= resolved. Removing the last owner of a duty in a scope is a gap introduced even when the
duty is in no catalogue (source ``owner-removed``): "narrowed" alone would hide that the
strategic customers lost their complaint handling. Headcount, managers, layers and span bands
come from analysis/spans.py; the fully loaded cost and its
share of ARR, when a side declares ``costs:``, from analysis/cost.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any

import networkx as nx

from csdesign.analysis.base import RoleRef, role_refs, scope_axes
from csdesign.analysis.gaps import PER_SCOPE_AXES, Gap, find_gaps, uncovered
from csdesign.analysis.overlap import Overlap, find_overlaps
from csdesign.analysis.owned import holdings
from csdesign.analysis.spans import SpanReport, analyse_spans
from csdesign.structures.contract import EXTERNAL, manager_of, roles

STATUSES = ("added", "removed", "moved", "changed")
#: Box fields compared for ``changed``, in display order.
FIELDS = ("title", "role_id", "level", "headcount", "name", "vacant")
PEOPLE_FIELDS = ("name", "vacant")
TRANSFER_KINDS = ("moved", "shared", "narrowed", "new", "dropped")


@dataclass(frozen=True)
class BoxChange:
    """One box row: its status and what differs (``(field, before, after)`` as display text)."""

    status: str
    node: str  # node id on the after side (before side for removed)
    before_node: str | None
    title: str
    name: str | None
    role_id: str
    vacant: bool = False
    changes: tuple[tuple[str, str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status, "node": self.node, "before_node": self.before_node, "title": self.title,
            "name": self.name, "role_id": self.role_id, "vacant": self.vacant,
            "changes": [{"field": f, "before": b, "after": a} for f, b, a in self.changes],
        }


@dataclass(frozen=True)
class Transfer:
    """A duty whose owning roles differ between the two orgs."""

    kind: str  # one of TRANSFER_KINDS
    duty: str
    gave_up: tuple[RoleRef, ...]
    took_on: tuple[RoleRef, ...]
    kept: tuple[RoleRef, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "duty": self.duty, "from": [r.to_dict() for r in self.gave_up],
            "to": [r.to_dict() for r in self.took_on], "kept": [r.to_dict() for r in self.kept],
        }


@dataclass(frozen=True)
class Metric:
    name: str
    before: Any
    after: Any
    zh: str | None = None  # the name in Chinese
    delta: float | None = None  # exact change when before/after are rounded (else after - before)

    def label(self, lang: str = "en") -> str:
        return self.zh if lang == "zh" and self.zh else self.name

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "before": self.before, "after": self.after}


@dataclass
class OrgDiff:
    before: dict[str, Any]  # company, structure, file
    after: dict[str, Any]
    boxes: list[BoxChange]
    unchanged: int
    transfers: list[Transfer]
    role_headcount: list[tuple[RoleRef | TitleRef, int, int]]  # changed rows; they add up to the headcount change
    overlaps_resolved: list[Overlap]
    overlaps_introduced: list[Overlap]
    gaps_resolved: list[Gap]
    gaps_introduced: list[Gap]
    metrics: list[Metric]
    bands: list[Metric] = field(default_factory=list)  # managers per span band

    def count(self, status: str) -> int:
        return sum(1 for b in self.boxes if b.status == status)

    @property
    def headcount(self) -> tuple[int, int]:
        """Total headcount before and after (what the role_headcount changes add up to)."""
        m = next(m for m in self.metrics if m.name == "headcount")
        return int(m.before), int(m.after)

    @property
    def changed(self) -> bool:
        return bool(self.boxes or self.transfers or self.role_headcount or self.overlaps_resolved or self.overlaps_introduced
                     or self.gaps_resolved or self.gaps_introduced or any(m.changed for m in self.metrics + self.bands))

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "before": self.before,
            "after": self.after,
            "summary": {**{s: self.count(s) for s in STATUSES}, "unchanged": self.unchanged},
            "boxes": [b.to_dict() for b in self.boxes],
            "duties": [t.to_dict() for t in self.transfers],
            "role_headcount": [{"role": r.to_dict(), "before": b, "after": a} for r, b, a in self.role_headcount],
            "overlaps": {"resolved": [o.to_dict(lang) for o in self.overlaps_resolved], "introduced": [o.to_dict(lang) for o in self.overlaps_introduced]},
            "gaps": {"resolved": [x.to_dict(lang) for x in self.gaps_resolved], "introduced": [x.to_dict(lang) for x in self.gaps_introduced]},
            "metrics": [m.to_dict() for m in self.metrics],
            "span_bands": [m.to_dict() for m in self.bands],
        }


def diff(before: nx.DiGraph, after: nx.DiGraph) -> OrgDiff:
    """Everything that changes from ``before`` to ``after``."""
    pairs = pair_boxes(before, after)
    boxes, unchanged = _box_changes(before, after, pairs)
    spans_b, spans_a = analyse_spans(before), analyse_spans(after)
    ov_res, ov_int = _compare(find_overlaps(before), find_overlaps(after), _overlap_key(before), _overlap_key(after))
    gap_res, gap_int = _compare(find_gaps(before), find_gaps(after), _gap_key(before), _gap_key(after))
    gap_int += owner_gaps(before, after)
    return OrgDiff(
        before=_side(before), after=_side(after), boxes=boxes, unchanged=unchanged,
        transfers=duty_transfers(before, after), role_headcount=role_headcount(before, after),
        overlaps_resolved=ov_res, overlaps_introduced=ov_int, gaps_resolved=gap_res, gaps_introduced=gap_int,
        metrics=_metrics(before, after, spans_b, spans_a), bands=_bands(spans_b, spans_a),
    )


def _side(g: nx.DiGraph) -> dict[str, Any]:
    return {"company": g.graph.get("company"), "structure": g.graph.get("structure"), "file": g.graph.get("file")}


def pair_boxes(before: nx.DiGraph, after: nx.DiGraph) -> dict[str, str]:
    """before node -> after node for boxes that are "the same box" in both orgs."""
    b_nodes = [n for n, _ in roles(before)]
    a_nodes = [n for n, _ in roles(after)]
    a_set = set(a_nodes)
    pairs = {n: n for n in b_nodes if n in a_set}
    b_left: dict[str, list[str]] = {}
    for n in b_nodes:
        if n not in pairs:
            b_left.setdefault(before.nodes[n].get("role_id") or n, []).append(n)
    a_left: dict[str, list[str]] = {}
    taken = set(pairs.values())
    for n in a_nodes:
        if n not in taken:
            a_left.setdefault(after.nodes[n].get("role_id") or n, []).append(n)
    for rid, nodes in b_left.items():
        if len(nodes) == 1 and len(a_left.get(rid, ())) == 1:
            pairs[nodes[0]] = a_left[rid][0]
    return pairs


def _box_changes(before: nx.DiGraph, after: nx.DiGraph, pairs: dict[str, str]) -> tuple[list[BoxChange], int]:
    paired_after = set(pairs.values())
    rows: dict[str, list[BoxChange]] = {s: [] for s in STATUSES}
    unchanged = 0
    for n, d in roles(after):
        if n not in paired_after:
            rows["added"].append(_row("added", after, n, None))
    for n, d in roles(before):
        if n not in pairs:
            rows["removed"].append(_row("removed", before, n, n))
    back = {a: b for b, a in pairs.items()}
    # people (name, vacancy) only mean something when both sides are as-is orgs
    as_is = before.graph.get("structure") == after.graph.get("structure") == "explicit"
    fields = FIELDS if as_is else tuple(f for f in FIELDS if f not in PEOPLE_FIELDS)
    for n, d in roles(after):
        if n not in back:
            continue
        b = back[n]
        db = before.nodes[b]
        changes = []
        m_b, m_a = manager_of(before, b), manager_of(after, n)
        same_manager = (pairs.get(m_b) == m_a) if m_b is not None and before.nodes[m_b].get("kind") != EXTERNAL else (
            m_a is None or after.nodes[m_a].get("kind") == EXTERNAL)
        if not same_manager:
            changes.append(("manager", _who(before, m_b), _who(after, m_a)))
        u_b, u_a = _unit(before, b), _unit(after, n)
        if u_b != u_a:
            changes.append(("unit", u_b, u_a))
        moved = bool(changes)
        for f in fields:
            vb, va = db.get(f), d.get(f)
            if (vb or None) != (va or None):
                changes.append(("role" if f == "role_id" else f, _text(vb), _text(va)))
        if changes:
            rows["moved" if moved else "changed"].append(_row("moved" if moved else "changed", after, n, b, tuple(changes)))
        else:
            unchanged += 1
    return [r for s in STATUSES for r in rows[s]], unchanged


def _row(status: str, g: nx.DiGraph, n: str, before_node: str | None, changes: tuple = ()) -> BoxChange:
    d = g.nodes[n]
    return BoxChange(status, n, before_node, d.get("title") or n, d.get("name"), d.get("role_id") or n, bool(d.get("vacant")), changes)


def _who(g: nx.DiGraph, n: str | None) -> str:
    if n is None:
        return "—"
    d = g.nodes[n]
    if d.get("kind") == EXTERNAL:
        return d.get("title") or n
    return f"{d.get('name')} · {d.get('title')}" if d.get("name") else f"{d.get('title')} ({n})"


def _unit(g: nx.DiGraph, n: str) -> str:
    u = g.nodes[n].get("unit")
    info = g.graph.get("units", {}).get(u) if u else None
    return info["label"] if info else (u or "—")


def _text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def role_titles(g: nx.DiGraph) -> dict[str, RoleRef]:
    """role id -> RoleRef with the title most of its boxes carry (first met on a tie).

    In an as-is org one person may carry their own title ("Senior CSM") for a shared role.
    """
    counts: dict[str, dict[str, int]] = {}
    for n, d in roles(g):
        titles = counts.setdefault(d.get("role_id") or n, {})
        title = d.get("title") or n
        titles[title] = titles.get(title, 0) + 1
    return {rid: RoleRef(rid, max(titles, key=titles.__getitem__)) for rid, titles in counts.items()}


def duty_owners(g: nx.DiGraph) -> dict[str, tuple[str, dict[str, RoleRef]]]:
    """duty concept key -> (the duty as first written, {role id: RoleRef} of its owners in graph order)."""
    refs = role_titles(g)
    held = holdings(g, "duties")
    out: dict[str, tuple[str, dict[str, RoleRef]]] = {}
    for k, nodes in held.owners.items():
        owners: dict[str, RoleRef] = {}
        for n in nodes:
            rid = g.nodes[n].get("role_id") or n
            owners.setdefault(rid, refs[rid])
        out[k] = (held.label(k), owners)
    return out


def owner_gaps(before: nx.DiGraph, after: nx.DiGraph) -> list[Gap]:
    """Duties (outside the ``duties:`` catalogue, whose gaps find_gaps reports) whose last owner
    in some product, region, segment or channel value is gone: the value had an owner before
    and has none after. A duty with no owner left at all is a gap everywhere."""
    hb, ha = holdings(before, "duties"), holdings(after, "duties")
    catalogue = {ha.matcher.key(d) for d in after.graph.get("duties") or ()}
    dims_after = scope_axes(after)
    out: list[Gap] = []
    for k, nodes_b in hb.owners.items():
        if k in catalogue:
            continue
        name = hb.label(k)
        nodes_a = ha.owners.get(k, [])
        gone_from = role_refs(before, nodes_b)
        if not nodes_a:
            out.append(Gap("duty", name, "owner-removed", (), gone_from, (), accounts=_accounts(before, ())))
            continue
        was = uncovered(before, nodes_b)
        now = uncovered(after, nodes_a)
        for axis, missing in now.items():
            if axis not in PER_SCOPE_AXES:
                continue
            lost = [v for v in missing if v not in was.get(axis, []) and v in scope_axes(before).get(axis, []) and v in dims_after.get(axis, [])]
            if lost:
                scope = ((axis, tuple(lost)),)
                out.append(Gap("duty", name, "owner-removed", scope, role_refs(after, nodes_a), tuple(nodes_a), accounts=_accounts(before, scope)))
    return out


def _accounts(g: nx.DiGraph, scope: tuple) -> int | None:
    """Accounts in a segment scope (all segments for the whole department), when declared."""
    segments = g.graph.get("segments") or {}
    names = next((values for axis, values in scope if axis == "segment"), None) if scope else list(segments)
    if names is None:
        return None
    counts = [segments.get(n, {}).get("accounts") for n in names]
    return sum(c for c in counts if c) if any(counts) else None


def duty_transfers(before: nx.DiGraph, after: nx.DiGraph) -> list[Transfer]:
    own_b, own_a = duty_owners(before), duty_owners(after)
    out = []
    for k in [*own_b, *(k for k in own_a if k not in own_b)]:
        name_b, refs_b = own_b.get(k, ("", {}))
        name_a, refs_a = own_a.get(k, ("", {}))
        if refs_b.keys() == refs_a.keys():
            continue
        gave = tuple(r for rid, r in refs_b.items() if rid not in refs_a)
        took = tuple(r for rid, r in refs_a.items() if rid not in refs_b)
        kept = tuple(r for rid, r in refs_a.items() if rid in refs_b)
        if not refs_b:
            kind = "new"
        elif not refs_a:
            kind = "dropped"
        elif gave and took:
            kind = "moved"
        else:
            kind = "shared" if took else "narrowed"
        out.append(Transfer(kind, name_a or name_b, gave, took, kept))
    out.sort(key=lambda t: TRANSFER_KINDS.index(t.kind))  # stable: changes of owner first, then new, dropped
    return out


@dataclass(frozen=True)
class TitleRef:
    """People of an as-is org whose positions link no role, counted by their title."""

    title: str
    role_id: None = None

    def label(self) -> str:
        return self.title

    def to_dict(self) -> dict[str, Any]:
        return {"id": None, "title": self.title}


def headcount_groups(g: nx.DiGraph) -> dict[tuple[str, str], tuple[RoleRef | TitleRef, int]]:
    """Every box's people, once: by role id, or by title for as-is positions that link no role.

    The counts add up to the org's headcount (spans.py counts the same boxes), shared roles
    and vacancies included.
    """
    refs = role_titles(g)
    explicit = g.graph.get("structure") == "explicit"
    out: dict[tuple[str, str], tuple[RoleRef | TitleRef, int]] = {}
    for n, d in roles(g):
        rid = d.get("role_id") or n
        if explicit and rid == n:  # a position without a role: its id is no role
            key: tuple[str, str] = ("title", d.get("title") or n)
            ref: RoleRef | TitleRef = TitleRef(key[1])
        else:
            key, ref = ("role", rid), refs[rid]
        count = out[key][1] if key in out else 0
        out[key] = (out[key][0] if key in out else ref, count + int(d.get("headcount") or 1))
    return out


def _by_title_as_role(side: dict, other: dict) -> dict:
    """Title groups named after exactly one role of the other side join that role's row (an
    imported as-is org has titles, the proposal has roles with those titles)."""
    roles_by_title: dict[str, list[tuple[str, str]]] = {}
    for key, (ref, _) in other.items():
        if key[0] == "role":
            roles_by_title.setdefault(ref.title, []).append(key)
    out: dict = {}
    for key, (ref, n) in side.items():
        match = roles_by_title.get(key[1], []) if key[0] == "title" and ("title", key[1]) not in other else []
        if len(match) == 1:
            key, ref = match[0], other[match[0]][0]
        out[key] = (out[key][0], out[key][1] + n) if key in out else (ref, n)
    return out


def role_headcount(before: nx.DiGraph, after: nx.DiGraph) -> list[tuple[RoleRef | TitleRef, int, int]]:
    """Rows whose headcount changed; with the unchanged rows they partition both orgs, so the
    changes add up to the change in total headcount."""
    gb, ga = headcount_groups(before), headcount_groups(after)
    gb, ga = _by_title_as_role(gb, ga), _by_title_as_role(ga, gb)
    out = []
    for key in [*gb, *(k for k in ga if k not in gb)]:
        b, a = gb[key][1] if key in gb else 0, ga[key][1] if key in ga else 0
        if b != a:
            out.append(((ga.get(key) or gb[key])[0], b, a))
    return out


def _overlap_key(g: nx.DiGraph) -> Callable[[Overlap], tuple[str, tuple[str, ...]]]:
    m = holdings(g, "duties").matcher
    return lambda o: (m.key(o.duty), tuple(sorted(r.role_id for r in o.roles)))


def _gap_key(g: nx.DiGraph) -> Callable[[Gap], tuple[Any, ...]]:
    duties, kpis = holdings(g, "duties").matcher, holdings(g, "kpis").matcher
    return lambda x: (x.what, (duties if x.what == "duty" else kpis).key(x.name), x.source, x.scope)


def _compare(old: list, new: list, key_old, key_new) -> tuple[list, list]:
    """(resolved: only in old, introduced: only in new), each in its own report order."""
    old_keys, new_keys = {key_old(x) for x in old}, {key_new(x) for x in new}
    return [x for x in old if key_old(x) not in new_keys], [x for x in new if key_new(x) not in old_keys]


def _metrics(before: nx.DiGraph, after: nx.DiGraph, sb: SpanReport, sa: SpanReport) -> list[Metric]:
    return [
        Metric("CS reports to", before.nodes[before.graph["external"]].get("title"), after.nodes[after.graph["external"]].get("title"), "客户成功部汇报对象"),
        Metric("structure", before.graph.get("structure"), after.graph.get("structure"), "结构"),
        Metric("boxes", sum(1 for _ in roles(before)), sum(1 for _ in roles(after)), "岗位框"),
        Metric("headcount", sb.headcount, sa.headcount, "人数"),
        Metric("managers", sb.manager_people, sa.manager_people, "管理者"),
        Metric("individuals per manager", sb.ratio, sa.ratio, "每位管理者对应的员工数", _exact_change(sb, sa)),
        Metric("layers below the head", sb.layers, sa.layers, "负责人以下层级"),
        Metric("units", len(before.graph.get("units") or {}), len(after.graph.get("units") or {}), "单元"),
        *_cost_metrics(before, after),
    ]


def _cost_metrics(before: nx.DiGraph, after: nx.DiGraph) -> list[Metric]:
    """The fully loaded cost and its share of ARR, when either side declares costs (cost.py)."""
    from csdesign.analysis.cost import analyse_cost

    cb, ca = analyse_cost(before), analyse_cost(after)
    if cb.total is None and ca.total is None:
        return []
    whole = lambda x: None if x is None else round(x)  # noqa: E731
    out = [Metric("fully loaded cost", whole(cb.total), whole(ca.total), "全成本")]
    if cb.share_of_arr is not None or ca.share_of_arr is not None:
        share = lambda c: None if c.share_of_arr is None else round(c.share_of_arr * 100, 1)  # noqa: E731
        out.append(Metric("cost, % of ARR", share(cb), share(ca), "成本占 ARR 百分比"))
    return out


def _exact_change(sb: SpanReport, sa: SpanReport) -> float | None:
    """The change in individuals per manager from the unrounded ratios (25.67 -> 28.33 is +2.67, not +2.66)."""
    if not (sb.manager_people and sa.manager_people):
        return None
    return round(sa.individual_people / sa.manager_people - sb.individual_people / sb.manager_people, 2)


def _bands(sb: SpanReport, sa: SpanReport) -> list[Metric]:
    return [Metric(f"{b.en} ({b.range_text()})", sb.band_people.get(b.id, 0), sa.band_people.get(b.id, 0), f"{b.zh}（{b.range_text()}）") for b in sa.bands]
