"""The body of `csdesign lint`, shared by the Typer command (cli/lint_cmd.py) and the light
path (cli/entry.py), and the light path's parser for a plain ``lint`` command line.

No Typer here. :func:`parse` accepts only what it can read exactly as the Typer command does
(the options below, each with a well-formed value); for anything else it returns None and
the Typer app runs, so help, usage errors and completion stay Typer's.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from csdesign.cli.common import emit, light_options, say, use_stdin_name

#: Options taking a value -> keyword of :func:`lint_main` (lists collect every occurrence).
_VALUED = {"--format": "fmt", "-f": "fmt", "--fail-on": "fail_on", "--config": "config", "--select": "select",
           "--ignore": "ignore", "--output": "output", "-o": "output", "--lang": "lang", "--stdin-filename": "stdin_filename"}
_FLAGS = {"--skip-non-org": "skip_non_org", "--quiet": "quiet", "-q": "quiet", "--no-cache": "no_cache"}
_LISTS = ("select", "ignore")
_LEVELS = ("error", "warning", "info")


def parse(argv: list[str]) -> dict[str, Any] | None:
    """Keyword arguments of :func:`lint_main` (plus ``verbose`` and ``debug``) for a plain
    ``[-v] [--debug] lint [OPTIONS] [PATHS]``; None for anything else."""
    read = light_options(argv, "lint", _VALUED, _FLAGS, _LISTS)
    if read is None:
        return None
    out, paths, verbose, debug = read
    if "fail_on" in out:
        if out["fail_on"].lower() not in _LEVELS:
            return None  # Typer's usage error names the choices
        out["fail_on"] = out["fail_on"].lower()
    for key in ("config", "output"):
        if key in out:
            out[key] = Path(out[key])
    out = {"paths": [Path(p) for p in paths], **out, "verbose": verbose, "debug": debug}
    return out


def _codes(values: list[str] | None) -> list[str]:
    return [c.strip() for v in values or [] for c in v.split(",") if c.strip()]


def lint_main(paths: list[Path] | None = None, fmt: str | None = None, fail_on: str | None = None, config: Path | None = None,
              select: list[str] | None = None, ignore: list[str] | None = None, output: Path | None = None, lang: str = "en",
              skip_non_org: bool = False, quiet: bool = False, stdin_filename: str | None = None, no_cache: bool = False) -> int:
    """Lint, print the report (stdout or ``output``) and return the exit code."""
    from csdesign.app.lint_job import LintRequest, run_lint
    from csdesign.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
    from csdesign.lint.reporters import LINT_FORMATS, render, status_line
    from csdesign.lint.result import fails

    use_stdin_name(stdin_filename, *(paths or []))
    chosen = LINT_FORMATS.get(fmt).name if fmt else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    request = LintRequest([str(p) for p in paths or []], config, _codes(select), _codes(ignore), lang, skip_non_org, not no_cache)
    outcome = run_lint(request)
    if outcome.source:
        say(f"lint config: {outcome.source}")
    if outcome.cache.directory is not None:
        hits, misses = outcome.hits, outcome.misses
        say(f"lint cache: {hits} hit{'s' * (hits != 1)}, {misses} miss{'es' * (misses != 1)} ({outcome.cache.directory})")
    result = outcome.result
    emit(render(result, chosen, quiet=quiet), output)
    status = None if quiet else status_line(result, chosen)
    if status:
        print(status, file=sys.stderr)
    for problem in result.unreadable:  # never skipped silently: CI must not pass unchecked files
        print(problem.render(), file=sys.stderr)
    for crash in result.crashes:
        print(crash.render(), file=sys.stderr)
    if result.crashes or result.unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if fails(result, fail_on or outcome.fail_on) else EXIT_OK


__all__ = ["lint_main", "parse"]
