"""Graph -> one self-contained interactive HTML page (``render -o chart.html``).

The chart is server-side HTML (nested lists drawn as an org chart with CSS), so every title is
in the page even without JavaScript; a small inline script adds pan/zoom (wheel, drag, buttons),
search (highlights matches and opens their branches), collapse/expand, and draws the dotted
lines (one colour and dash pattern per lead, named in the legend) over the boxes. No external
scripts, styles, fonts or images: a Content-Security-Policy forbids any network access. Every
user string goes through ``html.escape``; the script reads text with ``textContent`` only.

Client-ready by default: chrome in the chart's language (``lang``; Chinese when the org is
written in Chinese), WCAG AA text contrast, CJK titles that wrap only between words, large
orgs opening collapsed (:data:`OPEN_LEVELS`, :data:`OPEN_BOXES`), and a print stylesheet (no
toolbar, the chart scaled to the page). Boxes carry position ids (``b0``, ``b1``...), not
the file's role ids.

Test hooks (used by the headless-browser test, harmless for users): ``chart.html#q=word``
runs a search on load, ``#collapse`` starts with everything collapsed below the head,
``#expand`` with everything expanded.
"""

from __future__ import annotations

import html
import json
import re
from typing import cast

import networkx as nx

from csdesign.knowledge.chrome import template, word
from csdesign.render.chart.boxes import box_lines, dotted_managers, grouped_children
from csdesign.render.text import clean, segments
from csdesign.structures.contract import DOTTED, EXTERNAL

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")
#: Leaf reports beyond this many stack in a column instead of one long row.
STACK_AFTER = 4
#: The page opens with this many layers below the executive box expanded...
OPEN_LEVELS = 3
#: ...and fewer layers while that would show more than this many boxes.
OPEN_BOXES = 200
#: One colour and dash pattern per dotted-line lead, in lead order (then repeating colours
#: with the next dash). Colours are dark enough to read on white; none is a level colour.
LEAD_STYLES = [
    ("#c55a11", "6 3"), ("#7030a0", "2 3"), ("#00796b", "8 3 2 3"), ("#b8860b", "4 4"),
    ("#ad1457", "1 3"), ("#33691e", "10 4"), ("#4e342e", "6 2 1 2"), ("#0277bd", "3 2"),
]
CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;font-size:13px;color:#1a1a1a;background:#fafafa}
header{display:flex;flex-wrap:wrap;gap:6px;align-items:center;padding:8px 12px;border-bottom:1px solid #ddd;background:#fff;position:relative;z-index:2}
header h1{font-size:15px;margin:0 12px 0 0}
header input{padding:4px 8px;min-width:14em;border:1px solid #767676;border-radius:4px;color:#1a1a1a;background:#fff}
header button{padding:3px 9px;border:1px solid #767676;border-radius:4px;background:#f4f4f4;color:#1a1a1a;cursor:pointer}
#count,#boxes{color:#595959;min-width:6em}
#viewport{position:absolute;top:46px;left:0;right:0;bottom:0;overflow:hidden;cursor:grab}
#viewport.dragging{cursor:grabbing}
#canvas{transform-origin:0 0;display:inline-block;padding:24px;position:relative}
#links{position:absolute;left:0;top:0;pointer-events:none;overflow:visible}
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
.box{display:inline-block;min-width:7em;max-width:18em;padding:5px 9px;border:1px solid #595959;border-radius:6px;background:#fff;color:#1a1a1a;position:relative;white-space:normal}
.box.has-toggle{padding-bottom:14px}
.box .l{display:block;word-break:keep-all;overflow-wrap:anywhere;line-break:strict}
.box .meta{font-size:11px}
.lvl-director{background:#1f4e79;color:#fff}
.lvl-manager{background:#2a6aa6;color:#fff}
.lvl-supervisor{background:#c5dcf0;color:#1a1a1a}
.external{background:#eee;color:#333;border-style:dashed}
.vacant{border-style:dashed;border-width:2px}
.match{outline:3px solid #ffbf00;outline-offset:2px}
.toggle{position:absolute;bottom:-9px;left:50%;transform:translateX(-50%);width:18px;height:18px;line-height:14px;padding:0;font-size:12px;border:1px solid #595959;border-radius:9px;background:#fff;color:#000;cursor:pointer;z-index:1}
li.collapsed>ul{display:none}
.unit>.box{background:#fafafa;border:1px dashed #8c8c8c;color:#333;font-weight:600}
.unit>.box .axis{font-weight:400;color:#595959}
.details{display:none;text-align:left;font-size:11px;margin-top:4px;border-top:1px solid rgba(128,128,128,.5);padding-top:3px}
.box.open .details{display:block}
.details ul{display:block;padding:0 0 0 1.2em;margin:0}
.details ul::before{display:none}
.details li{display:list-item;list-style:disc;padding:0;text-align:left}
.details li::before,.details li::after{display:none}
#legend{position:absolute;right:12px;bottom:12px;z-index:2;background:#fff;border:1px solid #ccc;border-radius:6px;padding:6px 10px;font-size:12px;color:#1a1a1a;max-width:24em}
#legend h2{font-size:12px;margin:0 0 4px}
#legend ul{list-style:none;margin:0;padding:0}
#legend li{display:flex;align-items:center;gap:6px;margin:2px 0}
#legend svg{flex:none}
#legend .n{color:#595959}
.sample{display:inline-block;width:22px;height:12px;border:1px solid #595959;border-radius:3px;background:#fff}
.sample.vacant{border-style:dashed;border-width:2px}
@page{size:A4 landscape;margin:10mm}
@media print{
  html,body{height:auto;background:#fff}
  header>*:not(h1){display:none!important}
  header{border:0;padding:0 0 4mm}
  .toggle{display:none}
  .box.has-toggle{padding-bottom:5px}
  #viewport{position:static;overflow:visible}
  #canvas{transform:none!important;zoom:var(--print-zoom,1);padding:0}
  #legend{position:static;display:inline-block;margin-top:4mm;break-inside:avoid}
  .box,.external,.lvl-director,.lvl-manager,.lvl-supervisor{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

DRAW_JS = r"""
// Dotted lines over an org chart: one path per link, in its lead's colour and dash, from the
// lead's box to the report's box (or to the nearest visible ancestor when collapsed).
window.csdesignLinks=(function(){
  "use strict";
  function visible(el){var li=el.closest("li"),shown=el;
    for(var p=li&&li.parentNode.closest("li");p;p=p.parentNode.closest("li")){if(p.classList.contains("collapsed"))shown=p.querySelector(":scope>.box");}
    return shown;}
  function pos(el,cv){var x0=0,y0=0;for(var e=el;e&&e!==cv;e=e.offsetParent){x0+=e.offsetLeft;y0+=e.offsetTop;}return {x:x0,y:y0,w:el.offsetWidth,h:el.offsetHeight};}
  function draw(cv,svg,L){
    while(svg.firstChild)svg.removeChild(svg.firstChild);
    svg.setAttribute("width",cv.scrollWidth);svg.setAttribute("height",cv.scrollHeight);
    var seen={};
    L.links.forEach(function(k){
      var a=cv.querySelector('[data-b="'+k[0]+'"]'),b=cv.querySelector('[data-b="'+k[1]+'"]');if(!a||!b)return;
      a=visible(a);b=visible(b);if(a===b)return;
      var key=a.getAttribute("data-b")+">"+b.getAttribute("data-b")+">"+k[2];if(seen[key])return;seen[key]=1;
      var lead=L.leads[k[2]],off=(k[2]%5-2)*4;
      var p=pos(a,cv),q=pos(b,cv);
      var x1=p.x+p.w/2+off,y1=p.y+p.h,x2=q.x+q.w/2+off,y2=q.y;
      if(y2<=y1){y1=p.y+p.h/2;x1=(q.x>p.x)?p.x+p.w:p.x;y2=q.y+q.h/2;x2=(q.x>p.x)?q.x:q.x+q.w;}
      var mid=y1+(y2-y1)/2+off;
      var path=document.createElementNS(svg.namespaceURI,"path");
      path.setAttribute("d","M"+x1+","+y1+" C"+x1+","+mid+" "+x2+","+mid+" "+x2+","+y2);
      path.setAttribute("fill","none");path.setAttribute("stroke",lead.colour);path.setAttribute("stroke-width","1.6");
      path.setAttribute("stroke-dasharray",lead.dash);path.setAttribute("data-lead",String(k[2]));
      svg.appendChild(path);
    });
  }
  return {draw:draw};
})();
"""

JS = r"""
(function(){
  "use strict";
  var root=document.documentElement;
  window.addEventListener("error",function(e){root.setAttribute("data-error",String(e.message));});
  var T=JSON.parse(document.getElementById("chrome").textContent);
  var L=JSON.parse(document.getElementById("dotted").textContent);
  var vp=document.getElementById("viewport"),cv=document.getElementById("canvas");
  var search=document.getElementById("search"),count=document.getElementById("count");
  var s=1,x=0,y=0,drag=null,matches=[],current=-1;
  function apply(){cv.style.transform="translate("+x+"px,"+y+"px) scale("+s+")";}
  function zoomAt(f,cx,cy){var n=Math.min(4,Math.max(0.1,s*f));x=cx-(cx-x)*n/s;y=cy-(cy-y)*n/s;s=n;apply();}
  function fit(){s=1;x=0;y=0;apply();var w=cv.offsetWidth,h=cv.offsetHeight;var f=Math.min(1,vp.clientWidth/w,vp.clientHeight/h);
    s=f>0?f:1;x=Math.max(0,(vp.clientWidth-w*s)/2);y=0;apply();}
  // Print: scale the chart to the printable area of A4 landscape (277 x 190 mm at 96 dpi).
  function printZoom(){var w=cv.scrollWidth,h=cv.scrollHeight;var z=Math.min(1,1046/Math.max(w,1),640/Math.max(h,1));cv.style.setProperty("--print-zoom",String(z));}
  function draw(){window.csdesignLinks.draw(cv,document.getElementById("links"),L);printZoom();}
  vp.addEventListener("wheel",function(e){e.preventDefault();var r=vp.getBoundingClientRect();zoomAt(e.deltaY<0?1.1:1/1.1,e.clientX-r.left,e.clientY-r.top);},{passive:false});
  vp.addEventListener("pointerdown",function(e){if(e.target.closest("button,.box"))return;drag={px:e.clientX,py:e.clientY,x:x,y:y};vp.classList.add("dragging");});
  window.addEventListener("pointermove",function(e){if(!drag)return;x=drag.x+e.clientX-drag.px;y=drag.y+e.clientY-drag.py;apply();});
  window.addEventListener("pointerup",function(){drag=null;vp.classList.remove("dragging");});
  function setCollapsed(li,c){li.classList.toggle("collapsed",c);var b=li.querySelector(":scope>.box>.toggle");if(b){b.textContent=c?"+":"\u2212";b.setAttribute("aria-expanded",String(!c));}}
  function all(c){document.querySelectorAll(".tree li.has-children").forEach(function(li){if(!c||li.parentNode.closest("li"))setCollapsed(li,c);});draw();}
  function centre(box){var r=box.getBoundingClientRect(),v=vp.getBoundingClientRect();x+=v.left+v.width/2-(r.left+r.width/2);y+=v.top+v.height/2-(r.top+r.height/2);apply();}
  function find(q){q=q.trim().toLowerCase();matches=[];current=-1;
    document.querySelectorAll(".tree .box").forEach(function(b){var hit=q!==""&&b.textContent.toLowerCase().indexOf(q)>=0;b.classList.toggle("match",hit);if(hit)matches.push(b);});
    matches.forEach(function(b){for(var li=b.parentNode.parentNode.closest("li");li;li=li.parentNode.closest("li"))setCollapsed(li,false);});
    count.textContent=q===""?"":(matches.length===1?T.match:T.matches).replace("{n}",String(matches.length));draw();}
  document.addEventListener("click",function(e){var t=e.target;
    if(t.classList.contains("toggle")){var li=t.closest("li");setCollapsed(li,!li.classList.contains("collapsed"));draw();return;}
    var act=t.getAttribute("data-action");
    if(act==="zoom-in")zoomAt(1.25,vp.clientWidth/2,vp.clientHeight/2);
    else if(act==="zoom-out")zoomAt(0.8,vp.clientWidth/2,vp.clientHeight/2);
    else if(act==="fit")fit();
    else if(act==="expand")all(false);
    else if(act==="collapse")all(true);
    else{var b=t.closest(".box");if(b&&b.querySelector(".details")){b.classList.toggle("open");draw();}}});
  search.addEventListener("input",function(){find(search.value);});
  search.addEventListener("keydown",function(e){if(e.key==="Enter"&&matches.length){current=(current+1)%matches.length;centre(matches[current]);}});
  var h=decodeURIComponent(location.hash.slice(1));
  if(h==="collapse")all(true);
  else if(h==="expand")all(false);
  else if(h.indexOf("q=")===0){search.value=h.slice(2);find(search.value);}
  draw();fit();
  if(document.fonts&&document.fonts.ready)document.fonts.ready.then(draw);
  window.addEventListener("beforeprint",draw);
  root.setAttribute("data-ready","1");
})();
"""


def chart_lang(g: nx.DiGraph, lang: str | None) -> str:
    """The chrome language: as asked, else Chinese for an org written in Chinese."""
    if lang in ("en", "zh"):
        return str(lang)
    return "zh" if _has_cjk(g) else "en"


def _e(text: str) -> str:
    return html.escape(clean(text), quote=True)


def wrap_html(text: str) -> str:
    """Escaped text with ``<wbr>`` where a CJK title may break (render.text.segments: before
    a role suffix word as in 售前支持<wbr>经理, after separators, between CJK and Latin).
    CSS keeps CJK runs whole otherwise (``word-break: keep-all``), so a narrow box never
    splits a word; Latin breaks at spaces as usual."""
    parts = segments(text)
    if not any(_CJK.search(p) for p in parts):
        return html.escape("".join(parts), quote=True)
    out: list[str] = []
    for part in parts:
        prev = out[-1] if out else ""
        # a space already breaks, and Latin-to-Latin cuts (after "/" or ")") need no mark
        if prev and not prev.endswith(" ") and not (prev[-1].isascii() and part[0].isascii()):
            out.append("<wbr>")
        out.append(html.escape(part, quote=True))
    return "".join(out)


def _has_cjk(g: nx.DiGraph) -> bool:
    texts = [str(g.graph.get("company", ""))] + [str(d.get("title") or "") for _, d in g.nodes(data=True)]
    return any(_CJK.search(t) for t in texts)


def _details(d: dict, lang: str) -> str:
    parts = []
    for key in ("duties", "kpis"):
        items = d.get(key) or []
        if items:
            parts.append(f"<b>{_e(word(key, lang))}</b><ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>")
    return f'<div class="details">{"".join(parts)}</div>' if parts else ""


def _toggle(closed: bool, lang: str) -> str:
    return (f'<button class="toggle" type="button" aria-expanded="{"false" if closed else "true"}" '
            f'aria-label="{_e(word("toggle", lang))}">{"+" if closed else "−"}</button>')


class _Page:
    """One page being written: box ids, dotted-line leads, which branches open collapsed."""

    def __init__(self, g: nx.DiGraph, lang: str, node_ids: bool):
        self.g, self.lang, self.node_ids = g, lang, node_ids
        self.index = {n: i for i, n in enumerate(g.nodes)}
        self.collapsed = _collapsed(g)
        leads: list[str] = []
        for u, _v, d in g.edges(data=True):
            if d.get("kind") == DOTTED and u not in leads:
                leads.append(u)
        self.leads = sorted(leads, key=self.index.__getitem__)

    def box(self, n: str, has_children: bool) -> str:
        g, lang = self.g, self.lang
        d = g.nodes[n]
        lines = box_lines(g, n, lang)
        cls = ["box"]
        if d.get("kind") == EXTERNAL:
            cls.append("external")
        else:
            cls.append(f"lvl-{d.get('level') or 'individual'}")
        if d.get("vacant"):
            cls.append("vacant")
        if has_children:
            cls.append("has-toggle")
        meta_first = 1 if d.get("name") else 0
        spans = []
        for i, line in enumerate(lines):
            is_meta = i > meta_first  # the ×N · level line after the title
            spans.append(f'<span class="l{" meta" if is_meta else ""}">{_e(line) if is_meta else wrap_html(line)}</span>')
        dotted = dotted_managers(g, n)
        tip = ""
        if dotted:
            names = ("、" if lang == "zh" else ", ").join(clean(g.nodes[u].get("title") or "") for u in dotted)
            tip = f' title="{_e(word("dotted_to", lang, names=names))}"'
        ident = f' data-b="b{self.index[n]}"'
        if self.node_ids:
            ident += f' data-node="{html.escape(n, quote=True)}"'
        toggle = _toggle(n in self.collapsed, lang) if has_children else ""
        return f'<div class="{" ".join(cls)}"{ident}{tip}>{"".join(spans)}{_details(d, lang)}{toggle}</div>'

    def li_class(self, key: str, has_children: bool, unit: bool = False) -> str:
        names = (["unit"] if unit else []) + (["has-children"] if has_children else [])
        if has_children and key in self.collapsed:
            names.append("collapsed")
        return f' class="{" ".join(names)}"' if names else ""

    def tree(self) -> str:
        """Nested <ul>/<li> of the solid hierarchy, built with an explicit stack (no recursion limit)."""
        g = self.g
        units = g.graph.get("units", {})
        out: list[str] = ["<ul>"]
        stack: list[tuple[str, object]] = [("close", "</ul>"), ("node", g.graph["external"])]
        while stack:
            kind, value = stack.pop()
            if kind == "close":
                out.append(str(value))
                continue
            if kind == "unit":
                unit_id, members = cast("tuple[str, list[str]]", value)
                info = units.get(unit_id, {"axis": "", "label": str(unit_id)})
                key = f"unit:{unit_id}"
                out.append(f'<li{self.li_class(key, True, unit=True)}><div class="box has-toggle">'
                           f'<span class="axis">{_e(_axis(info["axis"], self.lang))}</span> {wrap_html(info["label"])}'
                           f"{_toggle(key in self.collapsed, self.lang)}</div>")
                out.append(_ul_open(g, members))
                stack.append(("close", "</ul></li>"))
                stack.extend(("node", m) for m in reversed(members))
                continue
            n = str(value)
            groups = grouped_children(g, n)
            kids = [m for u, ms in groups if u is None for m in ms]
            out.append(f"<li{self.li_class(n, bool(groups))}>{self.box(n, bool(groups))}")
            if not groups:
                out.append("</li>")
                continue
            items: list[tuple[str, object]] = [("node", m) for m in kids] + [("unit", (u, ms)) for u, ms in groups if u is not None]
            out.append(_ul_open(g, kids) if len(items) == len(kids) else "<ul>")
            stack.append(("close", "</ul></li>"))
            stack.extend(reversed(items))
        return "".join(out)

    def links(self) -> dict:
        """Dotted lines for the script: [from box, to box, lead index], plus each lead's style."""
        lead_no = {n: i for i, n in enumerate(self.leads)}
        links = [[f"b{self.index[u]}", f"b{self.index[v]}", lead_no[u]] for u, v, d in self.g.edges(data=True) if d.get("kind") == DOTTED]
        styles = [LEAD_STYLES[i % len(LEAD_STYLES)] for i in range(len(self.leads))]
        return {"links": links, "leads": [{"colour": c, "dash": dash} for c, dash in styles]}

    def legend(self) -> str:
        """Only what the chart uses, with counts; nothing when lines have a single meaning."""
        g, lang = self.g, self.lang
        dotted_counts = {u: 0 for u in self.leads}
        solid = 0
        for u, _v, d in g.edges(data=True):
            if d.get("kind") == DOTTED:
                dotted_counts[u] += 1
            else:
                solid += 1
        vacant = sum(1 for _, d in g.nodes(data=True) if d.get("vacant"))
        if not self.leads and not vacant:
            return ""
        rows = [_legend_line("#8c8c8c", "", word("solid", lang), solid)]
        for i, u in enumerate(self.leads):
            colour, dash = LEAD_STYLES[i % len(LEAD_STYLES)]
            title = clean(g.nodes[u].get("title") or "")
            rows.append(_legend_line(colour, dash, word("dotted_lead", lang, names=title), dotted_counts[u]))
        if vacant:
            rows.append(f'<li><span class="sample vacant"></span>{_e(word("vacant", lang))} <span class="n">{vacant}</span></li>')
        return f'<aside id="legend"><h2>{_e(word("legend", lang))}</h2><ul>{"".join(rows)}</ul></aside>'


def _legend_line(colour: str, dash: str, label: str, n: int) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<li><svg width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" stroke="{colour}" stroke-width="2"{dash_attr}/></svg>'
            f'{_e(label)} <span class="n">{n}</span></li>')


def _axis(axis: str, lang: str) -> str:
    from csdesign.knowledge.chrome import axis_label

    return axis_label(axis, lang) + ("：" if lang == "zh" else ":")


def _collapsed(g: nx.DiGraph) -> set[str]:
    """Branches that open collapsed: those :data:`OPEN_LEVELS` layers below the top, or
    fewer layers while more than :data:`OPEN_BOXES` boxes would show. A unit header is a
    layer, as it is on screen (key ``unit:<unit id>``)."""
    boxes_at: dict[int, int] = {}
    branches: list[tuple[str, int]] = []  # nodes or unit headers that have children
    stack: list[tuple[str, list[str] | None, int]] = [(g.graph["external"], None, 0)]
    while stack:
        key, members, depth = stack.pop()
        if members is not None:  # a unit header
            branches.append((key, depth))
            stack.extend((m, None, depth + 1) for m in reversed(members))
            continue
        boxes_at[depth] = boxes_at.get(depth, 0) + 1
        groups = grouped_children(g, key)
        if groups:
            branches.append((key, depth))
        for unit, ms in reversed(groups):
            if unit is None:
                stack.extend((m, None, depth + 1) for m in reversed(ms))
            else:
                stack.append((f"unit:{unit}", ms, depth + 1))
    levels = OPEN_LEVELS
    while levels > 1 and sum(c for d, c in boxes_at.items() if d <= levels) > OPEN_BOXES:
        levels -= 1
    return {key for key, depth in branches if depth == levels}


def _ul_open(g: nx.DiGraph, members: list[str]) -> str:
    leaves = all(not grouped_children(g, m) for m in members)
    return '<ul class="stack">' if leaves and len(members) > STACK_AFTER else "<ul>"


def chart_fragment(g: nx.DiGraph, *, node_ids: bool = False, lang: str | None = None) -> str:
    """The chart alone (``<div class="tree">``), for pages that embed it, such as `csdesign
    serve`; ``node_ids`` adds ``data-node`` attributes so findings can point at boxes."""
    page = _Page(g, chart_lang(g, lang), node_ids)
    return f'<div class="tree">{page.tree()}</div>'


def chart_links(g: nx.DiGraph) -> dict:
    """The dotted lines of :func:`chart_fragment`'s boxes, for ``csdesignLinks.draw``."""
    return _Page(g, "en", node_ids=False).links()


def _json_block(element_id: str, data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def page_head(lang: str, title: str, css: str) -> str:
    """A self-contained page's start, up to ``<body>``: a Content-Security-Policy that allows
    only the page's own inline style and script (no request of any kind), and the title."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="csdesign">\n'
        f"<title>{_e(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
    )


def to_html(g: nx.DiGraph, lang: str | None = None) -> str:
    """The complete HTML document for the org graph; chrome in ``lang`` (see :func:`chart_lang`)."""
    from csdesign.knowledge.guide import structure_label

    lang = chart_lang(g, lang)
    page = _Page(g, lang, node_ids=False)
    structure = str(g.graph.get("structure", ""))
    title = f"{g.graph.get('company', '')} · {word('structure', lang, name=structure_label(structure, lang))}"
    roles = sum(1 for _, d in g.nodes(data=True) if d.get("kind") != EXTERNAL)
    chrome = {"match": template("match", lang), "matches": template("matches", lang)}

    def w(key: str) -> str:
        return _e(word(key, lang))

    return (
        page_head(lang, title, CSS) +
        f"<header><h1>{_e(title)}</h1>"
        f'<input id="search" type="search" placeholder="{w("search")}" aria-label="{w("search")}">'
        '<span id="count" aria-live="polite"></span>'
        f'<button type="button" data-action="zoom-in" title="{w("zoom_in")}">+</button>'
        f'<button type="button" data-action="zoom-out" title="{w("zoom_out")}">−</button>'
        f'<button type="button" data-action="fit">{w("fit")}</button>'
        f'<button type="button" data-action="expand">{w("expand")}</button>'
        f'<button type="button" data-action="collapse">{w("collapse")}</button>'
        f'<span id="boxes">{_e(word("boxes", lang, n=roles))}</span></header>\n'
        f'<main id="viewport"><div id="canvas"><svg id="links" aria-hidden="true"></svg><div class="tree">{page.tree()}</div></div>{page.legend()}</main>\n'
        f"{_json_block('chrome', chrome)}\n{_json_block('dotted', page.links())}\n"
        f"<script>{DRAW_JS}{JS}</script>\n</body>\n</html>\n"
    )
