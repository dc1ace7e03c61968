"""The HTML export in a real headless Chromium: no console errors, every title shown, search works.

Needs Debian's ``chromium`` package (.ci/run installs it); skipped with a reason when absent.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from csdesign.render.chart.html import to_html
from csdesign.structures import build
from csdesign.structures.contract import roles
from tests.helpers import EXAMPLES, graph_from, org_from
from tests.render.test_exports import HOSTILE, SMALL

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless browser test needs Chromium: apt-get install chromium")

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000",
]


def load(page: str, tmp_path, fragment: str = "") -> tuple[str, list[str]]:
    """The DOM after scripts ran, and the browser's console lines."""
    path = tmp_path / "chart.html"
    path.write_text(page, encoding="utf-8")
    profile = tmp_path / "profile"
    proc = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", path.as_uri() + fragment],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    return proc.stdout, console


def text_of(dom: str) -> str:
    """Visible-ish text: tags dropped, entities for &, <, >, " undone."""
    body = re.sub(r"<script[^>]*>.*?</script>|<style>.*?</style>", "", dom, flags=re.S)
    body = body.replace("<wbr>", "")  # a break opportunity inside a title, not a new line
    text = re.sub(r"<[^>]+>", "\n", body)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def test_loads_without_console_errors_and_shows_every_title(tmp_path):
    g = graph_from(SMALL)
    dom, console = load(to_html(g), tmp_path)
    assert console == []
    assert "<html lang=\"zh\" data-ready=\"1\">" in dom  # the script ran to its end, no data-error set
    shown = set(text_of(dom).splitlines())
    for _, d in roles(g):
        assert d["title"] in shown


def test_hostile_titles_stay_text_in_the_browser(tmp_path):
    g = graph_from(HOSTILE)
    dom, console = load(to_html(g), tmp_path)
    assert console == []
    assert "<b>CS</b>" not in dom and "<img" not in dom
    shown = text_of(dom)
    assert 'Head "of" <b>CS</b> #1; `x`' in shown
    assert "<img src=x onerror=alert(1)>" in shown


def test_search_marks_matches_and_collapse_hides_branches(tmp_path):
    page = to_html(graph_from(SMALL))
    dom, console = load(page, tmp_path, "#q=csm")
    assert console == []
    assert dom.count('class="box lvl-individual match"') == 2
    assert '<span id="count" aria-live="polite">2 个匹配</span>' in dom
    dom, _ = load(page, tmp_path, "#collapse")
    # everything below the COO box is collapsed; the root stays open
    assert dom.count('<li class="has-children collapsed">') + dom.count('<li class="unit has-children collapsed">') == 5
    assert dom.count('aria-expanded="false"') == 5


@pytest.mark.parametrize("name", ["startup.yaml", "growth-saas.yaml"])
def test_examples_show_every_title(tmp_path, name):
    path = EXAMPLES / name
    if not path.exists():
        pytest.skip(f"examples/{name} not written yet")
    g = build(org_from(path.read_text(encoding="utf-8"), str(path)))
    dom, console = load(to_html(g), tmp_path)
    assert console == []
    shown = set(text_of(dom).splitlines())
    assert {d["title"] for _, d in roles(g)} <= shown
