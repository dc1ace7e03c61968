"""Load YAML safely while remembering where every key and value came from.

PyYAML's loaders drop positions and silently keep the last of duplicate keys. We compose the
node tree with the safe loader (C-accelerated when available), then convert it ourselves so
that we can (a) record ``path -> (line, column)`` for every mapping key and value, (b) report
duplicate keys, (c) cap alias expansion ("billion laughs") and input size.
"""

from __future__ import annotations

import copy
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from csdesign.errors import InputError, Problem
from csdesign.fileio import note_input

try:  # the C composer is several times faster on large files
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Largest input file accepted, in bytes (documented in docs/limits.md).
MAX_BYTES = 20 * 1024 * 1024
#: Most YAML nodes materialised after alias expansion.
MAX_NODES = 1_000_000

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


def read_text(path: Path) -> str:
    """Read a UTF-8 (optionally BOM-prefixed) text file, with clear errors for the usual traps.
    ``-`` is standard input (see :mod:`csdesign.model.stdin`)."""
    from csdesign.model import stdin

    if stdin.is_stdin(path):
        return decode(stdin.read_bytes(MAX_BYTES), stdin.name())
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
    size = info.st_size
    if size > MAX_BYTES:
        raise _unreadable(name, f"file is {size / 1048576:.1f} MiB, larger than the {MAX_BYTES // 1048576} MiB limit", "split the org into smaller files")
    try:
        raw = path.read_bytes()
    except PermissionError:
        raise _unreadable(name, "permission denied", "check the file's read permissions") from None
    except OSError as exc:
        raise _unreadable(name, f"cannot read file: {exc.strerror}") from None
    return decode(raw, name)


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
            problems=[Problem(f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})", name, line, col, hint=hint)],
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
            mark = exc.problem_mark or exc.context_mark
            msg = f"YAML nesting is deeper than {MAX_DEPTH} levels"
            line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
            raise InputError(msg, problems=[Problem(msg, name, line, col, hint=_DEPTH_HINT)]) from None
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        msg = f"YAML syntax error: {exc.problem or exc.context}"
        hint = None
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            hint = "YAML does not allow tabs for indentation; use spaces"
        elif exc.context and "quoted scalar" in exc.context and exc.context_mark is not None:
            msg = "YAML syntax error: a quoted string is never closed"
            line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
            hint = "add the closing quote"
        elif mark is not None and (colon := _fullwidth_colon(text, mark.line)) is not None:
            line, col = colon
            hint = "'：' is a full-width (Chinese) colon; YAML needs an ASCII ':' followed by a space"
        raise InputError(msg, problems=[Problem(msg, name, line, col, hint=hint)]) from None
    except yaml.reader.ReaderError as exc:  # control characters and other unreadable input
        line, col = _byte_position(text, exc.position)
        msg = f"YAML error: {exc.reason} (character U+{exc.character:04X})" if isinstance(exc.character, int) else f"YAML error: {exc.reason}"
        raise InputError(msg, problems=[Problem(msg, name, line, col, hint="remove the character, or write it as an escape inside double quotes")]) from None
    except yaml.YAMLError as exc:
        msg = f"YAML error: {exc}".splitlines()[0]
        raise InputError(msg, problems=[Problem(msg, name, None, None)]) from None
    return located


def _is_nesting_limit(exc: yaml.MarkedYAMLError) -> bool:
    """True when the parser gave up on nesting depth (libyaml words it "exceeded maximum
    nesting depth"; matched loosely so a rewording upstream still classifies)."""
    text = f"{exc.problem or ''} {exc.context or ''}".lower()
    return "nesting" in text or "depth" in text


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def _byte_position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column in characters) of a UTF-8 byte offset into ``text``."""
    raw = text.encode("utf-8", "surrogatepass")[:offset]
    start = raw.rfind(b"\n") + 1
    return raw.count(b"\n") + 1, len(raw[start:].decode("utf-8", "replace")) + 1


#: Deepest nesting of mappings/lists accepted (an org file needs about 5).
MAX_DEPTH = 100
_DEPTH_HINT = "an org file needs only a few levels; flatten the data"

_resolver = yaml.resolver.Resolver()
_constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)
yaml.SafeLoader.__init__(_constructor, "")
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"


@dataclass
class _Anchor:
    value: Any
    size: int  # nodes, after expanding the aliases inside it
    entries: list[tuple[bool, PathKey, tuple[int, int]]]  # (is_key, path relative to the anchor, position)


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


class _Builder:
    """Plain data plus positions from a YAML event stream, with duplicate keys, tags, merge
    keys, depth and alias expansion checked as it goes."""

    def __init__(self, located: Located):
        self.located = located
        self.anchors: dict[str, _Anchor] = {}
        self.log: list[tuple[bool, PathKey, tuple[int, int]]] = []
        self.nodes = 0
        self.documents = 0

    def fail(self, msg: str, mark: Any, hint: str | None = None, path: PathKey | None = None) -> None:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        raise InputError(msg, problems=[Problem(msg, self.located.file, line, col, path=_fmt(path) if path else None, hint=hint)])

    def note(self, is_key: bool, path: PathKey, mark: Any, force: bool = False) -> None:
        """Remember a position; the first one wins, except that explicit keys beat merged ones."""
        where = (mark.line + 1, mark.column + 1)
        table = self.located.key_positions if is_key else self.located.positions
        if force or path not in table:
            table[path] = where
            self.log.append((is_key, path, where))

    def count(self, n: int, mark: Any) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            self.fail(
                f"document expands to more than {MAX_NODES:,} YAML nodes (alias bomb?)", mark,
                hint="remove recursive or nested aliases",
            )

    def check_tag(self, tag: str | None, mark: Any) -> None:
        if tag and (tag.startswith("tag:yaml.org,2002:python/") or (tag.startswith("!") and tag != "!" and not tag.startswith("!!"))):
            self.fail(f"YAML tag {tag} is not allowed", mark, hint="csdesign loads YAML with a safe loader; remove the tag")

    def scalar(self, ev: Any) -> Any:
        tag = ev.tag
        if tag is None or tag == "!":
            tag = _resolver.resolve(yaml.ScalarNode, ev.value, ev.implicit) if tag is None else _STR
        if tag == _STR:
            return ev.value
        if tag == _MERGE:
            return _MERGE_KEY
        node = yaml.ScalarNode(tag, ev.value, ev.start_mark, ev.end_mark, ev.style)
        try:
            return _constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self.fail(f"unsupported YAML value: {exc.problem}", ev.start_mark, hint="use plain strings, numbers and lists")
        finally:
            _constructor.constructed_objects.pop(node, None)

    def run(self, events: Any) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        for ev in events:
            cls = type(ev)
            if cls is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.fail("YAML syntax error: the file holds more than one YAML document", ev.start_mark, hint="keep one document; remove the extra `---`")
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
                    self.fail("mapping keys must be plain strings", ev.start_mark)
                self.count(1, ev.start_mark)
                if cls is yaml.ScalarEvent:
                    self.check_tag(ev.tag, ev.start_mark)
                key = self.scalar(ev) if cls is yaml.ScalarEvent else self.alias_key(ev)
                self.add_key(parent, key, ev)
                continue
            path = self.child_path(parent)
            self.note(False, path, ev.start_mark, force=parent is not None and parent.pending_key is not _MERGE_KEY)
            if cls is yaml.AliasEvent:
                anchor = self.anchors.get(ev.anchor)
                if anchor is None:
                    self.fail(f"YAML syntax error: alias *{ev.anchor} is used before its anchor &{ev.anchor} is defined", ev.start_mark, hint="define the anchor first, above the alias")
                self.count(anchor.size, ev.start_mark)
                for k, rel, where in anchor.entries:
                    table = self.located.key_positions if k else self.located.positions
                    table.setdefault(path + rel, where)
                root = self.attach(stack, copy.deepcopy(anchor.value), ev)
                continue
            self.check_tag(ev.tag, ev.start_mark)
            start = self.nodes
            self.count(1, ev.start_mark)
            if cls is yaml.ScalarEvent:
                value = self.scalar(ev)
                if ev.anchor is not None:
                    self.anchors[ev.anchor] = _Anchor(value, 1, [])
                root = self.attach(stack, value, ev)
                continue
            if len(stack) >= MAX_DEPTH:
                self.fail(f"YAML nesting is deeper than {MAX_DEPTH} levels", ev.start_mark, hint=_DEPTH_HINT)
            kind = "map" if cls is yaml.MappingStartEvent else "seq"
            stack.append(_Frame(kind, path, {} if kind == "map" else [], start, ev.anchor, len(self.log)))
        return root

    def alias_key(self, ev: Any) -> Any:
        anchor = self.anchors.get(ev.anchor)
        if anchor is None:
            self.fail(f"YAML syntax error: alias *{ev.anchor} is used before its anchor &{ev.anchor} is defined", ev.start_mark)
        if isinstance(anchor.value, (dict, list)):
            self.fail("mapping keys must be plain strings", ev.start_mark)
        return anchor.value

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
        if not isinstance(key, (str, int, bool, float)) and key is not None:
            key = str(key)
        child = frame.path + (key if isinstance(key, (str, int)) else str(key),)
        if key in frame.value:
            first = self.located.key_positions.get(child, (None, None))[0]
            self.fail(
                f"duplicate key '{key}'" + (f" (first defined on line {first})" if first else ""), ev.start_mark,
                hint="remove or merge one of them; YAML would silently keep only the last", path=child,
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
                    self.fail("`<<` merge key needs a mapping or a list of mappings", ev.start_mark)
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
