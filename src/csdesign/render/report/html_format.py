"""The report as one self-contained HTML page (`report -o report.html`), and the page
``report -o report.pdf`` prints.

What it holds: the summary, the org chart as inline SVG pages (Graphviz, A4 landscape
pagination as ``render --page a4``, boxes of findings marked as ``render --highlight all``),
the findings (one row per finding with the role titles and what to do), the RACI matrix by
role title, spans, capacity and cost, and an appendix of the boxes with their role ids.

Each finding links to its boxes in the chart ("show in chart": the script marks all of them
and scrolls the first into view; without the script the link still jumps to the first box),
and each marked box links back to its first finding. One file: inline CSS and script, no
fonts, images or requests (a Content-Security-Policy forbids any), so it opens offline and
mails as an attachment. The print stylesheet puts each chart page on its own landscape
page, repeats table headers and drops the navigation. Client text throughout: role titles,
no source tags, full-width punctuation in Chinese (render/client.py); every user string is
HTML-escaped. Same report, same bytes.
"""

from __future__ import annotations

import html
import re
from typing import Any

from csdesign.analysis import Report
from csdesign.render.client import ClientFinding, client_findings, client_text, raci_lettered, roster_rows, sep
from csdesign.render.text import clean

#: The page size of the chart pages (pages.py), also the print stylesheet's landscape page.
CHART_PAGE = "a4"
#: Report sections already shown as rows of the findings table (or drawn separately).
_SHOWN_ELSEWHERE = {"overlap", "gaps", "duplicates", "raci", "kpis", "raci_matrix", "placement"}
RACI_CLASS = {"A": "ra", "R": "rr", "C": "rc", "I": "ri"}

CSS = """
*{box-sizing:border-box}
html{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;font-size:14px;color:#1a1a1a;background:#fff;line-height:1.5}
body{margin:0}
header.top{background:#1f4e79;color:#fff;padding:20px 32px 16px}
header.top h1{margin:0;font-size:24px}
header.top p{margin:4px 0 0;color:#dce6f0}
nav{position:sticky;top:0;z-index:2;background:#f4f6f9;border-bottom:1px solid #d0d7e2;padding:6px 32px}
nav a{margin-right:18px;color:#1f4e79;text-decoration:none;white-space:nowrap}
nav a:hover{text-decoration:underline}
main{max-width:1180px;margin:0 auto;padding:8px 32px 40px}
section{margin-top:28px}
h2{font-size:19px;border-bottom:2px solid #1f4e79;padding-bottom:3px;margin:0 0 10px;color:#1f4e79}
h3{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;width:100%;margin:6px 0 10px}
th,td{border:1px solid #c8ced8;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#1f4e79;color:#fff;font-weight:600}
tbody tr:nth-child(even){background:#f6f8fb}
td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
th.no{white-space:nowrap}
table.kv{width:auto;min-width:50%}
table.kv th{background:#eef2f7;color:#1a1a1a;width:14em}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:baseline}
.show{white-space:nowrap;color:#1f4e79}
tr:target{background:#fff3c4!important;outline:2px solid #ffbf00}
figure.chart{margin:10px 0 18px;border:1px solid #d0d7e2;border-radius:6px;padding:8px;background:#fff;overflow:auto}
figure.chart svg{display:block;max-width:100%;height:auto;margin:0 auto}
figure.chart a{cursor:pointer}
svg .focus,svg g:target{filter:drop-shadow(0 0 3px #ffbf00) drop-shadow(0 0 6px #ffbf00)}
svg .focus polygon,svg .focus path,svg g:target polygon,svg g:target path{stroke:#e69500;stroke-width:3}
.wide{overflow-x:auto}
.raci td{text-align:center;min-width:4em}
.raci td:first-child{min-width:16em}
.raci td:first-child{text-align:left}
table.findings th:nth-child(1){width:3.2em}
table.findings th:nth-child(2){width:9em}
table.findings th:nth-child(3){width:9em}
table.findings th:nth-child(4){width:12em}
td.ra{background:#1f4e79;color:#fff;font-weight:700}
td.rr{background:#2a6aa6;color:#fff}
td.rc{background:#c5dcf0}
td.ri{background:#ededed}
ul.notes{margin:4px 0 10px;padding-left:1.3em}
.muted{color:#595959}
footer{max-width:1180px;margin:0 auto;padding:0 32px 24px;color:#595959;font-size:12px}
@page{size:A4;margin:14mm 12mm}
@page chart{size:A4 landscape;margin:8mm}
@media print{
  html{font-size:10.5pt}
  nav,.show,.chart-note{display:none!important}
  header.top{padding:0 0 4mm;background:#fff;color:#1a1a1a;border-bottom:2px solid #1f4e79}
  header.top p{color:#404040}
  main,footer{max-width:none;padding:0}
  section{margin-top:6mm}
  section#chart{page:chart}
  section#chart h2{margin-top:0}
  figure.chart{break-inside:avoid;border:0;padding:0;margin:0;overflow:visible}
  figure.chart+figure.chart{break-before:page}
  figure.chart svg{width:100%;max-height:165mm}
  figure.chart+figure.chart svg{max-height:190mm}
  .wide{overflow:visible}
  .raci{font-size:9pt}
  .raci td,.raci th{min-width:0;padding:3px 4px}
  .raci td:first-child{min-width:9em}
  thead{display:table-header-group}
  tr,td,th{break-inside:avoid}
  h2,h3{break-after:avoid}
  a{color:inherit;text-decoration:none}
  th,td.ra,td.rr,td.rc,td.ri,tbody tr:nth-child(even){-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

JS = r"""
(function(){
  "use strict";
  var root=document.documentElement;
  window.addEventListener("error",function(e){root.setAttribute("data-error",String(e.message));});
  function box(id){return document.getElementById("a_"+id)||document.getElementById(id);}
  function show(ids){
    document.querySelectorAll("svg .focus").forEach(function(el){el.classList.remove("focus");});
    var found=ids.map(box).filter(Boolean);
    found.forEach(function(el){el.classList.add("focus");});
    if(found.length)found[0].scrollIntoView({block:"center",inline:"center"});
    root.setAttribute("data-focus",ids.join(" "));
  }
  document.addEventListener("click",function(e){
    var a=e.target.closest("a[data-boxes]");
    if(!a)return;
    e.preventDefault();show(a.getAttribute("data-boxes").split(" "));
  });
  root.setAttribute("data-ready","1");
})();
"""

#: Words of the page itself, (en, zh).
W = {
    "title": ("Organisation review", "组织诊断报告"),
    "summary": ("Summary", "摘要"),
    "chart": ("Org chart", "组织架构图"),
    "findings": ("Findings and what to do", "问题与建议"),
    "raci": ("RACI matrix (duties × roles)", "RACI 矩阵（职责 × 岗位）"),
    "details": ("Spans, capacity and cost", "管理幅度、产能与成本"),
    "appendix": ("Appendix: boxes and role ids", "附录：岗位框与岗位编号"),
    "company": ("Company", "公司"),
    "structure": ("Structure", "组织结构"),
    "result": ("Findings", "发现的问题"),
    "people": ("People", "人数"),
    "managers": ("Managers", "管理者"),
    "layers": ("Layers below the CS head", "客户成功负责人以下层级"),
    "placement": ("Placement", "部门归属"),
    "no": ("#", "序号"),
    "analysis": ("Analysis", "分析"),
    "scope": ("Scope", "范围"),
    "roles": ("Roles", "涉及岗位"),
    "finding": ("Finding", "问题"),
    "todo": ("What to do", "建议"),
    "show": ("show in chart", "在图中查看"),
    "dept": ("department-wide", "全部门"),
    "none": ("No findings: every duty has one owner and spans are on target.", "未发现问题。"),
    "chart_note": ("Boxes with a coloured border are named in a finding; click one to read it, or use “show in chart” beside a finding.",
                   "带彩色边框的岗位框涉及某项问题：点击岗位框查看问题，或点击问题旁的“在图中查看”。"),
    "duty": ("Duty", "职责"),
    "raci_note": ("A accountable · R responsible · C consulted · I informed. Duties with a RACI letter; the Excel workbook lists every duty each role holds.",
                  "A 最终负责 · R 执行 · C 咨询 · I 知会。仅列出有 RACI 字母的职责；各岗位持有的全部职责见 Excel 工作簿。"),
    "name": ("Name", "姓名"),
    "job": ("Title", "职位"),
    "unit": ("Unit", "单元"),
    "level": ("Level", "层级"),
    "headcount": ("Headcount", "人数"),
    "reports_to": ("Reports to", "汇报给"),
    "dotted": ("Dotted lines", "虚线汇报"),
    "vacant": ("Vacant", "空缺"),
    "yes": ("yes", "是"),
    "role_id": ("Role id", "岗位编号"),
    "footer": ("Made with csdesign from the org file; every figure can be regenerated from it.", "由 csdesign 根据组织文件生成；所有内容均可由该文件重新生成。"),
}


def _w(lang: str, key: str) -> str:
    en, zh = W[key]
    return zh if lang == "zh" else en


def _e(text: object) -> str:
    """User or page text escaped for HTML (text and attribute values alike)."""
    return html.escape(clean(str(text)), quote=True)


def _table(header: list[str], rows: list[list[str]], cls: str = "", numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(_td(c, "n" if j in numeric else None) for j, c in enumerate(r)) + "</tr>" for r in rows)
    attr = f' class="{cls}"' if cls else ""
    return f"<table{attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _td(text: str, cls: str | None = None) -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{_e(text)}</td>"


def _anchors(g: Any, findings: list[ClientFinding], lang: str) -> dict[str, tuple[str, str, str]]:
    """node -> (SVG id, link to its first finding, tooltip) for every box a finding names."""
    index = {n: i for i, n in enumerate(g.nodes)}
    out: dict[str, tuple[str, str, str]] = {}
    labels: dict[str, list[str]] = {}
    for k, f in enumerate(findings, 1):
        for n in f.nodes:
            labels.setdefault(n, [])
            if f.label not in labels[n]:
                labels[n].append(f.label)
            out.setdefault(n, (f"b{index[n]}", f"#f{k}", ""))
    for n, (ident, href, _) in out.items():
        title = clean(str(g.nodes[n].get("title") or ""))
        out[n] = (ident, href, f"{title}: {sep(lang).join(labels[n])}" if lang != "zh" else f"{title}：{sep(lang).join(labels[n])}")
    return out


_SVG_HEAD = re.compile(r"\A.*?(?=<svg\b)", re.S)
_SVG_TITLE = re.compile(r"<title>.*?</title>\n?", re.S)
_SVG_COMMENT = re.compile(r"<!--.*?-->\n?", re.S)
_SVG_ID = re.compile(r'\bid="((?:graph|node|edge|clust)\d+)"')


def chart_svgs(report: Report, lang: str, anchors: dict[str, tuple[str, str, str]]) -> list[str]:
    """The chart pages as SVG elements ready to inline: no XML prolog, comments or <title>s
    (Graphviz's node names would show as tooltips), Graphviz's own ids made unique per page."""
    from csdesign.analysis.registry import ANALYSES
    from csdesign.render.chart.dot import DotOptions
    from csdesign.render.chart.graphviz import chart_pages
    from csdesign.render.chart.highlight import report_highlights

    g = report.graph
    kinds = [k for k, a in ANALYSES.highlights().items() if a.name in report.ran]
    opts = DotOptions(highlights=report_highlights(report, kinds, lang), lang=lang, page=CHART_PAGE, anchors=anchors)
    pages, _ = chart_pages(g, "svg", "auto", opts)
    out = []
    seen: set[str] = set()
    for k, data in enumerate(pages, 1):
        svg = _SVG_HEAD.sub("", data.decode("utf-8"))
        svg = _SVG_COMMENT.sub("", _SVG_TITLE.sub("", svg))
        svg = _SVG_ID.sub(lambda m: f'id="p{k}-{m.group(1)}"', svg)

        def unique(m: re.Match[str]) -> str:
            ident = m.group(1)
            if ident in seen:  # a box drawn again on a later page: the first one is the link target
                return f'id="{ident}-p{k}"'
            seen.add(ident)
            return m.group(0)

        svg = re.sub(r'\bid="(a_[^"]+)"', unique, svg)
        svg = svg.replace("<svg ", f'<svg role="img" aria-label="{_e(_w(lang, "chart"))} {k}/{len(pages)}" ', 1)
        out.append(svg.strip())
    return out


def _drawn(svgs: list[str]) -> set[str]:
    """SVG ids of the boxes drawn (a folded team's members are not)."""
    found: set[str] = set()
    for svg in svgs:
        found.update(re.findall(r'\bid="a_([^"]+)"', svg))
    return {html.unescape(i) for i in found}


def _summary(report: Report, lang: str, count: int) -> str:
    from csdesign.knowledge.guide import structure_label

    g = report.graph
    rows = [(_w(lang, "company"), report.company), (_w(lang, "structure"), structure_label(report.structure, lang)),
            (_w(lang, "result"), client_text(report.summary(lang), g, lang))]
    spans = report.result("spans") if "spans" in report.ran else None
    if spans is not None:
        rows += [(_w(lang, "people"), str(spans.headcount)), (_w(lang, "managers"), str(spans.manager_people)), (_w(lang, "layers"), str(spans.layers))]
    placement = report.result("placement") if "placement" in report.ran else None
    if placement is not None:
        rows.append((_w(lang, "placement"), client_text(placement.message(lang), g, lang)))
    body = "".join(f'<tr><th scope="row">{_e(k)}</th><td>{_e(v)}</td></tr>' for k, v in rows)
    return f'<section id="summary"><h2>{_e(_w(lang, "summary"))}</h2><table class="kv"><tbody>{body}</tbody></table></section>'


def _findings(findings: list[ClientFinding], index: dict[str, int], drawn: set[str], lang: str) -> str:
    head = f'<section id="findings"><h2>{_e(_w(lang, "findings"))}</h2>'
    if not findings:
        return head + f'<p class="muted">{_e(_w(lang, "none"))}</p></section>'
    narrow = {"no": ' class="no"'}  # "序号" must not break into two lines
    cols = "".join(f'<th scope="col"{narrow.get(k, "")}>{_e(_w(lang, k))}</th>' for k in ("no", "analysis", "scope", "roles", "finding", "todo"))
    rows = []
    for k, f in enumerate(findings, 1):
        boxes = [f"b{index[n]}" for n in f.nodes if f"b{index[n]}" in drawn]
        link = (f' <a class="show" href="#a_{boxes[0]}" data-boxes="{" ".join(boxes)}">{_e(_w(lang, "show"))}</a>' if boxes else "")
        swatch = f'<span class="swatch" style="background:{f.colour}"></span>' if f.colour else ""
        rows.append(f'<tr id="f{k}"><td class="n">{k}</td><td>{swatch}{_e(f.label)}</td><td>{_e(sep(lang).join(f.units) or _w(lang, "dept"))}</td>'
                    f"<td>{_e(sep(lang).join(f.titles))}{link}</td><td>{_e(f.what)}</td><td>{_e(f.todo)}</td></tr>")
    return head + f'<table class="findings"><thead><tr>{cols}</tr></thead><tbody>{"".join(rows)}</tbody></table></section>'


def _raci(report: Report, lang: str) -> str:
    m = report.raci_matrix if "raci" in report.ran else None
    duties, roles = raci_lettered(m) if m is not None else ([], [])
    if not duties:
        return ""
    head = f'<th scope="col">{_e(_w(lang, "duty"))}</th>' + "".join(f'<th scope="col">{_e(r.title)}</th>' for r in roles)
    rows = []
    for duty in duties:
        cells = []
        for r in roles:
            value = m.cell(duty, r.role_id) if m is not None else ""
            cells.append(_td(value, RACI_CLASS.get(value[:1])))
        rows.append(f"<tr><td>{_e(duty)}</td>{''.join(cells)}</tr>")
    return (f'<section id="raci"><h2>{_e(_w(lang, "raci"))}</h2><div class="wide"><table class="raci"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div><p class="muted">{_e(_w(lang, "raci_note"))}</p></section>')


def _details(report: Report, lang: str) -> str:
    from csdesign.render.report.sections import sections

    g = report.graph
    parts = []
    for s in sections(report, lang):
        if s.key in _SHOWN_ELSEWHERE:
            continue
        part = [f"<h3>{_e(client_text(s.heading, g, lang))}</h3>"]
        if s.columns and s.rows:
            rows = [[client_text(c, g, lang) for c in r] for r in s.rows]
            numeric = {j for j in range(len(s.columns)) if all(re.fullmatch(r"[\d.,%–\- ]+", r[j] or "-") for r in rows if j < len(r))}
            part.append(_table([client_text(c, g, lang) for c in s.columns], rows, numeric=numeric))
        elif s.columns and s.empty:
            part.append(f'<p class="muted">{_e(client_text(s.empty, g, lang))}</p>')
        if s.notes:
            part.append('<ul class="notes">' + "".join(f"<li>{_e(client_text(n, g, lang))}</li>" for n in s.notes) + "</ul>")
        parts.append("".join(part))
    if not parts:
        return ""
    return f'<section id="details"><h2>{_e(_w(lang, "details"))}</h2>{"".join(parts)}</section>'


def _appendix(g: Any, lang: str) -> str:
    header = [_w(lang, k) for k in ("name", "job", "unit", "level", "headcount", "reports_to", "dotted", "vacant", "role_id")]
    rows = [[r.name, r.title, r.unit, r.level, str(r.headcount), r.manager, r.dotted, _w(lang, "yes") if r.vacant else "", r.role_id] for r in roster_rows(g, lang)]
    return f'<section id="appendix"><h2>{_e(_w(lang, "appendix"))}</h2>{_table(header, rows, numeric={4})}</section>'


def report_html(report: Report, lang: str = "en") -> str:
    """The complete HTML document."""
    from csdesign.knowledge.guide import structure_label
    from csdesign.render.chart.html import page_head

    g = report.graph
    findings = client_findings(report, lang)
    index = {n: i for i, n in enumerate(g.nodes)}
    anchors = _anchors(g, findings, lang)
    svgs = chart_svgs(report, lang, anchors)
    drawn = _drawn(svgs)
    title = f"{clean(report.company)} · {_w(lang, 'title')}"
    sub = f"{structure_label(report.structure, lang)} · {client_text(report.summary(lang), g, lang)}"
    body = [
        _summary(report, lang, len(findings)),
        f'<section id="chart"><h2>{_e(_w(lang, "chart"))}</h2><p class="muted chart-note">{_e(_w(lang, "chart_note"))}</p>'
        + "".join(f'<figure class="chart" id="page{k}">{svg}</figure>' for k, svg in enumerate(svgs, 1)) + "</section>",
        _findings(findings, index, drawn, lang),
        _raci(report, lang),
        _details(report, lang),
        _appendix(g, lang),
    ]
    nav_keys = [("summary", "summary"), ("chart", "chart"), ("findings", "findings")]
    if body[3]:
        nav_keys.append(("raci", "raci"))
    if body[4]:
        nav_keys.append(("details", "details"))
    nav_keys.append(("appendix", "appendix"))
    nav = "".join(f'<a href="#{ident}">{_e(_w(lang, key) if key != "appendix" else _w(lang, key).split("：")[0].split(":")[0])}</a>' for ident, key in nav_keys)
    return (
        page_head(lang, title, CSS) +
        f'<header class="top"><h1>{_e(title)}</h1><p>{_e(sub)}</p></header>\n'
        f"<nav>{nav}</nav>\n<main>\n" + "\n".join(b for b in body if b) + "\n</main>\n"
        f'<footer>{_e(_w(lang, "footer"))}</footer>\n'
        f"<script>{JS}</script>\n</body>\n</html>\n"
    )
