"""Making user strings safe and measurable for every output target."""

from __future__ import annotations

import functools
import re
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
    text = str(text)
    if text.isprintable():  # no control, format, surrogate or unassigned character: nothing to drop
        return " ".join(text.split())
    return _clean_each(text)


def _clean_each(text: str) -> str:
    """:func:`clean` character by character (for text that has something to drop)."""
    out = []
    for ch in text:
        if ch in "\r\n\t\v\f":
            out.append(" ")
        elif (unicodedata.category(ch) in _CONTROL and ch not in _KEEP_FORMAT) or _noncharacter(ch):
            continue
        else:
            out.append(ch)
    return " ".join("".join(out).split())


#: Where a CJK title may break: before these suffix words (售前支持|经理), so a line never
#: splits a word such as 经理 or 工程师. Everything else in a CJK run stays together.
CJK_SUFFIXES = ("工程师", "分析师", "培训师", "负责人", "经理", "主管", "专员", "总监", "组长", "顾问", "代表",
                "助理", "专家", "客服", "主任", "部长", "总裁", "团队", "小组", "中心", "部门")
#: Break after these separators; never before closing punctuation.
_BREAK_AFTER = "·、，,/／&＆）)」』】"


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x3040 <= code <= 0x30FF or 0xAC00 <= code <= 0xD7AF


def segments(text: str) -> list[str]:
    """A title cut where a line may break: after spaces (Latin), and in CJK text before role
    suffix words, after separators and between CJK and Latin. Joined, they give ``text``
    back (cleaned). Shared by the HTML export (``<wbr>``) and slide/page wrapping."""
    text = clean(text)
    cuts: set[int] = set()
    for suffix in CJK_SUFFIXES:
        start = text.find(suffix, 1)
        while start > 0:
            if _is_cjk(text[start - 1]):
                cuts.add(start)
            start = text.find(suffix, start + 1)
    for i, ch in enumerate(text[:-1]):
        nxt = text[i + 1]
        if ch == " " or ch in _BREAK_AFTER:
            cuts.add(i + 1)
        elif (_is_cjk(ch) and nxt.isascii() and nxt.isalnum()) or (ch.isascii() and ch.isalnum() and _is_cjk(nxt)):
            cuts.add(i + 1)
    out, last = [], 0
    for cut in sorted(cuts):
        out.append(text[last:cut])
        last = cut
    out.append(text[last:])
    return [s for s in out if s]


def display_width(text: str) -> int:
    """Terminal cells / em-ish width: East Asian wide and fullwidth characters count 2."""
    if text.isascii():  # no ASCII character is wide or fullwidth
        return len(text)
    return _wide_width(text)


@functools.lru_cache(maxsize=8192)
def _wide_width(text: str) -> int:  # charts wrap the same titles (and their prefixes) box after box
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

    Escapes only what Markdown would read as markup: an underscore run inside a word
    (``cs_director``, ``a__b``) can neither open nor close emphasis, and an ``&`` that does not
    start an entity (``R&D``, ``A & B``) stays an ampersand, so both stay as typed and paste into
    Word or Feishu without stray backslashes. The one Markdown escaper: report,
    compare, recommend and diff Markdown all use it."""
    text = clean(text)
    out = []
    for i, ch in enumerate(text):
        if ch in _MD_SPECIAL and not (ch == "_" and _intraword(text, i)) and not (ch == "&" and not _entity_start(text, i)):
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")


def _entity_start(text: str, i: int) -> bool:
    """Whether ``text[i]`` (an ``&``) starts what Markdown reads as an entity (``&amp;``, ``&#60;``)."""
    return _ENTITY.match(text, i) is not None


def _intraword(text: str, i: int) -> bool:
    """Whether the underscore run through ``text[i]`` has a letter or digit on both sides."""
    start, end = i, i
    while start > 0 and text[start - 1] == "_":
        start -= 1
    while end + 1 < len(text) and text[end + 1] == "_":
        end += 1
    return start > 0 and end + 1 < len(text) and text[start - 1].isalnum() and text[end + 1].isalnum()
