"""The rule registry: one entry per rule, the single source for lint, `csdesign rule` and docs.

A rule is a code (family prefix + 3 digits), a kebab-case name, a default severity, a
one-line summary and an explanation (the why, from the seed articles, and the fix). Rules
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
        return {"error": 2, "warning": 1, "info": 0}[self.value]


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
    family: str = field(init=False)

    def __post_init__(self) -> None:
        m = CODE_RE.match(self.code)
        if not m or m["family"] not in FAMILIES:
            raise ValueError(f"bad rule code {self.code!r}: want a family prefix ({', '.join(FAMILIES)}) and 3 digits")
        if not NAME_RE.match(self.name):
            raise ValueError(f"bad rule name {self.name!r}: want kebab-case")
        if "\n" in self.summary or not self.summary.strip():
            raise ValueError(f"{self.code}: the summary must be one non-empty line")
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
) -> Callable[[Callable[["LintContext"], Iterable["Hit"]]], Callable[["LintContext"], Iterable["Hit"]]]:
    """Decorator: register the decorated function as the check of a new rule."""

    def wrap(fn: Callable[["LintContext"], Iterable["Hit"]]) -> Callable[["LintContext"], Iterable["Hit"]]:
        register(Rule(code, name, Severity(severity), summary, _dedent(explanation), fn, options))
        return fn

    return wrap


def produced(code: str, name: str, summary: str, explanation: str, severity: str = "error", blocking: bool = True) -> Rule:
    """Register a rule whose findings are made outside a check function.

    Loader and builder problems are ``blocking`` (the file could not be checked fully); the
    lint machinery's own findings (LN: suppressions) are not.
    """
    return register(Rule(code, name, Severity(severity), summary, _dedent(explanation), None, (), blocking=blocking))


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text).strip()


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
