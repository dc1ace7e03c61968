"""`render --view grid`: the matrix as consultants draw it, as SVG/PNG/PDF. Rows are the
primary units, columns the dotted-line leads (each headed in its line colour and dash
sample, as on the chart), and each cell lists the roles linked. The data is
:func:`csdesign.render.chart.matrix_grid.grid`, shared with the HTML export and serve."""

from __future__ import annotations

import graphviz
import networkx as nx

from csdesign.errors import InputError
from csdesign.render.chart import chrome
from csdesign.render.chart.dot import DASH_SAMPLE, FONTS, FONT_SIZE, TITLE_SIZE, DotOptions, lead_title, e, lead_styles
from csdesign.render.chart.matrix_grid import grid

CORNER = {"en": "Unit \\ dotted-line lead", "zh": "单元 \\ 虚线负责人"}
TITLE = {"en": "matrix grid", "zh": "矩阵网格"}


def grid_dot(g: nx.DiGraph, opts: DotOptions) -> str:
    """DOT of one HTML-like table node; an org without dotted lines is one clear error."""
    lang = chrome.lang_of(opts.lang)
    gr = grid(g, lang)
    if not gr.cols:
        raise InputError("--view grid: this chart has no dotted lines to put in a grid", hint="use it with a matrix structure, or drop --view grid")
    styles = lead_styles(g)
    head = [f'<TD BGCOLOR="#f2f2f2" ALIGN="LEFT"><B>{e(CORNER[lang])}</B></TD>']
    for col, title in gr.cols:
        colour, style = styles.get(col, ("#404040", "dashed"))
        title = lead_title(g, col, lang) if "·" not in title else title  # a replicated lead: "Lead (APAC)"
        head.append(f'<TD BGCOLOR="#f2f2f2"><FONT COLOR="{colour}"><B>{e(DASH_SAMPLE[style])}</B></FONT><BR/><B>{e(title)}</B></TD>')
    rows = ["<TR>" + "".join(head) + "</TR>"]
    for row, label in gr.rows:
        cells = [f'<TD ALIGN="LEFT" VALIGN="MIDDLE" BGCOLOR="#e8eef5"><B>{e(label)}</B></TD>']
        for col, _ in gr.cols:
            titles = gr.titles(g, row, col)
            cells.append(f'<TD ALIGN="LEFT">{"<BR/>".join(e(t) for t in titles) if titles else " "}</TD>')
        rows.append("<TR>" + "".join(cells) + "</TR>")
    table = f'<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6" COLOR="#8c8c8c">{"".join(rows)}</TABLE>'
    dot = graphviz.Digraph(name="csdesign")
    title = opts.title if opts.title is not None else chrome.chart_title(g, lang, TITLE[lang])
    dot.attr("graph", label=f'<<FONT POINT-SIZE="{TITLE_SIZE}"><B>{e(title)}</B></FONT>>', labelloc="t", labeljust="l", fontname=FONTS, charset="UTF-8", **opts.extra_graph)
    dot.attr("node", shape="plain", fontname=FONTS, fontsize=str(FONT_SIZE))
    dot.node("grid", label=f"<{table}>")
    return dot.source
