"""Office files (PPTX, XLSX) are zip archives whose writers stamp every entry with the
current time; :func:`fixed_zip` rewrites them with fixed dates so equal input gives equal bytes."""

from __future__ import annotations

import io
import re
import zipfile


def fixed_zip(data: bytes, when: str | None = None) -> bytes:
    """The same archive with every entry dated 1980-01-01, nested workbooks (chart data in a
    deck) likewise, and ``docProps/core.xml``'s created/modified set to ``when`` (ISO 8601)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename.endswith(".xlsx"):
                blob = fixed_zip(blob, when)
            elif info.filename == "docProps/core.xml" and when:
                blob = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", lambda m: m.group(1) + when.encode(), blob)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, blob)
    return out.getvalue()
