"""Atomic file writes: a failed or interrupted render never leaves a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from csdesign.errors import OutputError


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same directory and a rename."""
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        if not parent.is_dir():
            raise OutputError(f"{target}: directory {parent} does not exist", hint="create it first or choose another -o path")
        if target.is_dir():
            raise OutputError(f"{target}: is a directory", hint="give a file name, not a directory")
    except PermissionError:  # a directory on the way cannot be entered
        raise OutputError(f"{target}: cannot write into {parent} (permission denied)", hint="choose a writable directory") from None
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except PermissionError:
        raise OutputError(f"{target}: cannot write into {parent} (permission denied)", hint="choose a writable directory") from None
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:  # also Ctrl-C mid-write: never leave the temporary file behind
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{target}: cannot write: {exc.strerror}") from None
        raise
