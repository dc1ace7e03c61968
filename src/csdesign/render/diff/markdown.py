"""A reorganisation diff as GitHub-flavoured Markdown that reads well as a PR comment."""

from __future__ import annotations

from csdesign.analysis.diff import Metric, OrgDiff
from csdesign.render.diff import text as words
from csdesign.render.text import md_escape as esc


def _table(title: str, columns: list[str], align: list[str], rows: list[list[str]]) -> list[str]:
    head = "| " + " | ".join(columns) + " |"
    rule = "|" + "|".join("---:" if a == "right" else "---" for a in align) + "|"
    return [f"### {title}", "", head, rule, *("| " + " | ".join(r) + " |" for r in rows), ""]


def _figures(title: str, metrics: list[Metric], lang: str, first: str = "") -> list[str]:
    w = lambda k: words.word(k, lang)  # noqa: E731
    rows = [[esc(m.label(lang)), *(esc(v) for v in words.values(m, lang)), words.change(m, lang)] for m in metrics]
    return _table(title, [first, w("before"), w("after"), w("change")], ["left", "right", "right", "right"], rows)


def to_markdown(d: OrgDiff, lang: str = "en") -> str:
    w = lambda k: words.word(k, lang)  # noqa: E731
    out = [f"## {w('title')}{w('colon')}{esc(words.side(d.before, lang))} → {esc(words.side(d.after, lang))}", ""]
    out += [f"{esc(str(d.before.get('file')))} → {esc(str(d.after.get('file')))}{w('colon')}**{words.headline(d, lang)}**", ""]
    out += _figures(w("figures"), d.metrics, lang)
    if d.boxes:
        rows = [[words.status(b.status, lang), esc(words.box(b, lang)), esc(words.details(b, lang))] for b in d.boxes]
        out += _table(w("boxes"), [w("change"), w("box"), w("what")], ["left"] * 3, rows)
    if d.role_headcount:
        rows = [[esc(role), b, a, change] for role, b, a, change in words.headcount_rows(d, lang)]
        out += _table(w("headcount"), [w("role"), w("before"), w("after"), w("change")], ["left", "right", "right", "right"], rows)
    if d.transfers:
        rows = [[esc(t.duty), words.kind(t.kind, lang), esc(words.transfer(t, lang))] for t in d.transfers]
        out += _table(w("duties"), [w("duty"), w("change"), w("owners")], ["left"] * 3, rows)
    findings = [("resolved", "✅", d.overlaps_resolved + d.gaps_resolved), ("introduced", "⚠️", d.overlaps_introduced + d.gaps_introduced)]
    if any(items for _, _, items in findings):
        out += [f"### {w('findings')}", ""]
        out += [f"- {mark} {esc(words.finding(label, f, lang))}" for label, mark, items in findings for f in items]
        out.append("")
    out += _figures(w("bands"), d.bands, lang, w("band"))
    return "\n".join(out).rstrip("\n") + "\n"
