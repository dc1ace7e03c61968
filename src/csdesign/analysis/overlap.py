"""Overlap (one duty, two roles, a shared scope) and delegation (a manager and their report).

Linear in role instances: duties are indexed to their owners in one pass; within a duty,
holders that each cover one cell (the usual box) are joined through their cells, and other
holders are grouped by (role, coverage) and joined through an index of their coverage values
on the axes both restrict, so only holders whose scopes intersect meet (no all-pairs loop).
Replicas of one role never meet (they partition the scope), and a manager/report pair is
delegation, found by one DFS over the reporting tree.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import product
from typing import Callable, Iterable

import networkx as nx

from csdesign.analysis.base import (
    RoleRef,
    join,
    ScopeKey,
    Tree,
    bucket_axis,
    format_scope,
    merge_scopes,
    pick,
    q,
    role_ref,
    scope_axes,
    scope_key,
    tree_of,
    units_of,
)
from csdesign.spacing import zh
from csdesign.analysis.matching import Match
from csdesign.analysis.owned import Holdings, holdings, matches_to_dict, why
from csdesign.structures.contract import covers


@dataclass(frozen=True)
class Clash:
    """One item (duty or KPI) held by two roles whose scopes intersect."""

    item: str
    roles: tuple[RoleRef, RoleRef]
    scope: ScopeKey
    units: tuple[str, ...]
    nodes: tuple[str, ...]


def written_as(lang: str, matches: tuple[Match, ...]) -> str:
    """" (written 'A' and 'B', both complaint handling (投诉处理))" when several spellings of
    one duty meet in a finding, else ""."""
    if len(matches) < 2:
        return ""
    names = join(lang, (q(lang, m.name) for m in matches))
    concept = next((m.concept for m in matches if m.concept is not None), None)
    if concept is None:
        return pick(lang, f" (written {names})", f"（写作{names}）")
    return pick(lang, f" (written {names}, all {concept.label(lang)})" if len(matches) > 2 else f" (written {names}, both {concept.label(lang)})",
                f"（写作{names}，均为{concept.label(lang)}）")


@dataclass(frozen=True)
class Overlap:
    """A duty owned by two different roles in a shared scope (``matches``: how each spelling
    among the holders was understood, when they wrote it more than one way)."""

    duty: str
    roles: tuple[RoleRef, RoleRef]
    scope: ScopeKey
    units: tuple[str, ...]
    nodes: tuple[str, ...]
    matches: tuple[Match, ...] = ()
    kind: str = field(default="overlap", init=False)

    def message(self, lang: str = "en") -> str:
        a, b = (r.label(lang) for r in self.roles)
        where = format_scope(self.scope, lang)
        spelt = written_as(lang, self.matches)
        return pick(
            lang,
            f"duty {q(lang, self.duty)}{spelt} has two owners: {a} and {b} both hold it in {where}; "
            "give it one owner per scope (or split it by scope) and write the split into both job descriptions",
            zh("职责", q(lang, self.duty), spelt, "有两个负责人：", a, "与", b, "在", where,
               "范围内都负责此项；请每个范围只保留一个负责人（或按范围拆分），并写入双方的岗位说明书"),
        )

    def explain(self, lang: str = "en") -> str | None:
        """Why the spellings were taken as one duty (None: one spelling)."""
        return why(self.matches, lang) if len(self.matches) > 1 else None

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "duty": self.duty,
            "roles": [r.to_dict() for r in self.roles],
            "scope": {axis: list(values) for axis, values in self.scope},
            "units": list(self.units),
            "nodes": list(self.nodes),
            **explained(self.matches, lang),
            "message": self.message(lang),
        }


def explained(matches: tuple[Match, ...], lang: str) -> dict:
    """The JSON keys that say how a finding's names were understood."""
    out = matches_to_dict(matches, lang)
    out["why"] = why(matches, lang) if len(matches) > 1 else None
    return out


@dataclass(frozen=True)
class Delegation:
    """A duty held by a manager and again by someone in their solid-line subtree (not an overlap)."""

    duty: str
    manager: RoleRef
    report: RoleRef
    units: tuple[str, ...]
    nodes: tuple[str, ...]
    report_duty: str | None = None  # the report's spelling, when it differs from the manager's
    kind: str = field(default="delegation", init=False)

    def message(self, lang: str = "en") -> str:
        m, r = self.manager.label(lang), self.report.label(lang)
        alias = ""
        if self.report_duty and self.report_duty != self.duty:
            alias = pick(lang, f" (as {q(lang, self.report_duty)})", f"（写作{q(lang, self.report_duty)}）")
        return pick(
            lang,
            f"duty {q(lang, self.duty)} is held by {m} and delegated to {r}{alias} in their team; "
            "make sure the job descriptions say who is accountable and who does the work",
            zh("职责", q(lang, self.duty), "由", m, "负责，并下放给其团队中的", r, alias,
               "；请在岗位说明书中写明谁对结果负责、谁具体执行"),
        )

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "duty": self.duty,
            "manager": self.manager.to_dict(),
            "report": self.report.to_dict(),
            "units": list(self.units),
            "nodes": list(self.nodes),
            "message": self.message(lang),
        }


#: ((role, scope), coverage, the one cell or None, the axes it restricts)
ClassInfo = tuple[tuple[str, ScopeKey], dict[str, list[str]], tuple[str, ...] | None, tuple[str, ...]]
_CLASS_INFO: "weakref.WeakKeyDictionary[nx.DiGraph, tuple[int, str | None, dict[str, ClassInfo | None]]]" = weakref.WeakKeyDictionary()


def forget_classes(g: nx.DiGraph) -> None:
    """Drop the per-box class index kept for ``g`` (about 20 MiB at 100,000 boxes)."""
    _CLASS_INFO.pop(g, None)


def clashes(
    g: nx.DiGraph,
    owners: dict[str, list[str]],
    *,
    skip_related: bool = True,
    tree: Tree | None = None,
) -> list[Clash]:
    """For each item, the pairs of roles whose owning nodes' coverages intersect.

    ``owners`` maps item -> nodes (see ``index_attr`` and ``owned.holdings``). Same-role pairs (replicas) are never
    compared; with ``skip_related`` a manager/report pair is skipped too (delegation).

    When every holder of an item covers one cell, holders are joined cell to cell
    (``_join_points``): two boxes that meet are asked first whether one manages the other,
    then what scope they share. Otherwise holders are grouped into classes (role, coverage);
    classes are joined through an index of their coverage cells on the axes both restrict,
    so ``covers`` runs once per pair of classes that do intersect. Within such a pair, which
    nodes take part (an earlier and a later node, not manager and report) is answered per
    node from the class's nodes sorted by DFS entry and exit times, so no pair of nodes is
    enumerated.
    """
    tree = tree or tree_of(g)
    axis = bucket_axis(g)
    order = scope_axes(g)
    nodes_data = dict(g.nodes(data=True))
    rank = {n: i for i, n in enumerate(g)}
    found: dict[tuple[str, str, str], tuple[dict[str, None], dict[ScopeKey, dict]]] = {}
    # node -> ((role, scope), coverage, point), once per node and graph (overlap, shared KPIs
    # and RACI ask for the same boxes); None: compared with nobody
    size = g.number_of_nodes()
    cached = _CLASS_INFO.get(g)
    if cached is None or cached[:2] != (size, axis):
        cached = _CLASS_INFO[g] = (size, axis, {})
    class_info = cached[2]
    related = tree if skip_related else None

    def info_of(n: str) -> ClassInfo | None:
        d = nodes_data[n]
        cov = d.get("coverage") or {}
        if axis and cov.get(axis) is not None and not cov[axis]:
            info = None  # an empty list on the cut axis: in no unit, compared with nobody
        else:
            skey = scope_key(cov)
            # the coverage's one cell when every axis has one value (the usual box)
            point = tuple([values[0] for _, values in skey]) if all(len(values) == 1 for _, values in skey) else None
            info = ((d.get("role_id", n), skey), cov, point, tuple([a for a, _ in skey]))
        class_info[n] = info
        return info

    def record(item: str, early: str, late: str, took: Iterable[str], shared: dict[str, list[str]]) -> None:
        """Add the nodes ``took`` and the scope ``shared`` to the clash of roles ``early`` and ``late``."""
        acc = found.get((item, early, late))
        if acc is None:
            acc = found[(item, early, late)] = ({}, {})
        for n in took:
            acc[0][n] = None
        acc[1].setdefault(scope_key(shared), shared)

    def meet_boxes(item: str, m: str, rm: str, cm: dict[str, list[str]], n: str, rn: str, cn: dict[str, list[str]]) -> None:
        """Two single boxes of different roles whose cells agree: a clash unless one manages
        the other (asked first: cheap, and most such pairs in a unit are manager and report)
        or their coverages do not intersect."""
        if related is not None and related.related(m, n):
            return
        shared = covers(cm, cn)
        if shared is not None:
            if rank[m] < rank[n]:
                record(item, rm, rn, (m, n), shared)
            else:
                record(item, rn, rm, (n, m), shared)

    def meet(item: str, x: _Class, y: _Class) -> None:
        """Record the nodes of two meeting classes (different roles, cells agreeing)."""
        if len(x.nodes) == 1 and len(y.nodes) == 1:  # the usual pair: one box each
            meet_boxes(item, x.nodes[0], x.rid, x.cov, y.nodes[0], y.rid, y.cov)
            return
        pairs = []
        for early, late in ((x, y), (y, x)):
            took = _ordered_pairs(early, late, rank, related)
            if took:
                pairs.append((early, late, took))
        if not pairs:
            return
        shared = covers(x.cov, y.cov)
        if shared is not None:
            for early, late, took in pairs:
                record(item, early.rid, late.rid, took, shared)

    for item, nodes in owners.items():
        infos = [class_info[n] if n in class_info else info_of(n) for n in nodes]
        if all(info is None or info[2] is not None for info in infos):
            # Every holder's coverage is one cell (the usual org): join the cells directly.
            _join_points(item, nodes, infos, meet, meet_boxes)
            continue
        classes = _classes([(n, info) for n, info in zip(nodes, infos) if info is not None])
        if len({c.rid for c in classes}) < 2:  # one role (its replicas never meet)
            continue
        for x, y in _intersecting(classes):
            meet(item, x, y)

    out = []
    for (item, r1, r2), (acc_nodes, acc_scopes) in found.items():
        nodes = tuple(sorted(acc_nodes, key=rank.__getitem__))
        first = next(n for n in nodes if nodes_data[n].get("role_id", n) == r1)
        second = next(n for n in nodes if nodes_data[n].get("role_id", n) == r2)
        scope = merge_scopes(acc_scopes.values(), order)
        out.append(Clash(item, (role_ref(g, first), role_ref(g, second)), scope_key(scope), units_of(g, nodes), nodes))
    position = {item: i for i, item in enumerate(owners)}
    # the roles break ties, so the order does not depend on the order the join met the pairs
    out.sort(key=lambda c: (position[c.item], rank[c.nodes[0]], [rank[n] for n in c.nodes],
                            c.roles[0].role_id, c.roles[1].role_id))
    return out


class _Class:
    """Holders of one item with the same role and the same coverage."""

    __slots__ = ("rid", "cov", "axes", "point", "nodes", "_index")

    def __init__(self, rid: str, cov: dict[str, list[str]], axes: tuple[str, ...], point: tuple[str, ...] | None = None):
        self.rid = rid
        self.cov = cov
        self.axes = axes  # the axes the coverage restricts, sorted
        self.point = point  # the value on each of ``axes`` when each has one (else None)
        self.nodes: list[str] = []
        self._index: tuple | None = None

    def index(self, rank: dict[str, int], tree: Tree | None) -> tuple:
        """Per tree: (touts ascending, prefix min/max rank), (tins ascending, suffix min/max rank);
        without a tree: the class's min and max rank."""
        if self._index is not None:
            return self._index
        if tree is None:
            ranks = [rank[n] for n in self.nodes]
            self._index = (min(ranks), max(ranks))
            return self._index
        by_out = sorted(self.nodes, key=tree.tout.__getitem__)
        outs = [tree.tout[n] for n in by_out]
        pmin, pmax, lo, hi = [], [], len(rank), -1
        for n in by_out:
            lo, hi = min(lo, rank[n]), max(hi, rank[n])
            pmin.append(lo)
            pmax.append(hi)
        by_in = sorted(self.nodes, key=tree.tin.__getitem__)
        ins = [tree.tin[n] for n in by_in]
        smin, smax, lo, hi = [0] * len(by_in), [0] * len(by_in), len(rank), -1
        for i in range(len(by_in) - 1, -1, -1):
            r = rank[by_in[i]]
            lo, hi = min(lo, r), max(hi, r)
            smin[i], smax[i] = lo, hi
        self._index = (outs, pmin, pmax, ins, smin, smax)
        return self._index

    def unrelated_span(self, n: str, rank: dict[str, int], tree: Tree | None) -> tuple[int, int]:
        """Lowest and highest rank among this class's nodes that are not above or below ``n``
        in the solid tree (the empty span is (len(rank), -1))."""
        if len(self.nodes) == 1:  # most classes: one replica of a role in one unit
            m = self.nodes[0]
            if tree is not None and tree.related(m, n):
                return len(rank), -1
            return rank[m], rank[m]
        if tree is None:
            return self.index(rank, tree)
        outs, pmin, pmax, ins, smin, smax = self.index(rank, tree)
        lo, hi = len(rank), -1
        i = bisect_left(outs, tree.tin[n])  # nodes finished before n starts
        if i:
            lo, hi = pmin[i - 1], pmax[i - 1]
        j = bisect_right(ins, tree.tout[n])  # nodes started after n finished
        if j < len(ins):
            lo, hi = min(lo, smin[j]), max(hi, smax[j])
        return lo, hi


def _ordered_pairs(early: _Class, late: _Class, rank: dict[str, int], tree: Tree | None) -> list[str]:
    """Nodes of ``early`` before some unrelated node of ``late``, and nodes of ``late`` after
    some unrelated node of ``early`` (in graph order): the nodes of all such pairs."""
    took = [n for n in early.nodes if late.unrelated_span(n, rank, tree)[1] > rank[n]]
    if took:
        took += [n for n in late.nodes if early.unrelated_span(n, rank, tree)[0] < rank[n]]
    return took


def _join_points(item: str, nodes: list[str], infos: list[ClassInfo | None],
                 meet: Callable[[str, _Class, _Class], None],
                 meet_boxes: Callable[[str, str, str, dict[str, list[str]], str, str, dict[str, list[str]]], None]) -> None:
    """``_intersecting`` for holders that each cover one cell: holders are grouped by the axes
    they restrict and their cell, and two cells meet when they agree on the axes both groups
    restrict. Two single boxes of different roles that meet go to ``meet_boxes``; classes
    (``meet``) are made only where a role has several boxes in one cell."""
    by_axes: dict[tuple[str, ...], dict[tuple[str, ...], list[tuple[str, ClassInfo]]]] = {}
    rids: set[str] = set()
    for n, info in zip(nodes, infos):
        if info is None:
            continue
        rids.add(info[0][0])
        cells = by_axes.get(info[3])
        if cells is None:
            cells = by_axes[info[3]] = {}
        point: tuple[str, ...] = info[2]  # type: ignore[assignment]  # a cell: not None here
        held = cells.get(point)
        if held is None:
            cells[point] = [(n, info)]
        else:
            held.append((n, info))
    if len(rids) < 2:  # one role (its replicas never meet)
        return
    masks = list(by_axes)
    for mi, ma in enumerate(masks):
        cells_a = by_axes[ma]
        for held in cells_a.values():  # the same axes: the same cell
            if len(held) < 2:
                continue
            if len({info[0][0] for _, info in held}) < len(held):  # a role with several boxes here
                classes = _classes(held)
                for i, x in enumerate(classes):
                    for y in classes[i + 1:]:
                        meet(item, x, y)
                continue
            for i, (m, im) in enumerate(held):
                for n, inn in held[i + 1:]:
                    meet_boxes(item, m, im[0][0], im[1], n, inn[0][0], inn[1])
        for mb in masks[mi + 1:]:
            common = [a for a in ma if a in mb]
            at_a = [ma.index(a) for a in common]
            at_b = [mb.index(a) for a in common]
            index: dict[tuple[str, ...], list[list[tuple[str, ClassInfo]]]] = {}
            for p, held in by_axes[mb].items():
                cell = tuple([p[k] for k in at_b])
                found = index.get(cell)
                if found is None:
                    index[cell] = [held]
                else:
                    found.append(held)
            for p, held in cells_a.items():
                met = index.get(tuple([p[k] for k in at_a]))
                if met is None:
                    continue
                for other in met:
                    if len(held) == 1 and len(other) == 1:
                        (m, im), (n, inn) = held[0], other[0]
                        if im[0][0] != inn[0][0]:
                            meet_boxes(item, m, im[0][0], im[1], n, inn[0][0], inn[1])
                        continue
                    for x in _classes(held):
                        for y in _classes(other):
                            if x.rid != y.rid:
                                meet(item, x, y)


def _classes(held: list[tuple[str, ClassInfo]]) -> list[_Class]:
    """Holders grouped by (role, coverage), one class each, in the order first met."""
    classes: dict[tuple[str, ScopeKey], _Class] = {}
    for n, info in held:
        cls = classes.get(info[0])
        if cls is None:
            cls = classes[info[0]] = _Class(info[0][0], info[1], info[3], info[2])
        cls.nodes.append(n)
    return list(classes.values())


def _intersecting(classes: list[_Class]) -> Iterable[tuple[_Class, _Class]]:
    """Pairs of classes of different roles whose coverages share a value on every axis both
    restrict (each pair once). Classes are grouped by the axes they restrict; for two groups,
    one is indexed by its cells on the common axes and the other looks its cells up."""
    by_axes: dict[tuple[str, ...], list[int]] = {}
    for i, c in enumerate(classes):
        by_axes.setdefault(c.axes, []).append(i)
    masks = list(by_axes)
    for mi, ma in enumerate(masks):
        for mb in masks[mi:]:
            common = [a for a in ma if a in mb]
            index: dict[tuple[str, ...], list[int]] = {}
            at = _positions(mb, common)
            for j in by_axes[mb]:
                for cell in _cells(classes[j], common, at):
                    index.setdefault(cell, []).append(j)
            same = ma == mb
            at = _positions(ma, common)
            for i in by_axes[ma]:
                x = classes[i]
                cells = _cells(x, common, at)
                if len(cells) == 1:  # one cell: its index entry lists each class once
                    for j in index.get(cells[0], ()):
                        if (not same or j > i) and classes[j].rid != x.rid:
                            yield x, classes[j]
                    continue
                met: dict[int, None] = {}
                for cell in cells:
                    for j in index.get(cell, ()):
                        if (not same or j > i) and classes[j].rid != x.rid:
                            met[j] = None
                for j in met:
                    yield x, classes[j]


def _positions(axes: tuple[str, ...], common: list[str]) -> list[int] | None:
    """Where ``common`` sits in a class's ``axes`` (None: they are the same)."""
    return None if len(common) == len(axes) else [axes.index(a) for a in common]


def _cells(c: _Class, axes: list[str], at: list[int] | None) -> list[tuple[str, ...]]:
    """The value combinations of a class's coverage on some of its axes (``at``: their
    positions in ``c.axes``, None for all of them); one empty cell for no axes."""
    point = c.point
    if point is not None:
        return [point if at is None else tuple([point[k] for k in at])]
    cov = c.cov
    values = [cov[a] for a in axes]
    for v in values:
        if len(v) != 1:
            return list(product(*(dict.fromkeys(v) for v in values)))
    return [tuple([v[0] for v in values])]


def find_overlaps(g: nx.DiGraph) -> list[Overlap]:
    """Duties owned by two different roles whose coverage intersects (delegation and replicas
    excluded). Duties are compared as concepts: two spellings of one duty are one duty."""
    held = holdings(g, "duties")
    return [Overlap(label_of(held, c), c.roles, c.scope, c.units, c.nodes, spelt(held, c)) for c in clashes(g, held.owners)]


def label_of(held: Holdings, c: Clash) -> str:
    """The duty as the first of the clash's holders wrote it."""
    names = held.names_of(c.item, c.nodes)
    return names[0] if names else held.label(c.item)


def spelt(held: Holdings, c: Clash) -> tuple[Match, ...]:
    """How each spelling among the clash's holders was matched (one entry per spelling)."""
    return tuple(held.match(n) for n in held.names_of(c.item, c.nodes))


def find_delegations(g: nx.DiGraph) -> list[Delegation]:
    """Duties held by a node and again by a node in its solid-line subtree (nearest holder above)."""
    tree = tree_of(g)
    nodes_data = dict(g.nodes(data=True))  # a plain dict: NodeView lookups cost 3x
    rank = {n: i for i, n in enumerate(g)}
    holders: dict[str, list[tuple[str, str]]] = {}  # duty -> the open path's holders (box, role)
    found: dict[tuple[str, str, str], dict[str, None]] = {}
    duty_rank: dict[str, int] = {}

    m = holdings(g, "duties").matcher
    # A box's duty keys (deduplicated, first spelling of each), once per duties list: the boxes
    # of one role share their list (structures/common.role_attrs), so 100,000 boxes of 10,000
    # roles match 10,000 lists, not 100,000.
    by_list: dict[int, dict[str, str]] = {}
    none: dict[str, str] = {}

    def duties(n: str) -> dict[str, str]:
        names = nodes_data[n].get("duties")
        if not names:
            return none
        keys = by_list.get(id(names))
        if keys is None:
            keys = by_list[id(names)] = {}
            for name in names:
                keys.setdefault(m.key(name), name)
        return keys

    children = tree.children
    for root in [n for n in tree.tin if tree.depth.get(n) == 0]:  # tin is filled in DFS order
        stack: list[tuple[str, dict[str, str] | None]] = [(root, None)]
        while stack:
            n, leaving = stack.pop()
            if leaving is not None:
                for duty in leaving:
                    holders[duty].pop()
                continue
            keys = duties(n)
            if keys:
                me = (n, nodes_data[n].get("role_id", n))
                for duty in keys:
                    above = holders.get(duty)
                    if above is None:
                        holders[duty] = [me]
                        continue
                    if above:
                        manager, mrid = above[-1]
                        key = (duty, mrid, me[1])
                        acc = found.get(key)
                        if acc is None:
                            acc = found[key] = {manager: None}
                            if duty not in duty_rank:
                                duty_rank[duty] = len(duty_rank)
                        elif manager not in acc:
                            acc[manager] = None
                        acc[n] = None
                    above.append(me)
                stack.append((n, keys))
            if children[n]:
                stack.extend([(child, None) for child in reversed(children[n])])

    out: list = []
    for (duty, mrid, rrid), acc in found.items():
        nodes = tuple(sorted(acc, key=rank.__getitem__))
        manager = next(n for n in nodes if nodes_data[n].get("role_id", n) == mrid)
        report = next(n for n in reversed(nodes) if nodes_data[n].get("role_id", n) == rrid)
        found_d = Delegation(duties(manager)[duty], role_ref(g, manager), role_ref(g, report), units_of(g, nodes, nodes_data), nodes,
                             duties(report)[duty])
        out.append((duty_rank[duty], rank[nodes[0]], [rank[n] for n in nodes], found_d))
    out.sort(key=lambda t: t[:3])
    return [t[3] for t in out]

