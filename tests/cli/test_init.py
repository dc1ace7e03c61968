"""`csdesign init` and `csdesign explain`: starter files that render and lint clean, messages, TTY questions."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from csdesign.interchange.modeline import with_modeline
from csdesign.app.init_job import STAGES, default_structure, starter, template_text
from csdesign.model import load_org_text
from csdesign.render.advice import structures_doc
from csdesign.structures import NAMES, build
from csdesign.structures.contract import roles

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd=None, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    return subprocess.run([sys.executable, "-m", "csdesign", *args], capture_output=True, text=True, cwd=cwd, stdin=stdin, env=env)


def lint(path: Path) -> subprocess.CompletedProcess:
    return run("lint", str(path))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("stage", STAGES)
def test_every_template_lints_clean_and_renders(tmp_path, stage, lang):
    out = tmp_path / "org.yaml"
    res = run("init", "--stage", stage, "--lang", lang, "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert res.stdout == f"wrote {out} ({stage}, {default_structure(stage)} structure, {lang}); next: csdesign render {out}\n"
    assert out.read_text(encoding="utf-8") == with_modeline(template_text(stage, lang))
    checked = lint(out)
    assert (checked.returncode, checked.stdout) == (0, "No findings in 1 file.\n")
    assert run("render", str(out), "-o", str(tmp_path / "chart.svg")).returncode == 0


def test_default_structures_follow_the_stage_guidance():
    assert [default_structure(s) for s in STAGES] == ["flat", "product", "matrix"]


@pytest.mark.parametrize("stage", STAGES)
def test_every_structure_builds_from_every_template(stage):
    for lang in ("en", "zh"):
        for name in NAMES:
            g = build(load_org_text(starter(stage, name, lang)))
            assert g.graph["structure"] == name


def test_template_sizes_and_levels():
    sizes = {}
    for stage in STAGES:
        g = build(load_org_text(starter(stage)))
        sizes[stage] = sum(d["headcount"] for _, d in roles(g))
        levels = {d["level"] for _, d in roles(g)}
        assert levels >= {"individual"}
    # start-up: a team of six; growth: 2 product teams of 11 + director + ops; enterprise: 3 products x 16 + 5
    assert sizes == {"startup": 6, "growth": 24, "enterprise": 53}


def test_structure_and_name_are_written_into_the_template(tmp_path):
    out = tmp_path / "o.yaml"
    res = run("init", "--stage", "growth", "-s", "geographic", "--name", 'Acme: "Ltd" #1', "-o", str(out))
    assert res.returncode == 0, res.stderr
    text = out.read_text(encoding="utf-8")
    assert '  name: "Acme: \\"Ltd\\" #1"\n' in text
    assert "  type: geographic            # functional | product | market" in text
    org = load_org_text(text)
    assert org.model.company.name == 'Acme: "Ltd" #1'
    assert org.model.structure.type.value == "geographic"
    assert lint(out).stdout == "No findings in 1 file.\n"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_structure_and_language_lints_clean(tmp_path, stage, lang):
    """Issue 18: `init --structure market` came with two CP001 warnings. Every combination is clean."""
    from csdesign.lint.config import LintConfig
    from csdesign.lint.runner import lint_file

    for name in NAMES:
        path = tmp_path / f"{stage}-{name}-{lang}.yaml"
        path.write_text(starter(stage, name, lang), encoding="utf-8")
        findings, crashes = lint_file(path, LintConfig())
        assert ([f"{f.code} {f.message}" for f in findings], crashes) == ([], []), (stage, name, lang)


def test_other_structures_resize_the_replicated_roles():
    """Headcount is per unit: another cut gets headcounts that still cover the accounts."""
    def sizes(text: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for _, d in roles(build(load_org_text(text))):
            out[d["role_id"]] = out.get(d["role_id"], 0) + d["headcount"]
        return out

    assert sizes(starter("enterprise")) == {"vp_cs": 1, "cs_ops": 1, "data_lead": 1, "training_lead": 1, "psupport_lead": 1, "product_mgr": 3,
                                            "frontline_sup": 3, "kam": 3, "csm": 9, "analyst": 3, "trainer": 3, "support_eng": 6, "service_agent": 18}
    market = starter("enterprise", "market")
    assert "    headcount: 3\n    duties:\n      - Run executive business reviews" in market  # 45 strategic accounts / 15 per KAM
    assert "    headcount: 4\n    duties:\n      - Drive adoption" in market  # 200/50 important and 8000/2000 ordinary, per segment
    assert sizes(market)["csm"] == 12 and sizes(market)["service_agent"] == 18
    assert sizes(starter("growth", "functional"))["csm"] == 6  # 20/10 + 150/75 + 1500/750 in one team


@pytest.mark.parametrize(("stage", "structure", "rule"), [("startup", "matrix", "ST002"), ("growth", "flat", "SP001"), ("enterprise", "flat", "SP001")])
def test_a_pair_against_the_guidance_says_so_and_accepts_it_in_the_file(tmp_path, stage, structure, rule):
    out = tmp_path / "o.yaml"
    res = run("init", "--stage", stage, "-s", structure, "-o", str(out))
    assert res.returncode == 0
    text = out.read_text(encoding="utf-8")
    assert f"(lint {rule}," in text.replace("\n# ", " ") and "\n# csdesign: file-ignore[" in text
    assert res.stderr.startswith("note: You asked for a ") and res.stderr.endswith(" The file accepts this on purpose, in a comment above `structure:`.\n")
    assert lint(out).stdout == "No findings in 1 file.\n"
    out.write_text(text.replace("# csdesign: file-ignore[", "# file-ignore["), encoding="utf-8")
    assert f" {rule} [warning] " in lint(out).stdout  # deleting the line shows the warning again


def test_matrix_at_startup_in_chinese():
    text = starter("startup", "matrix", "zh")
    assert "# 你选择了初创期的矩阵型结构。\n# 《如何为你的企业找到合适的客户支持团队结构》一文不建议这样做：双线汇报带来的协调成本超出精简团队所需（lint ST002，matrix-at-startup）。\n" \
           "# 下一行表示有意接受这一选择；删除它即可重新看到该警告。\n# csdesign: file-ignore[matrix-at-startup]\nstructure:\n" in text


def test_stdout_and_cjk_name():
    res = run("init", "--stage", "enterprise", "--lang", "zh", "--name", "云帆科技", "-o", "-")
    assert res.returncode == 0
    assert res.stdout.split("\n", 1)[1].startswith("# 由 `csdesign init --stage enterprise --lang zh` 生成的起步组织文件")
    assert '  name: "云帆科技"\n' in res.stdout
    assert res.stderr == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--stage", "grwth"], "unknown stage 'grwth'; did you mean 'growth'? (use startup, growth or enterprise)"),
        (["-s", "matrx"], "unknown structure 'matrx'; did you mean 'matrix'? (use one of functional, product, market, geographic, process, matrix, circular, flat)"),
        (["--lang", "fr"], "unknown language 'fr' (use en or zh)"),
        (["--name", "   "], "the company name is empty (give --name a value, or leave it out)"),
    ],
)
def test_user_errors_exit_2_with_one_line(args, message):
    res = run("init", *args, "-o", "-")
    assert (res.returncode, res.stdout, res.stderr) == (2, "", message + "\n")


def test_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "org.yaml"
    out.write_text("keep me", encoding="utf-8")
    res = run("init", "-o", str(out))
    assert (res.returncode, res.stderr) == (2, f"{out} already exists (use --force to overwrite it, or -o another path)\n")
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("init", "-o", str(out), "--force").returncode == 0
    assert out.read_text(encoding="utf-8") == with_modeline(template_text("startup"))


def test_no_questions_without_a_terminal(tmp_path):
    """stdin is /dev/null (as in CI): no prompt, defaults used, exit 0."""
    res = run("init", cwd=tmp_path)
    assert res.returncode == 0
    assert (tmp_path / "org.yaml").read_text(encoding="utf-8") == with_modeline(template_text("startup", "en"))
    assert "Stage" not in res.stdout


def _pty_session(args: list[str], answers: list[str], cwd: Path) -> str:
    """Run the CLI on a pseudo-terminal, answering each prompt; returns everything it printed."""
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["TERM"] = "dumb"
    proc = subprocess.Popen([sys.executable, "-m", "csdesign", *args], stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env, close_fds=True)
    os.close(slave)
    seen = b""
    pending = list(answers)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if pending and seen.rstrip().endswith(b":"):
                os.write(master, pending.pop(0).encode("utf-8") + b"\n")
                seen += b"\n"
        elif proc.poll() is not None:
            break
    proc.wait(timeout=30)
    os.close(master)
    assert proc.returncode == 0, seen.decode("utf-8", "replace")
    return seen.decode("utf-8", "replace")


def test_asks_questions_in_a_terminal(tmp_path):
    transcript = _pty_session(["init"], ["zh", "云帆科技", "growth", "geographic"], tmp_path)
    assert "Language / 语言 (en, zh) [en]:" in transcript
    assert "公司名称 [示例科技]:" in transcript
    assert "企业阶段 (startup, growth, enterprise) [startup]:" in transcript
    assert "组织结构 (functional, product, market, geographic, process, matrix, circular, flat) [product]:" in transcript
    text = (tmp_path / "org.yaml").read_text(encoding="utf-8")
    org = load_org_text(text)
    assert (org.model.company.name, org.model.company.stage.value, org.model.structure.type.value) == ("云帆科技", "growth", "geographic")
    assert "客户成功部总监" in text


def test_flags_mean_no_questions_even_in_a_terminal(tmp_path):
    transcript = _pty_session(["init", "--stage", "enterprise"], [], tmp_path)
    assert "Language" not in transcript
    assert "wrote org.yaml (enterprise, matrix structure, en)" in transcript


def test_explain_in_both_languages():
    res = run("explain", "process")
    assert res.returncode == 0
    lines = res.stdout.splitlines()
    assert lines[0] == "Process-based  (process)"
    assert "  • Hand-offs between stages, where customers and information get lost." in lines
    zh = run("explain", "circular", "--lang", "zh")
    assert zh.stdout.splitlines()[0] == "圆形  (circular)"
    assert "  • 实际运作中指挥链不清晰。" in zh.stdout.splitlines()


def test_explain_user_errors():
    res = run("explain", "matirx")
    assert (res.returncode, res.stderr) == (2, "unknown structure or topic 'matirx'; did you mean 'matrix'? (structures: functional, product, "
                                            "market, geographic, process, matrix, circular, flat; topics: placement, layers, roles, tiers, modules, "
                                            "failure-modes, changing-responsibilities, metrics, vocabulary)\n")
    assert run("explain", "--lang", "fr").stderr == "unknown language 'fr' (use en or zh)\n"
    assert run("explain", "-f", "pdf").stderr == "unknown format 'pdf' (use text or markdown)\n"


def test_docs_structures_page_is_the_explain_text():
    assert (ROOT / "docs" / "structures.md").read_text(encoding="utf-8") == structures_doc()
    md = run("explain", "flat", "-f", "markdown").stdout
    assert md.startswith("## Flat (`flat`)\n\nSometimes called organic")
    assert md in structures_doc().replace("### ", "## ")
