"""The RACI / duty × role matrix as CSV (RFC 4180 via the csv module, CRLF rows).

Header: ``duty`` then one column per role id. Cells a spreadsheet would run as a formula get
a leading ``'`` (the same guard as the people export).
"""

from __future__ import annotations

import csv
import io

from csdesign.analysis import Report
from csdesign.interchange.formula import guard
from csdesign.render.text import clean


def report_csv(report: Report, lang: str = "en") -> str:
    """The matrix (``lang`` is unused: it holds only duty names and role ids as written)."""
    matrix = report.raci_matrix
    if matrix is None:
        raise ValueError("the RACI matrix was not computed (include 'raci' in --only)")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in matrix.rows():
        writer.writerow([guard(clean(cell)) for cell in row])
    return buf.getvalue()
