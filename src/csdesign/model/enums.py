"""The org file's fixed vocabularies, kept free of pydantic so the CLI can import them cheaply."""

from __future__ import annotations

from enum import Enum


class Stage(str, Enum):
    startup = "startup"
    growth = "growth"
    enterprise = "enterprise"


class CompanyKind(str, Enum):
    internet = "internet"
    traditional = "traditional"


class Placement(str, Enum):
    ceo = "ceo"
    coo = "coo"
    sales = "sales"
    marketing = "marketing"
    service = "service"
    operations = "operations"


class Level(str, Enum):
    director = "director"
    manager = "manager"
    supervisor = "supervisor"
    individual = "individual"


#: Chinese level names accepted for ``level`` (docs/model.md): seed 000's layer names, the
#: short forms and the common variants (负责人 the person in charge, 组长 a team leader, 客服 an
#: agent). ``import`` accepts these and more (interchange/csv_import.py).
LEVEL_ALIASES: dict[str, Level] = {
    "总监": Level.director,
    "部门总监": Level.director,
    "负责人": Level.director,
    "经理": Level.manager,
    "团队经理": Level.manager,
    "主管": Level.supervisor,
    "一线主管": Level.supervisor,
    "组长": Level.supervisor,
    "专员": Level.individual,
    "客服": Level.individual,
}

LEVEL_RANK = {Level.director: 0, Level.manager: 1, Level.supervisor: 2, Level.individual: 3}


class Scope(str, Enum):
    head = "head"
    shared = "shared"
    unit = "unit"
    lead = "lead"


class Coverage(str, Enum):
    """How a segment's accounts are served: a named CSM each, a shared pool, or one-to-many (digital)."""

    named = "named"
    pooled = "pooled"
    digital = "digital"


class ChannelKind(str, Enum):
    """Real-time channels (phone, chat) queue callers; async ones (email, tickets, social) queue messages."""

    realtime = "realtime"
    async_ = "async"


class StructureType(str, Enum):
    functional = "functional"
    product = "product"
    market = "market"
    geographic = "geographic"
    process = "process"
    matrix = "matrix"
    circular = "circular"
    flat = "flat"
