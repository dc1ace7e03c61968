"""Which files `csdesign lint` reads: explicit files always, ``*.yaml``/``*.yml`` org files under directories."""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from dataclasses import dataclass
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


def unreadable(path: Path, *, walked: bool) -> str | None:
    """Why ``path`` cannot be read (``permission denied``, ``broken symbolic link``…), or None.

    ``walked``: found inside a directory, where only regular files are org files (a FIFO or
    device named ``*.yaml`` would block or never end)."""
    from csdesign.fileio import reason

    try:
        info = path.stat()
    except FileNotFoundError:
        return "broken symbolic link" if path.is_symlink() else "no such file"
    except OSError as exc:
        return reason(exc)
    if walked and not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if not stat.S_ISREG(info.st_mode):
        return None  # a directory: the loader says so; a FIFO or device: opening it to probe
        # would take the one reader a named pipe's writer waits for (and end that writer)
    try:
        os.close(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)))  # non-blocking: never waits on a FIFO
    except OSError as exc:
        return reason(exc)
    return None


@dataclass
class Unreadable:
    """A path lint was asked to check (or found in a directory) and could not read: exit 2."""

    shown: str
    reason: str
    directory: bool = False

    def render(self) -> str:
        from csdesign.errors import printable

        what = "directory" if self.directory else "file"
        lost = "the org files in it were not checked" if self.directory else "it was not checked"
        fix = "fix its permissions" if self.reason == "permission denied" else "fix or remove it"
        return printable(f"{self.shown}: cannot read {what}: {self.reason} ({lost}; {fix}, or list it under `exclude` in the lint config)")


def _entry(path: Path, cwd: Path) -> str:
    """Display name of the entry itself (a broken link has no target to resolve to)."""
    folder = display(path.parent, cwd)
    return path.name if folder == "." else f"{folder.rstrip('/')}/{path.name}"


def discover(paths: list[str], exclude: list[str], cwd: Path | None = None, *, skip_non_org: bool = False,
             problems: list[Unreadable] | None = None) -> list[tuple[Path, str]]:
    """(path, display name) of every file to lint, sorted by display name, without duplicates.

    Files named explicitly are always linted unless ``skip_non_org`` (pre-commit passes every
    staged YAML file: there, YAML without a top-level ``company:`` key is not an org file).
    A directory or file that cannot be read is never skipped silently: it goes to
    ``problems`` (sorted by display name) and is not linted; the CLI exits 2 for it.
    """
    cwd = cwd or Path.cwd()
    found: dict[str, Path] = {}
    bad: dict[str, Unreadable] = {}

    def walk_error(exc: OSError) -> None:
        from csdesign.fileio import reason

        shown = display(Path(exc.filename or "."), cwd)
        bad.setdefault(shown, Unreadable(shown, reason(exc), directory=True))
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
            for root, dirs, files in os.walk(p, onerror=walk_error):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS
                                 and not excluded(display(Path(root) / d, cwd), exclude))
                for name in sorted(files):
                    if not name.endswith(SUFFIXES):
                        continue
                    fp = Path(root) / name
                    shown = display(fp, cwd)
                    if excluded(shown, exclude) or excluded(_entry(fp, cwd), exclude):  # a symlink: by either name
                        continue
                    why = unreadable(fp, walked=True)
                    if why is not None:
                        bad.setdefault(_entry(fp, cwd), Unreadable(_entry(fp, cwd), why))
                    elif is_org_file(fp):
                        found.setdefault(shown, fp)
        elif exists or p.is_symlink():
            why = unreadable(p, walked=False)
            if why is not None:
                bad.setdefault(_entry(p, cwd), Unreadable(_entry(p, cwd), why))
            elif not skip_non_org or is_org_file(p):
                found.setdefault(display(p, cwd), p)
        else:
            raise InputError(f"{raw}: no such file or directory", hint="check the path")
    if problems is not None:
        problems.extend(bad[k] for k in sorted(bad))
    return [(found[k], k) for k in sorted(found)]
