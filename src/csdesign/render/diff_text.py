"""The words of a reorganisation diff, shared by the table and Markdown outputs (plain text;
each output escapes it for its target)."""

from __future__ import annotations

from csdesign.analysis.diff import BoxChange, Metric, OrgDiff, Transfer

STATUS_MARK = {"added": "+", "removed": "−", "moved": "→", "changed": "~"}


def headline(d: OrgDiff) -> str:
    parts = [f"{d.count(s)} {s}" for s in ("added", "removed", "moved", "changed")]
    return ", ".join(parts) + f", {d.unchanged} unchanged"


def side(info: dict) -> str:
    return f"{info.get('company')} ({info.get('structure')})"


def box(b: BoxChange) -> str:
    who = f"{b.name} · {b.title}" if b.name else b.title
    ident = b.node if b.before_node in (None, b.node) else f"{b.before_node} → {b.node}"
    return f"{who} ({ident}{', vacant' if b.vacant else ''})"


def details(b: BoxChange) -> str:
    return "; ".join(f"{field}: {before} → {after}" for field, before, after in b.changes)


def owners(refs) -> str:
    return ", ".join(r.label() for r in refs)


def transfer(t: Transfer) -> str:
    if t.kind == "moved":
        text = f"from {owners(t.gave_up)} to {owners(t.took_on)}"
        return text + (f" (still also {owners(t.kept)})" if t.kept else "")
    if t.kind == "shared":
        return f"now also {owners(t.took_on)} (kept by {owners(t.kept)})"
    if t.kind == "narrowed":
        return f"{owners(t.gave_up)} gave it up; kept by {owners(t.kept)}"
    if t.kind == "new":
        return f"new, owned by {owners(t.took_on)}"
    return f"dropped by {owners(t.gave_up)}; nobody owns it now"


def value(v) -> str:
    return "—" if v is None else str(v)


def change(m: Metric) -> str:
    if not m.changed:
        return ""
    if isinstance(m.before, (int, float)) and isinstance(m.after, (int, float)) and not isinstance(m.before, bool):
        delta = round(m.after - m.before, 2)
        return f"{delta:+g}"
    return "changed"
