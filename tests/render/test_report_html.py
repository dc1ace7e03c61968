"""`report -o report.html` and `-o report.pdf`: one self-contained page, checked as text and in
Debian's Chromium through Playwright (no network request at all, findings that mark their
boxes, the print stylesheet), and the PDF read back with pdftotext. Browser and PDF tests
skip with a reason without Chromium, playwright or poppler-utils."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from csdesign.analysis import run_all
from csdesign.render.client import roster_rows
from csdesign.render.report.html_format import report_html
from csdesign.structures import build_file
from tests.helpers import EXAMPLES, ROOT, graph_from

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

HOSTILE = """
company: {name: "Acme <script>alert(1)</script> & Co"}
roles:
  - {id: head, title: "Head \\"of\\" <b>CS</b>", level: director, duties: [strategy, budget allocation, cross-department coordination]}
  - {id: a, title: "CSM <img src=x onerror=alert(2)>", reports_to: head, duties: ["=SUM(A1)", 客户回访]}
  - {id: b, title: Support, reports_to: head, duties: [客户回访]}
raci:
  客户回访: {A: a, R: [a, b]}
"""


def page(example: str, lang: str) -> str:
    return report_html(run_all(build_file(str(EXAMPLES / example))), lang)


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "csdesign", *args], capture_output=True, text=True, cwd=ROOT, env=env)


def test_one_file_nothing_external_deterministic():
    html = page("ecommerce-matrix.yaml", "zh")
    assert html == page("ecommerce-matrix.yaml", "zh")
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh">')
    assert "default-src 'none'" in html
    # the only URLs are SVG/XLink namespace names, which are never fetched
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert not re.search(r"<(?:link|img|iframe|object|embed)\b|\bsrc=|@import|url\(", html)
    assert html.count("<svg ") == 4  # overview + one page per product unit
    assert "<title>n" not in html and "<?xml" not in html  # no Graphviz node names, no prolog
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_client_text_titles_not_ids_no_seed_tags():
    html = page("ecommerce-matrix.yaml", "zh")
    body = re.sub(r"<script>.*?</script>|<style>.*?</style>", "", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", body)
    assert "seed" not in text.lower() and "种子" not in text
    assert "(kam)" not in text and "tier1_lead" not in text.split("附录")[0]  # ids only in the appendix
    assert "问题与建议" in text and "在图中查看" in text
    assert "职责「大促期间客诉升级处理」有两个负责人：一线主管与产品支持工程师在" in text
    g = build_file(str(EXAMPLES / "ecommerce-matrix.yaml"))
    appendix = text.split("附录")[-1]
    for r in roster_rows(g, "zh"):
        assert r.role_id in appendix


def test_english_page_of_a_chinese_org_and_default_language(tmp_path):
    en = page("ecommerce-matrix.yaml", "en")
    assert '<html lang="en">' in en and "Findings and what to do" in en and "问题与建议" not in en
    out = tmp_path / "r.html"
    assert run("report", "examples/ecommerce-matrix.yaml", "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="zh">')  # Chinese org: zh, like render -o chart.html
    assert run("report", "examples/startup.yaml", "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="en">')
    md = run("report", "examples/ecommerce-matrix.yaml", "-f", "markdown")
    assert md.stdout.startswith("# Responsibility report")  # other formats keep English by default


def test_user_text_is_escaped():
    html = report_html(run_all(graph_from(HOSTILE)), "en")
    assert "<script>alert" not in html and "<img" not in html and "<b>CS" not in html
    assert "Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "CSM &lt;img src=x onerror=alert(2)&gt;" in html


def test_boxes_link_to_findings_and_back():
    html = page("ecommerce-matrix.yaml", "zh")
    show = re.findall(r'<a class="show" href="#a_(b\d+)" data-boxes="([^"]+)">', html)
    assert show, "a finding links to its boxes"
    for first, boxes in show:
        assert boxes.split()[0] == first
        for b in boxes.split():
            assert f'id="a_{b}"' in html
    # every marked box links back to a finding row that exists
    for target in re.findall(r'<a xlink:href="#(f\d+)"', html):
        assert f'<tr id="{target}">' in html


def test_pdf_without_chromium_says_how_to_get_one(tmp_path):
    out = tmp_path / "r.pdf"
    res = run("report", "examples/startup.yaml", "-o", str(out), env={"PATH": "/nonexistent", "HOME": str(tmp_path), "CSDESIGN_CHROMIUM": ""})
    assert res.returncode == 2
    assert res.stderr.strip() == (
        "a PDF report is printed by Chromium, and no Chromium or Chrome was found (install Chromium (Debian/Ubuntu: apt-get install chromium; "
        "macOS: brew install --cask chromium) or Google Chrome, or set CSDESIGN_CHROMIUM to its binary; or write -o report.html and print it from any browser)")
    assert not out.exists()
    res = run("report", "examples/startup.yaml", "-f", "pdf")
    assert res.returncode == 2 and "add -o report.pdf" in res.stderr


@pytest.mark.skipif(CHROMIUM is None or PDFTOTEXT is None, reason="needs Chromium and pdftotext: apt-get install chromium poppler-utils")
@pytest.mark.parametrize("example,lang", [("ecommerce-matrix.yaml", "zh"), ("enterprise.yaml", "en")])
def test_pdf_holds_every_role_title_and_no_tofu(tmp_path, example, lang):
    out = tmp_path / "r.pdf"
    res = run("report", f"examples/{example}", "--lang", lang, "-o", str(out))
    assert res.returncode == 0, res.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and b"/CreationDate (D:20000101000000" in data
    text = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(out), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    assert "\ufffd" not in text
    flat = re.sub(r"\s+", "", text)
    g = build_file(str(EXAMPLES / example))
    for r in roster_rows(g, lang):
        assert re.sub(r"\s+", "", r.title) in flat, r.title
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(out)], capture_output=True, text=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    assert any(float(w) > float(h) for w, h in sizes) and float(sizes[0][0]) < float(sizes[0][1])  # chart pages landscape, text portrait
    # the same bytes again, also from two runs at once (Blink's node ids then differ: renumbered)
    again = [tmp_path / f"again{k}.pdf" for k in (1, 2)]
    procs = [subprocess.Popen([sys.executable, "-m", "csdesign", "report", f"examples/{example}", "--lang", lang, "-o", str(p)], cwd=ROOT) for p in again]
    assert [p.wait() for p in procs] == [0, 0]
    assert [p.read_bytes() == data for p in again] == [True, True]


@pytest.fixture(scope="module")
def browser():
    api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package: pip install playwright")
    if CHROMIUM is None:
        pytest.skip("browser test needs Chromium: apt-get install chromium")
    with api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class TestInChromium:
    def open(self, browser, html: str):
        """Serve the page from a made-up origin; every other request is recorded and refused."""
        url = "http://report.invalid/report.html"
        requests: list[str] = []
        pg = browser.new_page(viewport={"width": 1300, "height": 900})
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)

        def handle(route):
            if route.request.url == url:
                route.fulfill(status=200, body=html.encode("utf-8"), headers={"content-type": "text/html; charset=utf-8"})
            else:
                requests.append(route.request.url)
                route.abort()

        pg.route("**/*", handle)
        pg.goto(url)
        pg.wait_for_selector("html[data-ready='1']", timeout=10_000)
        assert pg.evaluate("document.documentElement.getAttribute('data-error')") is None
        return pg, requests, errors

    @pytest.mark.parametrize("example,lang", [("ecommerce-matrix.yaml", "zh"), ("enterprise.yaml", "en"), ("manufacturer.yaml", "zh")])
    def test_no_requests_and_findings_mark_their_boxes(self, browser, example, lang):
        pg, requests, errors = self.open(browser, page(example, lang))
        assert requests == [] and errors == []
        links = pg.locator("a.show")
        for i in range(links.count()):
            link = links.nth(i)
            boxes = link.get_attribute("data-boxes").split()
            link.click()
            assert pg.evaluate("document.documentElement.getAttribute('data-focus')") == " ".join(boxes)
            focused = pg.evaluate("Array.from(document.querySelectorAll('svg .focus')).map(e => e.id)")
            assert sorted(focused) == sorted(f"a_{b}" for b in boxes)
            top = pg.evaluate(f"document.getElementById('a_{boxes[0]}').getBoundingClientRect().top")
            assert 0 <= top <= 900  # scrolled into view
        pg.close()

    def test_box_click_goes_to_its_finding(self, browser):
        pg, _, _ = self.open(browser, page("ecommerce-matrix.yaml", "zh"))
        box = pg.locator("svg a[*|href^='#f']").first
        target = box.evaluate("e => e.getAttribute('xlink:href') || e.getAttribute('href')")
        box.click()
        assert pg.evaluate("location.hash") == target
        assert pg.evaluate("document.querySelector('tr:target').id") == target[1:]
        pg.close()

    def test_print_stylesheet(self, browser):
        pg, _, _ = self.open(browser, page("enterprise.yaml", "en"))
        pg.emulate_media(media="print")
        hidden = pg.evaluate("['nav', '.chart-note', 'a.show'].map(s => getComputedStyle(document.querySelector(s)).display)")
        assert hidden == ["none", "none", "none"]
        assert pg.evaluate("getComputedStyle(document.querySelector('#chart')).page") == "chart"
        assert pg.evaluate("getComputedStyle(document.querySelector('thead')).display") == "table-header-group"
        pdf = pg.pdf(prefer_css_page_size=True)
        assert pdf.startswith(b"%PDF-")
        pg.close()


def test_same_bytes_in_every_process(tmp_path):
    """Chart pages are cut from the graph in file order, not in string-hash order (a subgraph
    view iterates a small node set in set order, so pages used to differ from run to run)."""
    import os

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"r{seed}.html"
        res = run("report", "examples/enterprise.yaml", "-o", str(out), env={**os.environ, "PYTHONHASHSEED": seed})
        assert res.returncode == 0, res.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
