"""`csdesign import`: an HR people export (CSV) -> an explicit (as-is) org file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from csdesign.cli.app import app, say


@app.command("import")
def import_(
    people: Path = typer.Argument(..., help="People export (CSV): id, name, title, manager id ... (English or Chinese headers).", metavar="PEOPLE.csv"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the org YAML here; omit for stdout."),
    column: Optional[List[str]] = typer.Option(None, "--column", "-c", help="Map a field to a header, e.g. -c manager_id=上级工号 (repeatable)."),
    company: Optional[str] = typer.Option(None, "--company", help="Company name for the file (default: the CSV's file name)."),
    root: Optional[str] = typer.Option(None, "--root", help="Keep only this person's reporting tree (their id), e.g. the CS head; their manager becomes the box above."),
    employees: Optional[int] = typer.Option(None, "--employees", min=1, max=10_000_000, help="The whole company's headcount (sets the stage; default with --root: everyone in the file)."),
) -> None:
    """Turn PEOPLE.csv into an org YAML with `positions:` (render, report and lint it as it is)."""
    from csdesign.interchange.csv_import import import_people
    from csdesign.interchange.yaml_write import column_mapping, imported_org_yaml

    result = import_people(people, columns=column_mapping(column or []), company=company, root=root, employees=employees)
    text = imported_org_yaml(result, people.name, str(output or "<stdout>"))
    if output is None:
        sys.stdout.write(text)
    else:
        from csdesign.render.output import write_atomic

        write_atomic(output, text)
    from csdesign.errors import printable

    print(printable(f"imported {result.kept:,} people from {people.name}" + (f" into {output}" if output else "")), file=sys.stderr)
    for note in result.notes:
        print(printable(note), file=sys.stderr)
    say(f"encoding {result.encoding}, separator {result.delimiter!r}")
    say("columns: " + ", ".join(f"{f} <- {h}" for f, h in result.mapping.items()))
    if result.unused:
        say("not imported: " + ", ".join(result.unused))
    if result.managers_by_name:
        say(f"{result.managers_by_name} managers matched by name, not id")
