"""Lint configuration: ``[lint]`` in ``csdesign.toml`` or ``[tool.csdesign.lint]`` in ``pyproject.toml``.

Discovery starts in the working directory and walks up; in each directory ``csdesign.toml``
wins over ``pyproject.toml``, and a ``pyproject.toml`` counts only when it has the
``[tool.csdesign.lint]`` table. ``--config FILE`` skips discovery. Every mistake (unknown key,
unknown rule code, wrong type) is a user error with exit code 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from csdesign.errors import InputError, Problem, did_you_mean
from csdesign.lint.configpath import find_config
from csdesign.lint.registry import FAMILIES, REGISTRY, Rule, Severity, all_rules, option_defaults

KEYS = ("select", "ignore", "exclude", "fail-on", "severity", "options")
LEVELS = [s.value for s in Severity]


@dataclass
class LintConfig:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: str = "error"
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=option_defaults)
    source: str | None = None  # the config file, for messages
    lang: str = "en"  # language of analysis findings (--lang)
    capacity: Any = None  # the [capacity] table (csdesign.config.Table), validated; None: the defaults

    def enabled(self, r: Rule) -> bool:
        """Blocking rules always run; others when selected (most specific selector wins) and not ignored."""
        if r.blocking:
            return True
        sel = _best(r.code, self.select)
        ign = _best(r.code, self.ignore)
        if sel is None:
            return False
        return ign is None or _rank(sel) > _rank(ign)

    def severity_of(self, r: Rule) -> str:
        if r.blocking:
            return r.severity.value
        key = _best(r.code, list(self.severity))
        return self.severity[key] if key is not None else r.severity.value


def _best(code: str, selectors: list[str]) -> str | None:
    """The most specific selector matching ``code`` (exact code > family > ALL)."""
    family = code.rstrip("0123456789")
    found = [s for s in selectors if s == "ALL" or s == code or s == family]
    return max(found, key=_rank) if found else None


def _rank(selector: str) -> int:
    return 0 if selector == "ALL" else 1 if selector in FAMILIES else 2


def load_config(path: Path | None = None, *, start: Path | None = None) -> LintConfig:
    """Read ``path`` (or the discovered config); defaults when there is none."""
    if path is None:
        path = find_config(start or Path.cwd())
        if path is None:
            return LintConfig(capacity=_capacity(None, start))
    import tomllib

    from csdesign.fileio import note_input
    from csdesign.lint.discover import display

    name = display(path, Path.cwd())
    note_input(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{name}: config file not found", hint="check the --config path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{name}: cannot read config file: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        import re

        at = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(at[1]), int(at[2])) if at else (None, None)
        msg = str(exc).split(" (at ")[0]
        raise InputError(msg, problems=[Problem(f"TOML syntax error: {msg}", name, line, col)]) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("csdesign", {}).get("lint", {})
        prefix = "tool.csdesign.lint"
    else:
        table = data.get("lint", {})
        prefix = "lint"
    if not isinstance(table, dict):
        raise _error(name, f"[{prefix}] must be a table")
    cfg = parse_table(table, name, prefix)
    cfg.capacity = _capacity((path, name), start)
    return cfg


def _capacity(config: tuple[Path, str] | None, start: Path | None) -> Any:
    """The capacity table of the lint config file, else the nearest one; checked now (exit 2)."""
    from csdesign.analysis.capacity_settings import parse_table as check
    from csdesign.config import find_table, table_in

    table = table_in(config[0], "capacity", config[1]) if config else None
    if table is None:
        table = find_table("capacity", start)
    if table is not None:
        check(table.data, table.file, table.prefix)
    return table


def parse_table(table: dict[str, Any], name: str, prefix: str = "lint") -> LintConfig:
    all_rules()
    cfg = LintConfig(source=name)
    for key, value in table.items():
        if key not in KEYS:
            raise _error(name, f"unknown key `{key}` in [{prefix}]" + did_you_mean(key, list(KEYS), quote="`"), "valid keys: " + ", ".join(KEYS))
        if key in ("select", "ignore", "exclude"):
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise _error(name, f"[{prefix}] {key} must be a list of strings")
            if key == "exclude":
                cfg.exclude = list(value)
            else:
                setattr(cfg, key, [check_selector(v, f"{key}", name) for v in value])
        elif key == "fail-on":
            cfg.fail_on = check_level(value, f"[{prefix}] fail-on", name)
        elif key == "severity":
            if not isinstance(value, dict):
                raise _error(name, f"[{prefix}.severity] must be a table of CODE = \"error|warning|info\"")
            for code, level in value.items():
                sel = check_selector(code, "severity", name)
                cfg.severity[sel] = check_level(level, f"[{prefix}.severity] {code}", name)
        elif key == "options":
            if not isinstance(value, dict):
                raise _error(name, f"[{prefix}.options] must be a table")
            for opt, v in value.items():
                cfg.options[opt] = check_option(opt, v, name)
    for code in cfg.ignore + list(cfg.severity):
        r = REGISTRY.get(code)
        if r is not None and r.blocking:
            where = "ignore" if code in cfg.ignore else "severity"
            raise _error(name, f"{code} ({r.name}) cannot be ignored or re-levelled ({where}): a file csdesign cannot load or build never passes", "fix the file instead")
    return cfg


def check_selector(value: str, what: str, name: str) -> str:
    """A rule code, a family prefix or ALL; anything else is a user error."""
    all_rules()  # the registry is complete however lint.config was imported
    v = value.strip().upper()
    if v == "ALL" or v in FAMILIES or v in REGISTRY:
        return v
    options = list(REGISTRY) + list(FAMILIES)
    by_name = next((c for c, r in REGISTRY.items() if r.name == value.strip().lower()), None)
    if by_name:
        return by_name
    raise _error(name, f"{what}: unknown rule code or prefix '{value}'" + did_you_mean(v, options, quote="`"), "see `csdesign rule` for the codes")


def check_level(value: Any, what: str, name: str) -> str:
    if value not in LEVELS:
        raise _error(name, f"{what}: '{value}' is not one of {', '.join(LEVELS)}")
    return value


def check_option(opt: str, value: Any, name: str) -> Any:
    defaults = option_defaults()
    if opt not in defaults:
        raise _error(name, f"unknown rule option `{opt}`" + did_you_mean(opt, list(defaults), quote="`"), "valid options: " + ", ".join(sorted(defaults)))
    from csdesign.lint.registry import option

    custom = option(opt).check
    problem = custom(value) if custom else (None if _same_shape(value, defaults[opt]) else f"must look like {_shape(defaults[opt])}")
    if problem:
        raise _error(name, f"option `{opt}` {problem} (got {value!r})")
    return value


def _same_shape(value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
    if isinstance(default, list):
        return isinstance(value, list) and len(value) == len(default) and all(_same_shape(v, d) for v, d in zip(value, default))
    if isinstance(default, dict):
        sample = next(iter(default.values()), 0)
        return isinstance(value, dict) and all(isinstance(k, str) and _same_shape(v, sample) for k, v in value.items())
    return isinstance(value, type(default))


def _shape(default: Any) -> str:
    if isinstance(default, dict):
        return "a table such as { " + ", ".join(f"{k} = {v!r}" for k, v in default.items()) + " }"
    return repr(default)


def _error(name: str, message: str, hint: str | None = None) -> InputError:
    return InputError(message, problems=[Problem(message, name, hint=hint, code="config")])
