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
)

produced(
    "S003", "duplicate-key", "A mapping has the same key twice.",
    """
    YAML parsers silently keep only the last of two equal keys, so a role defined with two
    `duties:` lists loses the first one without a word. csdesign reports the duplicate instead.

    Fix: remove one of the keys or merge their values.
    """,
)

produced(
    "S004", "duplicate-id", "Two roles (or two positions) share an id.",
    """
    Ids are how reporting lines, RACI entries and interfaces refer to roles. Two roles with one
    id make every such reference ambiguous.

    Fix: give each role a unique id (ids may be Chinese; they may not contain spaces or
    `,[]{}#:@`).
    """,
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
)
