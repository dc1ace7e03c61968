"""Everything `csdesign render` does between reading options and printing: build the graph,
mark report findings (--highlight) and reorganisation changes (--compare), cut the view
(--focus, --depth), then produce the terminal tree or the chart file's bytes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

# before anything imports networkx (render/chart/dot.py does): structures/nxload.py then gives
# its graph classes only, and its algorithms (about a third of a cold render's imports) on first use
from csdesign.structures import build_file

from csdesign.errors import OutputError
from csdesign.render.chart.dot import DotOptions

if TYPE_CHECKING:
    import networkx as nx

    from csdesign.analysis.diff import OrgDiff


@dataclass
class ChartJob:
    graph: nx.DiGraph
    options: DotOptions = field(default_factory=DotOptions)
    changes: OrgDiff | None = None  # with --compare
    marked: bool = False  # whether --highlight/--compare asked for colours


def prepare(
    org: str | Path,
    structure: str | None = None,
    *,
    focus: str | None = None,
    depth: int | None = None,
    highlight: str | None = None,
    compare: str | Path | None = None,
    lang: str | None = None,
) -> ChartJob:
    """The graph to draw and its DotOptions; findings and changes are computed on the whole
    org, before --focus/--depth cut the view, then kept only where boxes are still drawn."""
    from csdesign.knowledge.guide import check_lang
    from csdesign.render.chart import select

    if lang is not None:
        check_lang(lang)
    from csdesign.render.chart.html import chart_lang

    g = build_file(str(org), structure)
    lang = chart_lang(g, lang)
    job = ChartJob(g)
    marks = []
    if highlight:
        from csdesign.analysis import run_all
        from csdesign.render.chart.highlight import analyses_for, parse_highlight, report_highlights

        kinds = parse_highlight(highlight)
        marks = report_highlights(run_all(g, analyses_for(kinds)), kinds, lang)
    if compare is not None:
        from csdesign.analysis.diff import diff
        from csdesign.render.diff.chart import compare_options

        job.changes = diff(build_file(str(compare)), g)
        job.options = compare_options(job.changes, g, lang)
    if focus:
        g = select.focus(g, focus)
    if depth:
        g = select.depth(g, depth)
    if marks:
        from csdesign.render.chart.highlight import restrict

        job.options.highlights.extend(restrict(marks, g))
    job.options.lang = lang
    job.graph = g
    job.marked = bool(highlight or compare is not None)
    return job


def chart_file(job: ChartJob, kind: str, engine: str) -> tuple[list[bytes], str | None]:
    """The chart in ``kind``, one bytes object per file (SVG/PNG/DOT pages; PDF: one
    multi-page document), and the Graphviz engine used."""
    from csdesign.render.chart.formats import CHART_FORMATS
    from csdesign.render.chart.graphviz import chart_pages

    if job.marked and "graphviz" not in CHART_FORMATS.get(kind).traits:
        drawn = [f".{name}" for name in CHART_FORMATS.with_trait("graphviz")]
        colours = ", ".join(drawn[:-1]) + " or " + drawn[-1]
        if job.changes is not None:
            raise OutputError(f"--compare colours Graphviz charts; it cannot mark changes in .{kind}", hint=f"write {colours}, or use `csdesign diff`")
        raise OutputError(f"--highlight colours Graphviz charts; it cannot mark findings in .{kind}", hint=f"write {colours}, or use `csdesign report`")
    return chart_pages(job.graph, kind, engine, job.options)


def terminal_view(job: ChartJob) -> list[Any]:
    """rich renderables: the tree (findings/changes noted on their boxes), then the change table."""
    from csdesign.render.chart.terminal import tree

    out: list[Any] = [tree(job.graph, job.options.highlights, job.options.lang, job.options.labels)]
    if job.changes is not None:
        from csdesign.render.diff.table import to_table

        out.append(to_table(job.changes, job.options.lang))
    return out


def configure(job: ChartJob, *, page: str = "16:9", portrait: bool = False, label: str = "title,name,headcount,level", view: str = "chart", dpi: int | None = None, scale: float | None = None) -> None:
    """Apply the chart options (--page, --label, --view, --dpi/--scale), each checked with one clear message."""
    from csdesign.errors import InputError
    from csdesign.render.chart.dot import LABEL_FIELDS
    from csdesign.render.chart.pages import page_size

    page_size(page, portrait)  # raises for an unknown page
    fields = [f.strip() for f in label.split(",") if f.strip()]
    unknown = [f for f in fields if f not in LABEL_FIELDS]
    if unknown or not fields:
        raise InputError(f"--label: unknown field '{unknown[0] if unknown else label}'", hint="use any of " + ", ".join(LABEL_FIELDS))
    if view not in ("chart", "grid"):
        raise InputError(f"--view: unknown view '{view}'", hint="use chart or grid")
    if dpi is not None and scale is not None:
        raise InputError("--dpi and --scale both set", hint="give one: --scale 2 is --dpi 192")
    opts = job.options
    opts.page = None if page == "none" else page
    opts.portrait = portrait
    opts.labels = tuple(f for f in LABEL_FIELDS if f in fields)
    opts.view = view
    if dpi is not None:
        opts.dpi = dpi
    elif scale is not None:
        opts.dpi = round(96 * scale)
