"""The registries are the only place a new analysis or output format is declared.

This module is a throwaway analysis ("single-seat": roles held by one person, so nobody
covers when they are away) and a throwaway report
format (TSV), each written as docs/contributing.md says: one module (here, this file) and
one registry entry (here, registered by the fixture). They then work end to end through the
CLI: --only, the summary line, a report section, JSON and its schema, --highlight, a lint
rule, --format/-o suffix inference, and the "use one of" error -- with no other file touched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
STARTUP = str(ROOT / "examples" / "startup.yaml")


# -- the analysis module: a function of the graph, a finding class, a report section --------


@dataclass(frozen=True)
class SingleSeat:
    role_id: str
    title: str
    nodes: tuple[str, ...]

    def message(self, lang: str = "en") -> str:
        if lang == "zh":
            return f"「{self.title}」只有一人，无人顶岗。"
        return f"{self.title} ({self.role_id}) is a single seat: nobody covers when they are away."

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {"role": self.role_id, "nodes": list(self.nodes), "message": self.message(lang)}


def find_single_seats(g: Any) -> list[SingleSeat]:
    from csdesign.structures.contract import roles

    seen: dict[str, SingleSeat] = {}
    for n, d in roles(g):
        if d["headcount"] == 1 and d["role_id"] not in seen:
            seen[d["role_id"]] = SingleSeat(d["role_id"], d["title"], (n,))
    return list(seen.values())


def single_seat_section(report: Any, lang: str) -> list[Any]:
    from csdesign.analysis.registry import Section

    rows = [[f.title, f.message(lang)] for f in report.result("single-seat")]
    return [Section("single-seat", "Single seats", ["Role", "Finding"], rows, empty="None found.")]


# -- the output format's writer: report -> text ------------------------------------------


def report_tsv(report: Any, lang: str) -> str:
    lines = ["analysis\tfindings"] + [f"{name}\t{n}" for name, n in report.counts().items()]
    return "\n".join(lines) + "\n"


# -- the two registry entries --------------------------------------------------------------


@pytest.fixture
def throwaway():
    from csdesign.analysis.registry import ANALYSES, Analysis, Highlight, LintRule
    from csdesign.formats import Format
    from csdesign.lint.registry import REGISTRY
    from csdesign.render.report.formats import REPORT_FORMATS

    me = __name__
    ANALYSES.register(Analysis(
        "single-seat", f"{me}:find_single_seats", "single_seats", ("Single seats", "单人岗位"),
        ("single seat", "single seats", "个单人岗位"), section=f"{me}:single_seat_section",
        highlight=Highlight("single-seat", "#123456", ("single seat", "单人岗位")), lint=True,
        lint_rule=LintRule("CP900", "single-seat", "info", "A role held by one person has no cover; cross-train a backup."),
    ))
    REPORT_FORMATS.register(Format("tsv", f"{me}:report_tsv", "counts per analysis", (".tsv",)))
    yield
    ANALYSES.unregister("single-seat")
    REPORT_FORMATS.unregister("tsv")
    REGISTRY.pop("CP900", None)


def cli(*args: str):
    from csdesign.cli import commands  # noqa: F401 - registers the commands
    from csdesign.cli.app import app

    return CliRunner().invoke(app, list(args))


def test_a_throwaway_analysis_runs_end_to_end(throwaway, tmp_path):
    from csdesign.analysis.report_schema import report_schema

    data = json.loads(cli("report", STARTUP, "--only", "single-seat", "-f", "json").stdout)
    assert data["analyses"] == ["single-seat"]
    assert [f["message"] for f in data["single_seats"]] == [
        "Head of Customer Success (head_cs) is a single seat: nobody covers when they are away.",
        "CS Tools & Operations Specialist (cs_ops) is a single seat: nobody covers when they are away.",
    ]
    # the summary says what --only left out (issue 18: overlap and gap counts always show)
    assert (data["counts"]["single-seat"], data["summary"]) == (2, "overlaps and gaps not checked, 2 single seats")
    zh = json.loads(cli("report", STARTUP, "--only", "single-seat", "-f", "json", "--lang", "zh").stdout)
    assert zh["summary"] == "未检查职责重叠和职责空缺，2 个单人岗位" and zh["single_seats"][0]["message"] == "「Head of Customer Success」只有一人，无人顶岗。"
    assert "single_seats" in report_schema()["properties"] and "single-seat" in report_schema()["properties"]["counts"]["required"]

    markdown = cli("report", STARTUP, "--only", "overlap,single-seat", "-f", "markdown").stdout
    assert "## Single seats" in markdown and "1 overlap, gaps not checked, 2 single seats" in markdown

    dot = tmp_path / "c.dot"
    assert cli("render", STARTUP, "--highlight", "single-seat", "-o", str(dot)).exit_code == 0
    assert "single seat (2)" in dot.read_text(encoding="utf-8") and '"#123456"' in dot.read_text(encoding="utf-8")

    lint = cli("lint", STARTUP, "--select", "CP900", "-f", "json")
    found = json.loads(lint.stdout)
    assert [(f["code"], f["path"], f["line"], f["message"]) for f in found] == [
        ("CP900", "roles[0]", 32, "Head of Customer Success (head_cs) is a single seat: nobody covers when they are away."),
        ("CP900", "roles[3]", 68, "CS Tools & Operations Specialist (cs_ops) is a single seat: nobody covers when they are away."),
    ]


def test_a_throwaway_format_runs_end_to_end(throwaway, tmp_path):
    out = tmp_path / "counts.tsv"
    assert cli("report", STARTUP, "-o", str(out)).exit_code == 0  # picked by its suffix
    assert out.read_text(encoding="utf-8").startswith("analysis\tfindings\noverlap\t1\n")
    assert cli("report", STARTUP, "-f", "tsv").stdout.startswith("analysis\tfindings\n")
    bad = cli("report", STARTUP, "-f", "tsvv")
    from csdesign.render.report.formats import REPORT_FORMATS

    assert REPORT_FORMATS.names()[-1] == "tsv"
    assert bad.exception.render() == "--format: unknown format 'tsvv'; did you mean 'tsv'? (use one of " + ", ".join(REPORT_FORMATS.names()) + ")"


def test_the_registries_are_clean_again():
    from csdesign.analysis.registry import ANALYSES
    from csdesign.render.report.formats import REPORT_FORMATS

    assert "single-seat" not in ANALYSES and "tsv" not in REPORT_FORMATS
