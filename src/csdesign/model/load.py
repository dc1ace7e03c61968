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

from csdesign.errors import InputError, Problem, Words, did_you_mean, suggest
from csdesign.model import chars, schema
from csdesign.model.messages_zh import bilingual
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
        return None, [Problem(bilingual("file is empty (or only comments)"), name, 1, 1, hint=bilingual("start from `csdesign init`, or see examples/"), code=SCHEMA)]
    if not isinstance(data, dict):
        kind = type(data).__name__
        kind = {"list": "a list", "str": "a string", "int": "a number", "float": "a number", "bool": "a boolean"}.get(kind, kind)
        return None, [Problem(bilingual("top level is {kind}, expected a mapping with `company:` and `roles:`", kind=bilingual(kind)), name, 1, 1,
                              hint=bilingual("see examples/ for the layout"), code=SCHEMA)]
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
        where_text = Words(f"`{format_path(loc)}`: ", f"`{format_path(loc)}`：") if loc else Words("", "")
        hint: Words | str | None = None
        line, col = located.where(loc, key=is_key)
        if etype == "extra_forbidden":
            field = str(loc[-1])
            model_cls = _model_at(loc[:-1])
            valid = sorted(model_cls.model_fields) if model_cls else []
            guess = difflib.get_close_matches(field, valid, n=1, cutoff=0.6)
            msg = bilingual("unknown key `{field}`, did you mean `{guess}`?", field=field, guess=guess[0]) if guess else bilingual("unknown key `{field}`", field=field)
            hint = None if guess or not valid else bilingual("valid keys: {keys}", keys=", ".join(valid))
            line, col = located.where(loc, key=True)
        elif etype in ("enum", "literal_error"):
            options = _choices(loc, is_key)
            msg = where_text + bilingual("'{value}' is not one of {options}", value=value, options=", ".join(options)) + suggest(str(value), options, 0.5)
            if _is_level(loc) and isinstance(value, str) and not value.isascii():
                hint = bilingual("Chinese level names: {names}", names=_LEVEL_NAMES_ZH)
        elif etype == "missing":
            msg = (bilingual("missing required key `{key}` in `{where}`", key=loc[-1], where=format_path(loc[:-1])) if loc[:-1]
                   else bilingual("missing required key `{key}`", key=loc[-1]))
            line, col = located.where(loc[:-1], key=True) if loc[:-1] else (1, 1)
        elif etype == "csdesign":  # our own validators: the words are ours already
            msg = where_text + Words(str(ctx.get("message", "")), str(ctx.get("message_zh") or ctx.get("message", "")))
            hint = Words(str(ctx["hint"]), str(ctx.get("hint_zh") or ctx["hint"])) if ctx.get("hint") else None
        elif etype == "value_error" and ctx.get("error") is not None:  # a ValueError raised by our validator
            msg = where_text + str(ctx["error"])  # no Chinese wording: a ValueError's text
        else:
            text, hint = _worded(etype, value, ctx)
            msg = where_text + text
        key = (str(msg), line, col)
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
    text, hint = _worded(etype, err.get("input"), ctx)
    return text.en, hint.en if hint else None


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
#: The same kinds in Chinese.
_EXPECTED_ZH = {"a whole number": "整数", "a number": "数字", "true or false": "true 或 false", "text": "文本", "a list": "列表", "a mapping": "映射（键值对）"}


def _worded(etype: str, value: Any, ctx: dict) -> tuple[Words, Words | None]:
    """(message, hint) for a pydantic error type, in csdesign's words."""
    if etype in _EXPECTED:
        return _wrong_type(_EXPECTED[etype], value)
    if etype in ("string_too_short", "string_pattern_mismatch"):
        return bilingual("must not be empty or blank"), bilingual("write the text, or remove the key")
    if etype == "string_too_long":
        return (bilingual("is {length:,} characters long, more than {limit:,}", length=len(value), limit=ctx.get("max_length", 0)),
                bilingual("shorten it; put long text in `description:`"))
    if etype in ("too_short", "too_long"):
        n = ctx.get("min_length") if etype == "too_short" else ctx.get("max_length")
        got = ctx.get("actual_length", len(value) if hasattr(value, "__len__") else "?")
        template = "needs at least {n} entries (got {got})" if etype == "too_short" else "needs at most {n} entries (got {got})"
        return bilingual(template, n=n, got=got), None
    bounds = {"greater_than_equal": ("ge", "must be at least {bound} (got {got})"), "less_than_equal": ("le", "must be at most {bound} (got {got})"),
              "greater_than": ("gt", "must be more than {bound} (got {got})"), "less_than": ("lt", "must be less than {bound} (got {got})")}
    if etype in bounds:
        name, template = bounds[etype]
        return bilingual(template, bound=_number(ctx.get(name)), got=_short(value)), None
    if etype == "finite_number":
        return bilingual("must be a finite number (got {got})", got=_short(value)), bilingual("write the amount as a number")
    return bilingual("this value is not accepted here (got {got})", got=_short(value)), bilingual("see docs/model.md for what this key takes")


def _wrong_type(expected: str, value: Any) -> tuple[Words, Words | None]:
    """"expected a whole number, got the text '3'" and the fix, in both languages."""
    hint: Words | None = None
    if isinstance(value, bool):
        got = bilingual("true" if value else "false")
        if expected == "text":
            hint = bilingual("quote it if it is meant as text: '{value}'", value=got.en)
        elif expected != "true or false":
            hint = bilingual("a yes/no value is not a number; write the number")
    elif isinstance(value, int):
        got = bilingual("the number {value}", value=value) if len(str(value)) <= 40 else bilingual("a {digits:,}-digit number", digits=len(str(value)))
        if expected == "text":
            hint = bilingual("quote it: '{value}'", value=value)
        elif expected == "true or false":
            hint = bilingual("write true or false")
    elif isinstance(value, float):
        got = bilingual("the number {value}", value=repr(value))
        if expected == "a whole number" and value.is_integer():
            hint = bilingual("write it without a decimal point or exponent: {value}", value=int(value))
        elif expected == "text":
            hint = bilingual("quote it: '{value}'", value=repr(value))
    elif isinstance(value, str):
        got = bilingual("the text {value}", value=_short(value))
        stripped = value.strip()
        if expected in ("a whole number", "a number") and _looks_numeric(stripped):
            hint = bilingual("remove the quotes")
        elif expected == "true or false":
            hint = bilingual("write true or false")
            if stripped.lower() in {"yes", "no", "on", "off", "y", "n"}:
                hint = bilingual("write true or false; under YAML 1.2, yes/no/on/off are text")
            if stripped.lower() in {"true", "false"}:
                hint = bilingual("remove the quotes")
        elif expected == "a mapping":
            hint = bilingual("write its keys indented on the lines below")
        elif expected == "a list":
            hint = bilingual("write it as a list: [{value}]", value=value)
    elif value is None:
        got = bilingual("nothing (null)")
        hint = bilingual("write a value, or remove the key")
    elif isinstance(value, list):
        got = bilingual("a list")
    elif isinstance(value, dict):
        got = bilingual("a mapping")
    else:  # pragma: no cover - the YAML layer only makes the types above
        got = bilingual("a value of another kind")
    return bilingual("expected {expected}, got {got}", expected=Words(expected, _EXPECTED_ZH[expected]), got=got), hint


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

    def add(msg: Words, path: PathKey, code: str, hint: Words | None = None, key: bool = False) -> None:
        line, col = org.where(path, key=key)
        out.append(Problem(msg, org.file, line, col, path=format_path(path), hint=hint, code=code))

    ids: dict[str, int] = {}
    for i, role in enumerate(m.roles):
        if role.id in ids:
            add(bilingual("duplicate role id '{id}' (also roles[{first}])", id=role.id, first=ids[role.id]), ("roles", i, "id"), DUPLICATE_ID, bilingual("give each role a unique id"))
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
                    add(bilingual("'{value}' is not in dimensions.{plural}", value=value, plural=plural) + suggest(value, dim_values[axis]), (*path, plural, j), UNKNOWN_VALUE,
                        bilingual("add it to dimensions.{plural} or fix the spelling", plural=plural))

    for section in ("duties", "kpis"):
        for i, item in enumerate(getattr(m, section)):
            check_only(item.only, (section, i, "only"))
    for i, role in enumerate(m.roles):
        if role.reports_to is not None:
            if role.reports_to == role.id:
                add(bilingual("role '{id}' reports to itself", id=role.id), ("roles", i, "reports_to"), SELF_REPORT, bilingual("point reports_to at its manager, or remove it"))
            elif role.reports_to not in ids:
                add(bilingual("Manager '{id}' is not defined", id=role.reports_to) + suggest(role.reports_to, role_ids), ("roles", i, "reports_to"), UNKNOWN_MANAGER,
                    bilingual("use the id of a role in `roles:`"))
        check_only(role.only, ("roles", i, "only"))
        segments = dim_values["segment"]
        for seg in role.capacity:
            if seg not in dim_sets["segment"]:
                add(bilingual("capacity names segment '{segment}', which is not in dimensions.segments", segment=seg) + suggest(seg, segments), ("roles", i, "capacity", seg),
                    UNKNOWN_VALUE, key=True)
    for rid in m.costs.roles:
        if rid not in ids:
            add(bilingual("costs.roles names unknown role '{id}'", id=rid) + suggest(rid, role_ids), ("costs", "roles", rid), UNKNOWN_VALUE, bilingual("use a role id from `roles:`"), key=True)
    channels = dim_values["channel"]
    for i, channel in enumerate(m.support.channels):
        if channels and channel.name not in dim_sets["channel"]:
            add(bilingual("support channel '{name}' is not in dimensions.channels", name=channel.name) + suggest(channel.name, channels), ("support", "channels", i, "name"),
                UNKNOWN_VALUE, bilingual("add it to dimensions.{plural} or fix the spelling", plural="channels"))
        for j, rid in enumerate(channel.roles):
            if rid not in ids:
                add(bilingual("support channel '{name}' names unknown role '{id}'", name=channel.name, id=rid) + suggest(rid, role_ids), ("support", "channels", i, "roles", j),
                    UNKNOWN_VALUE, bilingual("use a role id from `roles:`"))
    for loop in _cycles([(r.id, r.reports_to) for r in m.roles]):
        add(cycle_message(loop), ("roles", ids[loop[0]], "reports_to"), CYCLE, bilingual(CYCLE_HINT))
    heads = [r.id for r in m.roles if r.scope == schema.Scope.head]
    if len(heads) > 1:
        i = next(i for i, r in enumerate(m.roles) if r.id == heads[1])
        add(bilingual("more than one role has scope: head ({ids})", ids=", ".join(heads)), ("roles", i, "scope"), SCHEMA, bilingual("keep one head; give the others scope: shared or unit"))
    for duty, entry in m.raci.items():
        for letter in ("A", "R", "C", "I"):
            for j, rid in enumerate(getattr(entry, letter)):
                if rid not in ids:
                    add(bilingual("RACI for '{duty}' names unknown role '{id}'", duty=duty, id=rid) + suggest(rid, role_ids), ("raci", duty, letter, j), UNKNOWN_VALUE,
                        bilingual("use a role id from `roles:`"))
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
            add(bilingual("vocabulary: '{concept}' is not a built-in concept, so it needs a name", concept=e.concept), ("vocabulary", i, "concept"), SCHEMA,
                bilingual("add `en:` or `zh:` (or use a built-in id such as complaint-handling; `csdesign explain vocabulary` lists them)"))
        if e.part_of is not None and e.part_of not in defined:
            add(bilingual("vocabulary: part_of names unknown concept '{concept}'", concept=e.part_of) + suggest(e.part_of, sorted(defined)), ("vocabulary", i, "part_of"),
                UNKNOWN_VALUE, bilingual("use a built-in concept id or one defined under `vocabulary:`"))


def _check_positions(org: Org, role_ids: dict[str, int], add: Any) -> None:
    m = org.model
    assert m.positions is not None
    pids: dict[str, int] = {}
    for i, pos in enumerate(m.positions):
        if pos.id in pids:
            add(bilingual("duplicate position id '{id}' (also positions[{first}])", id=pos.id, first=pids[pos.id]), ("positions", i, "id"), DUPLICATE_ID,
                bilingual("give each position a unique id"))
        else:
            pids[pos.id] = i
    known = list(pids)
    for loop in _cycles([(p.id, p.reports_to) for p in m.positions]):
        add(cycle_message(loop), ("positions", pids[loop[0]], "reports_to"), CYCLE, bilingual(CYCLE_HINT))
    for i, pos in enumerate(m.positions):
        if pos.role is not None and pos.role not in role_ids:
            add(bilingual("position '{id}' names unknown role '{role}'", id=pos.id, role=pos.role) + suggest(pos.role, list(role_ids)), ("positions", i, "role"), UNKNOWN_VALUE,
                bilingual("use a role id from `roles:`, or give the position its own duties"))
        if pos.reports_to is not None:
            if pos.reports_to == pos.id:
                add(bilingual("position '{id}' reports to itself", id=pos.id), ("positions", i, "reports_to"), SELF_REPORT, bilingual("point reports_to at its manager, or remove it"))
            elif pos.reports_to not in pids:
                add(bilingual("Manager '{id}' is not defined", id=pos.reports_to) + suggest(pos.reports_to, known), ("positions", i, "reports_to"), UNKNOWN_MANAGER,
                    bilingual("use the id of a position in `positions:`"))
        for j, d in enumerate(pos.dotted_to):
            if d not in pids:
                add(bilingual("dotted-line manager '{id}' is not defined", id=d) + suggest(d, known), ("positions", i, "dotted_to", j), UNKNOWN_MANAGER, bilingual("use the id of a position"))
        if pos.title is None and pos.role is None:
            add(bilingual("position '{id}' has neither a title nor a role", id=pos.id), ("positions", i), SCHEMA, bilingual("add `title:` or `role:`"))
        for axis, plural in schema.AXES.items():  # tags are free text unless the file lists that axis
            value, listed = getattr(pos, axis), m.dimensions.values(axis)
            if value is not None and listed and value not in listed:
                add(bilingual("'{value}' is not in dimensions.{plural}", value=value, plural=plural) + suggest(value, listed), ("positions", i, axis), UNKNOWN_VALUE,
                    bilingual("add it to dimensions.{plural} or fix the spelling", plural=plural))



CYCLE_HINT = "break the loop: one of them must report outside it"


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


def cycle_message(loop: list[str]) -> Words:
    """"reporting cycle: a -> b -> a", in both languages (the builder's RL001 says the same)."""
    return bilingual("reporting cycle: {chain}", chain=" -> ".join([*loop, loop[0]]))
