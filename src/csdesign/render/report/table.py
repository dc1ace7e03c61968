"""The report as rich tables for the terminal (the default in a TTY).

User text goes into ``rich.text.Text`` (never markup), so ``[bold]`` in a title prints as
typed; rich measures CJK as two cells, so columns stay aligned.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from csdesign.analysis import Report
from csdesign.knowledge.guide import structure_label
from csdesign.render.client import client_text
from csdesign.render.report.sections import sections
from csdesign.render.text import clean


def report_renderable(report: Report, lang: str = "en") -> Group:
    """A rich Group: summary line, then one titled table (or note) per section."""
    parts: list = []
    head = Text()
    head.append(clean(report.company), style="bold")
    label = structure_label(report.structure, lang)
    head.append(f"  （{label}）" if lang == "zh" else f"  ({label})", style="dim")
    parts.append(head)
    summary = Text(clean(client_text(report.summary(lang), report.graph, lang)), style="bold yellow" if report.findings else "bold green")
    parts.append(summary)
    for s in sections(report, lang):
        parts.append(Text(""))
        parts.append(Text(clean(s.heading), style="bold underline"))
        if s.columns and s.rows:
            table = Table(show_lines=False, header_style="bold", expand=False)
            for col in s.columns:
                table.add_column(Text(clean(col)), overflow="fold")
            for row in s.rows:
                table.add_row(*(Text(clean(cell)) for cell in row))
            parts.append(table)
        elif s.columns and s.empty:
            parts.append(Text(clean(s.empty), style="dim"))
        if s.notes:
            # a grid keeps long CJK sentences (no spaces to wrap at) next to their bullet
            notes = Table.grid(padding=(0, 1))
            notes.add_column(no_wrap=True)
            notes.add_column(overflow="fold")
            for note in s.notes:
                notes.add_row("•", Text(clean(note)))
            parts.append(notes)
    return Group(*parts)


def report_text(report: Report, lang: str = "en", width: int = 120) -> str:
    """The table report as plain text (for -o FILE.txt and tests): no colour, fixed width."""
    from rich.console import Console

    console = Console(width=width, record=True, color_system=None, force_terminal=False, file=_Null())
    console.print(report_renderable(report, lang))
    return "".join(line.rstrip() + "\n" for line in console.export_text().splitlines())


class _Null:
    def write(self, _s: str) -> int:
        return 0

    def flush(self) -> None:
        pass
