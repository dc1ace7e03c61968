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
    assert [(r.structure, r.score) for r in rec("enterprise.yaml").ranking][:3] == [("market", 3.0), ("geographic", 2.69), ("matrix", 1.18)]


def test_reasons_are_sentences_traced_to_seeds():
    first = rec("startup.yaml").first
    assert [(r.rule, r.points, r.source) for r in first.reasons] == [("stage", 3, "seed 003"), ("kind", 1, "seed 000")]
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
    assert "\n\n1. **Flat** (`flat`), score 4\n   - +3: A flat structure suits the start-up stage. (seed 003)\n" in md


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
