"""The capacity benchmarks in force for one run: defaults < config table < the org file.

``resolve`` merges the built-in defaults (knowledge/benchmarks.py), a ``[tool.csdesign.capacity]``
/ ``[capacity]`` table and the org file's ``capacity:`` block, remembering for every value
where it came from, so each figure in the report can name its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from csdesign.errors import InputError, Problem, did_you_mean
from csdesign.knowledge.benchmarks import DEFAULTS, SOURCE_OF, SOURCES

#: settings whose value is a table by coverage band (overridden band by band)
BY_BAND = ("accounts_per_csm", "touches_per_quarter", "hours_per_touch")


@dataclass(frozen=True)
class Settings:
    values: dict[str, Any]
    #: "key" or "key.band" -> where an override came from ("org.yaml capacity.arr_per_csm"); absent = default
    origins: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def band(self, key: str, band: str) -> Any:
        return self.values[key][band]

    def origin(self, key: str, band: str | None = None) -> str | None:
        return self.origins.get(f"{key}.{band}" if band else key) or (self.origins.get(key) if band else None)

    def source(self, key: str, lang: str = "en", band: str | None = None) -> str:
        """Where the value of ``key`` comes from, as a client can read it."""
        where = self.origin(key, band)
        if where:
            return f"设置于 {where}" if lang == "zh" else f"set in {where}"
        en, zh = SOURCES[SOURCE_OF.get(key, key)]
        return zh if lang == "zh" else en

    @property
    def productive_hours(self) -> float:
        """Productive hours per CSM per quarter (331.5 by default)."""
        v = self.values
        return round(v["hours_per_week"] * v["weeks_per_quarter"] * v["utilisation"] * (1 - v["admin_share"]), 6)


DEFAULT_SETTINGS = Settings({k: (dict(v) if isinstance(v, dict) else v) for k, v in DEFAULTS.items()})


def parse_table(table: dict[str, Any], name: str, prefix: str) -> dict[str, Any]:
    """A ``[capacity]`` table (kebab-case keys) as validated overrides (snake_case keys)."""
    from pydantic import ValidationError

    from csdesign.model.schema import CapacitySettings

    valid = sorted(k.replace("_", "-") for k in CapacitySettings.model_fields)
    data: dict[str, Any] = {}
    for key, value in table.items():
        snake = key.replace("-", "_")
        if snake not in CapacitySettings.model_fields:
            raise _error(name, f"unknown key `{key}` in [{prefix}]" + did_you_mean(key, valid, quote="`"), "valid keys: " + ", ".join(valid))
        data[snake] = value
    try:
        model = CapacitySettings.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        where = ".".join(str(p).replace("_", "-") if i == 0 else str(p) for i, p in enumerate(err["loc"]) if p != "[key]")
        text = err["msg"].removeprefix("Value error, ")
        raise _error(name, f"[{prefix}] {where}: {text} (got {err.get('input')!r})") from None
    return model.model_dump(exclude_defaults=True, mode="json")


def _error(name: str, message: str, hint: str | None = None) -> InputError:
    return InputError(message, problems=[Problem(message, name, hint=hint, code="config")])


def resolve(file_overrides: dict[str, Any] | None = None, table: Any = None, org_file: str | None = None) -> Settings:
    """Defaults, then the config ``table`` (a csdesign.config.Table), then the org file's ``capacity:``."""
    values = {k: (dict(v) if isinstance(v, dict) else v) for k, v in DEFAULTS.items()}
    origins: dict[str, str] = {}
    layers = []
    if table is not None and table.data:
        layers.append((parse_table(table.data, table.file, table.prefix), lambda k: table.where(k.replace("_", "-"))))
    if file_overrides:
        layers.append((file_overrides, lambda k: f"{org_file or 'the org file'} capacity.{k}"))
    for overrides, label in layers:
        for key, value in overrides.items():
            if key in BY_BAND:
                for band, v in value.items():
                    values[key][band] = tuple(v) if isinstance(v, list) else v
                    origins[f"{key}.{band}"] = label(key)
            elif key == "service_level":
                values[key] = dict(value)
                origins[key] = label(key)
            else:
                values[key] = value
                origins[key] = label(key)
    return Settings(values, origins)


def for_graph(g: Any, table: Any = None) -> Settings:
    """The settings for one built org: defaults < ``table`` < the file's ``capacity:`` block."""
    return resolve(g.graph.get("capacity_settings"), table, g.graph.get("file"))


def capacity_settings(g: Any) -> Settings:
    """:func:`for_graph` with the nearest ``[capacity]`` config table from the working directory."""
    from csdesign.config import find_table

    return for_graph(g, find_table("capacity"))
