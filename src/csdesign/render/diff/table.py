"""A reorganisation diff as rich tables for the terminal (user text in Text objects, never markup)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from csdesign.analysis.diff import Metric, OrgDiff
from csdesign.render.diff import text as words
from csdesign.render.text import clean

STATUS_STYLE = {"added": "green", "removed": "red", "moved": "blue", "changed": "yellow"}
KIND_STYLE = {"moved": "blue", "shared": "yellow", "narrowed": "cyan", "new": "green", "dropped": "red"}


def _t(text: object, style: str = "") -> Text:
    return Text(clean(str(text)), style=style)


def _table(title: str, columns: list[tuple[str, str]], rows: list[list[Text]]) -> Table:
    table = Table(title=title, title_justify="left")
    for name, justify in columns:
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(*row)
    return table


def _figures(title: str, metrics: list[Metric], lang: str, first: str = "") -> Table:
    w = lambda k: words.word(k, lang)  # noqa: E731
    rows = [[_t(m.label(lang)), *(_t(v) for v in words.values(m, lang)), _t(words.change(m, lang), "bold" if m.changed else "")] for m in metrics]
    return _table(title, [(first, "left"), (w("before"), "right"), (w("after"), "right"), (w("change"), "right")], rows)


def to_table(d: OrgDiff, lang: str = "en") -> Group:
    w = lambda k: words.word(k, lang)  # noqa: E731
    head = Text()
    head.append(f"{w('title')}{w('colon')}", style="bold")
    head.append(f"{clean(words.side(d.before, lang))} → {clean(words.side(d.after, lang))}")
    head.append(f"\n{words.headline(d, lang)}", style="dim")
    parts: list = [head, _figures(w("figures"), d.metrics, lang)]
    if d.boxes:
        rows = [[_t(words.status(b.status, lang), STATUS_STYLE[b.status]), _t(words.box(b, lang)), _t(words.details(b, lang))] for b in d.boxes]
        parts.append(_table(w("boxes"), [(w("change"), "left"), (w("box"), "left"), (w("what"), "left")], rows))
    if d.role_headcount:
        rows = [[_t(role, "bold" if i == len(d.role_headcount) else ""), _t(b), _t(a), _t(change)] for i, (role, b, a, change) in enumerate(words.headcount_rows(d, lang))]
        parts.append(_table(w("headcount"), [(w("role"), "left"), (w("before"), "right"), (w("after"), "right"), (w("change"), "right")], rows))
    if d.transfers:
        rows = [[_t(t.duty), _t(words.kind(t.kind, lang), KIND_STYLE[t.kind]), _t(words.transfer(t, lang))] for t in d.transfers]
        parts.append(_table(w("duties"), [(w("duty"), "left"), (w("change"), "left"), (w("owners"), "left")], rows))
    for label, style, items in (("resolved", "green", d.overlaps_resolved + d.gaps_resolved), ("introduced", "red", d.overlaps_introduced + d.gaps_introduced)):
        for f in items:
            parts.append(_t(words.finding(label, f, lang), style))
    parts.append(_figures(w("bands"), d.bands, lang, w("band")))
    return Group(*parts)


def table_text(d: OrgDiff, lang: str = "en") -> str:
    """The tables as plain text, 120 columns, no colour (``diff -o FILE`` and pipes of -f table)."""
    import io

    from rich.console import Console

    console = Console(record=True, width=120, file=io.StringIO(), color_system=None)
    console.print(to_table(d, lang))
    return console.export_text()
