"""Chart bytes of one graph: DOT text or Graphviz-rendered SVG/PNG/PDF pages, or a text export.

:func:`chart_pages` returns one bytes object per page (SVG/PNG/DOT: one file each, the CLI
names them NAME.svg, NAME-2.svg, …; PDF: one multi-page document). :func:`chart_bytes` is the
single-file form (page 1, or the whole PDF).
"""

from __future__ import annotations

import re

import networkx as nx

from csdesign.errors import OutputError
from csdesign.render.chart import engines
from csdesign.render.chart.dot import DotOptions, to_dot
from csdesign.render.chart.formats import CHART_FORMATS

#: cairo's largest bitmap side; csdesign refuses rather than let Graphviz shrink the PNG.
PNG_LIMIT = 32767


def chart_bytes(g: nx.DiGraph, fmt: str, engine: str = "auto", options: DotOptions | None = None) -> tuple[bytes, str | None]:
    """Bytes of the chart in ``fmt`` and the Graphviz engine used (None for DOT and text exports)."""
    pages, used = chart_pages(g, fmt, engine, options)
    return pages[0], used


def chart_pages(g: nx.DiGraph, fmt: str, engine: str = "auto", options: DotOptions | None = None) -> tuple[list[bytes], str | None]:
    f = CHART_FORMATS.get(fmt)
    if "graphviz" not in f.traits:  # written by csdesign itself: writer(graph) -> str
        return [f.load()(g).encode("utf-8")], None
    opts = options or DotOptions()
    layout = "neato" if g.graph.get("layout") == "twopi" else "dot"  # circular: positions pinned by csdesign
    chosen = None if fmt == "dot" and opts.page in (None, "none") else engines.choose(engine, layout, "svg" if fmt == "dot" else fmt)
    if opts.view == "grid":
        from csdesign.render.chart.grid_chart import grid_dot

        sources = [grid_dot(g, opts)]
    else:
        from csdesign.render.chart.pages import paginate

        def measure(source: str) -> tuple[float, float]:
            return _safe(lambda s: engines.measure(s, layout, chosen), source)

        sources = [to_dot(p.graph, p.options) for p in paginate(g, opts, measure)] if chosen else [to_dot(g, opts)]
    if fmt == "dot":
        return [s.encode("utf-8") for s in sources], None
    assert chosen is not None
    if fmt in ("png", "pdf"):
        _warn_without_cjk_font(g)
    if fmt == "png":
        sources = [_with_dpi(s, opts.dpi) for s in sources]
    out = [_safe(lambda s: engines.render(s, fmt, layout, chosen), s) for s in sources]
    if fmt == "png":
        for data in out:
            _check_png(data, opts)
    if fmt == "pdf":
        out = [merge_pdf(out)]
    return out, chosen


_ORDER_CHAIN = re.compile(r"\t\{\n\t\trank=same\n(?:\t\t\S+ -> \S+ \[style=invis\]\n)+\t\}\n")


def _safe(run, source: str):  # noqa: ANN001, ANN202 - tiny local helper
    """Run Graphviz; where an older Graphviz trips an assertion (the orthogonal router's maze.c,
    or class2.c on rank=same chains across clusters in 2.43), retry with splines, then without
    the file-order chains (the order then rests on the statement order alone)."""
    try:
        return run(source)
    except OutputError:
        tries = []
        if "splines=ortho" in source:
            tries.append(source.replace("splines=ortho", "splines=spline"))
        if _ORDER_CHAIN.search(source):
            tries.append(_ORDER_CHAIN.sub("", tries[-1] if tries else source))
        for attempt in tries:
            try:
                return run(attempt)
            except OutputError:
                continue
        raise


def _with_dpi(source: str, dpi: int) -> str:
    head, _, rest = source.partition("{")
    return f"{head}{{\n\tdpi={int(dpi)}{rest}" if rest else source


def _check_png(data: bytes, opts: DotOptions) -> None:
    import struct

    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise OutputError("Graphviz returned something other than PNG")
    width, height = struct.unpack(">II", data[16:24])
    if max(width, height) >= PNG_LIMIT - 1:
        raise OutputError(
            f"the PNG would be larger than {PNG_LIMIT} px, and Graphviz would shrink it",
            hint="use --page 16:9 (or another page) to paginate, a lower --dpi, --depth/--focus, or write .svg/.pdf",
        )


def _warn_without_cjk_font(g: nx.DiGraph) -> None:
    import sys
    import unicodedata

    text = "".join(str(d.get("title") or "") + str(d.get("name") or "") for _, d in g.nodes(data=True)) + str(g.graph.get("company", ""))
    if not any(unicodedata.east_asian_width(ch) in "WF" for ch in text):
        return
    if engines.cjk_font_available() is False:
        print(f"csdesign: warning: no CJK font found by fontconfig: Chinese text in this chart would show as empty boxes; {engines.FONT_HINT}", file=sys.stderr)


def merge_pdf(parts: list[bytes]) -> bytes:
    """One PDF of every page, with fixed metadata (no creation date), so output is reproducible."""
    import io

    import pypdf

    writer = pypdf.PdfWriter()
    for part in parts:
        writer.append(pypdf.PdfReader(io.BytesIO(part)))
    writer.add_metadata({"/Producer": "csdesign", "/Creator": "csdesign"})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
