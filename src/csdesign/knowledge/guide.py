"""The built-in advice on the eight structures and the company stages (knowledge/structures.yaml).

Loaded once with importlib.resources (it ships as package data) and checked on load, so a
missing language or field is a packaging bug caught by the tests, not a KeyError at a client.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from csdesign.knowledge.sources import expand

LANGS = ("en", "zh")
LIST_FIELDS = ("strengths", "risks", "when")
TEXT_FIELDS = ("name", "cut", "description")


@dataclass(frozen=True)
class StructureAdvice:
    """One structure's text in one language."""

    id: str
    name: str
    cut: str
    description: str
    strengths: tuple[str, ...]
    risks: tuple[str, ...]
    when: tuple[str, ...]


def _load(name: str) -> Any:
    """One of the package's YAML files, read with libyaml's parser where PyYAML has it (as
    sources.py and vocabulary.py read theirs): the same data, about a tenth of the Python
    parser's time (structures.yaml: 2 ms instead of 18, which every Chinese chart title paid)."""
    text = resources.files("csdesign.knowledge").joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


@lru_cache(maxsize=1)
def _data() -> dict:
    data = _load("structures.yaml")
    for sid, entry in data["structures"].items():
        for field in TEXT_FIELDS + LIST_FIELDS:
            for lang in LANGS:
                if not entry.get(field, {}).get(lang):
                    raise RuntimeError(f"knowledge/structures.yaml: structures.{sid}.{field}.{lang} is missing")
    for stage, entry in data["stages"].items():
        for lang in LANGS:
            if not entry["guidance"].get(lang) or not entry["name"].get(lang):
                raise RuntimeError(f"knowledge/structures.yaml: stages.{stage} lacks {lang}")
    return data


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        from csdesign.errors import CsdesignError

        raise CsdesignError(f"unknown language '{lang}'", hint="use en or zh")
    return lang


def structure_ids() -> list[str]:
    return list(_data()["structures"])


def advice(structure: str, lang: str = "en") -> StructureAdvice:
    """The text for one structure (``functional`` ...) in ``lang`` (``en`` | ``zh``)."""
    entry = _data()["structures"][structure]
    lang = check_lang(lang)
    text = {f: expand(entry[f][lang].strip(), lang) for f in TEXT_FIELDS}
    lists = {f: tuple(expand(s.strip(), lang) for s in entry[f][lang]) for f in LIST_FIELDS}
    return StructureAdvice(structure, text["name"], text["cut"], text["description"], lists["strengths"], lists["risks"], lists["when"])


def structure_name(structure: str, lang: str = "en") -> str:
    return _data()["structures"][structure]["name"][check_lang(lang)]


def structure_label(structure: str, lang: str = "en") -> str:
    """A structure as headings show it: the id in English ("matrix"), its name in Chinese
    ("矩阵型"); an as-is org built from positions is "explicit" / "现状组织"."""
    if lang != "zh":
        return structure
    if structure == "explicit":
        return "现状组织"
    return structure_name(structure, lang) if structure in structure_ids() else structure


def stage_guidance(stage: str, lang: str = "en") -> str:
    """The advice of article 003 for a company stage (startup | growth | enterprise)."""
    return expand(_data()["stages"][stage]["guidance"][check_lang(lang)].strip(), lang)


def stage_name(stage: str, lang: str = "en") -> str:
    return _data()["stages"][stage]["name"][check_lang(lang)]


# --- explain topics beyond the structures (knowledge/topics.yaml) ------------------------

#: A topic built from the vocabulary instead of topics.yaml.
VOCABULARY_TOPIC = "vocabulary"


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    summary: str
    points: tuple[str, ...]
    source: tuple[str, ...]


@lru_cache(maxsize=1)
def _topics() -> dict[str, Any]:
    data: dict[str, Any] = _load("topics.yaml")["topics"]
    for tid, entry in data.items():
        for field in ("title", "summary", "points"):
            for lang in LANGS:
                if not entry.get(field, {}).get(lang):
                    raise RuntimeError(f"knowledge/topics.yaml: topics.{tid}.{field}.{lang} is missing")
    return data


def topic_ids() -> list[str]:
    """The explain topics, in file order, then the vocabulary."""
    return [*_topics(), VOCABULARY_TOPIC]


def topic(tid: str, lang: str = "en") -> Topic:
    lang = check_lang(lang)
    if tid == VOCABULARY_TOPIC:
        return _vocabulary_topic(lang)
    e = _topics()[tid]
    return Topic(tid, expand(e["title"][lang], lang), expand(e["summary"][lang].strip(), lang),
                 tuple(expand(p.strip(), lang) for p in e["points"][lang]), tuple(e.get("source") or ()))


def _vocabulary_topic(lang: str) -> Topic:
    from csdesign.knowledge.vocabulary import builtin

    zh = lang == "zh"
    kinds = {"duty": ("Duties", "职责"), "module": ("Service modules", "服务模块"), "kpi": ("KPIs", "指标"), "role": ("Role families", "岗位类别")}
    points = []
    for kind, (en_name, zh_name) in kinds.items():
        concepts = [c for c in builtin().concepts.values() if c.kind == kind]
        names = ("、" if zh else "; ").join(c.label(lang) + ("（补充）" if zh and c.added else " (added)" if c.added else "") for c in concepts)
        points.append(f"{zh_name}（{len(concepts)}）：{names}" if zh else f"{en_name} ({len(concepts)}): {names}")
    return Topic(
        VOCABULARY_TOPIC,
        "词汇表" if zh else "The CS vocabulary",
        ("csdesign 以这些概念比较职责与指标名称：同一概念的中英文写法、同义词和常见说法视为同一项。组织文件可用 `vocabulary:` 与 `aliases:` 扩展。"
         if zh else "csdesign compares duty and KPI names as these concepts: the English and Chinese names, synonyms and phrasings of one concept are one duty or KPI. Org files extend it with `vocabulary:` and `aliases:`."),
        tuple(points),
        ("000", "001", "002", "003", "004"),
    )
