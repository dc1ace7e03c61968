"""S: the file parses and matches the schema. S001-S005 are produced by the loader
(``collect_problems``); S006 checks the loaded ids for look-alikes."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Iterator

from csdesign.analysis.base import pick
from csdesign.lint.context import Hit, LintContext
from csdesign.lint.registry import produced, rule

produced(
    "S001", "yaml-syntax", "The file is not valid YAML (or not UTF-8, or uses a forbidden tag).",
    """
    csdesign reads the org with a safe YAML loader, by the YAML 1.2 core schema (as editors
    do). A file that does not parse cannot be checked at all, so this finding can be neither
    ignored nor suppressed: a broken file never passes lint. Values YAML can write but an org
    file cannot hold are refused here too: explicit tags with bad values (`!!int x`), tags
    such as `!!timestamp` or `!!binary`, integers of more than 4,300 digits, null keys.

    Fix: correct the YAML at the reported line and column. Common causes are tabs used for
    indentation, an unclosed quote or bracket, a missing space after `:`, and files saved as
    GBK instead of UTF-8 (re-save as UTF-8, e.g. `iconv -f GBK -t UTF-8`).
    """,
    zh=(
        "文件不是有效的 YAML（或不是 UTF-8 编码，或使用了不允许的标签）。",
        """
        csdesign 用安全的 YAML 加载器、按 YAML 1.2 核心模式（与编辑器一致）读取组织文件。无法解析的文件根本无从检查，
        因此这一问题既不能忽略，也不能屏蔽：有问题的文件绝不会通过 lint。YAML 能写、但组织文件不能容纳的值也在此拒绝：
        取值不合法的显式标签（`!!int x`）、`!!timestamp` 或 `!!binary` 之类的标签、超过 4,300 位的整数、空键。

        修改建议：按报告的行号和列号改正 YAML。常见原因有：用制表符缩进、引号或括号没有闭合、`:` 后缺少空格，
        以及文件存成了 GBK 而不是 UTF-8（请另存为 UTF-8，例如 `iconv -f GBK -t UTF-8`）。
        """,
    ),
)

produced(
    "S002", "schema", "A key, type or value does not match the org file schema.",
    """
    The org file has a fixed shape (`csdesign schema` prints it as JSON Schema for editors):
    unknown keys, wrong types, values outside the allowed set (for example a `level` other
    than director / manager / supervisor / individual or their Chinese names) or more than
    one `scope: head` would make the model guess what you meant. csdesign refuses to guess,
    and does not coerce either: `"50"` is text, not a number; `yes` is text, not true.

    Fix: follow the "did you mean" suggestion in the message, or see `csdesign schema` for the
    valid keys and values.
    """,
    zh=(
        "某个键、类型或取值不符合组织文件的格式。",
        """
        组织文件有固定的结构（`csdesign schema` 以 JSON Schema 输出，供编辑器使用）：未知的键、错误的类型、
        不在允许范围内的取值（例如 director / manager / supervisor / individual 及其中文名称之外的 `level`），
        或不止一个 `scope: head`，都会让模型只能猜测你的本意。csdesign 不做猜测，也不做类型转换：
        `"50"` 是文本而不是数字；`yes` 是文本而不是 true。

        修改建议：按提示中的“您是不是要找”改正，或用 `csdesign schema` 查看有效的键和取值。
        """,
    ),
)

produced(
    "S003", "duplicate-key", "A mapping has the same key twice.",
    """
    YAML parsers silently keep only the last of two equal keys, so a role defined with two
    `duties:` lists loses the first one without a word. csdesign reports the duplicate instead.

    Fix: remove one of the keys or merge their values.
    """,
    zh=(
        "同一个映射中出现了两次相同的键。",
        """
        YAML 解析器遇到两个相同的键时，会悄无声息地只保留后一个：一个岗位写了两份 `duties:`，
        前一份就会不声不响地丢失。csdesign 会报告这种重复。

        修改建议：删除其中一个键，或合并两者的内容。
        """,
    ),
)

produced(
    "S004", "duplicate-id", "Two roles (or two positions) share an id.",
    """
    Ids are how reporting lines, RACI entries and interfaces refer to roles. Two roles with one
    id make every such reference ambiguous.

    Ids are compared after Unicode NFC normalisation, so `café` typed with a combining accent
    is the same id as `café` typed as one character.

    Fix: give each role a unique id (ids may be Chinese; they may not contain spaces,
    invisible characters or `,[]{}#:@`).
    """,
    zh=(
        "两个岗位（或两个职位）使用了同一个 id。",
        """
        汇报关系、RACI 条目和协作机制都通过 id 引用岗位。两个岗位共用一个 id，所有这些引用都会变得含糊不清。

        id 按 Unicode NFC 规范化后比较，因此用组合重音符输入的 `café` 与作为单个字符输入的 `café` 是同一个 id。

        修改建议：给每个岗位一个唯一的 id（id 可以是中文，但不能包含空格、不可见字符或 `,[]{}#:@`）。
        """,
    ),
)

produced(
    "S005", "unknown-value", "A reference names a dimension value or role that is not declared.",
    """
    `only:` restrictions, `capacity:` segments, RACI letters and position roles must name
    values declared elsewhere in the file (`dimensions:` or `roles:`). A typo here silently
    changes which units a role is replicated into, or who is accountable.

    Fix: add the value to `dimensions:` (or the role to `roles:`), or correct the spelling
    (the message suggests the closest declared value).
    """,
    zh=(
        "引用了未声明的维度取值或岗位。",
        """
        `only:` 限定、`capacity:` 中的客户分层、RACI 字母和职位所属岗位，都必须引用文件中其他地方声明过的取值
        （`dimensions:` 或 `roles:`）。这里的笔误会悄悄改变岗位被复制到哪些单元，或改变由谁负责。

        修改建议：把该取值加入 `dimensions:`（或把该岗位加入 `roles:`），或改正拼写（提示中会给出最接近的已声明取值）。
        """,
    ),
)


#: Script combinations UTS #39 ("highly restrictive") allows in one identifier: CJK ids mix
#: Han with Latin (客户成功_lead), Japanese with kana, Korean with Hangul.
_ALLOWED_SCRIPTS = ({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}, {"LATIN", "HAN", "BOPOMOFO"}, {"LATIN", "HAN", "HANGUL"})


@rule(
    "S006", "lookalike-id", "warning", "An id mixes scripts or looks like another id.",
    """
    `сsm` with a Cyrillic `с` and `csm` with a Latin `c` look the same on screen but are two
    ids: a `reports_to` or RACI entry typed with the other letter points at a role nobody
    meant, or at none. Such ids come from copy and paste between documents and keyboards, and
    from deliberate spoofing. csdesign already makes `café` one id however its accent is
    typed (NFC) and refuses invisible characters in ids; this rule catches the rest with
    Unicode's data (scripts, and the confusables of UTS #39): an id whose letters come from
    scripts that are not normally combined (Latin with Cyrillic or Greek; Latin with Han is
    fine), and two different ids that are confusable with each other.

    Fix: retype the id in one script (usually Latin or Chinese) wherever it is used.
    """,
    zh=(
        "id 混用了不同文字，或看起来与另一个 id 相同。",
        """
        用西里尔字母 `с` 写的 `сsm` 和用拉丁字母 `c` 写的 `csm` 在屏幕上一模一样，却是两个不同的 id：
        用另一种字母输入的 `reports_to` 或 RACI 条目会指向没人想指的岗位，或者什么也指不到。
        这类 id 来自不同文档和输入法之间的复制粘贴，也可能是有意的仿冒。csdesign 已经把无论以何种方式输入重音的
        `café` 视为同一个 id（NFC），并拒绝 id 中的不可见字符；这条规则借助 Unicode 的数据
        （文字类别，以及 UTS #39 的易混淆字符表）找出其余情况：字母来自通常不会混用的文字的 id
        （拉丁字母混用西里尔或希腊字母；拉丁字母与汉字混用没有问题），以及彼此容易混淆的两个不同 id。

        修改建议：在所有用到该 id 的地方，用同一种文字（通常是拉丁字母或中文）重新输入。
        """,
    ),
)
def lookalike_id(ctx: LintContext) -> Iterator[Hit]:
    m = ctx.org.model
    sections: tuple[tuple[str, list[str]], ...] = (("roles", [r.id for r in m.roles]), ("positions", [p.id for p in m.positions or []]))
    for section, idents in sections:
        if all(ident.isascii() for ident in idents):
            continue  # both findings need a non-ASCII id; Unicode's tables are not even loaded
        seen: dict[str, str] = {}  # skeleton -> first id with it
        for i, ident in enumerate(idents):
            key = _skeleton(ident)
            twin = seen.setdefault(key, ident)
            if twin != ident and not (ident.isascii() and twin.isascii()):  # l/1, O/0: not this rule
                odd = _foreign(ident, twin)
                yield Hit(
                    pick(ctx.lang, f"id '{ident}' looks like id '{twin}' but is a different id" + (f" ({odd})" if odd else ""),
                         f"id「{ident}」看起来和 id「{twin}」一样，却是另一个 id" + (f"（{odd}）" if odd else "")),
                    path=(section, i, "id"),
                    hint=pick(ctx.lang, "retype it in one script; references typed the other way point at the other role",
                              "用同一种文字重新输入；用另一种文字输入的引用会指向另一个岗位"),
                )
                continue
            if ident.isascii():
                continue
            scripts = _scripts(ident)
            if len(scripts) > 1 and not any(scripts <= allowed for allowed in _ALLOWED_SCRIPTS):
                yield Hit(
                    pick(ctx.lang, f"id '{ident}' mixes {' and '.join(s.title() for s in sorted(scripts))} letters ({_minority(ident, scripts)})",
                         f"id「{ident}」混用了{'与'.join(_SCRIPT_ZH.get(s, s.title()) for s in sorted(scripts))}字母（{_minority(ident, scripts)}）"),
                    path=(section, i, "id"), hint=pick(ctx.lang, "retype it in one script", "用同一种文字重新输入"),
                )


def _scripts(text: str) -> set[str]:
    from confusable_homoglyphs import categories

    return {categories.aliases_categories(ch)[0] for ch in text} - {"COMMON", "INHERITED", "Unknown"}


def _minority(text: str, scripts: set[str]) -> str:
    """The characters of the script used least in ``text``, described."""
    from confusable_homoglyphs import categories

    counts = {s: [ch for ch in text if categories.aliases_categories(ch)[0] == s] for s in scripts}
    fewest = min(sorted(counts), key=lambda s: len(counts[s]))
    return ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip() for ch in dict.fromkeys(counts[fewest]))


#: Unicode script names (confusable_homoglyphs' aliases) in Chinese, for S006's messages.
_SCRIPT_ZH = {"LATIN": "拉丁", "CYRILLIC": "西里尔", "GREEK": "希腊", "HAN": "汉字", "ARMENIAN": "亚美尼亚",
              "HEBREW": "希伯来", "ARABIC": "阿拉伯", "HIRAGANA": "平假名", "KATAKANA": "片假名", "HANGUL": "谚文"}


def _foreign(ident: str, twin: str) -> str:
    """The characters of ``ident`` that differ from ``twin``, described."""
    if len(ident) != len(twin):
        return ""
    return ", ".join(f"U+{ord(a):04X} {unicodedata.name(a, '')}".strip() for a, b in zip(ident, twin) if a != b)


def _skeleton(text: str) -> str:
    """UTS #39's skeleton, approximately: each character replaced by the smallest code point it
    is confusable with (so Cyrillic с and Latin c both become c)."""
    return "".join(_prototype(ch) for ch in unicodedata.normalize("NFD", text))


@lru_cache(maxsize=4096)
def _prototype(ch: str) -> str:
    candidates: list[str] = [ch, *(g["c"] for g in _confusables().get(ch, ()) if len(g["c"]) == 1)]
    return min(candidates)


@lru_cache(maxsize=1)
def _confusables() -> dict:
    from confusable_homoglyphs import utils

    table: dict = utils.load("confusables.json")
    return table
