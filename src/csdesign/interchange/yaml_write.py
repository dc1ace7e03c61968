"""Org data -> YAML text a person can read and edit: CJK as itself, keys in schema order.

PyYAML's safe dumper quotes every string that would read back as something else (``'100'``,
``'yes'``, ``'null'``, ``'a: b'``), so the text always loads back to the same data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:  # pragma: no cover
    from csdesign.interchange.csv_import import Imported

#: Wide enough that long titles and duty sentences are never folded over lines.
WIDTH = 10_000


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key (``positions:\n  - id: x``), as yamllint expects."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Quote a string that csdesign's loader (YAML 1.2 core schema) would read as something
    else: PyYAML quotes by YAML 1.1's rules, which leave ``-.1`` or ``1e3`` plain."""
    from csdesign.model.yamlcore import resolve_plain

    if resolve_plain(value) != value or not isinstance(resolve_plain(value), str):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_str(value)


_Dumper.add_representer(str, _str)


def org_yaml(data: dict, comment: list[str] | None = None) -> str:
    """YAML for an org file, with ``comment`` lines (``# ...``) on top."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=WIDTH, default_flow_style=False, indent=2)
    head = "".join(f"# {' '.join(line.split())}\n" for line in comment or [])
    return head + body


def column_mapping(items: list[str]) -> dict[str, str]:
    """``--column FIELD=HEADER`` items -> ``{field: header}``."""
    from csdesign.errors import InputError

    mapping: dict[str, str] = {}
    for item in items:
        field, sep, header = item.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise InputError(f"--column {item}: expected FIELD=HEADER", hint="e.g. --column manager_id=parentId")
        mapping[field.strip()] = header.strip()
    return mapping


def imported_org_yaml(result: "Imported", source: str, name: str) -> str:
    """The org file for an import: a comment saying where it came from, then the data.

    The text is loaded and built before it is returned: if it does not load back, that is a
    csdesign bug (exit 3), not the user's.
    """
    from csdesign.errors import CsdesignError
    from csdesign.model import load_org_text
    from csdesign.structures import build

    comment = [
        f"Imported by `csdesign import` from {source}: {result.kept:,} people.",
        "Columns: " + ", ".join(f"{f} <- {h}" for f, h in result.mapping.items()) + ".",
    ]
    if result.unused:
        comment.append("Not imported: " + ", ".join(result.unused) + ".")
    comment.extend(note[0].upper() + note[1:] + "." for note in result.notes)
    from csdesign.interchange.modeline import with_modeline

    text = with_modeline(org_yaml(result.data, comment))
    try:
        build(load_org_text(text, name))
    except CsdesignError as exc:
        raise RuntimeError(f"the imported org does not load back: {exc.render()}") from exc
    return text
