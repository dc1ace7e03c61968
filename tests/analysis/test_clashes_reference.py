"""``clashes`` agrees with the plain all-pairs definition on random graphs.

``clashes`` never enumerates pairs of holders: it joins one-cell boxes through their cells
and other holders through classes and DFS intervals. This checks that the shortcuts find
exactly what the definition says: for each item, every pair of holders of different roles
whose coverages intersect (and, with ``skip_related``, where neither manages the other),
recorded under (item, earlier role, later role) with both nodes and the shared scope.
"""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from csdesign.analysis.base import Tree, merge_scopes, role_ref, scope_axes, scope_key, units_of
from csdesign.analysis.overlap import Clash, clashes
from csdesign.structures.contract import SOLID, covers

AXIS_VALUES = {"product": ["p1", "p2", "p3"], "region": ["east", "west"]}


def _reference(g: nx.DiGraph, owners: dict[str, list[str]], skip_related: bool) -> list[Clash]:
    tree, rank, order = Tree(g), {n: i for i, n in enumerate(g)}, scope_axes(g)
    axis = g.graph.get("axis")
    found: dict[tuple[str, str, str], tuple[set[str], list[dict]]] = {}
    for item, nodes in owners.items():
        holders = [n for n in nodes if not (axis and g.nodes[n]["coverage"].get(axis) == [])]
        for i, m in enumerate(holders):
            for n in holders[i + 1:]:
                rm, rn = g.nodes[m]["role_id"], g.nodes[n]["role_id"]
                if rm == rn or (skip_related and (tree.above(m, n) or tree.above(n, m))):
                    continue
                shared = covers(g.nodes[m]["coverage"], g.nodes[n]["coverage"])
                if shared is None:
                    continue
                early, late = (m, n) if rank[m] < rank[n] else (n, m)
                acc = found.setdefault((item, g.nodes[early]["role_id"], g.nodes[late]["role_id"]), (set(), []))
                acc[0].update((m, n))
                acc[1].append(shared)
    out = []
    for (item, r1, r2), (acc_nodes, scopes) in found.items():
        nodes = tuple(sorted(acc_nodes, key=rank.__getitem__))
        first = next(n for n in nodes if g.nodes[n]["role_id"] == r1)
        second = next(n for n in nodes if g.nodes[n]["role_id"] == r2)
        out.append(Clash(item, (role_ref(g, first), role_ref(g, second)), scope_key(merge_scopes(scopes, order)),
                         units_of(g, nodes), nodes))
    position = {item: i for i, item in enumerate(owners)}
    out.sort(key=lambda c: (position[c.item], rank[c.nodes[0]], [rank[n] for n in c.nodes], c.roles[0].role_id, c.roles[1].role_id))
    return out


# one box: its role (few, so replicas and several boxes per role per cell occur), its
# coverage (an axis absent, one value: a cell, several values or none), its manager
# (an earlier box, or none), the items it holds
COVERAGE = st.dictionaries(st.sampled_from(sorted(AXIS_VALUES)), st.integers(0, 7), max_size=2)
BOX = st.tuples(st.integers(0, 3), COVERAGE, st.integers(-1, 30), st.sets(st.sampled_from("ab"), min_size=1))


def _values(axis: str, bits: int) -> list[str]:
    return [v for k, v in enumerate(AXIS_VALUES[axis]) if bits >> k & 1]


def _graph(boxes, cut: str | None) -> tuple[nx.DiGraph, dict[str, list[str]]]:
    g = nx.DiGraph(axis=cut, dimensions=AXIS_VALUES, units={})
    owners: dict[str, list[str]] = {}
    for i, (role, cov, boss, items) in enumerate(boxes):
        n = f"n{i}"
        coverage = {axis: _values(axis, bits) if bits < 7 else [AXIS_VALUES[axis][bits % 3 % len(AXIS_VALUES[axis])]]
                    for axis, bits in cov.items()}
        g.add_node(n, kind="role", role_id=f"r{role}", title=f"Role {role}", coverage=coverage)
        if 0 <= boss < i:
            g.add_edge(f"n{boss}", n, kind=SOLID)
        for item in sorted(items):
            owners.setdefault(item, []).append(n)
    return g, owners


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(BOX, min_size=2, max_size=14), st.sampled_from([None, "product", "region"]), st.booleans())
def test_clashes_match_the_all_pairs_definition(boxes, cut, skip_related):
    g, owners = _graph(boxes, cut)
    assert clashes(g, owners, skip_related=skip_related) == _reference(g, owners, skip_related)


def test_a_one_cell_box_meets_a_wider_box_and_not_its_manager():
    # r0 covers everything and manages r1 (east); r2 (west) and r3 (east and west) report to
    # nobody. r0 and r1 are manager and report (delegation); east and west do not meet.
    boxes = [(0, {}, -1, {"a"}), (1, {"region": 1}, 0, {"a"}), (2, {"region": 2}, -1, {"a"}), (3, {"region": 3}, -1, {"a"})]
    g, owners = _graph(boxes, None)
    got = [(c.roles[0].role_id, c.roles[1].role_id, c.nodes, c.scope) for c in clashes(g, owners)]
    assert got == [
        ("r0", "r2", ("n0", "n2"), (("region", ("west",)),)),
        ("r0", "r3", ("n0", "n3"), (("region", ("east", "west")),)),
        ("r1", "r3", ("n1", "n3"), (("region", ("east",)),)),
        ("r2", "r3", ("n2", "n3"), (("region", ("west",)),)),
    ]
