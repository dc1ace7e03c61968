"""Starter org files for `csdesign init`: one commented template per stage and language.

The templates (knowledge/templates/<stage>.<lang>.yaml) are package data; producing and
checking an org file from them lives here, in the app layer: resizing a starter for another structure
builds it and sizes it with analysis/capacity.py, which an interchange module may not import. A chosen structure
or company name is written into the template's own lines, so the comments stay; the result
is loaded and built before it is returned, so init never writes a file that does not render.
"""

from __future__ import annotations

import json
import math
import re
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

STAGES = ("startup", "growth", "enterprise")
LANGS = ("en", "zh")

#: (stage, structure) pairs the seed guidance advises against, and the lint rule that says so.
#: The starter for such a pair accepts that finding on purpose, in a comment above ``structure:``
#: that says why, so the file lints clean and the choice stays visible.
AGAINST_GUIDANCE = {
    ("startup", "matrix"): "matrix-at-startup",
    ("growth", "flat"): "span-outside-band",
    ("enterprise", "flat"): "span-outside-band",
}
_WHY = {
    "matrix-at-startup": (
        "You asked for a matrix structure at the {stage} stage. The guidance on structures by company"
        " stage advises against it: dual reporting is more coordination than a lean team needs (lint"
        " ST002, matrix-at-startup).",
        "你选择了{stage}的矩阵型结构。《如何为你的企业找到合适的客户支持团队结构》一文不建议这样做：双线汇报带来的协调成本超出精简团队所需（lint ST002，matrix-at-startup）。",
    ),
    "span-outside-band": (
        "You asked for a flat structure at the {stage} stage: everyone reports to the head, far"
        " above the 8–12 span target (lint SP001, span-outside-band).",
        "你选择了{stage}的扁平型结构：所有人直接向负责人汇报，管理幅度远超 8–12 人的目标（lint SP001，span-outside-band）。",
    ),
}
_ACCEPT = (
    "The next line accepts that choice; delete it to see the warning again.",
    "下一行表示有意接受这一选择；删除它即可重新看到该警告。",
)

_TYPE_LINE = re.compile(r"^(  type: )([a-z]+)( *)", re.M)
_NAME_LINE = re.compile(r"^(  name: )(.*?)$", re.M)


def template_text(stage: str, lang: str = "en") -> str:
    """The template as shipped, its «NNN» article tokens (in comments) cited by title."""
    from csdesign.knowledge.sources import expand

    text = resources.files("csdesign.knowledge").joinpath("templates", f"{stage}.{lang}.yaml").read_text(encoding="utf-8")
    return expand(text, lang)


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

        def retype(m: re.Match[str]) -> str:  # keep the comment after it in its column
            width = len(m.group(2)) + len(m.group(3))
            return m.group(1) + structure + " " * (max(1, width - len(structure)) if m.group(3) else 0)

        text = _TYPE_LINE.sub(retype, text, count=1)
        if structure != default_structure(stage):
            text = _resize(text, stage, lang)
            text = _accept_leaderless(text, structure, lang)
        rule = AGAINST_GUIDANCE.get((stage, structure))
        if rule is not None:
            text = _accept(text, rule, stage, structure, lang)
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


def against_guidance(stage: str, structure: str | None, lang: str = "en") -> str | None:
    """Why the seed guidance advises against this pair (one sentence), or None."""
    rule = AGAINST_GUIDANCE.get((stage, structure or ""))
    if rule is None:
        return None
    from csdesign.knowledge.guide import stage_name

    return _WHY[rule][lang == "zh"].format(stage=stage_name(stage, lang))


def _accept(text: str, rule: str, stage: str, structure: str, lang: str) -> str:
    """Put the reason and ``# csdesign: file-ignore[rule]`` just above ``structure:``."""
    why = f"{against_guidance(stage, structure, lang)} {_ACCEPT[lang == 'zh']}"
    block = "".join(f"# {line}\n" for line in _wrap(why, lang))
    block += f"# csdesign: file-ignore[{rule}]\n"
    return re.sub(r"^structure:", lambda m: block + m.group(0), text, count=1, flags=re.M)


def _wrap(text: str, lang: str) -> list[str]:
    import textwrap

    if lang == "zh":  # one sentence a line: Chinese has no spaces to wrap at
        return [part.strip() + "。" for part in text.split("。") if part.strip()]
    return textwrap.wrap(text, 94)


def _resize(text: str, stage: str, lang: str) -> str:
    """Headcounts per box for the chosen structure, so the starter's numbers still agree.

    A role replicated per unit has its ``headcount`` per unit, so another cut (more or fewer
    units) changes the department's size. Roles sized by ``capacity:`` get the smallest
    headcount per box that covers their accounts without over-staffing (analysis/capacity.py,
    the sizing lint CP001/CP002 use); the other replicated roles keep the template's total
    number of people, spread over the new units (at least one each).
    """
    from csdesign.analysis.capacity import OVER_SLACK, analyse_capacity
    from csdesign.model import load_org_text
    from csdesign.structures import build
    from csdesign.structures.contract import roles

    def instances(g: nx.DiGraph) -> dict[str, int]:
        out: dict[str, int] = {}
        for _, d in roles(g):
            out[d["role_id"]] = out.get(d["role_id"], 0) + 1
        return out

    before = load_org_text(template_text(stage, lang))
    base = instances(build(before))
    declared = {r.id: r.headcount for r in before.model.roles}
    g = build(load_org_text(text))
    now = instances(g)
    sizes: dict[str, int] = {}
    for rid, n in now.items():
        if n != base.get(rid, n):
            sizes[rid] = max(1, int(declared[rid] * base[rid] / n + 0.5))
    rows: dict[str, list] = {}
    for row in analyse_capacity(g):
        if row.role is not None:
            rows.setdefault(row.role.role_id, []).append(row)
    for rid, items in rows.items():
        need = max(math.ceil(row.required / len(row.nodes)) for row in items)
        fits = all(row.required <= need * len(row.nodes) <= row.required + OVER_SLACK * row.required for row in items)
        sizes[rid] = need if fits else sizes.get(rid, declared[rid])
    for rid, size in sizes.items():
        if size != declared[rid]:
            text = _set_headcount(text, rid, size)
    return text


def _accept_leaderless(text: str, structure: str, lang: str) -> str:
    """Another cut can leave a manager-level role of the template with nobody reporting to it
    (lint SP004): a flat structure puts everyone under the head, and only a matrix draws the
    dotted lines of ``scope: lead`` roles. The starter says so above that role and accepts the
    finding there (``# csdesign: ignore[SP004]``), so the file lints clean and the choice to
    make is visible where it is made."""
    from csdesign.knowledge.guide import structure_name
    from csdesign.lint.rules.jobs import MANAGER_LEVELS
    from csdesign.model import load_org_text
    from csdesign.structures import build
    from csdesign.structures.contract import roles

    g = build(load_org_text(text))
    leading: dict[str, bool] = {}
    for node, d in roles(g):
        if d["level"] in MANAGER_LEVELS:
            leading[d["role_id"]] = leading.get(d["role_id"], False) or g.out_degree(node) > 0
    name = structure_name(structure, lang)
    why = (f"在{name}结构中没有人向该岗位汇报（lint SP004）：请为其补上下属，或改为 `level: individual`。" if lang == "zh"
           else f"In a {name} structure nobody reports to this role (lint SP004): give it reports, or make it `level: individual`.")
    for rid, leads in leading.items():
        if not leads:
            text = re.sub(rf"^(  - id: {re.escape(rid)})$", lambda m: f"  # {why}\n  # csdesign: ignore[SP004]\n" + m.group(1), text, count=1, flags=re.M)
    return text


def _set_headcount(text: str, role_id: str, size: int) -> str:
    """Rewrite (or add, under the title) the ``headcount:`` line of one role's block."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.rstrip() == f"  - id: {role_id}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - ") or (lines[i].strip() and not lines[i].startswith(" "))), len(lines))
    for i in range(start + 1, end):
        if lines[i].startswith("    headcount:"):
            lines[i] = re.sub(r"\d+", str(size), lines[i], count=1)
            return "".join(lines)
    title = next(i for i in range(start + 1, end) if lines[i].startswith("    title:"))
    lines.insert(title + 1, f"    headcount: {size}\n")
    return "".join(lines)


def _check(text: str, stage: str, lang: str) -> None:
    """Load and build the result: a template that does not build is a csdesign bug."""
    from csdesign.model import load_org_text
    from csdesign.structures import build

    build(load_org_text(text, f"<template {stage}.{lang}>"))
