"""`csdesign serve` in a real browser: Debian's Chromium driven by Playwright's Python package.

Each test starts its own server on a free port (``--port 0``) in a subprocess, over a copy of
an example in tmp_path, and bounds every wait. Skipped with a reason when Chromium or the
playwright package is missing (.ci/run installs both).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package: pip install playwright")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="browser test needs Chromium: apt-get install chromium")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
#: Upper bound of every wait, in milliseconds (the page must update within 1 s; 2 s asserted).
WAIT = 2000
DOCS = ROOT / "docs"


class Server:
    def __init__(self, *files: Path, lang: str = "en", cwd: Path | None = None):
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "csdesign", "serve", *map(str, files), "--port", "0", "--lang", lang],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd,
        )
        line = self.proc.stdout.readline()  # type: ignore[union-attr]
        m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if not m:
            self.proc.kill()
            raise AssertionError(f"server did not start: {line!r} {self.proc.stderr.read()!r}")  # type: ignore[union-attr]
        self.url = m.group(1)

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


@pytest.fixture
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def org(tmp_path: Path) -> Path:
    path = tmp_path / "org.yaml"
    shutil.copy(EXAMPLES / "ecommerce-matrix.yaml", path)
    return path


def open_page(browser, url: str):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, timeout=10_000)
    page.wait_for_selector("html[data-ready='1']", timeout=10_000)
    return page, errors


def save(path: Path, text: str) -> None:
    """Write like an editor: a new file renamed over the old one."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def test_live_edit_break_fix_and_switch(browser, org, tmp_path):
    server = Server(org)
    try:
        page, errors = open_page(browser, server.url)
        boxes = page.locator(".box").all_inner_texts()
        assert any("数据分析组组长" in b for b in boxes)
        assert page.locator("#title").inner_text() == "云购电商 · matrix"
        assert page.locator("#findings li").count() >= 1
        assert page.locator("#links path").count() == 9  # the dotted lines are drawn, as in the HTML export
        page.evaluate("window.__marker = 1")  # survives only if there is no navigation
        page.locator("[data-action='zoom-in']").click()
        zoom = page.locator("#canvas").evaluate("e => e.style.transform")

        text = org.read_text(encoding="utf-8")
        save(org, text.replace("数据分析组组长", "数据洞察组组长"))
        page.wait_for_function("() => document.body.innerText.includes('数据洞察组组长')", timeout=WAIT)
        assert page.evaluate("window.__marker") == 1
        assert page.locator("#canvas").evaluate("e => e.style.transform") == zoom  # zoom survives the update

        save(org, text.replace("roles:", "roles: [", 1))  # broken YAML
        page.wait_for_selector("#error:not([hidden])", timeout=WAIT)
        message = page.locator("#error").inner_text()
        assert re.match(r".*org\.yaml:\d+:\d+: YAML syntax error", message), message
        assert page.locator(".box", has_text="数据洞察组组长").count() >= 1  # the last good chart stays

        save(org, text)
        page.wait_for_selector("#error[hidden]", state="attached", timeout=WAIT)
        page.wait_for_function("() => document.body.innerText.includes('数据分析组组长')", timeout=WAIT)

        page.select_option("#structure", "geographic")
        page.wait_for_function("() => document.getElementById('title').textContent.endsWith('geographic')", timeout=WAIT)
        save(org, text.replace("客户培训组组长", "培训组长"))
        page.wait_for_function("() => document.body.innerText.includes('培训组长')", timeout=WAIT)
        assert page.locator("#structure").input_value() == "geographic"  # the chosen structure survives

        page.select_option("#view", "grid")
        page.select_option("#structure", "matrix")
        page.wait_for_selector("table.grid", timeout=WAIT)
        headers = page.locator("table.grid thead th").all_inner_texts()
        assert headers[1:] == ["数据分析组组长", "培训组长", "产品支持组组长"]
        assert errors == []
        if os.environ.get("CSDESIGN_SCREENSHOT"):
            page.select_option("#view", "chart")
            page.wait_for_selector(".tree", timeout=WAIT)
            page.locator("#findings li").first.click()
            page.screenshot(path=os.environ["CSDESIGN_SCREENSHOT"])
    finally:
        assert server.stop() == 130


def test_clicking_a_finding_marks_its_boxes(browser, org):
    server = Server(org, lang="zh")
    try:
        page, errors = open_page(browser, server.url)
        first = page.locator("#findings li").first
        first.click()
        picked = page.locator(".box.picked").all_inner_texts()
        assert picked and all(("一线主管" in t) or ("产品支持工程师" in t) for t in picked)
        assert "ecommerce" not in first.inner_text() and "org.yaml:" in first.inner_text()
        assert errors == []
    finally:
        server.stop()


def test_before_after_toggle_and_change_list(browser, tmp_path):
    before, after = tmp_path / "before.yaml", tmp_path / "after.yaml"
    shutil.copy(EXAMPLES / "reorg-before.yaml", before)
    shutil.copy(EXAMPLES / "reorg-after.yaml", after)
    server = Server(after, before)
    try:
        page, errors = open_page(browser, server.url)
        assert page.locator("#sides").is_visible()
        assert page.locator("#diff li").count() > 0
        removed = page.locator("#diff li.removed .msg").all_inner_texts()
        assert removed
        shown = "() => [...document.querySelectorAll('.box')].map(b => b.textContent).join('|')"
        after_boxes = page.evaluate(shown)
        page.locator("#sides button[data-side='before']").click()
        page.wait_for_selector("#sides button[data-side='before'][aria-pressed='true']", timeout=WAIT)
        page.wait_for_function(f"() => ({shown})() !== {after_boxes!r}", timeout=WAIT)
        before_boxes = page.evaluate(shown)
        assert all(title in before_boxes for title in removed)
        assert errors == []
    finally:
        server.stop()


HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">"><script>window.__pwned=2</script>'


def test_hostile_titles_never_run_and_traversal_is_404(browser, tmp_path):
    org = tmp_path / "org.yaml"
    org.write_text(
        "company: {name: '<b>Acme</b>', employees: 50}\nstructure: {type: functional}\nroles:\n"
        f"  - id: head\n    title: '{HOSTILE_TITLE}'\n    level: director\n    duties: [strategy]\n", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    server = Server(org)
    try:
        page, errors = open_page(browser, server.url)
        assert page.evaluate("window.__pwned") is None
        assert HOSTILE_TITLE in page.locator(".box").all_inner_texts()[1]
        assert page.locator("#title").inner_text().startswith("<b>Acme</b>")
        csp = urllib.request.urlopen(server.url, timeout=5).headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src", 1)[1].split(";")[0]
        for path in ("../secret.txt", "%2e%2e/secret.txt", "assets/../../secret.txt", "assets/%2e%2e%2fsecret.txt",
                     "assets/..%2F..%2Fpyproject.toml", "org.yaml", "assets/workbench.py", "//etc/passwd"):
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(server.url + path, timeout=5)
            assert err.value.code == 404, path
    finally:
        server.stop()


def test_screenshot_for_docs(browser, org, tmp_path, monkeypatch):
    """Refreshes docs/serve.png when CSDESIGN_DOCS_SCREENSHOT is set (documentation, not a check)."""
    if not os.environ.get("CSDESIGN_DOCS_SCREENSHOT"):
        pytest.skip("set CSDESIGN_DOCS_SCREENSHOT=1 to refresh docs/serve.png")
    server = Server(Path(org.name), lang="zh", cwd=org.parent)
    try:
        page, _ = open_page(browser, server.url)
        page.locator("#findings li").first.click()
        time.sleep(0.3)
        page.screenshot(path=str(DOCS / "serve.png"))
    finally:
        server.stop()
