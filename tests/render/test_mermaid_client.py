"""The Mermaid export through the real Mermaid (npm ``mermaid``, its browser bundle in headless
Chromium): every chart parses, renders, shows each title literally, and no user text can set a
directive (``%%{init: ...}%%``: theme, themeCSS), a comment (``%%``) or any other config.

Needs Debian's ``chromium``, the playwright package (driving it) and the node tools of
.ci/node-tools.json in $CSDESIGN_NODE_TOOLS (.ci/run installs all three); skipped with a reason
when one is absent.
"""

from __future__ import annotations

import html
import json
import re
import shutil

import pytest

from csdesign.render.chart.mermaid import to_mermaid
from csdesign.structures import build
from csdesign.structures.contract import roles
from tests.helpers import EXAMPLES, NODE_TOOLS_MISSING, graph_from, node_tool
from tests.render.test_exports import HOSTILE, SMALL

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BUNDLE = node_tool("mermaid", "dist", "mermaid.min.js")
playwright_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package: pip install playwright")
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Mermaid client test needs Chromium: apt-get install chromium"),
    pytest.mark.skipif(BUNDLE is None, reason=f"Mermaid client test: {NODE_TOOLS_MISSING}"),
]

#: Titles that try to reconfigure the chart through Mermaid's directive and comment syntax.
PERCENT = """
company: {name: "Evil %%{init: {'theme':'dark'}}%% Co"}
dimensions: {products: ["%%{init: {'themeCSS': 'g.node rect {fill: red !important}'}}%%"]}
structure: {type: product}
roles:
  - {id: h, title: "%%{init: {'theme':'dark', 'themeCSS': '* {fill: red !important}'}}%%", level: director}
  - {id: m, title: "%%{wrap}%% 100% sure", level: manager, reports_to: h}
  - {id: r, title: "%% a comment", reports_to: m}
  - {id: s, title: "%%{config: {'flowchart': {'htmlLabels': false}}}%% x", reports_to: m, duties: ['%%']}
"""

#: A positive control: a real directive, so the harness is known to see one when it is there.
CONTROL = "%%{init: {'theme':'dark'}}%%\nflowchart TB\n  a --- b\n"

PAGE = """<!doctype html><html><head><meta charset="utf-8"><script src="{bundle}"></script></head>
<body><pre id="out"></pre><script>
const diagrams = {diagrams};
(async () => {{
  mermaid.initialize({{startOnLoad: false}});
  const out = [];
  for (let i = 0; i < diagrams.length; i++) {{
    const r = {{}};
    try {{ r.parse = await mermaid.parse(diagrams[i]); }} catch (e) {{ r.error = "parse: " + String(e && e.message || e); }}
    try {{ r.svg = (await mermaid.render("chart" + i, diagrams[i])).svg; }} catch (e) {{ r.error = "render: " + String(e && e.message || e); }}
    out.push(r);
  }}
  document.getElementById("out").textContent = JSON.stringify(out);
}})();
</script></body></html>"""


def run_mermaid(diagrams: list[str], tmp_path) -> list[dict]:
    """Mermaid's own parse (diagram type and the config it read from the text) and render, per diagram."""
    page_file = tmp_path / "mermaid.html"
    page_file.write_text(PAGE.format(bundle=BUNDLE.as_uri(), diagrams=json.dumps(diagrams).replace("</", "<\\/")), encoding="utf-8")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"])
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("dialog", lambda dialog: (errors.append("dialog: " + dialog.message), dialog.dismiss()))
            page.goto(page_file.as_uri())
            page.wait_for_function("document.getElementById('out').textContent !== ''", timeout=60_000)
            results = json.loads(page.inner_text("#out"))
        finally:
            browser.close()
    assert errors == []
    assert len(results) == len(diagrams)
    return results


def shown_text(svg: str) -> str:
    """The chart's visible text, one line per text node, entities decoded."""
    body = re.sub(r"<style>.*?</style>", "", svg, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", body))


def test_mermaid_parses_renders_and_no_user_text_configures_it(tmp_path):
    graphs = {
        "hostile": graph_from(HOSTILE),
        "percent": graph_from(PERCENT),
        "small (zh)": graph_from(SMALL),
        "enterprise": build(__import__("csdesign.model", fromlist=["load_org"]).load_org(EXAMPLES / "enterprise.yaml")),
    }
    sources = [to_mermaid(g) for g in graphs.values()]
    results = run_mermaid([*sources, CONTROL], tmp_path)
    *charts, control = results
    assert control["parse"]["config"] == {"theme": "dark"}, control  # the harness does see directives
    for (name, g), result in zip(graphs.items(), charts):
        assert "error" not in result, (name, result.get("error"))
        assert result["parse"] == {"diagramType": "flowchart-v2", "config": {}}, name
        svg = result["svg"]
        style = "".join(re.findall(r"<style>(.*?)</style>", svg, re.S))
        assert style and not re.search(r"fill:\s*red", style), name  # no themeCSS got in
        lines = {" ".join(line.split()) for line in shown_text(svg).splitlines()}
        for _, d in roles(g):
            assert " ".join(d["title"].split()) in lines, (name, d["title"])


def test_percent_titles_are_entity_codes_in_the_source():
    text = to_mermaid(graph_from(PERCENT))
    assert "%" not in text
    assert 'title: "Evil \\u0025\\u0025{init: {\'theme\':\'dark\'}}\\u0025\\u0025 Co · product"' in text
    assert "#37;#37; a comment<br/>Individual" in text
