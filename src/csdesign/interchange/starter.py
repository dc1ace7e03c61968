"""Starter org files for `csdesign init`: one commented template per stage and language.

The templates (knowledge/templates/<stage>.<lang>.yaml) are package data; producing and
checking an org file from them lives here, beside the other writers of org files. A chosen structure
or company name is written into the template's own lines, so the comments stay; the result
is loaded and built before it is returned, so init never writes a file that does not render.
"""

from __future__ import annotations

import json
import re
from importlib import resources

STAGES = ("startup", "growth", "enterprise")
LANGS = ("en", "zh")

_TYPE_LINE = re.compile(r"^(  type: )([a-z]+)( *)", re.M)
_NAME_LINE = re.compile(r"^(  name: )(.*?)$", re.M)


def template_text(stage: str, lang: str = "en") -> str:
    """The template exactly as shipped."""
    return resources.files("csdesign.knowledge").joinpath("templates", f"{stage}.{lang}.yaml").read_text(encoding="utf-8")


def default_structure(stage: str) -> str:
    match = _TYPE_LINE.search(template_text(stage))
    assert match is not None, f"template {stage} has no structure type line"
    return match.group(2)


def starter(stage: str = "startup", structure: str | None = None, lang: str = "en", company: str | None = None) -> str:
    """The starter YAML for a stage, optionally with another structure and the company's name."""
    from csdesign.errors import CsdesignError, did_you_mean

    if stage not in STAGES:
        raise CsdesignError(f"unknown stage '{stage}'" + did_you_mean(stage, STAGES), hint="use startup, growth or enterprise")
    if lang not in LANGS:
        raise CsdesignError(f"unknown language '{lang}'", hint="use en or zh")
    text = template_text(stage, lang)
    if structure is not None:
        from csdesign.structures import NAMES

        if structure not in NAMES:
            raise CsdesignError(f"unknown structure '{structure}'" + did_you_mean(structure, NAMES), hint="use one of " + ", ".join(NAMES))

        def retype(m: re.Match) -> str:  # keep the comment after it in its column
            width = len(m.group(2)) + len(m.group(3))
            return m.group(1) + structure + " " * (max(1, width - len(structure)) if m.group(3) else 0)

        text = _TYPE_LINE.sub(retype, text, count=1)
    if company is not None:
        name = " ".join(company.split())
        if not name:
            raise CsdesignError("the company name is empty", hint="give --name a value, or leave it out")
        if len(name) > 500:
            raise CsdesignError("the company name is longer than 500 characters")
        # A JSON string is a valid YAML double-quoted scalar: quotes, colons and # stay text.
        text = _NAME_LINE.sub(lambda m: m.group(1) + json.dumps(name, ensure_ascii=False), text, count=1)
    _check(text, stage, lang)
    from csdesign.interchange.modeline import with_modeline

    return with_modeline(text)


def _check(text: str, stage: str, lang: str) -> None:
    """Load and build the result: a template that does not build is a csdesign bug."""
    from csdesign.model import load_org_text
    from csdesign.structures import build

    build(load_org_text(text, f"<template {stage}.{lang}>"))
