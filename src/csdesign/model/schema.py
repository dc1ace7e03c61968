"""The org file's shape, as pydantic v2 models.

Validation here is about one file in isolation (types, allowed values, references between
sections); structural facts that need the graph (cycles, spans) live in structures/ and analysis/.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

# Re-exported: the schema's public vocabulary lives in a pydantic-free module for cheap imports.
from csdesign.model.enums import LEVEL_RANK, CompanyKind, Level, Placement, Scope, Stage, StructureType  # noqa: F401

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Ident = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=r"^[^\s,\[\]{}#:@]+$"),
]


#: The axes a structure can cut along: singular name -> key in ``dimensions``.
AXES = {"product": "products", "region": "regions", "segment": "segments", "process": "processes", "channel": "channels"}
AXIS_BY_PLURAL = {v: k for k, v in AXES.items()}
Axis = Literal["product", "region", "segment", "process", "channel", "function"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, use_enum_values=False)


class Company(Strict):
    name: Text
    employees: int | None = Field(default=None, ge=1, le=10_000_000)
    stage: Stage | None = None
    kind: CompanyKind = CompanyKind.internet
    cs_reports_to: Placement = Placement.ceo
    cs_reports_to_title: Text | None = Field(
        default=None,
        description="Title of the person CS reports to, drawn in the box above the CS head (default: the placement's name, e.g. CEO or Sales).",
    )

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


class Segment(Strict):
    """A customer tier / market; may carry the account count and ARR for capacity planning."""

    name: Text
    accounts: int | None = Field(default=None, ge=0, le=100_000_000)
    arr: float | None = Field(default=None, ge=0)

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


class Dimensions(Strict):
    products: list[Text] = Field(default_factory=list)
    regions: list[Text] = Field(default_factory=list)
    segments: list[Segment] = Field(default_factory=list)
    processes: list[Text] = Field(default_factory=list)
    channels: list[Text] = Field(default_factory=list)

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
                    raise ValueError(f"{plural}: '{name}' is listed twice")
                seen.add(name)
        return self


class Structure(Strict):
    type: StructureType = StructureType.functional
    primary: Axis | None = None
    secondary: Axis | None = None


AxisLimit = dict[Literal["products", "regions", "segments", "processes", "channels"], list[Text]]


class Expected(Strict):
    """A catalogue duty or KPI; ``only`` limits the scopes where it needs an owner
    (e.g. executive business reviews only for strategic accounts)."""

    name: Text
    only: AxisLimit = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


class Role(Strict):
    id: Ident
    title: Text
    level: Level = Level.individual
    function: Text | None = None
    scope: Scope | None = None
    reports_to: Ident | None = None
    only: AxisLimit = Field(default_factory=dict)
    headcount: int = Field(default=1, ge=1, le=1_000_000)
    duties: list[Text] = Field(default_factory=list)
    kpis: list[Text] = Field(default_factory=list)
    capacity: dict[Text, int] = Field(default_factory=dict)
    description: str | None = None

    @field_validator("capacity")
    @classmethod
    def _positive_capacity(cls, value: dict[str, int]) -> dict[str, int]:
        for seg, n in value.items():
            if n < 1:
                raise ValueError(f"capacity for '{seg}' must be at least 1 account per person")
        return value


class RaciEntry(Strict):
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


class Interface(Strict):
    """A declared collaboration mechanism between units or roles (seed 004: avoid information islands)."""

    between: list[Text] = Field(min_length=2)
    mechanism: Text


class Position(Strict):
    """One person or vacancy in an explicit (as-is) org."""

    id: Ident
    name: Text | None = None
    title: Text | None = None
    role: Ident | None = None
    level: Level | None = None
    reports_to: Ident | None = None
    dotted_to: list[Ident] = Field(default_factory=list)
    unit: Text | None = None
    function: Text | None = None
    product: Text | None = None
    region: Text | None = None
    segment: Text | None = None
    process: Text | None = None
    channel: Text | None = None
    vacant: bool = False
    duties: list[Text] = Field(default_factory=list)
    kpis: list[Text] = Field(default_factory=list)
    email: str | None = None


class OrgFile(Strict):
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
