"""The report as Markdown, ready to paste into a consultant's report or a PR comment: client
text (role titles, no source tags, full-width punctuation in Chinese), escaped only where
Markdown would read the text as markup."""

from __future__ import annotations

from csdesign.analysis import Report
from csdesign.analysis.base import pick
from csdesign.knowledge.guide import structure_label
from csdesign.render.client import client_text
from csdesign.render.report.sections import sections
from csdesign.render.text import md_escape


def report_markdown(report: Report, lang: str = "en") -> str:
    title = pick(lang, "Responsibility report", "职责分析报告")
    company, structure = md_escape(report.company), md_escape(structure_label(report.structure, lang))
    head = f"# {title}：{company}（{structure}）" if lang == "zh" else f"# {title}: {company} ({structure})"
    summary = client_text(report.summary(lang), report.graph, lang)
    out = [head, "", f"**{md_escape(summary)}**", ""]
    for s in sections(report, lang):
        out += [f"## {md_escape(s.heading)}", ""]
        if s.columns and s.rows:
            out.append("| " + " | ".join(md_escape(c) for c in s.columns) + " |")
            out.append("|" + "---|" * len(s.columns))
            for row in s.rows:
                out.append("| " + " | ".join(md_escape(c) for c in row) + " |")
            out.append("")
        elif s.columns and s.empty:
            out += [md_escape(s.empty), ""]
        if s.notes:
            out += [f"- {md_escape(n)}" for n in s.notes]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
