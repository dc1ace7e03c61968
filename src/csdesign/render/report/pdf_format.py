"""The report as PDF (`report -o report.pdf`): the HTML report printed by headless Chromium.

The HTML page's print stylesheet does the layout (A4, chart pages landscape, table headers
repeated), so the PDF is exactly what "print" in any browser gives. Chromium is found as
``$CSDESIGN_CHROMIUM``, else ``chromium``, ``chromium-browser``, ``google-chrome``,
``google-chrome-stable``, ``chrome`` or ``msedge`` on PATH, else the usual macOS and Windows
install paths. Without one, the command stops with one message saying how to get a PDF
(exit 2), and writes nothing. Chromium dates the document; the dates are set to a fixed
value and its structure ids renumbered (same lengths, so the cross-reference table stays
valid), so the same report on the same Chromium gives the same bytes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from csdesign.analysis import Report
from csdesign.errors import OutputError

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge")
PATHS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
)
#: The document date written into every PDF (as the workbook's and the deck's fixed stamps).
STAMP = b"D:20000101000000"
TIMEOUT = 180  # seconds


def chromium() -> str | None:
    """The Chromium (or Chrome/Edge) binary to print with, or None."""
    env = os.environ.get("CSDESIGN_CHROMIUM")
    if env:
        return env
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in PATHS if Path(p).is_file()), None)


HINT = ("install Chromium (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) or Google Chrome, "
        "or set CSDESIGN_CHROMIUM to its binary; or write -o report.html and print it from any browser")


def report_pdf(report: Report, lang: str = "en") -> bytes:
    """The PDF's bytes."""
    from csdesign.render.report.html_format import report_html

    return print_pdf(report_html(report, lang))


def print_pdf(page: str) -> bytes:
    """Print an HTML document with headless Chromium."""
    exe = chromium()
    if exe is None:
        raise OutputError("a PDF report is printed by Chromium, and no Chromium or Chrome was found", hint=HINT)
    with tempfile.TemporaryDirectory(prefix="csdesign-pdf-") as tmp:
        src, out = Path(tmp, "report.html"), Path(tmp, "report.pdf")
        src.write_text(page, encoding="utf-8")
        cmd = [exe, "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
               "--disable-background-networking", "--disable-component-update", "--disable-sync", f"--user-data-dir={Path(tmp, 'profile')}",
               "--no-pdf-header-footer", "--print-to-pdf-no-header", f"--print-to-pdf={out}", "--virtual-time-budget=10000", src.as_uri()]
        if getattr(os, "geteuid", lambda: 1)() == 0:  # Chromium's sandbox refuses to run as root
            cmd.insert(1, "--no-sandbox")
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise OutputError(f"Chromium ({exe}) did not print the report within {TIMEOUT} s", hint="write -o report.html and print it from a browser") from None
        except OSError as exc:
            raise OutputError(f"cannot run Chromium ({exe}): {exc.strerror or exc}", hint=HINT) from None
        if not out.is_file() or out.stat().st_size == 0:
            last = next((line for line in reversed(proc.stderr.decode("utf-8", "replace").splitlines()) if line.strip()), "")
            raise OutputError(f"Chromium ({exe}) did not print the report (exit {proc.returncode})" + (f": {last.strip()[:200]}" if last else ""),
                              hint="check that it starts (`chromium --headless --version`), or write -o report.html and print it from a browser")
        data = out.read_bytes()
    return stable(data)


def stable(pdf: bytes) -> bytes:
    """The PDF with what varies from run to run made fixed, each at the same length (so the
    cross-reference offsets stay valid): CreationDate and ModDate become :data:`STAMP`, and the
    tagged-PDF structure ids (``(node00000028)``, Blink's DOM node counter, which depends on
    timing) are renumbered in order of first appearance."""
    pdf = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()D:\d{14}", lambda m: m.group(1) + STAMP, pdf)
    ids: dict[bytes, bytes] = {}

    def renumber(m: re.Match[bytes]) -> bytes:
        new = ids.setdefault(m.group(1), str(len(ids) + 1).zfill(len(m.group(1))).encode())
        return b"(node" + new + b")"

    return re.sub(rb"\(node(\d{8})\)", renumber, pdf)
