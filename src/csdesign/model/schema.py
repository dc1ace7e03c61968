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

import datetime
import re
import types
import typing
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict, StringConstraints, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from csdesign.errors import Words
from csdesign.model import chars

if TYPE_CHECKING:
    from pydantic.config import JsonDict

# Re-exported: the schema's public vocabulary lives in a pydantic-free module for cheap imports.
from csdesign.model.enums import LEVEL_ALIASES, LEVEL_RANK, ChannelKind, CompanyKind, Coverage, Level, Placement, Scope, Stage, StructureType  # noqa: F401
from csdesign.model.messages_zh import bilingual

#: Longest text value and id, in characters.
MAX_TEXT = 500
MAX_ID = 100


def problem(message: Words, hint: Words | None = None) -> PydanticCustomError:
    """A validation error worded by csdesign (load.py shows ``message`` and ``hint`` as they are,
    in English or, for `lint --lang zh`, in Chinese)."""
    return PydanticCustomError("csdesign", "{message}", {
        "message": message.en, "hint": hint.en if hint else "",
        "message_zh": message.zh, "hint_zh": hint.zh if hint else "",
    })


def _trimmed(value: str) -> str:
    return chars.strip(value)


_ID_FORBIDDEN = re.compile(chars.ID_FORBIDDEN)


def _valid_id(value: str) -> str:
    if _ID_FORBIDDEN.search(value) is None:  # the usual case: one scan in C
        return value
    bad = next((ch for ch in value if chars.is_invisible(ch)), None)
    if bad is not None:
        raise problem(
            bilingual("id {id} contains the invisible character {char}", id=chars.shown(value), char=chars.describe(bad)),
            bilingual("ids must be visible: delete the character; editors do not show it"),
        )
    fixed = "".join("_" if ch in chars.WHITESPACE or ch in chars.ID_PUNCTUATION else ch for ch in chars.strip(value))
    raise problem(bilingual("{id} is not a valid id (no spaces or any of , [ ] {{ }} # : @)", id=chars.shown(value)), bilingual("e.g. '{fixed}'", fixed=fixed) if fixed else None)


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
#: A number: an integer or a decimal (not "3", not true).
Number = Annotated[float, Strict()]
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


#: An ISO 4217 currency code (CNY, USD, EUR ...).
Currency = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z]{3}$")]
Money = Annotated[float, Strict(), Field(ge=0, le=1e15)]


class Company(Closed):
    name: Text
    employees: Count | None = Field(default=None, ge=1, le=10_000_000)
    stage: Stage | None = None
    kind: CompanyKind = CompanyKind.internet
    cs_reports_to: Placement = Placement.ceo
    cs_reports_to_title: Text | None = Field(
        default=None,
        description="Title of the person CS reports to, drawn in the box above the CS head (default: the placement's name, e.g. CEO or Sales).",
    )
    currency: Currency | None = Field(default=None, description="ISO 4217 code of every amount in the file (arr, costs); default: the benchmarks' USD.")
    fx: dict[Currency, Annotated[float, Strict(), Field(gt=0)]] = Field(default_factory=dict, description="Units of `currency` per unit of another currency, e.g. {USD: 7.2}: converts benchmarks quoted in that currency.")

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
    arr: Number | None = Field(default=None, ge=0, le=1e15, allow_inf_nan=False)
    coverage: Coverage | None = Field(default=None, description="named (a CSM per account book), pooled (a shared team) or digital (one-to-many).")
    touches_per_quarter: Number | None = Field(default=None, ge=0, le=10_000, description="CSM touches per account per quarter (default by coverage model).")
    hours_per_touch: Number | None = Field(default=None, ge=0, le=1_000, description="Hours a touch takes, preparation included (default by coverage model).")
    accounts_per_csm: tuple[Annotated[float, Strict(), Field(gt=0)], Annotated[float, Strict(), Field(gt=0)]] | None = Field(
        default=None, description="[low, high] accounts per CSM for this segment (default: the coverage model's band).")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value

    @field_validator("accounts_per_csm")
    @classmethod
    def _band_order(cls, value: tuple[float, float] | None) -> tuple[float, float] | None:
        if value is not None and value[0] > value[1]:
            raise problem(bilingual("accounts_per_csm [{low:g}, {high:g}]: the low end is above the high end", low=value[0], high=value[1]), bilingual("write [low, high]"))
        return value


_UNIQUE: JsonDict = {"uniqueItems": True}


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
                    raise problem(bilingual("{plural}: '{name}' is listed twice", plural=plural, name=name), bilingual("list each value once"))
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
    aliases: list[Text] = Field(default_factory=list, description="Other names that mean this duty or KPI in this org (matched like the vocabulary's synonyms).")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


class Kpi(Closed):
    """A role's KPI: a name, or a SMART goal ``{name, target, baseline, by}``."""

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


class VocabularyEntry(Closed):
    """Extends the built-in CS vocabulary: more spellings for a known concept, or a new one."""

    concept: Ident = Field(description="A built-in concept id (e.g. complaint-handling) to extend, or a new id.")
    en: Text | None = None
    zh: Text | None = None
    kind: Literal["duty", "module", "kpi"] | None = None
    level: LevelName | None = None
    function: Text | None = None
    part_of: Ident | None = Field(default=None, description="A broader concept: owning this one counts as owning that one in the layer checks.")
    synonyms: list[Text] = Field(default_factory=list, description="Names and phrasings that mean this concept.")
    modifiers: list[Text] = Field(default_factory=list, description="Words a name may add without changing the concept.")


class Role(Closed):
    id: Ident
    title: Text
    level: LevelName = Level.individual
    function: Text | None = None
    scope: Scope | None = None
    reports_to: Ident | None = None
    only: AxisLimit = Field(default_factory=dict)
    headcount: Count = Field(default=1, ge=1, le=1_000_000)
    assistant: bool = Field(default=False, description="An assistant / staff role: drawn beside its manager and left out of span counts.")
    duties: list[Text] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list, description="KPI names, or SMART goals {name, target, baseline, by}.")
    #: accounts per person, per segment
    capacity: dict[Text, Annotated[Count, Field(ge=1, le=100_000_000)]] = Field(default_factory=dict)
    skills: list[Text] = Field(default_factory=list, description="Skills the job description asks for.")
    description: FreeText | None = None

    @property
    def kpi_names(self) -> list[str]:
        return [k.name for k in self.kpis]


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
    """A declared collaboration mechanism between units or roles (to avoid information islands)."""

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


class ServiceLevel(Closed):
    """Answer ``answered`` of contacts within ``within_seconds`` (80/20: {answered: 0.8, within_seconds: 20})."""

    answered: Number = Field(gt=0, lt=1)
    within_seconds: Number = Field(ge=0, le=86_400)


#: Most real-time traffic sized, in Erlangs (analysis/erlang.py refuses more; a test keeps the
#: two equal): checked here, at the channel, so that in-range fields whose product is out of
#: range are a located input error and never reach the analysis.
MAX_ERLANGS = 1_000_000

_CHANNEL_VOLUME: JsonDict = {  # the _volume rules below, for editors
    "allOf": [
        {"if": {"properties": {"kind": {"const": "realtime"}}, "required": ["kind"]}, "then": {"required": ["contacts_per_hour"]}},
        {"if": {"properties": {"kind": {"const": "async"}}, "required": ["kind"]}, "then": {"required": ["contacts_per_day"]}},
        {"if": {"properties": {"kind": {"type": "null"}}}, "then": {"oneOf": [{"required": ["contacts_per_hour"]}, {"required": ["contacts_per_day"]}]}},
    ],
}


def _num(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


class Channel(Closed):
    """A support channel's demand; real-time channels are sized with Erlang C, async ones by workload."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_CHANNEL_VOLUME)

    name: Text
    kind: ChannelKind | None = Field(default=None, description="realtime or async; default: realtime with contacts_per_hour, async with contacts_per_day.")
    contacts_per_hour: Number | None = Field(default=None, ge=0, le=10_000_000, description="Peak-hour arrivals (real-time channels).")
    contacts_per_day: Number | None = Field(default=None, ge=0, le=100_000_000, description="Arrivals per day (async channels).")
    aht_seconds: Number = Field(gt=0, le=86_400, description="Average handling time per contact, wrap-up included.")
    service_level: ServiceLevel | None = Field(default=None, description="Real-time target; default 80% within 20 s.")
    shrinkage: Number | None = Field(default=None, ge=0, lt=1, description="Share of paid time away from contacts (breaks, training, absence).")
    max_occupancy: Number | None = Field(default=None, gt=0, le=1, description="Highest share of on-shift time spent handling contacts.")
    first_reply_hours: Number | None = Field(default=None, gt=0, le=10_000, description="Async target: first reply within this many business hours.")
    open_hours: Number | None = Field(default=None, gt=0, le=24, description="Hours a day the team answers (async; default 8).")
    arrival_hours: Number | None = Field(default=None, gt=0, le=24, description="Hours a day contacts arrive over (async; default 24).")
    roles: list[Ident] = Field(default_factory=list, description="Role ids that staff the channel (default: roles whose only.channels lists it).")

    @model_validator(mode="after")
    def _volume(self) -> "Channel":
        if self.kind is None:
            if self.contacts_per_hour is not None and self.contacts_per_day is not None:
                raise problem(bilingual("channel '{name}' gives both contacts_per_hour and contacts_per_day; keep one, or say `kind: realtime` or `kind: async`", name=self.name))
            if self.contacts_per_hour is None and self.contacts_per_day is None:
                raise problem(bilingual("channel '{name}' needs contacts_per_hour (phone, chat) or contacts_per_day (email, tickets, social)", name=self.name))
        elif self.kind == ChannelKind.realtime and self.contacts_per_hour is None:
            raise problem(bilingual("real-time channel '{name}' needs contacts_per_hour (peak-hour arrivals)", name=self.name))
        elif self.kind == ChannelKind.async_ and self.contacts_per_day is None:
            raise problem(bilingual("async channel '{name}' needs contacts_per_day", name=self.name))
        if self.effective_kind == ChannelKind.realtime and self.contacts_per_hour is not None:
            erlangs = self.contacts_per_hour * self.aht_seconds / 3600
            if erlangs > MAX_ERLANGS:
                raise problem(
                    bilingual("channel '{name}': {contacts} contacts an hour of {aht} s each is {erlangs:,.0f} Erlangs of traffic, more than the {limit:,} csdesign sizes",
                        name=self.name, contacts=_num(self.contacts_per_hour), aht=_num(self.aht_seconds), erlangs=erlangs, limit=MAX_ERLANGS),
                    bilingual("check contacts_per_hour, the peak-hour arrivals, and aht_seconds, the seconds per contact"),
                )
        return self

    @property
    def effective_kind(self) -> ChannelKind:
        if self.kind is not None:
            return self.kind
        return ChannelKind.realtime if self.contacts_per_hour is not None else ChannelKind.async_


class Support(Closed):
    channels: list[Channel] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> "Support":
        seen: set[str] = set()
        for c in self.channels:
            if c.name in seen:
                raise problem(bilingual("{plural}: '{name}' is listed twice", plural="channels", name=c.name))
            seen.add(c.name)
        return self


class Costs(Closed):
    """Fully loaded annual cost per person, in ``company.currency``: by level, and by role id (wins)."""

    levels: dict[Level, Money] = Field(default_factory=dict)
    roles: dict[Ident, Money] = Field(default_factory=dict)


Band = tuple[Annotated[float, Strict(), Field(gt=0)], Annotated[float, Strict(), Field(gt=0)]]
#: The coverage bands: named accounts split into strategic and mid-market books.
BandId = Literal["named-strategic", "named-mid-market", "pooled", "digital"]


class CapacitySettings(Closed):
    """Overrides of the capacity defaults (the same keys as ``[tool.csdesign.capacity]``, with _ for -)."""

    arr_per_csm: Number | None = Field(default=None, gt=0, description="ARR one CSM covers (Gainsight's guidepost: 2,000,000 USD).")
    arr_per_csm_currency: Currency | None = Field(default=None, description="Currency of arr_per_csm (default USD).")
    accounts_per_csm: dict[BandId, Band] = Field(default_factory=dict)
    strategic_accounts_below: Number | None = Field(default=None, gt=0, description="A named segment whose ARR per account lets one CSM hold fewer accounts than this uses the strategic band (default 20).")
    touches_per_quarter: dict[BandId, Annotated[float, Strict(), Field(ge=0)]] = Field(default_factory=dict)
    hours_per_touch: dict[BandId, Annotated[float, Strict(), Field(ge=0)]] = Field(default_factory=dict)
    hours_per_week: Number | None = Field(default=None, gt=0, le=168)
    weeks_per_quarter: Number | None = Field(default=None, gt=0, le=14)
    utilisation: Number | None = Field(default=None, gt=0, le=1)
    admin_share: Number | None = Field(default=None, ge=0, lt=1)
    shrinkage: Number | None = Field(default=None, ge=0, lt=1)
    max_occupancy: Number | None = Field(default=None, gt=0, le=1)
    open_hours: Number | None = Field(default=None, gt=0, le=24)
    arrival_hours: Number | None = Field(default=None, gt=0, le=24)
    service_level: ServiceLevel | None = None
    over_slack: Number | None = Field(default=None, ge=0, le=10)
    misallocation_ratio: Number | None = Field(default=None, gt=1, le=100)
    misallocation_min_points: Number | None = Field(default=None, ge=0, lt=1)
    cost_share_of_arr: Number | None = Field(default=None, gt=0, lt=1, description="Benchmark CS + support cost as a share of ARR (SaaS Capital median: about 0.085).")
    cost_share_tolerance: Number | None = Field(default=None, gt=1, le=100)


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
