"""Hostile text in titles, names, duties and units never becomes markup, script or a link.

One org carries every trap (``<script>``, ``javascript:``, ``" onload=``, ``&``, Graphviz's
``\\N`` escape, newlines, control characters, right-to-left marks, rich markup) and is drawn
through the real CLI as SVG (system and embedded Graphviz), HTML, DOT and the terminal tree.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from csdesign.render.chart.engines import system_available
from tests.corpus.harness import run

HOSTILE = r"""
company:
  name: "云帆 <script>alert('co')</script> & Co"
dimensions:
  regions: ["华东 <img src=x onerror=alert(1)>", "\u202eevil\u202c 华南"]
structure:
  type: geographic
roles:
  - id: head
    title: "<script>alert(1)</script>总监"
    level: director
    duties: ["javascript:alert(2)", "a & b < c > d"]
  - id: mgr
    title: "\" onload=\"alert(3)\" x=\""
    level: manager
  - id: link
    title: "<a href=\"javascript:alert(4)\">点我</a>"
    reports_to: mgr
  - id: esc
    title: "\\N \\G \\L \\E [bold]粗[/bold] \u200f مرحبا"
    reports_to: mgr
  - id: ctl
    title: "第一行\n第二行\u0007\u0001\ttab"
    reports_to: mgr
"""

#: How each hostile title must read once drawn: literal, one line, controls dropped.
SHOWN = [
    "<script>alert(1)</script>总监",
    "\" onload=\"alert(3)\" x=\"",
    "<a href=\"javascript:alert(4)\">点我</a>",
    "\\N \\G \\L \\E [bold]粗[/bold] \u200f مرحبا",
    "第一行 第二行 tab",
]


@pytest.fixture
def hostile(write_yaml):
    return write_yaml(HOSTILE)


def _assert_inert(root: ET.Element) -> None:
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1].lower()
        assert tag not in {"script", "foreignobject", "iframe", "object", "embed", "img"}, tag
        for name, value in el.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            assert not local.startswith("on"), (name, value)
            assert "javascript:" not in value.lower(), (name, value)


def _svg_texts(root: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter() if el.tag.endswith("}text") or el.tag == "text"]


ENGINES = ["embedded"] + (["system"] if system_available() else [])


@pytest.mark.parametrize("engine", ENGINES)
def test_svg_has_no_script_handler_or_js_link_and_shows_text_literally(hostile, tmp_path, engine):
    out = tmp_path / "chart.svg"
    if engine == "embedded":  # the embedded engine redirects fd 1: run it in its own process
        from tests.corpus.harness import run_process

        res = run_process("render", str(hostile), "-o", str(out), "--engine", engine, "--lang", "en")
    else:
        res = run("render", str(hostile), "-o", str(out), "--engine", engine, "--lang", "en")
    assert res.code == 0, res.stderr
    root = ET.fromstring(out.read_bytes())  # well-formed XML, or this raises
    _assert_inert(root)
    texts = _svg_texts(root)
    from tests.helpers import svg_node_texts

    boxes = " | ".join(svg_node_texts(out.read_bytes())).replace(" ", "")  # titles wrap: compare without spaces
    for title in SHOWN:
        assert title.replace(" ", "") in boxes, title
    assert "云帆 <script>alert('co')</script> & Co · geographic structure" in texts
    assert "Region: 华东 <img src=x onerror=alert(1)>" in texts
    assert "\u202eevil\u202c 华南" not in texts  # the override is a format char: dropped...
    assert "Region: evil 华南" in texts  # ...and the text kept
    raw = out.read_text(encoding="utf-8")
    assert "<script" not in raw and "onload=\"alert" not in raw


def test_dot_source_quotes_everything(hostile, tmp_path):
    out = tmp_path / "chart.dot"
    assert run("render", str(hostile), "-o", str(out), "--lang", "en").code == 0
    dot = out.read_text(encoding="utf-8")
    # HTML-like labels: every user string HTML-escaped, backslashes doubled (so \\N stays literal)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<BR/>总监<BR/>Director" in dot
    assert "&quot;<BR/>onload=&quot;alert(3)&quot;<BR/>x=&quot;<BR/>Manager" in dot
    assert "\\\\N \\\\G \\\\L \\\\E [bold]<BR/>粗[/bold] \u200f مرحبا<BR/>Individual" in dot
    assert "<script" not in dot
    assert "\u0007" not in dot and "\u0001" not in dot


def test_html_export_escapes_every_user_string(hostile, tmp_path):
    out = tmp_path / "chart.html"
    res = run("render", str(hostile), "-o", str(out))
    assert res.code == 0, res.stderr
    page = out.read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert len(scripts) == 1  # the page's own pan/zoom/search script, nothing from the file
    assert "alert(" not in scripts[0]
    data = re.findall(r'<script type="application/json" id="[a-z]+">(.*?)</script>', page, flags=re.S)
    assert len(data) == 2 and len(re.findall(r"<script\b", page)) == 3  # plus two JSON data blocks
    assert all("<" not in block and "alert(" not in block for block in data)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;总监" in page.replace("<wbr>", "")  # <wbr>: CJK break points
    assert "&lt;a href=&quot;javascript:alert(4)&quot;&gt;点我&lt;/a&gt;" in page.replace("<wbr>", "")
    assert "<img src=x" not in page and 'href="javascript:' not in page
    body = page.split("<body", 1)[1]
    assert not re.search(r"<[a-z]+[^>]*\son[a-z]+=", body)


def test_terminal_tree_prints_markup_literally(hostile):
    res = run("render", str(hostile), "--lang", "en")
    assert res.code == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0] == "云帆 <script>alert('co')</script> & Co  (geographic structure)"
    assert "    └── <script>alert(1)</script>总监  Director" in lines
    assert any(line.endswith("── \\N \\G \\L \\E [bold]粗[/bold] \u200f مرحبا  Individual") for line in lines)
    assert any(line.endswith("── 第一行 第二行 tab  Individual") for line in lines)
    assert "\x1b" not in res.stdout and "\u0007" not in res.stdout
