"""`csdesign compare`: every structure built from one company file, side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from csdesign.cli.app import app, emit, say
from csdesign.cli.options import Engine, OrgArg
from csdesign.render.compare.formats import COMPARE_FORMATS


@app.command()
def compare(
    org: Path = OrgArg,
    structures: str = typer.Option("all", "--structures", help="all, or a comma-separated list (e.g. functional,product,matrix)."),
    fmt: str = typer.Option("table", "--format", "-f", help=COMPARE_FORMATS.help(), metavar=COMPARE_FORMATS.metavar()),
    out_dir: Optional[Path] = typer.Option(None, "--out-dir", help="Also write one SVG per structure and index.md/index.html here."),
    engine: Engine = typer.Option(Engine.auto, "--engine", help="Graphviz for --out-dir: system, embedded or auto."),
) -> None:
    """Build every structure from ORG.yaml and compare layers, spans, managers, overlaps, gaps, hand-offs, silos."""
    from csdesign.app.compare_job import compare as run_compare

    # A pipe or file gets the table at its natural width, not cut to 80 columns.
    document, c = run_compare(org, structures, fmt)
    emit(document, pipe_width=200)
    if out_dir is not None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        from csdesign.app.compare_job import write_out_dir

        err = Console(stderr=True)
        if err.is_terminal:
            with Progress(TextColumn("rendering {task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True) as progress:
                task = progress.add_task("charts", total=len(c.rows))
                written = write_out_dir(c, out_dir, engine.value, lambda name: progress.update(task, advance=1, description=name))
        else:  # no bar in a log: a disabled Progress still prints a blank line on rich < 14.3
            written = write_out_dir(c, out_dir, engine.value, lambda name: None)
        say(f"wrote {len(written)} files to {out_dir}")
