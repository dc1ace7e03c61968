"""Client text: what a consultant can put in front of a client unchanged.

Findings are written for engineers and CI (``客户经理 (kam)``, "supervisor defaults (seed
000)"). In client deliverables (deck, workbook, HTML report) role titles stand alone, internal
source tags are dropped (advice cites the article by title, or nothing), and Chinese text uses
full-width punctuation.
"""

from __future__ import annotations

import re

import networkx as nx

from csdesign.structures.contract import EXTERNAL

#: "(seed 003)", "seed 000's", "（种子 000）", "种子 003" and similar internal source tags.
_SEED = re.compile(r"\s*[（(]\s*(?:seeds?|种子)\s*\d{3}(?:\s*[,，、]\s*\d{3})*\s*[)）]|\bseeds?\s+\d{3}(?:'s)?\s*|种子\s*\d{3}\s*", re.I)
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_HALF = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def role_ids(g: nx.DiGraph) -> dict[str, str]:
    """role id -> title, for every role in the graph."""
    out: dict[str, str] = {}
    for _, d in g.nodes(data=True):
        if d.get("kind") != EXTERNAL and d.get("role_id"):
            out.setdefault(str(d["role_id"]), str(d.get("title") or d["role_id"]))
    return out


def client_text(text: str, g: nx.DiGraph | None = None, lang: str = "en") -> str:
    """``text`` without role ids after titles, without seed tags, with Chinese punctuation."""
    if g is not None:
        for rid, title in sorted(role_ids(g).items(), key=lambda kv: -len(kv[0])):
            text = text.replace(f"{title} ({rid})", title).replace(f"'{rid}'", title)
    text = _SEED.sub(" ", text).replace("  ", " ")
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


__all__ = ["client_text", "role_ids", "zh_punctuation"]
