"""`csdesign jd`: one job description per role, Markdown and DOCX, English and Chinese."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from csdesign.analysis.jd import job_descriptions
from csdesign.app.jd_job import file_stem
from csdesign.render.jd.docx_format import jd_docx
from csdesign.render.jd.markdown import jd_markdown
from csdesign.structures import build_file
from tests.helpers import EXAMPLES, ROOT

ENTERPRISE = EXAMPLES / "enterprise.yaml"


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "csdesign", *args], capture_output=True, text=True, cwd=cwd)


def _docx_text(data: bytes) -> list[str]:
    from docx import Document

    doc = Document(io.BytesIO(data))
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            out.append(" | ".join(c.text for c in row.cells))
    return out


def test_markdown_of_a_role_with_raci_smart_kpis_skills_and_cost():
    jd = job_descriptions(build_file(str(ENTERPRISE)), ["sam"])[0]
    assert jd_markdown(jd) == """\
# Strategic Account Manager

Atlas Logistics Technologies · market structure

| | |
|---|---|
| Level | Individual contributor |
| Function | key accounts |
| Reports to | Key Account Team Manager |
| Dotted lines | — |
| Scope | segment: Strategic |
| Units | segment: Strategic |
| Headcount | 12 |
| Fully loaded cost | 480,000 CNY per person; 5,760,000 CNY a year |

## Duties

| Duty | RACI |
|---|---|
| Maintain strategic account plans | — |
| Run executive business reviews | — |
| Resolve strategic-account complaints (RACI activity) | R (Responsible) |

## KPIs

| KPI | Target | Baseline | By |
|---|---|---|---|
| Account plan coverage | 100% of strategic accounts | 70% | 2027-03-31 |

## Skills

- Executive relationship management
- Account planning
- Logistics and supply-chain knowledge
"""


def test_chinese_labels_and_replicated_roles():
    jd = job_descriptions(build_file(str(ENTERPRISE)), ["complaint_spec"])[0]
    md = jd_markdown(jd, "zh")
    assert md.splitlines()[2] == "Atlas Logistics Technologies · 市场型"
    assert "| 编制人数 | 9（3 个岗位框） |" in md
    assert "| 负责范围 | 流程：Complaint handling；客户分层：Strategic、Important、Ordinary |" in md
    assert "| 全成本 | 每人 260,000 CNY；全年 2,340,000 CNY |" in md
    assert "| Resolve strategic-account complaints（RACI 事项） | 执行（R） |" in md
    assert md.endswith("## 技能要求\n\n—\n")


def test_head_reports_to_the_executive_and_accountable_letters():
    jd = job_descriptions(build_file(str(ENTERPRISE)), ["dir_accounts"])[0]
    assert jd.reports_to == ("SVP Customer Management",)
    assert [(d.name, d.raci, d.listed) for d in jd.duties] == [
        ("Own the customer tiering policy", (), True),
        ("Sponsor strategic accounts at executive level", (), True),
        ("Resolve strategic-account complaints", ("A",), False),
        ("Review customer tiers every quarter", ("A",), False),
    ]
    head = job_descriptions(build_file(str(ENTERPRISE)), ["svp_cm"])[0]
    assert head.reports_to == ("COO",)
    assert [(k.name, k.target, k.baseline, k.by) for k in head.kpis] == [("Net revenue retention", "110%", "102%", "2027-06-30"), ("NPS", None, None, None)]


def test_dotted_lines_in_a_matrix():
    g = build_file(str(EXAMPLES / "growth-saas.yaml"))
    lead, csm = job_descriptions(g, ["regional_lead", "csm"])
    assert lead.leads_dotted == ("CS Manager",)
    assert csm.dotted_lines == ()
    cs_manager = job_descriptions(g, ["cs_manager"])[0]
    assert cs_manager.dotted_lines == ("Regional Success Lead",)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_enterprise_role_in_markdown_and_docx(tmp_path, lang):
    out = tmp_path / "jd"
    res = run("-v", "jd", str(ENTERPRISE), "--lang", lang, "-o", str(out))
    assert res.returncode == 0, res.stderr
    roles = [d for d in job_descriptions(build_file(str(ENTERPRISE)))]
    assert len(roles) == 18
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{r.role_id}{s}" for r in roles for s in (".md", ".docx"))
    assert res.stderr.count("wrote ") == 36
    for r in roles:
        md = (out / f"{r.role_id}.md").read_text(encoding="utf-8")
        assert md == jd_markdown(r, lang)
        data = (out / f"{r.role_id}.docx").read_bytes()
        assert data == jd_docx(r, lang)  # deterministic: the same bytes again
        text = _docx_text(data)
        assert text[0] == r.title
        assert any(line.startswith(("Reports to | ", "汇报对象 | ")) for line in text)
    sam = _docx_text((out / "sam.docx").read_bytes())
    assert ("Skills" if lang == "en" else "技能要求") in sam
    assert "Account plan coverage | 100% of strategic accounts | 70% | 2027-03-31" in sam


def test_stdout_one_role_and_errors(tmp_path):
    res = run("jd", str(ENTERPRISE), "--role", "kam")
    assert res.returncode == 0 and res.stdout.startswith("# Key Account Manager\n")
    bad = run("jd", str(ENTERPRISE), "--role", "sma")
    assert (bad.returncode, bad.stderr.strip()) == (2, "--role: no role 'sma' in market structure; did you mean 'sam'? (use a role id from `roles:` (or a position id of an as-is org))")
    docx_to_stdout = run("jd", str(ENTERPRISE), "--format", "docx")
    assert (docx_to_stdout.returncode, docx_to_stdout.stderr.strip()) == (2, "--format docx writes files: give a directory with -o (e.g. -o jd/)")
    keep = tmp_path / "notes.txt"
    keep.write_text("mine", encoding="utf-8")
    file_out = run("jd", str(ENTERPRISE), "-o", str(keep))
    assert file_out.returncode == 2 and "is a file" in file_out.stderr
    assert keep.read_text(encoding="utf-8") == "mine"


def test_file_names_keep_cjk_and_drop_separators():
    assert file_stem("客户成功经理") == "客户成功经理"
    assert file_stem("a/b\\c") == "a_b_c"
    assert file_stem("..") == "_"
    assert file_stem("x.") == "x"


def _writer() -> bool:
    """LibreOffice with its Writer module (Debian ships it apart: libreoffice-writer)."""
    soffice = shutil.which("soffice")
    return soffice is not None and any(Path(os.path.realpath(soffice)).parent.glob("libswlo.*"))


@pytest.mark.skipif(not _writer(), reason="LibreOffice Writer is not installed (soffice and libreoffice-writer; .ci/run installs both)")
def test_libreoffice_opens_the_docx(tmp_path):
    jd = job_descriptions(build_file(str(ENTERPRISE)), ["sam"])[0]
    path = tmp_path / "sam.docx"
    path.write_bytes(jd_docx(jd, "zh"))
    profile = tmp_path / "profile"  # its own profile: another LibreOffice running (a parallel test run) cannot block it
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(path)],
                   capture_output=True, timeout=180, check=True)
    text = (tmp_path / "sam.txt").read_text(encoding="utf-8-sig")
    assert "Strategic Account Manager" in text and "技能要求" in text and "每人 480,000 CNY；全年 5,760,000 CNY" in text
