"""No internal source tags in user text: every output we can enumerate cites the source
articles by title (knowledge/sources.yaml) or not at all, never as "seed 003" / "种子 003",
and no «NNN» citation token is left unexpanded."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from csdesign.cli import commands  # noqa: F401 - registers the commands
from csdesign.cli.app import app
from tests.helpers import ROOT

TAG = re.compile(r"(?i)\bseeds?\s*\d|种子\s*\d|«\d{3}»")
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
LANGS = ("en", "zh")


def _clean(text: str, what: str) -> None:
    m = TAG.search(text)
    assert m is None, f"{what}: {text[max(0, m.start() - 80):m.end() + 80]!r}"


def _run(args: list[str]) -> str:
    r = CliRunner().invoke(app, args)
    assert r.exit_code in (0, 1), (args, r.output)
    return r.stdout


def test_the_sources_are_the_five_articles_with_titles():
    from csdesign.knowledge.sources import articles, cite, titles

    assert list(articles()) == ["000", "001", "002", "003", "004"]
    assert titles("003") == ("How to find the right customer support team structure for your business", "如何为你的企业找到合适的客户支持团队结构")
    assert cite("003", "zh") == "《如何为你的企业找到合适的客户支持团队结构》"
    assert cite("003") == 'the article "如何为你的企业找到合适的客户支持团队结构" (How to find the right customer support team structure for your business)'
    assert titles("001") is None and "untitled" in cite("001")


@pytest.mark.parametrize("lang", LANGS)
def test_rule_docs(lang):
    from csdesign.lint.registry import all_rules
    from csdesign.lint.reporters.rule_docs import rule_text, rules_json, rules_markdown

    rules = all_rules()
    _clean(rules_markdown(rules, lang), f"rule docs markdown {lang}")
    _clean(rules_json(rules, lang), f"rule docs json {lang}")
    for r in rules:
        _clean(rule_text(r, lang), f"{r.code} {lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_explain_structures_and_topics(lang):
    from csdesign.knowledge.guide import topic_ids

    _clean(_run(["explain", "--lang", lang, "--format", "markdown"]), f"explain {lang}")
    for tid in topic_ids():
        _clean(_run(["explain", tid, "--lang", lang, "--format", "markdown"]), f"explain {tid} {lang}")
        _clean(_run(["explain", tid, "--lang", lang]), f"explain {tid} {lang} text")


@pytest.mark.parametrize("lang", LANGS)
def test_init_templates(lang):
    from csdesign.app.init_job import STAGES, starter

    for stage in STAGES:
        _clean(starter(stage, lang=lang), f"init {stage} {lang}")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_recommend_and_report_for_every_example(example):
    for lang in LANGS:
        for fmt in ("markdown", "json"):
            _clean(_run(["recommend", str(example), "--lang", lang, "-f", fmt]), f"recommend {example.name} {lang} {fmt}")
            _clean(_run(["report", str(example), "--lang", lang, "-f", fmt]), f"report {example.name} {lang} {fmt}")
        _clean(_run(["recommend", str(example), "--lang", lang]), f"recommend {example.name} {lang} table")


def test_schema_descriptions():
    _clean(_run(["schema"]), "schema")


def test_docs_list_the_source_articles():
    from csdesign.knowledge.sources import articles

    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    for sid, entry in articles().items():
        if entry.get("zh"):
            assert f"《{entry['zh']}》 | {entry['en']} |" in index, sid
