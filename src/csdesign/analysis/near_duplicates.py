"""Near-duplicate duty names: probably one duty spelt two ways, so probably an overlap.

Two passes over the *distinct* duty names (never over roles): names with the same comparable
key (case, spacing, plural, word order, filler words, synonyms; analysis/names.py) group at
once; then rapidfuzz compares the distinct keys and joins those at or above
``THRESHOLD`` (typos such as "onbording"). Keys shorter than ``MIN_FUZZY_LENGTH`` are only
grouped by exact key, which keeps "NPS" and "CSAT"-sized names from matching by accident.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from csdesign.analysis.base import RoleRef, index_attr, join, pick, q, role_refs, units_of
from csdesign.analysis.names import fold, key

THRESHOLD = 90.0
MIN_FUZZY_LENGTH = 8


@dataclass(frozen=True)
class NearDuplicate:
    """Duty names that differ only in spelling; ``reason`` is "same-key" or "similar"."""

    names: tuple[str, ...]
    reason: str
    score: float
    roles: tuple[RoleRef, ...]
    units: tuple[str, ...]
    nodes: tuple[str, ...]
    kind: str = field(default="near_duplicate", init=False)

    def message(self, lang: str = "en") -> str:
        names = join(lang, (q(lang, n) for n in self.names))
        who = join(lang, (r.label() for r in self.roles))
        how = {
            "same-key": pick(lang, "differ only in case, spacing, word order, plural or synonym", "仅在大小写、空格、词序、单复数或同义词上不同"),
            "similar": pick(lang, f"are spelt almost the same (similarity {self.score:.0f}%)", f"写法几乎相同（相似度 {self.score:.0f}%）"),
        }[self.reason]
        return pick(
            lang,
            f"duty names {names} {how}, held by {who}; probably one duty: use one name and one owner per scope",
            f"职责名称 {names} {how}，由 {who} 负责；很可能是同一职责：请统一名称，并在每个范围只设一个负责人",
        )

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "names": list(self.names),
            "reason": self.reason,
            "score": round(self.score, 1),
            "roles": [r.to_dict() for r in self.roles],
            "units": list(self.units),
            "nodes": list(self.nodes),
            "message": self.message(lang),
        }


def find_near_duplicates(g: nx.DiGraph) -> list[NearDuplicate]:
    """Groups of distinct duty names (declared by roles or in the catalogue) that are probably one duty."""
    owners = index_attr(g, "duties")
    names = list(owners)
    for duty in g.graph.get("duties") or ():
        if duty not in owners:
            owners[duty] = []
            names.append(duty)
    by_key: dict[str, list[str]] = {}
    for name in names:
        by_key.setdefault(key(name), []).append(name)
    keys = list(by_key)

    parent = list(range(len(keys)))
    score = [100.0] * len(keys)
    fuzzy = [False] * len(keys)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    long_keys = [i for i, k in enumerate(keys) if len(k) >= MIN_FUZZY_LENGTH]
    if len(long_keys) > 1:
        from rapidfuzz import fuzz, process

        # Spelling is compared on the folded names (not the stemmed keys), word order ignored.
        choices = [fold(by_key[keys[i]][0]) for i in long_keys]
        # process.extract (not cdist) keeps numpy out of the start-up path.
        for r, query in enumerate(choices):
            for _choice, value, c in process.extract(query, choices, scorer=fuzz.token_sort_ratio, score_cutoff=THRESHOLD, limit=None):
                if r < c:
                    a, b = find(long_keys[r]), find(long_keys[c])
                    if a != b:
                        parent[max(a, b)] = min(a, b)
                    root = find(long_keys[r])
                    fuzzy[root] = True
                    score[root] = min(score[root], float(value))

    groups: dict[int, list[str]] = {}
    for i, k in enumerate(keys):
        groups.setdefault(find(i), []).extend(by_key[k])
    out = []
    for root, members in groups.items():
        if len(members) < 2:
            continue
        nodes_set = {n for name in members for n in owners[name]}
        nodes = tuple(n for n in g if n in nodes_set)
        reason = "similar" if fuzzy[root] else "same-key"
        out.append(NearDuplicate(tuple(members), reason, score[root], role_refs(g, nodes), units_of(g, nodes), nodes))
    return out
