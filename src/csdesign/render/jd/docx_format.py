"""A job description as a Word document, with python-docx (styles, tables and East Asian
fonts done right, which hand-written OOXML would not be).

Byte-identical for the same input: the package's dates are fixed (core properties and every
zip entry), since python-docx stamps the current time otherwise. CJK text is set in Noto Sans
CJK SC (the ``w:eastAsia`` font), Latin text in the theme font.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import TYPE_CHECKING

from csdesign.analysis.jd import JobDescription
from csdesign.render.jd.labels import duty_name, facts, raci_text, subtitle, w
from csdesign.render.text import clean

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table

#: Fixed package date (zip entries and core properties): same input, same bytes.
STAMP = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
CJK_FONT = "Noto Sans CJK SC"


def jd_docx(jd: JobDescription, lang: str = "en") -> bytes:
    from docx import Document

    doc = Document()
    _fonts(doc)
    props = doc.core_properties
    props.title = clean(jd.title)
    props.subject = clean(subtitle(jd, lang))
    props.author = props.last_modified_by = "csdesign"
    props.created = props.modified = props.last_printed = STAMP.replace(tzinfo=None)
    props.revision = 1
    doc.add_heading(clean(jd.title), level=0)
    doc.add_paragraph(clean(subtitle(jd, lang)))
    rows = facts(jd, lang)
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for i, (k, v) in enumerate(rows):
        table.cell(i, 0).text = clean(k)
        table.cell(i, 1).text = clean(v)
        for run in table.cell(i, 0).paragraphs[0].runs:
            run.bold = True
    _widths(table, (4.0, 12.0))
    none = w(lang, "none")
    doc.add_heading(w(lang, "duties"), level=1)
    _grid(doc, [w(lang, "duty"), w(lang, "raci")], [[duty_name(d.name, d.listed, lang), raci_text(d.raci, lang)] for d in jd.duties], none, (11.0, 5.0))
    doc.add_heading(w(lang, "kpis"), level=1)
    _grid(doc, [w(lang, "kpi"), w(lang, "target"), w(lang, "baseline"), w(lang, "by")],
          [[k.name, k.target or none, k.baseline or none, k.by or none] for k in jd.kpis], none, (6.0, 4.5, 2.5, 3.0))
    doc.add_heading(w(lang, "skills"), level=1)
    if jd.skills:
        for s in jd.skills:
            doc.add_paragraph(clean(s), style="List Bullet")
    else:
        doc.add_paragraph(none)
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_dates(buf.getvalue())


def _widths(table: Table, cm: tuple[float, ...]) -> None:
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, cm):
        column.width = Cm(width)  # the grid LibreOffice lays out by
    for row in table.rows:
        for cell, width in zip(row.cells, cm):
            cell.width = Cm(width)


def _grid(doc: DocxDocument, header: list[str], rows: list[list[str]], none: str, cm: tuple[float, ...]) -> None:
    if not rows:
        doc.add_paragraph(none)
        return
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for j, h in enumerate(header):
        table.cell(0, j).text = clean(h)
        for run in table.cell(0, j).paragraphs[0].runs:
            run.bold = True
    for i, row in enumerate(rows, 1):
        for j, value in enumerate(row):
            table.cell(i, j).text = clean(value)
    _widths(table, cm)


def _fonts(doc: DocxDocument) -> None:
    """East Asian text in a CJK font for every style the document uses."""
    from docx.oxml.ns import qn

    for name in ("Normal", "Title", "Heading 1", "List Bullet"):
        rpr = doc.styles[name].element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.insert(0, fonts)
        fonts.set(qn("w:eastAsia"), CJK_FONT)


def _fixed_dates(data: bytes) -> bytes:
    """The same package with every zip entry dated :data:`STAMP` (order and content kept)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
