"""Property: any as-is org exported to CSV imports back to the same positions."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csdesign.interchange.csv_export import to_csv
from csdesign.interchange.csv_import import import_people
from csdesign.interchange.yaml_write import org_yaml
from csdesign.model import load_org_text
from csdesign.structures import build

# Text as the importer keeps it: single inner spaces, no control characters; CJK, quotes,
# separators and formula starters included on purpose.
CHARS = st.sampled_from(list("abcXYZ 客户成功经理续约，、；,;|\"'=+-@#:[]{}<>&*_`é"))
TEXT = st.text(CHARS, min_size=1, max_size=12).map(lambda s: " ".join(s.split())).filter(bool)
IDS = st.text(st.sampled_from(list("abc123客户-_.")), min_size=1, max_size=6)


@st.composite
def orgs(draw):
    ids = draw(st.lists(IDS, min_size=1, max_size=12, unique=True))
    positions = []
    for i, pid in enumerate(ids):
        p = {"id": pid, "title": draw(TEXT)}
        if draw(st.booleans()):
            p["name"] = draw(TEXT)
        else:
            p["vacant"] = True
        if i:
            p["reports_to"] = ids[draw(st.integers(0, i - 1))]
            dotted = draw(st.lists(st.sampled_from(ids[:i]), max_size=2, unique=True))
            dotted = [d for d in dotted if d != p["reports_to"]]
            if dotted:
                p["dotted_to"] = dotted
        if draw(st.booleans()):
            p["unit"] = draw(TEXT)
        if draw(st.booleans()):
            p["region"] = draw(TEXT)
        positions.append(p)
    return {"company": {"name": "X"}, "positions": positions}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=orgs())
def test_export_then_import_gives_the_same_positions(tmp_path, data):
    org = load_org_text(org_yaml(data), "org.yaml")
    path = tmp_path / "people.csv"
    path.write_text(to_csv(build(org), org, bom=True), encoding="utf-8", newline="")
    back = import_people(path).data["positions"]
    keys = ("id", "name", "title", "reports_to", "dotted_to", "unit", "region", "vacant")
    assert [{k: p[k] for k in keys if k in p} for p in back] == [{k: p[k] for k in keys if k in p} for p in data["positions"]]


@given(st.text(st.sampled_from(list("'=+-@a\t\r 客"))))
def test_formula_guard_is_reversible(cell):
    from csdesign.interchange.formula import guard, unguard

    assert unguard(guard(cell)) == cell
    assert not guard(cell).startswith(("=", "+", "-", "@", "\t", "\r"))
