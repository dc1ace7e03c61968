"""The org file's shape, as pydantic v2 models.

Validation here is about one file in isolation (types, allowed values, references between
sections); structural facts that need the graph (spans) live in structures/ and analysis/.

Fields are strict, as the JSON Schema says: an integer is an integer (``"50"``, ``true`` and
``2.0`` are not), a boolean is ``true``/``false`` (``yes`` is text under YAML 1.2), text is
text. Every constraint JSON Schema can express is declared here, so ``csdesign schema`` (the
same models) accepts exactly what the loader accepts, except what needs the whole file
(references, cycles, uniqueness after trimming): see tests/model/test_schema_agreement.py.
Errors raised by our own validators are ``PydanticCustomError("csdesign", …)`` with the
message and hint in the context, so load.py never shows pydantic's wording.
"""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict, StringConstraints, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from csdesign.model import chars

# Re-exported: the schema's public vocabulary lives in a pydantic-free module for cheap imports.
from csdesign.model.enums import LEVEL_ALIASES, LEVEL_RANK, CompanyKind, Level, Placement, Scope, Stage, StructureType  # noqa: F401

#: Longest text value and id, in characters.
MAX_TEXT = 500
MAX_ID = 100


def problem(message: str, hint: str | None = None) -> PydanticCustomError:
    """A validation error worded by csdesign (load.py shows ``message`` and ``hint`` as they are)."""
    return PydanticCustomError("csdesign", "{message}", {"message": message, "hint": hint or ""})


def _trimmed(value: str) -> str:
    return chars.strip(value)


def _valid_id(value: str) -> str:
    bad = next((ch for ch in value if chars.is_invisible(ch)), None)
    if bad is not None:
        raise problem(
            f"id {chars.shown(value)} contains the invisible character {chars.describe(bad)}",
            "ids must be visible: delete the character; editors do not show it",
        )
    if any(ch in chars.WHITESPACE or ch in chars.ID_PUNCTUATION for ch in value):
        fixed = "".join("_" if ch in chars.WHITESPACE or ch in chars.ID_PUNCTUATION else ch for ch in chars.strip(value))
        raise problem(f"{chars.shown(value)} is not a valid id (no spaces or any of , [ ] {{ }} # : @)", f"e.g. '{fixed}'" if fixed else None)
    return value


#: Text: 1 to 500 characters, not blank, trimmed after the checks (so the schema's
#: maxLength, which sees the untrimmed text, agrees).
Text = Annotated[
    str,
    Strict(),
    StringConstraints(min_length=1, max_length=MAX_TEXT, pattern=chars.NONBLANK_PATTERN),
    AfterValidator(_trimmed),
    Field(json_schema_extra={"patternErrorMessage": "must not be empty or blank"}),  # VS Code's wording hook
]
#: An id: 1 to 100 characters, none of them whitespace, invisible or ``, [ ] { } # : @``.
Ident = Annotated[
    str,
    Strict(),
    StringConstraints(min_length=1, max_length=MAX_ID),
    AfterValidator(_valid_id),
    WithJsonSchema({
        "type": "string", "minLength": 1, "maxLength": MAX_ID, "not": {"pattern": chars.ID_FORBIDDEN},
        "errorMessage": "an id is 1 to 100 characters with no spaces, invisible characters or any of , [ ] { } # : @",
    }),
]
#: A free-text field that may be empty (descriptions, e-mail addresses).
FreeText = Annotated[str, Strict()]
Count = Annotated[int, Strict()]
Flag = Annotated[bool, Strict()]


def _level_alias(value: Any) -> Any:
    """``经理`` -> ``manager``: the Chinese level names documented in docs/model.md."""
    if isinstance(value, str):
        return LEVEL_ALIASES.get(chars.strip(value), value)
    return value


LevelName = Annotated[
    Level,
    BeforeValidator(_level_alias),
    WithJsonSchema({"type": "string", "enum": [lv.value for lv in Level] + list(LEVEL_ALIASES)}),
]


def unwrap(ann: Any) -> Any:
    """Annotated[X, …] -> X; X | None -> X; a union of one model and other types -> the model."""
    for _ in range(6):
        origin = typing.get_origin(ann)
        if origin is Annotated:
            ann = typing.get_args(ann)[0]
            continue
        if origin in (Union, types.UnionType):
            members = [a for a in typing.get_args(ann) if a is not type(None)]
            models = [a for a in members if isinstance(a, type) and issubclass(a, BaseModel)]
            if len(members) == 1 or models:
                ann = models[0] if models else members[0]
                continue
        return ann
    return ann


#: The axes a structure can cut along: singular name -> key in ``dimensions``.
AXES = {"product": "products", "region": "regions", "segment": "segments", "process": "processes", "channel": "channels"}
AXIS_BY_PLURAL = {v: k for k, v in AXES.items()}
Axis = Literal["product", "region", "segment", "process", "channel", "function"]


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, use_enum_values=False)


class Company(Closed):
    name: Text
    employees: Count | None = Field(default=None, ge=1, le=10_000_000)
    stage: Stage | None = None
    kind: CompanyKind = CompanyKind.internet
    cs_reports_to: Placement = Placement.ceo

    @property
    def effective_stage(self) -> Stage:
        """Declared stage, else inferred from employees (startup < 100 <= growth < 1000 <= enterprise)."""
        if self.stage is not None:
            return self.stage
        n = self.employees or 0
        if n < 100:
            return Stage.startup
        if n < 1000:
            return Stage.growth
        return Stage.enterprise


class Segment(Closed):
    """A customer tier / market; may carry the account count and ARR for capacity planning."""

    name: Text
    accounts: Count | None = Field(default=None, ge=0, le=100_000_000)
    arr: Annotated[float, Strict()] | None = Field(default=None, ge=0, le=1e15, allow_inf_nan=False)

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


_UNIQUE = {"uniqueItems": True}


class Dimensions(Closed):
    products: list[Text] = Field(default_factory=list, json_schema_extra=_UNIQUE)
    regions: list[Text] = Field(default_factory=list, json_schema_extra=_UNIQUE)
    segments: list[Segment] = Field(default_factory=list)
    processes: list[Text] = Field(default_factory=list, json_schema_extra=_UNIQUE)
    channels: list[Text] = Field(default_factory=list, json_schema_extra=_UNIQUE)

    def values(self, axis: str) -> list[str]:
        """Values of a singular axis name (``"segment"`` -> segment names)."""
        items = getattr(self, AXES[axis])
        return [s.name if isinstance(s, Segment) else s for s in items]

    @model_validator(mode="after")
    def _unique(self) -> "Dimensions":
        for plural in AXES.values():
            names = [s.name if isinstance(s, Segment) else s for s in getattr(self, plural)]
            seen: set[str] = set()
            for name in names:
                if name in seen:
                    raise problem(f"{plural}: '{name}' is listed twice", "list each value once")
                seen.add(name)
        return self


class Structure(Closed):
    type: StructureType = StructureType.functional
    primary: Axis | None = None
    secondary: Axis | None = None


AxisLimit = dict[Literal["products", "regions", "segments", "processes", "channels"], list[Text]]


class Expected(Closed):
    """A catalogue duty or KPI; ``only`` limits the scopes where it needs an owner
    (e.g. executive business reviews only for strategic accounts)."""

    name: Text
    only: AxisLimit = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


class Role(Closed):
    id: Ident
    title: Text
    level: LevelName = Level.individual
    function: Text | None = None
    scope: Scope | None = None
    reports_to: Ident | None = None
    only: AxisLimit = Field(default_factory=dict)
    headcount: Count = Field(default=1, ge=1, le=1_000_000)
    duties: list[Text] = Field(default_factory=list)
    kpis: list[Text] = Field(default_factory=list)
    #: accounts per person, per segment
    capacity: dict[Text, Annotated[Count, Field(ge=1, le=100_000_000)]] = Field(default_factory=dict)
    description: FreeText | None = None


class RaciEntry(Closed):
    A: list[Ident] = Field(default_factory=list)
    R: list[Ident] = Field(default_factory=list)
    C: list[Ident] = Field(default_factory=list)
    I: list[Ident] = Field(default_factory=list)  # noqa: E741 - RACI's own letter

    @model_validator(mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: [v] if isinstance(v, str) else v for k, v in value.items()}
        return value


class Interface(Closed):
    """A declared collaboration mechanism between units or roles (seed 004: avoid information islands)."""

    between: list[Text] = Field(min_length=2)
    mechanism: Text


class Position(Closed):
    """One person or vacancy in an explicit (as-is) org."""

    # a title, or a role to take it from (the loader says so with the position's id)
    model_config = ConfigDict(extra="forbid", json_schema_extra={"anyOf": [{"required": ["title"]}, {"required": ["role"]}]})

    id: Ident
    name: Text | None = None
    title: Text | None = None
    role: Ident | None = None
    level: LevelName | None = None
    reports_to: Ident | None = None
    dotted_to: list[Ident] = Field(default_factory=list)
    unit: Text | None = None
    function: Text | None = None
    product: Text | None = None
    region: Text | None = None
    segment: Text | None = None
    process: Text | None = None
    channel: Text | None = None
    vacant: Flag = False
    duties: list[Text] = Field(default_factory=list)
    kpis: list[Text] = Field(default_factory=list)
    email: FreeText | None = None


class OrgFile(Closed):
    """The whole org file. ``positions`` switches to an explicit (as-is) org."""

    company: Company
    dimensions: Dimensions = Field(default_factory=Dimensions)
    structure: Structure = Field(default_factory=Structure)
    roles: list[Role] = Field(default_factory=list)
    positions: list[Position] | None = None
    duties: list[Expected] = Field(default_factory=list, description="Catalogue of duties the company expects someone to own (a name, or {name, only}).")
    kpis: list[Expected] = Field(default_factory=list, description="KPIs the company tracks; each needs one owner per scope (a name, or {name, only}).")
    raci: dict[Text, RaciEntry] = Field(default_factory=dict)
    interfaces: list[Interface] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _people_alias(cls, value: Any) -> Any:
        if isinstance(value, dict) and "people" in value and "positions" not in value:
            value = dict(value)
            value["positions"] = value.pop("people")
        return value
