"""recommend: different, sensible first choices per stage, reasons, weights, the score table."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from csdesign.analysis.compare import compare
from csdesign.analysis.recommend import load_weights, recommend, score_table
from csdesign.errors import InputError
from csdesign.model import load_org
from tests.helpers import EXAMPLES


def rec(name: str, **kw):
    return recommend(compare(load_org(EXAMPLES / name)), **kw)


def test_each_stage_gets_a_different_sensible_first_choice():
    firsts = {name: rec(name).first.structure for name in ("startup.yaml", "growth-saas.yaml", "enterprise.yaml", "ecommerce-matrix.yaml")}
    # start-up: lean/flat; growth: product sub-teams; enterprise: tiered market units (seed 004);
    # the e-commerce enterprise with 3 products x 3 regions: matrix (seed 003 / seed 000)
    assert firsts == {"startup.yaml": "flat", "growth-saas.yaml": "product", "enterprise.yaml": "market", "ecommerce-matrix.yaml": "matrix"}


def test_exact_scores_and_order():
    assert [(r.structure, r.score) for r in rec("startup.yaml").ranking] == [
        ("flat", 4.0), ("functional", 1.5), ("circular", 1.5), ("geographic", 1.0), ("market", 1.0),
        ("product", -1.0), ("process", -2.0), ("matrix", -3.0),
    ]
    assert [(r.structure, r.score) for r in rec("enterprise.yaml").ranking][:3] == [("market", 3.0), ("geographic", 2.69), ("product", 1.18)]


def test_reasons_are_sentences_traced_to_the_articles_by_title():
    first = rec("startup.yaml").first
    assert [(r.rule, r.points, r.source) for r in first.reasons] == [
        ("stage", 3, 'the article "如何为你的企业找到合适的客户支持团队结构" (How to find the right customer support team structure for your business)'),
        ("kind", 1, 'the article "客户成功部门归谁管呢" (Who should the customer success department report to)'),
    ]
    assert [r.source for r in rec("startup.yaml", lang="zh").first.reasons] == ["《如何为你的企业找到合适的客户支持团队结构》", "《客户成功部门归谁管呢》"]
    assert first.reasons[0].text == "A flat structure suits the start-up stage."
    # the stage guidance is quoted once for the whole ranking, not repeated per structure
    assert rec("startup.yaml").guidance.startswith("Start-ups run a lean, multi-skilled team")
    functional = next(r for r in rec("startup.yaml").ranking if r.structure == "functional")
    assert functional.reasons[-1].text == "1 pair of teams (customer success, support) serve the same customers with no declared way to work together: information islands."
    zh = rec("growth-saas.yaml", lang="zh").first
    assert zh.reasons[1].text == "公司有 3 个产品，每个团队都有可专注的对象。"


def test_weights_change_the_ranking_and_show_in_the_table(tmp_path):
    base = rec("growth-saas.yaml")
    rules, rows = score_table(base)
    assert rules == ["stage", "dimensions", "kind", "silos", "handoffs", "spans", "duties"]
    assert rows[0] == [2.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    w = tmp_path / "w.toml"
    w.write_text("[weights]\nstage = 0\ndimensions = 0\nkind = 3\n", encoding="utf-8")
    heavy = rec("growth-saas.yaml", weights=load_weights(w))
    assert heavy.first.structure == "flat"  # only the internet-firm rule left: flat and circular tie, flat first
    assert heavy.weights["kind"] == 3.0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[weights]\nsilo = 2\n", "unknown rule 'silo' in [weights]; did you mean 'silos'?"),
        ("[weights]\nsilos = 'high'\n", "weights.silos must be a number from 0 to 100 (got 'high')"),
        ("x = 1\n", "no [weights] table"),
        ("[weights\n", "not valid TOML"),
    ],
)
def test_bad_weights_files(tmp_path, text, message):
    w = tmp_path / "w.toml"
    w.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_weights(w)
    assert info.value.message.startswith(f"{w}: {message}")


def test_cli_json_markdown_and_explain():
    res = subprocess.run([sys.executable, "-m", "csdesign", "recommend", str(EXAMPLES / "startup.yaml"), "-f", "json", "--explain", "--top", "2"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert [r["structure"] for r in data["ranking"]] == ["flat", "functional"]
    assert data["score_table"]["rows"][0] == {"structure": "flat", "points": [3.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0]}
    md = subprocess.run([sys.executable, "-m", "csdesign", "recommend", str(EXAMPLES / "startup.yaml"), "-f", "markdown", "--top", "1"], capture_output=True, text=True).stdout
    assert md.startswith("# Lumen Forms: recommended structures (startup)\n\n> Start-ups run a lean, multi-skilled team")
    assert "feedback platform); phone support may be outsourced. [1]\n\n1. **Flat** (`flat`), score 4\n   - +3: A flat structure suits the start-up stage. [1]\n" in md
    assert md.endswith(
        "\n\nSources:\n\n"
        '1. the article "如何为你的企业找到合适的客户支持团队结构" (How to find the right customer support team structure for your business)\n'
        '2. the article "客户成功部门归谁管呢" (Who should the customer success department report to)\n'
    )


def test_lang_zh_translates_the_headings_too():
    from rich.console import Console

    from csdesign.render.compare.text import recommend_markdown, recommend_rich

    r = rec("startup.yaml", lang="zh")
    r.ranking = r.ranking[:1]
    md = recommend_markdown(r, explain=True)
    assert md.startswith("# Lumen Forms：推荐的组织结构（初创期）\n\n")
    assert "\n\n1. **扁平型** (`flat`)，得分 4\n" in md
    assert "\n| 结构 | stage ×1 | dimensions ×1 | kind ×1 | silos ×1 | handoffs ×1 | spans ×1 | duties ×1 | 得分 |\n" in md
    console = Console(width=120, record=True, file=open("/dev/null", "w"))
    console.print(recommend_rich(r, explain=True))
    text = console.export_text()
    assert text.startswith("Lumen Forms · 初创期 · 推荐的组织结构")
    for heading in ("┃ 结构", "┃ 得分 ┃", "┃ 理由", "评分表：权重 × 各规则得分"):
        assert heading in text
    for english in ("recommended structures", "Structure", "Score", "Why"):
        assert english not in text


# --- issue 18: reasons describe the file; ties are said; no fake ranking ---------------------

SEGMENT_MATRIX = """\
company: {name: 分层科技, employees: 2000}
dimensions:
  segments: [战略客户, 重要客户, 普通客户]
  regions: [华东, 华南]
structure: {type: matrix, primary: segment, secondary: region}
roles:
  - {id: head, title: 客户成功部总监, level: director}
  - {id: region_lead, title: 区域协调人, level: manager, scope: lead}
  - {id: csm, title: 客户成功经理, headcount: 3}
"""


def _matrix_reason(text: str, lang: str = "en") -> tuple[float, str]:
    from tests.helpers import org_from

    r = recommend(compare(org_from(text)), lang=lang)
    matrix = next(x for x in r.ranking if x.structure == "matrix")
    reason = next(x for x in matrix.reasons if x.rule == "dimensions")
    return reason.points, reason.text


def test_a_segment_primary_matrix_is_described_by_its_segments():
    """Issue 18: a segment-primary matrix was backed by a "product teams" reason."""
    assert _matrix_reason(SEGMENT_MATRIX) == (1, "3 customer segments across 2 regions is the case a matrix is for: segment teams with regional lines across them.")
    assert _matrix_reason(SEGMENT_MATRIX, "zh") == (1, "3 个客户分层覆盖 2 个区域，正是矩阵结构适用的情形：按客户分层设团队，再用区域线横向贯穿。")
    one_region = SEGMENT_MATRIX.replace("regions: [华东, 华南]", "regions: [华东]")
    assert _matrix_reason(one_region) == (-1, "A matrix pays off with several regions across the segment teams; this company has 1.")


def test_matrix_reasons_on_the_examples():
    def reason(name: str) -> tuple[float, str]:
        matrix = next(x for x in rec(name).ranking if x.structure == "matrix")
        return next((x.points, x.text) for x in matrix.reasons if x.rule == "dimensions")

    assert reason("ecommerce-matrix.yaml") == (1, "3 products with 3 functional leads across them (数据分析, 客户培训, 产品支持) is the case a matrix is for: product teams with functional lines across them.")
    assert reason("growth-saas.yaml") == (1, "3 products across 3 regions is the case a matrix is for: product teams with regional lines across them.")
    assert reason("enterprise.yaml") == (-1, "No `scope: lead` role draws a line across the 3 product teams, so this matrix would be drawn as a product structure; a matrix needs cross-team leads (data, training, product support).")
    assert reason("startup.yaml") == (-1, "A matrix needs two or more products to cut into teams; this company has 1.")


def test_ties_are_said_and_how_they_were_broken():
    r = rec("ecommerce-matrix.yaml")
    assert [(x.structure, x.score) for x in r.ranking[:3]] == [("matrix", 3.0), ("geographic", 3.0), ("market", 3.0)]
    assert r.ties == [(3.0, ("matrix", "geographic", "market"))]
    assert r.tie_sentences() == ["Matrix, Geographic and Market-based tie at 3; equal scores keep the order in which the guidance for the enterprise stage "
                                 "names the structures (Matrix, Geographic, Product-based, Market-based, Process-based, Functional, Circular, Flat)."]
    assert rec("ecommerce-matrix.yaml", lang="zh").tie_sentences() == [
        "矩阵型、地域型、市场型同为 3 分；同分时按大型企业指引列出各结构的顺序排列（矩阵型、地域型、产品型、市场型、流程型、职能型、圆形、扁平型）。"]
    res = subprocess.run([sys.executable, "-m", "csdesign", "recommend", str(EXAMPLES / "ecommerce-matrix.yaml"), "--top", "1", "-f", "json"], capture_output=True, text=True)
    data = json.loads(res.stdout)  # --top 1 still says the first place is shared
    assert [r["structure"] for r in data["ranking"]] == ["matrix"]
    assert [(t["score"], t["structures"]) for t in data["ties"]] == [(3.0, ["matrix", "geographic", "market"])]
    md = subprocess.run([sys.executable, "-m", "csdesign", "recommend", str(EXAMPLES / "ecommerce-matrix.yaml"), "--top", "1", "-f", "markdown"], capture_output=True, text=True).stdout
    # under the ranking, before the list of sources the reasons cite
    assert md.endswith("\n\nMatrix, Geographic and Market-based tie at 3; equal scores keep the order in which the guidance for the enterprise stage "
                       "names the structures (Matrix, Geographic, Product-based, Market-based, Process-based, Functional, Circular, Flat).\n\nSources:\n\n"
                       '1. the article "如何为你的企业找到合适的客户支持团队结构" (How to find the right customer support team structure for your business)\n')


def test_a_positions_only_file_is_not_given_a_fake_ranking(tmp_path):
    org = tmp_path / "as-is.yaml"
    org.write_text("company: {name: X}\npositions:\n  - {id: a, title: 客户成功部总监}\n  - {id: b, title: 客户成功经理, reports_to: a}\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "csdesign", "recommend", str(org)], capture_output=True, text=True)
    assert (res.returncode, res.stdout) == (2, "")
    assert res.stderr == (f"{org}: recommend ranks proposals built from `roles:`, and this as-is org has 2 positions and no roles "
                          "(add `roles:`, one per job with its title, level and duties, and link the positions to them with `role:`; "
                          "csdesign report and csdesign lint check the positions as they are)\n")


def test_an_as_is_file_with_roles_says_what_is_ranked():
    r = rec("reorg-before.yaml")
    assert r.note == (f"This file is an as-is org (9 positions): the ranking is of proposals built from its 5 roles, not of the org as it is; "
                      f"run csdesign diff {EXAMPLES / 'reorg-before.yaml'} {EXAMPLES / 'reorg-before.yaml'} --after-structure X to see what moving to one of them changes.")
