"""What `csdesign serve` knows: the files it was given, their last good load, and the views
the page asks for (chart or matrix grid, per structure, side and language).

The application layer of the server (load -> build -> analyse -> render fragments); no HTTP
here, so it is tested without a browser. A file that stops loading keeps its last good org:
the page shows the located error (the text the CLI prints) beside the last good chart.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from csdesign.errors import CsdesignError, InputError

#: Page views: the interactive chart, or the matrix grid (units x dotted-line leads).
VIEWS = ("chart", "grid")
SIDES = ("after", "before")


@dataclass
class Source:
    """One watched file: where it is, its last good org, and its current error (if any)."""

    path: Path
    shown: str  # the path as the user gave it: what messages and file:line show
    org: Any = None  # model.Org of the last good load
    error: str | None = None
    stamp: tuple[int, int, int] | None = None

    def check(self) -> bool:
        """Reload when the file changed on disk (mtime, size or inode); True when it did."""
        stamp = _stamp(self.path)
        if stamp == self.stamp and self.stamp is not None:
            return False
        self.stamp = stamp
        from csdesign.model import load_org

        try:
            org = load_org(self.shown)
            from csdesign.structures import build

            build(org)  # a file that loads but cannot be built (a cycle, say) is broken too
        except CsdesignError as exc:
            self.error = exc.render()
        else:
            self.org, self.error = org, None
        return True


def _stamp(path: Path) -> tuple[int, int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (-1, -1, -1)
    return (st.st_mtime_ns, st.st_size, st.st_ino)


@dataclass
class Workbench:
    """The served files (``after`` first, optional ``before``) and a cache of built views.

    ``version`` goes up whenever a file changes on disk; the page asks again when it does.
    Thread-safe: the file watcher refreshes while requests read."""

    sources: dict[str, Source]
    lang: str = "en"
    version: int = 0
    _cache: dict[tuple, dict] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def open(cls, after: str, before: str | None = None, lang: str = "en") -> "Workbench":
        for p in (after, before):
            if p is not None and not Path(p).is_file():
                raise InputError(f"{p}: no such file", hint="give the path of an org YAML file")
        sources = {"after": Source(Path(after).resolve(), after)}
        if before is not None:
            sources["before"] = Source(Path(before).resolve(), before)
        wb = cls(sources, lang)
        wb.refresh()
        return wb

    def paths(self) -> set[Path]:
        return {s.path for s in self.sources.values()}

    def refresh(self) -> bool:
        """Re-read changed files; True (and a new version) when anything changed."""
        with self._lock:
            changed = [s.check() for s in self.sources.values()]
            if any(changed):
                self.version += 1
                self._cache.clear()
            return any(changed)

    def view(self, *, side: str = "after", structure: str | None = None, view: str = "chart", lang: str | None = None) -> dict:
        """Everything the page shows for one choice, as JSON-ready data (strings in it are
        plain text, except ``chart``, which is HTML whose user text is already escaped)."""
        lang = lang if lang in ("en", "zh") else self.lang
        side = side if side in self.sources else "after"
        view = view if view in VIEWS else "chart"
        with self._lock:
            key = (self.version, side, structure, view, lang)
            if key not in self._cache:
                self._cache[key] = self._build(side, structure, view, lang)
            return self._cache[key]

    def _build(self, side: str, structure: str | None, view: str, lang: str) -> dict:
        from csdesign.structures import NAMES

        src = self.sources[side]
        out: dict[str, Any] = {
            "version": self.version, "side": side, "sides": list(self.sources), "view": view, "lang": lang,
            "structures": list(NAMES), "structure_labels": {n: _label(n, lang) for n in NAMES}, "structure": structure, "title": src.shown, "error": src.error,
            "errors": {k: s.error for k, s in self.sources.items() if s.error}, "chart": None,
            "links": {"links": [], "leads": []}, "findings": [], "diff": [], "boxes": 0,
        }
        if src.org is None:
            return out
        from csdesign.structures import build

        try:
            g = build(src.org, structure)
        except CsdesignError as exc:
            out["error"] = exc.render()
            return out
        from csdesign.knowledge.guide import structure_label
        from csdesign.structures.contract import roles

        out["structure"] = g.graph.get("structure")
        out["title"] = f"{g.graph.get('company', '')} · {structure_label(str(g.graph.get('structure')), lang)}"
        out["boxes"] = sum(1 for _ in roles(g))
        out["chart"] = _chart(g, view, lang)
        out["links"] = _links(g) if view == "chart" else {"links": [], "leads": []}
        own = structure is None or structure == g.graph.get("structure") == _file_structure(src.org)
        out["findings"] = findings(g, src, lang, lint=own)
        if "before" in self.sources and self.sources["before"].org is not None and side == "after" and "after" in self.sources:
            out["diff"] = changes(self.sources["before"].org, src.org, structure, lang)
        return out


def _label(structure: str, lang: str) -> str:
    from csdesign.knowledge.guide import structure_label

    return structure_label(structure, lang)


def _links(g: Any) -> dict:
    from csdesign.render.chart.html import chart_links

    return chart_links(g)


def _chart(g: Any, view: str, lang: str) -> str:
    if view == "grid":
        from csdesign.render.chart.matrix_grid import grid_html

        table = grid_html(g, lang, node_ids=True)
        if table:
            return table
        none = "这个结构没有虚线汇报关系，矩阵表为空。" if lang == "zh" else "This structure has no dotted lines, so the matrix grid is empty."
        return f'<p class="empty">{none}</p>'
    from csdesign.render.chart.html import chart_fragment

    return chart_fragment(g, node_ids=True, lang=lang)


def _file_structure(org: Any) -> str | None:
    structure = getattr(org.model, "structure", None)
    return structure.type.value if structure is not None else None


def findings(g: Any, src: Source, lang: str, *, lint: bool = True) -> list[dict]:
    """The report's findings (with the boxes they involve and a file:line), then lint's
    (only for the structure the file declares: that is the one lint checks)."""
    from csdesign.analysis import run_all
    from csdesign.analysis.registry import ANALYSES

    report = run_all(g)
    out: list[dict] = []
    for kind, a in ANALYSES.highlights().items():
        assert a.highlight is not None
        en, zh = a.highlight.label
        for finding in report.findings_of(a.name):
            nodes = [n for n in finding.nodes if n in g]
            out.append({"kind": kind, "label": zh if lang == "zh" else en, "colour": a.highlight.colour, "severity": "warning",
                        "message": finding.message(lang), "hint": None, "where": _where(g, src, nodes), "nodes": nodes})
    if lint:
        by_message = {f["message"]: f for f in out}
        for f in _lint(g, src, lang):
            same = by_message.get(f["message"])
            if same is not None:  # a lint rule that reports an analysis finding: one entry, lint's location
                same.update(severity=f["severity"], where=f["where"], hint=f["hint"], label=f"{same['label']} · {f['label'].split(' ', 1)[0]}")
            else:
                out.append(f)
    return out


def _where(g: Any, src: Source, nodes: list[str]) -> str:
    for n in nodes:
        source = g.nodes[n].get("source")
        if source:
            line, col = src.org.where(tuple(source))
            if line is not None:
                return f"{src.shown}:{line}:{col}"
    return src.shown


def _lint(g: Any, src: Source, lang: str) -> list[dict]:
    from csdesign.lint.config import load_config
    from csdesign.lint.runner import lint_file
    from csdesign.model.yamlsource import format_path

    try:
        config = load_config(start=src.path.parent)
    except CsdesignError:
        from csdesign.lint.config import LintConfig

        config = LintConfig()
    config.lang = lang
    found, _ = lint_file(src.path, config, src.shown)
    by_path: dict[str, list[str]] = {}
    for n, d in g.nodes(data=True):
        if d.get("source"):
            by_path.setdefault(format_path(tuple(d["source"])), []).append(n)
    out = []
    for f in found:
        nodes = sorted({n for p, ns in by_path.items() if f.path and (f.path == p or f.path.startswith((p + ".", p + "["))) for n in ns},
                       key=list(g.nodes).index)
        where = ":".join(str(x) for x in (f.file, f.line, f.column) if x is not None)
        out.append({"kind": "lint", "label": f"{f.code} {f.name}", "colour": "#595959", "severity": f.severity,
                    "message": f.message, "hint": f.hint, "where": where, "nodes": nodes})
    return out


def changes(before: Any, after: Any, structure: str | None, lang: str) -> list[dict]:
    """The boxes added, moved and removed from ``before`` to ``after`` (diff's box list)."""
    from csdesign.analysis.diff import diff
    from csdesign.structures import build

    try:
        d = diff(build(before, structure), build(after, structure))
    except CsdesignError:
        return []
    return [{"status": b.status, "title": b.title, "node": b.node, "changes": [list(map(_text, c)) for c in b.changes]}
            for b in d.boxes]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)
