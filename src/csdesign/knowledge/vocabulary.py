"""The bilingual CS vocabulary (knowledge/vocabulary.yaml): concepts for duties, service
modules, KPIs and roles, with their English and Chinese names, synonyms, phrasings and
modifiers, plus the level and function each belongs to.

Plain data, loaded once and checked on load (a missing name or an unknown ``part_of`` is a
packaging bug caught by the tests). analysis/matching.py turns it into a matcher; org files
extend it with ``vocabulary:`` entries (:func:`extend`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping

KINDS = ("duty", "module", "kpi", "role")
LEVELS = ("director", "manager", "supervisor", "individual")
#: Term categories, most specific first (an explanation names the category that matched).
HOW = ("name", "synonym", "phrasing", "user")
#: Source ids a concept may cite: the articles of knowledge/sources.yaml, and "added" for
#: common practice no article states.
ADDED = "added"


def source_ids() -> frozenset[str]:
    from csdesign.knowledge.sources import articles

    return frozenset(articles()) | {ADDED}


@dataclass(frozen=True)
class Term:
    """One spelling of a concept: its text, language and category (name, synonym ...)."""

    text: str
    lang: str  # "en" | "zh"
    how: str  # one of HOW


@dataclass(frozen=True)
class Concept:
    id: str
    kind: str
    en: str
    zh: str
    level: str | None = None
    default: bool = False
    function: str | None = None
    part_of: str | None = None
    family: str | None = None
    terms: tuple[Term, ...] = ()
    modifiers: frozenset[str] = field(default_factory=frozenset)
    source: tuple[str, ...] = ()
    user: bool = False  # defined or extended by the org file

    def name(self, lang: str = "en") -> str:
        return self.zh if lang == "zh" else self.en

    def label(self, lang: str = "en") -> str:
        """"complaint handling (投诉处理)" in English, "投诉处理（complaint handling）" in Chinese."""
        if self.en == self.zh:
            return self.en
        return f"{self.zh}（{self.en}）" if lang == "zh" else f"{self.en} ({self.zh})"

    @property
    def added(self) -> bool:
        """Added knowledge: no source article says it."""
        return not any(s in source_ids() and s != ADDED for s in self.source)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "en": self.en, "zh": self.zh, "level": self.level, "function": self.function}


@dataclass(frozen=True)
class Vocabulary:
    concepts: dict[str, Concept]
    stopwords: frozenset[str]
    modifiers: frozenset[str]  # global: any concept may add these
    derivations: dict[str, str]
    compounds: dict[tuple[str, ...], str]
    words: frozenset[str]  # extra Chinese words for the segmenter

    def get(self, concept_id: str) -> Concept | None:
        return self.concepts.get(concept_id)

    def broader(self, concept_id: str) -> list[str]:
        """The concept and every concept it is part of, nearest first."""
        out: list[str] = []
        cid: str | None = concept_id
        while cid is not None and cid not in out and cid in self.concepts:
            out.append(cid)
            cid = self.concepts[cid].part_of
        return out

    def defaults(self, level: str) -> list[Concept]:
        """Seed 000's default duties of one leadership layer, in table order."""
        return [c for c in self.concepts.values() if c.default and c.level == level]


def _pair(value: Any) -> dict[str, list[str]]:
    if value is None:
        return {"en": [], "zh": []}
    if isinstance(value, list):  # a bare list: the language is told by the script
        out: dict[str, list[str]] = {"en": [], "zh": []}
        for v in value:
            out["zh" if _has_cjk(str(v)) else "en"].append(str(v))
        return out
    return {"en": [str(v) for v in value.get("en") or []], "zh": [str(v) for v in value.get("zh") or []]}


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def _concept(entry: Mapping[str, Any], user: bool = False) -> Concept:
    terms: list[Term] = []
    for lang in ("en", "zh"):
        if entry.get(lang):
            terms.append(Term(str(entry[lang]), lang, "name"))
    for how, key in (("synonym", "synonyms"), ("phrasing", "phrasings")):
        pair = _pair(entry.get(key))
        for lang in ("en", "zh"):
            terms.extend(Term(t, lang, "user" if user else how) for t in pair[lang])
    mods = _pair(entry.get("modifiers"))
    return Concept(
        id=str(entry["id"]),
        kind=str(entry.get("kind") or "duty"),
        en=str(entry.get("en") or entry.get("zh")),
        zh=str(entry.get("zh") or entry.get("en")),
        level=entry.get("level"),
        default=bool(entry.get("default")),
        function=entry.get("function"),
        part_of=entry.get("part_of"),
        family=entry.get("family"),
        terms=tuple(terms),
        modifiers=frozenset(m for lang in ("en", "zh") for m in mods[lang]),
        source=tuple(str(s) for s in entry.get("source") or ()),
        user=user,
    )


def check(vocab: Vocabulary) -> None:
    """Every concept has both names, a known kind and level, and a known ``part_of``."""
    for c in vocab.concepts.values():
        problems = []
        if c.kind not in KINDS:
            problems.append(f"kind '{c.kind}' is not one of {', '.join(KINDS)}")
        if c.level is not None and c.level not in LEVELS:
            problems.append(f"level '{c.level}' is not one of {', '.join(LEVELS)}")
        if c.part_of is not None and c.part_of not in vocab.concepts:
            problems.append(f"part_of names unknown concept '{c.part_of}'")
        if not c.user and (not c.en or not c.zh or c.en == c.zh and not _has_cjk(c.zh)):
            problems.append("needs both an en and a zh name")
        if not c.user and any(s not in source_ids() for s in c.source):
            problems.append(f"unknown source {c.source}")
        if problems:
            raise RuntimeError(f"knowledge/vocabulary.yaml: concept '{c.id}': " + "; ".join(problems))


#: vocabulary.yaml as parsed, with the SHA-256 of the YAML it was made from: JSON loads in a
#: millisecond where PyYAML's constructor takes tens. Regenerate it after editing the YAML
#: (docs/contributing.md); a stale file is never used, only slower.
COMPILED = "vocabulary.json"


def compiled_json(raw: bytes) -> str:
    """The content of knowledge/vocabulary.json for vocabulary.yaml's bytes ``raw``."""
    import hashlib
    import json

    doc = {"source_sha256": hashlib.sha256(raw).hexdigest(), "data": _parse(raw.decode("utf-8"))}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def _parse(text: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


def _load_data() -> Any:
    here = resources.files("csdesign.knowledge")
    try:
        compiled: bytes | None = here.joinpath(COMPILED).read_bytes()
    except OSError:
        compiled = None
    return parsed(here.joinpath("vocabulary.yaml").read_bytes(), compiled)


def parsed(raw: bytes, compiled: bytes | None) -> Any:
    """vocabulary.yaml's bytes ``raw`` parsed: the data of ``compiled`` (vocabulary.json) when
    it was made from these very bytes, else PyYAML's reading of them."""
    import hashlib
    import json

    try:
        doc = json.loads(compiled) if compiled is not None else None
    except ValueError:
        doc = None
    if isinstance(doc, dict) and doc.get("source_sha256") == hashlib.sha256(raw).hexdigest():
        return doc["data"]
    return _parse(raw.decode("utf-8"))


@lru_cache(maxsize=1)
def builtin() -> Vocabulary:
    """The shipped vocabulary."""
    data = _load_data()
    concepts: dict[str, Concept] = {}
    for entry in data["concepts"]:
        c = _concept(entry)
        if c.id in concepts:
            raise RuntimeError(f"knowledge/vocabulary.yaml: concept '{c.id}' is defined twice")
        concepts[c.id] = c
    stop, mods = _pair(data.get("stopwords")), _pair(data.get("modifiers"))
    compounds = {tuple(k.split()): v for k, v in ((data.get("compounds") or {}).get("en") or {}).items()}
    vocab = Vocabulary(
        concepts=concepts,
        stopwords=frozenset(stop["en"] + stop["zh"]),
        modifiers=frozenset(mods["en"] + mods["zh"]),
        derivations={str(k): str(v) for k, v in (data.get("derivations") or {}).items()},
        compounds=compounds,
        words=frozenset(str(w) for w in data.get("words") or ()),
    )
    check(vocab)
    return vocab


def extend(base: Vocabulary, entries: Iterable[Mapping[str, Any]]) -> Vocabulary:
    """``base`` plus an org file's ``vocabulary:`` entries. An entry naming a known concept adds
    its synonyms and modifiers to it; any other entry defines a new concept."""
    concepts = dict(base.concepts)
    for entry in entries:
        cid = str(entry["concept"])
        extra = _concept({**entry, "id": cid, "en": entry.get("en"), "zh": entry.get("zh")}, user=True)
        old = concepts.get(cid)
        if old is None:
            concepts[cid] = extra
        else:
            concepts[cid] = replace(
                old,
                terms=old.terms + tuple(t if t.how != "name" else Term(t.text, t.lang, "user") for t in extra.terms),
                modifiers=old.modifiers | extra.modifiers,
                level=entry.get("level") or old.level,
                function=entry.get("function") or old.function,
                part_of=entry.get("part_of") or old.part_of,
                user=True,
            )
    return replace(base, concepts=concepts)

