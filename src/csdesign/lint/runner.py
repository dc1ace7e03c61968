"""Lint files: loader problems, builder problems, then every selected rule over the graph.

A file that cannot be loaded or built gets its blocking findings (S*, RL00x, ST001) and no
graph rules. A rule (or the loader, or the builder) that raises is recorded as a crash (the
CLI exits 2); it never passes silently and never stops the other rules or files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from csdesign.errors import CsdesignError, Problem
from csdesign.lint import suppress
from csdesign.lint.config import LintConfig
from csdesign.lint.context import Finding, Hit, LintContext
from csdesign.lint.registry import REGISTRY, Rule, all_rules


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


def lint_paths(paths: list[str], config: LintConfig, cwd: Path | None = None, *, skip_non_org: bool = False) -> LintResult:
    from csdesign.lint.discover import discover

    result = LintResult(lang=config.lang)
    for path, shown in discover(paths, config.exclude, cwd, skip_non_org=skip_non_org, problems=result.unreadable):
        findings, crashes = lint_file(path, config, shown)
        result.files.append(shown)
        result.findings.extend(findings)
        result.crashes.extend(crashes)
    result.findings.sort(key=Finding.sort_key)
    return result


def lint_file(path: Path, config: LintConfig, shown: str | None = None) -> tuple[list[Finding], list[Crash]]:
    """Findings (sorted) and rule crashes for one file."""
    from csdesign.model import collect_problems

    rules = all_rules()
    shown = shown or path.as_posix()
    enabled = {r.code for r in rules if config.enabled(r)}
    findings: list[Finding] = []
    crashes: list[Crash] = []
    try:
        org, problems = collect_problems(path)
    except Exception as exc:  # a bug in the loader: report this file, go on with the others
        crashes.append(Crash(shown, "S001", "yaml-syntax", f"{type(exc).__name__}: {exc}"))
        return findings, crashes
    if org is not None and not problems:
        from csdesign.structures import build

        try:
            graph = build(org)
        except CsdesignError as exc:
            problems = exc.problems or [Problem(exc.message, str(path), hint=exc.hint, code="S002")]
        except Exception as exc:  # a bug in the builder: the same
            crashes.append(Crash(shown, "S002", "schema", f"{type(exc).__name__}: {exc}"))
            return findings, crashes
        else:
            ctx = LintContext(org, graph, config.options, config.lang, config.capacity)
            for r in rules:
                if r.check is None or r.code not in enabled:
                    continue
                try:
                    hits = list(r.check(ctx))
                except Exception as exc:  # a bug in a rule: report it, never pass silently
                    crashes.append(Crash(shown, r.code, r.name, f"{type(exc).__name__}: {exc}"))
                    continue
                findings.extend(_from_hit(r, h, ctx, shown, config) for h in hits)
    for p in problems:
        r = REGISTRY.get(p.code) or REGISTRY["S002"]
        message, hint = p.worded(config.lang)
        findings.append(Finding(r.code, r.name, config.severity_of(r), message, shown, p.line, p.column, p.path, hint))
    # the loaded text when there is one: a pipe or device cannot be read twice
    text = org.source.text if org is not None else (_text(path) if path.is_file() else None)
    sups = suppress.parse(text) if text else []
    if sups:
        known = {r.code: r.blocking for r in rules}
        levels = {c: config.severity_of(REGISTRY[c]) for c in ("LN001", "LN002")}
        findings = suppress.apply(findings, sups, known=known, enabled=enabled, file=shown, severity=levels)
    findings.sort(key=Finding.sort_key)
    return findings, crashes


def _from_hit(r: Rule, hit: Hit, ctx: LintContext, shown: str, config: LintConfig) -> Finding:
    line, col, path = ctx.locate(hit)
    return Finding(r.code, r.name, config.severity_of(r), hit.message, shown, line, col, path, hit.hint)


def _text(path: Path) -> str | None:
    from csdesign.model.yamlsource import read_text

    try:
        return read_text(path)
    except CsdesignError:
        return None


def fails(result: LintResult, fail_on: str) -> bool:
    """True when a finding is at or above ``fail_on``."""
    from csdesign.lint.registry import Severity

    floor = Severity(fail_on).rank
    return any(Severity(f.severity).rank >= floor for f in result.findings)


__all__ = ["Crash", "LintResult", "fails", "lint_file", "lint_paths"]
