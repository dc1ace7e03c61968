"""The steering-committee deck (`csdesign deck`): an editable PowerPoint file, built with
python-pptx from the graph, the report, the eight-structure comparison and (with --compare)
the reorganisation diff.

Every org chart slide is native shapes: rounded rectangles with text and connectors glued to
them (elbows for reporting lines, one colour and dash per dotted-line lead), never a picture,
so the consultant can restyle and move boxes in PowerPoint. Text sizes are measured
(render/deck/layout.py) so box text stays at 10 pt or more on the slide. The file is
deterministic: document timestamps come from ``date`` and the zip entries carry a fixed time.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from csdesign.analysis.raci import HOLDS
from csdesign.knowledge.chrome import level_label
from csdesign.render.chart.dot import lead_title
from csdesign.render.deck import layout
from csdesign.render.client import change_rows, client_findings, client_text, raci_lettered, sep

FONT_LATIN = "Arial"
FONT_EA = "Microsoft YaHei"  # LibreOffice and other hosts substitute Noto Sans CJK when absent
INK = RGBColor(0x1A, 0x1A, 0x1A)
GREY = RGBColor(0x59, 0x59, 0x59)
LEVEL_FILL = {"director": (RGBColor(0x1F, 0x4E, 0x79), True), "manager": (RGBColor(0x2A, 0x6A, 0xA6), True),
              "supervisor": (RGBColor(0xC5, 0xDC, 0xF0), False), "individual": (RGBColor(0xFF, 0xFF, 0xFF), False)}
BRAND = LEVEL_FILL["director"][0]  # headings, table headers, figures
WHITE = LEVEL_FILL["individual"][0]
ALERT = RGBColor(0xC5, 0x5A, 0x11)  # the findings figure when there are findings
LIGHT = RGBColor(0xF2, 0xF2, 0xF2)  # external, summary and lead boxes
LINE = RGBColor(0x7F, 0x7F, 0x7F)  # reporting lines
LEAD_STYLES = [
    ("C55A11", MSO_LINE_DASH_STYLE.DASH), ("7030A0", MSO_LINE_DASH_STYLE.ROUND_DOT),
    ("00796B", MSO_LINE_DASH_STYLE.DASH_DOT), ("B8860B", MSO_LINE_DASH_STYLE.LONG_DASH),
    ("AD1457", MSO_LINE_DASH_STYLE.SQUARE_DOT), ("33691E", MSO_LINE_DASH_STYLE.LONG_DASH_DOT),
    ("4E342E", MSO_LINE_DASH_STYLE.DASH_DOT_DOT), ("0277BD", MSO_LINE_DASH_STYLE.DASH),  # only seven dash styles exist: the colour tells it apart
]
RACI_FILL = {"A": "1F4E79", "R": "2A6AA6", "C": "C5DCF0", "I": "EDEDED"}
#: Table rows per slide before a table continues on the next slide.
ROWS_PER_SLIDE = 9
#: RACI matrix role columns per 16:9 slide before the matrix continues on the next slide.
RACI_COLUMNS = 9
#: Page sizes: 16:9 (13.333 x 7.5 in) and 4:3 (10 x 7.5 in).
PAGES = {"16:9": (13.333, 7.5), "4:3": (10.0, 7.5)}
#: Side margin of the body content (tables, text, charts) and of the placeholders.
MARGIN = Inches(0.5)
#: The slide-number field's id: any fixed GUID (PowerPoint needs one per field, not a unique
#: one per deck), so the same input gives the same bytes.
SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
#: The slide title's top and height: it ends at 1.0 in, above every slide's content.
TITLE_BAND = (Inches(0.25), Inches(0.75))
#: Title sizes tried, largest first, until the title fits on one line; the last may wrap.
TITLE_PT = (26, 24, 22, 20, 18)
#: A table cell that is a number (counts, money, percentages, "–" for none): right-aligned.
NUMBER = re.compile(r"[-+–]?[\d,.]*\d[\d,.]*\s?%?|–")


@dataclass
class DeckInput:
    """Everything the deck shows; built by app/deck_job.py."""

    graph: nx.DiGraph
    report: Any  # analysis.Report
    comparison: Any  # analysis.compare.Comparison
    recommendation: Any  # analysis.recommend.Recommendation
    diff: Any | None  # analysis.diff.OrgDiff (with --compare)
    lang: str
    date: dt.date


def T(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def orient_elbow(c: Any, stack: bool, bend: int = 50000) -> None:
    """Store a glued connector's route as PowerPoint draws it: down from the manager's bottom,
    across, and down into the report's top (a stacked leaf: down, then across into its side),
    the run across at ``bend`` (100,000ths of the drop).

    PowerPoint paints a connector's stored geometry until a shape moves, and OOXML's
    ``bentConnector2/3`` are horizontal-first: as python-pptx writes them (no rotation), the
    line would leave the manager sideways and run along the report's top edge (python-pptx
    issue #946). So the frame is turned a quarter, as PowerPoint itself writes such elbows:
    ``rot`` 270° with ``flipH`` for a report to the right, 90° for one to the left or below
    (the flip mirrors the frame before it turns); the frame's width is the drop and its height
    the offset. LibreOffice reroutes glued connectors on open, so it cannot show this;
    tests/render/test_deck.py evaluates the stored geometry instead."""
    bx, by, ex, ey = c.begin_x, c.begin_y, c.end_x, c.end_y
    w, h = abs(ey - by), abs(ex - bx)
    xfrm = c._element.spPr.find(qn("a:xfrm"))
    for flip in ("flipH", "flipV"):
        xfrm.attrib.pop(flip, None)
    if ex > bx:
        xfrm.set("rot", "16200000")
        xfrm.set("flipH", "1")
    else:
        xfrm.set("rot", "5400000")
    off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
    off.set("x", str((bx + ex - w) // 2))
    off.set("y", str((by + ey - h) // 2))
    ext.set("cx", str(w))
    ext.set("cy", str(h))
    geom = c._element.spPr.find(qn("a:prstGeom"))
    geom.set("prst", "bentConnector2" if stack else "bentConnector3")
    av = geom.find(qn("a:avLst"))
    for gd in list(av):
        av.remove(gd)
    if not stack and bend != 50000:
        av.append(av.makeelement(qn("a:gd"), {"name": "adj1", "fmla": f"val {bend}"}))


class _Deck:
    def __init__(self, data: DeckInput, template: Path | None, page: str):
        self.d = data
        self.lang = data.lang
        self.prs = Presentation(str(template)) if template else Presentation()
        if template is None:
            w, h = PAGES.get(page, PAGES["16:9"])
            self.prs.slide_width, self.prs.slide_height = Inches(w), Inches(h)
            self._fit_placeholders()
        self.W = self.prs.slide_width / 914400
        self.H = self.prs.slide_height / 914400
        layouts = {lay.name: lay for lay in self.prs.slide_layouts}
        self.title_layout = layouts.get("Title Slide", self.prs.slide_layouts[0])
        self.only_title = layouts.get("Title Only", self.prs.slide_layouts[min(5, len(self.prs.slide_layouts) - 1)])

    def _fit_placeholders(self) -> None:
        """Lay python-pptx's default master and layouts out for the page chosen: they are drawn
        for a 10 in wide 4:3 slide, and changing the slide size moves none of them (a title
        placeholder 9 in wide on a 13.33 in slide sits left of centre). The area between the
        0.5 in side margins, where the body content goes, is stretched to the new width: a
        placeholder centred on the old slide and wider than half of it spans the whole area
        (the titles), any other keeps its place in it in proportion (footers, two columns).
        The master's title becomes a band from 0.25 to 1.0 in, its text anchored at the
        bottom, so a title stays clear of the content below it (tables from 1.3 in, the
        "continued" notes above chart boxes from 1.05 in) and an overlong one grows upwards."""
        margin, old_w, new_w = int(MARGIN), int(Inches(10)), int(self.prs.slide_width or Inches(10))
        area_old, area_new = old_w - 2 * margin, new_w - 2 * margin

        def scaled(v: int) -> int:
            return int(margin + (v - margin) * area_new // area_old)

        for part in [self.prs.slide_master, *self.prs.slide_layouts]:
            for ph in part.placeholders:
                if ph._element.spPr.find(qn("a:xfrm")) is None:
                    continue  # inherits its place from the master
                x, w = int(ph.left or 0), int(ph.width or 0)
                left: int
                right: int
                if abs(2 * x + w - old_w) <= Inches(0.02) and 2 * w > old_w:
                    left, right = margin, new_w - margin
                else:
                    left, right = scaled(x), scaled(x + w)
                ph.left, ph.width = Emu(left), Emu(right - left)
        for ph in self.prs.slide_master.placeholders:
            if ph.placeholder_format.type == PP_PLACEHOLDER.TITLE:
                ph.top, ph.height = TITLE_BAND
                ph.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM

    # -- text helpers -------------------------------------------------------------------
    def _font(self, run: Any, size: float, bold: bool = False, colour: RGBColor = INK) -> None:
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour
        run.font.name = FONT_LATIN
        rpr = run._r.get_or_add_rPr()
        for tag in ("a:ea", "a:cs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = rpr.makeelement(qn(tag), {})
                rpr.append(el)
            el.set("typeface", FONT_EA)

    def _para(self, tf: Any, text: str, size: float, *, bold: bool = False, colour: RGBColor = INK, first: bool = False, align: Any = None) -> None:
        p = tf.paragraphs[0] if first else tf.add_paragraph()
        if align is not None:
            p.alignment = align
        run = p.add_run()
        run.text = text
        self._font(run, size, bold, colour)

    def slide(self, title: str) -> Any:
        s = self.prs.slides.add_slide(self.only_title)
        if s.shapes.title is not None:
            s.shapes.title.text = title
            size = self.title_size(title, (s.shapes.title.width or self.prs.slide_width - 2 * MARGIN) / 914400 - 0.2)  # a client title may have no size of its own
            for p in s.shapes.title.text_frame.paragraphs:
                for r in p.runs:
                    self._font(r, size, True)
        else:
            self.textbox(s, 0.5, 0.3, self.W - 1, 0.8, [title], self.title_size(title, self.W - 1.2), bold=True)
        return s

    @staticmethod
    def title_size(title: str, width: float) -> float:
        """The largest of TITLE_PT at which ``title`` fits ``width`` inches on one line (with a
        tenth to spare: bold capitals are wider than layout.text_width's average); past them
        the smallest, on two lines, which the title band holds."""
        return next((pt for pt in TITLE_PT if layout.text_width(title, pt) * 1.1 <= width), TITLE_PT[-1])

    def textbox(self, s: Any, x: float, y: float, w: float, h: float, lines: list[str], size: float, *, bold: bool = False, colour: RGBColor = INK) -> Any:
        tb = s.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
        tf = tb.text_frame
        tf.word_wrap = True
        for i, line in enumerate(lines):
            self._para(tf, line, size, bold=bold, colour=colour, first=i == 0)
        return tb

    def table(self, s: Any, x: float, y: float, w: float, header: list[str], rows: list[list[str]], widths: list[float], size: float = 11, fills: dict[tuple[int, int], str] | None = None) -> Any:
        shape = s.shapes.add_table(len(rows) + 1, len(header), Inches(x), Inches(y), Inches(w), Inches(0.4 * (len(rows) + 1)))
        tbl = shape.table
        total = sum(widths)
        for j, wd in enumerate(widths):
            tbl.columns[j].width = Emu(int(Inches(w) * wd / total))
        for j, text in enumerate(header):
            cell = tbl.cell(0, j)
            cell.text_frame.text = ""
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            self._para(cell.text_frame, text, size, bold=True, colour=WHITE, first=True)
            cell.fill.solid()
            cell.fill.fore_color.rgb = BRAND
        for i, row in enumerate(rows, start=1):
            for j, text in enumerate(row):
                cell = tbl.cell(i, j)
                cell.text_frame.text = ""
                cell.text_frame.word_wrap = True
                fill = (fills or {}).get((i - 1, j))
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                self._para(cell.text_frame, text, size, first=True, align=PP_ALIGN.RIGHT if NUMBER.fullmatch(text) else None,
                           colour=WHITE if fill in ("1F4E79", "2A6AA6") else INK)
                cell.fill.solid()
                cell.fill.fore_color.rgb = RGBColor.from_string(fill or ("FFFFFF" if i % 2 else "F2F2F2"))
        return shape

    def table_slides(self, title: str, header: list[str], rows: list[list[str]], widths: list[float], note: str | None = None) -> None:
        """A table over as many slides as it needs (ROWS_PER_SLIDE each), marked continued."""
        chunks = balanced(rows, ROWS_PER_SLIDE) or [[]]
        for k, chunk in enumerate(chunks):
            suffix = "" if len(chunks) == 1 else T(self.lang, f" ({k + 1}/{len(chunks)})", f"（{k + 1}/{len(chunks)}）")
            s = self.slide(title + suffix)
            if chunk:
                self.table(s, 0.5, 1.4, self.W - 1.0, header, chunk, widths)
            else:
                self.textbox(s, 0.5, 1.5, self.W - 1, 1, [note or T(self.lang, "Nothing to report.", "无。")], 16)

    # -- slides -------------------------------------------------------------------------
    def title_slide(self) -> None:
        g, lang = self.d.graph, self.lang
        from csdesign.knowledge.guide import stage_name, structure_label

        s = self.prs.slides.add_slide(self.title_layout)
        title = str(g.graph.get("company") or "")
        sub = T(lang, "Customer success organisation", "客户成功组织设计")
        line2 = " · ".join([structure_label(str(g.graph.get("structure")), lang) + T(lang, " structure", ""),
                            stage_name(str(g.graph.get("stage") or "growth"), lang), self.d.date.isoformat()])
        placeholders = list(s.placeholders)
        if placeholders:
            placeholders[0].text = title
            for r in placeholders[0].text_frame.paragraphs[0].runs:
                self._font(r, 36, True)
        if len(placeholders) > 1:
            tf = placeholders[1].text_frame
            tf.text = ""
            self._para(tf, sub, 20, first=True)
            self._para(tf, line2, 16, colour=GREY)
        if not placeholders:
            self.textbox(s, 0.8, 2.5, self.W - 1.6, 2, [title, sub, line2], 28, bold=True)

    def summary_slide(self) -> None:
        """Four figures across the top (people, managers, layers, findings); below them, what
        the org is today, what was found and what is recommended, beside headcount by unit and
        level as one small table (units down, levels across, totals both ways)."""
        g, lang, rep = self.d.graph, self.lang, self.d.report
        s = self.slide(T(lang, "Executive summary", "执行摘要"))
        from csdesign.knowledge.guide import structure_ids, structure_name

        x0, top = 0.6, 1.35
        width = self.W - 2 * x0
        spans = rep.result("spans")
        tiles = []
        if spans is not None:
            tiles += [(spans.headcount, T(lang, "people", "总人数")), (spans.manager_people, T(lang, "managers", "管理者")),
                      (spans.layers, T(lang, "layers below the CS head", "负责人以下层级"))]
        tiles.append((rep.findings, T(lang, "findings to act on", "待处理问题")))
        gap = 0.25
        tile_w = (width - gap * (len(tiles) - 1)) / len(tiles)
        for i, (number, label) in enumerate(tiles):
            shp = s.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Inches(x0 + i * (tile_w + gap)), Inches(top), Inches(tile_w), Inches(1.0))
            shp.name = f"figure {i + 1}"
            shp.fill.solid()
            shp.fill.fore_color.rgb = BRAND if i < len(tiles) - 1 or not number else ALERT
            shp.line.fill.background()
            shp.shadow.inherit = False
            tf = shp.text_frame
            tf.vertical_anchor = MSO_ANCHOR.MIDDLE
            self._para(tf, f"{number:,}", 28, bold=True, colour=WHITE, first=True, align=PP_ALIGN.CENTER)
            self._para(tf, label, 12, colour=WHITE, align=PP_ALIGN.CENTER)

        body_top = top + 1.35
        header, rows = self._headcount_table()
        size = 11 if len(rows) <= 8 else 10
        # the table as wide as its words need (a level name never breaks), at most 55 % of the slide
        cols = [max(layout.text_width(row[j], size) for row in [header, *rows]) + 0.3 for j in range(len(header))]
        table_w = min(sum(cols), width * 0.55)
        left_w = width - table_w - 0.5 if rows else width
        tb = s.shapes.add_textbox(Inches(x0), Inches(body_top), Inches(left_w), Inches(self.H - body_top - 0.4))
        tf = tb.text_frame
        tf.word_wrap = True
        first = True

        def section(heading: str, lines: list[str]) -> None:
            nonlocal first
            self._para(tf, heading, 16, bold=True, colour=BRAND, first=first)
            if not first:
                tf.paragraphs[-1].space_before = Pt(12)
            first = False
            for line in lines:
                self._para(tf, line, 14)

        structure = str(g.graph.get("structure"))
        named = structure_name(structure, lang) if structure in structure_ids() else T(lang, "as-is org", "现状组织")
        today = [T(lang, "Structure: ", "组织结构：") + named]  # "Market-based", as the recommendation names it
        placement = rep.result("placement") if "placement" in rep.ran else None
        if placement is not None:
            today.append(client_text(placement.message(lang), g, lang))
        section(T(lang, "Today", "现状"), today)
        section(T(lang, "Findings", "发现的问题"), [rep.summary(lang)])
        top_rank = self.d.recommendation.first if self.d.recommendation.ranking else None
        if top_rank is not None and top_rank.score is not None:
            keep = top_rank.structure == structure
            head = T(lang, f"Keep the {top_rank.name} structure" if keep else f"Move to the {top_rank.name} structure",
                     f"保持{top_rank.name}结构" if keep else f"调整为{top_rank.name}结构")
            section(T(lang, "Recommendation", "建议"), [head, *("• " + client_text(r.text, g, lang) for r in top_rank.reasons[:2])])

        if rows:
            tx = x0 + width - table_w
            self.textbox(s, tx - 0.1, body_top - 0.05, table_w + 0.1, 0.4, [T(lang, "Headcount by unit and level", "各单元、各层级人数")], 16, bold=True,
                         colour=BRAND)
            shape = self.table(s, tx, body_top + 0.45, table_w, header, rows, cols, size=size)
            last = len(rows)
            for j in range(len(header)):  # the totals row in bold
                for r in shape.table.cell(last, j).text_frame.paragraphs[0].runs:
                    r.font.bold = True

    #: Units listed one per row on the summary slide; more are summed in one last row.
    SUMMARY_UNITS = 10

    def _headcount_table(self) -> tuple[list[str], list[list[str]]]:
        """Headcount with units down (department-wide roles first, then units in file order)
        and the levels present across, totals on the right and below. Past
        :attr:`SUMMARY_UNITS` units the rest are summed in one row that says how many."""
        g, lang = self.d.graph, self.lang
        units = g.graph.get("units", {})
        shared = T(lang, "Department-wide", "部门共享")
        counts: dict[str, dict[str, int]] = {}
        for _, d in g.nodes(data=True):
            if d.get("kind") != "role":
                continue
            unit = str(units.get(d.get("unit"), {}).get("label") or shared)
            level = str(d.get("level") or "individual")
            row = counts.setdefault(unit, {})
            row[level] = row.get(level, 0) + int(d.get("headcount") or 1)
        if not counts:
            return [], []
        order = ["director", "manager", "supervisor", "individual"]
        levels = [lv for lv in order if any(lv in row for row in counts.values())]
        unit_order = [shared] + [str(u["label"]) for u in units.values()]
        names = sorted(counts, key=lambda u: unit_order.index(u) if u in unit_order else len(unit_order))
        if len(names) > self.SUMMARY_UNITS:
            rest = names[self.SUMMARY_UNITS - 1:]
            merged: dict[str, int] = {}
            for u in rest:
                for lv, n in counts[u].items():
                    merged[lv] = merged.get(lv, 0) + n
            label = T(lang, f"{len(rest)} more units", f"其余 {len(rest)} 个单元")
            counts[label] = merged
            names = names[: self.SUMMARY_UNITS - 1] + [label]

        def line(name: str, row: dict[str, int]) -> list[str]:
            return [name, *(f"{row[lv]:,}" if row.get(lv) else "–" for lv in levels), f"{sum(row.values()):,}"]

        total = {lv: sum(counts[u].get(lv, 0) for u in names) for lv in levels}
        header = [T(lang, "Unit", "单元"), *(level_label(lv, lang) for lv in levels), T(lang, "Total", "合计")]
        return header, [line(u, counts[u]) for u in names] + [line(T(lang, "Total", "合计"), total)]

    def chart_slides(self) -> None:
        g, lang = self.d.graph, self.lang
        # the markers name slide numbers: the first chart page is the next slide
        pages = layout.pages(g, lang, first=len(self.prs.slides) + 1)
        base = len(self.prs.slides)
        for i, page in enumerate(pages):
            title = T(lang, "Org chart", "组织结构图") + " · " + page.title
            s = self.slide(title)
            self._draw(s, page, base, pages)

    def _draw(self, s: Any, page: layout.ChartPage, base: int, pages: list[layout.ChartPage]) -> None:
        scale = page.scale
        ox = (self.W - max(b.x + b.w for b in page.boxes) * scale) / 2
        oy = 1.35
        shapes: dict[str, Any] = {}
        pt = layout.BOX_PT * scale
        for b in page.boxes:
            shp = s.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Inches(ox + b.x * scale), Inches(oy + b.y * scale), Inches(b.w * scale), Inches(b.h * scale))
            shp.name = f"box {len(shapes) + 1}"
            fill, white = LEVEL_FILL.get(b.level or "individual", LEVEL_FILL["individual"])
            if b.kind in ("external", "summary", "lead"):
                fill, white = LIGHT, False
            shp.fill.solid()
            shp.fill.fore_color.rgb = fill
            shp.line.color.rgb = GREY
            shp.line.width = Pt(1)
            if b.vacant or b.kind in ("external", "summary", "lead"):
                shp.line.dash_style = MSO_LINE_DASH_STYLE.DASH
            shp.shadow.inherit = False
            tf = shp.text_frame
            tf.word_wrap = True
            tf.vertical_anchor = MSO_ANCHOR.MIDDLE
            for m in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
                setattr(tf, m, Inches(0.04))
            for i, line in enumerate(b.lines):
                self._para(tf, line, pt if i == 0 else max(layout.MIN_PT, pt - 1), bold=i == 0 and b.kind != "role",
                           colour=WHITE if white else INK, first=i == 0, align=PP_ALIGN.CENTER)
            shapes[b.key] = shp
            if b.marker:
                # below a box whose branch continues elsewhere (nothing hangs under it here), else above
                below = b.kind == "summary" or (b.comes_from is None and not any(e.src == b.key for e in page.edges if e.kind != "dotted"))
                y = oy + (b.y + b.h) * scale + 0.02 if below else oy + b.y * scale - 0.3
                w = max(b.w * scale + 0.4, layout.text_width(b.marker, layout.MIN_PT) + 0.3)
                note = self.textbox(s, ox + (b.x + b.w / 2) * scale - w / 2, y, w, 0.3, [b.marker], layout.MIN_PT, colour=GREY)
                note.text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
        leads_used: dict[int, str] = {}
        # dotted lines into the same box cross the gap above it on tracks of their own
        into: dict[str, list[layout.PEdge]] = {}
        for e in page.edges:
            if e.kind == "dotted":
                into.setdefault(e.dst, []).append(e)
        for e in page.edges:
            a, z = shapes.get(e.src), shapes.get(e.dst)
            if a is None or z is None:
                continue
            c = s.shapes.add_connector(MSO_CONNECTOR.ELBOW, 0, 0, 0, 0)
            c.begin_connect(a, 2)
            c.end_connect(z, 1 if e.kind == "stack" else 0)
            shared = into.get(e.dst, []) if e.kind == "dotted" else []
            bend = 20000 + 60000 * (shared.index(e) + 1) // (len(shared) + 1) if len(shared) > 1 else 50000
            orient_elbow(c, e.kind == "stack", bend)
            c.line.width = Pt(1.25)
            if e.kind == "dotted":
                colour, dash = LEAD_STYLES[(e.lead or 0) % len(LEAD_STYLES)]
                c.line.color.rgb = RGBColor.from_string(colour)
                c.line.dash_style = dash
                leads_used[e.lead or 0] = e.src.removeprefix("lead:")
            else:
                c.line.color.rgb = LINE
        self._legend(s, page, leads_used)

    def _legend(self, s: Any, page: layout.ChartPage, leads: dict[int, str]) -> None:
        g, lang = self.d.graph, self.lang
        tb = s.shapes.add_textbox(Inches(0.4), Inches(self.H - 0.55), Inches(self.W - 0.8), Inches(0.4))
        tf = tb.text_frame
        p = tf.paragraphs[0]

        def part(text: str, colour: RGBColor, bold: bool = False) -> None:
            r = p.add_run()
            r.text = text
            self._font(r, layout.MIN_PT, bold, colour)

        part(T(lang, "Legend: ", "图例："), INK, True)
        part("━━ ", LINE)
        part(T(lang, "reporting line   ", "汇报关系　"), INK)
        for no, lead in sorted(leads.items()):
            colour, _ = LEAD_STYLES[no % len(LEAD_STYLES)]
            part("┅┅ ", RGBColor.from_string(colour))
            title = lead_title(g, lead, lang)  # "Regional Success Lead (APAC)": leads may share a title
            part(T(lang, f"dotted line to {title}   ", f"虚线汇报给{title}　"), INK)
        if any(b.vacant for b in page.boxes):
            part(T(lang, "dashed box: vacancy   ", "虚线框：空缺岗位　"), INK)
        if any(b.kind == "summary" for b in page.boxes):
            part(T(lang, "grey box: a unit, detailed on its own slide", "灰色框：单元，详见后续页"), INK)

    def findings_slides(self) -> None:
        lang, rep = self.lang, self.d.report
        rows = [[f.label, sep(lang).join(f.titles[:4]) + (" …" if len(f.titles) > 4 else ""), f.what, f.todo] for f in client_findings(rep, lang)]
        header = [T(lang, "Analysis", "分析"), T(lang, "Roles", "涉及岗位"), T(lang, "Finding", "问题"), T(lang, "What to do", "建议")]
        self.table_slides(T(lang, "Findings", "问题与建议"), header, rows, [1.3, 2.2, 4.0, 3.5],
                          T(lang, "No findings: every duty has one owner and spans are on target.", "未发现问题。"))

    def raci_slides(self) -> None:
        """Duties x role titles, coloured by letter; wide matrices continue by columns, long
        ones by rows."""
        lang, rep = self.lang, self.d.report
        m = rep.raci_matrix if "raci" in rep.ran else None
        if m is None or not m.duties:
            return
        # the RACI section's duties and the roles holding a letter; "holds" marks stay in the workbook
        duties, lettered = raci_lettered(m)
        if not duties:
            return
        legend = T(lang, "A accountable · R responsible · C consulted · I informed", "A 最终负责 · R 执行 · C 咨询 · I 知会")
        per_slide = max(4, int(RACI_COLUMNS * (self.W - 1) / (PAGES["16:9"][0] - 1) + 1e-6))  # fewer on a 4:3 page
        for n, cols in enumerate(balanced(lettered, per_slide)):
            header = [T(lang, "Duty", "职责")] + [r.title for r in cols]
            rows = [[duty] + [m.cell(duty, r.role_id) if m.cell(duty, r.role_id) != HOLDS else "" for r in cols] for duty in duties]
            for k, chunk in enumerate(balanced(rows, ROWS_PER_SLIDE)):
                more = k > 0 or n > 0
                s = self.slide(T(lang, "RACI matrix", "RACI 矩阵") + (T(lang, " (continued)", "（续）") if more else ""))
                fills = {(i, j): RACI_FILL[row[j][:1]] for i, row in enumerate(chunk) for j in range(1, len(row)) if row[j][:1] in RACI_FILL}
                self.table(s, 0.5, 1.4, self.W - 1.0, header, chunk, [2.6] + [1.2] * len(cols), size=10, fills=fills)
                # every slide of the matrix says what its letters mean, not only the last
                self.textbox(s, 0.5, self.H - 0.6, self.W - 1, 0.4, [legend], 10, colour=GREY).name = "RACI legend"

    def spans_slide(self) -> None:
        lang, rep = self.lang, self.d.report
        spans = rep.result("spans") if "spans" in rep.ran else None
        if spans is None:
            return
        s = self.slide(T(lang, "Spans of control and layers", "管理幅度与层级"))
        data = CategoryChartData()
        data.categories = [f"{b.zh if lang == 'zh' else b.en} ({b.range_text()})" for b in spans.bands]
        data.add_series(T(lang, "Managers", "管理者人数"), [spans.band_people.get(b.id, 0) for b in spans.bands])
        gf = s.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(0.5), Inches(1.4), Inches(self.W * 0.58), Inches(self.H - 2.2), data)
        chart = gf.chart
        chart.has_legend = False
        chart.font.size = Pt(12)
        chart.value_axis.has_major_gridlines = True
        chart.plots[0].has_data_labels = True
        layers = CategoryChartData()
        layers.categories = [T(lang, "Layers", "层级")]
        layers.add_series(T(lang, "Modelled", "当前"), [spans.layers])
        layers.add_series(T(lang, "Needed at target span", "目标幅度下所需"), [spans.layers_needed])
        gf2 = s.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(self.W * 0.64), Inches(1.4), Inches(self.W * 0.32), Inches(self.H - 2.2), layers)
        c2 = gf2.chart
        c2.has_legend = True
        c2.legend.position = XL_LEGEND_POSITION.BOTTOM
        c2.legend.include_in_layout = False
        c2.font.size = Pt(12)
        c2.plots[0].has_data_labels = True

    def capacity_slides(self) -> None:
        g, lang, rep = self.d.graph, self.lang, self.d.report
        if "capacity" not in rep.ran:
            return
        from csdesign.analysis.registry import ANALYSES

        sections = load_sections(ANALYSES["capacity"], rep, lang)
        for sec in sections:
            if sec.rows:
                self.table_slides(T(lang, "Capacity and staffing", "产能与人员配置") + ("" if not sec.heading else " · " + client_text(sec.heading, g, lang)),
                                  [client_text(c, g, lang) for c in sec.columns], [[client_text(c, g, lang) for c in r] for r in sec.rows],
                                  [1.0] * len(sec.columns))

    def compare_slide(self) -> None:
        g, lang, c, rec = self.d.graph, self.lang, self.d.comparison, self.d.recommendation
        from csdesign.knowledge.guide import structure_label

        scores = {r.structure: r for r in rec.ranking}
        header = [T(lang, "Structure", "结构"), T(lang, "Score", "得分"), T(lang, "Layers", "层级"), T(lang, "Max span", "最大幅度"),
                  T(lang, "People", "人数"), T(lang, "Overlaps", "职责重叠"), T(lang, "Gaps", "职责空缺"), T(lang, "Silos", "信息孤岛")]
        rows = []
        for r in sorted(c.rows, key=lambda r: [x.structure for x in rec.ranking].index(r.structure) if r.structure in scores else 99):
            sc = scores.get(r.structure)
            if not r.ok:
                rows.append([structure_label(r.structure, lang), "—", "—", "—", "—", "—", "—", "—"])
                continue
            rows.append([structure_label(r.structure, lang), f"{sc.score:g}" if sc and sc.score is not None else "—", str(r.layers), str(r.span_max),
                         str(r.headcount), str(r.overlaps), str(r.gaps), str(r.silo_pairs)])
        s = self.slide(T(lang, "The eight structures compared", "八种组织结构对比"))
        self.table(s, 0.5, 1.3, self.W * 0.62, header, rows, [1.6, 0.8, 0.8, 0.9, 0.8, 0.9, 0.9, 0.9], size=10)
        top = rec.first if rec.ranking else None
        if top is not None and top.score is not None:
            lines = [T(lang, f"Recommended: {top.name}", f"建议采用：{top.name}")]
            lines += ["– " + client_text(r.text, g, lang) for r in top.reasons[:5]]
            self.textbox(s, self.W * 0.66, 1.3, self.W * 0.31, self.H - 2, lines, 12)

    def change_slides(self) -> None:
        d, lang = self.d.diff, self.lang
        if d is None:
            return
        boxes, duties = change_rows(d, lang, tuple(x for x in (self.d.graph, self.d.report.before) if x is not None))
        self.table_slides(T(lang, "What changes: boxes", "调整内容：岗位"), [T(lang, "Change", "变化"), T(lang, "Box", "岗位"), T(lang, "Details", "明细")],
                          boxes, [1.2, 3.0, 6.0])
        self.table_slides(T(lang, "What changes: duties", "调整内容：职责转移"), [T(lang, "Duty", "职责"), T(lang, "Change", "变化"), T(lang, "From", "移出"), T(lang, "To", "移入")],
                          duties, [2.5, 1.2, 3.0, 3.0])

    def number_slides(self) -> None:
        """Every slide after the title slide shows its number at the bottom right, outside the
        0.5 in margins the content keeps, so the "见第 4 页 / see p. 4" markers can be followed on
        paper. A slide-number field: PowerPoint and LibreOffice renumber it if slides move."""
        for i, s in enumerate(self.prs.slides, start=1):
            if i == 1:
                continue
            tb = self.textbox(s, self.W - 0.4, self.H - 0.38, 0.35, 0.3, [""], 10, colour=GREY)  # the chart legend ends at 0.4 in
            tb.name = "Slide number"
            tf = tb.text_frame
            tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
            p = tf.paragraphs[0]
            p.alignment = PP_ALIGN.RIGHT
            run = p.runs[0]._r
            fld = run.makeelement(qn("a:fld"), {"id": SLIDE_NUMBER_FIELD, "type": "slidenum"})
            fld.append(run.find(qn("a:rPr")))
            text = fld.makeelement(qn("a:t"), {})
            text.text = str(i)
            fld.append(text)
            run.addprevious(fld)
            run.getparent().remove(run)

    def build(self) -> bytes:
        self.title_slide()
        self.summary_slide()
        self.chart_slides()
        self.findings_slides()
        self.raci_slides()
        self.spans_slide()
        self.capacity_slides()
        self.compare_slide()
        self.change_slides()
        self.number_slides()
        when = dt.datetime(self.d.date.year, self.d.date.month, self.d.date.day)
        cp = self.prs.core_properties
        cp.created = cp.modified = when
        cp.last_printed = when
        cp.revision = 1
        cp.author = cp.last_modified_by = "csdesign"
        cp.title = str(self.d.graph.graph.get("company") or "")
        buf = io.BytesIO()
        self.prs.save(buf)
        from csdesign.render.zipfix import fixed_zip

        return fixed_zip(buf.getvalue(), when.strftime("%Y-%m-%dT%H:%M:%SZ"))


def balanced(items: list, most: int) -> list[list]:
    """``items`` in as few runs of at most ``most`` as they need, the runs as even as they can
    be (ten rows at nine a slide are five and five, not nine and one left alone)."""
    if not items:
        return []
    runs = -(-len(items) // most)
    size = -(-len(items) // runs)
    return [items[i:i + size] for i in range(0, len(items), size)]


def load_sections(a: Any, rep: Any, lang: str) -> list[Any]:
    from csdesign.analysis.registry import load

    return list(load(a.section)(rep, lang)) if a.section else []


def to_pptx(data: DeckInput, template: Path | None = None, page: str = "16:9") -> bytes:
    """The deck's bytes."""
    return _Deck(data, template, page).build()
