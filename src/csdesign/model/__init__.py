"""The org file: schema (pydantic), YAML loading with locations, reference checks."""

from csdesign.model.load import Org, collect_problems, load_org, load_org_text

__all__ = ["Org", "collect_problems", "load_org", "load_org_text"]
