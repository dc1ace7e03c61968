"""The org file's JSON Schema, generated from the pydantic models so it cannot drift."""

from __future__ import annotations

import json

from csdesign.model.schema import OrgFile


def schema_json() -> str:
    data = OrgFile.model_json_schema()
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["title"] = "csdesign org file"
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
