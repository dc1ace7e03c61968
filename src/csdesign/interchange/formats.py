"""Export formats (`csdesign export --format`), one :class:`Format` each.

Writer signature: ``writer(graph, org, *, bom: bool) -> str``.
"""

from __future__ import annotations

from csdesign.formats import Format, FormatRegistry

EXPORT_FORMATS = FormatRegistry("export", [
    Format("csv", "csdesign.interchange.csv_export:to_csv", "people CSV, the shape `csdesign import` reads"),
], what="export")
