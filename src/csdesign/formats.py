"""Output-format registries: one per family (chart, report, diff, compare, recommend, lint, export).

A :class:`Format` names a format, the file suffixes that select it, its writer and one line of
help. The writer is a ``"module:function"`` string, imported only when that format is written,
so a registry costs nothing at start-up (``csdesign --help`` imports no writer). CLI choices and
help, suffix inference, the "use one of ..." errors and docs/formats.md are all generated from
the registries; adding a format is one :class:`Format` line plus its writer module
(docs/contributing.md).

Stdlib only: every layer may import this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any, Callable, Iterator

from csdesign.errors import OutputError, did_you_mean


@dataclass(frozen=True)
class Format:
    """One output format of a family.

    ``writer`` returns the document (text or bytes) from the family's result; its signature is
    the family's (see the family's ``formats.py``). ``terminal``, when set, is the writer used
    instead when the output goes to a terminal (a rich renderable). ``traits`` are family-specific
    flags (for example ``graphviz`` for charts drawn by Graphviz); ``requires`` names analyses
    the format needs (``report --format csv`` needs ``raci``).
    """

    name: str
    writer: str
    help: str
    suffixes: tuple[str, ...] = ()
    terminal: str | None = None
    traits: frozenset[str] = field(default_factory=frozenset)
    requires: tuple[str, ...] = ()

    def load(self) -> Callable[..., Any]:
        """The writer function (its module is imported now, not before)."""
        return _load(self.writer)

    def load_terminal(self) -> Callable[..., Any]:
        return _load(self.terminal or self.writer)


def _load(ref: str) -> Callable[..., Any]:
    module, _, name = ref.partition(":")
    func: Callable[..., Any] = getattr(import_module(module), name)
    return func


class FormatRegistry:
    """The formats of one family, in the order the CLI lists them."""

    def __init__(self, family: str, formats: list[Format] | tuple[Format, ...] = (), *, what: str = "output") -> None:
        self.family = family
        #: used in messages: "cannot tell the {what} format of 'x.doc'"
        self.what = what
        self._formats: dict[str, Format] = {}
        for f in formats:
            self.register(f)

    def register(self, fmt: Format) -> Format:
        """Add ``fmt`` (a new name, and suffixes no other format of this family claims)."""
        if fmt.name in self._formats:
            raise ValueError(f"{self.family}: format {fmt.name!r} is already registered")
        for s in fmt.suffixes:
            if not s.startswith(".") or s != s.lower():
                raise ValueError(f"{self.family}: suffix {s!r} must be lower case and start with '.'")
            owner = self.by_suffix(s)
            if owner is not None:
                raise ValueError(f"{self.family}: suffix {s!r} already selects {owner.name!r}")
        self._formats[fmt.name] = fmt
        return fmt

    def unregister(self, name: str) -> None:
        """Remove a format (tests that register a throwaway one clean up with this)."""
        del self._formats[name]

    def __iter__(self) -> Iterator[Format]:
        return iter(self._formats.values())

    def __contains__(self, name: object) -> bool:
        return name in self._formats

    def __getitem__(self, name: str) -> Format:
        return self._formats[name]

    def names(self) -> tuple[str, ...]:
        return tuple(self._formats)

    def suffixes(self) -> tuple[str, ...]:
        return tuple(s for f in self for s in f.suffixes)

    def by_suffix(self, suffix: str) -> Format | None:
        suffix = suffix.lower()
        return next((f for f in self if suffix in f.suffixes), None)

    def with_trait(self, trait: str) -> tuple[str, ...]:
        return tuple(f.name for f in self if trait in f.traits)

    def get(self, name: str, option: str = "--format") -> Format:
        """The format called ``name`` (any case), or a usage error naming every choice."""
        key = name.strip().lower()
        if key not in self._formats:
            raise OutputError(f"{option}: unknown format '{name}'" + did_you_mean(key, self.names()), hint="use one of " + ", ".join(self.names()))
        return self._formats[key]

    def for_path(self, path: str | Path) -> Format:
        """The format a file's suffix selects, or a usage error listing suffixes and formats."""
        found = self.by_suffix(Path(path).suffix)
        if found is None:
            raise OutputError(
                f"cannot tell the {self.what} format of '{path}'",
                hint="use a suffix (" + ", ".join(self.suffixes()) + ") or --format " + "|".join(self.names()),
            )
        return found

    def choose(self, explicit: str | None, path: str | Path | None, default: str | None = None) -> Format:
        """``--format`` if given, else the suffix of ``path``, else ``default``."""
        if explicit:
            return self.get(explicit)
        if path is not None:
            return self.for_path(path)
        if default is None:
            raise OutputError(f"no {self.what} format given", hint="use --format " + "|".join(self.names()))
        return self._formats[default]

    def help(self, lead: str = "") -> str:
        """CLI help for ``--format``: every format with its help text, in order."""
        items = [f"{f.name} ({f.help})" if f.help else f.name for f in self]
        return lead + ", ".join(items) + "."

    def metavar(self) -> str:
        return "[" + "|".join(self.names()) + "]"

    def markdown(self) -> str:
        """A Markdown table of the family's formats (docs/formats.md is made of these)."""
        rows = ["| format | suffixes | what it writes |", "|---|---|---|"]
        for f in self:
            rows.append(f"| `{f.name}` | {', '.join(f'`{s}`' for s in f.suffixes) or '—'} | {f.help} |")
        return "\n".join(rows) + "\n"


#: Every family's registry, by reference (importing one does not import the others).
FAMILIES = {
    "chart": ("csdesign render", "csdesign.render.chart.formats:CHART_FORMATS"),
    "report": ("csdesign report", "csdesign.render.report.formats:REPORT_FORMATS"),
    "diff": ("csdesign diff", "csdesign.render.diff.formats:DIFF_FORMATS"),
    "compare": ("csdesign compare", "csdesign.render.compare.formats:COMPARE_FORMATS"),
    "recommend": ("csdesign recommend", "csdesign.render.compare.formats:RECOMMEND_FORMATS"),
    "lint": ("csdesign lint", "csdesign.lint.reporters:LINT_FORMATS"),
    "export": ("csdesign export", "csdesign.interchange.formats:EXPORT_FORMATS"),
    "jd": ("csdesign jd", "csdesign.render.jd.formats:JD_FORMATS"),
}


def family(name: str) -> FormatRegistry:
    module, _, attr = FAMILIES[name][1].partition(":")
    registry: FormatRegistry = getattr(import_module(module), attr)
    return registry


def formats_markdown() -> str:
    """docs/formats.md: every family's formats (tests keep the file equal to this)."""
    parts = [
        "# Output formats\n",
        "Generated from the format registries (`csdesign/formats.py`, one `formats.py` per family);",
        "`tests/test_formats_registry.py` keeps this page equal to them. `--format` takes a name;",
        "where a family lists suffixes, `-o FILE` picks the format from the suffix when `--format`",
        "is not given. How to add a format: [contributing.md](contributing.md#add-an-output-format).\n",
    ]
    for name, (command, _) in FAMILIES.items():
        parts.append(f"## {name} (`{command}`)\n")
        parts.append(family(name).markdown())
    return "\n".join(parts)
