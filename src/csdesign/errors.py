"""One error type for everything a user can cause, with a location and a fix.

The CLI catches :class:`CsdesignError`, prints ``file:line:col: message`` and exits with
its ``exit_code``; nothing below the CLI prints or exits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Exit codes, documented in docs/cli.md.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class Words(str):
    """One message in English (the string itself) and in Chinese (``zh``), made by
    :func:`csdesign.model.messages_zh.bilingual`: the loader's and builder's messages reach
    `lint --lang zh` in Chinese, while every other caller, which takes them as plain strings,
    keeps the English."""

    zh: str

    def __new__(cls, en: str, zh: str) -> "Words":
        self = super().__new__(cls, en)
        self.zh = zh
        return self

    @property
    def en(self) -> str:
        return str.__str__(self)

    def __add__(self, other: str) -> "Words":
        if isinstance(other, Words):
            return Words(self.en + other.en, self.zh + other.zh)
        return Words(self.en + other, self.zh + other)

    def __radd__(self, other: str) -> "Words":
        return Words(other + self.en, other + self.zh)

    def __repr__(self) -> str:
        return f"Words({self.en!r}, {self.zh!r})"


@dataclass
class Problem:
    """One located problem inside an input file. ``message`` and ``hint`` may be given as
    :class:`Words`; they are stored as the English, with the Chinese in ``message_zh`` and
    ``hint_zh`` (None where there is no Chinese wording: then both languages show the English)."""

    message: str
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    path: str | None = None  # e.g. roles[3].reports_to
    hint: str | None = None
    code: str = "S001"
    message_zh: str | None = None
    hint_zh: str | None = None

    def __post_init__(self) -> None:
        message, hint = self.message, self.hint
        if isinstance(message, Words):
            self.message, self.message_zh = message.en, message.zh
        if isinstance(hint, Words):
            self.hint, self.hint_zh = hint.en, hint.zh

    def worded(self, lang: str) -> tuple[str, str | None]:
        """(message, hint) in ``lang`` (en | zh)."""
        if lang != "zh":
            return self.message, self.hint
        return self.message_zh or self.message, self.hint_zh or self.hint

    def location(self) -> str:
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def render(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return printable(text)


class CsdesignError(Exception):
    """A failure the user caused and can fix; carries one or more located problems."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, problems: list[Problem] | None = None, hint: str | None = None):
        message = str.__str__(message)  # plain text (the English of Words)
        super().__init__(message)
        self.message = message
        self.problems: list[Problem] = problems or []
        self.hint = hint

    def render(self) -> str:
        if self.problems:
            return "\n".join(p.render() for p in self.problems)
        return printable(self.message + (f" ({self.hint})" if self.hint else ""))


class InputError(CsdesignError):
    """The input file cannot be read, parsed or validated."""


class ModelError(CsdesignError):
    """The file is valid YAML and schema but describes an impossible org (cycles, bad refs)."""


class OutputError(CsdesignError):
    """An output cannot be written or rendered."""


#: Characters that would act on a terminal or log instead of showing: C0/C1 controls and DEL,
#: line/paragraph separators, and bidi embeddings/overrides/isolates ("Trojan Source").
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: "re.Match[str]") -> str:
    ch = m.group()
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def printable(text: str) -> str:
    """``text`` for one line of a terminal, log or CI annotation: control characters shown as
    escapes (``a\\nb``, ``\\x1b``, ``\\u202e``), so a file name or title can never start a
    new line (``::error``), move the cursor or reorder the text. Everything else is kept."""
    return _UNPRINTABLE.sub(_escape, str(text))


def did_you_mean(value: str, options: "Iterable[str]", cutoff: float = 0.6, quote: str = "'") -> str:
    """``"; did you mean 'x'?"`` naming the option closest to ``value``, or ``""`` if none is close."""
    return suggest(value, options, cutoff, quote).en


def suggest(value: str, options: "Iterable[str]", cutoff: float = 0.6, quote: str = "'") -> Words:
    """:func:`did_you_mean` in both languages (empty when no option is close)."""
    import difflib

    close = difflib.get_close_matches(value, list(options), n=1, cutoff=cutoff)
    if not close:
        return Words("", "")
    shown = f"{quote}{close[0]}{quote}"
    return Words(f"; did you mean {shown}?", f"；是否想写 {shown}？")
