"""Files written by `init` and `import` start with a yaml-language-server modeline pointing at
the schema shipped in the package; that schema is the generated one and has an ``$id``."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

from csdesign.interchange.modeline import PREFIX, modeline, schema_file, with_modeline
from csdesign.model import load_org_text
from csdesign.model.jsonschema import SCHEMA_ID, schema_json
from tests.helpers import ROOT


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "csdesign", *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd or ROOT)


def test_the_shipped_schema_is_the_generated_one_with_an_id():
    shipped = schema_file()
    assert shipped.parent.name == "model" and shipped.is_file()
    fix = "regenerate both copies: csdesign schema > docs/org.schema.json && cp docs/org.schema.json src/csdesign/model/org.schema.json"
    assert shipped.read_text(encoding="utf-8") == schema_json() + "\n", fix
    assert (ROOT / "docs" / "org.schema.json").read_text(encoding="utf-8") == schema_json() + "\n", fix
    schema = json.loads(shipped.read_text(encoding="utf-8"))
    assert schema["$id"] == SCHEMA_ID == "urn:csdesign:schema:org"
    jsonschema.validators.validator_for(schema).check_schema(schema)


def test_modeline_points_at_the_shipped_schema():
    line = modeline()
    assert line == PREFIX + schema_file().resolve().as_uri()
    assert line.startswith("# yaml-language-server: $schema=file:///")
    assert with_modeline("a: 1\n") == line + "\na: 1\n"
    assert with_modeline(with_modeline("a: 1\n")) == line + "\na: 1\n"  # never two


def test_init_and_import_write_the_modeline_and_the_file_validates(tmp_path):
    org = tmp_path / "org.yaml"
    assert run("init", "--stage", "growth", "--lang", "zh", "-o", str(org)).returncode == 0
    people = tmp_path / "people.csv"
    people.write_text("工号,姓名,职位,上级工号\nE001,王芳,客户成功总监,\nE002,李雷,客户成功经理,E001\n", encoding="utf-8")
    imported = tmp_path / "as-is.yaml"
    res = run("import", str(people), "-o", str(imported), "--company", "云帆科技")
    assert res.returncode == 0, res.stderr
    schema = json.loads(schema_file().read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    for path in (org, imported):
        text = path.read_text(encoding="utf-8")
        assert text.splitlines()[0] == modeline()
        validator.validate(load_org_text(text, str(path)).source.data)  # what the editor will check
    assert run("lint", str(org), str(imported)).returncode == 0
