"""A reorganisation diff as GitHub-flavoured Markdown that reads well as a PR comment."""

from __future__ import annotations

from csdesign.analysis.diff import OrgDiff
from csdesign.render import diff_text as words
from csdesign.render.text import md_escape as esc


def to_markdown(d: OrgDiff, lang: str = "en") -> str:
    out = [f"## Reorganisation: {esc(words.side(d.before))} → {esc(words.side(d.after))}", ""]
    out += [f"{esc(str(d.before.get('file')))} → {esc(str(d.after.get('file')))}: **{words.headline(d)}**.", ""]

    out += ["### Key figures", "", "| | before | after | change |", "|---|---:|---:|---:|"]
    for m in d.metrics:
        out.append(f"| {esc(m.name)} | {esc(words.value(m.before))} | {esc(words.value(m.after))} | {words.change(m)} |")
    out.append("")

    if d.boxes:
        out += ["### Boxes", "", "| change | box | what changed |", "|---|---|---|"]
        for b in d.boxes:
            out.append(f"| {words.STATUS_MARK[b.status]} {b.status} | {esc(words.box(b))} | {esc(words.details(b))} |")
        out.append("")
    if d.role_headcount:
        out += ["### Headcount by role", "", "| role | before | after | change |", "|---|---:|---:|---:|"]
        for ref, before, after in d.role_headcount:
            out.append(f"| {esc(ref.label())} | {before} | {after} | {after - before:+d} |")
        out.append("")
    if d.transfers:
        out += ["### Duties", "", "| duty | change | owners |", "|---|---|---|"]
        for t in d.transfers:
            out.append(f"| {esc(t.duty)} | {t.kind} | {esc(words.transfer(t))} |")
        out.append("")

    findings = [("Resolved", "✅", d.overlaps_resolved + d.gaps_resolved), ("Introduced", "⚠️", d.overlaps_introduced + d.gaps_introduced)]
    if any(items for _, _, items in findings):
        out += ["### Overlaps and gaps", ""]
        for label, mark, items in findings:
            for f in items:
                out.append(f"- {mark} {label} {f.kind}: {esc(f.message(lang))}")
        out.append("")

    out += ["### Span bands (managers per band)", "", "| band | before | after | change |", "|---|---:|---:|---:|"]
    for m in d.bands:
        out.append(f"| {esc(m.name)} | {m.before} | {m.after} | {words.change(m)} |")
    return "\n".join(out) + "\n"
