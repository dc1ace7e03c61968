"""S: the file parses and matches the schema. Produced by the loader (``collect_problems``)."""

from __future__ import annotations

from csdesign.lint.registry import produced

produced(
    "S001", "yaml-syntax", "The file is not valid YAML (or not UTF-8, or uses a forbidden tag).",
    """
    csdesign reads the org with a safe YAML loader. A file that does not parse cannot be
    checked at all, so this finding can be neither ignored nor suppressed: a broken file never
    passes lint.

    Fix: correct the YAML at the reported line and column. Common causes are tabs used for
    indentation, an unclosed quote or bracket, a missing space after `:`, and files saved as
    GBK instead of UTF-8 (re-save as UTF-8, e.g. `iconv -f GBK -t UTF-8`).
    """,
    zh=(
        "文件不是有效的 YAML（或不是 UTF-8 编码，或使用了不允许的标签）。",
        """
        csdesign 用安全的 YAML 加载器读取组织文件。无法解析的文件根本无从检查，因此这一问题既不能忽略，
        也不能屏蔽：有问题的文件绝不会通过 lint。

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
    than director / manager / supervisor / individual) or more than one `scope: head` would
    make the model guess what you meant. csdesign refuses to guess.

    Fix: follow the "did you mean" suggestion in the message, or see `csdesign schema` for the
    valid keys and values.
    """,
    zh=(
        "某个键、类型或取值不符合组织文件的格式。",
        """
        组织文件有固定的结构（`csdesign schema` 以 JSON Schema 输出，供编辑器使用）：未知的键、错误的类型、
        不在允许范围内的取值（例如 director / manager / supervisor / individual 之外的 `level`），
        或不止一个 `scope: head`，都会让模型只能猜测你的本意。csdesign 不做猜测。

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

    Fix: give each role a unique id (ids may be Chinese; they may not contain spaces or
    `,[]{}#:@`).
    """,
    zh=(
        "两个岗位（或两个职位）使用了同一个 id。",
        """
        汇报关系、RACI 条目和协作机制都通过 id 引用岗位。两个岗位共用一个 id，所有这些引用都会变得含糊不清。

        修改建议：给每个岗位一个唯一的 id（id 可以是中文，但不能包含空格或 `,[]{}#:@`）。
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
