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


def test_zh_joins_chinese_without_spaces_and_spaces_latin():
    from csdesign.analysis.base import RoleRef
    from csdesign.spacing import gap, zh

    assert zh("有两个负责人：", "一线主管", "与", "产品支持工程师", "在", "区域：华东", "范围内") == "有两个负责人：一线主管与产品支持工程师在区域：华东范围内"
    assert zh("：", "CS Manager（csm）", "与", "AM", "在", "区域：West", "范围内") == "：CS Manager（csm）与 AM 在区域：West 范围内"
    assert zh("共", "", "12", "人") == "共 12 人"  # an empty part adds nothing
    assert zh("「续费」", "由", "客户经理（kam）", "负责") == "「续费」由客户经理（kam）负责"  # none beside full-width punctuation
    assert (gap("Lead", "与"), gap("与", "9"), gap("主管", "与"), gap("）", "A"), gap("", "A")) == (" ", " ", "", "", "")
    assert RoleRef("kam", "客户经理").label("zh") == "客户经理（kam）" and RoleRef("kam", "KAM").label() == "KAM (kam)"


def _zh_findings():
    from csdesign.analysis import run_all
    from csdesign.structures import build_file
    from tests.helpers import EXAMPLES

    from csdesign.errors import CsdesignError
    from csdesign.structures import NAMES as STRUCTURES

    for path in sorted(EXAMPLES.glob("*.yaml")):
        for structure in (None, *STRUCTURES):
            try:
                g = build_file(str(path), structure)
            except CsdesignError:  # a structure this org cannot take (no regions to cut by ...)
                continue
            report = run_all(g)
            for a in report.ran:
                for f in report.findings_of(a):
                    yield f"{path.name} {structure}", f.message("zh")


#: two Chinese characters with a space between them, or a half-width bracket beside one
SPACED_CJK = re.compile(r"[\u4e00-\u9fff） ] +[\u4e00-\u9fff（]|[\u4e00-\u9fff] \(")


def test_findings_in_chinese_do_not_space_chinese_words_or_use_half_width_brackets():
    """Every analysis finding of every example, in Chinese: role labels are 标题（id） and
    names sit next to the Chinese words around them ("一线主管与产品支持工程师在…")."""
    messages = list(_zh_findings())
    assert len(messages) > 200
    assert [(name, m) for name, m in messages if SPACED_CJK.search(m)] == []


def test_client_text_drops_full_width_ids_and_keeps_the_latin_space():
    from csdesign.render.client import client_text
    from csdesign.structures import build_file
    from tests.helpers import EXAMPLES

    g = build_file(str(EXAMPLES / "ecommerce-matrix.yaml"), None)
    assert client_text("有两个负责人：一线主管（frontline_sup）与产品支持工程师（support_eng）在产品", g, "zh") == "有两个负责人：一线主管与产品支持工程师在产品"
    g = build_file(str(EXAMPLES / "growth-saas.yaml"), None)
    assert client_text("两个负责人：Regional Success Lead（regional_lead）与 CS Manager（cs_manager）；每个", g, "zh") == "两个负责人：Regional Success Lead 与 CS Manager；每个"
    assert client_text("Customer Success Manager（csm）与 Onboarding Specialist（onboarding）在流程", g, "zh") == "Customer Success Manager 与 Onboarding Specialist 在流程"
    assert client_text("未知（not_a_role）", g, "zh") == "未知（not_a_role）"  # not a role id: kept
