"""Near-duplicate duty names: names spelt almost alike that are not known to be one duty.

A naming hint, not an overlap. Names that *are* one duty (the same concept, analysis/
matching.py: "处理客户投诉" and "Handle complaints"; or the same words in another order) are
already one duty for the overlap, gap, RACI and diff analyses, so they are not repeated here.
What remains are the distinct concept keys, compared by spelling over the *distinct* names
(never over roles): rapidfuzz ``fuzz.token_sort_ratio`` at least ``THRESHOLD``, never two keys
that are different known concepts ("客户满意度调查" / "员工满意度调查"), never names whose
digits differ ("Tier 1" / "Tier 2"), never words that start differently ("onboarding" /
"offboarding"), never names shorter than ``MIN_FUZZY_LENGTH``.

Candidates are linear in the number of names: every name's character bigrams are indexed, and
a name is scored only against the names sharing one of its ``PROBES`` rarest bigrams (similar
names share nearly all their bigrams, rare ones included), at most ``MAX_CANDIDATES`` of them,
by one rapidfuzz ``process.extract`` call per name. benchmarks/bench_duties.py measures how
many of the pairs that comparing every name with every other finds are found this way. Similar names form **star clusters**
(each member is similar to the cluster's centre, at most ``MAX_CLUSTER`` names), so matches
never chain into one group of unrelated names.
"""

from __future__ import annotations

import re
from operator import itemgetter
from dataclasses import dataclass, field

import networkx as nx

from csdesign.analysis.base import RoleRef, join, pick, q, role_refs, units_of
from csdesign.spacing import zh
from csdesign.analysis.matching import fold
from csdesign.analysis.owned import holdings

THRESHOLD = 90.0
MIN_FUZZY_LENGTH = 8
#: At most this many names in one "similar" cluster (the centre and its closest names).
MAX_CLUSTER = 8
#: Candidate index: a name meets the earlier names sharing one of its PROBES rarest bigrams,
#: at most MAX_CANDIDATES of them (the latest of each posting list, rarest bigram first).
PROBES = 4
MAX_CANDIDATES = 512
_RATIO = THRESHOLD / 100.0


@dataclass(frozen=True)
class NearDuplicate:
    """Duty names spelt almost alike (``reason`` "similar"; ``score`` the lowest similarity to the cluster's first name)."""

    names: tuple[str, ...]
    reason: str
    score: float
    roles: tuple[RoleRef, ...]
    units: tuple[str, ...]
    nodes: tuple[str, ...]
    kind: str = field(default="near_duplicate", init=False)

    def message(self, lang: str = "en") -> str:
        names = join(lang, (q(lang, n) for n in self.names))
        who = join(lang, (r.label(lang) for r in self.roles)) or pick(lang, "nobody (catalogue only)", "无人（仅在职责清单中）")
        return pick(
            lang,
            f"duty names {names} are spelt almost the same (similarity {self.score:.0f}%), held by {who}; "
            "probably one duty: use one name and one owner per scope",
            zh("职责名称", names, f"写法几乎相同（相似度 {self.score:.0f}%），由", who, "负责；很可能是同一职责：请统一名称，并在每个范围只设一个负责人"),
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
    held = holdings(g, "duties")
    m = held.matcher
    by_key: dict[str, dict[str, list[str]]] = {k: dict(v) for k, v in held.spellings.items()}
    for duty in g.graph.get("duties") or ():
        by_key.setdefault(m.key(duty), {}).setdefault(duty, [])
    keys = list(by_key)
    rank = {n: i for i, n in enumerate(g)}

    def finding(members: list[str], reason: str, score: float) -> NearDuplicate:
        nodes_set = {n for name in members for k in (m.key(name),) for n in by_key[k].get(name, ())}
        nodes = tuple(sorted(nodes_set, key=rank.__getitem__))
        return NearDuplicate(tuple(members), reason, score, role_refs(g, nodes), units_of(g, nodes), nodes)

    out: list[tuple[int, NearDuplicate]] = []
    texts = [_comparable(next(iter(by_key[k]))) for k in keys]
    eligible = [i for i, t in enumerate(texts) if len(t.replace(" ", "")) >= MIN_FUZZY_LENGTH]
    concept = [k.startswith("c:") for k in keys]
    edges = similar_pairs([texts[i] for i in eligible])
    links: dict[int, dict[int, float]] = {}
    for a, b, score in edges:
        i, j = eligible[a], eligible[b]
        if concept[i] and concept[j]:  # two different known concepts are never one duty
            continue
        links.setdefault(i, {})[j] = score
        links.setdefault(j, {})[i] = score
    for centre, members, score in star_clusters(links):
        names = [name for i in [centre, *members] for name in by_key[keys[i]]]
        out.append((min([centre, *members]), finding(names, "similar", score)))
    out.sort(key=lambda t: t[0])
    return [f for _, f in out]


def _comparable(name: str) -> str:
    """What spelling is compared on: the folded name, words sorted (word order ignored)."""
    return " ".join(sorted(re.sub(r"[^\w]+", " ", fold(name)).split()))


def _grams(text: str) -> set[str]:
    s = text.replace(" ", "\u2423")
    return {s[i : i + 2] for i in range(len(s) - 1)} or {s}


def similar_pairs(texts: list[str], threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """Pairs (i, j, score), i < j, with ``fuzz.token_sort_ratio >= threshold``, the same digits
    and words that start alike.

    Candidates (linear: at most ``MAX_CANDIDATES`` per name): every name's character bigrams
    are indexed; a name is compared with the earlier names that share one of its ``PROBES``
    rarest bigrams (rarest in the file; bigrams no other name has are skipped). Similar names share nearly all their bigrams, so they
    share the rare ones too; rapidfuzz scores a name against all its candidates in one call
    (``process.extract`` with ``score_cutoff``)."""
    if len(texts) < 2:
        return []
    from rapidfuzz import fuzz, process

    grams = [_grams(t) for t in texts]
    df: dict[str, int] = {}
    for gs in grams:
        for gr in gs:
            df[gr] = df.get(gr, 0) + 1
    index: dict[str, list[int]] = {}
    out: list[tuple[int, int, float]] = []
    for i, gs in enumerate(grams):
        probes = sorted((gr for gr in gs if df[gr] > 1), key=lambda gr: (df[gr], gr))[:PROBES]
        cand: set[int] = set()
        for gr in probes:  # rarest first; stop once the candidates reach the cap
            posting = index.get(gr)
            if posting is not None:
                cand.update(posting[-MAX_CANDIDATES:])
                if len(cand) >= MAX_CANDIDATES:
                    break
        for gr in gs:
            if df[gr] > 1:
                index.setdefault(gr, []).append(i)
        if not cand:
            continue
        ids = list(cand)
        choices = itemgetter(*ids)(texts) if len(ids) > 1 else (texts[ids[0]],)
        for _, score, k in process.extract(texts[i], choices, scorer=fuzz.ratio,  # texts are word-sorted already
                                           score_cutoff=threshold, limit=None):
            j = ids[k]
            if _digits(texts[i]) == _digits(texts[j]) and _starts_alike(texts[i], texts[j]):
                out.append((min(i, j), max(i, j), float(score)))
    out.sort()
    return out


def exact_similar_pairs(texts: list[str], threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """The same pairs by comparing every name with every other (quadratic; for measuring how
    many pairs the candidate index misses: benchmarks/bench_duties.py)."""
    from rapidfuzz import fuzz, process

    out = []
    for i in range(1, len(texts)):
        for _, score, j in process.extract(texts[i], texts[:i], scorer=fuzz.ratio, score_cutoff=threshold, limit=None):
            if _digits(texts[i]) == _digits(texts[j]) and _starts_alike(texts[i], texts[j]):
                out.append((j, i, float(score)))
    out.sort()
    return out


def _digits(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\d+", text))


def _starts_alike(a: str, b: str) -> bool:
    """The differing English words start alike (typos rarely hit the first two letters,
    antonyms such as onboarding / offboarding do)."""
    wa, wb = set(a.split()), set(b.split())
    da, db = wa - wb, wb - wa
    starts = {w[:2] for w in db}
    return all(w[:2] in starts for w in da if len(w) >= 4 and w.isascii())


def star_clusters(links: dict[int, dict[int, float]]) -> list[tuple[int, list[int], float]]:
    """(centre, members, lowest score to the centre) groups: the name with the most similar
    names not yet taken is a centre; its closest untaken names (at most MAX_CLUSTER - 1) join
    it. Every member is similar to its centre: no chains."""
    taken: set[int] = set()
    out = []
    for centre in sorted(links, key=lambda i: (-len(links[i]), i)):
        if centre in taken:
            continue
        free = sorted((j for j in links[centre] if j not in taken), key=lambda j: (-links[centre][j], j))[: MAX_CLUSTER - 1]
        if not free:
            continue
        taken.add(centre)
        taken.update(free)
        out.append((centre, sorted(free), min(links[centre][j] for j in free)))
    return out
