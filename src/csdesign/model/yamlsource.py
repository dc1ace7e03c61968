"""Load YAML safely while remembering where every key and value came from.

PyYAML's loaders drop positions and silently keep the last of duplicate keys. We compose the
node tree with the safe loader (C-accelerated when available), then convert it ourselves so
that we can (a) record ``path -> (line, column)`` for every mapping key and value, (b) report
duplicate keys, (c) cap alias expansion ("billion laughs") and input size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from csdesign.errors import InputError, Problem

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
    """Read a UTF-8 (optionally BOM-prefixed) text file, with clear errors for the usual traps."""
    name = str(path)
    if path.is_dir():
        raise _unreadable(name, "is a directory, not a YAML file", "pass the org file inside it")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise _unreadable(name, "file not found", "check the path") from None
    except OSError as exc:
        raise _unreadable(name, f"cannot read file: {exc.strerror}") from None
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


def load(text: str, name: str) -> Located:
    """Parse YAML text into plain data with positions; raise InputError with a location."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        msg = f"YAML syntax error: {exc.problem or exc.context}"
        hint = None
        if "\t" in text and exc.problem and "tab" in exc.problem:
            hint = "YAML does not allow tabs for indentation; use spaces"
        raise InputError(msg, problems=[Problem(msg, name, line, col, hint=hint)]) from None
    except yaml.YAMLError as exc:  # reader errors (control characters) and friends
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        msg = f"YAML error: {exc}".splitlines()[0]
        raise InputError(msg, problems=[Problem(msg, name, line, col)]) from None
    located = Located(data=None, file=name, text=text)
    if node is None:
        return located
    counter = [0]
    located.data = _convert(node, (), located, counter)
    return located


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


_constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)
yaml.SafeLoader.__init__(_constructor, "")


def _scalar(node: yaml.ScalarNode, located: Located) -> Any:
    try:
        return _constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        line, col = _mark(node)
        msg = f"unsupported YAML value: {exc.problem}"
        raise InputError(msg, problems=[Problem(msg, located.file, line, col, hint="use plain strings, numbers and lists")]) from None


def _convert(node: yaml.Node, path: PathKey, located: Located, counter: list[int]) -> Any:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        line, col = _mark(node)
        msg = f"document expands to more than {MAX_NODES:,} YAML nodes (alias bomb?)"
        raise InputError(msg, problems=[Problem(msg, located.file, line, col, hint="remove recursive or nested aliases")])
    located.positions.setdefault(path, _mark(node))
    if node.tag.startswith("tag:yaml.org,2002:python/") or (node.tag.startswith("!") and not node.tag.startswith("!!")):
        line, col = _mark(node)
        msg = f"YAML tag {node.tag} is not allowed"
        raise InputError(msg, problems=[Problem(msg, located.file, line, col, hint="csdesign loads YAML with a safe loader; remove the tag")])
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in _flatten_merge(node, located):
            key = _scalar(key_node, located) if isinstance(key_node, yaml.ScalarNode) else None
            if key is None and not isinstance(key_node, yaml.ScalarNode):
                line, col = _mark(key_node)
                msg = "mapping keys must be plain strings"
                raise InputError(msg, problems=[Problem(msg, located.file, line, col)])
            if not isinstance(key, (str, int, bool, float)) and key is not None:
                key = str(key)
            child = path + (key if isinstance(key, (str, int)) else str(key),)
            if key in result:
                line, col = _mark(key_node)
                first = located.key_positions.get(child, (None, None))[0]
                msg = f"duplicate key '{key}'" + (f" (first defined on line {first})" if first else "")
                raise InputError(msg, problems=[Problem(msg, located.file, line, col, path=_fmt(child), hint="remove or merge one of them; YAML would silently keep only the last")])
            located.key_positions.setdefault(child, _mark(key_node))
            result[key] = _convert(value_node, child, located, counter)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), located, counter) for i, item in enumerate(node.value)]
    return _scalar(node, located)


def _flatten_merge(node: yaml.MappingNode, located: Located) -> list[tuple[yaml.Node, yaml.Node]]:
    """Resolve ``<<: *anchor`` merge keys (explicit keys win over merged ones)."""
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    merged: list[tuple[yaml.Node, yaml.Node]] = []
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            for src in sources:
                if isinstance(src, yaml.MappingNode):
                    merged.extend(_flatten_merge(src, located))
        else:
            pairs.append((key_node, value_node))
    explicit = {k.value for k, _ in pairs if isinstance(k, yaml.ScalarNode)}
    seen: set[str] = set()
    out = []
    for k, v in merged:
        if isinstance(k, yaml.ScalarNode) and (k.value in explicit or k.value in seen):
            continue
        seen.add(getattr(k, "value", ""))
        out.append((k, v))
    return out + pairs


def _fmt(path: PathKey) -> str:
    return format_path(path)
