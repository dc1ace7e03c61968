"""Where the lint configuration is: :func:`find_config` (lint/config.py reads and checks it).

Apart from lint/config.py so that a run whose configuration and files all hit the result
cache finds the file to hash without importing the rule registry (tests/test_cold_start.py).
"""

from __future__ import annotations

from pathlib import Path


def find_config(start: Path) -> Path | None:
    """The nearest csdesign.toml, or pyproject.toml with [tool.csdesign.lint], from ``start`` up."""
    start = start.resolve()
    for folder in (start, *start.parents):
        own = folder / "csdesign.toml"
        if own.is_file():
            return own
        py = folder / "pyproject.toml"
        if py.is_file():
            import tomllib

            try:
                data = tomllib.loads(py.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue  # not ours to judge when it has no csdesign table
            if isinstance(data.get("tool", {}).get("csdesign", {}).get("lint"), dict):
                return py
    return None


__all__ = ["find_config"]
