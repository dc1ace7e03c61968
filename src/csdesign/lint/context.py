"""What a rule sees (:class:`LintContext`), what it yields (:class:`Hit`) and what lint reports (:class:`Finding`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from csdesign.model.yamlsource import PathKey

    from csdesign.model import Org


@dataclass(frozen=True)
class Finding:
    """One located lint result; sorted by file, line, column, code."""

    code: str
    name: str
    severity: str  # error | warning | info
    message: str
    file: str
    line: int | None = None
    column: int | None = None
    path: str | None = None  # e.g. roles[3].reports_to
    hint: str | None = None

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.column or 0, self.code, self.message)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "hint": self.hint,
        }


@dataclass(frozen=True)
class Hit:
    """What a rule check yields: a message and where (a graph node or a YAML path)."""

    message: str
    node: str | None = None
    path: PathKey | None = None
    hint: str | None = None
    key: bool = False  # point at the key rather than the value


@dataclass
class LintContext:
    """One file being linted: the validated org, its graph, the rule options, memoised analyses."""

    org: "Org"
    graph: "nx.DiGraph"
    options: dict[str, Any]
    lang: str = "en"  # language of analysis messages (en | zh)
    capacity: Any = None  # the [capacity] config table (csdesign.config.Table), or None
    _cache: dict[str, Any] = field(default_factory=dict)

    def analysis(self, name: str, compute: Callable[[], Any] | None = None, **options: Any) -> Any:
        """Run an analysis once per file however many rules read it: a registered analysis by
        name (``options`` as for ``run_all``: ``bands``, ``capacity_defaults``), or ``compute``
        for a lint-only one (islands)."""
        key = f"{name}:{sorted(options.items())!r}" if options else name
        if key not in self._cache:
            if compute is None:
                from csdesign.analysis.registry import ANALYSES

                entry = ANALYSES[name]
                if not entry.lint:
                    raise ValueError(f"analysis {name!r} does not feed lint (set lint=True in its registry entry)")
                self._cache[key] = entry.execute(self.graph, **options)
            else:
                self._cache[key] = compute()
        return self._cache[key]

    def node_path(self, node: str, *sub: str | int) -> PathKey:
        """The YAML path of a graph node (its ``source``), optionally extended."""
        source = self.graph.nodes[node].get("source") if node in self.graph else None
        return (*source, *sub) if source else ()

    def duty_path(self, node: str, listname: str, item: str) -> PathKey:
        """Path of ``item`` in a node's ``duties`` / ``kpis`` list, else of the node."""
        items = self.graph.nodes[node].get(listname) or []
        return self.node_path(node, listname, items.index(item)) if item in items else self.node_path(node)

    def catalogue_path(self, section: str, name: str) -> PathKey:
        """Path of ``name`` in a top-level list (``duties`` / ``kpis``), else of the section."""
        names = [item.name for item in getattr(self.org.model, section, None) or []]
        return (section, names.index(name)) if name in names else (section,)

    def describe(self, node: str) -> str:
        """How a message names a node: role id, plus the unit it is replicated into."""
        d = self.graph.nodes[node]
        rid = d.get("role_id") or node
        unit = d.get("unit")
        if unit:
            info = self.graph.graph.get("units", {}).get(unit)
            label = info["value"] if info else unit
            return f"'{rid}' ({label})"
        return f"'{rid}'"

    def locate(self, hit: Hit) -> tuple[int | None, int | None, str | None]:
        """(line, column, dotted path) of a hit."""
        path: PathKey | None = hit.path
        if path is None and hit.node is not None:
            path = self.node_path(hit.node)
        if not path:
            return (None, None, None)
        from csdesign.model.yamlsource import format_path

        line, col = self.org.where(path, key=hit.key)
        return (line, col, format_path(path))
