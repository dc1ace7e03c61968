"""`csdesign compare`: every structure built from one company file, side by side."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from csdesign.cli.app import app, say
from csdesign.cli.options import Engine, OrgArg


def parse_structures(value: str) -> list[str] | None:
    """``all`` or a comma-separated list of structure names (did-you-mean on typos)."""
    from csdesign.errors import CsdesignError, did_you_mean
    from csdesign.structures import NAMES

    if value.strip().lower() == "all":
        return None
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    for name in names:
        if name not in NAMES:
            raise CsdesignError(f"--structures: unknown structure '{name}'" + did_you_mean(name, NAMES, 0.5), hint="use all or names from: " + ", ".join(NAMES))
    if not names:
        raise CsdesignError("--structures is empty", hint="use all or a comma-separated list")
    return list(dict.fromkeys(names))


def check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    from csdesign.errors import CsdesignError

    if fmt not in allowed:
        raise CsdesignError(f"unknown format '{fmt}'", hint="use " + ", ".join(allowed))
    return fmt


@app.command()
def compare(
    org: Path = OrgArg,
    structures: str = typer.Option("all", "--structures", help="all, or a comma-separated list (e.g. functional,product,matrix)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table (terminal), markdown or json."),
    out_dir: Optional[Path] = typer.Option(None, "--out-dir", help="Also write one SVG per structure and index.md/index.html here."),
    engine: Engine = typer.Option(Engine.auto, "--engine", help="Graphviz for --out-dir: system, embedded or auto."),
) -> None:
    """Build every structure from ORG.yaml and compare layers, spans, managers, overlaps, gaps, hand-offs, silos."""
    from csdesign.analysis.compare import compare as run_compare
    from csdesign.model import load_org
    from csdesign.render import compare_text

    check_format(fmt, ("table", "markdown", "json"))
    c = run_compare(load_org(str(org)), parse_structures(structures))
    if fmt == "json":
        typer.echo(compare_text.compare_json(c), nl=False)
    elif fmt == "markdown":
        typer.echo(compare_text.compare_markdown(c), nl=False)
    else:
        from rich.console import Console
        from rich.text import Text

        # A pipe or file gets the table at its natural width, not cut to 80 columns.
        console = Console() if sys.stdout.isatty() else Console(width=200)
        console.print(compare_text.compare_rich(c))
        for note in compare_text.compare_notes(c):
            console.print(Text(note, style="dim"))
    if out_dir is not None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        from csdesign.render.compare_index import write_out_dir

        err = Console(stderr=True)
        if err.is_terminal:
            with Progress(TextColumn("rendering {task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True) as progress:
                task = progress.add_task("charts", total=len(c.rows))
                written = write_out_dir(c, out_dir, engine.value, lambda name: progress.update(task, advance=1, description=name))
        else:  # no bar in a log: a disabled Progress still prints a blank line on rich < 14.3
            written = write_out_dir(c, out_dir, engine.value, lambda name: None)
        say(f"wrote {len(written)} files to {out_dir}")
