"""The render cache: a chart whose inputs, options and csdesign build are unchanged is not
loaded, built, laid out or drawn again; its file bytes are read back.

Where: beside the lint cache (:mod:`csdesign.lint.cache`), under ``render/v1`` of
``$CSDESIGN_CACHE_DIR`` or the user cache directory. ``csdesign render --no-cache`` neither
reads nor writes it; charts in the terminal (no ``-o``) and standard input are never cached.

Key (SHA-256 of): the entry layout (:data:`FORMAT`), the **build** (csdesign's version and
its package files' names, sizes and modification times, as the lint cache keys it), the
working directory, the **org file** and the ``--compare`` file (each as given, resolved, and
the SHA-256 of its bytes), **every option** that shapes the bytes (structure, focus, depth,
highlight, lang, page, portrait, label, view, dpi, scale, engine, output format), the
``[capacity]`` table in force when ``--highlight`` asks for findings, and the **drawing
environment**: the Graphviz that would run (pygraphviz's and its bundled libraries' files, the
``dot``/``neato`` on PATH) and the font configuration (fontconfig's files and cache
directories, and the font folders: installing a font changes text widths, so layouts).

An entry is one file: a JSON header line (key, build, the engine used, the pages' sizes)
then the pages' bytes. It is written to a temporary file in its directory and renamed over
the old one (``os.replace``), so a reader sees a whole entry or none; an entry whose header
does not parse, whose key or build differs, or whose length is not what the header says is a
miss. A run that printed anything on stderr while it drew (a warning) is not stored, so a hit
never hides a warning. Bounded: over :data:`MAX_ENTRIES` entries or :data:`MAX_BYTES`, the
oldest are removed down to 80 %. The cache never makes a render fail.

Only the standard library here: a hit imports neither pydantic, networkx, PyYAML nor Graphviz.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

from csdesign.lint.cache import Cache, build, digest, file_digest
from csdesign.lint.cache import root as cache_root

#: Layout version of the entries (bump when their shape changes).
FORMAT = 1
MAX_ENTRIES = 2_000
MAX_BYTES = 256 * 1024 * 1024
_MAGIC = b"csdesign-render\n"


@dataclass(frozen=True)
class RenderKey:
    """What a chart file is made from, as the render command received it."""

    org: str
    kind: str  # the output format (svg, png, pdf, dot, mmd, json, html)
    structure: str | None = None
    focus: str | None = None
    depth: int | None = None
    highlight: str | None = None
    compare: str | None = None
    lang: str | None = None  # None: the org's language (in the key through the org's bytes)
    page: str = "16:9"
    portrait: bool = False
    label: str = "title,name,headcount,level"
    view: str = "chart"
    dpi: int | None = None
    scale: float | None = None
    engine: str = "auto"


def directory() -> Path:
    return cache_root().parent.parent / "render" / f"v{FORMAT}"


def _stats(folder: Path | str, recursive: bool = False) -> list[Any]:
    """Names, sizes and modification times of a folder's entries (empty when it is missing)."""
    out: list[Any] = []
    stack = [str(folder)]
    while stack:
        top = stack.pop()
        try:
            entries = sorted(os.scandir(top), key=lambda e: e.name)
            st = os.stat(top)
        except OSError:
            continue
        out.append([top, st.st_mtime_ns])
        for e in entries:
            if e.name == "__pycache__":
                continue
            try:
                info = e.stat()
            except OSError:
                continue
            out.append([e.name, info.st_size, info.st_mtime_ns])
            if recursive and e.is_dir():
                stack.append(e.path)
    return out


def _stat(path: str | None) -> Any:
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return [path, None]
    return [os.path.realpath(path), st.st_size, st.st_mtime_ns]


def environment() -> Any:
    """The drawing environment: the Graphviz that would run and the fonts it would measure with."""
    import importlib.util
    import shutil

    try:
        spec = importlib.util.find_spec("pygraphviz")
    except (ImportError, ValueError):
        spec = None
    embedded: Any = None
    if spec is not None and spec.origin:
        package = Path(spec.origin).parent
        embedded = [_stats(package), _stats(package.parent / "pygraphviz.libs")]
    home = Path.home()
    fonts = [_stats("/etc/fonts", recursive=True)] + [
        _stats(d) for d in ("/usr/share/fonts", "/usr/local/share/fonts", "/var/cache/fontconfig",
                            home / ".fonts", home / ".local/share/fonts", home / ".cache/fontconfig")
    ]
    env = {k: v for k, v in os.environ.items() if k.startswith(("FONTCONFIG", "FC_", "GV")) or k in ("XDG_DATA_DIRS", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")}
    return {"embedded": embedded, "system": [_stat(shutil.which(p)) for p in ("dot", "neato")], "fonts": fonts, "env": env}


def _input(path: str | None) -> list[Any] | None:
    if path is None:
        return None
    return [path, os.path.realpath(path), file_digest(path)]


class RenderCache:
    """One render's view of the cache (``None`` directory: disabled)."""

    def __init__(self, enabled: bool = True) -> None:
        self.directory = directory() if enabled else None
        self.hits = 0
        self.misses = 0
        self.writes = 0

    def key(self, req: RenderKey) -> str | None:
        """The entry key for ``req``; None when it cannot be cached (stdin, a file that cannot be read)."""
        if self.directory is None:
            return None
        from csdesign.model.stdin import is_stdin

        if is_stdin(req.org) or (req.compare is not None and is_stdin(req.compare)):
            return None
        org, compare = _input(req.org), _input(req.compare)
        if org is None or org[2] is None or (compare is not None and compare[2] is None):
            return None
        capacity: Any = None
        if req.highlight:
            from csdesign.config import find_table

            try:
                table = find_table("capacity")
            except Exception:  # a broken config: the render itself says what is wrong
                return None
            capacity = None if table is None else [table.file, table.prefix, table.data]
        return digest([FORMAT, build(), "render", str(Path.cwd()), org, compare, asdict(req), capacity, environment()])

    def get(self, key: str | None) -> tuple[list[bytes], str | None] | None:
        """The pages and engine stored under ``key``, or None (missing, torn, another build)."""
        if key is None or self.directory is None:
            return None
        try:
            with open(self._path(key), "rb") as fh:
                data = fh.read()
        except OSError:
            self.misses += 1
            return None
        pages = _parse(data, key)
        if pages is None:
            self.misses += 1
            return None
        self.hits += 1
        return pages

    def put(self, key: str | None, pages: list[bytes], used: str | None) -> None:
        """Store the pages atomically; errors are ignored."""
        if key is None or self.directory is None:
            return
        import tempfile

        header = json.dumps({"key": key, "build": build(), "used": used, "sizes": [len(p) for p in pages]}, sort_keys=True)
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".bin")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(_MAGIC + header.encode() + b"\n")
                    for page in pages:
                        fh.write(page)
                os.replace(tmp, path)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
        except OSError:
            return
        self.writes += 1
        store = Cache(self.directory)
        store.writes = self.writes
        store.prune(MAX_ENTRIES, MAX_BYTES)

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.bin"


def _parse(data: bytes, key: str) -> tuple[list[bytes], str | None] | None:
    if not data.startswith(_MAGIC):
        return None
    head, sep, body = data[len(_MAGIC):].partition(b"\n")
    try:
        header = json.loads(head)
    except ValueError:
        return None
    if not (sep and isinstance(header, dict) and header.get("key") == key and header.get("build") == build()):
        return None
    sizes = header.get("sizes")
    if not (isinstance(sizes, list) and sizes and all(isinstance(n, int) and n >= 0 for n in sizes) and sum(sizes) == len(body)):
        return None
    pages, at = [], 0
    for n in sizes:
        pages.append(body[at:at + n])
        at += n
    used = header.get("used")
    return pages, used if isinstance(used, str) else None


class Watch:
    """Stands in for sys.stderr while a chart is drawn and notes whether anything was written."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.written = False

    def write(self, text: str) -> int:
        if text:
            self.written = True
        return self.stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def watching() -> Watch:
    watch = Watch(sys.stderr)
    sys.stderr = watch
    return watch


def unwatch(watch: Watch) -> None:
    if sys.stderr is watch:
        sys.stderr = watch.stream


__all__ = ["RenderCache", "RenderKey", "Watch", "directory", "environment", "unwatch", "watching"]
