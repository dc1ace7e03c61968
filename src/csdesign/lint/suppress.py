"""Inline suppressions: ``# csdesign: ignore[RS001]`` and ``# csdesign: file-ignore[ST002]``.

``ignore[...]`` written after YAML content covers that line; written on a line of its own it
covers the next line with content (so it can sit above a ``- id: ...`` item). ``file-ignore``
covers the whole file. A rule may be named by code or by name (``ignore[duty-overlap]``), as in
the config file. Several codes are separated by commas. Unused suppressions are
reported as LN001 (info), unknown or blocking codes as LN002.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from csdesign.lint.context import Finding

COMMENT_RE = re.compile(r"(?:^|(?<=\s))#\s*csdesign:\s*(?P<kind>file-ignore|ignore)\s*\[(?P<codes>[^\]\n]*)\]")


@dataclass
class Suppression:
    kind: str  # "ignore" | "file-ignore"
    codes: list[str]
    line: int  # where the comment is (1-based)
    column: int
    target: int | None  # the line it covers; None for file-ignore
    used: set[str] = field(default_factory=set)


def parse(text: str) -> list[Suppression]:
    """Every suppression comment in YAML text (``#`` inside quoted scalars is not a comment)."""
    if "csdesign:" not in text:
        return []
    lines = text.splitlines()
    found: list[tuple[int, int, int, re.Match]] = []  # (line index, column, absolute offset, match)
    offset = 0
    for i, line in enumerate(lines):
        for m in COMMENT_RE.finditer(line):
            found.append((i, m.start(), offset + m.start(), m))
        offset += len(line) + 1
    if not found:
        return []
    inside = _scalar_spans(text)
    out: list[Suppression] = []
    for i, col, absolute, m in found:
        if any(start <= absolute < end for start, end in inside):
            continue
        codes = [_code(c) for c in m["codes"].split(",") if c.strip()]
        own_line = not lines[i][:col].strip()
        target = None if m["kind"] == "file-ignore" else (_next_content(lines, i) if own_line else i + 1)
        out.append(Suppression(m["kind"], codes, i + 1, col + 1, target))
    return out


def _code(written: str) -> str:
    """A rule code as written, or the code of a rule name (``ignore[duty-overlap]``), like the config."""
    from csdesign.lint.registry import get

    r = get(written)
    return r.code if r else written.strip().upper()


def _next_content(lines: list[str], index: int) -> int | None:
    for j in range(index + 1, len(lines)):
        stripped = lines[j].strip()
        if stripped and not stripped.startswith("#"):
            return j + 1
    return None


def _scalar_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of scalar tokens; a broken file gives what was scanned before the error."""
    import yaml

    try:
        from yaml import CSafeLoader as Loader
    except ImportError:  # pragma: no cover
        from yaml import SafeLoader as Loader  # type: ignore[assignment]
    spans: list[tuple[int, int]] = []
    try:
        for tok in yaml.scan(text, Loader=Loader):
            if isinstance(tok, yaml.ScalarToken):
                spans.append((tok.start_mark.index, tok.end_mark.index))
    except yaml.YAMLError:
        pass
    return spans


def apply(
    findings: list[Finding],
    suppressions: list[Suppression],
    *,
    known: dict[str, bool],
    enabled: set[str],
    file: str,
    severity: dict[str, str],
) -> list[Finding]:
    """Drop suppressed findings; add LN001/LN002 for unused or invalid suppressions.

    ``known`` maps every rule code to whether it is blocking; ``enabled`` is the set of codes
    that ran; ``severity`` the configured levels of LN001 and LN002.
    """
    kept: list[Finding] = []
    for f in findings:
        hit = next((s for s in suppressions if _covers(s, f, known)), None)
        if hit is None:
            kept.append(f)
        else:
            hit.used.add(f.code)
    for s in suppressions:
        if not s.codes:
            _add(kept, "LN002", f"`{s.kind}[]` names no rule code", file, s, severity, enabled, "write the code, e.g. ignore[RS001]")
        for code in s.codes:
            if code not in known:
                _add(kept, "LN002", f"unknown rule code '{code}' in `{s.kind}[...]`", file, s, severity, enabled, "see `csdesign rule` for the codes")
            elif known[code]:
                _add(kept, "LN002", f"{code} cannot be suppressed: a file csdesign cannot load or build never passes", file, s, severity, enabled, "fix the problem instead")
            elif code not in s.used and code in enabled:
                what = "in this file" if s.kind == "file-ignore" else f"on line {s.target}" if s.target else "(no line follows it)"
                _add(kept, "LN001", f"unused suppression: no {code} finding {what}", file, s, severity, enabled, "remove the comment")
    return kept


def _covers(s: Suppression, f: Finding, known: dict[str, bool]) -> bool:
    if f.code not in s.codes or known.get(f.code, True):
        return False
    return s.kind == "file-ignore" or (f.line is not None and f.line == s.target)


def _add(out: list[Finding], code: str, message: str, file: str, s: Suppression, severity: dict[str, str], enabled: set[str], hint: str) -> None:
    if code not in enabled:
        return
    from csdesign.lint.registry import REGISTRY

    r = REGISTRY[code]
    out.append(Finding(code, r.name, severity.get(code, r.severity.value), message, file, s.line, s.column, None, hint))


__all__ = ["Suppression", "apply", "parse"]
