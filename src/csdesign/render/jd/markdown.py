"""A job description as Markdown (user text escaped, so a title cannot break the tables)."""

from __future__ import annotations

from csdesign.analysis.jd import JobDescription
from csdesign.render.jd.labels import duty_name, facts, raci_text, subtitle, w
from csdesign.render.text import md_escape


def jd_markdown(jd: JobDescription, lang: str = "en") -> str:
    e = md_escape
    none = w(lang, "none")
    out = [f"# {e(jd.title)}", "", e(subtitle(jd, lang)), "", "| | |", "|---|---|"]
    out += [f"| {e(k)} | {e(v)} |" for k, v in facts(jd, lang)]
    out += ["", f"## {w(lang, 'duties')}", ""]
    if jd.duties:
        out += [f"| {w(lang, 'duty')} | {w(lang, 'raci')} |", "|---|---|"]
        out += [f"| {e(duty_name(d.name, d.listed, lang))} | {e(raci_text(d.raci, lang))} |" for d in jd.duties]
    else:
        out.append(none)
    out += ["", f"## {w(lang, 'kpis')}", ""]
    if jd.kpis:
        out += [f"| {w(lang, 'kpi')} | {w(lang, 'target')} | {w(lang, 'baseline')} | {w(lang, 'by')} |", "|---|---|---|---|"]
        out += [f"| {e(k.name)} | {e(k.target or none)} | {e(k.baseline or none)} | {e(k.by or none)} |" for k in jd.kpis]
    else:
        out.append(none)
    out += ["", f"## {w(lang, 'skills')}", ""]
    out += [f"- {e(s)}" for s in jd.skills] if jd.skills else [none]
    return "\n".join(out) + "\n"
