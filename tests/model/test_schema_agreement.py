"""The JSON Schema and the loader accept exactly the same files (issue 9 §2).

Every corpus file and every example goes through both sides:

* the loader: ``collect_problems`` (YAML, schema and reference checks; no chart is built);
* the schema: the file read the way check-jsonschema reads YAML (ruamel.yaml's safe loader,
  timestamps kept as text, keys as strings) and validated with ``jsonschema`` against the
  committed docs/org.schema.json. A file the YAML reader refuses is a rejection, as it is in
  an editor.

The verdicts must be equal, except for the files listed in EXCEPTIONS: checks a JSON Schema
cannot express. Each exception names its class, and the loader's problem codes must belong to it.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from csdesign.model import collect_problems
from tests.corpus.harness import FILES, ROOT

ruamel_yaml = pytest.importorskip("ruamel.yaml", reason="ruamel.yaml (the YAML reader of check-jsonschema) is a test dependency")

SCHEMA = json.loads((ROOT / "docs" / "org.schema.json").read_text(encoding="utf-8"))

#: class -> (why the two differ, the loader problem codes it covers; empty: the loader accepts)
CLASSES = {
    "references": ("a schema checks values one by one; it cannot see that an id is declared, unique, or used once", {"RL002", "RL003", "S004", "S005"}),
    "cycles": ("a reporting loop runs through several roles; a schema sees one role at a time", {"RL001"}),
    "whole number": ("JSON has one number type, so 2.0 is an integer to JSON Schema; csdesign wants a count written as 2", {"S002"}),
    "tags": ("editors read an explicit !!timestamp as text; csdesign refuses tags for values an org file cannot hold", {"S001"}),
    "lone surrogate": ("JSON tools keep a \\ud800 escape as half a character; csdesign refuses it, as no output file could hold it", {"S001"}),
    "product of fields": ("a limit on contacts_per_hour × aht_seconds (the Erlangs sized) spans two fields; a schema bounds each alone", {"S002"}),
    "python keys": ("ruamel.yaml compares keys as Python values, where 1 == True, and refuses the RACI keys 1 and true "
                    "as duplicates; editors (JavaScript) and csdesign read two keys, '1' and 'true'", set()),
}

#: file -> class. Files that load, and files both sides refuse, are not listed.
EXCEPTIONS = {
    "missing_manager.yaml": "references",
    "self_report.yaml": "references",
    "duplicate_id.yaml": "references",
    "nfd_duplicate_id.yaml": "references",
    "unknown_axis_value.yaml": "references",
    "cycle_2.yaml": "cycles",
    "cycle_long.yaml": "cycles",
    "cycle_no_head.yaml": "cycles",
    "cycle_through_head.yaml": "cycles",
    "cycle_positions.yaml": "cycles",
    "float_for_int.yaml": "whole number",
    "bad_timestamp_tag.yaml": "tags",
    "surrogate_escape.yaml": "lone surrogate",
    "number_keys.yaml": "python keys",
    "erlang_overflow.yaml": "product of fields",
}

#: Refused by csdesign's resource limits before any value is looked at: an editor's parser
#: has no such limit (validating the alias bomb would walk 387 million nodes), so the schema
#: side is not run. The loader's verdict is asserted in tests/corpus.
LIMITS = {"alias_bomb.yaml"}

FILES_UNDER_TEST = sorted(
    [p for p in FILES.iterdir() if p.suffix == ".yaml" and p.name not in LIMITS]
    + list((ROOT / "examples").glob("*.yaml")),
    key=lambda p: (p.parent.name, p.name),
)


def _yaml_reader():
    """ruamel.yaml configured as check-jsonschema configures it; its pure-Python reader, which
    behaves the same in every release (the C one, optional, varies with the bundled libyaml)."""
    yaml = ruamel_yaml.YAML(typ="safe", pure=True)

    class Constructor(ruamel_yaml.SafeConstructor):
        pass

    yaml.Constructor = Constructor
    Constructor.add_constructor("tag:yaml.org,2002:timestamp", ruamel_yaml.SafeConstructor.construct_yaml_str)
    return yaml


def _normalise(data):
    """check-jsonschema's normalisation: mapping keys as strings."""
    if isinstance(data, dict):
        return {str(k): _normalise(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_normalise(v) for v in data]
    return data


def schema_accepts(path: Path) -> bool:
    try:
        text = path.read_bytes().decode("utf-8-sig")
        data = _normalise(_yaml_reader().load(text))
    except Exception:  # noqa: BLE001 - any failure to read is a rejection, as in an editor
        return False
    return not list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data))


def loader_codes(path: Path) -> set[str]:
    _, problems = collect_problems(path)
    return {p.code for p in problems}


@pytest.mark.parametrize("path", FILES_UNDER_TEST, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_and_loader_agree(path):
    codes = loader_codes(path)
    loader = not codes
    schema = schema_accepts(path)
    exception = EXCEPTIONS.get(path.name) if path.parent == FILES else None
    if exception is None:
        assert schema == loader, f"schema {'accepts' if schema else 'rejects'}, loader {'accepts' if loader else 'rejects: ' + ', '.join(sorted(codes))}"
    else:
        why, allowed = CLASSES[exception]
        assert schema != loader, f"listed as a {exception} exception, but both sides agree now: remove it"
        assert loader == (not allowed), f"{exception}: {why}; but the loader {'accepts' if loader else 'rejects'} it"
        assert codes <= allowed, f"{exception}: {why}; but the loader also reports {sorted(codes - allowed)}"


def test_every_exception_is_a_corpus_file():
    assert set(EXCEPTIONS) <= {p.name for p in FILES.iterdir()}
    assert set(EXCEPTIONS.values()) <= set(CLASSES)


def test_the_examples_are_covered():
    assert len([p for p in FILES_UNDER_TEST if p.parent.name == "examples"]) >= 7


def test_the_schema_and_the_analysis_size_the_same_traffic():
    from csdesign.analysis.erlang import MAX_ERLANGS
    from csdesign.model.schema import MAX_ERLANGS as CHECKED

    assert CHECKED == MAX_ERLANGS
