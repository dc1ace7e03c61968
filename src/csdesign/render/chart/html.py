"""Graph -> one self-contained interactive HTML page (``render -o chart.html``).

The chart is server-side HTML (nested lists drawn as an org chart with CSS), so every title is
in the page even without JavaScript; a small inline script adds pan/zoom (wheel, drag, buttons),
search (highlights matches and opens their branches) and collapse/expand. No external scripts,
styles, fonts or images: a Content-Security-Policy forbids any network access. Every user string
goes through ``html.escape``; the script reads text with ``textContent`` only, never ``innerHTML``.

Test hooks (used by the headless-browser test, harmless for users): ``chart.html#q=word``
runs a search on load, ``#collapse`` starts with everything collapsed below the head.
"""

from __future__ import annotations

import html
import re

import networkx as nx

from csdesign.render.chart.boxes import box_lines, dotted_managers, grouped_children
from csdesign.render.text import clean
from csdesign.structures.contract import EXTERNAL

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")
#: Leaf reports beyond this many stack in a column instead of one long row.
STACK_AFTER = 4

CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;font-size:13px;color:#1a1a1a;background:#fafafa}
header{display:flex;flex-wrap:wrap;gap:6px;align-items:center;padding:8px 12px;border-bottom:1px solid #ddd;background:#fff;position:relative;z-index:2}
header h1{font-size:15px;margin:0 12px 0 0}
header input{padding:4px 8px;min-width:14em;border:1px solid #bbb;border-radius:4px}
header button{padding:3px 9px;border:1px solid #bbb;border-radius:4px;background:#f4f4f4;cursor:pointer}
#count{color:#666;min-width:6em}
#viewport{position:absolute;top:46px;left:0;right:0;bottom:0;overflow:hidden;cursor:grab}
#viewport.dragging{cursor:grabbing}
#canvas{transform-origin:0 0;display:inline-block;padding:24px}
.tree ul{display:flex;justify-content:center;margin:0;padding:18px 0 0;position:relative}
.tree li{list-style:none;position:relative;padding:18px 4px 0;text-align:center;display:flex;flex-direction:column;align-items:center}
.tree li::before,.tree li::after{content:"";position:absolute;top:0;right:50%;width:50%;height:18px;border-top:1px solid #8c8c8c}
.tree li::after{right:auto;left:50%;border-left:1px solid #8c8c8c}
.tree li:only-child::before,.tree li:only-child::after{display:none}
.tree li:only-child{padding-top:0}
.tree li:first-child::before,.tree li:last-child::after{border:0}
.tree li:last-child::before{border-right:1px solid #8c8c8c}
.tree ul ul::before{content:"";position:absolute;top:0;left:50%;height:18px;border-left:1px solid #8c8c8c}
.tree>ul{padding-top:0}
.tree>ul::before{display:none}
.tree ul.stack{flex-direction:column;align-items:center}
.tree ul.stack>li{padding-top:6px}
.tree ul.stack>li::before,.tree ul.stack>li::after{display:none}
.box{display:inline-block;min-width:7em;max-width:18em;padding:5px 9px;border:1px solid #595959;border-radius:6px;background:#fff;position:relative;white-space:normal}
.box .l{display:block}
.box .meta{font-size:11px;opacity:.85}
.box .dotted{display:block;font-size:11px;color:#c55a11}
.lvl-director{background:#1f4e79;color:#fff}
.lvl-manager{background:#2e75b6;color:#fff}
.lvl-supervisor{background:#9dc3e6}
.external{background:#eee;color:#333;border-style:dashed}
.vacant{border-style:dashed}
.match{outline:3px solid #ffbf00;outline-offset:2px}
.toggle{position:absolute;bottom:-9px;left:50%;transform:translateX(-50%);width:18px;height:18px;line-height:14px;padding:0;font-size:12px;border:1px solid #595959;border-radius:9px;background:#fff;color:#000;cursor:pointer;z-index:1}
li.collapsed>ul{display:none}
.unit>.box{background:transparent;border:1px dashed #8c8c8c;color:#333;font-weight:600}
.unit>.box .axis{font-weight:400;color:#777}
.details{display:none;text-align:left;font-size:11px;margin-top:4px;border-top:1px solid rgba(128,128,128,.5);padding-top:3px}
.box.open .details{display:block}
.details ul{display:block;padding:0 0 0 1.2em;margin:0}
.details ul::before{display:none}
.details li{display:list-item;list-style:disc;padding:0;text-align:left}
.details li::before,.details li::after{display:none}
"""

JS = r"""
(function(){
  "use strict";
  var root=document.documentElement;
  window.addEventListener("error",function(e){root.setAttribute("data-error",String(e.message));});
  var vp=document.getElementById("viewport"),cv=document.getElementById("canvas");
  var search=document.getElementById("search"),count=document.getElementById("count");
  var s=1,x=0,y=0,drag=null,matches=[],current=-1;
  function apply(){cv.style.transform="translate("+x+"px,"+y+"px) scale("+s+")";}
  function zoomAt(f,cx,cy){var n=Math.min(4,Math.max(0.1,s*f));x=cx-(cx-x)*n/s;y=cy-(cy-y)*n/s;s=n;apply();}
  function fit(){s=1;x=0;y=0;apply();var w=cv.offsetWidth,h=cv.offsetHeight;var f=Math.min(1,vp.clientWidth/w,vp.clientHeight/h);
    s=f>0?f:1;x=Math.max(0,(vp.clientWidth-w*s)/2);y=0;apply();}
  vp.addEventListener("wheel",function(e){e.preventDefault();var r=vp.getBoundingClientRect();zoomAt(e.deltaY<0?1.1:1/1.1,e.clientX-r.left,e.clientY-r.top);},{passive:false});
  vp.addEventListener("pointerdown",function(e){if(e.target.closest("button,.box"))return;drag={px:e.clientX,py:e.clientY,x:x,y:y};vp.classList.add("dragging");});
  window.addEventListener("pointermove",function(e){if(!drag)return;x=drag.x+e.clientX-drag.px;y=drag.y+e.clientY-drag.py;apply();});
  window.addEventListener("pointerup",function(){drag=null;vp.classList.remove("dragging");});
  function setCollapsed(li,c){li.classList.toggle("collapsed",c);var b=li.querySelector(":scope>.box>.toggle");if(b){b.textContent=c?"+":"\u2212";b.setAttribute("aria-expanded",String(!c));}}
  function all(c){document.querySelectorAll(".tree li.has-children").forEach(function(li){if(!c||li.parentNode.closest("li"))setCollapsed(li,c);});}
  function centre(box){var r=box.getBoundingClientRect(),v=vp.getBoundingClientRect();x+=v.left+v.width/2-(r.left+r.width/2);y+=v.top+v.height/2-(r.top+r.height/2);apply();}
  function find(q){q=q.trim().toLowerCase();matches=[];current=-1;
    document.querySelectorAll(".box").forEach(function(b){var hit=q!==""&&b.textContent.toLowerCase().indexOf(q)>=0;b.classList.toggle("match",hit);if(hit)matches.push(b);});
    matches.forEach(function(b){for(var li=b.parentNode.parentNode.closest("li");li;li=li.parentNode.closest("li"))setCollapsed(li,false);});
    count.textContent=q===""?"":matches.length+(matches.length===1?" match":" matches");}
  document.addEventListener("click",function(e){var t=e.target;
    if(t.classList.contains("toggle")){var li=t.closest("li");setCollapsed(li,!li.classList.contains("collapsed"));return;}
    var act=t.getAttribute("data-action");
    if(act==="zoom-in")zoomAt(1.25,vp.clientWidth/2,vp.clientHeight/2);
    else if(act==="zoom-out")zoomAt(0.8,vp.clientWidth/2,vp.clientHeight/2);
    else if(act==="fit")fit();
    else if(act==="expand")all(false);
    else if(act==="collapse")all(true);
    else{var box=t.closest(".box");if(box&&box.querySelector(".details"))box.classList.toggle("open");}});
  search.addEventListener("input",function(){find(search.value);});
  search.addEventListener("keydown",function(e){if(e.key==="Enter"&&matches.length){current=(current+1)%matches.length;centre(matches[current]);}});
  var h=decodeURIComponent(location.hash.slice(1));
  if(h==="collapse")all(true);
  else if(h.indexOf("q=")===0){search.value=h.slice(2);find(search.value);}
  fit();
  root.setAttribute("data-ready","1");
})();
"""


def _e(text: str) -> str:
    return html.escape(clean(text), quote=True)


def _has_cjk(g: nx.DiGraph) -> bool:
    texts = [str(g.graph.get("company", ""))] + [str(d.get("title") or "") for _, d in g.nodes(data=True)]
    return any(_CJK.search(t) for t in texts)


def _details(d: dict) -> str:
    parts = []
    for key, label in (("duties", "Duties"), ("kpis", "KPIs")):
        items = d.get(key) or []
        if items:
            parts.append(f"<b>{label}</b><ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>")
    return f'<div class="details">{"".join(parts)}</div>' if parts else ""


def _box(g: nx.DiGraph, n: str, has_children: bool, node_ids: bool = False) -> str:
    d = g.nodes[n]
    lines = box_lines(g, n)
    cls = ["box"]
    if d.get("kind") == EXTERNAL:
        cls.append("external")
    else:
        cls.append(f"lvl-{d.get('level') or 'individual'}")
    if d.get("vacant"):
        cls.append("vacant")
    meta_first = 1 if d.get("name") else 0
    spans = []
    for i, line in enumerate(lines):
        is_meta = i > meta_first  # the ×N · level line after the title
        spans.append(f'<span class="l{" meta" if is_meta else ""}">{_e(line)}</span>')
    dotted = dotted_managers(g, n)
    if dotted:
        names = ", ".join(clean(g.nodes[u].get("title") or u) for u in dotted)
        spans.append(f'<span class="dotted">┄ dotted line to {_e(names)}</span>')
    toggle = '<button class="toggle" type="button" aria-expanded="true" aria-label="collapse or expand">−</button>' if has_children else ""
    ident = f' data-node="{html.escape(n, quote=True)}"' if node_ids else ""
    return f'<div class="{" ".join(cls)}"{ident}>{"".join(spans)}{_details(d)}{toggle}</div>'


def chart_fragment(g: nx.DiGraph, *, node_ids: bool = False) -> str:
    """The chart alone (``<div class="tree">``), for pages that embed it, such as `csdesign
    serve`; ``node_ids`` adds ``data-node`` attributes so findings can point at boxes."""
    return f'<div class="tree">{_tree(g, node_ids)}</div>'


def _tree(g: nx.DiGraph, node_ids: bool = False) -> str:
    """Nested <ul>/<li> of the solid hierarchy, built with an explicit stack (no recursion limit)."""
    units = g.graph.get("units", {})
    out: list[str] = ['<ul>']
    stack: list[tuple[str, str]] = [("close", "</ul>"), ("node", g.graph["external"])]
    while stack:
        kind, value = stack.pop()
        if kind == "close":
            out.append(value)
            continue
        if kind == "unit":
            unit_id, members = value  # type: ignore[misc]
            info = units.get(unit_id, {"axis": "", "label": str(unit_id)})
            out.append(f'<li class="unit has-children"><div class="box"><span class="axis">{_e(info["axis"])}:</span> {_e(info["label"])}'
                       '<button class="toggle" type="button" aria-expanded="true" aria-label="collapse or expand">−</button></div>')
            out.append(_ul_open(g, members))
            stack.append(("close", "</ul></li>"))
            stack.extend(("node", m) for m in reversed(members))
            continue
        groups = grouped_children(g, value)
        kids = [m for u, ms in groups if u is None for m in ms]
        li_class = ' class="has-children"' if groups else ""
        out.append(f"<li{li_class}>{_box(g, value, bool(groups), node_ids)}")
        if not groups:
            out.append("</li>")
            continue
        items: list[tuple[str, object]] = [("node", m) for m in kids] + [("unit", (u, ms)) for u, ms in groups if u is not None]
        out.append(_ul_open(g, kids) if len(items) == len(kids) else "<ul>")
        stack.append(("close", "</ul></li>"))
        stack.extend(reversed(items))  # type: ignore[arg-type]
    return "".join(out)


def _ul_open(g: nx.DiGraph, members: list[str]) -> str:
    leaves = all(not grouped_children(g, m) for m in members)
    return '<ul class="stack">' if leaves and len(members) > STACK_AFTER else "<ul>"


def to_html(g: nx.DiGraph) -> str:
    """The complete HTML document for the org graph."""
    title = f"{g.graph.get('company', '')} · {g.graph.get('structure', '')} structure"
    lang = "zh" if _has_cjk(g) else "en"
    roles = sum(1 for _, d in g.nodes(data=True) if d.get("kind") != EXTERNAL)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="csdesign">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{_e(title)}</h1>'
        '<input id="search" type="search" placeholder="Search titles and names" aria-label="Search titles and names">'
        '<span id="count" aria-live="polite"></span>'
        '<button type="button" data-action="zoom-in" title="Zoom in">+</button>'
        '<button type="button" data-action="zoom-out" title="Zoom out">−</button>'
        '<button type="button" data-action="fit">Fit</button>'
        '<button type="button" data-action="expand">Expand all</button>'
        '<button type="button" data-action="collapse">Collapse all</button>'
        f'<span id="boxes">{roles} boxes</span></header>\n'
        f'<main id="viewport"><div id="canvas"><div class="tree">{_tree(g)}</div></div></main>\n'
        f"<script>{JS}</script>\n</body>\n</html>\n"
    )
