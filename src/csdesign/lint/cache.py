"""The lint result cache (as ruff has): a file whose content, effective configuration and
csdesign build are unchanged is not linted again; its findings are read back.

Where: ``$CSDESIGN_CACHE_DIR`` when set, else the user cache directory (``platformdirs``:
``~/.cache/csdesign`` on Linux), under ``lint/v1``. ``csdesign lint --no-cache`` neither reads
nor writes it.

Keys (SHA-256): a file's entry is keyed by the **build** (the csdesign version and a digest
of the installed package's files: name, size, modification time, so the rule set and the code
of every rule are in it), the **configuration inputs** (the lint config file's path and bytes,
the ``[capacity]`` table in force, ``--select``/``--ignore``/``--lang``, the working
directory, which names files in findings) and the **file** (its name as shown and the SHA-256
of its bytes). Files the result also depends on are recorded in the entry with their SHA-256
(``referenced``) and checked on every read. An entry of another build is never read: the
build digest is part of the key and is checked again inside the entry.

Safety: an entry is written to a temporary file in its directory and renamed over the old
one (``os.replace``), so a reader sees a whole entry or none, whatever runs at the same time;
an entry that does not parse or whose recorded key differs is a miss (and is rewritten).
The cache never makes lint fail: a directory that cannot be written is skipped silently.
Bounded: when a write takes the cache over :data:`MAX_ENTRIES` entries or :data:`MAX_BYTES`,
the oldest entries (of any build) are removed down to 80 %.

Only the standard library and ``platformdirs`` here: a run whose files all hit imports
neither the org schema (pydantic), networkx nor the rules.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

#: Layout version of the entries (bump when their shape changes).
FORMAT = 1
MAX_ENTRIES = 10_000
MAX_BYTES = 64 * 1024 * 1024
ENV = "CSDESIGN_CACHE_DIR"

_build: list[str] = []


def root() -> Path:
    """The cache directory (not created here)."""
    chosen = os.environ.get(ENV)
    if chosen:
        return Path(chosen) / "lint" / f"v{FORMAT}"
    import platformdirs

    return Path(platformdirs.user_cache_dir("csdesign", appauthor=False)) / "lint" / f"v{FORMAT}"


def build() -> str:
    """Digest of this csdesign build: version plus every package file's name, size and mtime."""
    if not _build:
        from csdesign import __version__

        package = str(Path(__file__).resolve().parent.parent)
        h = hashlib.sha256(f"{__version__}\0".encode())
        # plain strings, not a Path per file: this runs on every cached run, hits included
        stack = [("", package)]  # (path relative to the package, with a trailing /; folder)
        while stack:
            rel, folder = stack.pop()
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError:
                continue
            for e in entries:
                if e.name == "__pycache__" or e.name.startswith("."):
                    continue
                if e.is_dir(follow_symlinks=False):
                    stack.append((f"{rel}{e.name}/", e.path))
                elif e.name.endswith((".py", ".yaml", ".json", ".toml", ".txt", ".md", ".css", ".js", ".html")):
                    st = e.stat()
                    h.update(f"{rel}{e.name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
        _build.append(h.hexdigest())
    return _build[0]


def digest(value: Any) -> str:
    """SHA-256 of a JSON-able value (sorted keys: the same value always gives the same digest)."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def file_digest(path: Path | str, limit: int = 64 * 1024 * 1024) -> str | None:
    """SHA-256 of a regular file's bytes; None when it cannot be read, is not a regular file
    (a FIFO would block, /dev/zero never ends: the loader reports those) or exceeds ``limit``."""
    import stat

    try:  # look before opening: opening a FIFO, even without waiting, disturbs its writer
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        h = hashlib.sha256()
        while chunk := os.read(fd, 1 << 20):
            h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


class Cache:
    """One run's view of the cache directory (``None`` directory: disabled)."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.hits = 0
        self.misses = 0
        self.writes = 0

    @classmethod
    def open(cls, enabled: bool = True) -> Cache:
        return cls(root() if enabled else None)

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.json"

    def key(self, *parts: Any) -> str:
        return digest([FORMAT, build(), *parts])

    def get(self, key: str) -> Any:
        """The value stored under ``key``, or None (missing, torn, corrupt, another build, or a
        referenced file that changed)."""
        if self.directory is None:
            return None
        try:
            with open(self._path(key), "rb") as fh:
                entry = json.loads(fh.read())
        except (OSError, ValueError):
            self.misses += 1
            return None
        if not (isinstance(entry, dict) and entry.get("key") == key and entry.get("build") == build()
                and isinstance(entry.get("referenced"), dict)):
            self.misses += 1
            return None
        for ref, sha in entry["referenced"].items():
            if file_digest(ref) != sha:
                self.misses += 1
                return None
        self.hits += 1
        return entry.get("value")

    def put(self, key: str, value: Any, referenced: dict[str, str] | None = None) -> None:
        """Store ``value`` (JSON-able) under ``key``, atomically; errors are ignored."""
        if self.directory is None:
            return
        path = self._path(key)
        data = json.dumps({"key": key, "build": build(), "referenced": referenced or {}, "value": value},
                          ensure_ascii=False, sort_keys=True).encode()
        import tempfile

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, path)
            except BaseException:
                _remove(Path(tmp))
                raise
        except OSError:
            return
        self.writes += 1

    def prune(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> int:
        """Remove the oldest entries (of every build) when over a bound; how many were removed."""
        if self.directory is None or not self.writes:
            return 0
        top = self.directory
        entries: list[tuple[int, int, str]] = []
        try:
            for sub in os.scandir(top):
                if not sub.is_dir(follow_symlinks=False):
                    continue
                for e in os.scandir(sub.path):
                    try:
                        st = e.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    entries.append((st.st_mtime_ns, st.st_size, e.path))
        except OSError:
            return 0
        total = sum(size for _, size, _ in entries)
        if len(entries) <= max_entries and total <= max_bytes:
            return 0
        entries.sort()
        removed = 0
        while entries and (len(entries) > max_entries * 0.8 or total > max_bytes * 0.8):
            _, size, name = entries.pop(0)
            _remove(Path(name))
            total -= size
            removed += 1
        return removed


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


__all__ = ["Cache", "ENV", "build", "digest", "file_digest", "root"]
