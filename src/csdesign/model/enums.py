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
