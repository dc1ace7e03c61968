"""The loader's and builders' messages in Chinese (csdesign.model.messages_zh): every template the
code passes to ``bilingual`` has a Chinese entry with the same fields, no entry is left over,
the Chinese uses full-width punctuation, and `lint --lang zh` shows it for S/RL/ST findings
while English output is unchanged."""

from __future__ import annotations

import ast
import json
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from csdesign.errors import Problem, Words, suggest
from csdesign.model.messages_zh import ZH, bilingual
from tests.test_fullwidth import ASCII_NEXT_TO_CJK

SRC = Path(__file__).resolve().parents[1] / "src" / "csdesign"
CORPUS = Path(__file__).resolve().parent / "corpus" / "files"

#: bilingual(x) calls whose template is not a literal or a module constant, and where the
#: templates they take come from (each checked below).
DYNAMIC = {
    ("model/yamlerrors.py", "message"), ("model/yamlerrors.py", "hint"),  # the _CLASSES table
    ("model/load.py", "template"), ("model/load.py", "kind"),  # _worded's bounds; the top level's kind
    ("model/load.py", "'true' if value else 'false'"),
    ("model/yamlcore.py", "template"),  # _not_a's callers
    ("model/yamlsource.py", "template"), ("model/yamlsource.py", "hint"),
    ("structures/common.py", "CYCLE_HINT"),  # model.load.CYCLE_HINT
}


def _calls() -> tuple[set[str], set[tuple[str, str]]]:
    """(templates passed as literals or module-level names, the other call sites)."""
    literal: set[str] = set()
    dynamic: set[tuple[str, str]] = set()
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        consts = {n.targets[0].id: n.value.value for n in tree.body
                  if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                  and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "bilingual" and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant):
                    literal.add(arg.value)
                elif isinstance(arg, ast.Name) and arg.id in consts:
                    literal.add(consts[arg.id])
                else:
                    dynamic.add((path.relative_to(SRC).as_posix(), ast.unparse(arg)))
    return literal, dynamic


def _literals() -> set[str]:
    """Every string literal in the package (where a dynamic template is written)."""
    out: set[str] = set()
    for path in SRC.rglob("*.py"):
        if path.name == "messages_zh.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.add(node.value)
    return out


def _fields(text: str) -> list[str]:
    try:
        return sorted({f"{name}:{spec}" for _, name, spec, _ in string.Formatter().parse(text) if name is not None})
    except ValueError:  # a fixed text with a lone brace ("a '{' mapping …"): never formatted
        return ["(fixed text)"]


def test_every_literal_template_has_chinese():
    literal, dynamic = _calls()
    assert sorted(t for t in literal if t not in ZH) == []
    assert dynamic == DYNAMIC  # a new kind of call site: list it here and check its templates


def test_dynamic_templates_have_chinese():
    from csdesign.model import yamlerrors

    table = [t for _, message, hint in yamlerrors._CLASSES for t in (message, hint) if t]
    kinds = ["a list", "a string", "a number", "a boolean", "true", "false"]
    bounds = ["must be at least {bound} (got {got})", "must be at most {bound} (got {got})",
              "must be more than {bound} (got {got})", "must be less than {bound} (got {got})"]
    tags = ["{tag} '{value}' is not null (~ or null)", "{tag} '{value}' is not true or false",
            "{tag} '{value}' is not an integer such as 12, 0x1f or 0o17", "{tag} '{value}' is not a number such as 1.5 or 2e6"]
    on = ["YAML tag {tag} cannot be put on a mapping", "YAML tag {tag} cannot be put on a list",
          "save the file as UTF-8", "it looks like GBK/GB18030-encoded Chinese; re-save it as UTF-8 (e.g. iconv -f GBK -t UTF-8)"]
    assert [t for t in table + kinds + bounds + tags + on if t not in ZH] == []
    literals = _literals()
    assert [t for t in bounds + tags + on if t not in literals] == []  # still what the code says


def test_no_entry_is_left_over_and_fields_match():
    literals = _literals()
    assert sorted(k for k in ZH if k not in literals) == []
    assert [k for k, v in ZH.items() if _fields(k) != _fields(v)] == []


def test_chinese_is_full_width():
    def prose(text: str) -> str:  # code spans, quoted values and fields are not prose
        return re.sub(r"`[^`]*`|'[^']*'|\{[^}]*\}|\[[^\]]*\]", "", text)

    assert [v for v in ZH.values() if ASCII_NEXT_TO_CJK.search(prose(v))] == []
    assert [v for v in ZH.values() if not re.search(r"[\u4e00-\u9fff]", v)] == []  # nothing left in English


def test_words_carry_both_languages():
    w = bilingual("role '{id}' reports to itself", id="经理")
    assert (w.en, w.zh, str(w)) == ("role '经理' reports to itself", "岗位 '经理' 向自己汇报", "role '经理' reports to itself")
    got = bilingual("expected {expected}, got {got}", expected=Words("a list", "列表"), got=bilingual("the number {value}", value=3))
    assert (got.en, got.zh) == ("expected a list, got the number 3", "应为列表，实际是数字 3")
    assert bilingual("a '{' mapping is not closed, or its entries are not separated by ','").zh == "'{' 映射没有结束，或条目之间没有用 ',' 分隔"
    assert bilingual("not in the catalogue {x}", x=1) == Words("not in the catalogue 1", "not in the catalogue 1")
    hinted = suggest("mrg", ["mgr", "head"])
    assert (hinted.en, hinted.zh) == ("; did you mean 'mgr'?", "；是否想写 'mgr'？")
    assert suggest("zzz", ["mgr"]) == Words("", "")
    p = Problem(bilingual("the org has no roles"), "f.yaml", 1, 1, hint=bilingual("add at least the CS head under `roles:`"))
    assert (p.message, p.hint) == ("the org has no roles", "add at least the CS head under `roles:`")
    assert p.worded("zh") == ("组织中没有岗位", "请至少在 `roles:` 下写上客户成功负责人")
    assert p.worded("en") == (p.message, p.hint)
    assert Problem("plain", hint="fix").worded("zh") == ("plain", "fix")  # no Chinese: the English


def _lint(*args: str) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "csdesign", "lint", "--no-cache", "-f", "json", *args],
                         capture_output=True, text=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)


def test_lint_in_chinese_words_loader_findings_in_chinese():
    files = sorted(str(p) for p in CORPUS.glob("*.yaml"))
    zh = _lint("--lang", "zh", *files)
    en = _lint(*files)
    loader = [f for f in zh if re.match(r"(S00|RL00|ST00)", f["code"])]
    assert len(loader) >= 50
    english = [f["message"] for f in loader if not re.search(r"[\u4e00-\u9fff]", f["message"])]
    assert english == []
    assert [f["hint"] for f in loader if f["hint"] and not re.search(r"[\u4e00-\u9fff]", f["hint"])] == []
    # the same findings in the same places, only worded differently
    key = lambda f: (f["file"], f["line"], f["column"], f["code"])  # noqa: E731
    assert [key(f) for f in zh] == [key(f) for f in en]
    by = {key(f): f for f in zh}
    dup = next(f for f in en if f["file"].endswith("duplicate_key.yaml"))
    assert dup["message"] == "duplicate key 'title' (first defined on line 5)"
    assert by[key(dup)]["message"] == "重复的键 'title'（第一次定义在第 5 行）"
    miss = next(f for f in en if f["file"].endswith("missing_manager.yaml") and f["code"] == "RL002")
    assert by[key(miss)]["message"] == "上级 'mrg' 没有定义；是否想写 'mgr'？"
    assert by[key(miss)]["hint"] == "请使用 `roles:` 中某个岗位的 id"


@pytest.mark.parametrize("text, message, hint", [
    ("company: {name: 测试}\nroles:\n  - {id: h, title: 负责人, level: director, headcount: \"3\"}\n",
     "`roles[0].headcount`：应为整数，实际是文本 '3'", "请去掉引号"),
    ("company: {name: 测试}\nroles:\n  - {id: h, title: 负责人, level: 经历}\n",
     "`roles[0].level`：'经历' 不是以下取值之一：director, manager, supervisor, individual",
     "中文层级名称：总监/部门总监/负责人 director, 经理/团队经理 manager, 主管/一线主管/组长 supervisor, 专员/客服 individual"),
    ("company: {name: 测试}\nroles:\n  - {id: h, title: 负责人, level: director, headcount: true}\n",
     "`roles[0].headcount`：应为整数，实际是布尔值 true", "是/否的值不是数字；请写出数字"),
    ("company:\n  name： 测试\n  employees: 3\nroles: []\n", "YAML 语法错误：这里不能出现 ':'", "'：' 是全角（中文）冒号；YAML 需要半角 ':' 加一个空格"),
])
def test_lint_in_chinese_examples(tmp_path, text, message, hint):
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    first = _lint("--lang", "zh", str(path))[0]
    assert (first["message"], first["hint"]) == (message, hint)
