"""`csdesign lint` (check org files like ruff/yamllint check code) and `csdesign rule` (rule docs).

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or
configuration error, unreadable path, or a rule that crashed.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from csdesign.cli.app import app
from csdesign.cli.options import StdinNameOpt, use_stdin_name
from csdesign.errors import CsdesignError
from csdesign.lint.registry import Severity
from csdesign.lint.reporters import LINT_FORMATS


class DocFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
def lint(
    paths: Optional[List[Path]] = typer.Argument(None, help="Org files or directories (recursing into *.yaml/*.yml org files); default: current directory.", show_default=False, readable=False),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=LINT_FORMATS.help(), metavar=LINT_FORMATS.metavar()),
    fail_on: Optional[Severity] = typer.Option(None, "--fail-on", help="Exit 1 when a finding is at or above this severity (default: error, or fail-on from the config).", case_sensitive=False),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file (csdesign.toml or pyproject.toml); default: the nearest one from the working directory up."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Only these rule codes or prefixes (comma-separated; replaces the config's select)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Also ignore these rule codes or prefixes (comma-separated)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout."),
    explain: Optional[str] = typer.Option(None, "--explain", help="Print the documentation of a rule (code or name) and exit."),
    lang: str = typer.Option("en", "--lang", help="Language of analysis findings (and of --explain): en or zh."),
    skip_non_org: bool = typer.Option(False, "--skip-non-org", help="Skip named YAML files without a top-level `company:` key (for pre-commit)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Findings only: no summary line."),
    stdin_filename: Optional[str] = StdinNameOpt,
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the lint result cache (see docs/performance.md)."),
) -> None:
    """Check org files and report findings with file:line:col (exit 0 clean, 1 findings, 2 usage error)."""
    if explain is not None:
        use_stdin_name(stdin_filename, *(paths or []))
        _print_rule(explain, DocFormat.text, lang)
        return
    from csdesign.cli.lint_run import lint_main

    raise typer.Exit(lint_main(paths, fmt, fail_on.value if fail_on else None, config, select, ignore, output, lang,
                               skip_non_org, quiet, stdin_filename, no_cache))


@app.command("rule")
def rule_cmd(
    code: Optional[str] = typer.Argument(None, help="Rule code (RL002) or name (unknown-manager); omit to list every rule.", show_default=False),
    all_: bool = typer.Option(False, "--all", help="Print the full documentation of every rule."),
    fmt: DocFormat = typer.Option(DocFormat.text, "--format", "-f", help="text, markdown (docs/rules.md) or json.", case_sensitive=False),
    lang: str = typer.Option("en", "--lang", help="Language of the documentation: en or zh (docs/rules.zh.md)."),
) -> None:
    """Print a lint rule's documentation (why it matters and how to fix it), or list the rules."""
    from csdesign.knowledge.guide import check_lang
    from csdesign.lint.registry import all_rules
    from csdesign.lint.reporters import rule_docs

    lang = check_lang(lang)
    if code is not None:
        _print_rule(code, fmt, lang)
        return
    rules = all_rules()
    if fmt == DocFormat.markdown:
        sys.stdout.write(rule_docs.rules_markdown(rules, lang))
    elif fmt == DocFormat.json:
        sys.stdout.write(rule_docs.rules_json(rules, lang))
    elif all_:
        sys.stdout.write("\n".join(rule_docs.rule_text(r, lang) for r in rules))
    else:
        sys.stdout.write(rule_docs.rules_table(rules, lang))


def _print_rule(code: str, fmt: DocFormat, lang: str = "en") -> None:
    from csdesign.errors import did_you_mean
    from csdesign.knowledge.guide import check_lang
    from csdesign.lint.registry import REGISTRY, get
    from csdesign.lint.reporters import rule_docs

    lang = check_lang(lang)
    r = get(code)
    if r is None:
        names = list(REGISTRY) + [x.name for x in REGISTRY.values()]
        typed = code.upper() if code[:1].isalpha() and code[-1:].isdigit() else code
        raise CsdesignError(f"unknown rule '{code}'" + did_you_mean(typed, names), hint="`csdesign rule` lists every rule")
    if fmt == DocFormat.markdown:
        sys.stdout.write(rule_docs.rule_markdown(r, lang=lang))
    elif fmt == DocFormat.json:
        sys.stdout.write(rule_docs.rules_json([r], lang))
    else:
        sys.stdout.write(rule_docs.rule_text(r, lang))
