"""Scalars resolved by the YAML 1.2 core schema, as editors (the YAML language server) do.

PyYAML resolves by YAML 1.1, where ``no``, ``on`` and ``y`` are booleans (so Norway, ``NO``,
becomes ``False``) and ``2024-01-01`` is a date. An org file holds only text, numbers,
true/false, lists and mappings, so csdesign resolves plain scalars itself, by the core schema
(YAML 1.2.2, section 10.3):

=========  ==============================================================
null       ``~``, ``null``, ``Null``, ``NULL``, or nothing
bool       ``true``, ``True``, ``TRUE``, ``false``, ``False``, ``FALSE``
int        ``[-+]?[0-9]+``, ``0o[0-7]+``, ``0x[0-9a-fA-F]+``
float      ``[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?``, ``[-+]?.inf``, ``.nan``
str        everything else: ``no``, ``yes``, ``on``, ``NO``, ``1_000``, ``2024-01-01``
=========  ==============================================================

Explicit tags are checked against the same forms: ``!!int x`` is an error that says so, not
a crash. Tags for values an org file cannot hold (``!!binary``, ``!!timestamp``, ``!!set`` …)
are refused by name.
"""

from __future__ import annotations

import math
import re
from typing import Any

from csdesign.errors import Words
from csdesign.model.messages_zh import bilingual

#: PyYAML's spelling of the standard tags.
PREFIX = "tag:yaml.org,2002:"
STR, NULL, BOOL, INT, FLOAT = (PREFIX + t for t in ("str", "null", "bool", "int", "float"))
MAP, SEQ, MERGE = PREFIX + "map", PREFIX + "seq", PREFIX + "merge"

#: Longest integer read, in digits: Python's own int/str conversion limit (no field of an
#: org file takes a number anywhere near it; the field's range is checked later).
MAX_INT_DIGITS = 4300

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT10 = re.compile(r"[-+]?[0-9]+\Z")
_INT8 = re.compile(r"0o[0-7]+\Z")
_INT16 = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")
#: Could start a number, a bool or null: everything else is a string at once (the common case).
_MAYBE = frozenset("0123456789+-.~ntfTFN")


class ScalarProblem(ValueError):
    """A scalar that cannot be converted; ``message`` and ``hint`` are csdesign's words."""

    def __init__(self, message: Words, hint: Words | None = None):
        super().__init__(message.en)
        self.message = message
        self.hint = hint


def short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:float`` -> ``!!float`` (how the file spells it)."""
    return "!!" + tag[len(PREFIX):] if tag.startswith(PREFIX) else tag


def resolve_plain(text: str) -> Any:
    """The value of an untagged plain scalar under the core schema."""
    if text and text[0] not in _MAYBE:
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    number = _number(text)
    return text if number is None else number


def _number(text: str) -> int | float | None:
    if _INT10.match(text):
        digits = len(text.lstrip("+-"))
        if digits > MAX_INT_DIGITS:
            raise _too_long(digits)
        return int(text)
    if _INT8.match(text):
        return _checked(int(text[2:], 8), len(text) - 2)
    if _INT16.match(text):
        return _checked(int(text[2:], 16), len(text) - 2)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return None


def _checked(value: int, written: int) -> int:
    if value.bit_length() > MAX_INT_DIGITS * 3.32:  # log2(10): more decimal digits than the limit
        raise _too_long(written)
    return value


def _too_long(digits: int) -> ScalarProblem:
    return ScalarProblem(
        bilingual("a number with {digits:,} digits is longer than the {limit:,} digits csdesign reads", digits=digits, limit=MAX_INT_DIGITS),
        bilingual("no field takes a number this large; check the value, or quote it if it is text"),
    )


def resolve_tagged(tag: str, text: str) -> Any:
    """The value of a scalar with an explicit standard tag (``!!int 5``); ScalarProblem if the
    text is not of that type, or the tag names a type an org file cannot hold."""
    if tag == STR:
        return text
    if tag == NULL:
        if text in _NULL:
            return None
        raise _not_a(tag, text, "{tag} '{value}' is not null (~ or null)")
    if tag == BOOL:
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise _not_a(tag, text, "{tag} '{value}' is not true or false")
    if tag == INT:
        value = _number(text)
        if isinstance(value, int):
            return value
        raise _not_a(tag, text, "{tag} '{value}' is not an integer such as 12, 0x1f or 0o17")
    if tag == FLOAT:
        value = _number(text)
        if isinstance(value, (int, float)):
            return float(value)
        raise _not_a(tag, text, "{tag} '{value}' is not a number such as 1.5 or 2e6")
    if tag == MERGE:
        raise ScalarProblem(bilingual("`!!merge` is only allowed as a mapping key (`<<: *anchor`)"), bilingual("remove the tag, or use `<<:` as the key"))
    raise unsupported(tag)


def unsupported(tag: str) -> ScalarProblem:
    return ScalarProblem(
        bilingual("YAML tag {tag} is not supported in org files", tag=short_tag(tag)),
        bilingual("org files hold only text, numbers, true/false, lists and mappings; remove the tag"),
    )


def _not_a(tag: str, text: str, template: str) -> ScalarProblem:
    """``template`` names the tag and the value: "{tag} '{value}' is not true or false"."""
    shown = text if len(text) <= 40 else text[:37] + "..."
    return ScalarProblem(bilingual(template, tag=short_tag(tag), value=shown), bilingual("fix the value, or remove the {tag} tag", tag=short_tag(tag)))
