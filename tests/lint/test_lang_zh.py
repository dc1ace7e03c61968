"""`lint --lang zh` is Chinese throughout: every rule's message and hint, not only the analyses'.

Schema errors (S001–S005) come from the loader and stay English in both languages."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
#: a half-width comma, colon or semicolon touching a Chinese character
HALF_WIDTH = re.compile(r"[\u4e00-\u9fff][,:;]|[,:;][\u4e00-\u9fff]")

#: Rules whose English-only messages this test was written against, one file each.
FILES = {
    # ST002 matrix at a startup, ST003 a startup too deep, S006 look-alike and mixed-script ids
    "startup.yaml": """\
company: {name: Test, employees: 30, stage: startup}
structure: {type: matrix}
roles:
  - {id: head, title: 负责人, level: director, duties: [制定战略, 资源调配, 跨部门协调], kpis: [NRR]}
  - {id: mgr, title: 经理, level: manager, reports_to: head, duties: [团队管理], kpis: [NRR]}
  - {id: sup, title: 主管, level: supervisor, reports_to: mgr, duties: [排班], kpis: [CSAT]}
  - {id: csm, title: 客户成功经理, reports_to: sup, duties: [续费], kpis: [NRR]}
  - {id: сsm, title: 客户成功经理二, reports_to: sup, duties: [增购], kpis: [NRR]}
  - {id: aβc, title: 三, reports_to: sup, duties: [培训], kpis: [CSAT]}
""",
    # ST004 a cut with a single value
    "single.yaml": """\
company: {name: Test, employees: 400}
structure: {type: product}
dimensions: {products: [云平台]}
roles:
  - {id: head, title: 负责人, level: director, duties: [制定战略], kpis: [NRR]}
  - {id: csm, title: 客户成功经理, scope: unit, reports_to: head, duties: [续费], kpis: [NRR]}
""",
    # ST006 units serving the same customers with no interface
    "island.yaml": """\
company: {name: Test, employees: 400}
structure: {type: product}
dimensions: {products: [云平台, 数据库]}
roles:
  - {id: head, title: 负责人, level: director, duties: [制定战略], kpis: [NRR]}
  - {id: lead, title: 产品组长, scope: unit, level: manager, reports_to: head, duties: [团队管理], kpis: [NRR]}
  - {id: csm, title: 客户成功经理, scope: unit, reports_to: lead, headcount: 3, duties: [续费], kpis: [NRR]}
""",
}


def _lint_zh(paths: list[Path]) -> list[dict]:
    r = subprocess.run([sys.executable, "-m", "csdesign", "lint", "--lang", "zh", "-f", "json", *map(str, paths)],
                       capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)


def test_every_rule_message_and_hint_is_chinese(tmp_path):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    findings = _lint_zh([*(tmp_path / n for n in FILES), *sorted((ROOT / "examples").glob("*.yaml"))])
    codes = {f["code"] for f in findings}
    assert {"ST002", "ST003", "ST004", "ST006", "S006"} <= codes, codes
    for f in findings:
        if f["code"] in ("S001", "S002", "S003", "S004", "S005"):
            continue
        for text in (f["message"], f["hint"]):
            if text is None:
                continue
            assert CJK.search(text), f"{f['code']} is not in Chinese: {text}"
            assert not HALF_WIDTH.search(text), f"{f['code']} has half-width punctuation: {text}"


def test_the_zh_text_format_labels_the_hint_with_a_full_width_colon(tmp_path):
    (tmp_path / "startup.yaml").write_text(FILES["startup.yaml"], encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "csdesign", "lint", "--lang", "zh", "--select", "ST002", str(tmp_path / "startup.yaml")],
                       capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    assert "\n    建议：采用职能型或扁平型结构；专家保留为共享岗位\n" in r.stdout
    assert "初创企业（30 人）采用矩阵型结构：" in r.stdout
