"""What a lint run returns (:class:`LintResult`, :class:`Crash`) and whether it fails.

Apart from the runner so that a run whose files all hit the result cache builds its result
and exit code without importing the runner, the rule registry, the configuration loader and
the suppression parser (tests/test_cold_start.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from csdesign.lint.context import Finding

#: Severity name -> rank (``--fail-on`` compares ranks); lint.registry.Severity.rank reads it.
SEVERITY_RANK = {"error": 2, "warning": 1, "info": 0}


@dataclass
class Crash:
    file: str
    code: str
    name: str
    error: str

    def render(self) -> str:
        return f"{self.file}: rule {self.code} ({self.name}) crashed: {self.error} (this is a csdesign bug; please report it)"


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    crashes: list[Crash] = field(default_factory=list)
    lang: str = "en"  # language of the text report's own words (severity tags, summary line)
    #: Paths that could not be read (lint.discover.Unreadable): not linted, exit 2.
    unreadable: list = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def _rank(severity: str) -> int:
    if severity in SEVERITY_RANK:
        return SEVERITY_RANK[severity]
    from csdesign.lint.registry import Severity  # not a severity: its error, as before

    return Severity(severity).rank


def fails(result: LintResult, fail_on: str) -> bool:
    """True when a finding is at or above ``fail_on``."""
    floor = _rank(fail_on)
    return any(_rank(f.severity) >= floor for f in result.findings)


__all__ = ["SEVERITY_RANK", "Crash", "LintResult", "fails"]
