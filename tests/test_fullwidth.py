"""Chinese text uses full-width punctuation (issue 14): the structure guide, recommend's
reasons and the vocabulary's Chinese names have no ASCII , : ; ( ) ! ? next to a CJK character."""

from __future__ import annotations

import re

from csdesign.analysis.compare import compare
from csdesign.analysis.recommend import recommend
from csdesign.knowledge.guide import advice, stage_guidance, structure_ids
from csdesign.knowledge.vocabulary import builtin
from csdesign.model import load_org
from tests.helpers import EXAMPLES

ASCII_NEXT_TO_CJK = re.compile(r"[\u4e00-\u9fff][,:;()!?]|[,:;()!?][\u4e00-\u9fff]")


def test_structure_guide_in_chinese_is_full_width():
    texts = []
    for s in structure_ids():
        a = advice(s, "zh")
        texts += [a.name, a.cut, a.description, *a.strengths, *a.risks, *a.when]
    texts += [stage_guidance(stage, "zh") for stage in ("startup", "growth", "enterprise")]
    assert [t for t in texts if ASCII_NEXT_TO_CJK.search(t)] == []


def test_recommend_reasons_in_chinese_are_full_width():
    for name in ("growth-saas.yaml", "manufacturer.yaml", "ecommerce-matrix.yaml", "startup.yaml"):
        rec = recommend(compare(load_org(EXAMPLES / name)), lang="zh")
        texts = [r.text for ranked in rec.ranking for r in ranked.reasons]
        assert [t for t in texts if ASCII_NEXT_TO_CJK.search(t)] == [], name


def test_vocabulary_chinese_names_are_full_width():
    assert [c.zh for c in builtin().concepts.values() if ASCII_NEXT_TO_CJK.search(c.zh)] == []


def test_explain_topics_exist_in_both_languages_and_are_full_width():
    from csdesign.knowledge.guide import topic, topic_ids

    assert topic_ids() == ["placement", "layers", "roles", "tiers", "modules", "failure-modes",
                           "changing-responsibilities", "metrics", "vocabulary"]
    for tid in topic_ids():
        en, zh = topic(tid, "en"), topic(tid, "zh")
        assert en.title and en.points and zh.title and len(zh.points) == len(en.points), tid
        assert [t for t in (zh.title, zh.summary, *zh.points) if ASCII_NEXT_TO_CJK.search(t)] == [], tid
    assert "投诉处理（complaint handling）" in topic("vocabulary", "zh").points[1]


def test_explain_topic_cli():
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "csdesign", *args], capture_output=True, text=True)

    out = run("explain", "failure-modes", "--lang", "zh", "--format", "markdown")
    assert out.returncode == 0
    assert out.stdout.startswith("## 三种常见问题：推诿扯皮、信息孤岛、资源分配不合理\n\n分工执行中的典型问题及解决方案。\n\n- 责任不清导致推诿扯皮：")
    bad = run("explain", "layerz")
    assert bad.returncode == 2 and "did you mean 'layers'?" in bad.stderr


def test_starter_file_comments_in_chinese_are_full_width():
    """`csdesign init --lang zh` writes these comments into the user's file."""
    from importlib.resources import files

    templates = sorted(p for p in files("csdesign.knowledge").joinpath("templates").iterdir() if p.name.endswith(".zh.yaml"))
    assert len(templates) == 3
    for t in templates:
        for n, line in enumerate(t.read_text(encoding="utf-8").splitlines(), start=1):
            comment = line.split("#", 1)[1] if "#" in line else ""
            assert not ASCII_NEXT_TO_CJK.search(comment), f"{t.name}:{n}: {comment}"
