"""Client text: what a consultant can put in front of a client unchanged.

Findings are written for engineers and CI (``客户经理 (kam)``, "supervisor defaults (seed
000)"). In client deliverables (deck, workbook, HTML report) role titles stand alone, internal
source tags are dropped (advice cites the article by title, or nothing), and Chinese text uses
full-width punctuation. :func:`client_findings` is the one list of findings every client
deliverable shows (deck, workbook, HTML report).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import networkx as nx

from csdesign.spacing import gap
from csdesign.structures.contract import EXTERNAL

if TYPE_CHECKING:
    from csdesign.analysis import Report

_CJK = r"\u3400-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff0f\uff1a-\uff1f"
_HALF = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def role_ids(g: nx.DiGraph) -> dict[str, str]:
    """role id -> title, for every role in the graph."""
    out: dict[str, str] = {}
    for _, d in g.nodes(data=True):
        if d.get("kind") != EXTERNAL and d.get("role_id"):
            out.setdefault(str(d["role_id"]), str(d.get("title") or d["role_id"]))
    return out


#: role ids per graph, computed once (client text is applied to every cell of a report)
_IDS: weakref.WeakKeyDictionary[nx.DiGraph, dict[str, str]] = weakref.WeakKeyDictionary()
#: " (id)" or "（id）" after a title, and 'id' in quotes: where messages name a role by its id
_PAREN_ID = re.compile(r" \(([^()]+)\)|（([^（）]+)）")
_QUOTED_ID = re.compile(r"'([^'\s]+)'")


def _ids(g: nx.DiGraph) -> dict[str, str]:
    """Role ids and node ids (a role repeated per unit) -> title."""
    ids = _IDS.get(g)
    if ids is None:
        ids = role_ids(g)
        for n, d in g.nodes(data=True):
            if d.get("kind") != EXTERNAL:
                ids.setdefault(str(n), str(d.get("title") or n))
        _IDS[g] = ids
    return ids


def client_text(text: str, g: nx.DiGraph | None = None, lang: str = "en") -> str:
    """``text`` without role ids after titles, with Chinese punctuation. (Sources are cited
    by article title where the text is written, knowledge/sources.yaml; nothing is stripped here,
    so a user's own words are never cut.)"""
    if g is not None and ("(" in text or "（" in text or "'" in text):
        ids = _ids(g)

        def paren(m: re.Match[str]) -> str:
            title = ids.get(m.group(1) or m.group(2))
            if title is None or not m.string.endswith(title, 0, m.start()):
                return m.group(0)
            # "CS Manager（csm）与" -> "CS Manager 与", as zh() spaces Latin from Chinese
            return gap(title, m.string[m.end():]) if m.group(2) else ""

        text = _PAREN_ID.sub(paren, text)
        text = _QUOTED_ID.sub(lambda m: ids.get(m.group(1), m.group(0)), text)
    text = re.sub(r"\s+([)）,，。；;])", r"\1", text).strip()
    if lang == "zh":
        text = zh_punctuation(text)
    return text


def zh_punctuation(text: str) -> str:
    """Half-width , : ; ? ! ( ) next to Chinese become full-width; spaces around them go."""
    pattern = re.compile(rf"(?<=[{_CJK}])(\s*)([,:;?!])\s*|\s*([,:;?!])\s*(?=[{_CJK}])")
    text = pattern.sub(lambda m: _HALF[m.group(2) or m.group(3)], text)
    text = re.sub(rf"\(\s*([^()]*[{_CJK}][^()]*)\s*\)", r"（\1）", text)
    return text


@dataclass(frozen=True)
class ClientFinding:
    """One finding as a client sees it: role titles, the finding and what to do."""

    analysis: str  # registry name (overlap, gaps, ...)
    label: str  # the analysis's title in the report's language
    colour: str | None  # its ``render --highlight`` colour
    units: tuple[str, ...]  # unit labels involved (empty: department-wide)
    titles: tuple[str, ...]  # role titles involved, in the order first met
    what: str
    todo: str
    nodes: tuple[str, ...]  # graph nodes involved (for charts that mark them)


@dataclass(frozen=True)
class RosterRow:
    """One box of the org: the workbook's roster and the HTML report's appendix."""

    name: str
    title: str
    unit: str
    level: str  # in the report's language
    headcount: int
    manager: str  # the title of the box it reports to
    dotted: str  # titles it has dotted lines to
    vacant: bool
    role_id: str


def roster_rows(g: nx.DiGraph, lang: str = "en") -> list[RosterRow]:
    """Every role box in graph order."""
    from csdesign.knowledge.chrome import level_label
    from csdesign.structures.contract import DOTTED, SOLID

    units = g.graph.get("units", {})
    rows = []
    for n, d in g.nodes(data=True):
        if d.get("kind") != "role":
            continue
        manager = next((g.nodes[u].get("title") for u in g.predecessors(n) if g.edges[u, n].get("kind") == SOLID), "")
        dotted = sep(lang).join(str(g.nodes[u].get("title") or "") for u in g.predecessors(n) if g.edges[u, n].get("kind") == DOTTED)
        unit = units.get(d.get("unit"), {}).get("label") or ""
        rows.append(RosterRow(str(d.get("name") or ""), str(d.get("title") or ""), str(unit), level_label(d.get("level"), lang),
                              int(d.get("headcount") or 1), str(manager or ""), dotted, bool(d.get("vacant")), str(d.get("role_id") or "")))
    return rows


def raci_lettered(m: Any) -> tuple[list[str], list[Any]]:
    """The duties of a RACI matrix that hold a letter, and the roles holding one in them: what
    the deck and the HTML report show (the workbook keeps every "holds" mark too)."""
    from csdesign.analysis.raci import HOLDS

    duties = [d for d in m.duties if any(m.cell(d, r.role_id) not in ("", HOLDS) for r in m.roles)]
    roles = [r for r in m.roles if any(m.cell(d, r.role_id) not in ("", HOLDS) for d in duties)]
    return duties, roles


def change_rows(d: Any, lang: str, graphs: tuple[nx.DiGraph, ...] = ()) -> tuple[list[list[str]], list[list[str]]]:
    """What changed from the earlier org (an OrgDiff), as client text: box rows (change, box,
    details) and duty rows (duty, change, from, to). The deck's change slides and the
    workbook's Compare sheet; ``graphs`` (after, before) name the roles by title."""
    from csdesign.render.diff.text import details, kind, word

    def c(text: str) -> str:
        for g in graphs:
            text = client_text(text, g, lang)
        return client_text(text, None, lang)

    def info(b: Any) -> str:  # the role id is the file's business, not the client's
        return c(details(replace(b, changes=tuple(x for x in b.changes if x[0] != "role")), lang))

    boxes = [[word(b.status, lang), c(f"{b.name} · {b.title}" if b.name else str(b.title or "")), info(b)] for b in d.boxes]
    duties = [[t.duty, kind(t.kind, lang), sep(lang).join(dict.fromkeys(r.title for r in t.gave_up)), sep(lang).join(dict.fromkeys(r.title for r in t.took_on))]
              for t in d.transfers]
    return boxes, duties


def sep(lang: str) -> str:
    """The list separator of client text: 、 in Chinese, a comma in English."""
    return "、" if lang == "zh" else ", "


#: The capacity analysis's findings by kind: segments are its title (CSMs per segment); role
#: and channel rows are titled as their report sections are (render/report/sections.H).
_KIND_SECTIONS = {"capacity": "capacity_roles", "support": "capacity_support"}
#: What a finding's advice starts with, after a "；" or "：" (Chinese) or "; " or ": " (English).
_ZH_ADVICE = ("请", "建议", "每个范围")
_EN_ADVICE = frozenset(
    "add check extend give hire keep limit make merge move name rebalance remove size split use write".split())


def split_advice(message: str, lang: str = "en") -> tuple[str, str]:
    """A finding's sentence as (what was found, what to do), split before the first clause that
    asks for something ("请…", "建议…"; "give it one owner…"); (message, "") when none does.
    Scopes and counts inside the finding ("流程：Onboarding；产品：Analytics") stay in the first part."""
    seps = ("；", "：") if lang == "zh" else ("; ", ": ")
    cuts = sorted(i for sep in seps for i in _positions(message, sep))
    for i in cuts:
        tail = message[i + len(seps[0]):] if lang == "zh" else message[i + 2:]
        word = tail.split(" ", 1)[0].rstrip(",")
        if tail.startswith(_ZH_ADVICE) if lang == "zh" else word in _EN_ADVICE:
            return message[:i], tail
    return message, ""


def _positions(text: str, sep: str) -> list[int]:
    out, i = [], text.find(sep)
    while i >= 0:
        out.append(i)
        i = text.find(sep, i + 1)
    return out


def client_findings(report: Report, lang: str = "en") -> list[ClientFinding]:
    """Every finding of the analyses that ran, in registry order, as client text."""
    from csdesign.analysis.registry import ANALYSES
    from csdesign.render.report.sections import H

    g = report.graph
    out: list[ClientFinding] = []
    for a in ANALYSES.counted():
        if a.name not in report.ran:
            continue
        for f in report.findings_of(a.name):
            section = _KIND_SECTIONS.get(getattr(f, "kind", "")) if a.name == "capacity" else None
            title = H[section] if section else a.title
            label = title[1] if lang == "zh" else title[0]
            nodes = tuple(n for n in getattr(f, "nodes", ()) if g is not None and n in g)
            titles = tuple(dict.fromkeys(str(g.nodes[n].get("title") or "") for n in nodes if g.nodes[n].get("kind") == "role")) if g is not None else ()
            units = tuple(dict.fromkeys(u for u in (str(g.graph.get("units", {}).get(g.nodes[n].get("unit"), {}).get("label") or "") for n in nodes) if u)) if g is not None else ()
            msg = client_text(f.message(lang), g, lang)
            what, todo = split_advice(msg, lang)
            out.append(ClientFinding(a.name, label, a.highlight.colour if a.highlight else None, units, tuple(t for t in titles if t), what, todo, nodes))
    return out


__all__ = ["ClientFinding", "RosterRow", "change_rows", "client_findings", "raci_lettered", "roster_rows", "client_text", "role_ids", "sep", "split_advice", "zh_punctuation"]
