"""`csdesign import`'s YAML side: --column parsing and the file written for an import."""

from __future__ import annotations

import pytest

from csdesign.errors import InputError
from csdesign.interchange.csv_import import Imported
from csdesign.interchange.modeline import modeline
from csdesign.interchange.yaml_write import column_mapping, imported_org_yaml


def test_column_mapping_strips_and_keeps_cjk_headers():
    assert column_mapping([" manager_id = 上级工号 ", "id=工号"]) == {"manager_id": "上级工号", "id": "工号"}


@pytest.mark.parametrize("item", ["manager", "=上级", "manager_id="])
def test_column_mapping_needs_field_and_header(item):
    with pytest.raises(InputError) as exc:
        column_mapping([item])
    assert exc.value.render() == f"--column {item}: expected FIELD=HEADER (e.g. --column manager_id=parentId)"


def _imported(data: dict) -> Imported:
    return Imported(data=data, mapping={"id": "工号", "title": "职位"}, unused=["备注"], rows=2, kept=2, encoding="utf-8", delimiter=",", notes=["skipped 1 blank row"])


def test_imported_org_yaml_says_where_it_came_from():
    data = {"company": {"name": "云帆"}, "positions": [{"id": "E1", "title": "总监"}, {"id": "E2", "title": "经理", "reports_to": "E1"}]}
    text = imported_org_yaml(_imported(data), "people.csv", "org.yaml")
    assert text.splitlines()[:5] == [
        modeline(),
        "# Imported by `csdesign import` from people.csv: 2 people.",
        "# Columns: id <- 工号, title <- 职位.",
        "# Not imported: 备注.",
        "# Skipped 1 blank row.",
    ]


def test_imported_org_yaml_that_does_not_load_back_is_a_bug_not_a_user_error():
    data = {"company": {"name": "云帆"}, "positions": [{"id": "E1", "title": "总监", "reports_to": "E9"}]}
    with pytest.raises(RuntimeError, match="^the imported org does not load back: org.yaml:"):
        imported_org_yaml(_imported(data), "people.csv", "org.yaml")
