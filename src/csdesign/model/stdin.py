"""``-`` as the org file: read standard input once (as ruff does), shown under a chosen name.

The CLI calls :func:`use_name` for ``--stdin-filename``; findings and errors then say
``team/emea.yaml:14:18`` instead of ``<stdin>:14:18``. Standard input can be read only once, so
the bytes are kept for the rest of the process (lint reads the text twice: load and
suppression comments).
"""

from __future__ import annotations

import sys

from csdesign.errors import InputError, Problem

STDIN = "-"
DEFAULT_NAME = "<stdin>"
_state: dict[str, object] = {"name": DEFAULT_NAME, "raw": None}


def is_stdin(path: object) -> bool:
    return str(path) == STDIN


def use_name(name: str | None) -> None:
    """Show standard input as ``name`` (``--stdin-filename``); None: ``<stdin>``."""
    _state["name"] = name or DEFAULT_NAME


def name() -> str:
    return str(_state["name"])


def shown(path: object) -> str:
    """How a path is named in messages: the stdin name for ``-``, else the path as given."""
    return name() if is_stdin(path) else str(path)


def read_bytes(limit: int) -> bytes:
    """All of standard input (once; later calls return the same bytes), at most ``limit`` bytes."""
    raw = _state["raw"]
    if raw is None:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError("cannot read standard input", problems=[Problem("cannot read standard input", name())])
        raw = stream.read(limit + 1)
        _state["raw"] = raw
    assert isinstance(raw, bytes)
    if len(raw) > limit:
        message = f"standard input is larger than the {limit // 1048576} MiB limit"
        raise InputError(message, problems=[Problem(message, name(), hint="split the org into smaller files")])
    return raw
