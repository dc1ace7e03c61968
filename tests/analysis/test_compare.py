"""compare: exact numbers per structure on the examples and on small orgs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from csdesign.analysis.compare import compare, handoffs
from csdesign.model import load_org
from tests.helpers import EXAMPLES, graph_from, org_from

KEYS = ("layers", "span_max", "span_median", "managers", "ratio", "headcount", "units", "roles_per_unit", "overlaps", "gaps", "handoffs", "silo_pairs")


def table(name: str) -> dict[str, tuple]:
    c = compare(load_org(EXAMPLES / name))
    return {r.structure: tuple(getattr(r, k) for k in KEYS) for r in c.rows}


def test_growth_saas_every_structure():
    assert table("growth-saas.yaml") == {
        "functional": (3, 6, 3.5, 4, 3.0, 16, 4, 1.5, 1, 1, 2, 6),
        "product": (3, 6, 4.5, 8, 3.75, 38, 3, 6.0, 1, 1, 0, 0),
        "market": (3, 6, 4.0, 8, 3.38, 35, 3, 5.7, 1, 1, 0, 0),
        "geographic": (3, 6, 4.5, 8, 3.75, 38, 3, 6.0, 1, 1, 0, 0),
        "process": (3, 6, 4.0, 7, 2.57, 25, 4, 2.8, 1, 1, 3, 6),
        "matrix": (3, 7, 5.0, 8, 4.0, 40, 3, 6.0, 1, 1, 0, 0),
        "circular": (3, 6, 3.5, 4, 3.0, 16, 4, 1.5, 1, 1, 2, 6),
        "flat": (1, 15, 15.0, 1, 15.0, 16, 0, None, 1, 1, 0, 0),
    }


def test_enterprise_every_structure_and_band_shares():
    assert table("enterprise.yaml")["market"] == (4, 12, 3.5, 22, 4.86, 129, 3, 9.0, 0, 0, 0, 0)
    assert table("enterprise.yaml")["flat"] == (1, 73, 73.0, 1, 73.0, 74, 0, None, 0, 0, 0, 0)
    c = compare(load_org(EXAMPLES / "enterprise.yaml"))
    product = c.row("product")
    assert product.silo_units == ["Fleet Telematics", "Warehouse Management", "Freight Marketplace"]
    assert round(product.band_shares["target"], 2) == 0.36
    assert c.row("market").band_shares["above"] + c.row("market").band_shares["excessive"] == 0.0


def test_startup_flat_has_one_manager_of_five():
    assert table("startup.yaml")["flat"] == (1, 5, 5.0, 1, 5.0, 6, 0, None, 1, 0, 0, 0)


SMALL = """
company: {name: X}
dimensions:
  products: [A, B]
  processes: [Onboard, Adopt, Renew]
roles:
  - {id: head, title: Head, level: director}
  - {id: mgr, title: Manager, level: manager}
  - {id: onb, title: Onboarder, only: {processes: [Onboard]}}
  - {id: csm, title: CSM, headcount: 3, only: {processes: [Adopt, Renew]}}
"""


def test_handoffs_count_units_that_stop_serving_at_each_step():
    assert handoffs(graph_from(SMALL, "process")) == 2  # Onboard -> Adopt, Adopt -> Renew
    assert handoffs(graph_from(SMALL, "product")) == 0  # each product team covers the whole journey
    assert handoffs(graph_from("company: {name: X}\nroles:\n  - {id: h, title: H, level: director}\n", "flat")) is None


def test_silo_pairs_disappear_with_an_interface():
    c = compare(org_from(SMALL), ["product"])
    assert (c.row("product").silo_pairs, c.row("product").silo_units) == (1, ["A", "B"])
    linked = SMALL + "interfaces:\n  - {between: [A, B], mechanism: weekly review}\n"
    assert compare(org_from(linked), ["product"]).row("product").silo_pairs == 0


def test_structure_that_cannot_be_built_gets_the_reason():
    c = compare(org_from("company: {name: X}\nroles:\n  - {id: h, title: H, level: director}\n"), ["geographic", "flat"])
    geo = c.row("geographic")
    assert (geo.ok, geo.error, geo.layers) == (False, "a geographic structure needs at least one value in dimensions.regions", None)
    assert c.row("flat").ok


def test_notes_say_why_headcount_differs_between_structures():
    """58 people "product" against 22 "functional" is the unit roles staffed per product, not a saving."""
    from csdesign.render.compare.text import compare_notes

    notes = compare_notes(compare(load_org(EXAMPLES / "ecommerce-matrix.yaml")))
    assert notes[-1] == ("headcount differs by structure (22–58): a role placed in units is staffed in every unit, "
                         "so a structure with more units needs more people for the same roles")
    one = compare(load_org(EXAMPLES / "ecommerce-matrix.yaml"), ["product", "matrix"])  # 58 and 58
    assert not any(n.startswith("headcount") for n in compare_notes(one))


def run(*args):
    return subprocess.run([sys.executable, "-m", "csdesign", *args], capture_output=True, text=True)


def test_cli_formats_and_out_dir(tmp_path):
    res = run("compare", str(EXAMPLES / "startup.yaml"), "-f", "json", "--structures", "flat,functional")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert [s["structure"] for s in data["structures"]] == ["flat", "functional"]
    assert data["structures"][1]["silo_units"] == ["customer success", "support"]
    md = run("compare", str(EXAMPLES / "startup.yaml"), "-f", "markdown").stdout
    assert "| flat | 1 | 5 | 5 | 0% | 0% | 1 | 5 | 6 | 0 | – | 1 | 0 | 0 | 0 |" in md
    out = tmp_path / "cmp"
    res = run("compare", str(EXAMPLES / "startup.yaml"), "--out-dir", str(out), "-f", "json")
    assert (res.returncode, res.stderr) == (0, "")  # no progress bar (or its blank line) outside a terminal
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{s}.svg" for s in ("functional", "product", "market", "geographic", "process", "matrix", "circular", "flat")] + ["index.html", "index.md"])
    assert "![flat structure](flat.svg)" in (out / "index.md").read_text(encoding="utf-8")
    assert '<img src="matrix.svg" alt="matrix structure of Lumen Forms">' in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--structures", "matirx"], "--structures: unknown structure 'matirx'; did you mean 'matrix'? (use all or names from: functional, product, market, geographic, process, matrix, circular, flat)"),
        (["-f", "csv"], "--format: unknown format 'csv' (use one of table, markdown, json)"),
        (["-f", "json", "--out-dir", str(EXAMPLES / "startup.yaml")], f"{EXAMPLES / 'startup.yaml'}: exists and is not a directory (choose another --out-dir)"),
    ],
)
def test_cli_user_errors(args, message):
    res = run("compare", str(EXAMPLES / "startup.yaml"), *args)
    assert (res.returncode, res.stderr) == (2, message + "\n")
