"""`compare --out-dir`: index.md and index.html showing one SVG per structure together."""

from __future__ import annotations

import html

from csdesign.analysis.compare import Comparison
from csdesign.render.compare.text import COLUMNS, cells, compare_notes
from csdesign.render.text import clean, md_escape


def index_markdown(c: Comparison) -> str:
    lines = [f"# {md_escape(c.company)}: every structure", ""]
    lines.append("| Structure | " + " | ".join(h for _, h in COLUMNS) + " |")
    lines.append("|---|" + "---:|" * len(COLUMNS))
    for m in c.rows:
        lines.append(f"| [{m.structure}](#{m.structure}) | " + " | ".join(cells(m)) + " |")
    for m in c.rows:
        lines += ["", f"## {m.structure}", ""]
        lines.append(f"![{m.structure} structure]({m.structure}.svg)" if m.ok else f"Cannot be built: {md_escape(m.error or '')}")
    notes = compare_notes(c)
    if notes:
        lines += ["", "## Notes", ""] + [f"- {md_escape(n)}" for n in notes]
    return "\n".join(lines) + "\n"


def index_html(c: Comparison) -> str:
    e = lambda t: html.escape(clean(str(t)), quote=True)  # noqa: E731
    head = "".join(f"<th>{e(h)}</th>" for _, h in COLUMNS)
    rows = "".join(
        f'<tr><th><a href="#{m.structure}">{m.structure}</a></th>' + "".join(f"<td>{e(x)}</td>" for x in cells(m)) + "</tr>" for m in c.rows
    )
    figures = "".join(
        f'<figure id="{m.structure}"><figcaption>{m.structure}</figcaption>'
        + (f'<img src="{m.structure}.svg" alt="{m.structure} structure of {e(c.company)}">' if m.ok else f"<p>Cannot be built: {e(m.error or '')}</p>")
        + "</figure>"
        for m in c.rows
    )
    notes = "".join(f"<li>{e(n)}</li>" for n in compare_notes(c))
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(c.company)}: every structure</title>\n"
        "<style>body{font-family:'Noto Sans CJK SC',system-ui,sans-serif;margin:24px}table{border-collapse:collapse}"
        "th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}th:first-child{text-align:left}"
        "figure{margin:24px 0;border-top:1px solid #ddd}figcaption{font-weight:bold;margin:8px 0}img{max-width:100%}</style>\n"
        f"</head>\n<body>\n<h1>{e(c.company)}: every structure</h1>\n"
        f"<table><thead><tr><th>Structure</th>{head}</tr></thead><tbody>{rows}</tbody></table>\n"
        + (f"<ul>{notes}</ul>\n" if notes else "")
        + f"{figures}\n</body>\n</html>\n"
    )
