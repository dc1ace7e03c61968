"""Property-based tests: random valid, mutated and hostile org files never crash csdesign.

Bounded example counts keep CI fast. Properties:
* a mutated file (bytes flipped, lines dropped/duplicated, values retyped) either loads or
  fails with located ``CsdesignError`` problems — never another exception;
* a hostile file (tests/fuzzgen.py: explicit tags, numeric extremes, non-string keys, Unicode
  normalisation and invisible characters) run through the real command line gives exit 0, 1
  or 2, never exit 3 ("internal error") nor a traceback; seeded (derandomised) here, run at
  scale by ``python benchmarks/fuzz.py`` (docs/limits.md records the count);
* a valid random org builds in every structure that applies, keeps every declared role,
  gives byte-identical DOT twice, and its SVG parses as XML.
"""

from __future__ import annotations

import os
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csdesign.errors import CsdesignError
from csdesign.model import load_org_text
from csdesign.render.chart.graphviz import chart_bytes
from csdesign.render.chart.dot import to_dot
from csdesign.render.chart.engines import system_available
from csdesign.structures import NAMES, build
from csdesign.structures.contract import roles
from tests.corpus.harness import run
from tests.fuzzgen import hostile_org

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1, max_size=24,
).filter(lambda s: s.strip() != "")
CJK = st.text(alphabet="客户成功经理总监主管专员数据分析华东南北<>&\"'\\N 　 ", min_size=1, max_size=12).filter(lambda s: s.strip() != "")
LEVELS = ["director", "manager", "supervisor", "individual"]
AXES = {"products": "product", "regions": "geographic", "segments": "market", "processes": "process"}


@st.composite
def orgs(draw) -> dict:
    """A valid org as plain data: unique ids, managers declared earlier (no cycles)."""
    dims = {k: draw(st.lists(st.one_of(TEXT, CJK), min_size=0, max_size=3, unique_by=lambda s: s.strip())) for k in AXES}
    n = draw(st.integers(min_value=1, max_value=9))
    out_roles = []
    for i in range(n):
        role: dict = {"id": f"r{i}", "title": draw(st.one_of(TEXT, CJK)), "level": "director" if i == 0 else draw(st.sampled_from(LEVELS))}
        if i > 0 and draw(st.booleans()):
            role["reports_to"] = f"r{draw(st.integers(min_value=0, max_value=i - 1))}"
        role["headcount"] = draw(st.integers(min_value=1, max_value=50))
        role["duties"] = draw(st.lists(st.one_of(TEXT, CJK), max_size=3))
        plural = draw(st.sampled_from(sorted(AXES)))
        if dims[plural] and draw(st.booleans()):
            role["only"] = {plural: [draw(st.sampled_from(dims[plural])).strip()]}
        out_roles.append(role)
    return {"company": {"name": draw(st.one_of(TEXT, CJK))}, "dimensions": {k: v for k, v in dims.items() if v}, "roles": out_roles}


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _structures(data: dict) -> list[str]:
    dims = data.get("dimensions", {})
    return [s for s in NAMES if s not in AXES.values() or any(AXES[k] == s for k in dims)]


def _roles_of(g) -> set[str]:
    return {d["role_id"] for _, d in roles(g)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orgs())
def test_valid_orgs_build_everywhere_keep_roles_and_render_deterministically(data):
    text = _dump(data)
    try:
        org = load_org_text(text, "fuzz.yaml")
    except CsdesignError as exc:  # e.g. a reports_to chain into a replicated role (RL004)
        assert exc.render().startswith("fuzz.yaml:")
        return
    declared = {r["id"] for r in data["roles"]}
    for structure in _structures(data):
        try:
            g = build(org, structure)
        except CsdesignError as exc:
            assert all(p.file == "fuzz.yaml" and p.line for p in exc.problems), exc.render()
            continue
        assert _roles_of(g) == declared, structure
        first = to_dot(g)
        assert to_dot(build(load_org_text(text, "fuzz.yaml"), structure)) == first


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orgs())
def test_svg_of_random_orgs_parses_as_xml(data):
    try:
        g = build(load_org_text(_dump(data), "fuzz.yaml"), "functional")
    except CsdesignError:
        return
    svg, _ = chart_bytes(g, "svg", "system" if system_available() else "embedded")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")


MUTATIONS = st.sampled_from(["flip", "drop", "dup", "retype", "indent", "truncate"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orgs(), st.lists(st.tuples(MUTATIONS, st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=255)), min_size=1, max_size=4))
def test_mutated_files_load_or_fail_with_located_problems(data, mutations):
    raw = bytearray(_dump(data).encode("utf-8"))
    for kind, pos, byte in mutations:
        lines = raw.split(b"\n")
        i = pos % max(1, len(lines))
        if kind == "flip" and raw:
            raw[pos % len(raw)] = byte
            continue
        if kind == "drop":
            del lines[i]
        elif kind == "dup":
            lines.insert(i, lines[i] if lines else b"")
        elif kind == "retype":
            lines[i] = lines[i].split(b":")[0] + b": [1, {a: b}]" if b":" in lines[i] else lines[i] + b": 7"
        elif kind == "indent":
            lines[i] = b"\t" + lines[i]
        elif kind == "truncate":
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: byte % (len(lines[-1]) + 1)]
        raw = bytearray(b"\n".join(lines))
    from csdesign.model.yamlsource import decode

    try:
        org = load_org_text(decode(bytes(raw), "fuzz.yaml"), "fuzz.yaml")
        for structure in NAMES:
            try:
                to_dot(build(org, structure))
            except CsdesignError as exc:
                assert exc.problems and all(p.file == "fuzz.yaml" for p in exc.problems), exc.render()
    except CsdesignError as exc:
        assert exc.problems, exc.render()
        for problem in exc.problems:
            assert problem.file == "fuzz.yaml"
            assert problem.message and "\n" not in problem.message


#: Hostile files per CI run: seeded, so every run tries the same ones (benchmarks/fuzz.py runs more).
HOSTILE_EXAMPLES = int(os.environ.get("CSDESIGN_FUZZ_EXAMPLES", "150"))


def check_hostile(text: str, directory: Path) -> list[int]:
    """Run one hostile file through ``render`` and ``lint``; assert exit 0/1/2 and no traceback."""
    path = directory / "org.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    codes = []
    for args in (("render", str(path)), ("lint", "--format", "json", str(path))):
        res = run(*args)
        assert res.code in (0, 1, 2), f"exit {res.code} for {args[0]}:\n{text}\n{res.stderr}"
        assert "Traceback" not in res.stderr and "internal error" not in res.stderr, res.stderr
        codes.append(res.code)
    return codes


@settings(max_examples=HOSTILE_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_org())
def test_hostile_files_never_reach_exit_3(text):
    with tempfile.TemporaryDirectory() as tmp:
        check_hostile(text, Path(tmp))
