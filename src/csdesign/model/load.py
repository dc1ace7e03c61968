"""Read an org file into a validated :class:`Org`: YAML -> located data -> pydantic -> references.

Every problem carries ``file:line:col``, the data path and, for typos, the closest valid
spelling. ``collect_problems`` returns them all (for lint); ``load_org`` raises on the first batch.
"""

from __future__ import annotations

import difflib
import enum
import re
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from csdesign.errors import InputError, Problem, did_you_mean
from csdesign.model import chars, schema
from csdesign.model.schema import unwrap
from csdesign.model.yamlsource import Located, PathKey, format_path, load, read_text

#: Problem codes produced while loading (the lint registry documents them).
SYNTAX = "S001"
SCHEMA = "S002"
DUPLICATE_KEY = "S003"
DUPLICATE_ID = "S004"
UNKNOWN_VALUE = "S005"
CYCLE = "RL001"
UNKNOWN_MANAGER = "RL002"
SELF_REPORT = "RL003"


@dataclass
class Org:
    """A validated org file and where its parts are in the source text."""

    model: schema.OrgFile
    source: Located

    @property
    def file(self) -> str:
        return self.source.file

    def where(self, path: PathKey, *, key: bool = False) -> tuple[int | None, int | None]:
        if path[:1] == ("positions",) and isinstance(self.source.data, dict) and "positions" not in self.source.data:
            path = ("people", *path[1:])  # the file used the `people:` spelling
        return self.source.where(path, key=key)


def load_org(path: str | Path) -> Org:
    """Load and validate an org file, raising InputError with every located problem."""
    org, problems = collect_problems(path)
    if problems:
        raise InputError(problems[0].message, problems=problems)
    assert org is not None
    return org


def load_org_text(text: str, name: str = "<string>") -> Org:
    """Same as :func:`load_org` for text already in memory (tests, stdin)."""
    org, problems = _from_text(text, name)
    if problems:
        raise InputError(problems[0].message, problems=problems)
    assert org is not None
    return org


def collect_problems(path: str | Path) -> tuple[Org | None, list[Problem]]:
    """All load-time problems of a file; the Org when there are none."""
    from csdesign.model.stdin import shown

    p = Path(path)
    try:
        text = read_text(p)
    except InputError as exc:
        return None, _as_problems(exc, shown(p))
    return _from_text(text, shown(p))


def _as_problems(exc: InputError, name: str) -> list[Problem]:
    if exc.problems:
        for prob in exc.problems:
            prob.code = prob.code if prob.code != "S001" else SYNTAX
        return exc.problems
    return [Problem(exc.message, name, None, None, hint=exc.hint, code=SYNTAX)]


def _from_text(text: str, name: str) -> tuple[Org | None, list[Problem]]:
    try:
        located = load(text, name)
    except InputError as exc:
        problems = _as_problems(exc, name)
        for prob in problems:
            if prob.message.startswith("duplicate key"):
                prob.code = DUPLICATE_KEY
        return None, problems
    data = located.data
    if data is None:
        return None, [Problem("file is empty (or only comments)", name, 1, 1, hint="start from `csdesign init`, or see examples/", code=SCHEMA)]
    if not isinstance(data, dict):
        kind = type(data).__name__
        kind = {"list": "a list", "str": "a string", "int": "a number", "float": "a number", "bool": "a boolean"}.get(kind, kind)
        return None, [Problem(f"top level is {kind}, expected a mapping with `company:` and `roles:`", name, 1, 1, hint="see examples/ for the layout", code=SCHEMA)]
    try:
        model = schema.OrgFile.model_validate(data)
    except ValidationError as exc:
        return None, _validation_problems(exc, located)
    org = Org(model, located)
    return org, check_references(org)


def _validation_problems(exc: ValidationError, located: Located) -> list[Problem]:
    """pydantic's errors in csdesign's words: sorted by error type (a stable part of pydantic's
    API), never its message text, which changes between releases."""
    problems: list[Problem] = []
    seen: set[tuple] = set()
    for err in exc.errors(include_url=False):
        loc, is_key = _data_loc(err["loc"], located.data)
        etype = err["type"]
        value = err.get("input")
        ctx = err.get("ctx") or {}
        where_text = f"`{format_path(loc)}`: " if loc else ""
        hint: str | None = None
        line, col = located.where(loc, key=is_key)
        if etype == "extra_forbidden":
            field = str(loc[-1])
            model_cls = _model_at(loc[:-1])
            valid = sorted(model_cls.model_fields) if model_cls else []
            guess = difflib.get_close_matches(field, valid, n=1, cutoff=0.6)
            msg = f"unknown key `{field}`" + (f", did you mean `{guess[0]}`?" if guess else "")
            hint = None if guess else ("valid keys: " + ", ".join(valid) if valid else None)
            line, col = located.where(loc, key=True)
        elif etype in ("enum", "literal_error"):
            options = _choices(loc, is_key)
            msg = f"{where_text}'{value}' is not one of {', '.join(options)}" + did_you_mean(str(value), options, 0.5)
            if _is_level(loc) and isinstance(value, str) and not value.isascii():
                hint = "Chinese level names: " + _LEVEL_NAMES_ZH
        elif etype == "missing":
            msg = f"missing required key `{loc[-1]}`" + (f" in `{format_path(loc[:-1])}`" if loc[:-1] else "")
            line, col = located.where(loc[:-1], key=True) if loc[:-1] else (1, 1)
        elif etype == "csdesign":  # our own validators: the words are ours already
            msg = where_text + str(ctx.get("message", ""))
            hint = str(ctx.get("hint") or "") or None
        elif etype == "value_error" and ctx.get("error") is not None:  # a ValueError raised by our validator
            msg = where_text + str(ctx["error"])
        else:
            text, hint = _worded(etype, value, ctx)
            msg = where_text + text
        key = (msg, line, col)
        if key in seen:
            continue
        seen.add(key)
        problems.append(Problem(msg, located.file, line, col, path=format_path(loc), hint=hint, code=SCHEMA))
    return problems


def describe_error(err: dict) -> tuple[str, str | None]:
    """(message, hint) for one pydantic error (``ValidationError.errors()`` item) in csdesign's
    words, without its location: for callers validating other tables (config files) against
    these models, so that no pydantic wording reaches a user there either."""
    ctx = err.get("ctx") or {}
    etype = err["type"]
    if etype == "csdesign":
        return str(ctx.get("message", "")), str(ctx.get("hint") or "") or None
    if etype == "value_error" and ctx.get("error") is not None:
        return str(ctx["error"]), None
    if etype in ("enum", "literal_error"):
        options = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"'{err.get('input')}' is not one of {', '.join(options)}" + did_you_mean(str(err.get("input")), options, 0.5), None
    return _worded(etype, err.get("input"), ctx)


_LEVEL_NAMES_ZH = "总监/部门总监/负责人 director, 经理/团队经理 manager, 主管/一线主管/组长 supervisor, 专员/客服 individual"


def _data_loc(loc: tuple, data: Any) -> tuple[PathKey, bool]:
    """pydantic's error location as a path into the file's data: union and validator tags
    that are not keys dropped, ``positions`` spelled ``people`` where the file does."""
    out: list[str | int] = []
    current = data
    is_key = False
    for part in loc:
        if part == "[key]":
            is_key = True
            continue
        if not out and part == "positions" and isinstance(data, dict) and "positions" not in data and "people" in data:
            part = "people"
        if isinstance(current, dict) and part in current:
            out.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            out.append(part)
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and not _is_tag(part):
            out.append(part)  # a key that is missing or unknown: still part of the path
            current = None
    return tuple(out), is_key


def _is_tag(part: str) -> bool:
    """A pydantic location segment naming a union member or validator, not a key."""
    return part.startswith(("function-", "constrained-", "json-or-python", "nullable")) or part in {"str", "int", "float", "bool", "list[str]", "dict[str,int]"}


#: What the user sees as the expected kind of value, by pydantic's error type.
_EXPECTED = {
    "int_type": "a whole number", "int_parsing": "a whole number", "int_from_float": "a whole number",
    "float_type": "a number", "float_parsing": "a number",
    "bool_type": "true or false", "bool_parsing": "true or false",
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping", "model_type": "a mapping", "model_attributes_type": "a mapping",
}


def _worded(etype: str, value: Any, ctx: dict) -> tuple[str, str | None]:
    """(message, hint) for a pydantic error type, in csdesign's words."""
    if etype in _EXPECTED:
        return _wrong_type(_EXPECTED[etype], value)
    if etype in ("string_too_short", "string_pattern_mismatch"):
        return "must not be empty or blank", "write the text, or remove the key"
    if etype == "string_too_long":
        return f"is {len(value):,} characters long, more than {ctx.get('max_length', 0):,}", "shorten it; put long text in `description:`"
    if etype in ("too_short", "too_long"):
        n = ctx.get("min_length") if etype == "too_short" else ctx.get("max_length")
        what = "at least" if etype == "too_short" else "at most"
        return f"needs {what} {n} entries (got {ctx.get('actual_length', len(value) if hasattr(value, '__len__') else '?')})", None
    bounds = {"greater_than_equal": ("ge", "at least"), "less_than_equal": ("le", "at most"), "greater_than": ("gt", "more than"), "less_than": ("lt", "less than")}
    if etype in bounds:
        name, words = bounds[etype]
        return f"must be {words} {_number(ctx.get(name))} (got {_short(value)})", None
    if etype == "finite_number":
        return f"must be a finite number (got {_short(value)})", "write the amount as a number"
    return f"this value is not accepted here (got {_short(value)})", "see docs/model.md for what this key takes"


def _wrong_type(expected: str, value: Any) -> tuple[str, str | None]:
    hint: str | None = None
    if isinstance(value, bool):
        got = "true" if value else "false"
        if expected == "text":
            hint = f"quote it if it is meant as text: '{got}'"
        elif expected != "true or false":
            hint = "a yes/no value is not a number; write the number"
    elif isinstance(value, int):
        got = f"the number {value}" if len(str(value)) <= 40 else f"a {len(str(value)):,}-digit number"
        if expected == "text":
            hint = f"quote it: '{value}'"
        elif expected == "true or false":
            hint = "write true or false"
    elif isinstance(value, float):
        got = f"the number {value!r}"
        if expected == "a whole number" and value.is_integer():
            hint = f"write it without a decimal point or exponent: {int(value)}"
        elif expected == "text":
            hint = f"quote it: '{value!r}'"
    elif isinstance(value, str):
        got = f"the text {_short(value)}"
        stripped = value.strip()
        if expected in ("a whole number", "a number") and _looks_numeric(stripped):
            hint = "remove the quotes"
        elif expected == "true or false":
            hint = "write true or false" + ("; under YAML 1.2, yes/no/on/off are text" if stripped.lower() in {"yes", "no", "on", "off", "y", "n"} else "")
            if stripped.lower() in {"true", "false"}:
                hint = "remove the quotes"
        elif expected == "a mapping":
            hint = "write its keys indented on the lines below"
        elif expected == "a list":
            hint = f"write it as a list: [{value}]"
    elif value is None:
        got = "nothing (null)"
        hint = "write a value, or remove the key"
    elif isinstance(value, list):
        got = "a list"
    elif isinstance(value, dict):
        got = "a mapping"
    else:  # pragma: no cover - the YAML layer only makes the types above
        got = "a value of another kind"
    return f"expected {expected}, got {got}", hint


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, (int, float)) else str(value)


def _short(value: Any) -> str:
    if isinstance(value, str):
        return chars.shown(value, 40)
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) > 40:
        return f"a {len(str(value)):,}-digit number"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _annotation_at(loc: PathKey, is_key: bool = False) -> Any:
    """The type annotation of the model field (or list item, dict key/value) at ``loc``."""
    current: Any = schema.OrgFile
    for part in loc:
        current = unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            name = "positions" if part == "people" else part
            if not isinstance(name, str) or name not in current.model_fields:
                return None
            current = current.model_fields[name].annotation
            continue
        origin, args = typing.get_origin(current), typing.get_args(current)
        if origin is list and args:
            current = args[0]
        elif origin is dict and len(args) == 2:
            current = args[1]
        else:
            return None
    current = unwrap(current)
    if is_key and typing.get_origin(current) is dict:
        return unwrap(typing.get_args(current)[0])
    return current


def _model_at(loc: PathKey) -> type[BaseModel] | None:
    """The pydantic model class that validates the object at ``loc``."""
    ann = _annotation_at(loc)
    return ann if isinstance(ann, type) and issubclass(ann, BaseModel) else None


def _choices(loc: PathKey, is_key: bool) -> list[str]:
    ann = _annotation_at(loc, is_key)
    if isinstance(ann, type) and issubclass(ann, enum.Enum):
        return [str(m.value) for m in ann]
    if typing.get_origin(ann) is Literal:
        return [str(a) for a in typing.get_args(ann)]
    return []


def _is_level(loc: PathKey) -> bool:
    return bool(loc) and loc[-1] == "level"


def check_references(org: Org) -> list[Problem]:
    """Cross-references inside the file: ids unique, managers exist, axis values exist."""
    m = org.model
    out: list[Problem] = []

    def add(msg: str, path: PathKey, code: str, hint: str | None = None, key: bool = False) -> None:
        line, col = org.where(path, key=key)
        out.append(Problem(msg, org.file, line, col, path=format_path(path), hint=hint, code=code))

    ids: dict[str, int] = {}
    for i, role in enumerate(m.roles):
        if role.id in ids:
            add(f"duplicate role id '{role.id}' (also roles[{ids[role.id]}])", ("roles", i, "id"), DUPLICATE_ID, "give each role a unique id")
        else:
            ids.setdefault(role.id, i)
    role_ids = list(ids)
    # axis values once, as lists (for suggestions) and sets (for lookups): O(roles), not O(roles x values)
    dim_values = {axis: m.dimensions.values(axis) for axis in schema.AXES}
    dim_sets = {axis: set(values) for axis, values in dim_values.items()}

    def check_only(only: dict[str, list[str]], path: PathKey) -> None:
        for plural, values in only.items():
            axis = schema.AXIS_BY_PLURAL[plural]
            for j, value in enumerate(values):
                if value not in dim_sets[axis]:
                    add(f"'{value}' is not in dimensions.{plural}" + did_you_mean(value, dim_values[axis]), (*path, plural, j), UNKNOWN_VALUE, f"add it to dimensions.{plural} or fix the spelling")

    for section in ("duties", "kpis"):
        for i, item in enumerate(getattr(m, section)):
            check_only(item.only, (section, i, "only"))
    for i, role in enumerate(m.roles):
        if role.reports_to is not None:
            if role.reports_to == role.id:
                add(f"role '{role.id}' reports to itself", ("roles", i, "reports_to"), SELF_REPORT, "point reports_to at its manager, or remove it")
            elif role.reports_to not in ids:
                add(f"Manager '{role.reports_to}' is not defined" + did_you_mean(role.reports_to, role_ids), ("roles", i, "reports_to"), UNKNOWN_MANAGER, "use the id of a role in `roles:`")
        check_only(role.only, ("roles", i, "only"))
        segments = dim_values["segment"]
        for seg in role.capacity:
            if seg not in dim_sets["segment"]:
                add(f"capacity names segment '{seg}', which is not in dimensions.segments" + did_you_mean(seg, segments), ("roles", i, "capacity", seg), UNKNOWN_VALUE, key=True)
    for rid in m.costs.roles:
        if rid not in ids:
            add(f"costs.roles names unknown role '{rid}'" + did_you_mean(rid, role_ids), ("costs", "roles", rid), UNKNOWN_VALUE, "use a role id from `roles:`", key=True)
    channels = dim_values["channel"]
    for i, channel in enumerate(m.support.channels):
        if channels and channel.name not in dim_sets["channel"]:
            add(f"support channel '{channel.name}' is not in dimensions.channels" + did_you_mean(channel.name, channels), ("support", "channels", i, "name"), UNKNOWN_VALUE, "add it to dimensions.channels or fix the spelling")
        for j, rid in enumerate(channel.roles):
            if rid not in ids:
                add(f"support channel '{channel.name}' names unknown role '{rid}'" + did_you_mean(rid, role_ids), ("support", "channels", i, "roles", j), UNKNOWN_VALUE, "use a role id from `roles:`")
    for loop in _cycles([(r.id, r.reports_to) for r in m.roles]):
        add(_cycle_message(loop), ("roles", ids[loop[0]], "reports_to"), CYCLE, _CYCLE_HINT)
    heads = [r.id for r in m.roles if r.scope == schema.Scope.head]
    if len(heads) > 1:
        i = next(i for i, r in enumerate(m.roles) if r.id == heads[1])
        add(f"more than one role has scope: head ({', '.join(heads)})", ("roles", i, "scope"), SCHEMA, "keep one head; give the others scope: shared or unit")
    for duty, entry in m.raci.items():
        for letter in ("A", "R", "C", "I"):
            for j, rid in enumerate(getattr(entry, letter)):
                if rid not in ids:
                    add(f"RACI for '{duty}' names unknown role '{rid}'" + did_you_mean(rid, role_ids), ("raci", duty, letter, j), UNKNOWN_VALUE, "use a role id from `roles:`")
    if m.positions is not None:
        _check_positions(org, ids, add)
    if m.vocabulary:
        _check_vocabulary(m.vocabulary, add)
    return out


def _check_vocabulary(entries: list, add: Any) -> None:
    """``vocabulary:``: a new concept needs a name; ``part_of`` names a known concept."""
    from csdesign.knowledge.vocabulary import builtin

    known = set(builtin().concepts)
    defined = known | {e.concept for e in entries}
    for i, e in enumerate(entries):
        if e.concept not in known and not (e.en or e.zh):
            add(f"vocabulary: '{e.concept}' is not a built-in concept, so it needs a name", ("vocabulary", i, "concept"), SCHEMA,
                "add `en:` or `zh:` (or use a built-in id such as complaint-handling; `csdesign explain vocabulary` lists them)")
        if e.part_of is not None and e.part_of not in defined:
            add(f"vocabulary: part_of names unknown concept '{e.part_of}'" + did_you_mean(e.part_of, sorted(defined)), ("vocabulary", i, "part_of"), UNKNOWN_VALUE,
                "use a built-in concept id or one defined under `vocabulary:`")


def _check_positions(org: Org, role_ids: dict[str, int], add: Any) -> None:
    m = org.model
    assert m.positions is not None
    pids: dict[str, int] = {}
    for i, pos in enumerate(m.positions):
        if pos.id in pids:
            add(f"duplicate position id '{pos.id}' (also positions[{pids[pos.id]}])", ("positions", i, "id"), DUPLICATE_ID, "give each position a unique id")
        else:
            pids[pos.id] = i
    known = list(pids)
    for loop in _cycles([(p.id, p.reports_to) for p in m.positions]):
        add(_cycle_message(loop), ("positions", pids[loop[0]], "reports_to"), CYCLE, _CYCLE_HINT)
    for i, pos in enumerate(m.positions):
        if pos.role is not None and pos.role not in role_ids:
            add(f"position '{pos.id}' names unknown role '{pos.role}'" + did_you_mean(pos.role, list(role_ids)), ("positions", i, "role"), UNKNOWN_VALUE, "use a role id from `roles:`, or give the position its own duties")
        if pos.reports_to is not None:
            if pos.reports_to == pos.id:
                add(f"position '{pos.id}' reports to itself", ("positions", i, "reports_to"), SELF_REPORT, "point reports_to at its manager, or remove it")
            elif pos.reports_to not in pids:
                add(f"Manager '{pos.reports_to}' is not defined" + did_you_mean(pos.reports_to, known), ("positions", i, "reports_to"), UNKNOWN_MANAGER, "use the id of a position in `positions:`")
        for j, d in enumerate(pos.dotted_to):
            if d not in pids:
                add(f"dotted-line manager '{d}' is not defined" + did_you_mean(d, known), ("positions", i, "dotted_to", j), UNKNOWN_MANAGER, "use the id of a position")
        if pos.title is None and pos.role is None:
            add(f"position '{pos.id}' has neither a title nor a role", ("positions", i), SCHEMA, "add `title:` or `role:`")
        for axis, plural in schema.AXES.items():  # tags are free text unless the file lists that axis
            value, listed = getattr(pos, axis), m.dimensions.values(axis)
            if value is not None and listed and value not in listed:
                add(f"'{value}' is not in dimensions.{plural}" + did_you_mean(value, listed), ("positions", i, axis), UNKNOWN_VALUE, f"add it to dimensions.{plural} or fix the spelling")



_CYCLE_HINT = "break the loop: one of them must report outside it"


def _cycles(edges: list[tuple[str, str | None]]) -> list[list[str]]:
    """Every reporting loop among ``(id, reports_to)`` pairs, each once, in declaration order.

    Each loop starts at its earliest-declared member and follows the chart's direction
    (manager -> report), like the builder's RL001. Self-reports (RL003) and unknown managers
    (RL002) are reported elsewhere. Linear: each id is walked once.
    """
    order = {}
    parent: dict[str, str] = {}
    for i, (node, up) in enumerate(edges):
        if node in order:  # a duplicate id (S004): the first declaration counts
            continue
        order[node] = i
        if up is not None and up != node:
            parent[node] = up
    walk_of: dict[str, int] = {}
    loops: list[list[str]] = []
    for start, _ in edges:
        if start in walk_of:
            continue
        path: list[str] = []
        cur: str | None = start
        while cur is not None and cur not in walk_of:
            walk_of[cur] = order[start]
            path.append(cur)
            up = parent.get(cur)
            cur = up if up in order else None
        if cur is not None and walk_of[cur] == order[start]:  # this walk closed a loop
            loop = path[path.index(cur):]  # in reports_to order
            first = min(range(len(loop)), key=lambda k: order[loop[k]])
            up_order = loop[first:] + loop[:first]
            loops.append([up_order[0], *reversed(up_order[1:])])
    return sorted(loops, key=lambda lp: order[lp[0]])


def _cycle_message(loop: list[str]) -> str:
    return "reporting cycle: " + " -> ".join([*loop, loop[0]])
