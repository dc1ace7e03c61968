"""Which files `csdesign lint` reads: explicit files always, ``*.yaml``/``*.yml`` org files under directories."""

from __future__ import annotations

import fnmatch
import os
import re
from pathlib import Path

from csdesign.errors import InputError
from csdesign.model.stdin import STDIN
from csdesign.model.stdin import name as stdin_name

SUFFIXES = (".yaml", ".yml")
#: Directories never entered when recursing (hidden ones are skipped too).
SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}
#: An org file has a top-level ``company:`` key; other YAML (CI config, compose files) is skipped.
ORG_MARKER = re.compile(r"^(?:\ufeff)?company\s*:", re.MULTILINE)


def display(path: Path, cwd: Path) -> str:
    """Path as shown in findings: relative to the working directory when inside it, POSIX slashes."""
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def excluded(shown: str, patterns: list[str]) -> bool:
    parts = shown.split("/")
    for pat in patterns:
        pat = pat.rstrip("/")
        if fnmatch.fnmatch(shown, pat) or fnmatch.fnmatch(shown, pat + "/*") or any(fnmatch.fnmatch(p, pat) for p in parts):
            return True
    return False


def is_org_file(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(1 << 20)
    except OSError:
        return True  # let the loader report why it cannot be read
    return ORG_MARKER.search(head.decode("utf-8", "replace")) is not None


def discover(paths: list[str], exclude: list[str], cwd: Path | None = None, *, skip_non_org: bool = False) -> list[tuple[Path, str]]:
    """(path, display name) of every file to lint, sorted by display name, without duplicates.

    Files named explicitly are always linted unless ``skip_non_org`` (pre-commit passes every
    staged YAML file: there, YAML without a top-level ``company:`` key is not an org file).
    """
    cwd = cwd or Path.cwd()
    found: dict[str, Path] = {}
    for raw in paths or ["."]:
        if raw == STDIN:  # standard input, shown under --stdin-filename
            found.setdefault(stdin_name(), Path(STDIN))
            continue
        p = Path(raw)
        try:
            is_dir, exists = p.is_dir(), p.exists()
        except PermissionError:  # a directory on the way cannot be entered
            raise InputError(f"{raw}: permission denied", hint="check the permissions of the path and the directories above it") from None
        if is_dir:
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
                for name in sorted(files):
                    if not name.endswith(SUFFIXES):
                        continue
                    fp = Path(root) / name
                    shown = display(fp, cwd)
                    if not excluded(shown, exclude) and is_org_file(fp):
                        found.setdefault(shown, fp)
        elif exists:
            if not skip_non_org or is_org_file(p):
                found.setdefault(display(p, cwd), p)
        else:
            raise InputError(f"{raw}: no such file or directory", hint="check the path")
    return [(found[k], k) for k in sorted(found)]
