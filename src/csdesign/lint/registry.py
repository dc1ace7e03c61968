"""The rule registry: one entry per rule, the single source for lint, `csdesign rule` and docs.

A rule is a code (family prefix + 3 digits), a kebab-case name, a default severity, a
one-line summary and an explanation (the why, from the source articles, and the fix), each
in English and Chinese (``csdesign rule --lang zh``). An article is cited as ``«003»``:
knowledge/sources.py replaces it with the article's title. Rules
whose findings come from loading or building the org (S*, RL001-RL005, ST001) have no check
function: the runner turns the loader's and builder's located problems into their findings.
Every other rule is one function decorated with :func:`rule` in its family's module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from csdesign.lint.context import Hit, LintContext


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        from csdesign.lint.result import SEVERITY_RANK

        return SEVERITY_RANK[self.value]


#: Rule families: code prefix -> title (the order is the order in docs and listings).
FAMILIES: dict[str, str] = {
    "S": "Schema and parse",
    "RL": "Reporting lines",
    "SP": "Spans and layers",
    "RS": "Responsibilities",
    "KP": "KPIs",
    "ST": "Structure fit",
    "CP": "Capacity",
    "LN": "Lint itself",
}
#: The families' titles in Chinese.
FAMILIES_ZH: dict[str, str] = {
    "S": "格式与解析",
    "RL": "汇报关系",
    "SP": "管理幅度与层级",
    "RS": "职责",
    "KP": "指标",
    "ST": "结构匹配",
    "CP": "人力容量",
    "LN": "lint 自身",
}

CODE_RE = re.compile(r"^(?P<family>[A-Z]{1,2})(?P<number>\d{3})$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Option:
    """A rule option settable in ``[tool.csdesign.lint.options]``."""

    name: str  # kebab-case key in the config file
    default: Any
    help: str
    #: Extra validation: returns an error message for a bad value, None when it is fine.
    check: Callable[[Any], str | None] | None = None
    help_zh: str = ""

    def help_in(self, lang: str) -> str:
        return self.help_zh if lang == "zh" and self.help_zh else self.help


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    check: Callable[["LintContext"], Iterable["Hit"]] | None = None
    options: tuple[Option, ...] = ()
    #: Produced while loading/building: the file could not be checked fully, so the
    #: finding can be neither ignored, suppressed nor lowered below error.
    blocking: bool = False
    summary_zh: str = ""
    explanation_zh: str = ""
    family: str = field(init=False)

    def doc(self, lang: str = "en") -> tuple[str, str]:
        """(summary, explanation) in ``lang``; English when a rule has no Chinese text."""
        if lang == "zh" and self.summary_zh:
            return self.summary_zh, self.explanation_zh
        return self.summary, self.explanation

    def __post_init__(self) -> None:
        m = CODE_RE.match(self.code)
        if not m or m["family"] not in FAMILIES:
            raise ValueError(f"bad rule code {self.code!r}: want a family prefix ({', '.join(FAMILIES)}) and 3 digits")
        if not NAME_RE.match(self.name):
            raise ValueError(f"bad rule name {self.name!r}: want kebab-case")
        if "\n" in self.summary or not self.summary.strip():
            raise ValueError(f"{self.code}: the summary must be one non-empty line")
        if "\n" in self.summary_zh:
            raise ValueError(f"{self.code}: the Chinese summary must be one line")
        object.__setattr__(self, "family", m["family"])


#: code -> Rule, filled by the family modules (imported by :func:`all_rules`).
REGISTRY: dict[str, Rule] = {}


def register(r: Rule) -> Rule:
    if r.code in REGISTRY:
        raise ValueError(f"rule {r.code} is registered twice")
    if any(other.name == r.name for other in REGISTRY.values()):
        raise ValueError(f"rule name {r.name!r} is used twice")
    REGISTRY[r.code] = r
    return r


def rule(
    code: str,
    name: str,
    severity: str,
    summary: str,
    explanation: str,
    options: tuple[Option, ...] = (),
    zh: tuple[str, str] = ("", ""),
) -> Callable[[Callable[["LintContext"], Iterable["Hit"]]], Callable[["LintContext"], Iterable["Hit"]]]:
    """Decorator: register the decorated function as the check of a new rule; ``zh`` is the
    Chinese (summary, explanation)."""

    def wrap(fn: Callable[["LintContext"], Iterable["Hit"]]) -> Callable[["LintContext"], Iterable["Hit"]]:
        register(Rule(code, name, Severity(severity), summary, doc_text(explanation), fn, options,
                      summary_zh=zh[0], explanation_zh=doc_text(zh[1], "zh")))
        return fn

    return wrap


def produced(code: str, name: str, summary: str, explanation: str, severity: str = "error", blocking: bool = True,
             zh: tuple[str, str] = ("", "")) -> Rule:
    """Register a rule whose findings are made outside a check function.

    Loader and builder problems are ``blocking`` (the file could not be checked fully); the
    lint machinery's own findings (LN: suppressions) are not.
    """
    return register(Rule(code, name, Severity(severity), summary, doc_text(explanation), None, (), blocking=blocking,
                         summary_zh=zh[0], explanation_zh=doc_text(zh[1], "zh")))


def doc_text(text: str, lang: str = "en") -> str:
    """A docstring-style explanation dedented and stripped, its «NNN» article tokens cited."""
    import textwrap

    from csdesign.knowledge.sources import expand

    text = expand(textwrap.dedent(text).strip(), lang)
    return unwrap_cjk(text) if lang == "zh" else text


def unwrap_cjk(text: str) -> str:
    """Chinese paragraphs as one line each: a line break between two Chinese characters would
    show as a stray space in Markdown (list items, ``- ...``, stay one per line)."""
    import unicodedata

    def wide(ch: str) -> bool:
        return unicodedata.east_asian_width(ch) in ("W", "F") or ch in "“”‘’…—"

    paragraphs = []
    for para in text.split("\n\n"):
        lines: list[str] = []
        for raw in para.split("\n"):
            if not lines or raw.startswith("- "):
                lines.append(raw)
                continue
            nxt = raw.strip()
            prev = lines[-1]
            glued = bool(prev and nxt) and wide(prev[-1]) and (wide(nxt[0]) or prev[-1] in "，。；：、（“")
            lines[-1] = prev + ("" if glued else " ") + nxt
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _sort_key(code: str) -> tuple[int, int]:
    m = CODE_RE.match(code)
    assert m
    return (list(FAMILIES).index(m["family"]), int(m["number"]))


def all_rules() -> list[Rule]:
    """Every rule, in family order then number."""
    from csdesign.lint import rules  # noqa: F401 - importing registers the families
    from csdesign.lint.rules.analyses import register_analysis_rules

    register_analysis_rules()
    return [REGISTRY[c] for c in sorted(REGISTRY, key=_sort_key)]


def get(code: str) -> Rule | None:
    """A rule by code (case-insensitive) or by name."""
    all_rules()
    key = code.strip()
    if key.upper() in REGISTRY:
        return REGISTRY[key.upper()]
    return next((r for r in REGISTRY.values() if r.name == key.lower()), None)


def option(name: str) -> Option:
    """A rule option by name."""
    for r in all_rules():
        for opt in r.options:
            if opt.name == name:
                return opt
    raise KeyError(name)


def option_defaults() -> dict[str, Any]:
    """Every rule option's default, keyed by option name (names are unique across rules)."""
    out: dict[str, Any] = {}
    for r in all_rules():
        for opt in r.options:
            out[opt.name] = opt.default
    return out
