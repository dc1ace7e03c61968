"""The one place user files are written: outputs that never destroy what the user pointed at.

Every command reads its inputs through the loaders, which call :func:`note_input`, and
writes through :func:`write_atomic` (files) or the guarded standard output (:func:`guard_stdout`,
installed by the CLI). So any command, including a new one, gets these rules for free:

- A regular file is replaced atomically (temporary file in the same directory, then a
  rename): a failed or interrupted write leaves the previous file intact. Its permission
  bits (and, where allowed, its owner) are kept; a new file gets ``0666 & ~umask``.
- A symlink is written through: its final target is replaced and the link stays a link.
- A character device or FIFO (``/dev/null``, a named pipe) is written straight into;
  ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` write to that open descriptor.
  Nothing is ever renamed over something that is not a regular file.
- A directory, a block device, a socket, a read-only file, or a file that is also an input
  of this run (same path, a symlink to it or a hard link: same ``st_dev``/``st_ino``) is
  refused with an :class:`~csdesign.errors.OutputError` (exit 2) before anything is written.
- A standard output that fails (``> /dev/full``) is an OutputError
  ("cannot write to standard output: no space left on device"), not a crash.

Nothing here imports anything above :mod:`csdesign.errors`.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator

from csdesign.errors import OutputError, printable

#: (st_dev, st_ino) -> the path as the user gave it, for every input read in this run.
_INPUTS: dict[tuple[int, int], str] = {}
#: Fully resolved path -> the path as given (an input replaced since it was read still counts).
_INPUT_PATHS: dict[str, str] = {}

#: Paths that name an already open descriptor of this process.
_FD_PATH = re.compile(r"^/(?:dev/fd|proc/self/fd)/(\d+)$")
_STD_PATHS = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
_STREAM_NAMES = {0: "standard input", 1: "standard output", 2: "standard error"}

_MAX_LINKS = 40  # like the kernel's limit on symlinks followed in one lookup


def note_input(path: str | Path, info: os.stat_result | None = None) -> None:
    """Record that this run reads ``path``: no output may resolve to it."""
    shown = str(path)
    try:
        info = info or os.stat(path)
    except OSError:
        return
    _INPUTS.setdefault((info.st_dev, info.st_ino), shown)
    try:
        _INPUT_PATHS.setdefault(os.path.realpath(path), shown)
    except (OSError, ValueError):
        pass


def forget_inputs() -> None:
    """Start a new run (the CLI calls this first; tests run many commands in one process)."""
    _INPUTS.clear()
    _INPUT_PATHS.clear()


def _input_for(info: os.stat_result, real: str | None) -> str | None:
    if not stat.S_ISREG(info.st_mode):
        return None  # writing into a device or pipe destroys nothing
    hit = _INPUTS.get((info.st_dev, info.st_ino))
    if hit is None and real is not None:
        hit = _INPUT_PATHS.get(real)
    return hit


def reason(exc: OSError) -> str:
    """``No space left on device`` -> ``no space left on device`` (it follows a colon)."""
    text = exc.strerror or os.strerror(exc.errno or 0) or type(exc).__name__
    return text[:1].lower() + text[1:]


def _refuse_input(shown: str, source: str) -> OutputError:
    same = "is" if os.path.abspath(source) == os.path.abspath(shown) else f"is the same file as {printable(source)}, which is"
    return OutputError(f"{printable(shown)}: {same} an input of this command; writing it would destroy the input",
                       hint="choose another output path")


def _resolve_links(path: Path) -> Path:
    """Follow a chain of symlinks at ``path`` to the path that should be replaced."""
    target = path
    for _ in range(_MAX_LINKS):
        try:
            if not target.is_symlink():
                return target
            link = os.readlink(target)
        except OSError:
            return target
        target = Path(link) if os.path.isabs(link) else target.parent / link
    raise OutputError(f"{printable(str(path))}: too many levels of symbolic links", hint="fix the link or choose another output path")


def _fd_of(path: str) -> int | None:
    if path in _STD_PATHS:
        return _STD_PATHS[path]
    m = _FD_PATH.match(path)
    return int(m.group(1)) if m else None


class TextChunks:
    """Text made piece by piece (the JSON report of a 100,000-box org is 25 MB): written to a
    file or standard output as it is made, so the whole text and its UTF-8 bytes are never
    held at once. ``str()`` joins it, for callers that want the text."""

    BLOCK = 1 << 20  # characters gathered before a write

    def __init__(self, pieces: Callable[[], Iterable[str]]) -> None:
        self._pieces = pieces

    def __iter__(self) -> Iterator[str]:
        """The text in blocks of about :data:`BLOCK` characters."""
        buf: list[str] = []
        size = 0
        for piece in self._pieces():
            buf.append(piece)
            size += len(piece)
            if size >= self.BLOCK:
                yield "".join(buf)
                buf, size = [], 0
        if buf:
            yield "".join(buf)

    def __str__(self) -> str:
        return "".join(self)


def _blocks(data: bytes | str | TextChunks) -> Iterator[bytes]:
    if isinstance(data, bytes):
        yield data
    elif isinstance(data, str):
        yield data.encode("utf-8")
    else:
        for block in data:
            yield block.encode("utf-8")


def write_atomic(path: str | Path, data: bytes | str | TextChunks) -> None:
    """Write ``data`` to ``path`` under the rules in the module docstring."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    how, target, info = _plan(path)
    name = printable(str(path))
    if isinstance(target, int):
        _write_descriptor(target, str(path), payload)
    elif how == "stream":
        _write_into(target, name, payload)
    else:
        _replace(target, target.parent if str(target.parent) else Path("."), name, payload, info)


def check_output(path: str | Path) -> None:
    """Raise the OutputError that :func:`write_atomic` would, without writing anything.

    For commands that write several files: check them all before writing the first."""
    _plan(path)


def _plan(path: str | Path) -> tuple[str, Path | int, os.stat_result | None]:
    """How ``path`` will be written: ("descriptor", the fd, its stat), ("stream", the device
    or FIFO, its stat) or ("replace", the regular file to replace, its stat or None when new)."""
    shown = str(path)
    fd = _fd_of(shown)
    if fd is not None:
        return "descriptor", fd, _descriptor_info(fd, shown)
    target = _resolve_links(Path(path))
    parent = target.parent if str(target.parent) else Path(".")
    name = printable(shown)
    try:
        if not parent.is_dir():
            raise OutputError(f"{name}: directory {printable(str(parent))} does not exist", hint="create it first or choose another -o path")
        info = os.stat(target)
    except FileNotFoundError:
        return "replace", target, None
    except PermissionError:  # a directory on the way cannot be entered
        raise OutputError(f"{name}: cannot write into {printable(str(parent))} (permission denied)", hint="choose a writable directory") from None
    except OSError as exc:
        raise OutputError(f"{name}: cannot write: {exc.strerror}") from None
    kind = _kind(info.st_mode)
    if kind == "directory":
        raise OutputError(f"{name}: is a directory", hint="give a file name, not a directory")
    if kind in ("character device", "FIFO"):
        return "stream", target, info
    if kind != "regular file":
        raise OutputError(f"{name}: is a {kind}, not a file", hint="choose a file path for the output")
    source = _input_for(info, os.path.realpath(target))
    if source is not None:
        raise _refuse_input(shown, source)
    if not info.st_mode & 0o222:  # no write bit for anyone (root would ignore it)
        raise OutputError(f"{name}: is read-only", hint="make it writable (chmod u+w) or choose another output path")
    if not _writable(target):
        raise OutputError(f"{name}: cannot write (permission denied)", hint="check the file's permissions or choose another output path")
    return "replace", target, info


_KINDS = ((stat.S_ISREG, "regular file"), (stat.S_ISDIR, "directory"), (stat.S_ISCHR, "character device"),
          (stat.S_ISFIFO, "FIFO"), (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "special file")


def _writable(target: Path) -> bool:
    try:
        if os.access in os.supports_effective_ids:
            return os.access(target, os.W_OK, effective_ids=True)
        return os.access(target, os.W_OK)
    except OSError:
        return True  # let the write itself say what is wrong


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _replace(target: Path, parent: Path, name: str, payload: bytes | TextChunks, info: os.stat_result | None) -> None:
    import tempfile  # not needed for `csdesign --help`

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except PermissionError:
        raise OutputError(f"{name}: cannot write into {printable(str(parent))} (permission denied)", hint="choose a writable directory") from None
    except OSError as exc:
        raise OutputError(f"{name}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            for block in _blocks(payload):
                fh.write(block)
        os.chmod(tmp, stat.S_IMODE(info.st_mode) & 0o1777 if info is not None else _new_file_mode())
        if info is not None and hasattr(os, "chown") and (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
            try:
                os.chown(tmp, info.st_uid, info.st_gid)
            except OSError:
                pass  # not allowed to give it away: the file keeps its mode, owned by us
        os.replace(tmp, target)
    except BaseException as exc:  # also Ctrl-C mid-write: never leave the temporary file behind
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{name}: cannot write: {exc.strerror}") from None
        raise


def _write_all(fd: int, payload: bytes | TextChunks) -> None:
    for block in _blocks(payload):
        view = memoryview(block)
        while view:
            view = view[os.write(fd, view):]


def _write_into(target: Path, name: str, payload: bytes | TextChunks) -> None:
    """A character device or FIFO: open it and write, like a shell's ``>``."""
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise OutputError(f"{name}: cannot write: {exc.strerror}") from None
    try:
        _write_all(fd, payload)
    except OSError as exc:
        raise OutputError(f"{name}: cannot write: {exc.strerror}") from None
    finally:
        os.close(fd)


def _descriptor_info(fd: int, shown: str) -> os.stat_result:
    label = _STREAM_NAMES.get(fd, printable(shown))
    try:
        info = os.fstat(fd)
    except OSError:
        raise OutputError(f"cannot write to {label}: it is closed") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write to {label}: it is a directory")
    source = _input_for(info, None)
    if source is not None:
        raise OutputError(f"cannot write to {label}: it is {printable(source)}, an input of this command; writing it would destroy the input",
                          hint="redirect the output to another file")
    return info


def _write_descriptor(fd: int, shown: str, payload: bytes | TextChunks) -> None:
    """``/dev/stdout`` and friends: write to the descriptor this process already has open,
    so a shell's ``>>`` or pipe is honoured and nothing is renamed."""
    label = _STREAM_NAMES.get(fd, printable(shown))
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()  # keep what was printed before in order
        except (OSError, ValueError, AttributeError):
            pass
    try:
        _write_all(fd, payload)
    except BrokenPipeError:
        raise
    except OSError as exc:
        if fd == 1:
            _silence_stdout()
        raise OutputError(f"cannot write to {label}: {reason(exc)}") from None


# --- standard output -------------------------------------------------------------------


def _silence_stdout() -> None:
    """After stdout failed: what is still buffered goes to /dev/null, so the interpreter's
    final flush cannot fail again (which would print a traceback-like warning, exit 120)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def stdout_error(exc: OSError) -> OutputError:
    _silence_stdout()
    return OutputError(f"cannot write to standard output: {reason(exc)}")


class _Guarded:
    """Standard output (text or its binary buffer) whose failures are user errors.

    Before the first write it checks that stdout is not one of the inputs (``>> org.yaml``).
    Everything else is delegated, so rich, click and print see the real stream."""

    def __init__(self, stream, state: list):
        self._stream = stream
        self._state = state  # shared with the buffer: [None] unchecked, [False] fine, [error]

    def _check(self) -> None:
        if self._state[0] is None:
            self._state[0] = False
            try:
                info = os.fstat(self._stream.fileno())
            except (OSError, ValueError, AttributeError):
                return  # not a real descriptor (tests capture into memory)
            source = _input_for(info, None)
            if source is not None:
                self._state[0] = OutputError(
                    f"cannot write to standard output: it is {printable(source)}, an input of this command; writing it would destroy the input",
                    hint="redirect the output to another file")
        if self._state[0]:
            raise self._state[0]  # every time: a caller that swallows one error must not get through

    def _fail(self, exc: OSError) -> OutputError:
        self._state[0] = stdout_error(exc)  # sticky: click's probe writes swallow the first one
        return self._state[0]

    def write(self, data):
        self._check()
        try:
            return self._stream.write(data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._fail(exc) from None

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self._state[0]:
            raise self._state[0]
        try:
            return self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._fail(exc) from None

    @property
    def buffer(self):
        return _Guarded(self._stream.buffer, self._state)

    def __getattr__(self, name):
        return getattr(self._stream, name)


class _Closed:
    """What Python leaves as ``sys.stdout`` when descriptor 1 is closed (``>&-``)."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, data):
        if data:
            raise OSError(errno.EBADF, "it is closed")
        return 0

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise ValueError("standard output is closed")


class StdoutGuard:
    """Installed by the CLI for one run; :meth:`finish` flushes and puts the stream back."""

    def __init__(self) -> None:
        self.original = sys.stdout
        sys.stdout = _Guarded(self.original if self.original is not None else _Closed(), [None])  # type: ignore[assignment]

    def finish(self, *, quiet: bool = False) -> None:
        """Flush what is left; a failure is an OutputError unless ``quiet`` (another error is
        already being reported)."""
        guarded, sys.stdout = sys.stdout, self.original
        try:
            guarded.flush()
        except OutputError:
            if not quiet:
                raise
        except (OSError, ValueError):
            _silence_stdout()


def guard_stdout() -> StdoutGuard:
    return StdoutGuard()


__all__ = ["StdoutGuard", "check_output", "forget_inputs", "guard_stdout", "note_input", "reason", "stdout_error", "write_atomic"]
