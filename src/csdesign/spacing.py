"""Where Chinese text puts a space: between a Chinese character and a Latin letter or digit,
never between two Chinese characters or beside full-width punctuation. Pure string code,
cheap to import: the analyses' sentences and the charts' chrome join names through it."""

from __future__ import annotations

import string


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\u3040" <= ch <= "\u30ff" or "\uac00" <= ch <= "\ud7af"


def zh(*parts: str) -> str:
    """A Chinese sentence from template words and names, each kept as written: joined with a
    space only where a Chinese character meets a Latin letter or digit (as the templates write
    "需在岗 4 人"), never between two Chinese characters or beside full-width punctuation, so
    "一线主管" "与" "产品支持工程师" reads 一线主管与产品支持工程师 and "与" "CS Manager" reads
    与 CS Manager."""
    out = ""
    for part in parts:
        out += gap(out, part) + part
    return out


def gap(left: str, right: str) -> str:
    """The space Chinese text puts between ``left`` and ``right``: one where a Chinese character
    meets a Latin letter or digit, none otherwise."""
    if not left or not right:
        return ""
    a, b = left[-1], right[0]
    return " " if _latin(a) and _ideograph(b) or _ideograph(a) and _latin(b) else ""


def fill(template: str, **fields: object) -> str:
    """A Chinese template's fields filled in, each value joined to the words around it as
    :func:`zh` joins them ("虚线汇报至{lead}": 虚线汇报至 CS Lead, 虚线汇报至数据组组长)."""
    parts = []
    for literal, field, spec, _ in string.Formatter().parse(template):
        parts.append(literal)
        if field is not None:
            parts.append(format(fields[field], spec or ""))
    return zh(*parts)
