"""Packaging and the declared dependency floors: what `pip install csdesign` promises."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement

from tests.helpers import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _floors() -> dict[str, str]:
    """Every dependency and test extra of pyproject.toml -> its `>=` floor."""
    project = PYPROJECT["project"]
    floors = {}
    for text in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        req = Requirement(text)
        lows = [s.version for s in req.specifier if s.operator == ">="]
        assert len(lows) == 1, f"{text}: declare exactly one `>=` floor (.ci/run tests it)"
        floors[req.name.lower()] = lows[0]
    return floors


def _minimums() -> dict[str, str]:
    pins = {}
    for line in (ROOT / ".ci" / "minimums.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            m = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s;]+)", line)
            assert m, f".ci/minimums.txt: {line!r} is not name==version"
            pins[m.group(1).lower()] = m.group(2)
    return pins


def _norm(version: str) -> str:
    """6.0 and 6.0.0 are the same floor."""
    parts = version.split(".")
    while len(parts) > 1 and parts[-1] == "0":
        parts.pop()
    return ".".join(parts)


def test_ci_minimums_are_exactly_the_declared_floors():
    floors, pins = _floors(), _minimums()
    assert sorted(pins) == sorted(floors)
    assert {k: _norm(v) for k, v in pins.items()} == {k: _norm(v) for k, v in floors.items()}
