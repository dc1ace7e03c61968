"""What every analysis shares: languages, role references, scopes, and the reporting tree.

Analyses read only the graph contract (structures/contract.py). Everything here is linear
in the number of nodes: indexes are built in one pass, ancestor tests are O(1) from DFS times.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Protocol, runtime_checkable

# csdesign.structures first: it installs the lazy networkx loader (structures/nxload.py), so a
# module importing this one before any structure (a lint rule) does not load every algorithm
from csdesign.structures.contract import SOLID, roles

import networkx as nx

from csdesign.knowledge.guide import check_lang
from csdesign.model.schema import AXES

@runtime_checkable
class Finding(Protocol):
    """What every analysis finding offers (Overlap, Delegation, Gap, NearDuplicate, RaciIssue,
    SharedKpi, SpanIssue, CapacityRow, Placement): the boxes it involves, a sentence in
    English or Chinese, and its JSON object. The report, --highlight, the workbench and the
    rules generated from analyses read findings only through this."""

    @property
    def nodes(self) -> tuple[str, ...]: ...

    def message(self, lang: str = "en") -> str: ...

    def to_dict(self, lang: str = "en") -> dict[str, Any]: ...


#: Axis names in both languages (for "the shared scope" in sentences).
AXIS_NAMES = {
    "product": ("product", "产品"),
    "region": ("region", "区域"),
    "segment": ("segment", "客户分层"),
    "process": ("process", "流程"),
    "channel": ("channel", "渠道"),
    "function": ("function", "职能"),
    "unit": ("unit", "单元"),
}

#: A scope as a hashable value: ((axis, (values...)), ...); () means "everywhere".
ScopeKey = tuple[tuple[str, tuple[str, ...]], ...]


def pick(lang: str, en: str, chinese: str) -> str:
    """The English or Chinese form of a sentence."""
    return chinese if check_lang(lang) == "zh" else en


def q(lang: str, name: str) -> str:
    """Quote a user's name as written: 'renewal' in English, 「续费」 in Chinese."""
    return f"「{name}」" if lang == "zh" else f"'{name}'"


@dataclass(frozen=True)
class RoleRef:
    """A role as findings name it: title and id (the id is what lint maps to YAML)."""

    role_id: str
    title: str

    def label(self, lang: str = "en") -> str:
        """``Title (id)``; in Chinese text ``标题（id）``, full-width."""
        return f"{self.title}（{self.role_id}）" if lang == "zh" else f"{self.title} ({self.role_id})"

    def to_dict(self) -> dict[str, str]:
        return {"id": self.role_id, "title": self.title}


def role_ref(g: nx.DiGraph, n: str) -> RoleRef:
    d = g.nodes[n]
    return RoleRef(d.get("role_id") or n, d.get("title") or n)


def role_refs(g: nx.DiGraph, nodes: Iterable[str]) -> tuple[RoleRef, ...]:
    """Distinct roles of some nodes, in the order first met."""
    seen: dict[str, RoleRef] = {}
    for n in nodes:
        ref = role_ref(g, n)
        seen.setdefault(ref.role_id, ref)
    return tuple(seen.values())


def join(lang: str, items: Iterable[str]) -> str:
    items = list(items)
    sep = "、" if lang == "zh" else ", "
    return sep.join(items)


def scope_key(cov: dict[str, list[str]] | None) -> ScopeKey:
    return tuple((axis, tuple(values)) for axis, values in sorted((cov or {}).items()))


def merge_scopes(scopes: Iterable[dict[str, list[str]]], order: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Union of several scopes, axis by axis; an axis missing from any of them means "all"."""
    scopes = list(scopes)
    if not scopes:
        return {}
    axes = set.intersection(*(set(s) for s in scopes))
    out: dict[str, list[str]] = {}
    for axis in sorted(axes):
        values: dict[str, None] = {}
        for s in scopes:
            values.update(dict.fromkeys(s[axis]))
        ranked = {v: i for i, v in enumerate((order or {}).get(axis) or [])}
        out[axis] = sorted(values, key=lambda v: (ranked.get(v, len(ranked)), v))
    return out


def format_scope(scope: dict[str, list[str]] | ScopeKey, lang: str = "en") -> str:
    """'region: East, West; segment: SMB', or 'the whole department' when unrestricted."""
    items = scope.items() if isinstance(scope, dict) else scope
    parts = []
    for axis, values in items:
        name = AXIS_NAMES.get(axis, (axis, axis))[1 if lang == "zh" else 0]
        parts.append(f"{name}: {join(lang, values)}" if lang != "zh" else f"{name}：{join(lang, values)}")
    if not parts:
        return pick(lang, "the whole department", "全部门")
    return ("；" if lang == "zh" else "; ").join(parts)


def unit_text(unit: str, lang: str = "en") -> str:
    """A unit label from :func:`units_of` ("product: Analytics") in ``lang`` ("产品：Analytics")."""
    axis, sep, label = unit.partition(": ")
    if lang == "zh" and sep and axis in AXIS_NAMES:
        return f"{AXIS_NAMES[axis][1]}：{label}"
    return unit


def join_units(lang: str, units: Iterable[str]) -> str:
    return join(lang, (unit_text(u, lang) for u in units))


def units_of(g: nx.DiGraph, nodes: Iterable[str], data: Mapping[str, Mapping[str, Any]] | None = None) -> tuple[str, ...]:
    """Unit labels of some nodes ("product: Analytics"), in order first met, shared roles skipped.
    ``data``: the nodes' attributes as a plain dict, when the caller has one (faster than g.nodes)."""
    info = g.graph.get("units", {})
    attrs = data if data is not None else g.nodes
    units: dict[str, None] = {}
    for n in nodes:
        u = attrs[n].get("unit")
        if u:
            units[u] = None
    out: dict[str, None] = {}
    for u in units:
        unit = info.get(u)
        out.setdefault(f"{unit['axis']}: {unit['label']}" if unit else str(u), None)
    return tuple(out)


def scope_axes(g: nx.DiGraph) -> dict[str, list[str]]:
    """The department's dimensions that have values: {axis: [values]} in declaration order."""
    dims = g.graph.get("dimensions") or {}
    return {axis: list(dims[axis]) for axis in AXES if dims.get(axis)}


def bucket_axis(g: nx.DiGraph) -> str | None:
    """The axis that partitions replicas (the structure's cut), when it is a coverage axis."""
    axis = g.graph.get("axis")
    return axis if axis in AXES else None


def index_attr(g: nx.DiGraph, attr: str) -> dict[str, list[str]]:
    """item (duty or KPI, as written) -> role nodes holding it, in declaration order. One pass."""
    out: dict[str, list[str]] = {}
    for n, d in roles(g):
        for item in d.get(attr) or ():
            owners = out.setdefault(item, [])
            if not owners or owners[-1] != n:
                owners.append(n)
    return out


class Tree:
    """The solid reporting tree with DFS entry/exit times: O(1) "is a above b?" and depths."""

    def __init__(self, g: nx.DiGraph):
        self.tin: dict[str, int] = {}
        self.tout: dict[str, int] = {}
        self.depth: dict[str, int] = {}
        self.children: dict[str, list[str]] = {n: [] for n in g}
        managed: set[str] = set()  # nodes with a solid-line manager
        kind: object
        for u, v, kind in g.edges(data="kind"):
            if kind == SOLID:
                self.children[u].append(v)
                managed.add(v)
        root: str | None = g.graph.get("external")
        starts: list[str] = [root] if root is not None and root in g else []
        starts += [n for n in g if n not in managed and n != root]
        tin, tout, depth, children = self.tin, self.tout, self.depth, self.children
        clock = 0
        for start in starts:
            if start in tin:
                continue
            # iterative DFS: one iterator over each open node's reports
            depth[start] = 0
            tin[start] = clock
            clock += 1
            path = [start]
            pending = [iter(children[start])]
            while pending:
                child = next(pending[-1], None)
                if child is None:
                    pending.pop()
                    tout[path.pop()] = clock
                    clock += 1
                elif child not in tin:
                    depth[child] = depth[path[-1]] + 1
                    tin[child] = clock
                    clock += 1
                    path.append(child)
                    pending.append(iter(children[child]))

    def above(self, a: str, b: str) -> bool:
        """True when ``a`` is a (direct or indirect) solid-line manager of ``b``."""
        return a != b and self.tin[a] < self.tin[b] and self.tout[b] < self.tout[a]

    def related(self, a: str, b: str) -> bool:
        """True when one of ``a`` and ``b`` is a (direct or indirect) solid-line manager of the
        other (DFS intervals nest, so ``b`` starting inside ``a``'s interval is enough)."""
        tin, tout = self.tin, self.tout
        return tin[a] < tin[b] < tout[a] or tin[b] < tin[a] < tout[b]


_TREES: "weakref.WeakKeyDictionary[nx.DiGraph, tuple[int, int, Tree]]" = weakref.WeakKeyDictionary()


def tree_of(g: nx.DiGraph) -> Tree:
    """The Tree of a graph, built once per graph (and rebuilt if the graph changed size)."""
    size = (g.number_of_nodes(), len(g.edges))  # len(edges) sums dict sizes; number_of_edges() walks degree views (5x slower)
    cached = _TREES.get(g)
    if cached is not None and cached[:2] == size:
        return cached[2]
    tree = Tree(g)
    _TREES[g] = (*size, tree)
    return tree


def jsonable(value: Any) -> Any:
    """Tuples to lists, recursively (for to_dict)."""
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value
