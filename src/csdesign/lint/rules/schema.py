"""S: the file parses and matches the schema. S001-S005 are produced by the loader
(``collect_problems``); S006 checks the loaded ids for look-alikes."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Iterator

from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import produced, rule

produced(
    "S001", "yaml-syntax", "The file is not valid YAML (or not UTF-8, or uses a forbidden tag).",
    """
    csdesign reads the org with a safe YAML loader, by the YAML 1.2 core schema (as editors
    do). A file that does not parse cannot be checked at all, so this finding can be neither
    ignored nor suppressed: a broken file never passes lint. Values YAML can write but an org
    file cannot hold are refused here too: explicit tags with bad values (`!!int x`), tags
    such as `!!timestamp` or `!!binary`, integers of more than 4,300 digits, null keys.

    Fix: correct the YAML at the reported line and column. Common causes are tabs used for
    indentation, an unclosed quote or bracket, a missing space after `:`, and files saved as
    GBK instead of UTF-8 (re-save as UTF-8, e.g. `iconv -f GBK -t UTF-8`).
    """,
)

produced(
    "S002", "schema", "A key, type or value does not match the org file schema.",
    """
    The org file has a fixed shape (`csdesign schema` prints it as JSON Schema for editors):
    unknown keys, wrong types, values outside the allowed set (for example a `level` other
    than director / manager / supervisor / individual or their Chinese names) or more than
    one `scope: head` would make the model guess what you meant. csdesign refuses to guess,
    and does not coerce either: `"50"` is text, not a number; `yes` is text, not true.

    Fix: follow the "did you mean" suggestion in the message, or see `csdesign schema` for the
    valid keys and values.
    """,
)

produced(
    "S003", "duplicate-key", "A mapping has the same key twice.",
    """
    YAML parsers silently keep only the last of two equal keys, so a role defined with two
    `duties:` lists loses the first one without a word. csdesign reports the duplicate instead.

    Fix: remove one of the keys or merge their values.
    """,
)

produced(
    "S004", "duplicate-id", "Two roles (or two positions) share an id.",
    """
    Ids are how reporting lines, RACI entries and interfaces refer to roles. Two roles with one
    id make every such reference ambiguous.

    Ids are compared after Unicode NFC normalisation, so `café` typed with a combining accent
    is the same id as `café` typed as one character.

    Fix: give each role a unique id (ids may be Chinese; they may not contain spaces,
    invisible characters or `,[]{}#:@`).
    """,
)

produced(
    "S005", "unknown-value", "A reference names a dimension value or role that is not declared.",
    """
    `only:` restrictions, `capacity:` segments, RACI letters and position roles must name
    values declared elsewhere in the file (`dimensions:` or `roles:`). A typo here silently
    changes which units a role is replicated into, or who is accountable.

    Fix: add the value to `dimensions:` (or the role to `roles:`), or correct the spelling
    (the message suggests the closest declared value).
    """,
)


#: Script combinations UTS #39 ("highly restrictive") allows in one identifier: CJK ids mix
#: Han with Latin (客户成功_lead), Japanese with kana, Korean with Hangul.
_ALLOWED_SCRIPTS = ({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}, {"LATIN", "HAN", "BOPOMOFO"}, {"LATIN", "HAN", "HANGUL"})


@rule(
    "S006", "lookalike-id", "warning", "An id mixes scripts or looks like another id.",
    """
    `сsm` with a Cyrillic `с` and `csm` with a Latin `c` look the same on screen but are two
    ids: a `reports_to` or RACI entry typed with the other letter points at a role nobody
    meant, or at none. Such ids come from copy and paste between documents and keyboards, and
    from deliberate spoofing. csdesign already makes `café` one id however its accent is
    typed (NFC) and refuses invisible characters in ids; this rule catches the rest with
    Unicode's data (scripts, and the confusables of UTS #39): an id whose letters come from
    scripts that are not normally combined (Latin with Cyrillic or Greek; Latin with Han is
    fine), and two different ids that are confusable with each other.

    Fix: retype the id in one script (usually Latin or Chinese) wherever it is used.
    """,
)
def lookalike_id(ctx: LintContext) -> Iterator[Hit]:
    m = ctx.org.model
    sections: tuple[tuple[str, list[str]], ...] = (("roles", [r.id for r in m.roles]), ("positions", [p.id for p in m.positions or []]))
    for section, idents in sections:
        seen: dict[str, str] = {}  # skeleton -> first id with it
        for i, ident in enumerate(idents):
            key = _skeleton(ident)
            twin = seen.setdefault(key, ident)
            if twin != ident and not (ident.isascii() and twin.isascii()):  # l/1, O/0: not this rule
                odd = _foreign(ident, twin)
                yield Hit(
                    f"id '{ident}' looks like id '{twin}' but is a different id" + (f" ({odd})" if odd else ""),
                    path=(section, i, "id"), hint="retype it in one script; references typed the other way point at the other role",
                )
                continue
            if ident.isascii():
                continue
            scripts = _scripts(ident)
            if len(scripts) > 1 and not any(scripts <= allowed for allowed in _ALLOWED_SCRIPTS):
                yield Hit(
                    f"id '{ident}' mixes {' and '.join(s.title() for s in sorted(scripts))} letters ({_minority(ident, scripts)})",
                    path=(section, i, "id"), hint="retype it in one script",
                )


def _scripts(text: str) -> set[str]:
    from confusable_homoglyphs import categories

    return {categories.aliases_categories(ch)[0] for ch in text} - {"COMMON", "INHERITED", "Unknown"}


def _minority(text: str, scripts: set[str]) -> str:
    """The characters of the script used least in ``text``, described."""
    from confusable_homoglyphs import categories

    counts = {s: [ch for ch in text if categories.aliases_categories(ch)[0] == s] for s in scripts}
    fewest = min(sorted(counts), key=lambda s: len(counts[s]))
    return ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip() for ch in dict.fromkeys(counts[fewest]))


def _foreign(ident: str, twin: str) -> str:
    """The characters of ``ident`` that differ from ``twin``, described."""
    if len(ident) != len(twin):
        return ""
    return ", ".join(f"U+{ord(a):04X} {unicodedata.name(a, '')}".strip() for a, b in zip(ident, twin) if a != b)


def _skeleton(text: str) -> str:
    """UTS #39's skeleton, approximately: each character replaced by the smallest code point it
    is confusable with (so Cyrillic с and Latin c both become c)."""
    return "".join(_prototype(ch) for ch in unicodedata.normalize("NFD", text))


@lru_cache(maxsize=4096)
def _prototype(ch: str) -> str:
    candidates: list[str] = [ch, *(g["c"] for g in _confusables().get(ch, ()) if len(g["c"]) == 1)]
    return min(candidates)


@lru_cache(maxsize=1)
def _confusables() -> dict:
    from confusable_homoglyphs import utils

    table: dict = utils.load("confusables.json")
    return table
