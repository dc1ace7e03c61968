"""The eight structures' advice (knowledge/structures.yaml) as terminal text or Markdown.

``explain`` prints it; docs/structures.md is the Markdown of all eight in both languages,
and a test keeps the two identical.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csdesign.knowledge.guide import advice, stage_guidance, stage_name, structure_ids

if TYPE_CHECKING:
    from rich.console import Group
    from rich.text import Text

HEADINGS = {
    "en": {"cut": "How teams are cut", "strengths": "Strengths", "risks": "Risks", "when": "When to use it", "stages": "By company stage"},
    "zh": {"cut": "团队划分方式", "strengths": "优势", "risks": "风险", "when": "适用场景", "stages": "按企业阶段"},
}
STAGES = ("startup", "growth", "enterprise")


def explain_markdown(ids: list[str] | None = None, lang: str = "en", level: int = 2) -> str:
    """Markdown for the given structures (all eight by default), plus stage guidance when all."""
    ids = ids or structure_ids()
    h = HEADINGS[lang]
    out: list[str] = []
    for sid in ids:
        a = advice(sid, lang)
        out += [f"{'#' * level} {a.name} (`{sid}`)", "", a.description, "", f"**{h['cut']}:** {a.cut}", ""]
        for field in ("strengths", "risks", "when"):
            out += [f"**{h[field]}**", ""] + [f"- {item}" for item in getattr(a, field)] + [""]
    if len(ids) == len(structure_ids()):
        out += [f"{'#' * level} {h['stages']}", ""]
        out += [f"- **{stage_name(s, lang)}** (`{s}`): {stage_guidance(s, lang)}" for s in STAGES] + [""]
    return "\n".join(out)


def explain_text(ids: list[str] | None = None, lang: str = "en") -> Text:
    """The same content as rich Text (styles applied to our own words, user text never parsed)."""
    from rich.text import Text

    ids = ids or structure_ids()
    h = HEADINGS[lang]
    text = Text()
    for i, sid in enumerate(ids):
        a = advice(sid, lang)
        if i:
            text.append("\n")
        text.append(f"{a.name}", style="bold")
        text.append(f"  ({sid})\n", style="dim")
        text.append(a.description + "\n")
        text.append(f"{h['cut']}: ", style="bold cyan")
        text.append(a.cut + "\n")
        for field, style in (("strengths", "green"), ("risks", "yellow"), ("when", "cyan")):
            text.append(f"{h[field]}:\n", style=f"bold {style}")
            for item in getattr(a, field):
                text.append(f"  • {item}\n")
    if len(ids) == len(structure_ids()):
        text.append(f"\n{h['stages']}:\n", style="bold")
        for s in STAGES:
            text.append(f"  • {stage_name(s, lang)}: ", style="bold")
            text.append(stage_guidance(s, lang) + "\n")
    return text


def topic_markdown(tid: str, lang: str = "en", level: int = 2) -> str:
    """One explain topic (knowledge/topics.yaml, or the vocabulary) as Markdown."""
    from csdesign.knowledge.guide import topic

    t = topic(tid, lang)
    sources = topic_sources(t.source, lang)
    return "\n".join([f"{'#' * level} {t.title}", "", t.summary, "", *(f"- {p}" for p in t.points), *(["", sources] if sources else []), ""])


def topic_sources(ids: tuple[str, ...], lang: str = "en") -> str:
    """"Sources: the article ..." / "来源：《…》" for a topic's articles ("" for none: added knowledge)."""
    from csdesign.knowledge.sources import cite_all

    cited = cite_all(ids, lang)
    if not cited:
        return ""
    return f"来源：{cited}。" if lang == "zh" else f"Sources: {cited}."


def topic_text(tid: str, lang: str = "en") -> Group:
    """One explain topic as a rich renderable (a grid keeps long CJK points beside their bullet)."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from csdesign.knowledge.guide import topic

    t = topic(tid, lang)
    points = Table.grid(padding=(0, 1))
    points.add_column(no_wrap=True)
    points.add_column(overflow="fold")
    for p in t.points:
        points.add_row("  •", Text(p))
    sources = topic_sources(t.source, lang)
    return Group(Text(t.title, style="bold"), Text(t.summary), points, *([Text(sources, style="dim")] if sources else []))


def structures_doc() -> str:
    """The whole of docs/structures.md (a test checks the file equals this)."""
    from csdesign.knowledge.sources import cite

    head = [
        "# The eight CS structures",
        "",
        "What `csdesign explain [STRUCTURE] [--lang en|zh] [--format text|markdown]` prints, and what",
        "`csdesign recommend` quotes in its reasons. Sources: " + cite("003") + " for the",
        "structures and company stages, " + cite("000") + " for the matrix case study, and",
        cite("004") + " for the customer tiers. Generated from",
        "`src/csdesign/knowledge/structures.yaml`; edit that file, then regenerate this page with",
        "`python -c \"from csdesign.render.advice import structures_doc; print(structures_doc(), end='')\" > docs/structures.md`.",
        "",
        "Exit codes: 0 printed; 2 unknown structure, language or format (with a did-you-mean).",
        "",
        "## English",
        "",
    ]
    return "\n".join(head) + "\n" + explain_markdown(None, "en", 3) + "\n## 中文\n\n" + explain_markdown(None, "zh", 3)
