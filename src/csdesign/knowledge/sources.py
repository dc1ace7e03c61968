"""The source articles (knowledge/sources.yaml) and how user-facing text cites them.

Text written for users (rule docs, explain topics, recommend reasons, templates) names an
article with a token ``«003»``; :func:`expand` replaces it with the article's title in the
reader's language. Internal numbers ("seed 003") never reach a user.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

#: ``«003»`` in user text: cite source article 003 here.
TOKEN = re.compile(r"«(\d{3})»")


@lru_cache(maxsize=1)
def articles() -> dict[str, dict[str, Any]]:
    """Article id ("000" ...) -> {zh, en, about?} as declared in sources.yaml."""
    text = resources.files("csdesign.knowledge").joinpath("sources.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, as for vocabulary.yaml
    data: dict[str, dict[str, Any]] = yaml.load(text, Loader=loader)["sources"]  # noqa: S506 - a safe loader
    for sid, entry in data.items():
        if not (entry.get("zh") and entry.get("en")) and not (entry.get("about") or {}).get("zh"):
            raise RuntimeError(f"knowledge/sources.yaml: sources.{sid} has neither a title nor `about:`")
    return data


def titles(source: str) -> tuple[str, str] | None:
    """The (en gloss, zh) title of an article, None when it is untitled or unknown."""
    entry = articles().get(source)
    if not entry or not entry.get("zh"):
        return None
    return (entry["en"], entry["zh"])


def cite(source: str, lang: str = "en") -> str:
    """How text names an article: 《title》 in Chinese, 'the article "title" (gloss)' in English."""
    entry = articles()[source]
    if not entry.get("zh"):
        return str(entry["about"]["zh" if lang == "zh" else "en"])
    if lang == "zh":
        return f"《{entry['zh']}》"
    return f"the article \"{entry['zh']}\" ({entry['en']})"


def cite_all(sources: tuple[str, ...] | list[str], lang: str = "en") -> str:
    """Several articles, in the given order, joined as a list ("、" in Chinese)."""
    known = [s for s in sources if s in articles()]
    return ("、" if lang == "zh" else "; ").join(cite(s, lang) for s in known)


def expand(text: str, lang: str = "en") -> str:
    """``text`` with every ``«NNN»`` replaced by the article's citation; an English citation at
    the start of a sentence is capitalised."""

    def one(m: re.Match[str]) -> str:
        out = cite(m[1], lang)
        before = text[: m.start()].rstrip(" ")
        if lang != "zh" and (not before or before[-1] in ".\n"):
            out = out[:1].upper() + out[1:]
        return out

    return TOKEN.sub(one, text)
