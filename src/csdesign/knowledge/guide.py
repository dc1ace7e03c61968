"""The built-in advice on the eight structures and the company stages (knowledge/structures.yaml).

Loaded once with importlib.resources (it ships as package data) and checked on load, so a
missing language or field is a packaging bug caught by the tests, not a KeyError at a client.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

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


@lru_cache(maxsize=1)
def _data() -> dict:
    text = resources.files("csdesign.knowledge").joinpath("structures.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
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
    return StructureAdvice(
        id=structure,
        **{f: entry[f][lang].strip() for f in TEXT_FIELDS},
        **{f: tuple(s.strip() for s in entry[f][lang]) for f in LIST_FIELDS},
    )


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
    """Seed 003's advice for a company stage (startup | growth | enterprise)."""
    return _data()["stages"][stage]["guidance"][check_lang(lang)].strip()


def stage_name(stage: str, lang: str = "en") -> str:
    return _data()["stages"][stage]["name"][check_lang(lang)]
