"""The org file: schema (pydantic), YAML loading with locations, reference checks.

Exports are resolved lazily so that importing a light submodule (``model.enums``) does not
pull in pydantic and PyYAML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from csdesign.model.load import Org, collect_problems, load_org, load_org_text

__all__ = ["Org", "collect_problems", "load_org", "load_org_text"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from csdesign.model import load

        return getattr(load, name)
    raise AttributeError(f"module 'csdesign.model' has no attribute {name!r}")
