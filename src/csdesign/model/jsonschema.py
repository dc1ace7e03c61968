"""The org file's JSON Schema, generated from the pydantic models so it cannot drift."""

from __future__ import annotations

import json

from csdesign.model.schema import OrgFile

#: The schema's identifier. A URN: csdesign has no public web home that serves the file; editors
#: load it by path (the modeline `init` and `import` write points at the copy in the package).
SCHEMA_ID = "urn:csdesign:schema:org"


def schema_json() -> str:
    data = OrgFile.model_json_schema()
    _accept_shorthands(data)
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["$id"] = SCHEMA_ID
    data["title"] = "csdesign org file"
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


def _accept_shorthands(data: dict) -> None:
    """Admit what the models' before-validators accept, so editors do not flag valid files.

    pydantic describes the validated shape only: ``A: head_cs`` (one RACI id), ``- Enterprise``
    (a segment or catalogue entry by name) and ``people:`` (alias of ``positions:``) load fine but would be errors.
    """
    defs = data["$defs"]
    for letter, spec in defs["RaciEntry"]["properties"].items():
        defs["RaciEntry"]["properties"][letter] = {"anyOf": [dict(spec["items"]), {k: v for k, v in spec.items() if k != "title"}], "title": spec["title"]}
    for name in ("Segment", "Expected", "Kpi"):  # a bare name stands for {name: ...}
        defs[name] = {"anyOf": [{"type": "string", "minLength": 1, "maxLength": 500}, defs[name]]}
    data["properties"]["people"] = {**data["properties"]["positions"], "title": "People", "description": "Alias of positions."}
    data["not"] = {"required": ["people", "positions"]}
