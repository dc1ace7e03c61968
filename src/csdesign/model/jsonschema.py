"""The org file's JSON Schema, generated from the pydantic models so it cannot drift.

The output is normalised so that every pydantic release pyproject.toml allows writes the same
bytes (``allOf``-wrapped references, dict key schemas, defaults and ``0.0`` differ between
releases), and it admits what the models' before-validators accept. It accepts exactly what
the loader accepts, except what needs the whole file; tests/model/test_schema_agreement.py
runs every corpus and example file through both.
"""

from __future__ import annotations

import enum
import json
import typing
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic_core import PydanticUndefined

from csdesign.model import chars
from csdesign.model.schema import MAX_TEXT, OrgFile, Text, unwrap

#: The schema's identifier. A URN: csdesign has no public web home that serves the file; editors
#: load it by path (the modeline `init` and `import` write points at the copy in the package).
SCHEMA_ID = "urn:csdesign:schema:org"


def schema_json() -> str:
    data = OrgFile.model_json_schema()
    _normalise(OrgFile, data["properties"], data["$defs"])
    for name, spec in data["$defs"].items():
        model = _MODELS.get(name)
        if model is not None and "properties" in spec:
            _normalise(model, spec["properties"], data["$defs"])
    data = _tidy(data)
    _accept_shorthands(data)
    _prune(data)
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["$id"] = SCHEMA_ID
    data["title"] = "csdesign org file"
    return _escape_invisible(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))


def _models() -> dict[str, type[BaseModel]]:
    from csdesign.model import schema

    return {name: obj for name, obj in vars(schema).items() if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == schema.__name__}


_MODELS = _models()


def _normalise(model: type[BaseModel], props: dict, defs: dict) -> None:
    """Per field: the model's default, and ``propertyNames`` for dicts, as every release would."""
    for name, field in model.model_fields.items():
        spec = props.get(name)
        if spec is None:
            continue
        for option in spec.get("anyOf", []):  # pydantic 2.6 leaks a default into a member
            option.pop("default", None)
        if field.default is not PydanticUndefined and field.default_factory is None:
            default = field.default
            spec["default"] = default.value if isinstance(default, enum.Enum) else default
        else:
            spec.pop("default", None)
        dict_type = _dict_of(field.annotation)
        if dict_type is not None:
            key, value = typing.get_args(dict_type)
            target = _object_schema(spec)
            value_schema = next(iter(target.pop("patternProperties", {}).values()), None) or target.get("additionalProperties") or TypeAdapter(value).json_schema(ref_template="#/$defs/{model}")
            target["additionalProperties"] = value_schema
            target["propertyNames"] = {k: v for k, v in TypeAdapter(key).json_schema().items() if k != "title"}


def _dict_of(ann: Any) -> Any:
    ann = unwrap(ann)
    return ann if typing.get_origin(ann) is dict else None


def _object_schema(spec: dict) -> dict:
    for option in spec.get("anyOf", []):
        if isinstance(option, dict) and option.get("type") == "object":
            return option
    return spec


def _tidy(node: Any) -> Any:
    """``{"allOf": [{"$ref": X}], …}`` -> ``{"$ref": X, …}``; whole floats as integers."""
    if isinstance(node, dict):
        out = {k: _tidy(v) for k, v in node.items()}
        all_of = out.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and set(all_of[0]) == {"$ref"}:
            out.pop("allOf")
            out["$ref"] = all_of[0]["$ref"]
        return out
    if isinstance(node, list):
        return [_tidy(v) for v in node]
    if isinstance(node, float) and node.is_integer() and abs(node) < 2**53:
        return int(node)
    return node


def _accept_shorthands(data: dict) -> None:
    """Admit what the models' before-validators accept, so editors do not flag valid files.

    pydantic describes the validated shape only: ``A: head_cs`` (one RACI id), ``- Enterprise``
    (a segment or catalogue entry by name) and ``people:`` (alias of ``positions:``) load fine but would be errors.
    """
    defs = data["$defs"]
    for letter, spec in defs["RaciEntry"]["properties"].items():
        defs["RaciEntry"]["properties"][letter] = {"anyOf": [dict(spec["items"]), {k: v for k, v in spec.items() if k not in ("title", "default")}], "title": spec["title"], "default": []}
    text = {k: v for k, v in TypeAdapter(Text).json_schema().items() if k != "title"}
    assert text.get("maxLength") == MAX_TEXT
    for name in ("Segment", "Expected"):  # a bare name stands for {name: ...}
        defs[name] = {"anyOf": [text, defs[name]]}
    # a KPI may be a name, or a number read as its name (Kpi's before-validators), and so may
    # its target and baseline
    kpi = defs["Kpi"]
    for key in ("target", "baseline"):
        spec = kpi["properties"][key]
        spec["anyOf"] = [text, {"type": "number"}, {"type": "null"}]
    defs["Kpi"] = {"anyOf": [text, {"type": "number"}, kpi]}
    data["properties"]["people"] = {**data["properties"]["positions"], "title": "People", "description": "Alias of positions."}
    data["not"] = {"required": ["people", "positions"]}


def _prune(data: dict) -> None:
    """Drop definitions nothing refers to any more (releases differ in what they leave)."""
    while True:
        used = set(_refs(data))
        unused = [name for name in data["$defs"] if f"#/$defs/{name}" not in used]
        if not unused:
            return
        for name in unused:
            del data["$defs"][name]


def _refs(node: Any) -> Any:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                yield v
            else:
                yield from _refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from _refs(v)


def _escape_invisible(text: str) -> str:
    """Write whitespace other than the space, and invisible characters, as JSON escapes, so
    the patterns in the file can be read (JSON decoders turn them back into the characters)."""
    out = []
    for ch in text:
        if ch not in " \n" and (ch in chars.WHITESPACE or chars.is_invisible(ch)):
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
            else:
                out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
