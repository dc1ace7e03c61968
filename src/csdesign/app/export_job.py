"""`csdesign export`: load and build the org, write it in one export format."""

from __future__ import annotations

from pathlib import Path

from csdesign.interchange.formats import EXPORT_FORMATS


def export(org: str | Path, structure: str | None = None, *, fmt: str | None = None, output: Path | None = None, bom: bool = False) -> str:
    """The exported text (``--format``, else the ``-o`` suffix, else csv)."""
    from csdesign.model import load_org
    from csdesign.structures import build

    kind = EXPORT_FORMATS.choose(fmt, output, "csv")
    loaded = load_org(org)
    text: str = kind.load()(build(loaded, structure), loaded, bom=bom)
    return text
