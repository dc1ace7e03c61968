"""Duties and KPIs as concepts: who holds which, under which spellings (analysis/matching.py).

Every analysis that compares duty or KPI names goes through here, so "处理客户投诉",
"投诉处理" and "Handle complaints" are one duty everywhere: overlap, gaps, KPI ownership,
RACI, diff and near-duplicates. One pass over the roles; each distinct name is matched once.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any, cast

import networkx as nx

from csdesign.analysis.base import pick, q
from csdesign.analysis.matching import Match, Matcher, duty_matcher, kpi_matcher
from csdesign.structures.contract import roles


def matcher(g: nx.DiGraph, attr: str) -> Matcher:
    return kpi_matcher(g) if attr == "kpis" else duty_matcher(g)


@dataclass
class Holdings:
    """One attribute (``duties`` or ``kpis``) of every role, grouped by concept key."""

    matcher: Matcher
    owners: dict[str, list[str]]  # key -> holder nodes, in graph order
    spellings: dict[str, dict[str, list[str]]]  # key -> {name as written: holder nodes}

    def label(self, key: str) -> str:
        """The first spelling of a key, as written."""
        return next(iter(self.spellings[key]))

    def names_of(self, key: str, nodes: Any = None) -> tuple[str, ...]:
        """The spellings of ``key`` held by ``nodes`` (all holders by default), first met first."""
        names = self.spellings.get(key, {})
        if nodes is None:
            return tuple(names)
        wanted = set(nodes)
        return tuple(n for n, holders in names.items() if wanted.intersection(holders))

    def match(self, name: str) -> Match:
        return self.matcher.match(name)


_CACHE: "weakref.WeakKeyDictionary[nx.DiGraph, dict[str, tuple[int, Holdings]]]" = weakref.WeakKeyDictionary()


def holdings(g: nx.DiGraph, attr: str) -> Holdings:
    """Index ``attr`` by concept key in one pass (cached per graph and attribute)."""
    cache = _CACHE.setdefault(g, {})
    size = g.number_of_nodes()
    hit = cache.get(attr)
    if hit is not None and hit[0] == size:
        return hit[1]
    m = matcher(g, attr)
    owners: dict[str, list[str]] = {}
    spellings: dict[str, dict[str, list[str]]] = {}
    key = m.key
    for n, d in roles(g):
        for item in cast("list[str]", d.get(attr) or ()):
            k = key(item)
            holders = owners.get(k)
            if holders is None:
                owners[k] = [n]
                spellings[k] = {item: [n]}
                continue
            if holders[-1] != n:
                holders.append(n)
            by_key = spellings[k]
            by_name = by_key.get(item)
            if by_name is None:
                by_key[item] = [n]
            elif by_name[-1] != n:
                by_name.append(n)
    result = Holdings(m, owners, spellings)
    cache[attr] = (size, result)
    return result


def why(matches: tuple[Match, ...], lang: str = "en") -> str:
    """Why several spellings were taken as one: "both are complaint handling (投诉处理):
    '处理客户投诉' by phrasing, 'Handle complaints' by the English synonym"."""
    concept = next((m.concept for m in matches if m.concept is not None), None)
    parts = [f"{q(lang, m.name)}{'' if lang == 'zh' else ' '}{m.reason(lang)}" for m in matches]
    sep = "；" if lang == "zh" else "; "
    if concept is None:
        return pick(lang, "the names differ only in word order, case, width or punctuation",
                    "这些名称仅在词序、大小写、全半角或标点上不同")
    many = len(matches) > 2
    return pick(
        lang,
        f"{'all' if many else 'both'} are {concept.label(lang)}: " + sep.join(parts),
        f"均为{concept.label(lang)}：" + sep.join(parts),
    )


def matches_to_dict(matches: tuple[Match, ...], lang: str = "en") -> dict[str, Any]:
    concept = next((m.concept for m in matches if m.concept is not None), None)
    return {
        "concept": concept.to_dict() if concept is not None else None,
        "names": [m.name for m in matches],
        "matches": [m.to_dict(lang) for m in matches],
    }
