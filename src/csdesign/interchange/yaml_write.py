"""Org data -> YAML text a person can read and edit: CJK as itself, keys in schema order.

PyYAML's safe dumper quotes every string that would read back as something else (``'100'``,
``'yes'``, ``'null'``, ``'a: b'``), so the text always loads back to the same data.
"""

from __future__ import annotations

import yaml

#: Wide enough that long titles and duty sentences are never folded over lines.
WIDTH = 10_000


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key (``positions:\n  - id: x``), as yamllint expects."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def org_yaml(data: dict, comment: list[str] | None = None) -> str:
    """YAML for an org file, with ``comment`` lines (``# ...``) on top."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=WIDTH, default_flow_style=False, indent=2)
    head = "".join(f"# {' '.join(line.split())}\n" for line in comment or [])
    return head + body
