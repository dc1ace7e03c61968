"""Which duty and KPI names mean the same thing: matching in layers, every match explained.

1. **Normalisation.** Symbols such as ℠ and ™ dropped, NFKC (full-width letters, digits and
   punctuation to half-width), case folded, punctuation to spaces, and parenthesised parts
   taken apart: "客户满意度（CSAT）" is "客户满意度" with "csat" in parentheses.
2. **Words.** English: lemmas (plurals and verb forms; nominalisations such as "resolution"
   -> "resolve" from the vocabulary's ``derivations``; British and American spellings folded;
   multi-word spellings such as "follow-up" joined). Chinese: longest-match segmentation
   against the words of the vocabulary (unknown characters stay together as one word). Stop
   words ("and", "的", "与") go. A maintained segmenter (jieba-rs) was measured on the
   evaluation set and added nothing (docs/report.md), so none is a dependency.
3. **Concept lookup.** A name is a concept when one of the concept's terms (name, synonym,
   phrasing, or the org file's own ``vocabulary:`` and ``aliases:``) has all its words in the
   name and every other word of the name is a modifier (the concept's own, like "handle" /
   "处理" for complaint handling, or a global one like "manage" / "管理"). The most specific
   term wins; two unrelated concepts matching equally well is no match (ambiguous).
4. **Fuzzy fallback.** A name that no term explains is compared with every term by
   rapidfuzz ``fuzz.ratio`` on the normalised text: at least ``FUZZY_THRESHOLD`` % for names
   of ``FUZZY_MIN_LENGTH`` characters or more, with the same digits. That catches typos
   ("onbording") and never short codes (NPS vs GRR).

Names that match no concept compare by their words (the same words in any order are one
duty). :class:`Match` records the layer and the term, so every finding can say why.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any, Iterable, Mapping

from csdesign.knowledge.vocabulary import Concept, Vocabulary, builtin, extend

#: Fuzzy fallback: minimum similarity (rapidfuzz ``fuzz.ratio``, 0-100) and minimum length
#: (characters of the normalised name) for a name to be taken as a misspelt term.
FUZZY_THRESHOLD = 90.0
FUZZY_MIN_LENGTH = 8
#: Chinese names need more characters: one wrong character in 5 is a different word.
FUZZY_MIN_LENGTH_CJK = 8

#: A name is scored only against the terms sharing one of its FUZZY_PROBES rarest bigrams.
FUZZY_PROBES = 4

DUTY_KINDS = ("duty", "module")
KPI_KINDS = ("kpi",)
ROLE_KINDS = ("role",)

_CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
_CJK = re.compile(f"[{_CJK_CHARS}]+")
_RUNS = re.compile(f"[{_CJK_CHARS}]+|[a-z0-9\u00c0-\u024f]+(?:['’][a-z]+)?")
_PARENS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]|【([^【】]*)】|〔([^〔〕]*)〕")
_BRITISH = ((re.compile(r"isation(s?)$"), r"ization\1"), (re.compile(r"is(e|ed|es|ing)$"), r"iz\1"),
            (re.compile(r"our$"), "or"), (re.compile(r"ours$"), "ors"), (re.compile(r"tre$"), "ter"))


#: Symbols (℠ ™ ® © arrows, dingbats, emoji) and invisible format characters, dropped before NFKC.
_SYMBOLS = re.compile("[\u00a9\u00ae\u2100-\u214f\u2190-\u21ff\u2300-\u23ff\u2460-\u24ff\u2500-\u27bf"
                      "\u2b00-\u2bff\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\U0001f000-\U0001faff]")


def fold(text: str) -> str:
    """Case, width and spacing folded (symbols dropped, NFKC, casefold, one space)."""
    return " ".join(unicodedata.normalize("NFKC", _SYMBOLS.sub("", str(text))).casefold().split())


def split_parentheses(text: str) -> tuple[str, tuple[str, ...]]:
    """("客户满意度", ("csat",)) for "客户满意度(CSAT)" (after :func:`fold`)."""
    inner: list[str] = []

    def take(m: re.Match) -> str:
        inner.append(next(g for g in m.groups() if g is not None).strip())
        return " "

    main = _PARENS.sub(take, text)
    return " ".join(main.split()), tuple(i for i in inner if i)


def is_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


class Words:
    """Text to the words that are compared: lemmas, segmented Chinese, no stop words."""

    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        self.stop = vocab.stopwords
        lexicon: set[str] = set(vocab.words)
        for w in vocab.stopwords | vocab.modifiers:
            if is_cjk(w):
                lexicon.add(w)
        for c in vocab.concepts.values():
            for t in c.terms:  # names and user spellings are segmented, not taken as words
                if t.how not in ("name", "user"):
                    lexicon.update(p for p in fold(t.text).split() if _CJK.fullmatch(p))
            lexicon.update(m for m in c.modifiers if _CJK.fullmatch(m))
        self.lexicon = frozenset(lexicon)
        self.maxlen = max((len(w) for w in lexicon), default=1)
        self.compounds = vocab.compounds
        self.max_compound = max((len(k) for k in self.compounds), default=1)
        self._cache: dict[str, tuple[str, ...]] = {}
        self._lemmas: dict[str, str] = {}
        self._segments: dict[str, list[str]] = {}

    def lemma(self, word: str) -> str:
        """The compared form of an English word: lemma to a fixed point, final silent e off."""
        hit = self._lemmas.get(word)
        if hit is None:
            hit = self._lemmas[word] = self._lemma(word)
        return hit

    def _lemma(self, word: str) -> str:
        d = self.vocab.derivations
        for _ in range(4):
            nxt = _lemma(word, d)
            if nxt == word:
                break
            word = nxt
        return _efold(word)

    def segment(self, run: str) -> list[str]:
        """Longest-match segmentation of a Chinese run against the lexicon (DP: fewest unknown
        characters, then fewest words, then longer first words); unknown characters in a row
        stay together as one word."""
        hit = self._segments.get(run)
        if hit is None:
            hit = self._segment(run)
            if len(self._segments) < 200_000:
                self._segments[run] = hit
        return hit

    def _segment(self, run: str) -> list[str]:
        n = len(run)
        best: list[tuple[int, int] | None] = [None] * (n + 1)
        back: list[int] = [0] * (n + 1)
        best[0] = (0, 0)
        for i in range(n):
            cur = best[i]
            if cur is None:
                continue
            for j in range(min(n, i + self.maxlen), i, -1):
                piece = run[i:j]
                known = piece in self.lexicon
                if not known and j != i + 1:
                    continue
                cand = (cur[0] + (0 if known else 1), cur[1] + 1)
                if best[j] is None or cand < best[j]:  # type: ignore[operator]
                    best[j], back[j] = cand, i
        pieces: list[str] = []
        j = n
        while j > 0:
            i = back[j]
            pieces.append(run[i:j])
            j = i
        pieces.reverse()
        out: list[str] = []
        unknown = ""
        for p in pieces:
            if p in self.lexicon:
                if unknown:
                    out.append(unknown)
                    unknown = ""
                out.append(p)
            else:
                unknown += p
        if unknown:
            out.append(unknown)
        return out

    def tokens(self, text: str) -> tuple[str, ...]:
        """The words of already-folded text, in order (stop words removed)."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        latin: list[str] = []
        out: list[str] = []

        def flush() -> None:
            out.extend(self._join_compounds(latin))
            latin.clear()

        for m in _RUNS.finditer(text.replace("’", "'")):
            run = m.group()
            if _CJK.match(run):
                flush()
                out.extend(w for w in self.segment(run) if w not in self.stop)
            else:
                if run.endswith("'s"):
                    run = run[:-2]
                if run and run not in self.stop:
                    latin.append(run)
        flush()
        result = tuple(out)
        if len(self._cache) < 200_000:
            self._cache[text] = result
        return result

    def _join_compounds(self, words: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(self.max_compound, len(words) - i), 1, -1):
                joined = self.compounds.get(tuple(words[i : i + size]))
                if joined is not None:
                    out.append(self.lemma(joined))
                    i += size
                    break
            else:
                out.append(self.lemma(words[i]))
                i += 1
        return out


def _lemma(word: str, derivations: Mapping[str, str]) -> str:
    """A light English lemma: plural and verb endings off, British spellings folded."""
    if word.isdigit() or len(word) <= 3:
        return word
    for pattern, repl in _BRITISH:
        if len(word) > 5:
            word = pattern.sub(repl, word)
    if word in derivations:
        return derivations[word]
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")) and len(word) > 3:
        word = word[:-1]
    elif word.endswith("ing") and len(word) > 5:
        word = _undouble(word[:-3])
    elif word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ed") and len(word) > 4 and not word.endswith("eed"):
        word = _undouble(word[:-2])
    return word


def _undouble(stem: str) -> str:
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz" and stem[-1] not in "aeiou":
        return stem[:-1]
    return stem


def _efold(word: str) -> str:
    """Final silent e off, so "handle", "handled" and "handling" are one word ("handl")."""
    if len(word) > 3 and word.endswith("e") and not word.endswith("ee"):
        return word[:-1]
    return word


@dataclass(frozen=True)
class Match:
    """How one name was understood.

    ``how``: "name" | "synonym" | "phrasing" | "user" (the org file's ``vocabulary:``) |
    "alias" (a catalogue entry's ``aliases:``) | "fuzzy" (spelt close to a term) | "words"
    (no concept: compared by its words). ``exact`` is True when the normalised name *is* the
    term; otherwise ``ignored`` lists the modifier words it added and ``order`` says the words
    came in another order."""

    name: str
    key: str
    concept: Concept | None = None
    how: str = "words"
    term: str | None = None
    term_lang: str | None = None
    exact: bool = False
    ignored: tuple[str, ...] = ()
    score: float | None = None
    parenthesised: bool = False
    alias_of: str | None = None
    ambiguous: tuple[str, ...] = ()

    def label(self, lang: str = "en") -> str:
        return self.concept.label(lang) if self.concept is not None else self.name

    def reason(self, lang: str = "en") -> str:
        """How the name was matched, as a phrase: "by the English synonym", "by phrasing
        ('handle complaints', ignoring 'customer')", "by spelling (similar to 'onboarding', 97%)"."""
        zh = lang == "zh"
        lang_word = {"en": ("English", "英文"), "zh": ("Chinese", "中文")}.get(self.term_lang or "", ("", ""))
        if self.how == "alias":
            return f"按职责清单中「{self.alias_of}」的别名" if zh else f"by the alias listed under '{self.alias_of}' in the duties catalogue"
        if self.how == "fuzzy":
            return (f"按拼写（与「{self.term}」相似度 {self.score:.0f}%）" if zh
                    else f"by spelling (similar to '{self.term}', {self.score:.0f}%)")
        if self.how == "words":
            return "按用词（词序、大小写、全半角或标点不同）" if zh else "by its words (word order, case, width or punctuation differ)"
        what = {"name": ("name", "名称"), "synonym": ("synonym", "同义词"), "phrasing": ("phrasing", "常见说法"),
                "user": ("entry in the org file's vocabulary", "组织文件词汇表条目")}[self.how]
        if zh:
            head = f"按{lang_word[1]}{what[1]}" if self.how != "user" else f"按{what[1]}"
        else:
            head = f"by the {lang_word[0]} {what[0]}" if self.how in ("name", "synonym") else f"by {what[0]}"
        notes = []
        if not self.exact:
            notes.append(f"「{self.term}」" if zh else f"'{self.term}'")
            if self.ignored:
                notes.append(("忽略" + "、".join(f"「{w}」" for w in self.ignored)) if zh
                             else "ignoring " + ", ".join(f"'{w}'" for w in self.ignored))
        if self.parenthesised:
            notes.append("括号中的部分" if zh else "the part in parentheses")
        if not notes:
            return head
        return f"{head}（{'，'.join(notes)}）" if zh else f"{head} ({', '.join(notes)})"

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "name": self.name,
            "concept": self.concept.to_dict() if self.concept is not None else None,
            "how": self.how,
            "term": self.term,
            "exact": self.exact,
            "ignored": list(self.ignored),
            "score": round(self.score, 1) if self.score is not None else None,
            "reason": self.reason(lang),
        }


@dataclass(frozen=True)
class _Entry:
    concept: str
    text: str  # the term as written (spaces between Chinese words removed)
    lang: str
    how: str
    words: frozenset[str]
    norm: str  # the normalised term: its words joined by spaces


def display(term: str) -> str:
    """A vocabulary term as people write it: no spaces between Chinese words."""
    if " " not in term:
        return term
    parts = term.split(" ")
    out = parts[0]
    for part in parts[1:]:  # a space between two Chinese characters goes (no regex: compiling one costs more)
        out += part if out and part and _CJK.match(out[-1]) and _CJK.match(part[0]) else " " + part
    return out


class Matcher:
    """Names of one kind (duties and modules, KPIs, or roles) against a vocabulary."""

    def __init__(self, vocab: Vocabulary, kinds: tuple[str, ...], aliases: Mapping[str, Iterable[str]] | None = None,
                 words: Words | None = None):
        self.vocab = vocab
        self.kinds = kinds
        self.words = words if words is not None and words.vocab is vocab else Words(vocab)
        self.entries: list[_Entry] = []
        self.index: dict[str, list[int]] = {}
        self.exact: dict[str, int] = {}
        self.mods: dict[str, frozenset[str]] = {}
        glob = frozenset(t for w in vocab.modifiers for t in self._words(w))
        for c in vocab.concepts.values():
            if c.kind not in kinds:
                continue
            self.mods[c.id] = glob | frozenset(t for m in c.modifiers for t in self._words(m))
            for t in c.terms:
                text = display(t.text)
                toks = self._words(t.text)
                if not toks:
                    continue
                e = _Entry(c.id, text, t.lang, t.how, frozenset(toks), " ".join(toks))
                self.exact.setdefault(e.norm, len(self.entries))
                self.entries.append(e)
        # each term is indexed under its rarest word: a term all of whose words are in a name
        # has its rarest word there too, so one probe per word of the name finds it
        freq: dict[str, int] = {}
        for e in self.entries:
            for tok in e.words:
                freq[tok] = freq.get(tok, 0) + 1
        for i, e in enumerate(self.entries):
            self.index.setdefault(min(e.words, key=lambda t: (freq[t], t)), []).append(i)
        self._grams: dict[str, list[int]] | None = None
        self._norms = [e.norm for e in self.entries]
        #: every word the vocabulary knows: a name made only of known words that matches no
        #: term is a different duty, not a misspelt one, so it skips the fuzzy fallback
        self.known = frozenset(self.words.lexicon) | frozenset(freq) | frozenset(t for mods in self.mods.values() for t in mods)
        self.aliases: dict[str, str] = {}
        for target, names in (aliases or {}).items():
            for a in names:
                self.aliases.setdefault(" ".join(self._words(a)) or fold(a), target)
        self._cache: dict[str, Match] = {}

    def _words(self, text: str) -> tuple[str, ...]:
        return self.words.tokens(fold(text))

    def concept(self, concept_id: str) -> Concept | None:
        return self.vocab.concepts.get(concept_id)

    def match(self, name: str) -> Match:
        """How ``name`` is understood (cached per matcher)."""
        hit = self._cache.get(name)
        if hit is None:
            hit = self._cache[name] = self._match(name)
        return hit

    def key(self, name: str) -> str:
        return self.match(name).key

    def _match(self, name: str) -> Match:
        folded = fold(name)
        main, inner = split_parentheses(folded)
        toks = self.words.tokens(main) if main else ()
        if self.aliases:
            target = self.aliases.get(" ".join(self.words.tokens(folded)) or folded)
            if target is not None and fold(target) != folded:
                base = self.match(target)
                return Match(name, base.key, base.concept, "alias", base.term, base.term_lang, alias_of=target)
        inner_toks = [self.words.tokens(part) for part in inner]
        all_toks = toks + tuple(t for part in inner_toks for t in part)
        found = self._lookup(name, toks)
        if found is not None and found.concept is not None:
            # a part in parentheses is the same concept, modifiers, or a qualifier that counts
            cid = found.concept.id
            if all(not p or set(p) <= self.mods[cid] or self._concept_of(name, p) == cid for p in inner_toks):
                return found
            found = self._lookup(name, all_toks)
            if found is not None and found.concept is not None:
                return found
        elif inner_toks:
            for part in inner_toks:
                other = self._lookup(name, part)
                if other is not None and other.concept is not None and (not toks or set(toks) <= self.mods[other.concept.id]):
                    return Match(**{**other.__dict__, "parenthesised": True})
        ambiguous = found.ambiguous if found is not None else ()
        fuzzy = self._fuzzy_lookup(name, " ".join(all_toks) if all_toks else folded)
        if fuzzy is not None:
            return fuzzy
        return Match(name, "k:" + self._bag(all_toks, folded), ambiguous=ambiguous)

    def _concept_of(self, name: str, toks: tuple[str, ...]) -> str | None:
        m = self._lookup(name, toks)
        return m.concept.id if m is not None and m.concept is not None else None

    def _bag(self, toks: tuple[str, ...], folded: str) -> str:
        """The comparable key of a name no concept explains: its words in any order, Chinese
        words the segmenter does not know taken character by character (so spacing inside
        them does not matter)."""
        if not toks:
            return folded
        out: set[str] = set()
        for t in toks:
            if t not in self.words.lexicon and _CJK.fullmatch(t):
                out.update(t)
            else:
                out.add(t)
        return " ".join(sorted(out))

    def _lookup(self, name: str, toks: tuple[str, ...]) -> Match | None:
        if not toks:
            return None
        have = frozenset(toks)
        norm = " ".join(toks)
        best: dict[str, tuple[tuple, int, frozenset[str]]] = {}
        for tok in have:
            for i in self.index.get(tok, ()):
                e = self.entries[i]
                if not e.words <= have:
                    continue
                extra = have - e.words
                if not extra <= self.mods[e.concept]:
                    continue
                rank = (e.norm == norm, len(e.words), -len(extra), -i)
                if e.concept not in best or rank > best[e.concept][0]:
                    best[e.concept] = (rank, i, extra)
        if not best:
            return None
        ranked = sorted(best.items(), key=lambda kv: kv[1][0], reverse=True)
        top_id, (top_rank, i, extra) = ranked[0]
        rivals = [cid for cid, (rank, _, _) in ranked[1:] if rank[:3] == top_rank[:3]]
        # a narrower concept beats the broader one it is part of
        rivals = [cid for cid in rivals if cid not in self.vocab.broader(top_id) and top_id not in self.vocab.broader(cid)]
        if rivals:
            return Match(name, "", ambiguous=tuple(sorted([top_id, *rivals])))
        e = self.entries[i]
        ignored = tuple(t for t in toks if t in extra)
        return Match(name, "c:" + e.concept, self.vocab.concepts[e.concept], e.how, e.text, e.lang,
                     exact=e.norm == norm, ignored=tuple(dict.fromkeys(ignored)))

    def _fuzzy_lookup(self, name: str, norm: str) -> Match | None:
        cjk = is_cjk(norm)
        if len(norm.replace(" ", "")) < (FUZZY_MIN_LENGTH_CJK if cjk else FUZZY_MIN_LENGTH):
            return None
        if all(t in self.known or t.isdigit() for t in norm.split()):
            return None
        from rapidfuzz import fuzz, process

        if self._grams is None:  # terms by character bigram: only terms sharing a bigram are scored
            self._grams = {}
            for i, e in enumerate(self.entries):
                for gr in _bigrams(e.norm):
                    self._grams.setdefault(gr, []).append(i)
        grams = self._grams
        probes = sorted((gr for gr in _bigrams(norm) if gr in grams), key=lambda gr: (len(grams[gr]), gr))[:FUZZY_PROBES]
        cand: set[int] = set()
        for gr in probes:
            cand.update(grams[gr])
        if not cand:
            return None
        ids = sorted(cand)
        hit = process.extractOne(norm, itemgetter(*ids)(self._norms) if len(ids) > 1 else (self._norms[ids[0]],),
                                 scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if hit is None:
            return None
        _, score, k = hit
        e = self.entries[ids[k]]
        if _digits(norm) != _digits(e.norm) or not _same_starts(norm, e.norm):
            return None
        return Match(name, "c:" + e.concept, self.vocab.concepts[e.concept], "fuzzy", e.text, e.lang, score=float(score))

    def mentions(self, name: str) -> dict[str, str]:
        """Concepts one of whose terms occurs in ``name`` whatever else it says:
        {concept id: the term}, for "does this duty do the work of X?" (layer duties)."""
        toks = frozenset(self.words.tokens(fold(name)))
        out: dict[str, str] = {}
        for tok in sorted(toks):
            for i in self.index.get(tok, ()):
                e = self.entries[i]
                if e.words <= toks and e.concept not in out:
                    out[e.concept] = e.text
        m = self.match(name)
        if m.concept is not None:
            out.setdefault(m.concept.id, m.term or name)
        return out


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _digits(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\d+", text))


def _same_starts(a: str, b: str) -> bool:
    """Every English word of ``a`` begins like some word of ``b`` (first two letters): typos
    rarely hit the start of a word, antonyms often do ("onboarding" / "offboarding")."""
    starts = {w[:2] for w in b.split()}
    return all(w[:2] in starts for w in a.split() if len(w) >= 4 and not is_cjk(w))


# --- matchers per org graph --------------------------------------------------------------

_BUILTIN: dict[tuple[str, ...], Matcher] = {}
_BUILTIN_WORDS: list[Words] = []  # one segmenter (and its caches) for the shipped vocabulary's matchers
_PER_GRAPH: "weakref.WeakKeyDictionary[Any, dict[tuple[str, ...], Matcher]]" = weakref.WeakKeyDictionary()


def builtin_matcher(kinds: tuple[str, ...] = DUTY_KINDS) -> Matcher:
    """The shipped vocabulary's matcher (built once per process)."""
    if kinds not in _BUILTIN:
        _BUILTIN[kinds] = Matcher(builtin(), kinds, words=_builtin_words())
    return _BUILTIN[kinds]


def _builtin_words() -> Words:
    """The shipped vocabulary's segmenter, shared by every matcher over that vocabulary (a
    pure function of the vocabulary and the text, so sharing its caches changes no result),
    its cache filled from matching_tokens.json when that was made by this very code."""
    vocab = builtin()
    if not _BUILTIN_WORDS or _BUILTIN_WORDS[0].vocab is not vocab:
        words = Words(vocab)
        words._cache.update(_stored_tokens())
        _BUILTIN_WORDS[:] = [words]
    return _BUILTIN_WORDS[0]


#: The words of every term and modifier of the shipped vocabulary (folded text -> words), as
#: :meth:`Words.tokens` computes them, with the digest of everything they depend on
#: (:func:`tokens_digest`): a cold lint reads them instead of segmenting 1,300 terms.
#: Regenerate after editing vocabulary.yaml, vocabulary.py or this module
#: (docs/contributing.md); a stale file is never used, only slower.
TOKENS_FILE = "matching_tokens.json"


def tokens_digest() -> str | None:
    """SHA-256 of what the words of the shipped vocabulary depend on: vocabulary.yaml, the code
    that reads it and this module (None when a source file is not there to read)."""
    import hashlib
    import sys
    from importlib import resources

    h = hashlib.sha256(f"{sys.version_info[:2]} {unicodedata.unidata_version}".encode())
    try:
        for part in (resources.files("csdesign.knowledge").joinpath("vocabulary.yaml"),
                     resources.files("csdesign.knowledge").joinpath("vocabulary.py"),
                     resources.files("csdesign.analysis").joinpath("matching.py")):
            h.update(part.read_bytes())
    except OSError:
        return None
    return h.hexdigest()


def tokens_json() -> str:
    """The content of analysis/matching_tokens.json, computed by a fresh segmenter."""
    import json

    vocab = builtin()
    words = Words(vocab)
    texts = {fold(t) for t in vocab.modifiers}
    for c in vocab.concepts.values():
        texts.update(fold(t.text) for t in c.terms)
        texts.update(fold(m) for m in c.modifiers)
    table = {text: list(words.tokens(text)) for text in sorted(texts)}
    return json.dumps({"digest": tokens_digest(), "tokens": table}, ensure_ascii=False, separators=(",", ":")) + "\n"


def _stored_tokens() -> dict[str, tuple[str, ...]]:
    import json
    from importlib import resources

    try:
        doc = json.loads(resources.files("csdesign.analysis").joinpath(TOKENS_FILE).read_bytes())
    except (OSError, ValueError):
        return {}
    digest = tokens_digest()
    if not isinstance(doc, dict) or digest is None or doc.get("digest") != digest:
        return {}
    return {text: tuple(toks) for text, toks in doc["tokens"].items()}


def matcher_for(g: Any, kinds: tuple[str, ...] = DUTY_KINDS) -> Matcher:
    """The matcher for one org graph: the shipped vocabulary plus the file's ``vocabulary:``,
    and its catalogue ``aliases:`` (graph attributes ``vocabulary``, ``duty_aliases``,
    ``kpi_aliases``)."""
    graph = g.graph
    entries = graph.get("vocabulary") or ()
    aliases = graph.get("kpi_aliases" if kinds == KPI_KINDS else "duty_aliases") or {}
    if not entries and not aliases:
        return builtin_matcher(kinds)
    per = _PER_GRAPH.setdefault(g, {})
    if kinds not in per:
        vocab = extend(builtin(), entries) if entries else builtin()
        per[kinds] = Matcher(vocab, kinds, aliases, words=_builtin_words())
    return per[kinds]


def duty_matcher(g: Any) -> Matcher:
    return matcher_for(g, DUTY_KINDS)


def kpi_matcher(g: Any) -> Matcher:
    return matcher_for(g, KPI_KINDS)


@lru_cache(maxsize=4096)
def same(a: str, b: str, kind: str = "duty") -> bool:
    """Do two names mean the same duty (or KPI), by the shipped vocabulary alone?"""
    m = builtin_matcher(KPI_KINDS if kind == "kpi" else DUTY_KINDS)
    return m.key(a) == m.key(b)
