"""The org file's shape, as pydantic v2 models.

Validation here is about one file in isolation (types, allowed values, references between
sections); structural facts that need the graph (cycles, spans) live in structures/ and analysis/.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

# Re-exported: the schema's public vocabulary lives in a pydantic-free module for cheap imports.
from csdesign.model.enums import LEVEL_RANK, ChannelKind, CompanyKind, Coverage, Level, Placement, Scope, Stage, StructureType  # noqa: F401

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


#: An ISO 4217 currency code (CNY, USD, EUR ...).
Currency = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z]{3}$")]
Money = Annotated[float, Field(ge=0, le=1e15)]


class Company(Strict):
    name: Text
    employees: int | None = Field(default=None, ge=1, le=10_000_000)
    stage: Stage | None = None
    kind: CompanyKind = CompanyKind.internet
    cs_reports_to: Placement = Placement.ceo
    currency: Currency | None = Field(default=None, description="ISO 4217 code of every amount in the file (arr, costs); default: the benchmarks' USD.")
    fx: dict[Currency, Annotated[float, Field(gt=0)]] = Field(default_factory=dict, description="Units of `currency` per unit of another currency, e.g. {USD: 7.2}: converts benchmarks quoted in that currency.")

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
    coverage: Coverage | None = Field(default=None, description="named (a CSM per account book), pooled (a shared team) or digital (one-to-many).")
    touches_per_quarter: float | None = Field(default=None, ge=0, le=10_000, description="CSM touches per account per quarter (default by coverage model).")
    hours_per_touch: float | None = Field(default=None, ge=0, le=1_000, description="Hours a touch takes, preparation included (default by coverage model).")
    accounts_per_csm: tuple[Annotated[float, Field(gt=0)], Annotated[float, Field(gt=0)]] | None = Field(
        default=None, description="[low, high] accounts per CSM for this segment (default: the coverage model's band).")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value

    @field_validator("accounts_per_csm")
    @classmethod
    def _band_order(cls, value: tuple[float, float] | None) -> tuple[float, float] | None:
        if value is not None and value[0] > value[1]:
            raise ValueError(f"accounts_per_csm [{value[0]:g}, {value[1]:g}]: the low end is above the high end")
        return value


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
    aliases: list[Text] = Field(default_factory=list, description="Other names that mean this duty or KPI in this org (matched like the vocabulary's synonyms).")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


class Kpi(Strict):
    """A role's KPI: a name, or a SMART goal ``{name, target, baseline, by}`` (seed 002)."""

    name: Text
    target: Text | None = Field(default=None, description='What "good" is, measurably: "110%", "<= 4 h", "NPS 45".')
    baseline: Text | None = Field(default=None, description="Where it stands today, in the target's unit.")
    by: datetime.date | None = Field(default=None, description="Deadline, YYYY-MM-DD.")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        return {"name": value} if isinstance(value, str) else value

    @field_validator("target", "baseline", mode="before")
    @classmethod
    def _number_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value

    @property
    def smart(self) -> bool:
        """Written as a goal (a mapping with more than a name)."""
        return self.target is not None or self.baseline is not None or self.by is not None


class VocabularyEntry(Strict):
    """Extends the built-in CS vocabulary: more spellings for a known concept, or a new one."""

    concept: Ident = Field(description="A built-in concept id (e.g. complaint-handling) to extend, or a new id.")
    en: Text | None = None
    zh: Text | None = None
    kind: Literal["duty", "module", "kpi"] | None = None
    level: Level | None = None
    function: Text | None = None
    part_of: Ident | None = Field(default=None, description="A broader concept: owning this one counts as owning that one in the layer checks.")
    synonyms: list[Text] = Field(default_factory=list, description="Names and phrasings that mean this concept.")
    modifiers: list[Text] = Field(default_factory=list, description="Words a name may add without changing the concept.")


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
    kpis: list[Kpi] = Field(default_factory=list, description="KPI names, or SMART goals {name, target, baseline, by}.")
    capacity: dict[Text, int] = Field(default_factory=dict)
    skills: list[Text] = Field(default_factory=list, description="Skills the job description asks for.")
    description: str | None = None

    @property
    def kpi_names(self) -> list[str]:
        return [k.name for k in self.kpis]

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


class ServiceLevel(Strict):
    """Answer ``answered`` of contacts within ``within_seconds`` (80/20: {answered: 0.8, within_seconds: 20})."""

    answered: float = Field(gt=0, lt=1)
    within_seconds: float = Field(ge=0, le=86_400)


class Channel(Strict):
    """A support channel's demand; real-time channels are sized with Erlang C, async ones by workload."""

    name: Text
    kind: ChannelKind | None = Field(default=None, description="realtime or async; default: realtime with contacts_per_hour, async with contacts_per_day.")
    contacts_per_hour: float | None = Field(default=None, ge=0, le=10_000_000, description="Peak-hour arrivals (real-time channels).")
    contacts_per_day: float | None = Field(default=None, ge=0, le=100_000_000, description="Arrivals per day (async channels).")
    aht_seconds: float = Field(gt=0, le=86_400, description="Average handling time per contact, wrap-up included.")
    service_level: ServiceLevel | None = Field(default=None, description="Real-time target; default 80% within 20 s.")
    shrinkage: float | None = Field(default=None, ge=0, lt=1, description="Share of paid time away from contacts (breaks, training, absence).")
    max_occupancy: float | None = Field(default=None, gt=0, le=1, description="Highest share of on-shift time spent handling contacts.")
    first_reply_hours: float | None = Field(default=None, gt=0, le=10_000, description="Async target: first reply within this many business hours.")
    open_hours: float | None = Field(default=None, gt=0, le=24, description="Hours a day the team answers (async; default 8).")
    arrival_hours: float | None = Field(default=None, gt=0, le=24, description="Hours a day contacts arrive over (async; default 24).")
    roles: list[Ident] = Field(default_factory=list, description="Role ids that staff the channel (default: roles whose only.channels lists it).")

    @model_validator(mode="after")
    def _volume(self) -> "Channel":
        if self.kind is None:
            if self.contacts_per_hour is not None and self.contacts_per_day is not None:
                raise ValueError(f"channel '{self.name}' gives both contacts_per_hour and contacts_per_day; keep one, or say `kind: realtime` or `kind: async`")
            if self.contacts_per_hour is None and self.contacts_per_day is None:
                raise ValueError(f"channel '{self.name}' needs contacts_per_hour (phone, chat) or contacts_per_day (email, tickets, social)")
        elif self.kind == ChannelKind.realtime and self.contacts_per_hour is None:
            raise ValueError(f"real-time channel '{self.name}' needs contacts_per_hour (peak-hour arrivals)")
        elif self.kind == ChannelKind.async_ and self.contacts_per_day is None:
            raise ValueError(f"async channel '{self.name}' needs contacts_per_day")
        return self

    @property
    def effective_kind(self) -> ChannelKind:
        if self.kind is not None:
            return self.kind
        return ChannelKind.realtime if self.contacts_per_hour is not None else ChannelKind.async_


class Support(Strict):
    channels: list[Channel] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> "Support":
        seen: set[str] = set()
        for c in self.channels:
            if c.name in seen:
                raise ValueError(f"channels: '{c.name}' is listed twice")
            seen.add(c.name)
        return self


class Costs(Strict):
    """Fully loaded annual cost per person, in ``company.currency``: by level, and by role id (wins)."""

    levels: dict[Level, Money] = Field(default_factory=dict)
    roles: dict[Ident, Money] = Field(default_factory=dict)


Band = tuple[Annotated[float, Field(gt=0)], Annotated[float, Field(gt=0)]]
#: The coverage bands: named accounts split into strategic and mid-market books.
BandId = Literal["named-strategic", "named-mid-market", "pooled", "digital"]


class CapacitySettings(Strict):
    """Overrides of the capacity defaults (the same keys as ``[tool.csdesign.capacity]``, with _ for -)."""

    arr_per_csm: float | None = Field(default=None, gt=0, description="ARR one CSM covers (Gainsight's guidepost: 2,000,000 USD).")
    arr_per_csm_currency: Currency | None = Field(default=None, description="Currency of arr_per_csm (default USD).")
    accounts_per_csm: dict[BandId, Band] = Field(default_factory=dict)
    strategic_accounts_below: float | None = Field(default=None, gt=0, description="A named segment whose ARR per account lets one CSM hold fewer accounts than this uses the strategic band (default 20).")
    touches_per_quarter: dict[BandId, Annotated[float, Field(ge=0)]] = Field(default_factory=dict)
    hours_per_touch: dict[BandId, Annotated[float, Field(ge=0)]] = Field(default_factory=dict)
    hours_per_week: float | None = Field(default=None, gt=0, le=168)
    weeks_per_quarter: float | None = Field(default=None, gt=0, le=14)
    utilisation: float | None = Field(default=None, gt=0, le=1)
    admin_share: float | None = Field(default=None, ge=0, lt=1)
    shrinkage: float | None = Field(default=None, ge=0, lt=1)
    max_occupancy: float | None = Field(default=None, gt=0, le=1)
    open_hours: float | None = Field(default=None, gt=0, le=24)
    arrival_hours: float | None = Field(default=None, gt=0, le=24)
    service_level: ServiceLevel | None = None
    over_slack: float | None = Field(default=None, ge=0, le=10)
    misallocation_ratio: float | None = Field(default=None, gt=1, le=100)
    misallocation_min_points: float | None = Field(default=None, ge=0, lt=1)
    cost_share_of_arr: float | None = Field(default=None, gt=0, lt=1, description="Benchmark CS + support cost as a share of ARR (SaaS Capital median: about 0.085).")
    cost_share_tolerance: float | None = Field(default=None, gt=1, le=100)


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
    support: Support = Field(default_factory=Support, description="Support channels and their demand, for staffing.")
    costs: Costs = Field(default_factory=Costs, description="Fully loaded annual cost per person, by level and by role id.")
    capacity: CapacitySettings = Field(default_factory=CapacitySettings, description="Overrides of the capacity benchmarks for this file.")
    vocabulary: list[VocabularyEntry] = Field(default_factory=list, description="Extensions of the built-in duty and KPI vocabulary.")

    @model_validator(mode="before")
    @classmethod
    def _people_alias(cls, value: Any) -> Any:
        if isinstance(value, dict) and "people" in value and "positions" not in value:
            value = dict(value)
            value["positions"] = value.pop("people")
        return value
