"""Read an org file into a validated :class:`Org`: YAML -> located data -> pydantic -> references.

Every problem carries ``file:line:col``, the data path and, for typos, the closest valid
spelling. ``collect_problems`` returns them all (for lint); ``load_org`` raises on the first batch.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from csdesign.errors import InputError, Problem, did_you_mean
from csdesign.model import schema
from csdesign.model.yamlsource import Located, PathKey, format_path, load, read_text

#: Problem codes produced while loading (the lint registry documents them).
SYNTAX = "S001"
SCHEMA = "S002"
DUPLICATE_KEY = "S003"
DUPLICATE_ID = "S004"
UNKNOWN_VALUE = "S005"
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
    problems: list[Problem] = []
    seen: set[tuple] = set()
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and (p.startswith("function-") or p in {"str", "int", "list[str]", "Segment", "dict[str,int]"})))
        etype = err["type"]
        if etype == "extra_forbidden":
            field = str(loc[-1])
            model_cls = _model_at(schema.OrgFile, loc[:-1])
            valid = sorted(model_cls.model_fields) if model_cls else []
            guess = difflib.get_close_matches(field, valid, n=1, cutoff=0.6)
            msg = f"unknown key `{field}`" + (f", did you mean `{guess[0]}`?" if guess else "")
            hint = None if guess else ("valid keys: " + ", ".join(valid) if valid else None)
            line, col = located.where(loc, key=True)
        elif etype == "enum" or etype == "literal_error":
            value = err.get("input")
            expected = err.get("ctx", {}).get("expected", "")
            options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",") if o.strip(" '")]
            msg = f"`{format_path(loc)}`: '{value}' is not one of {', '.join(options)}" + did_you_mean(str(value), options, 0.5)
            hint = None
            line, col = located.where(loc)
        elif etype == "string_pattern_mismatch":  # the Ident pattern: say it in words
            value = str(err.get("input"))
            msg = f"`{format_path(loc)}`: '{value}' is not a valid id (no spaces or any of , [ ] {{ }} # : @)"
            fixed = "".join("_" if ch.isspace() or ch in ",[]{}#:@" else ch for ch in value.strip())
            hint = f"e.g. '{fixed}'" if fixed else None
            line, col = located.where(loc)
        elif etype == "missing":
            msg = f"missing required key `{loc[-1]}`" + (f" in `{format_path(loc[:-1])}`" if loc[:-1] else "")
            hint = None
            line, col = located.where(loc[:-1], key=True) if loc[:-1] else (1, 1)
        else:
            text = err["msg"]
            if text.startswith("Value error, "):
                text = text[len("Value error, "):]
            shown = err.get("input")
            where_text = f"`{format_path(loc)}`: " if loc else ""
            msg = f"{where_text}{text}" + (f" (got {_short(shown)})" if not isinstance(shown, (dict, list)) and etype != "value_error" else "")
            hint = None
            line, col = located.where(loc)
        key = (msg, line, col)
        if key in seen:
            continue
        seen.add(key)
        problems.append(Problem(msg, located.file, line, col, path=format_path(loc), hint=hint, code=SCHEMA))
    return problems


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _model_at(model: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    """The pydantic model class that validates the object at ``loc``."""
    import typing

    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        if part not in current.model_fields:
            return None
        ann = current.model_fields[part].annotation
        current = _unwrap(ann, typing)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(ann: Any, typing: Any) -> Any:
    for _ in range(4):
        args = typing.get_args(ann)
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        if models:
            return models[0]
        if args:
            nested = [a for a in args if typing.get_args(a)]
            if nested:
                ann = nested[-1]
                continue
        return ann
    return ann


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

