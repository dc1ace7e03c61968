"""Compare and recommend results as a rich table (terminal), Markdown or JSON text.

User text (company, unit names) goes into rich ``Text`` cells, never markup; Markdown cells
escape ``|``, backslashes and markup characters so a title cannot break the table.
"""

from __future__ import annotations

import json

from csdesign.analysis.amounts import pct
from csdesign.analysis.base import pick
from csdesign.analysis.compare import Comparison, StructureMetrics
from csdesign.analysis.cost import cost_text
from csdesign.analysis.recommend import RULES, Recommendation, score_table, source
from csdesign.render.text import clean, md_escape

COLUMNS = (
    ("layers", "Layers"), ("span_max", "Span max"), ("span_median", "Span median"), ("on_target", "On target"),
    ("above", "Above 12"), ("managers", "Managers"), ("ratio", "Reports/mgr"), ("headcount", "Headcount"), ("units", "Units"),
    ("roles_per_unit", "Roles/unit"), ("overlaps", "Overlaps"), ("gaps", "Gaps"), ("handoffs", "Handoffs"), ("silo_pairs", "Silo pairs"),
    ("cost", "Cost"), ("cost_share", "Cost/ARR"), ("staffing", "Staffing issues"),
)


def _fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def cells(m: StructureMetrics) -> list[str]:
    """The table cells of one structure, in COLUMNS order."""
    if not m.ok:
        return ["–"] * len(COLUMNS)
    shares = m.band_shares
    above = shares.get("above", 0.0) + shares.get("excessive", 0.0)
    values = {
        "layers": m.layers, "span_max": m.span_max, "span_median": m.span_median,
        "on_target": f"{shares.get('target', 0.0):.0%}", "above": f"{above:.0%}", "managers": m.managers,
        "ratio": m.ratio, "headcount": m.headcount, "units": m.units,
        "roles_per_unit": m.roles_per_unit, "overlaps": m.overlaps, "gaps": m.gaps, "handoffs": m.handoffs, "silo_pairs": m.silo_pairs,
        "cost": cost_text(m.cost) if m.cost is not None else None, "cost_share": pct(m.cost_share) if m.cost_share is not None else None,
        "staffing": m.staffing,
    }
    return [_fmt(values[key]) for key, _ in COLUMNS]


def compare_rich(c: Comparison):
    """Metrics as rows, structures as columns (fits an 80-column terminal)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    title = Text()
    title.append(clean(c.company), style="bold")
    title.append(f" · {c.stage} · every structure", style="dim")
    table = Table(title=title, title_justify="left", header_style="bold", box=box.SIMPLE_HEAD, padding=(0, 0, 0, 1), pad_edge=False)
    table.add_column("", no_wrap=True)
    for m in c.rows:
        table.add_column(m.structure, justify="right", no_wrap=True)
    columns = [cells(m) for m in c.rows]
    for i, (_, header) in enumerate(COLUMNS):
        table.add_row(Text(header, style="bold"), *[Text(col[i]) for col in columns])
    return table


def compare_table(c: Comparison):
    """The terminal view: the table, then its notes dimmed."""
    from rich.console import Group
    from rich.text import Text

    return Group(compare_rich(c), *[Text(note, style="dim") for note in compare_notes(c)])


def compare_notes(c: Comparison) -> list[str]:
    """Plain lines under the table: what cannot be built, and which units are silos."""
    out = []
    for m in c.rows:
        if not m.ok:
            out.append(f"{m.structure}: cannot be built: {clean(m.error or '')}")
        elif m.silo_units:
            out.append(f"{m.structure}: units sharing customers without an interface: {', '.join(clean(u) for u in m.silo_units)}")
    heads = sorted({m.headcount for m in c.rows if m.ok and m.headcount is not None})
    if len(heads) > 1:  # read as savings otherwise: 22 people "functional" against 58 "product"
        out.append(f"headcount differs by structure ({heads[0]:,}–{heads[-1]:,}): a role placed in units is staffed in "
                   "every unit, so a structure with more units needs more people for the same roles")
    return out


def compare_markdown(c: Comparison) -> str:
    lines = [f"# {md_escape(c.company)}: every structure compared", "", f"Stage: {c.stage}. Source: `{md_escape(c.file)}`.", ""]
    lines.append("| Structure | " + " | ".join(h for _, h in COLUMNS) + " |")
    lines.append("|---|" + "---:|" * len(COLUMNS))
    for m in c.rows:
        lines.append(f"| {m.structure} | " + " | ".join(cells(m)) + " |")
    notes = compare_notes(c)
    if notes:
        lines += [""] + [f"- {md_escape(n)}" for n in notes]
    lines += ["", "Span bands (share of manager people): " + ", ".join(f"{b.en} {b.range_text()}" for b in c.bands) + "."]
    if any(m.cost is not None for m in c.rows):
        lines += ["", f"Cost: fully loaded annual cost of every box{f' ({md_escape(c.currency)})' if c.currency else ''}; Cost/ARR against SaaS Capital's median of about 8.5%. "
                  "Staffing issues: capacity findings (segments under or over covered, misallocation, support channels)."]
    return "\n".join(lines) + "\n"


def compare_json(c: Comparison) -> str:
    return json.dumps(c.to_dict(), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def footnotes(rec: Recommendation) -> list[str]:
    """The distinct sources cited (the stage guidance's, then the reasons'), in order of first
    use: the reasons point at them by number, [1], so a long article title is printed once."""
    seen: dict[str, None] = {}
    if rec.guidance:
        seen[source("stage", rec.lang)] = None
    for r in rec.ranking:
        for reason in r.reasons:
            seen.setdefault(reason.source, None)
    return list(seen)


def _sources_heading(rec: Recommendation) -> str:
    return pick(rec.lang, "Sources:", "来源：")


def recommend_rich(rec: Recommendation, explain: bool = False):
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    title = Text()
    title.append(clean(rec.company), style="bold")
    title.append(f" · {_stage(rec)} · " + pick(rec.lang, "recommended structures", "推荐的组织结构"), style="dim")
    notes = footnotes(rec)
    if rec.guidance:
        title.append("\n" + clean(rec.guidance), style="italic")
        title.append(f" [{notes.index(source('stage', rec.lang)) + 1}]", style="dim")
    table = Table(title=title, title_justify="left", header_style="bold", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column(pick(rec.lang, "Structure", "结构"), no_wrap=True)
    table.add_column(pick(rec.lang, "Score", "得分"), justify="right")
    table.add_column(pick(rec.lang, "Why", "理由"))
    for i, r in enumerate(rec.ranking, 1):
        why = Text()
        if r.score is None:
            why.append(pick(rec.lang, "cannot be built: ", "无法构建：") + clean(r.error or ""), style="dim")
        for j, reason in enumerate(r.reasons):
            if j:
                why.append("\n")
            why.append(f"{reason.points:+g} ", style="green" if reason.points > 0 else "red" if reason.points < 0 else "dim")
            why.append(clean(reason.text))
            why.append(f" [{notes.index(reason.source) + 1}]", style="dim")
        table.add_row(str(i), Text(f"{r.name} ({r.structure})"), "–" if r.score is None else f"{r.score:g}", why)
    extra = [Text(clean(line), style="dim") for line in _notes(rec)]
    cited = Text(_sources_heading(rec), style="dim")
    for n, note in enumerate(notes, 1):
        cited.append(f"\n[{n}] {clean(note)}", style="dim")
    parts: list[Table | Text] = [table, *extra, cited] if notes else [table, *extra]
    return Group(*parts, explain_rich(rec)) if explain else Group(*parts)


def _notes(rec: Recommendation) -> list[str]:
    """What an as-is file's ranking is of, and how equal scores were ordered."""
    return ([rec.note] if rec.note else []) + rec.tie_sentences()


def explain_rich(rec: Recommendation):
    from rich.table import Table

    rules, rows = score_table(rec)
    table = Table(title=pick(rec.lang, "Score table: weight × points per rule", "评分表：权重 × 各规则得分"), title_justify="left", header_style="bold")
    table.add_column(pick(rec.lang, "Structure", "结构"))
    for rule in rules:
        table.add_column(f"{rule}\n×{rec.weights[rule]:g}", justify="right")
    table.add_column(pick(rec.lang, "Score", "得分"), justify="right")
    built = [r for r in rec.ranking if r.score is not None]
    for r, row in zip(built, rows):
        table.add_row(r.structure, *[f"{v:g}" for v in row], f"{r.score:g}")
    return table


def recommend_markdown(rec: Recommendation, explain: bool = False) -> str:
    zh = rec.lang == "zh"
    heading = f"{md_escape(rec.company)}：推荐的组织结构（{_stage(rec)}）" if zh else f"{md_escape(rec.company)}: recommended structures ({rec.stage})"
    lines = [f"# {heading}", ""]
    notes = footnotes(rec)
    if rec.guidance:
        lines += [f"> {md_escape(rec.guidance)} [{notes.index(source('stage', rec.lang)) + 1}]", ""]
    for i, r in enumerate(rec.ranking, 1):
        score = pick(rec.lang, "cannot be built", "无法构建") if r.score is None else pick(rec.lang, f"score {r.score:g}", f"得分 {r.score:g}")
        lines.append(f"{i}. **{md_escape(r.name)}** (`{r.structure}`){pick(rec.lang, ', ', '，')}{score}")
        if r.error:
            lines.append(f"   - {md_escape(r.error)}")
        for reason in r.reasons:
            lines.append(f"   - {reason.points:+g}: {md_escape(reason.text)} [{notes.index(reason.source) + 1}]")
    for line in _notes(rec):
        lines += ["", md_escape(line)]
    if notes:
        lines += ["", _sources_heading(rec), ""] + [f"{n}. {md_escape(note)}" for n, note in enumerate(notes, 1)]
    if explain:
        rules, rows = score_table(rec)
        lines += ["", f"| {pick(rec.lang, 'Structure', '结构')} | " + " | ".join(f"{x} ×{rec.weights[x]:g}" for x in rules) + f" | {pick(rec.lang, 'Score', '得分')} |", "|---|" + "---:|" * (len(rules) + 1)]
        built = [r for r in rec.ranking if r.score is not None]
        for r, row in zip(built, rows):
            lines.append(f"| {r.structure} | " + " | ".join(f"{v:g}" for v in row) + f" | {r.score:g} |")
    return "\n".join(lines) + "\n"


def _stage(rec: Recommendation) -> str:
    """The stage as the reader's language names it (growth / 成长期)."""
    if rec.lang != "zh":
        return rec.stage
    from csdesign.knowledge.guide import stage_name

    return stage_name(rec.stage, "zh")


def recommend_json(rec: Recommendation, explain: bool = False) -> str:
    data = rec.to_dict()
    if explain:
        rules, rows = score_table(rec)
        data["score_table"] = {"rules": rules, "rows": [{"structure": r.structure, "points": row} for r, row in zip([x for x in rec.ranking if x.score is not None], rows)]}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


__all__ = ["COLUMNS", "RULES", "compare_json", "compare_markdown", "compare_rich", "recommend_json", "recommend_markdown", "recommend_rich"]
