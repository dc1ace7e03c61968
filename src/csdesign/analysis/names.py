"""Comparable forms of duty and KPI names.

``key(name)`` folds the differences that do not change meaning: case, width, spacing and
punctuation, English plurals and -ation/-ing endings, filler words ("management", "管理"), CS
synonyms ("renewal" / "续费") and word order (Chinese text is compared character by character,
so "客户回访" and "回访客户" have the same key). ``words(name)`` is the same token set, used to
see whether a duty mentions the words of a level default.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from csdesign.knowledge.duties import FILLER_CJK, FILLER_WORDS, SYNONYMS

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+")
_SPLIT = re.compile(r"[^\w\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+")
_SUFFIXES = ("ations", "ation", "ating", "ates", "ate", "ings", "ing", "ies", "es", "s")

_WORD_SYN = {spelling: canon for canon, spellings in SYNONYMS.items() for spelling in spellings if not _CJK.search(spelling)}
_CJK_SYN = sorted(
    ((spelling, canon) for canon, spellings in SYNONYMS.items() for spelling in spellings if _CJK.search(spelling)),
    key=lambda item: -len(item[0]),
)


def fold(text: str) -> str:
    """Case, width and spacing folded; what exact-name comparisons (KPIs) use."""
    return " ".join(unicodedata.normalize("NFKC", str(text)).casefold().split())


def stem(word: str) -> str:
    """A light English stem: plural and -ation/-ate/-ing endings off ("allocation" -> "alloc")."""
    if word in _WORD_SYN:
        return _WORD_SYN[word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= (3 if suffix == "s" else 4):
            if suffix == "ies":
                return word[:-3] + "y"
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            if suffix == "es" and not word.endswith(("shes", "ches", "xes", "sses")):
                return word[:-1]
            return word[: -len(suffix)]
    return word


def _cjk_tokens(run: str) -> list[str]:
    for filler in FILLER_CJK:
        if run != filler:
            run = run.replace(filler, " ")
    out: list[str] = []
    for spelling, canon in _CJK_SYN:
        if spelling in run:
            run = run.replace(spelling, " ")
            out.append(canon)
    out.extend(ch for ch in run if not ch.isspace())
    return out


@lru_cache(maxsize=65536)
def words(name: str) -> frozenset[str]:
    """The meaningful tokens of a name: English stems, synonym canons and Chinese characters."""
    text = fold(name).replace("-", "")
    tokens: list[str] = []
    for part in _SPLIT.split(text):
        if not part:
            continue
        pos = 0
        for m in _CJK.finditer(part):
            tokens.extend(_latin(part[pos : m.start()]))
            tokens.extend(_cjk_tokens(m.group()))
            pos = m.end()
        tokens.extend(_latin(part[pos:]))
    return frozenset(tokens)


def _latin(part: str) -> list[str]:
    if not part or part in FILLER_WORDS:
        return []
    return [stem(part)] if not part.isdigit() else [part]


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The comparable form of a name ("Renewal management" and "renewals" -> "renewal")."""
    tokens = words(name)
    return " ".join(sorted(tokens)) if tokens else fold(name)
