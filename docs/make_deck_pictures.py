"""Redraw the deck pictures of docs/deliverables.md: each deck as LibreOffice shows it.

    python docs/make_deck_pictures.py      # (re)write docs/deck-ecommerce-zh.png, deck-enterprise-{zh,en}.png

Each deck is made as `csdesign deck` makes it (16:9, a fixed date), converted to PDF by
LibreOffice headless (`soffice`), each slide drawn by poppler's `pdftoppm`, and the slides
tiled two to a row with Pillow (which python-pptx already needs). Needs soffice and pdftoppm
on PATH; the pictures depend on the fonts installed (fonts-noto-cjk, fonts-liberation), so
they are not compared byte for byte by the tests, only redrawn when the deck changes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATE = "2026-12-01"
#: picture -> (example, language, slides shown: None for all)
PICTURES = {
    "deck-ecommerce-zh.png": ("ecommerce-matrix", "zh", 8),
    "deck-enterprise-zh.png": ("enterprise", "zh", None),
    "deck-enterprise-en.png": ("enterprise", "en", None),
}
SLIDE_WIDTH_PX = 660  # each slide in the picture (pdftoppm -scale-to-x)
GAP_PX = 12


def draw(example: str, lang: str, slides: int | None, work: Path) -> Any:
    """One deck's slides, two to a row, as one Pillow image."""
    from PIL import Image

    from csdesign.app.deck_job import deck

    pptx = work / f"{example}-{lang}.pptx"
    pptx.write_bytes(deck(ROOT / "examples" / f"{example}.yaml", lang=lang, date=DATE))
    subprocess.run(["soffice", f"-env:UserInstallation={(work / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work), str(pptx)], check=True, capture_output=True, timeout=300)
    args = ["pdftoppm", "-png", "-scale-to-x", str(SLIDE_WIDTH_PX), "-scale-to-y", "-1"]
    if slides:
        args += ["-l", str(slides)]
    subprocess.run([*args, str(pptx.with_suffix(".pdf")), str(work / f"{example}-{lang}")], check=True, timeout=300)
    pages = [Image.open(p).convert("RGB") for p in sorted(work.glob(f"{example}-{lang}-*.png"))]
    w, h = pages[0].size
    rows = -(-len(pages) // 2)
    sheet = Image.new("RGB", (2 * w + 3 * GAP_PX, rows * (h + GAP_PX) + GAP_PX), (200, 200, 200))
    for k, page in enumerate(pages):
        sheet.paste(page, (GAP_PX + (k % 2) * (w + GAP_PX), GAP_PX + (k // 2) * (h + GAP_PX)))
    return sheet


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for name, (example, lang, slides) in PICTURES.items():
            sheet = draw(example, lang, slides, Path(tmp))
            sheet.save(HERE / name, optimize=True)
            print(f"wrote docs/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
