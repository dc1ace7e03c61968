"""A reorganisation diff as rich tables for the terminal (user text in Text objects, never markup)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from csdesign.analysis.diff import OrgDiff
from csdesign.render import diff_text as words
from csdesign.render.text import clean

STATUS_STYLE = {"added": "green", "removed": "red", "moved": "blue", "changed": "yellow"}
KIND_STYLE = {"moved": "blue", "shared": "yellow", "narrowed": "cyan", "new": "green", "dropped": "red"}


def _t(text: object, style: str = "") -> Text:
    return Text(clean(str(text)), style=style)


def to_table(d: OrgDiff, lang: str = "en") -> Group:
    parts: list = []
    head = Text()
    head.append("Reorganisation: ", style="bold")
    head.append(clean(words.side(d.before)))
    head.append(" → ")
    head.append(clean(words.side(d.after)))
    head.append(f"\n{words.headline(d)}", style="dim")
    parts.append(head)

    figures = Table(title="Key figures", title_justify="left")
    for name, justify in (("", "left"), ("before", "right"), ("after", "right"), ("change", "right")):
        figures.add_column(name, justify=justify)  # type: ignore[arg-type]
    for m in d.metrics:
        figures.add_row(_t(m.name), _t(words.value(m.before)), _t(words.value(m.after)), _t(words.change(m), "bold" if m.changed else ""))
    parts.append(figures)

    if d.boxes:
        boxes = Table(title="Boxes", title_justify="left")
        for name in ("change", "box", "what changed"):
            boxes.add_column(name)
        for b in d.boxes:
            boxes.add_row(_t(f"{words.STATUS_MARK[b.status]} {b.status}", STATUS_STYLE[b.status]), _t(words.box(b)), _t(words.details(b)))
        parts.append(boxes)
    if d.role_headcount:
        heads = Table(title="Headcount by role", title_justify="left")
        for name, justify in (("role", "left"), ("before", "right"), ("after", "right"), ("change", "right")):
            heads.add_column(name, justify=justify)  # type: ignore[arg-type]
        for ref, before, after in d.role_headcount:
            heads.add_row(_t(ref.label()), _t(before), _t(after), _t(f"{after - before:+d}"))
        parts.append(heads)
    if d.transfers:
        duties = Table(title="Duties", title_justify="left")
        for name in ("duty", "change", "owners"):
            duties.add_column(name)
        for t in d.transfers:
            duties.add_row(_t(t.duty), _t(t.kind, KIND_STYLE[t.kind]), _t(words.transfer(t)))
        parts.append(duties)
    for label, style, items in (("resolved", "green", d.overlaps_resolved + d.gaps_resolved), ("introduced", "red", d.overlaps_introduced + d.gaps_introduced)):
        for f in items:
            line = Text()
            line.append(f"{label} {f.kind}: ", style=style)
            line.append(clean(f.message(lang)))
            parts.append(line)
    bands = Table(title="Span bands (managers per band)", title_justify="left")
    for name, justify in (("band", "left"), ("before", "right"), ("after", "right"), ("change", "right")):
        bands.add_column(name, justify=justify)  # type: ignore[arg-type]
    for m in d.bands:
        bands.add_row(_t(m.name), _t(m.before), _t(m.after), _t(words.change(m)))
    parts.append(bands)
    return Group(*parts)
