"""YAML syntax errors in csdesign's words.

libyaml and PyYAML's pure-Python parser word the same condition differently, and both reword
between releases (PyYAML 6.0.4's bundled libyaml added its own nesting limit). So the parser's
text is never shown: :func:`classify` sorts the error into a class by the parser's context
and problem (matched loosely, both spellings) and the character at the error, and words the
message and the fix itself. An error no class matches still gets a located, generic message.
"""

from __future__ import annotations

import re
from typing import Any

from csdesign.errors import Words
from csdesign.model.messages_zh import bilingual

_SYNTAX = "YAML syntax error: "

#: (words in the parser's context and problem, message, hint); first match wins.
_CLASSES: list[tuple[tuple[str, ...], str, str | None]] = [
    (("nesting",), "", None),  # handled by the caller (MAX_DEPTH)
    (("tab character",), "a tab character cannot indent YAML", "indent with spaces"),
    (("quoted scalar", "end of stream"), "a quoted string is never closed", "add the closing quote"),
    (("quoted scalar", "document"), "a quoted string is never closed", "add the closing quote"),
    (("quoted scalar", "unicode"), "", None),  # a bad \\u escape: worded by _escape()
    (("quoted scalar", "escape"), "", None),
    (("quoted scalar", "hexadecimal"), "", None),
    (("simple key", "':'"), "a key is missing its ':'", "write `key: value`, with a space after the colon"),
    (("mapping values",), "a ':' is not allowed here", "a value that contains ': ' must be quoted; otherwise check the indentation"),
    (("sequence entries",), "a list item ('- ') is not allowed here", "start the list on the line after its key, indented"),
    (("mapping keys",), "a '?' key is not allowed here", "check the indentation"),
    (("flow sequence",), "a '[' list is not closed, or its items are not separated by ','", "close it with ']' and separate items with ', '"),
    (("flow mapping",), "a '{' mapping is not closed, or its entries are not separated by ','", "close it with '}' and separate entries with ', '"),
    (("block mapping",), "this line is not indented like the keys above it", "keys of one mapping line up exactly; indent with spaces"),
    (("block collection",), "this line is not indented like the list items above it", "items of one list line up exactly, each starting with '- '"),
    (("anchor",), "an anchor '&' must be followed by a name", "quote the value if '&' is part of the text"),
    (("alias",), "an alias '*' must be followed by a name", "quote the value if '*' is part of the text"),
    (("directive",), "a '%' directive is malformed", "remove the line starting with '%'"),
    (("tag handle",), "unknown tag handle", "remove the tag (a value starting with '!' must be quoted)"),
    (("tag",), "a tag ('!') is malformed", "remove the tag (a value starting with '!' must be quoted)"),
    (("block scalar",), "a '|' or '>' block is malformed", "write '|' or '>' alone after the key and indent the text below it"),
    (("document",), "content after the end of the document", "remove the '...' line or what follows it"),
    (("node content",), "a value is expected here", "write the value, or quote it"),
    (("cannot start any token",), "", None),  # worded by _bad_start()
]


def classify(exc: Any, text: str) -> tuple[Words, int | None, int | None, Words | None]:
    """(message, line, column, hint) for a PyYAML ``MarkedYAMLError`` on ``text``."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    said = f"{exc.context or ''} | {exc.problem or ''}".lower()
    at = _char_at(text, mark.line, mark.column) if mark is not None else ""
    if at == "\t" and "quoted" not in said:
        return bilingual(_SYNTAX) + bilingual("a tab character cannot indent YAML"), line, col, bilingual("indent with spaces")
    for words, message, hint in _CLASSES:
        if all(w in said for w in words):
            if words in (("quoted scalar", "end of stream"), ("quoted scalar", "document")) and exc.context_mark is not None:
                line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
            if not message:
                if "cannot start any token" in said:
                    msg, hint = _bad_start(at)
                    return msg, line, col, hint
                if "quoted scalar" in said:
                    msg, hint, at_col = _escape(text, exc)
                    return msg, line, at_col or col, hint
                continue
            return bilingual(_SYNTAX) + bilingual(message), line, col, bilingual(hint) if hint else None
    return bilingual(_SYNTAX) + bilingual("this is not valid YAML"), line, col, bilingual("check the quotes, colons and indentation here and on the line above")


def _bad_start(ch: str) -> tuple[Words, Words]:
    if ch in ("@", "`", "%"):
        return bilingual(_SYNTAX) + bilingual("a value cannot start with '{char}'", char=ch), bilingual("quote the value")
    if ch.isprintable() and ch.strip():
        return bilingual(_SYNTAX) + bilingual("unexpected character '{char}'", char=ch), bilingual("quote the value")
    return bilingual(_SYNTAX) + bilingual("unexpected character"), bilingual("quote the value")


_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{0,2}|u[0-9A-Fa-f]{0,4}|U[0-9A-Fa-f]{0,8}|.)", re.S)


def _escape(text: str, exc: Any) -> tuple[Words, Words, int | None]:
    """A bad backslash escape in a double-quoted string, named as written: (message, hint,
    1-based column of the backslash)."""
    hint = bilingual(r"in double quotes a backslash starts an escape such as \n or \u4E2D; write \\ for a backslash, or use single quotes")
    mark = exc.problem_mark
    written, column = "", None
    if mark is not None:
        lines = text.split("\n")
        row = lines[mark.line] if mark.line < len(lines) else ""
        back = row.rfind("\\", 0, mark.column + 1)
        if back >= 0:
            m = _ESCAPE.match(row, back)
            written, column = (m.group(0) if m else ""), back + 1
    if written[:2].lower() == "\\u" and len(written) > 2:
        code = int(written[2:], 16)
        if 0xD800 <= code <= 0xDFFF:
            return bilingual(_SYNTAX) + bilingual(_SURROGATE, escape=written), bilingual(_SURROGATE_HINT), column
        return bilingual(_SYNTAX) + bilingual("the escape {escape} is not a valid character", escape=written), hint, column
    if written:
        return bilingual(_SYNTAX) + bilingual("invalid escape {escape} in a double-quoted string", escape=written), hint, column
    return bilingual(_SYNTAX) + bilingual("invalid escape in a double-quoted string"), hint, column


_SURROGATE = "the escape {escape} is half of a UTF-16 surrogate pair, not a character"
_SURROGATE_HINT = "write the character itself, or escape the whole character, e.g. \\U0001F600"


def surrogate_message(value: str) -> tuple[Words, Words]:
    """A string holding a lone surrogate (possible with the pure-Python parser)."""
    code = next(ord(c) for c in value if 0xD800 <= ord(c) <= 0xDFFF)
    return bilingual(_SYNTAX) + bilingual(_SURROGATE, escape=f"\\u{code:04x}"), bilingual(_SURROGATE_HINT)


def reader_message(exc: Any) -> tuple[Words, Words]:
    """A character the YAML reader refuses (control characters and the like)."""
    char = exc.character
    hint = bilingual("remove the character, or write it as an escape inside double quotes")
    if isinstance(char, int):
        return bilingual("YAML error: control character U+{code:04X} is not allowed", code=char), hint
    return bilingual("YAML error: a character that YAML does not allow"), hint


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""
