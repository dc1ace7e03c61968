"""Find a csdesign table in the nearest config file: ``[NAME]`` in ``csdesign.toml`` or
``[tool.csdesign.NAME]`` in ``pyproject.toml``, from a folder up to the root.

Lint has its own discovery (lint/config.py, ``[lint]``); this serves the other tables, such as
``[capacity]``. Only the standard library: the CLI imports it before any heavy module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from csdesign.errors import InputError, Problem


@dataclass(frozen=True)
class Table:
    """A config table and where it was read (for messages and sources)."""

    file: str  # as shown to the user
    prefix: str  # "capacity" or "tool.csdesign.capacity"
    data: dict[str, Any] = field(default_factory=dict)

    def where(self, key: str) -> str:
        return f"{self.file} [{self.prefix}] {key}"


def _read(path: Path, shown: str) -> dict[str, Any]:
    import tomllib

    from csdesign.fileio import note_input

    note_input(path)  # no output of this run may overwrite it
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{shown}: config file not found", hint="check the --config path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{shown}: cannot read config file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        import re

        at = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(at[1]), int(at[2])) if at else (None, None)
        msg = str(exc).split(" (at ")[0]
        raise InputError(msg, problems=[Problem(f"TOML syntax error: {msg}", shown, line, col)]) from None


def table_in(path: Path, name: str, shown: str | None = None) -> Table | None:
    """The ``name`` table of one config file (None when the file has none)."""
    shown = shown or path.as_posix()
    data = _read(path, shown)
    if path.name == "pyproject.toml":
        value, prefix = data.get("tool", {}).get("csdesign", {}).get(name), f"tool.csdesign.{name}"
    else:
        value, prefix = data.get(name), name
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InputError(f"[{prefix}] must be a table", problems=[Problem(f"[{prefix}] must be a table", shown, code="config")])
    return Table(shown, prefix, value)


def find_table(name: str, start: Path | None = None) -> Table | None:
    """The nearest file from ``start`` (default: the working directory) up that has the table."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        for filename in ("csdesign.toml", "pyproject.toml"):
            path = folder / filename
            if not path.is_file():
                continue
            try:
                shown = path.relative_to(Path.cwd()).as_posix()
            except ValueError:
                shown = path.as_posix()
            try:
                found = table_in(path, name, shown)
            except InputError:
                if filename == "pyproject.toml":
                    continue  # not ours to judge a broken pyproject without our table
                raise
            if found is not None:
                return found
    return None
