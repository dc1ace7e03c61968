"""Character classes the schema and the loader share (pydantic-free, cheap to import).

They are written as explicit character lists, not ``\\s`` or ``\\p{…}``, because the same
pattern runs in three regex engines that disagree on those shorthands: Python's ``re``
(the ``jsonschema`` package), Rust's ``regex`` (pydantic) and ECMAScript (editors).
"""

from __future__ import annotations

import unicodedata

#: What trimming removes and what a blank text is made of: Python's whitespace (every
#: character whose ``str.isspace()`` is true; a test keeps the list complete) plus U+FEFF,
#: which ECMAScript counts as whitespace too.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)

#: Invisible characters an id may not contain: C0/C1 controls and Unicode's
#: Default_Ignorable_Code_Point (zero-width spaces and joiners, bidi controls, soft hyphen,
#: variation selectors, Hangul fillers, tag characters …). Ranges, inclusive.
INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x0000, 0x001F), (0x007F, 0x009F), (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C),
    (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)

#: Visible characters an id may not contain (they mean something in YAML flow style or to us).
ID_PUNCTUATION = ",[]{}#:@"


def _class_body(ranges: list[tuple[int, int]]) -> str:
    parts = []
    for lo, hi in _merged(ranges):
        parts.append(_lit(lo) if lo == hi else f"{_lit(lo)}-{_lit(hi)}")
    return "".join(parts)


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _lit(code: int) -> str:
    ch = chr(code)
    return "\\" + ch if ch in "\\]^-[" else ch


_WS_RANGES = [(ord(c), ord(c)) for c in WHITESPACE]
_PUNCT_RANGES = [(ord(c), ord(c)) for c in ID_PUNCTUATION]

#: A character an id may not contain: whitespace, invisible or ``, [ ] { } # : @`` (searched:
#: the JSON Schema says ``"not": {"pattern": ID_FORBIDDEN}``, which needs no anchors, whose
#: meaning differs between the engines: Python's ``$`` also matches before a final newline).
ID_FORBIDDEN = "[" + _class_body(_WS_RANGES + list(INVISIBLE_RANGES) + _PUNCT_RANGES) + "]"
#: A text that is not blank: at least one character that is not whitespace (searched).
NONBLANK_PATTERN = "[^" + _class_body(_WS_RANGES) + "]"


def is_invisible(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in INVISIBLE_RANGES)


def describe(ch: str) -> str:
    """``U+200B (ZERO WIDTH SPACE)``."""
    name = unicodedata.name(ch, "")
    if not name and unicodedata.category(ch) == "Cc":
        name = "a control character"
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def shown(text: str, limit: int = 60) -> str:
    """``'a\\u200bb'``: quoted, with invisible characters and controls written as escapes."""
    out = "".join(_escaped(ch) if is_invisible(ch) or (ch in WHITESPACE and ch != " ") else ch for ch in text)
    if len(out) > limit:
        out = out[: limit - 3] + "..."
    return f"'{out}'"


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def strip(text: str) -> str:
    return text.strip(WHITESPACE)
