"""The HTML export as a client deliverable, measured in Debian's Chromium through Playwright:
dotted lines drawn per lead, WCAG AA contrast, toggles clear of text, CJK titles broken only
between words, the print stylesheet. Skipped with a reason without Chromium or playwright."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from csdesign.render.chart.html import to_html
from csdesign.structures import build
from csdesign.structures.contract import DOTTED
from tests.helpers import EXAMPLES, graph_from, org_from

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package: pip install playwright")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="browser test needs Chromium: apt-get install chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

#: WCAG 2 contrast of every element's own text against the first opaque background behind it.
CONTRAST_JS = """() => {
  function rgb(s){var m=s.match(/[\\d.]+/g);return m?m.map(Number):[0,0,0,0];}
  function lum(c){var a=c.slice(0,3).map(function(v){v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4);});
    return 0.2126*a[0]+0.7152*a[1]+0.0722*a[2];}
  function bg(el){for(var e=el;e;e=e.parentElement){var c=rgb(getComputedStyle(e).backgroundColor);if(c.length<4||c[3]>0.99)return c;}return [255,255,255];}
  var out=[];
  document.querySelectorAll("body *").forEach(function(el){
    var own=Array.prototype.some.call(el.childNodes,function(n){return n.nodeType===3&&n.textContent.trim();});
    if(!own||!el.getClientRects().length||getComputedStyle(el).visibility==="hidden")return;
    var f=lum(rgb(getComputedStyle(el).color)),b=lum(bg(el));
    var ratio=(Math.max(f,b)+0.05)/(Math.min(f,b)+0.05);
    out.push([el.tagName+"."+el.className,el.textContent.trim().slice(0,20),Math.round(ratio*100)/100]);
  });
  return out;
}"""

#: Line breaks inside one text node (a run between <wbr>s) other than at a space.
BREAKS_JS = """() => {
  var bad=[];
  document.querySelectorAll(".box .l").forEach(function(span){
    span.childNodes.forEach(function(n){
      if(n.nodeType!==3)return;
      var top=null;
      for(var i=0;i<n.length;i++){
        var r=document.createRange();r.setStart(n,i);r.setEnd(n,i+1);var rect=r.getClientRects()[0];if(!rect)continue;
        if(top!==null&&Math.abs(rect.top-top)>2&&n.data[i-1]!==" "&&n.data[i]!==" ")bad.push(span.textContent+" @"+i);
        top=rect.top;
      }
    });
  });
  return bad;
}"""


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def open_page(browser, page_html: str, tmp_path: Path, fragment: str = "", width: int = 1400):
    path = tmp_path / "chart.html"
    path.write_text(page_html, encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.goto(path.as_uri() + fragment)
    page.wait_for_selector("html[data-ready='1']", timeout=10_000)
    assert page.evaluate("document.documentElement.getAttribute('data-error')") is None
    return page, errors


@pytest.mark.parametrize("name", ["ecommerce-matrix.yaml", "growth-saas.yaml", "enterprise.yaml"])
def test_dotted_lines_drawn_one_style_per_lead(browser, tmp_path, name):
    g = build(org_from((EXAMPLES / name).read_text(encoding="utf-8"), name))
    page, errors = open_page(browser, to_html(g), tmp_path, "#expand")
    dotted = [(u, v) for u, v, d in g.edges(data=True) if d.get("kind") == DOTTED]
    paths = page.evaluate("() => [...document.querySelectorAll('#links path')].map(p => [p.getAttribute('stroke'), p.getAttribute('stroke-dasharray'), p.getAttribute('data-lead')])")
    assert len(paths) == len(dotted)
    styles = {lead: (colour, dash) for colour, dash, lead in paths}
    assert len(set(styles.values())) == len(styles)  # every lead its own colour and dash
    legend = page.locator("#legend li").all_inner_texts()
    if dotted:
        assert len(legend) == 1 + len(styles)
    assert errors == []


@pytest.mark.parametrize("name", ["ecommerce-matrix.yaml", "enterprise.yaml", "manufacturer.yaml"])
def test_text_contrast_is_wcag_aa(browser, tmp_path, name):
    g = build(org_from((EXAMPLES / name).read_text(encoding="utf-8"), name))
    page, _ = open_page(browser, to_html(g), tmp_path, "#expand")
    low = [c for c in page.evaluate(CONTRAST_JS) if c[2] < 4.5]
    assert low == []


def test_toggles_cover_no_text(browser, tmp_path):
    g = build(org_from((EXAMPLES / "ecommerce-matrix.yaml").read_text(encoding="utf-8"), "x.yaml"))
    page, _ = open_page(browser, to_html(g), tmp_path, "#expand")
    overlaps = page.evaluate("""() => {
      var hits=[];
      document.querySelectorAll('.toggle').forEach(function(t){var a=t.getBoundingClientRect();
        t.parentElement.querySelectorAll('.l,.axis').forEach(function(s){var b=s.getBoundingClientRect();
          if(a.left<b.right&&b.left<a.right&&a.top<b.bottom&&b.top<a.bottom)hits.push(s.textContent);});});
      return hits;}""")
    assert overlaps == []


def test_cjk_titles_wrap_only_between_words(browser, tmp_path):
    g = graph_from("""
    company: {name: 云帆科技}
    roles:
      - {id: h, title: 客户成功部总监, level: director}
      - {id: a, title: 华东区域·战略大客户·售前技术支持经理, reports_to: h}
      - {id: b, title: 大客户售后服务与投诉处理专员, reports_to: h}
      - {id: c, title: Senior Customer Success Manager for Strategic Accounts, reports_to: h}
    """)
    page, _ = open_page(browser, to_html(g), tmp_path, width=700)
    lines = page.evaluate("""() => [...document.querySelectorAll('.box .l')].map(s => {
      const r = document.createRange(); r.selectNodeContents(s);
      return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; })""")
    assert max(lines) >= 2  # the long titles did wrap...
    assert page.evaluate(BREAKS_JS) == []  # ...but never inside a word


def test_print_hides_the_toolbar_and_fits_the_page(browser, tmp_path):
    wide = "\n".join(f"  - {{id: m{i}, title: Regional Manager {i}, level: manager, reports_to: h}}" for i in range(30))
    g = graph_from("company: {name: X}\nroles:\n  - {id: h, title: Head, level: director}\n" + wide)
    page, _ = open_page(browser, to_html(g), tmp_path)
    page.emulate_media(media="print")
    shown = page.evaluate("() => [...document.querySelectorAll('header > *')].filter(e => getComputedStyle(e).display !== 'none').map(e => e.tagName)")
    assert shown == ["H1"]
    width = page.evaluate("() => { const c = document.getElementById('canvas'); return c.getBoundingClientRect().width; }")
    assert width <= 1046 + 1  # A4 landscape's printable width at 96 dpi
    pdf = tmp_path / "chart.pdf"
    page.pdf(path=str(pdf), landscape=True, format="A4", print_background=True)
    assert pdf.read_bytes().startswith(b"%PDF")
