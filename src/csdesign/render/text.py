"""Making user strings safe and measurable for every output target."""

from __future__ import annotations

import unicodedata

#: Control, format and surrogate characters (the latter two are not valid XML either).
_CONTROL = {"Cc", "Cf", "Cs"}
# Bidi and zero-width format characters are kept (they are text); other controls go.
_KEEP_FORMAT = {"\u200e", "\u200f", "\u200d", "\u200c"}


def _noncharacter(ch: str) -> bool:
    """U+FDD0..U+FDEF and U+xxFFFE/U+xxFFFF: never text, and invalid in XML (SVG, HTML)."""
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def clean(text: str) -> str:
    """One display line: newlines/tabs become spaces; control, surrogate and non-characters
    are dropped, so the text is valid in every target (XML included)."""
    out = []
    for ch in str(text):
        if ch in "\r\n\t\v\f":
            out.append(" ")
        elif (unicodedata.category(ch) in _CONTROL and ch not in _KEEP_FORMAT) or _noncharacter(ch):
            continue
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def display_width(text: str) -> int:
    """Terminal cells / em-ish width: East Asian wide and fullwidth characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def dot_escape(text: str) -> str:
    """Escape for a DOT double-quoted string: backslashes literal (so ``\\N`` shows as typed)."""
    return clean(text).replace("\\", "\\\\")


#: Characters that start inline Markdown (GFM) markup, HTML, entities, math, end a table cell or
#: close an ATX heading. Other line-start markup (-, +, 1.) needs no escape: callers never start
#: a line with user text.
_MD_SPECIAL = set("\\`*_[]<>|~&$#")


def md_escape(text: str) -> str:
    """User text in a Markdown (GFM) heading, table cell or after a list marker: shown literally.

    The one Markdown escaper: report, compare, recommend and diff Markdown all use it."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in clean(text))
