"""The words a chart adds around the user's text, as a client reads them on a slide: Chinese
legends count in full-width brackets with no space (汇报线（6）, never 汇报线 (6)); English
boxes name a level as a title would (×12 · Individual, never ×12 · individual); the
terminal tree follows both."""

from __future__ import annotations

import re

import pytest

from csdesign.render.chart import chrome
from csdesign.render.chart.dot import DotOptions, Highlight, box_text, lead_styles, legend_entries, to_dot
from csdesign.render.chart.terminal import tree
from csdesign.structures import build_file
from tests.helpers import EXAMPLES, graph_from

LEVELS = """
company: {name: Lumen, cs_reports_to: ceo}
roles:
  - {id: head, title: Head of CS, level: director}
  - {id: m, title: Team Lead, level: manager, reports_to: head}
  - {id: s, title: Shift Lead, level: supervisor, reports_to: m}
  - {id: a, title: Agent, level: individual, reports_to: s, headcount: 12}
  - {id: b, title: Support Specialist, level: individual, reports_to: s, headcount: 2}
"""


def _legend(example: str, lang: str) -> list[str]:
    g = build_file(str(EXAMPLES / f"{example}.yaml"))
    overlap = Highlight("#d62728", "职责重叠" if lang == "zh" else "overlap", set(list(g.nodes)[1:3]))
    return [text for _, _, text in legend_entries(g, DotOptions(lang=lang, highlights=[overlap]), lead_styles(g), {})]


def test_chinese_legend_counts_take_full_width_brackets():
    assert _legend("ecommerce-matrix", "zh") == ["汇报线（22）", "虚线汇报至数据分析组组长（3）", "虚线汇报至客户培训组组长（3）", "虚线汇报至产品支持组组长（3）", "职责重叠（2）"]
    assert _legend("growth-saas", "zh") == ["汇报线（24）", "虚线汇报至 Regional Success Lead（Americas）（3）", "虚线汇报至 Regional Success Lead（EMEA）（3）",
                                            "虚线汇报至 Regional Success Lead（APAC）（3）", "职责重叠（2）"]


def test_english_legend_counts_are_unchanged():
    assert _legend("ecommerce-matrix", "en") == ["reporting line (22)", "dotted line to 数据分析组组长 (3)", "dotted line to 客户培训组组长 (3)", "dotted line to 产品支持组组长 (3)", "overlap (2)"]
    assert _legend("growth-saas", "en")[1] == "dotted line to Regional Success Lead (Americas) (3)"


@pytest.mark.parametrize("example", ["ecommerce-matrix", "enterprise", "growth-saas", "startup"])
def test_no_half_width_bracket_in_a_chinese_legend_or_page(example, tmp_path):
    from tests.corpus.harness import run

    out = tmp_path / "chart.dot"
    assert run("render", str(EXAMPLES / f"{example}.yaml"), "-o", str(out), "--lang", "zh", "--no-cache").code == 0
    for page in sorted(tmp_path.glob("chart*.dot")):
        source = page.read_text(encoding="utf-8")
        assert not re.search(r"[\u4e00-\u9fff）] ?\(\d+\)", source), page.name
        assert "Legend" not in source and "reporting line" not in source and "continued" not in source and "p. " not in source, page.name


def test_english_boxes_name_the_level():
    g = graph_from(LEVELS)
    roles = [n for n in g if g.nodes[n].get("level")]
    small = {g.nodes[n]["title"]: box_text(g, n, DotOptions(lang="en"))[1] for n in roles}
    assert small == {"Head of CS": ["Director"], "Team Lead": ["Manager"], "Shift Lead": ["Supervisor"], "Agent": ["×12 · Individual"],
                     "Support Specialist": ["×2 · Individual"]}
    zh = {g.nodes[n]["title"]: box_text(g, n, DotOptions(lang="zh"))[1] for n in roles}
    assert zh == {"Head of CS": ["总监"], "Team Lead": ["经理"], "Shift Lead": ["主管"], "Agent": ["×12 · 专员"], "Support Specialist": ["×2 · 专员"]}


def test_label_level_shows_the_level_name_in_both_languages():
    g = graph_from(LEVELS)
    en = to_dot(g, DotOptions(lang="en", labels=("level",)))
    assert ">Agent<BR/>Individual</FONT>" in en and ">Team Lead<BR/>Manager</FONT>" in en and "individual<" not in en
    zh = to_dot(g, DotOptions(lang="zh", labels=("level",)))
    assert ">Agent<BR/>专员</FONT>" in zh and ">Team Lead<BR/>经理</FONT>" in zh


def test_level_names_and_brackets():
    assert [chrome.level_name(lv, "en") for lv in ("director", "manager", "supervisor", "individual", "other")] == ["Director", "Manager", "Supervisor", "Individual", "other"]
    assert [chrome.level_name(lv, "zh") for lv in ("director", "manager", "supervisor", "individual")] == ["总监", "经理", "主管", "专员"]
    assert chrome.counted("汇报线", 6, "zh") == "汇报线（6）" and chrome.counted("reporting line", 6, "en") == "reporting line (6)"
    assert chrome.bracketed("APAC", "zh") == "（APAC）" and chrome.bracketed("APAC", "en") == " (APAC)"


def _tree_lines(example: str, lang: str) -> list[str]:
    from rich.console import Console

    console = Console(width=200, record=True, color_system=None)
    console.print(tree(build_file(str(EXAMPLES / f"{example}.yaml")), lang=lang))
    return console.export_text().splitlines()


def test_terminal_tree_words():
    zh = _tree_lines("growth-saas", "zh")
    assert zh[0] == "Brightwave Software（矩阵型结构）"
    assert "        ├── Regional Success Lead（APAC）  经理" in zh
    assert any("┄ 虚线汇报至 Regional Success Lead（Americas）、" in line for line in zh)
    assert "        │       ├── Onboarding Specialist  专员" in zh
    en = _tree_lines("growth-saas", "en")
    assert en[0] == "Brightwave Software  (matrix structure)"
    assert "    └── VP Customer Success  Director" in en and "        ├── Regional Success Lead (APAC)  Manager" in en
    assert "        │       ├── Onboarding Specialist  Individual" in en
    assert "        │       ├── Renewal Manager  Individual" in en
