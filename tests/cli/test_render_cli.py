"""The render and schema commands end to end: outputs, messages, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.structures.test_builders import ORG


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "csdesign", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def org(write_yaml):
    return write_yaml(ORG)


def test_terminal_tree(org):
    res = run("render", str(org), "-s", "geographic", "--lang", "en")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0] == "云帆科技  (geographic structure)"
    assert "        ├── ▣ Region: 华东" in lines
    assert "        │   └── CS Manager" in lines
    assert "        │       ├── CSM ×4  Individual" in lines



def test_chrome_follows_the_org_language_unless_lang_says(org, examples_dir, tmp_path):
    """Issue 12: a Chinese org's chart speaks Chinese by default; --lang en overrides it."""
    lines = run("render", str(org), "-s", "geographic").stdout.splitlines()
    assert lines[0] == "云帆科技（地域型结构）"
    assert "        ├── ▣ 区域：华东" in lines
    assert "        │       ├── CSM ×4  专员" in lines
    assert not any(w in " ".join(lines) for w in ("geographic", "Region", "manager", "individual"))
    english = run("render", str(examples_dir / "growth-saas.yaml")).stdout.splitlines()
    assert english[:2] == ["Brightwave Software  (matrix structure)", "└── Head of Marketing"]
    assert run("render", str(org), "-s", "geographic", "--lang", "zh").stdout.splitlines() == lines
    svg = tmp_path / "chart.svg"
    assert run("render", str(org), "-s", "geographic", "-o", str(svg)).returncode == 0
    from tests.helpers import svg_node_texts

    boxes = " ".join(svg_node_texts(svg.read_bytes()))
    assert "专员" in boxes and "individual" not in boxes and "Region" not in svg.read_text(encoding="utf-8")
    res = run("render", str(org), "--lang", "fr")
    assert (res.returncode, res.stdout) == (2, "")


def test_terminal_tree_does_not_interpret_markup(write_yaml):
    path = write_yaml("company: {name: '[bold]X[/bold]'}\nroles:\n  - {id: h, title: '[red]boss[/red]', level: director}\n")
    res = run("render", str(path))
    assert "[red]boss[/red]  Director" in res.stdout
    assert res.stdout.splitlines()[0].startswith("[bold]X[/bold]")


def test_svg_written_and_engine_reported_with_verbose(org, tmp_path):
    out = tmp_path / "chart.svg"
    res = run("-v", "render", str(org), "-o", str(out), "--engine", "embedded")
    assert res.returncode == 0, res.stderr
    assert res.stderr.splitlines() == ["rendered with the embedded Graphviz engine", f"wrote {out}"]
    assert out.read_bytes().lstrip().startswith(b"<?xml")
    quiet = run("render", str(org), "-o", str(out))
    assert quiet.stderr == ""


def test_focus_and_depth(org, tmp_path):
    res = run("render", str(org), "-s", "product", "--depth", "2")
    assert "CSM" not in res.stdout and "CS Manager" in res.stdout
    res = run("render", str(org), "-s", "product", "--focus", "data_lead")
    assert "数据分析组长" in res.stdout and "CS Manager" not in res.stdout
    bad = run("render", str(org), "--focus", "data_led")
    assert bad.returncode == 2
    assert bad.stderr.strip() == "--focus: no role 'data_led' in this chart; did you mean 'data_lead'? (use a role id, a title or a name from the file)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "missing.yaml"], "missing.yaml: file not found (check the path)"),
        (["render", "{org}", "-o", "nodir/x.svg"], "nodir/x.svg: directory nodir does not exist (create it first or choose another -o path)"),
        (["render", "{org}", "-o", "x.jpeg"], "cannot tell the output format of 'x.jpeg' (use a suffix (.svg, .png, .pdf, .dot, .gv, .mmd, .mermaid, .json, .html, .htm) or --format svg|png|pdf|dot|mmd|json|html)"),
    ],
)
def test_user_errors_exit_2_with_one_message(org, tmp_path, args, message):
    args = [a.replace("{org}", str(org)) for a in args]
    res = run(*args, cwd=tmp_path)
    assert res.returncode == 2
    assert res.stderr.strip() == message
    assert "Traceback" not in res.stderr


def test_unknown_structure_is_usage_error(org):
    res = run("render", str(org), "-s", "pyramid")
    assert res.returncode == 2
    assert "pyramid" in res.stderr and "Traceback" not in res.stderr


def test_validation_errors_listed_with_locations(write_yaml):
    path = write_yaml("company:\n  name: X\nroles:\n  - id: a\n    title: A\n    levle: director\n    reports_to: b\n")
    res = run("render", str(path))
    assert res.returncode == 2
    assert res.stderr.strip() == f"{path}:6:5: unknown key `levle`, did you mean `level`?"


def test_output_is_atomic_on_failure(org, tmp_path):
    out = tmp_path / "chart.png"
    out.write_bytes(b"previous")
    res = run("render", str(org), "-o", str(out), "--page", "a5")
    assert res.returncode == 2
    assert res.stderr.strip() == "--page: unknown page 'a5' (use one of 16:9, 4:3, a4, a3, letter, none)"
    assert out.read_bytes() == b"previous"


def test_schema_is_json_schema():
    res = run("schema")
    data = json.loads(res.stdout)
    assert data["title"] == "csdesign org file"
    assert "company" in data["required"]
    assert "Role" in data["$defs"]


def test_version():
    from csdesign import __version__

    assert run("--version").stdout.strip() == f"csdesign {__version__}"


def test_terminal_tree_marks_findings_and_changes(examples_dir):
    res = run("render", str(examples_dir / "growth-saas.yaml"), "--highlight", "overlaps", "--focus", "csm")
    marked = [line.strip("│├└─ ") for line in res.stdout.splitlines() if "◆" in line]
    assert marked == ["Customer Success Manager ×3  Individual  ◆ duty overlap"] * 3
    res = run("render", str(examples_dir / "reorg-after.yaml"), "--compare", str(examples_dir / "reorg-before.yaml"), "--lang", "en")
    assert "    └── 张敏 · 客户成功部总监  Director  ◆ changed" in res.stdout.splitlines()
    assert "3 added, 1 removed, 3 moved, 1 changed, 4 unchanged" in res.stdout


# --- issue 18: --focus takes a unique title or prefix, lists candidates, brings dotted lines --

def _focused(path, wanted: str) -> list[str]:
    from csdesign.render.chart.select import focus
    from csdesign.structures import build_file
    from csdesign.structures.contract import roles

    return [n for n, _ in roles(focus(build_file(str(path)), wanted))]


def test_focus_accepts_a_unique_title_a_name_and_a_prefix(examples_dir):
    before = examples_dir / "reorg-before.yaml"
    assert _focused(before, "客服主管") == ["yf001", "yf005", "yf006", "yf007", "yf008"]  # a title
    assert _focused(before, "刘洋") == ["yf001", "yf005", "yf006", "yf007", "yf008"]  # a person
    assert _focused(before, "客户培训") == ["yf001", "yf009"]  # the prefix of one title
    assert _focused(before, "客户成功经理") == ["yf001", "yf003", "yf004"]  # two people of one role (csm)


def test_focus_lists_the_candidates_when_ambiguous(examples_dir):
    res = run("render", str(examples_dir / "reorg-before.yaml"), "--focus", "客服")
    assert (res.returncode, res.stdout) == (2, "")
    assert res.stderr == "--focus: '客服' matches 2 boxes: support_lead (刘洋 · 客服主管), support (陈静 · 客服专员) (give one of their ids)\n"
    res = run("render", str(examples_dir / "reorg-before.yaml"), "--focus", "客服经理")
    assert res.stderr == "--focus: no role '客服经理' in this chart; did you mean '客户服务部经理'? (use a role id, a title or a name from the file)\n"


def test_focus_on_a_matrix_lead_includes_its_dotted_line_reports(examples_dir):
    """Issue 18: `--focus 数据分析组组长` said "no role"; a lead's view showed none of its dotted reports."""
    res = run("render", str(examples_dir / "ecommerce-matrix.yaml"), "--focus", "数据分析组组长", "--lang", "en")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == [
        "云购电商  (matrix structure)",
        "└── COO",
        "    └── 客户成功部总监  Director",
        "        ├── 数据分析组组长  Manager",
        "        ├── ▣ Product: 服饰美妆",
        "        │   └── 业务线团队经理  Manager",
        "        │       └── 客户数据分析师  Individual  ┄ dotted line to 数据分析组组长",
        "        ├── ▣ Product: 数码家电",
        "        │   └── 业务线团队经理  Manager",
        "        │       └── 客户数据分析师  Individual  ┄ dotted line to 数据分析组组长",
        "        └── ▣ Product: 生鲜超市",
        "            └── 业务线团队经理  Manager",
        "                └── 客户数据分析师  Individual  ┄ dotted line to 数据分析组组长",
    ]
