"""Load YAML safely while remembering where every key and value came from.

PyYAML's loaders drop positions, silently keep the last of duplicate keys and resolve scalars
by YAML 1.1 (``no`` is false). We read PyYAML's event stream (libyaml when available) and
build the data ourselves, so that we can (a) record ``path -> (line, column)`` for every
mapping key and value, (b) report duplicate keys, (c) resolve scalars by the YAML 1.2 core
schema (:mod:`csdesign.model.yamlcore`), (d) cap alias expansion ("billion laughs"), nesting
and the bytes read, and (e) word every error ourselves (:mod:`csdesign.model.yamlerrors`).
Every string is normalised to Unicode NFC, so ``café`` typed two ways is one id.
"""

from __future__ import annotations

import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from csdesign.errors import InputError, Problem, Words
from csdesign.fileio import note_input
from csdesign.model import yamlcore
from csdesign.model.messages_zh import bilingual
from csdesign.model.yamlerrors import classify, reader_message, surrogate_message

try:  # the C parser is several times faster on large files
    from yaml import CSafeLoader as _Loader

    _LIBYAML = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _LIBYAML = False

#: Largest input accepted, in bytes actually read (documented in docs/limits.md).
MAX_BYTES = 20 * 1024 * 1024
#: Most YAML nodes that aliases may copy in (each ``*alias`` adds the size of its anchor).
MAX_ALIAS_NODES = 1_000_000

PathKey = tuple[str | int, ...]


@dataclass
class Located:
    """Parsed YAML data plus a map from data path to 1-based (line, column)."""

    data: Any
    file: str
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    text: str = ""

    def where(self, path: PathKey, *, key: bool = False) -> tuple[int | None, int | None]:
        """Best position for ``path``: the exact node, else its nearest located ancestor."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while True:
            if probe in table:
                return table[probe]
            if key and probe in self.positions:
                return self.positions[probe]
            if not probe:
                return (None, None)
            probe = probe[:-1]


def format_path(path: PathKey) -> str:
    """``("roles", 3, "reports_to")`` -> ``roles[3].reports_to``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _unreadable(name: str, message: str, hint: str | None = None) -> InputError:
    return InputError(message, problems=[Problem(message, name, hint=hint)])


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, at most ``limit`` of them, with clear errors for the usual traps.

    The limit counts bytes actually read, not the size the filesystem reports: a device
    (``/dev/zero``), a pipe or a file that grows is refused as soon as it passes the limit.
    """
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _unreadable(name, "file not found", "check the path") from None
    except PermissionError:  # a directory on the way cannot be entered
        raise _unreadable(name, "permission denied", "check the permissions of the file and the directories above it") from None
    except OSError as exc:
        raise _unreadable(name, f"cannot read file: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise _unreadable(name, "is a directory, not a YAML file", "pass the org file inside it")
    note_input(path, info)  # no output of this run may overwrite it
    regular = stat.S_ISREG(info.st_mode)
    if regular and info.st_size > limit:
        raise _too_big(name, f"file is {info.st_size / 1048576:.1f} MiB, larger than the {limit // 1048576} MiB limit")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)  # loops until limit + 1 bytes or the end, also on pipes
    except PermissionError:
        raise _unreadable(name, "permission denied", "check the file's read permissions") from None
    except OSError as exc:
        raise _unreadable(name, f"cannot read file: {exc.strerror}") from None
    if len(raw) > limit:
        if regular:
            raise _too_big(name, f"file grew past the {limit // 1048576} MiB limit while it was read (reading stopped there)")
        raise _unreadable(
            name, f"input is not a regular file and gave more than the {limit // 1048576} MiB limit (reading stopped there)",
            "pass an org file; a device such as /dev/zero, or a pipe that never ends, is not one",
        )
    return raw


def _too_big(name: str, message: str) -> InputError:
    return _unreadable(name, message, "split the org into smaller files")


def read_text(path: Path) -> str:
    """Read a UTF-8 (optionally BOM-prefixed) text file, with clear errors for the usual traps.
    ``-`` is standard input (see :mod:`csdesign.model.stdin`)."""
    from csdesign.model import stdin

    if stdin.is_stdin(path):
        return decode(stdin.read_bytes(MAX_BYTES), stdin.name())
    return decode(read_bytes(path), str(path))


def decode(raw: bytes, name: str) -> str:
    """Decode bytes as UTF-8, accepting a BOM; name GBK when that is what it looks like."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = "save the file as UTF-8"
        try:
            raw.decode("gb18030")
            hint = "it looks like GBK/GB18030-encoded Chinese; re-save it as UTF-8 (e.g. iconv -f GBK -t UTF-8)"
        except UnicodeDecodeError:
            pass
        raise InputError(
            "not UTF-8",
            problems=[Problem(bilingual("file is not valid UTF-8 (byte 0x{byte:02x})", byte=raw[exc.start]), name, line, col, hint=bilingual(hint))],
        ) from None


_FULLWIDTH_KEY = re.compile(r"^(\s*(?:-\s+)?[^\s#:：'\"]+\s*)：")


def _fullwidth_colon(text: str, error_line: int) -> tuple[int, int] | None:
    """(line, column) of a key written with '：' on the error line or the 3 lines above it."""
    lines = text.splitlines()
    for i in range(min(error_line, len(lines) - 1), max(error_line - 4, -1), -1):
        m = _FULLWIDTH_KEY.match(lines[i])
        if m:
            return i + 1, len(m.group(1)) + 1
    return None


def load(text: str, name: str) -> Located:
    """Parse YAML text into plain data with positions; raise InputError with a location.

    Built straight from the parser's event stream (libyaml when available), not from
    ``yaml.compose``: that is iterative (no recursion, so deep nesting cannot crash the
    process), about twice as fast on large files, knows where every alias is used, and
    counts alias expansion before materialising anything, so an alias bomb fails at once.
    """
    located = Located(data=None, file=name, text=text)
    try:
        located.data = _Builder(located).run(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if _is_nesting_limit(exc):
            # libyaml (0.2.5+, bundled in PyYAML >= 6.0.4 wheels) stops at its own nesting
            # limit while scanning ahead, before our depth check sees the events. Classify
            # the condition and let the pure-Python parser, which has no limit of its own,
            # reach MAX_DEPTH so the message and location are csdesign's on every version.
            located = Located(data=None, file=name, text=text)
            try:
                _Builder(located).run(yaml.parse(text, Loader=yaml.SafeLoader))
            except InputError:
                raise
            except yaml.YAMLError:
                pass
            msg = bilingual(_DEPTH, limit=MAX_DEPTH)
            line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
            raise InputError(msg, problems=[Problem(msg, name, line, col, hint=bilingual(_DEPTH_HINT))]) from None
        msg, line, col, hint = classify(exc, text)
        if "tab" not in msg.en and "quoted" not in msg.en and mark is not None and (colon := _fullwidth_colon(text, mark.line)) is not None:
            line, col = colon
            hint = bilingual("'：' is a full-width (Chinese) colon; YAML needs an ASCII ':' followed by a space")
        raise InputError(msg, problems=[Problem(msg, name, line, col, hint=hint)]) from None
    except yaml.reader.ReaderError as exc:  # control characters and other unreadable input
        line, col = _byte_position(text, exc.position)
        msg, hint = reader_message(exc)
        raise InputError(msg, problems=[Problem(msg, name, line, col, hint=hint)]) from None
    except yaml.YAMLError:
        msg = bilingual("YAML syntax error: the file cannot be parsed as YAML")
        raise InputError(msg, problems=[Problem(msg, name, None, None, hint=bilingual("check it with a YAML linter, e.g. yamllint"))]) from None
    return located


def _is_nesting_limit(exc: yaml.MarkedYAMLError) -> bool:
    """True when the parser gave up on nesting depth (libyaml words it "exceeded maximum
    nesting depth"; matched loosely so a rewording upstream still classifies)."""
    text = f"{exc.problem or ''} {exc.context or ''}".lower()
    return "nesting" in text or "depth" in text


def _byte_position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column in characters) of a reader error's offset: a UTF-8 byte offset
    from libyaml, a character offset from the pure-Python reader."""
    if not _LIBYAML:  # pragma: no cover - PyYAML built without libyaml
        before = text[: max(0, offset)]
        return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
    raw = text.encode("utf-8", "surrogatepass")[:offset]
    start = raw.rfind(b"\n") + 1
    return raw.count(b"\n") + 1, len(raw[start:].decode("utf-8", "replace")) + 1


#: Deepest nesting of mappings/lists accepted (an org file needs about 5).
MAX_DEPTH = 100
_DEPTH = "YAML nesting is deeper than {limit} levels"
_DEPTH_HINT = "an org file needs only a few levels; flatten the data"


@dataclass
class _Anchor:
    value: Any
    size: int  # nodes, after expanding the aliases inside it
    entries: list[tuple[bool, PathKey, tuple[int, int]]]  # (is_key, path relative to the anchor, position)
    text: str | None = None  # a scalar's source text (for use as a key)


class _Frame:
    __slots__ = ("kind", "path", "value", "start", "anchor", "log_start", "pending_key", "merges", "explicit")

    def __init__(self, kind: str, path: PathKey, value: Any, start: Any, anchor: str | None, log_start: int):
        self.kind = kind
        self.path = path
        self.value = value
        self.start = start
        self.anchor = anchor
        self.log_start = log_start
        self.pending_key: Any = _NO_KEY
        self.merges: list[dict] = []
        self.explicit: set = set()


_NO_KEY = object()
_MERGE_KEY = object()
_TAG_HINT = "csdesign loads YAML with a safe loader; remove the tag"


class _Builder:
    """Plain data plus positions from a YAML event stream, with duplicate keys, tags, merge
    keys, depth and alias expansion checked as it goes."""

    def __init__(self, located: Located):
        self.located = located
        self.anchors: dict[str, _Anchor] = {}
        self.log: list[tuple[bool, PathKey, tuple[int, int]]] = []
        self.nodes = 0  # every node, aliased copies included (anchor sizes are differences)
        self.copied = 0  # nodes copied in by aliases: what MAX_ALIAS_NODES limits
        self.documents = 0

    def fail(self, msg: Words, mark: Any, hint: Words | None = None, path: PathKey | None = None) -> None:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        raise InputError(msg, problems=[Problem(msg, self.located.file, line, col, path=_fmt(path) if path else None, hint=hint)])

    def note(self, is_key: bool, path: PathKey, mark: Any, force: bool = False) -> None:
        """Remember a position; the first one wins, except that explicit keys beat merged ones."""
        where = (mark.line + 1, mark.column + 1)
        table = self.located.key_positions if is_key else self.located.positions
        if force or path not in table:
            table[path] = where
            self.log.append((is_key, path, where))

    def copy_in(self, n: int, mark: Any) -> None:
        self.nodes += n
        self.copied += n
        if self.copied > MAX_ALIAS_NODES:
            self.fail(
                bilingual("aliases expand to more than {limit:,} YAML nodes (an alias bomb?)", limit=MAX_ALIAS_NODES), mark,
                hint=bilingual("an org file needs few aliases; remove nested aliases or write the values out"),
            )

    def check_tag(self, tag: str | None, mark: Any, kind: str) -> None:
        """Refuse tags a safe org file never needs; ``kind`` is scalar, map or seq."""
        if not tag or tag == "!":
            return
        if tag.startswith(yamlcore.PREFIX + "python/"):
            self.fail(bilingual("YAML tag {tag} is not allowed", tag=yamlcore.short_tag(tag)), mark, hint=bilingual(_TAG_HINT))
        if not tag.startswith(yamlcore.PREFIX):  # local (!include) and other vocabularies
            self.fail(bilingual("YAML tag {tag} is not allowed", tag=tag), mark, hint=bilingual(_TAG_HINT))
        if kind == "map" and tag != yamlcore.MAP or kind == "seq" and tag != yamlcore.SEQ:
            template = "YAML tag {tag} cannot be put on a mapping" if kind == "map" else "YAML tag {tag} cannot be put on a list"
            if tag in (yamlcore.MAP, yamlcore.SEQ, yamlcore.STR, yamlcore.INT, yamlcore.FLOAT, yamlcore.BOOL, yamlcore.NULL):
                self.fail(bilingual(template, tag=yamlcore.short_tag(tag)), mark, hint=bilingual("remove the tag"))
            problem = yamlcore.unsupported(tag)
            self.fail(problem.message, mark, hint=problem.hint)

    def scalar(self, ev: Any, key: bool = False) -> Any:
        """The value of a scalar event; a merge key when ``key`` and it is ``<<``."""
        tag, text = ev.tag, ev.value
        try:
            if tag is None:
                if not ev.implicit[0]:  # quoted, or a | > block: always text
                    value = text
                elif key and text == "<<":
                    return _MERGE_KEY
                else:
                    value = yamlcore.resolve_plain(text)
            elif tag == "!":
                value = text
            elif key and tag == yamlcore.MERGE:
                return _MERGE_KEY
            else:
                value = yamlcore.resolve_tagged(tag, text)
        except yamlcore.ScalarProblem as problem:
            self.fail(problem.message, ev.start_mark, hint=problem.hint)
        if isinstance(value, str) and not value.isascii():
            if any("\ud800" <= ch <= "\udfff" for ch in value):
                msg, hint = surrogate_message(value)
                self.fail(msg, ev.start_mark, hint=hint)
            value = unicodedata.normalize("NFC", value)
        return value

    def run(self, events: Any) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        for ev in events:
            cls = type(ev)
            if cls is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.fail(bilingual("YAML syntax error: the file holds more than one YAML document"), ev.start_mark, hint=bilingual("keep one document; remove the extra `---`"))
                continue
            if cls in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                continue
            if cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                frame = stack.pop()
                value = frame.value
                if frame.kind == "map" and frame.merges:
                    value = self.merge(frame, value)
                if frame.anchor is not None:
                    entries = [(k, p[len(frame.path):], w) for k, p, w in self.log[frame.log_start:]]
                    self.anchors[frame.anchor] = _Anchor(value, self.nodes - frame.start, entries)
                root = self.attach(stack, value, ev, done=True)
                continue
            # a node starts: a scalar, an alias, or a collection
            parent = stack[-1] if stack else None
            is_key = parent is not None and parent.kind == "map" and parent.pending_key is _NO_KEY
            if is_key:
                if cls is not yaml.ScalarEvent and cls is not yaml.AliasEvent:
                    self.fail(bilingual("mapping keys must be plain strings"), ev.start_mark, hint=bilingual("a key is a name; write `name: value`"))
                self.nodes += 1
                if cls is yaml.ScalarEvent:
                    self.check_tag(ev.tag, ev.start_mark, "scalar")
                key = self.key_of(ev)
                self.add_key(parent, key, ev)
                continue
            path = self.child_path(parent)
            self.note(False, path, ev.start_mark, force=parent is not None and parent.pending_key is not _MERGE_KEY)
            if cls is yaml.AliasEvent:
                anchor = self.anchor(ev)
                self.copy_in(anchor.size, ev.start_mark)
                for k, rel, where in anchor.entries:
                    table = self.located.key_positions if k else self.located.positions
                    table.setdefault(path + rel, where)
                # shared, not copied: nothing mutates the data once built, and a bomb that
                # stays under the limit costs no copying
                root = self.attach(stack, anchor.value, ev)
                continue
            start = self.nodes
            self.nodes += 1
            if cls is yaml.ScalarEvent:
                self.check_tag(ev.tag, ev.start_mark, "scalar")
                value = self.scalar(ev)
                if ev.anchor is not None:
                    self.anchors[ev.anchor] = _Anchor(value, 1, [], ev.value)
                root = self.attach(stack, value, ev)
                continue
            kind = "map" if cls is yaml.MappingStartEvent else "seq"
            self.check_tag(ev.tag, ev.start_mark, kind)
            if len(stack) >= MAX_DEPTH:
                self.fail(bilingual(_DEPTH, limit=MAX_DEPTH), ev.start_mark, hint=bilingual(_DEPTH_HINT))
            stack.append(_Frame(kind, path, {} if kind == "map" else [], start, ev.anchor, len(self.log)))
        return root

    def anchor(self, ev: Any) -> _Anchor:
        anchor = self.anchors.get(ev.anchor)
        if anchor is None:
            self.fail(bilingual("YAML syntax error: alias *{name} is used before its anchor &{name} is defined", name=ev.anchor), ev.start_mark,
                      hint=bilingual("define the anchor first, above the alias"))
        assert anchor is not None
        return anchor

    def key_of(self, ev: Any) -> Any:
        """A mapping key as a string: numbers and booleans as written (``1:`` and ``true:`` are
        the keys "1" and "true", as editors read them); a null key is an error."""
        if type(ev) is yaml.AliasEvent:
            anchor = self.anchor(ev)
            if isinstance(anchor.value, (dict, list)):
                self.fail(bilingual("mapping keys must be plain strings"), ev.start_mark, hint=bilingual("a key is a name; write `name: value`"))
            value, text = anchor.value, anchor.text
        else:
            value, text = self.scalar(ev, key=True), ev.value
        if value is _MERGE_KEY or isinstance(value, str):
            return value
        if value is None:
            msg = bilingual("a mapping key is empty (null): `{text}`", text=text) if text else bilingual("a mapping key is empty (null): nothing")
            self.fail(msg, ev.start_mark, hint=bilingual("write a name before the ':', or quote the key if it is meant as text"))
        return unicodedata.normalize("NFC", text or str(value))

    def child_path(self, parent: _Frame | None) -> PathKey:
        if parent is None:
            return ()
        if parent.kind == "seq":
            return parent.path + (len(parent.value),)
        if parent.pending_key is _MERGE_KEY:  # merged keys land in the mapping itself
            return parent.path
        return parent.path + (parent.pending_key,)

    def add_key(self, frame: _Frame, key: Any, ev: Any) -> None:
        if key is _MERGE_KEY:
            frame.pending_key = _MERGE_KEY
            return
        child = frame.path + (key,)
        if key in frame.value:
            first = self.located.key_positions.get(child, (None, None))[0]
            self.fail(
                bilingual("duplicate key '{key}' (first defined on line {line})", key=key, line=first) if first else bilingual("duplicate key '{key}'", key=key), ev.start_mark,
                hint=bilingual("remove or merge one of them; YAML would silently keep only the last"), path=child,
            )
        frame.explicit.add(key)
        self.note(True, child, ev.start_mark, force=True)
        frame.pending_key = key
        frame.value[key] = None  # keeps declaration order and catches a duplicate at once

    def attach(self, stack: list[_Frame], value: Any, ev: Any, done: bool = False) -> Any:
        if not stack:
            return value
        parent = stack[-1]
        if parent.kind == "seq":
            parent.value.append(value)
        elif parent.pending_key is _MERGE_KEY:
            sources = value if isinstance(value, list) else [value]
            for src in sources:
                if not isinstance(src, dict):
                    self.fail(bilingual("`<<` merge key needs a mapping or a list of mappings"), ev.start_mark, hint=bilingual("write `<<: *anchor` where &anchor names a mapping"))
                parent.merges.append(src)
            parent.pending_key = _NO_KEY
        else:
            parent.value[parent.pending_key] = value
            parent.pending_key = _NO_KEY
        return None

    def merge(self, frame: _Frame, value: dict) -> dict:
        """``<<: *anchor``: merged keys first, explicit keys win, earlier sources win."""
        out: dict = {}
        for src in frame.merges:
            for k, v in src.items():
                if k not in frame.explicit and k not in out:
                    out[k] = v
        out.update(value)
        return out


def _fmt(path: PathKey) -> str:
    return format_path(path)
