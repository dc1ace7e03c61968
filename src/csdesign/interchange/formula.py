"""Spreadsheet formula guard for CSV cells (CSV injection), reversible on import.

A cell that a spreadsheet would run as a formula (``= + - @``, tab, CR first) gets a leading
``'``, which spreadsheets hide and show the rest as text. So that ``unguard(guard(x)) == x``
for every ``x``, a cell that already starts with quotes before such a character gets one more.
"""

from __future__ import annotations

import re

_GUARDED = re.compile(r"^'*[=+\-@\t\r]")


def guard(cell: str) -> str:
    return "'" + cell if _GUARDED.match(cell) else cell


def unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _GUARDED.match(cell[1:]) else cell
