"""`csdesign init`: write a commented starter org file for a company stage."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from csdesign.cli.app import app, say


def _interactive(no_input: bool, *given: object) -> bool:
    """Ask questions only in a terminal, with no content flags, never in CI."""
    if no_input or any(v is not None for v in given):
        return False
    if os.environ.get("CI"):
        return False
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _ask(label: str, default: str, choices: "tuple[str, ...] | list[str] | None" = None) -> str:
    """One question; with choices, ask again until the answer is one of them."""
    text = f"{label} ({', '.join(choices)})" if choices else label
    while True:
        answer = str(typer.prompt(text, default=default)).strip()
        if not choices or answer.lower() in choices:
            return answer.lower() if choices else answer
        typer.echo(f"please answer one of: {', '.join(choices)}")


@app.command()
def init(
    stage: Optional[str] = typer.Option(None, "--stage", help="startup, growth or enterprise (default startup)."),
    structure: Optional[str] = typer.Option(None, "--structure", "-s", help="Structure type (default: the stage's usual one: flat, product, matrix)."),
    lang: Optional[str] = typer.Option(None, "--lang", "-l", help="Language of titles, duties and comments: en or zh (default en)."),
    name: Optional[str] = typer.Option(None, "--name", help="Company name to write into the file."),
    output: Path = typer.Option(Path("org.yaml"), "--output", "-o", help="Where to write; '-' prints to stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    no_input: bool = typer.Option(False, "--no-input", help="Never ask questions, even in a terminal."),
) -> None:
    """Write a commented starter org file (roles, duties, KPIs typical for the stage).

    In a terminal with none of --stage/--structure/--lang/--name it asks for them; in scripts
    and CI it never asks and uses the defaults.
    """
    from csdesign.errors import CsdesignError
    from csdesign.app.init_job import LANGS, STAGES, against_guidance, default_structure, starter
    from csdesign.render.output import write_atomic
    from csdesign.structures import NAMES

    to_stdout = str(output) == "-"
    if not to_stdout and output.exists() and not force:
        raise CsdesignError(f"{output} already exists", hint="use --force to overwrite it, or -o another path")
    if _interactive(no_input, stage, structure, lang, name):
        lang = _ask("Language / 语言", "en", LANGS)
        name = _ask("Company name" if lang == "en" else "公司名称", "Example Cloud" if lang == "en" else "示例科技")
        stage = _ask("Stage" if lang == "en" else "企业阶段", "startup", STAGES)
        structure = _ask("Structure" if lang == "en" else "组织结构", default_structure(stage), NAMES)
    stage = (stage or "startup").lower()
    lang = (lang or "en").lower()
    if structure is not None:
        structure = structure.lower()
    text = starter(stage, structure, lang, name)
    why = against_guidance(stage, structure, lang)
    if why:  # the file accepts the finding in a comment; say so where the user is looking
        print(f"note: {why}" + ("文件在 `structure:` 上方的注释中有意接受了这一点。" if lang == "zh" else " The file accepts this on purpose, in a comment above `structure:`."), file=sys.stderr)
    if to_stdout:
        typer.echo(text, nl=False)
        return
    write_atomic(output, text)
    chosen = structure or default_structure(stage)
    from csdesign.errors import printable

    typer.echo(printable(f"wrote {output} ({stage}, {chosen} structure, {lang}); next: csdesign render {output}"))
    say("edit the roles, duties and KPIs, then run csdesign lint on it")
