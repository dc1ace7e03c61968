"""`csdesign deck`: the PowerPoint deck reopened with python-pptx, converted by LibreOffice
headless, read back with pdftotext. LibreOffice/pdftotext checks skip with a reason when absent."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pptx = pytest.importorskip("pptx", reason="needs python-pptx")
from pptx import Presentation  # noqa: E402
from pptx.enum.shapes import MSO_SHAPE_TYPE  # noqa: E402
from pptx.oxml.ns import qn  # noqa: E402
from pptx.util import Inches  # noqa: E402

from csdesign.app.deck_job import deck  # noqa: E402
from csdesign.structures import build_file  # noqa: E402
from csdesign.structures.contract import roles  # noqa: E402
from tests.helpers import EXAMPLES, ROOT  # noqa: E402

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
ENGLISH_LEVELS = ("director", "manager", "supervisor", "individual")


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("decks")
    made = {}
    for name, lang, example in (("ent-zh", "zh", "enterprise"), ("ent-en", "en", "enterprise"), ("ecm-zh", "zh", "ecommerce-matrix")):
        path = out / f"{name}.pptx"
        path.write_bytes(deck(EXAMPLES / f"{example}.yaml", lang=lang, date="2026-12-01"))
        made[name] = path
    return made


def chart_slides(prs) -> list:
    return [s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text.startswith(("Org chart", "组织结构图"))]


def text_of(prs) -> str:
    parts = []
    for s in prs.slides:
        for shp in s.shapes:
            if shp.has_text_frame:
                parts.append(shp.text_frame.text)
            if shp.has_table:
                parts.extend(c.text for row in shp.table.rows for c in row.cells)
    return "\n".join(parts)


def test_deck_slides_in_order(decks):
    prs = Presentation(str(decks["ent-en"]))
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]
    assert titles[0] == "Atlas Logistics Technologies"
    assert titles[1:6] == ["Executive summary", "Org chart · Organisation overview", "Org chart · segment: Strategic",
                           "Org chart · segment: Important", "Org chart · segment: Ordinary"]  # units in file order
    assert titles[6:10] == ["Findings", "RACI matrix", "RACI matrix (continued)", "Spans of control and layers"]
    capacity = [t for t in titles[10:-1]]
    assert capacity and all(t.startswith("Capacity and staffing · ") for t in capacity)  # one slide per capacity table
    assert titles[-1] == "The eight structures compared"
    assert prs.slide_width == 12191695 and prs.slide_height == 6858000  # 13.333 x 7.5 in


def test_chart_slides_are_native_shapes_with_glued_connectors(decks):
    prs = Presentation(str(decks["ecm-zh"]))
    slides = chart_slides(prs)
    assert len(slides) == 4
    connectors = 0
    for s in slides:
        for shp in s.shapes:
            assert shp.shape_type != MSO_SHAPE_TYPE.PICTURE
            if shp.shape_type == MSO_SHAPE_TYPE.LINE or shp.element.tag == qn("p:cxnSp"):
                c = shp.element.find(qn("p:nvCxnSpPr")).find(qn("p:cNvCxnSpPr"))
                assert c.find(qn("a:stCxn")) is not None and c.find(qn("a:endCxn")) is not None
                connectors += 1
    assert connectors >= 20
    dashes = {shp.line.dash_style for s in slides for shp in s.shapes if shp.element.tag == qn("p:cxnSp") and shp.line.dash_style is not None}
    assert len(dashes) == 3  # one dash pattern per dotted-line lead (three leads in this org)


def drawn_path(cxn) -> list[tuple[float, float]]:
    """The polyline PowerPoint paints for a connector's stored geometry (ECMA-376: the preset
    path in the frame, mirrored by flipH/flipV, turned clockwise by rot about the frame's
    centre, placed at off), in EMU."""
    import math

    xfrm = cxn.find(qn("p:spPr")).find(qn("a:xfrm"))
    off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
    x0, y0, w, h = (int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))
    geom = cxn.find(qn("p:spPr")).find(qn("a:prstGeom"))
    gd = geom.find(qn("a:avLst")).find(qn("a:gd"))
    adj = int(gd.get("fmla").split()[1]) if gd is not None else 50000
    x1 = w * adj / 100000
    local = {"bentConnector2": [(0, 0), (w, 0), (w, h)], "bentConnector3": [(0, 0), (x1, 0), (x1, h), (w, h)],
             "straightConnector1": [(0, 0), (w, h)]}[geom.get("prst")]
    theta = math.radians(int(xfrm.get("rot", "0")) / 60000)
    out = []
    for x, y in local:
        if xfrm.get("flipH") == "1":
            x = w - x
        if xfrm.get("flipV") == "1":
            y = h - y
        dx, dy = x - w / 2, y - h / 2
        out.append((x0 + w / 2 + dx * math.cos(theta) - dy * math.sin(theta), y0 + h / 2 + dx * math.sin(theta) + dy * math.cos(theta)))
    return out


@pytest.mark.parametrize("example", ["enterprise", "growth-saas", "ecommerce-matrix", "startup"])
def test_connectors_are_stored_as_powerpoint_draws_them(tmp_path, example):
    """PowerPoint paints stored connector geometry (LibreOffice reroutes, so it cannot show
    this): every line leaves its manager's bottom centre going down and arrives at its report's
    top centre going down (a stacked leaf: at its left side going right), without running
    along either box; dotted lines into one box cross the gap on different tracks."""
    path = tmp_path / "d.pptx"
    path.write_bytes(deck(EXAMPLES / f"{example}.yaml", lang="en", date="2026-12-01"))
    prs = Presentation(str(path))
    seen = 0
    for s in chart_slides(prs):
        by_id = {shp.shape_id: shp for shp in s.shapes}
        tracks: dict[int, list[float]] = {}
        for shp in s.shapes:
            if shp.element.tag != qn("p:cxnSp"):
                continue
            glue = shp.element.find(qn("p:nvCxnSpPr")).find(qn("p:cNvCxnSpPr"))
            st, en = glue.find(qn("a:stCxn")), glue.find(qn("a:endCxn"))
            a, z = by_id[int(st.get("id"))], by_id[int(en.get("id"))]
            assert st.get("idx") == "2"
            pts = drawn_path(shp.element)
            near = lambda p, q: abs(p[0] - q[0]) <= 2 and abs(p[1] - q[1]) <= 2  # noqa: E731 - EMU rounding
            assert near(pts[0], (a.left + a.width / 2, a.top + a.height)), (example, a.text_frame.text)
            assert pts[1][1] > pts[0][1] and abs(pts[1][0] - pts[0][0]) <= 2  # down first
            if en.get("idx") == "1":  # a stacked leaf: in at its left side, going right
                assert near(pts[-1], (z.left, z.top + z.height / 2)) and pts[-1][0] > pts[-2][0]
            else:
                assert en.get("idx") == "0"
                assert near(pts[-1], (z.left + z.width / 2, z.top))
                assert pts[-1][1] > pts[-2][1] and abs(pts[-1][0] - pts[-2][0]) <= 2  # down into the top
                if shp.line.dash_style is not None:
                    tracks.setdefault(z.shape_id, []).append(round(pts[1][1]))
            seen += 1
        for box, ys in tracks.items():
            assert len(set(ys)) == len(ys), (example, box, ys)  # no two dotted lines on one track
    assert seen >= 3


def test_legend_tells_leads_with_one_title_apart(tmp_path):
    path = tmp_path / "d.pptx"
    path.write_bytes(deck(EXAMPLES / "growth-saas.yaml", lang="en", date="2026-12-01"))
    prs = Presentation(str(path))
    legend = next(shp.text_frame.text for shp in chart_slides(prs)[1].shapes if shp.has_text_frame and shp.text_frame.text.startswith("Legend"))
    assert "dotted line to Regional Success Lead (Americas)" in legend
    assert "dotted line to Regional Success Lead (EMEA)" in legend and "dotted line to Regional Success Lead (APAC)" in legend
    path.write_bytes(deck(EXAMPLES / "growth-saas.yaml", lang="zh", date="2026-12-01"))
    legend = next(shp.text_frame.text for shp in chart_slides(Presentation(str(path)))[1].shapes
                  if shp.has_text_frame and shp.text_frame.text.startswith("图例"))
    assert "虚线汇报给Regional Success Lead（APAC）" in legend  # the file's own English title, Chinese brackets


def test_box_text_is_ten_points_or_more(decks):
    for name in decks:
        prs = Presentation(str(decks[name]))
        for s in chart_slides(prs):
            for shp in s.shapes:
                if shp.has_text_frame:
                    for p in shp.text_frame.paragraphs:
                        for r in p.runs:
                            assert r.font.size is None or r.font.size.pt >= 10, (name, r.text)


def test_every_title_is_in_the_deck_and_zh_chrome_has_no_english_levels(decks):
    for name, example in (("ent-en", "enterprise"), ("ecm-zh", "ecommerce-matrix")):
        text = text_of(Presentation(str(decks[name])))
        g = build_file(str(EXAMPLES / f"{example}.yaml"))
        for _, d in roles(g):
            assert d["title"] in text.replace("\n", " ") or all(part in text for part in d["title"].split()), d["title"]
    zh = text_of(Presentation(str(decks["ecm-zh"]))).lower()
    for word in ENGLISH_LEVELS:
        assert word not in zh, word
    assert "seed" not in zh and "种子" not in zh


def test_deck_is_deterministic(tmp_path):
    a = deck(EXAMPLES / "ecommerce-matrix.yaml", lang="zh", date="2026-12-01")
    b = deck(EXAMPLES / "ecommerce-matrix.yaml", lang="zh", date="2026-12-01")
    assert a == b


def test_compare_adds_the_change_slides():
    data = deck(EXAMPLES / "reorg-after.yaml", compare=EXAMPLES / "reorg-before.yaml", lang="zh", date="2026-12-01")
    import io

    prs = Presentation(io.BytesIO(data))
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert any(t.startswith("调整内容：岗位") for t in titles) and any(t.startswith("调整内容：职责转移") for t in titles)


def test_template_keeps_the_clients_master(tmp_path):
    template = tmp_path / "client.pptx"
    t = Presentation()
    t.save(str(template))  # python-pptx's default master: 4:3
    import io

    prs = Presentation(io.BytesIO(deck(EXAMPLES / "startup.yaml", template=template, date="2026-12-01")))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)
    assert prs.slides[1].slide_layout.name == "Title Only"


def run(*args: str):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "csdesign", *args], capture_output=True, text=True, env=env)


def test_cli_errors_exit_2(tmp_path):
    res = run("deck", str(EXAMPLES / "startup.yaml"), "-o", str(tmp_path / "deck.txt"))
    assert res.returncode == 2 and res.stderr.strip() == f"<input>: cannot write a deck to '{tmp_path / 'deck.txt'}' (give -o a .pptx file)" or "give -o a .pptx file" in res.stderr
    res = run("deck", str(EXAMPLES / "startup.yaml"), "-o", str(tmp_path / "d.pptx"), "--page", "5:4")
    assert res.returncode == 2 and "--page: '5:4' is not a deck page" in res.stderr
    res = run("deck", str(EXAMPLES / "startup.yaml"), "-o", str(tmp_path / "d.pptx"), "--date", "tomorrow")
    assert res.returncode == 2 and "--date: 'tomorrow' is not a date like 2026-12-01" in res.stderr


@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None, reason="needs LibreOffice (soffice) and poppler-utils (pdftotext): apt-get install libreoffice-impress poppler-utils")
def test_libreoffice_converts_the_deck_and_every_title_reads_back(decks, tmp_path):
    profile = tmp_path / "lo-profile"
    for name in ("ent-zh", "ecm-zh"):
        res = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                              "--outdir", str(tmp_path), str(decks[name])], capture_output=True, text=True, timeout=240)
        pdf = tmp_path / f"{name}.pdf"
        assert res.returncode == 0 and pdf.exists(), res.stderr
        text = subprocess.run([PDFTOTEXT, "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "\ufffd" not in text
        flat = "".join(text.split())
        example = "enterprise" if name.startswith("ent") else "ecommerce-matrix"
        for _, d in roles(build_file(str(EXAMPLES / f"{example}.yaml"))):
            assert "".join(d["title"].split()) in flat, d["title"]


def test_oversized_pages_split_with_continued_markers(tmp_path):
    """A 200-person org without units would be one slide at 3.7 pt; instead every page keeps
    box text at 10 pt or more: branches move to pages of their own and big teams continue,
    each cut marked on both sides with the page it continues on or from."""
    import re

    from csdesign.render.deck import layout

    from tests.helpers import bench_generator

    gen = bench_generator()
    org = tmp_path / "people.yaml"
    org.write_text(gen.people_org(200), encoding="utf-8")
    g = build_file(str(org))
    pages = layout.pages(g, "en")
    assert len(pages) > 1 and all(layout.fits(p) for p in pages)
    drawn = [b.node for p in pages for b in p.boxes if b.kind == "role" and b.comes_from is None]
    assert sorted(drawn) == sorted(n for n, d in g.nodes(data=True) if d.get("kind") == "role")  # every box once, plus copies
    for k, p in enumerate(pages, 1):
        for b in p.boxes:
            if not (b.goes_to or b.comes_from):
                continue
            marks = re.findall(r"continued (on|from) p\. (\d+)", b.marker or "")
            assert len(marks) == bool(b.goes_to) + bool(b.comes_from), b.marker
            for way, number in marks:
                other = pages[int(number) - 1]
                back = [x for x in other.boxes if x.key == b.key and (x.comes_from if way == "on" else x.goes_to) == p.key]
                assert back, (k, b.key, b.marker)  # the other page carries the same box, marked back to this one


def test_without_lang_the_deck_speaks_the_orgs_language():
    """A Chinese org gets Chinese slides without --lang; an English one English slides."""
    import io

    zh = deck(EXAMPLES / "ecommerce-matrix.yaml", lang=None, date="2026-12-01")
    assert zh == deck(EXAMPLES / "ecommerce-matrix.yaml", lang="zh", date="2026-12-01")
    en = deck(EXAMPLES / "enterprise.yaml", lang=None, date="2026-12-01")
    titles = [s.shapes.title.text for s in Presentation(io.BytesIO(en)).slides if s.shapes.title is not None]
    assert titles[0] == "Atlas Logistics Technologies" and any(t.startswith("Org chart") for t in titles)


def _summary(prs):
    return prs.slides[1]


def test_summary_slide_leads_with_four_figures_and_a_headcount_table(tmp_path):
    path = tmp_path / "d.pptx"
    path.write_bytes(deck(EXAMPLES / "enterprise.yaml", lang="en", date="2026-12-01"))
    s = _summary(Presentation(str(path)))
    figures = sorted((shp for shp in s.shapes if shp.name.startswith("figure ")), key=lambda shp: shp.left)
    assert [f.text_frame.text for f in figures] == ["129\npeople", "22\nmanagers", "4\nlayers below the CS head", "5\nfindings to act on"]
    assert len({f.top for f in figures}) == 1 and all(p.runs[0].font.size.pt >= 12 for f in figures for p in f.text_frame.paragraphs)
    text = "\n".join(shp.text_frame.text for shp in s.shapes if shp.has_text_frame)
    assert "Structure: Market-based" in text and "Keep the Market-based structure" in text
    assert "0 overlaps, 0 gaps, 1 RACI issue, 3 staffing mismatches, 1 cost off benchmark" in text
    table = next(shp.table for shp in s.shapes if shp.has_table)
    cells = [[table.cell(i, j).text for j in range(len(table.columns))] for i in range(len(table.rows))]
    assert cells == [
        ["Unit", "Director", "Manager", "Supervisor", "Individual", "Total"],
        ["Department-wide", "3", "2", "–", "4", "9"],
        ["Strategic", "–", "2", "4", "34", "40"],
        ["Important", "–", "2", "4", "34", "40"],
        ["Ordinary", "–", "1", "5", "34", "40"],
        ["Total", "3", "7", "13", "106", "129"],
    ]
    from csdesign.render.deck.layout import text_width

    for j, col in enumerate(table.columns):  # a level name never breaks inside its column
        assert text_width(cells[0][j], 11) + 0.2 <= col.width / 914400, cells[0][j]
    assert table.cell(1, 1).text_frame.paragraphs[0].alignment is not None  # numbers right-aligned


def test_summary_table_sums_units_past_ten_in_one_row(tmp_path):
    from tests.helpers import bench_generator

    org = tmp_path / "wide.yaml"
    org.write_text(bench_generator().role_org(12, 1, 1), encoding="utf-8")
    g = build_file(str(org))
    units = len(g.graph["units"])
    assert units > 10
    path = tmp_path / "d.pptx"
    path.write_bytes(deck(org, lang="en", date="2026-12-01"))
    table = next(shp.table for shp in _summary(Presentation(str(path))).shapes if shp.has_table)
    first = [table.cell(i, 0).text for i in range(len(table.rows))]
    assert len(first) == 1 + 10 + 1  # header, 9 units + "N more units", total
    assert first[1] == "Department-wide"  # then the units in file order
    assert first[-2] == f"{units + 1 - 9} more units" and first[-1] == "Total"
    total = int(table.cell(len(table.rows) - 1, len(table.columns) - 1).text.replace(",", ""))
    assert total == sum(int(d.get("headcount") or 1) for _, d in g.nodes(data=True) if d.get("kind") == "role")
    assert sum(int(table.cell(i, len(table.columns) - 1).text.replace(",", "")) for i in range(1, len(table.rows) - 1)) == total


EMU = 914400


def _placeholder_parts(prs):
    """(name, placeholder) for every placeholder of the master, the layouts and the slides."""
    for ph in prs.slide_master.placeholders:
        yield "master", ph
    for lay in prs.slide_layouts:
        for ph in lay.placeholders:
            yield lay.name, ph
    for i, s in enumerate(prs.slides, 1):
        for ph in s.placeholders:
            yield f"slide {i}", ph


@pytest.mark.parametrize("page", ["16:9", "4:3"])
def test_placeholders_fit_the_page_with_the_body_margins(decks, tmp_path, page):
    """python-pptx's default template is laid out for a 10 in wide slide: on 16:9 its titles
    stopped 3.3 in short of the right edge. Every placeholder (master, layouts, slides) lies
    between the 0.5 in side margins the tables use, and the titles span them exactly."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    if page == "16:9":
        prs = Presentation(str(decks["ent-zh"]))
    else:
        import io

        prs = Presentation(io.BytesIO(deck(EXAMPLES / "enterprise.yaml", lang="zh", date="2026-12-01", page="4:3")))
    W, H, margin = prs.slide_width, prs.slide_height, EMU // 2
    titles = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE)
    for where, ph in _placeholder_parts(prs):
        assert margin <= ph.left and ph.left + ph.width <= W - margin, (where, ph.name, ph.left, ph.width)
        assert 0 <= ph.top and ph.top + ph.height <= H, (where, ph.name)
        if where in ("master", "Title Slide") and ph.placeholder_format.type in titles:
            assert (ph.left, ph.left + ph.width) == (margin, W - margin), (where, ph.name)
    spans = set()
    for i, s in enumerate(prs.slides, 1):
        title = s.shapes.title
        assert (title.left, title.left + title.width) == (margin, W - margin), i  # centred on the slide
        for shp in s.shapes:
            if shp.has_table:
                assert title.left <= shp.left and shp.left + shp.width <= title.left + title.width, i
                spans.add((shp.left - title.left, title.left + title.width - shp.left - shp.width))
    assert (0, 0) in spans or (0, 1) in spans  # full-width tables (findings, RACI) have the title's margins (to an EMU)


def test_titles_stay_on_one_line_above_the_content(decks):
    """Each slide title fits its placeholder on one line (the long Chinese capacity title
    wrapped into the table header) and ends above every other shape on its slide, the
    "接第 N 页" notes over chart boxes included."""
    from csdesign.render.deck.layout import text_width

    for name in decks:
        prs = Presentation(str(decks[name]))
        for i, s in enumerate(list(prs.slides)[1:], 2):
            title = s.shapes.title
            size = title.text_frame.paragraphs[0].runs[0].font.size.pt
            inner = (title.width - title.text_frame.margin_left - title.text_frame.margin_right) / EMU
            assert text_width(title.text_frame.text, size) <= inner, (name, i, title.text_frame.text)
            bottom = title.top + title.height
            for shp in s.shapes:
                if shp.shape_id != title.shape_id:
                    top = shp.top
                    if shp.rotation in (90.0, 270.0):  # an elbow's frame turned a quarter (orient_elbow)
                        top += (shp.height - shp.width) // 2
                    assert top >= bottom, (name, i, shp.name, top, bottom)


def test_long_titles_step_down_before_they_wrap():
    from csdesign.render.deck.pptx_deck import TITLE_PT, _Deck

    assert _Deck.title_size("执行摘要", 12.1) == TITLE_PT[0]
    long = "产能与人员配置 · " + "客户成功服务容量" * 3
    assert TITLE_PT[0] > _Deck.title_size(long, 12.1) >= TITLE_PT[-1]
    assert _Deck.title_size(long * 3, 12.1) == TITLE_PT[-1]


def _markers(s):
    import re

    found = []
    for shp in s.shapes:
        if shp.has_text_frame and shp != s.shapes.title:
            for m in re.finditer(r"(见|接)第 (\d+) 页|continued (on|from) p\. (\d+)", shp.text_frame.text):
                way = "on" if (m.group(1) or m.group(3)) in ("见", "on") else "from"
                found.append((way, int(m.group(2) or m.group(4)), shp))
    return found


def test_continued_markers_name_the_slides_holding_those_units(decks):
    """The overview's "见第 N 页" under each unit names the slide that draws the unit (slides
    4-6 of the enterprise deck, not chart pages 2-4), and each unit slide's "接第 N 页" names the
    overview's slide number; every reference is answered from the slide it names."""
    for name in decks:
        prs = Presentation(str(decks[name]))
        slides = list(prs.slides)
        charts = {i for i, s in enumerate(slides, 1) if s in chart_slides(prs)}
        seen = 0
        for k, s in enumerate(slides, 1):
            for way, n, note in _markers(s):
                seen += 1
                assert n in charts and n != k, (name, k, note.text_frame.text)
                back = [m for m in _markers(slides[n - 1]) if m[0] != way and m[1] == k]
                assert back, (name, k, note.text_frame.text)
                if way == "on":  # the summary box above the note names the unit the slide is titled with
                    cx = note.left + note.width // 2
                    box = min((b for b in s.shapes if b.has_text_frame and b.name.startswith("box ") and b.top < note.top
                               and abs(b.left + b.width // 2 - cx) < EMU // 20), key=lambda b: note.top - b.top)
                    unit = box.text_frame.paragraphs[0].text  # "segment: Strategic", perhaps wrapped
                    assert slides[n - 1].shapes.title.text.split(" · ", 1)[1].startswith(unit), (name, n, unit)
        assert seen, name
    prs = Presentation(str(decks["ent-en"]))
    overview = [n for way, n, _ in _markers(prs.slides[2]) if way == "on"]
    assert sorted(overview) == [4, 5, 6]
    assert {n for s in list(prs.slides)[3:6] for way, n, _ in _markers(s)} == {3}


RACI_LEGEND = ("A accountable · R responsible · C consulted · I informed", "A 最终负责 · R 执行 · C 咨询 · I 知会")


def test_every_raci_slide_carries_its_legend(decks):
    """A RACI matrix split over slides says what its letters mean on each of them (only the last
    did), its columns shared out evenly (10 roles: 5 and 5, not 7 and 3), and a matrix that fits
    one slide is not split (the e-commerce matrix's 9 roles: 7 and 2 before)."""
    split = {}
    for name in decks:
        prs = Presentation(str(decks[name]))
        raci = [s for s in prs.slides if s.shapes.title.text.startswith(("RACI matrix", "RACI 矩阵"))]
        assert raci, name
        for s in raci:
            texts = [shp.text_frame.text for shp in s.shapes if shp.has_text_frame]
            assert any(t in RACI_LEGEND for t in texts), (name, s.shapes.title.text)
        split[name] = [len(next(shp for shp in s.shapes if shp.has_table).table.columns) - 1 for s in raci]
    assert split["ent-en"] == split["ent-zh"] == [5, 5]
    assert split["ecm-zh"] == [9]


def test_balanced_runs():
    from csdesign.render.deck.pptx_deck import balanced

    assert balanced([], 9) == []
    assert [len(r) for r in balanced(list(range(9)), 9)] == [9]
    assert [len(r) for r in balanced(list(range(10)), 9)] == [5, 5]
    assert [len(r) for r in balanced(list(range(19)), 9)] == [7, 7, 5]
    assert sum(balanced(list(range(23)), 9), []) == list(range(23))


def test_every_slide_after_the_title_carries_its_number_clear_of_the_content(decks):
    """The "见第 4 页 / see p. 4" markers name slide numbers, so each slide shows its own: a
    slide-number field (renumbered if slides move) at the bottom right, outside the 0.5 in
    margins, overlapping no other shape's frame."""
    for name in decks:
        prs = Presentation(str(decks[name]))
        slides = list(prs.slides)
        assert not [s for s in slides[0].shapes if s.name == "Slide number"]
        for i, s in enumerate(slides[1:], 2):
            [num] = [shp for shp in s.shapes if shp.name == "Slide number"]
            fields = num.text_frame._txBody.findall(".//" + qn("a:fld"))
            assert [(f.get("type"), f.findtext(qn("a:t"))) for f in fields] == [("slidenum", str(i))], (name, i)
            assert num.left >= prs.slide_width - Inches(0.5) and num.left + num.width <= prs.slide_width
            assert num.top + num.height <= prs.slide_height
            for shp in s.shapes:
                if shp.shape_id == num.shape_id or shp.rotation in (90.0, 270.0):
                    continue
                apart = (shp.left + shp.width <= num.left or shp.top + shp.height <= num.top
                         or shp.left >= num.left + num.width or shp.top >= num.top + num.height)
                assert apart, (name, i, shp.name)
